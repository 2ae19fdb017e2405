//! What each kind of conversation is for and the questions that guide it, in our words.

use crate::model::ConversationKind as K;

/// A few words for the kind picker.
pub fn kind_summary(kind: K) -> &'static str {
    match kind {
        K::Awareness => "getting to know each other",
        K::Exploration => "weighing directions, choosing one",
        K::Preparation => "planning how to get there",
        K::WithYourself => "before you look for a partner",
        K::ProspectiveMentor => "meeting a possible partner",
        K::Accountability => "setting the ground rules",
        K::Goal => "working on SMART goals",
        K::Feedback => "asking for and giving feedback",
        K::CheckIn => "how the partnership is working",
        K::Closure => "ending well",
    }
}

/// The heading of what a conversation of the arc records, in documents.
pub fn arc_heading(kind: K) -> &'static str {
    match kind {
        K::Awareness => "Awareness",
        K::Exploration => "Exploration",
        _ => "Preparation",
    }
}

/// The purpose, then the guiding questions, of a kind of conversation.
pub fn guide(kind: K) -> (&'static str, &'static [&'static str]) {
    match kind {
        K::Awareness => (
            "Get to know each other. Find the ground you share and build the trust \
             everything else rests on. Note the common ground you discover.",
            &[
                "What do we have in common, at work and beyond it?",
                "What does each of us hope to get from this?",
                "How do we each like to talk and to be challenged?",
            ],
        ),
        K::Exploration => (
            "Once trust is there, lay out the directions open to the mentee, weigh them \
             together, and record the one you choose and why.",
            &[
                "Which options are really open?",
                "What speaks for and against each one?",
                "Which do we choose, and what made the difference?",
            ],
        ),
        K::Preparation => (
            "Plan how the mentee gets ready to succeed in the chosen direction, as joint \
             work: first identify the activities, then put them in order, then agree on the \
             measures that will show success. It can come back whenever a set of committed \
             actions is on the table.",
            &[
                "Which next steps are needed?",
                "What is each of us willing to do?",
                "Does it line up with the results hoped for, and with the timeline?",
                "What will success look like?",
                "Time for one when you want to weigh ways to reach a goal, secure \
                 commitment to next steps, size the effort, or rehearse a skill to gain \
                 confidence.",
            ],
        ),
        K::WithYourself => (
            "Before looking for a partner, get clear on why you want one.",
            &[
                "Why do I want a mentoring relationship?",
                "What can I bring, and what do I hope to gain?",
                "What do I look for in a partner? What did earlier mentoring teach me?",
            ],
        ),
        K::ProspectiveMentor => (
            "A first meeting with a possible partner. Each side decides whether the match \
             is right for them.",
            &[
                "Mentee: what exactly do I want to learn, and why?",
                "Mentee: how do I show enthusiasm for my work and readiness to learn?",
                "Mentor: what drives this person, and where do they want to go?",
            ],
        ),
        K::Accountability => (
            "Agree the ground rules at the start, and write them into the partnership \
             agreement (exercise 3).",
            &[
                "When and where do we meet, and who schedules?",
                "What does confidentiality mean for us? What is off limits?",
                "What are our hot buttons? How often do we check in?",
            ],
        ),
        K::Goal => (
            "Spend the time on what the mentee wants to learn, written as SMART goals that \
             stretch, look ahead and fit their development. No more than three at a time.",
            &[
                "Is each goal precise and focused?",
                "Which measures and milestones will show progress?",
                "Does it take a stretch without setting up a failure?",
            ],
        ),
        K::Feedback => (
            "Make feedback a habit. Ask for it on something specific; give it concretely, \
             with examples, about behaviour rather than personality.",
            &[
                "What exactly do I want feedback on?",
                "Which example shows what I mean?",
                "Was it understood, and do we agree? What do you make of my feedback?",
            ],
        ),
        K::CheckIn => (
            "On the schedule you agreed, step back from the goals and look at the \
             partnership itself. A good moment to revisit the agreement.",
            &[
                "Is the way we work together working for both of us?",
                "How much progress have we made?",
                "How is the relationship going?",
                "How is our time used, and what would make it more productive?",
            ],
        ),
        K::Closure => (
            "Planned well ahead, not an abrupt stop: acknowledge what was achieved, \
             evaluate the learning, talk about applying it, and celebrate.",
            &[
                "What was learned, and how will it be used and built on?",
                "What comes next for the two of us?",
            ],
        ),
    }
}

/// The guide as one text: purpose, a blank line, the questions as bullets.
pub fn guide_text(kind: K) -> String {
    let (purpose, questions) = guide(kind);
    let mut text = purpose.to_string();
    text.push('\n');
    for q in questions {
        text.push_str("\n• ");
        text.push_str(q);
    }
    text
}
