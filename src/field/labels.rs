//! What each field and choice is called, and the hint an empty field shows.

use super::{
    AgreementPart as A, BrainPart as B, CheckInPart as K, Choice, ClosurePart as C,
    FeedbackPart as F, Field, GoalPart as G, PrepPart as Q, ProspectPart as P, ReflectPart as R,
};
use crate::model::{Fit, Workbook};

/// The closure checks, in order.
pub const CHECKS: [&str; 4] = [
    "Accomplishments acknowledged",
    "Learning evaluated",
    "Applying the learning discussed",
    "Milestones celebrated",
];

impl Field {
    /// The field's name, as a label or a box title.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Workbook",
            Field::Mentee => "Mentee",
            Field::Mentor => "Mentor",
            Field::Strength(_) => "Strength",
            Field::Limitation(_) => "Limitation",
            Field::Improvements => "What to develop and improve",
            Field::Statement => "Your vision statement",
            Field::Reflect(p) => match p {
                R::Why => "Why do I want a mentoring relationship?",
                R::Contribute => "What can I bring to it?",
                R::Gain => "What do I hope to get from it?",
                R::PartnerAttributes => "What do I look for in a partner?",
                R::PastLessons => "What did earlier mentoring teach me?",
            },
            Field::Prospect(p) => match p {
                P::LearnWhatAndWhy => "What exactly I want to learn, and why",
                P::Readiness => "How I show I am ready and committed",
                P::MenteeMotivations => "The mentee's motivations and goals, as I understand them",
                P::MenteeFitNote => "Mentee's note",
                P::MentorFitNote => "Mentor's note",
            },
            Field::Agreement(p) => match p {
                A::Purpose => "What the partnership is for",
                A::Meetings => "When, where and how often we meet",
                A::Scheduling => "Who schedules",
                A::CheckInEvery => "Check in",
                A::Confidentiality => "What confidentiality means for us",
                A::Boundaries => "Off limits",
                A::MenteeHotButtons => "Mentee's hot buttons",
                A::MentorHotButtons => "Mentor's hot buttons",
                A::PlannedLength => "Planned length",
                A::ClosingPlan => "How we will bring it to a close",
                A::AgreedOn => "Agreed on",
                A::ReviewedOn => "Last reviewed",
            },
            Field::Topic(_) => "Topic",
            Field::Closure(p) => match p {
                C::PlannedWhen => "Closing conversation on",
                C::PlannedHow => "How we will close",
                C::CheckNotes(_) => "Notes",
                C::Learned => "What I learned",
                C::WhatWorked => "What made the mentoring work",
                C::ApplyInFuture => "How I will use it in future relationships",
                C::Celebration => "How we celebrate",
                C::WhatStays => "What stays the same",
                C::WhatChanges => "What changes",
                C::StayInTouch => "How we stay in touch",
            },
            Field::Brainstorm(p) => match p {
                B::Life => "1. What do you want your life as a whole to hold?",
                B::OneYear => "2. Where do you want to be a year from now?",
                B::ThreeToFiveYears => "3. And in three to five years?",
                B::SkillsEnough => "4. Will the skills you have today take you there?",
                B::ResourcesAndSkills => {
                    "5. What do you have to work with, and what must you learn?"
                }
                B::WeaknessesAndTraits => "6. Which weaknesses and traits do you want to work on?",
                B::Sacrifices => "7. What are you prepared to give up for it?",
                B::WhyAndPhilosophy => "8. Why these aims, and do they fit how you want to live?",
                B::Networking => {
                    "9. Is your circle of contacts what you need? If not, how will you grow it?"
                }
            },
            Field::Candidate(_) => "Candidate",
            Field::Goal(_, p) => match p {
                G::Title => "Goal",
                G::Specific => "Specific: what exactly will you do?",
                G::Attainable => "Attainable: why is it within reach, with a stretch?",
                G::Relevant => "Relevant: how does it serve your vision?",
                G::Deadline => "Deadline",
                G::MentorComment => "The mentor's view: does it stretch without breaking?",
                G::Skills => "1. Skills or knowledge to acquire",
                G::Outcome => "2. Outcome: how you will know the goal is met",
                G::TargetDate => "5. Target date",
                G::ReviewedOn => "Reviewed with mentor",
                G::Roadblocks => "Pitfalls and obstacles, and how to get round them",
            },
            Field::Measure(..) => "Measure",
            Field::Milestone(..) => "Milestone",
            Field::MilestoneDate(..) => "Date",
            Field::Step(..) => "Step",
            Field::StepDue(..) => "Due",
            Field::StepAfter(..) => "After steps",
            Field::Resource(..) => "Resource",
            Field::ConvAt(_) => "When",
            Field::Prep(_, p) => match p {
                Q::Purpose => "Purpose: why we meet, and what success looks like",
                Q::Preparation => "Preparation: what I want from this conversation",
                Q::Participation => "Participation: how I will be fully present",
                Q::Plan => "Plan: where this leads, and what I need next",
            },
            Field::Agenda(..) => "Agenda item",
            Field::Notes(_) => "Notes",
            Field::Feedback(_, p) => match p {
                F::Given => "Feedback I gave",
                F::Received => "Feedback I received",
                F::OnFeedback => "Feedback on the feedback",
            },
            Field::Commitment(..) => "Commitment",
            Field::CommitmentDue(..) => "Due",
            Field::NextMeeting(_) => "Next meeting on",
            Field::NextGoal(_) => "Its goal",
            Field::CheckIn(_, p) => match p {
                K::Date => "Date",
                K::ProcessWorking => "Is the way we work together working for both of us?",
                K::Progress => "How much progress since the last check-in?",
                K::Relationship => "How is the relationship going?",
                K::Adjustments => "How is the time used? What would make it more productive?",
            },
            Field::Entry(_) => "Entry",
            Field::EntryTags(_) => "Tags",
            Field::JournalQuery => "Filter",
        }
    }

    /// Shown in an empty field, in the editor as in the view.
    pub fn placeholder(self) -> &'static str {
        match self {
            Field::Title => "a name for this workbook",
            Field::Mentee => "who is being mentored",
            Field::Mentor => "who is mentoring",
            Field::Strength(_) => "something you do well",
            Field::Limitation(_) => "something that holds you back",
            Field::Improvements => {
                "Which strengths will you build on, and which limitations will you work on?"
            }
            Field::Statement => {
                "Describe yourself once you have got there, in the present tense: \"I …\""
            }
            Field::Reflect(p) => match p {
                R::Why => "What is pushing you to look for a mentor now?",
                R::Contribute => "Time, energy, questions, a different point of view…",
                R::Gain => "Skills, perspective, contacts, confidence…",
                R::PartnerAttributes => "Experience, style, values: what would make it work?",
                R::PastLessons => "What worked before, and what would you do differently?",
            },
            Field::Prospect(p) => match p {
                P::LearnWhatAndWhy => {
                    "Be precise: a skill, a role, a situation, and what it changes"
                }
                P::Readiness => "Your enthusiasm for your work, what you already do to grow",
                P::MenteeMotivations => "What drives them, where they want to go",
                P::MenteeFitNote | P::MentorFitNote => "why, in a line",
            },
            Field::Agreement(p) => match p {
                A::Purpose => "What should be different when the partnership ends?",
                A::Meetings => "e.g. every other Thursday, 08:30, by video, 45 minutes",
                A::Scheduling => "who sends the invitation and the agenda",
                A::CheckInEvery => "e.g. 30, 2w or 1m",
                A::Confidentiality => "What stays between you, and what may be shared?",
                A::Boundaries => "Topics or behaviour you agree to keep out",
                A::MenteeHotButtons | A::MentorHotButtons => {
                    "Behaviour in others that sets this person off"
                }
                A::PlannedLength => "e.g. nine months, reviewed after three",
                A::ClosingPlan => "A closing conversation, a written summary, a celebration…",
                A::AgreedOn | A::ReviewedOn => "a date: 2026-12-01, today, +2w, fri",
            },
            Field::Topic(_) => "a question or subject to bring to your mentor",
            Field::Closure(p) => match p {
                C::PlannedWhen => "a date: 2027-06-01, +3m, next month",
                C::PlannedHow => "The last meeting, a summary, who you will thank…",
                C::CheckNotes(_) => "what you said or decided",
                C::Learned => "The learning this partnership produced",
                C::WhatWorked => "Habits, tools, attitudes that made the difference",
                C::ApplyInFuture => "As a mentee again, or as a mentor",
                C::Celebration => "Something that means something to both of you",
                C::WhatStays => "If you continue: what you keep doing",
                C::WhatChanges => "If you continue: what you do differently",
                C::StayInTouch => "How often, and how",
            },
            Field::Brainstorm(p) => match p {
                B::Life => "Work, family, health, the things that matter beyond the job",
                B::OneYear => "A role, a skill mastered, a project delivered…",
                B::ThreeToFiveYears => {
                    "The position you aim for; job descriptions of such roles show what it takes"
                }
                B::SkillsEnough => "Honestly: yes, partly, not yet. Where is the gap?",
                B::ResourcesAndSkills => {
                    "People, time, budget, training; your last evaluation can point at the gaps"
                }
                B::WeaknessesAndTraits => "Patience, assertiveness, focus, listening…",
                B::Sacrifices => "Evenings, a comfortable role, money, a habit…",
                B::WhyAndPhilosophy => "What drives you, and whether it sits well with your values",
                B::Networking => "Who is missing: peers, sponsors, people in the field you aim for",
            },
            Field::Candidate(_) => "an area of your working life that could grow",
            Field::Goal(_, p) => match p {
                G::Title => "a short name for the goal",
                G::Specific => "One precise, focused aim that takes a stretch to reach",
                G::Attainable => "What you already have going for you, and what you both agree to",
                G::Relevant => "The link between this goal and your vision statement",
                G::Deadline | G::TargetDate => "a date: 2027-03-31, +3m, next month",
                G::ReviewedOn => "a date, or press r on this screen to record today",
                G::MentorComment => "Mentor: too easy, about right, or a setup for frustration?",
                G::Skills => "What you need to know or be able to do that you cannot yet",
                G::Outcome => "What will be true, visible or different once it is done",
                G::Roadblocks => "What usually gets in the way, and what you will do about it",
            },
            Field::Measure(..) => "how you will see progress, e.g. explain the budget unaided",
            Field::Milestone(..) => "a checkpoint on the way",
            Field::MilestoneDate(..) | Field::StepDue(..) => "a date: 2026-12-01, +2w, fri",
            Field::Step(..) => "one concrete thing to do",
            Field::StepAfter(..) => "step numbers, e.g. 1, 3 (empty: none)",
            Field::Resource(..) => "a tool, a course, a person, time",
            Field::ConvAt(_) => "2026-12-01 08:30, fri 14:00, 14:00",
            Field::Prep(_, p) => match p {
                Q::Purpose => "What this meeting is for, and where that came from",
                Q::Preparation => "What you want out of it; what is still open from last time",
                Q::Participation => "Distractions to put away, the mindset to bring",
                Q::Plan => "How it serves your goals; your next steps",
            },
            Field::Agenda(..) => "something to talk about",
            Field::Notes(_) => "What was said, decided, discovered",
            Field::Feedback(_, p) => match p {
                F::Given => "What they did, when, and its effect: behaviour, with an example",
                F::Received => "What you heard; ask until it is specific",
                F::OnFeedback => "Was it understood and agreed? How did it land?",
            },
            Field::Commitment(..) => "who does what next",
            Field::CommitmentDue(..) | Field::NextMeeting(_) | Field::CheckIn(_, K::Date) => {
                "a date: 2026-12-01, +2w, fri"
            }
            Field::NextGoal(_) => "what the next meeting should achieve",
            Field::CheckIn(..) => "A few honest sentences",
            Field::Entry(_) => "Write freely. Esc when done; it is saved as you type.",
            Field::EntryTags(_) => "e.g. reviews, mood (commas or spaces)",
            Field::JournalQuery => "#tag goal:1 from:2026-01-01 to:today words",
        }
    }
}

