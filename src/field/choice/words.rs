//! What a choice is called and its current option in words (the pages, the documents and
//! the pickers all read them from here).

use super::{CHECKS, Choice, closure_check};
use crate::model::{CareerState, Fit, Pledge, Shown, Sign, Support, Workbook};

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
            Choice::CommitmentDone(..) => "Done".into(),
            Choice::MentorNotes => "Your own notes".into(),
            Choice::EntryPrivate(_) | Choice::ConversationPrivate(_) => "Private".into(),
            Choice::EntryLink(_) => "Linked to".into(),
            Choice::Sign(_, k) => Sign::ALL.get(k).map_or("Sign", |s| s.name()).into(),
            Choice::Committed(_) => "Course of action".into(),
            Choice::CareerChange => "Change sought".into(),
            Choice::CareerState => "How clear it is".into(),
            Choice::Pledge(_, k) => Pledge::ALL.get(k).map_or("", |p| p.name()).into(),
            Choice::Understood(_) => "Understood, agreed".into(),
            Choice::Shown(k) => Shown::ALL.get(k).map_or("", |s| s.name()).into(),
            Choice::Support(_, k) => match Support::ALL.get(k) {
                Some(Support::CareerNow) => "Career, short term".into(),
                Some(Support::CareerLater) => "Career, long term".into(),
                _ => "Psychosocial".into(),
            },
            Choice::StepSupport(..) => "Support".into(),
            Choice::CoreSkill(_, k) => (crate::model::CoreSkill::ALL.get(k))
                .map_or("", |s| s.name())
                .into(),
            Choice::TopicSource(_) => "  Where it showed".into(),
            Choice::GoalNeed(..) => "Serves".into(),
            Choice::PersonRole(_) => "Role".into(),
            Choice::Present(..) => "Also there".into(),
            Choice::WinKind(_) => "Kind of win".into(),
            Choice::WinGoal(_) => "Serves the goal".into(),
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
                let done = closure_check(wb, k).is_some_and(|c| c.done);
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
                .map_or(String::new(), |s| wb.carrier(s.owner, s.who).into_owned()),
            Choice::Helper(g, i) => (goal(wb, g).and_then(|g| g.plan.resources.get(i)))
                .map_or(String::new(), |r| wb.helper(r).into_owned()),
            Choice::ConvKind(c) => (wb.conversations.get(c))
                .map_or("", |c| c.kind.name())
                .into(),
            Choice::AgendaDone(c, k) => {
                let done =
                    (wb.conversations.get(c).and_then(|c| c.agenda.get(k))).is_some_and(|a| a.done);
                (if done { "[x] done" } else { "[ ] open" }).into()
            }
            Choice::MentorNotes => (if wb.mentor_notes_shared {
                "shared: shown in calls and exports"
            } else {
                "private (prospect, 4 Ps, your view on goals)"
            })
            .into(),
            Choice::CommitmentDone(c, k) => {
                let done = (wb.conversations.get(c).and_then(|c| c.commitments.get(k)))
                    .is_some_and(|x| x.done);
                (if done { "[x] done" } else { "[ ] open" }).into()
            }
            Choice::CommitmentOwner(c, k) => (wb.conversations.get(c))
                .and_then(|c| c.commitments.get(k))
                .map_or(String::new(), |x| wb.carrier(x.owner, x.who).into_owned()),
            Choice::ConversationPrivate(c) => {
                if wb.conversations.get(c).is_none_or(|c| c.private) {
                    "yes: never in call mode, exports or the next agenda".into()
                } else {
                    "no: may be shown and shared".into()
                }
            }
            Choice::EntryPrivate(i) => {
                if wb.journal.get(i).is_none_or(|e| e.private) {
                    "yes: never in call mode or exports".into()
                } else {
                    "no: may be shown and shared".into()
                }
            }
            Choice::Sign(c, k) => {
                let Some(sign) = Sign::ALL.get(k) else {
                    return String::new();
                };
                let on = (wb.conversations.get(c)).is_some_and(|c| c.arc.signs.contains(sign));
                format!("{} {}", if on { "[x]" } else { "[ ]" }, sign.label())
            }
            Choice::Committed(c) => {
                if wb.conversations.get(c).is_some_and(|c| c.arc.committed) {
                    "[x] committed: we are preparing to do it".into()
                } else {
                    "[ ] intended, not yet committed".into()
                }
            }
            Choice::Pledge(c, k) => {
                let on = (wb.conversations.get(c).zip(Pledge::ALL.get(k)))
                    .is_some_and(|(c, p)| c.prep.pledges.contains(p));
                (if on { "[x] kept" } else { "[ ] not yet" }).into()
            }
            Choice::Understood(c) => {
                if wb
                    .conversations
                    .get(c)
                    .is_some_and(|c| c.feedback.understood)
                {
                    "[x] checked with each other".into()
                } else {
                    "[ ] not checked yet".into()
                }
            }
            Choice::Shown(k) => match Shown::ALL.get(k) {
                Some(s) => {
                    let on = wb.prospect.shown.contains(s);
                    format!("{} {}", if on { "[x]" } else { "[ ]" }, s.about())
                }
                None => String::new(),
            },
            Choice::Support(g, k) => match (goal(wb, g), Support::ALL.get(k)) {
                (Some(goal), Some(s)) => {
                    let on = goal.support.contains(s);
                    format!("{} {}", if on { "[x]" } else { "[ ]" }, s.about())
                }
                _ => String::new(),
            },
            Choice::CoreSkill(g, k) => match (goal(wb, g), crate::model::CoreSkill::ALL.get(k)) {
                (Some(goal), Some(s)) => {
                    let on = goal.skills.contains(s);
                    format!("{} {}", if on { "[x]" } else { "[ ]" }, s.about())
                }
                _ => String::new(),
            },
            Choice::StepSupport(g, i) => (goal(wb, g).and_then(|g| g.plan.steps.get(i)))
                .and_then(|s| s.support)
                .map_or("none named", |s| s.name())
                .into(),
            Choice::TopicSource(i) => (wb.mentoring_plan.topics.get(i).and_then(|t| t.source))
                .map_or("not said", |s| s.name())
                .into(),
            Choice::GoalNeed(g, i) => match (goal(wb, g), wb.mentoring_plan.topics.get(i)) {
                (Some(goal), Some(t)) => {
                    let on = goal.needs.contains(&t.id);
                    format!("{} {}", if on { "[x]" } else { "[ ]" }, t.text.trim())
                }
                _ => String::new(),
            },
            Choice::PersonRole(i) => wb.people.get(i).map_or("", |p| p.role.name()).into(),
            Choice::Present(c, i) => match (wb.conversations.get(c), wb.people.get(i)) {
                (Some(c), Some(p)) => format!(
                    "{} {}, {}",
                    if c.with.contains(&p.id) { "[x]" } else { "[ ]" },
                    p.name.trim(),
                    p.role.name()
                ),
                _ => String::new(),
            },
            Choice::WinKind(i) => wb.wins.get(i).map_or("", |w| w.kind.name()).into(),
            Choice::WinGoal(i) => (wb.wins.get(i).and_then(|w| wb.win_goal(w)))
                .map_or("none", |g| g.name())
                .into(),
            Choice::CareerChange => (wb.mentoring_plan.career.change)
                .map_or("not decided", |c| c.name())
                .into(),
            Choice::CareerState => match wb.mentoring_plan.career.state {
                None => "not decided".into(),
                Some(CareerState::NoIdeaYet) => "no idea yet: we design a path together".into(),
                Some(CareerState::GoalSet) => "a goal is set: we talk it through".into(),
            },
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