fn goal(wb: &Workbook, g: usize) -> Option<&crate::model::Goal> {
    wb.goals.get(g)
}

impl Choice {
    /// The choice's name.
    pub fn label(self) -> String {
        match self {
            Choice::Role => "I am the".into(),
            Choice::Phase => "Phase".into(),
            Choice::MenteeFit => "Mentee's decision".into(),
            Choice::MentorFit => "Mentor's decision".into(),
            Choice::Check(k) => CHECKS.get(k).copied().unwrap_or("Check").into(),
            Choice::ContinueTogether => "Continue with the same partner?".into(),
            Choice::MenteeWillMentor => "Will the mentee now mentor someone?".into(),
            Choice::GoalStatus(_) => "Status".into(),
            Choice::Horizon(_) => "Horizon".into(),
            Choice::MeasureKind(..) => "Kind of measure".into(),
            Choice::MilestoneDone(..) => "Milestone done".into(),
            Choice::Owner(..) => "Owner".into(),
            Choice::Helper(..) => "Who helps".into(),
            Choice::ConvKind(_) => "Kind".into(),
            Choice::AgendaDone(..) => "Dealt with".into(),
            Choice::CommitmentOwner(..) => "Owner".into(),
            Choice::EntryPrivate(_) => "Private".into(),
            Choice::EntryLink(_) => "Linked to".into(),
        }
    }

    /// The current option, in words.
    pub fn value(self, wb: &Workbook) -> String {
        fn fit(f: Option<Fit>) -> &'static str {
            match f {
                None => "not decided",
                Some(Fit::Good) => "a good fit",
                Some(Fit::NotYet) => "not yet",
                Some(Fit::NotAFit) => "not a fit",
            }
        }
        fn maybe(b: Option<bool>) -> &'static str {
            match b {
                None => "not decided",
                Some(true) => "yes",
                Some(false) => "no",
            }
        }
        match self {
            Choice::Role => match wb.role {
                crate::model::Role::Mentee => "mentee".into(),
                crate::model::Role::Mentor => "mentor".into(),
            },
            Choice::Phase => format!("{}: {}", wb.phase.name(), wb.phase.about()),
            Choice::MenteeFit => fit(wb.prospect.mentee_fit.verdict).into(),
            Choice::MentorFit => fit(wb.prospect.mentor_fit.verdict).into(),
            Choice::Check(k) => {
                let done = super::closure_check(wb, k).is_some_and(|c| c.done);
                (if done { "[x] done" } else { "[ ] not yet" }).into()
            }
            Choice::ContinueTogether => maybe(wb.closure.continue_together).into(),
            Choice::MenteeWillMentor => maybe(wb.closure.mentee_will_mentor).into(),
            Choice::GoalStatus(g) => goal(wb, g).map_or("", |g| g.status.name()).into(),
            Choice::Horizon(g) => goal(wb, g).map_or("", |g| g.horizon.name()).into(),
            Choice::MeasureKind(g, i) => (goal(wb, g).and_then(|g| g.measures.get(i)))
                .map_or("", |m| m.kind.name())
                .into(),
            Choice::MilestoneDone(g, i) => {
                let done = (goal(wb, g).and_then(|g| g.milestones.get(i))).is_some_and(|m| m.done);
                (if done { "[x] done" } else { "[ ] not yet" }).into()
            }
            Choice::Owner(g, i) => (goal(wb, g).and_then(|g| g.plan.steps.get(i)))
                .map_or("", |s| s.owner.name())
                .into(),
            Choice::Helper(g, i) => (goal(wb, g).and_then(|g| g.plan.resources.get(i)))
                .map_or("", |r| r.helper.name())
                .into(),
            Choice::ConvKind(c) => (wb.conversations.get(c))
                .map_or("", |c| c.kind.name())
                .into(),
            Choice::AgendaDone(c, k) => {
                let done =
                    (wb.conversations.get(c).and_then(|c| c.agenda.get(k))).is_some_and(|a| a.done);
                (if done { "[x] done" } else { "[ ] open" }).into()
            }
            Choice::CommitmentOwner(c, k) => (wb.conversations.get(c))
                .and_then(|c| c.commitments.get(k))
                .map_or("", |x| x.owner.name())
                .into(),
            Choice::EntryPrivate(i) => {
                if wb.journal.get(i).is_none_or(|e| e.private) {
                    "yes: never in call mode or exports".into()
                } else {
                    "no: may be shown and shared".into()
                }
            }
            Choice::EntryLink(i) => match wb.journal.get(i) {
                Some(e) => link_name(wb, e.goal, e.conversation),
                None => String::new(),
            },
        }
    }
}

/// What a journal entry is linked to, in words.
pub fn link_name(
    wb: &Workbook,
    goal: Option<crate::model::Id>,
    conversation: Option<crate::model::Id>,
) -> String {
    if let Some(g) = goal.and_then(|id| wb.goals.iter().find(|g| g.id == id)) {
        return format!("goal: {}", g.name());
    }
    if let Some(c) = conversation.and_then(|id| wb.conversations.iter().find(|c| c.id == id)) {
        return format!(
            "conversation: {} ({})",
            c.at.format("%Y-%m-%d %H:%M"),
            c.kind.name()
        );
    }
    "nothing".into()
}
