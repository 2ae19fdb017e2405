//! Values picked from a few options (a role, a fit decision, a tick, a goal's status…):
//! what each is called, its current option in words, and moving it on.

use super::lists::next_owner;
use crate::model::{
    CareerState, Change, Fit, Helper, Horizon, MeasureKind, Pledge, Role, Shown, Sign, Support,
    Workbook, toggle_in,
};

/// The closure checks, in order.
pub const CHECKS: [&str; 4] = [
    "Accomplishments acknowledged",
    "Learning evaluated",
    "Applying the learning discussed",
    "Milestones celebrated",
];

/// The k-th closure check (0..4), in the order the closing conversation takes them.
pub fn closure_check(wb: &Workbook, k: usize) -> Option<&crate::model::ClosureCheck> {
    let c = &wb.closure;
    [
        &c.accomplishments_acknowledged,
        &c.learning_evaluated,
        &c.application_discussed,
        &c.milestones_celebrated,
    ]
    .get(k)
    .copied()
}

fn closure_check_mut(wb: &mut Workbook, k: usize) -> Option<&mut crate::model::ClosureCheck> {
    let c = &mut wb.closure;
    match k {
        0 => Some(&mut c.accomplishments_acknowledged),
        1 => Some(&mut c.learning_evaluated),
        2 => Some(&mut c.application_discussed),
        3 => Some(&mut c.milestones_celebrated),
        _ => None,
    }
}

/// A list that grows with `a` and shrinks with `d`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    Role,
    Phase,
    MenteeFit,
    MentorFit,
    /// Closure check 0..4 done or not.
    Check(usize),
    ContinueTogether,
    MenteeWillMentor,
    /// Of goal `g`: its status (picked from a list, see `update`), its horizon.
    GoalStatus(usize),
    Horizon(usize),
    /// Measure `i` of goal `g`: performance gain or outcome.
    MeasureKind(usize, usize),
    /// Milestone `i` of goal `g` done or not.
    MilestoneDone(usize, usize),
    /// Who carries step `i` of goal `g`.
    Owner(usize, usize),
    /// Who helps obtain resource `i` of goal `g`.
    Helper(usize, usize),
    /// The kind of conversation `c` (picked from a list).
    ConvKind(usize),
    /// Agenda item `k` of conversation `c` dealt with or not.
    AgendaDone(usize, usize),
    /// Who carries commitment `k` of conversation `c`.
    CommitmentOwner(usize, usize),
    /// Commitment `k` of conversation `c` done or not.
    CommitmentDone(usize, usize),
    /// A mentor's own notes (prospect, 4 Ps, view on goals): private or shared.
    MentorNotes,
    /// Conversation `c`: private or not.
    ConversationPrivate(usize),
    /// Journal entry `i`: private or not; what it is linked to (picked from a list).
    EntryPrivate(usize),
    EntryLink(usize),
    /// Of preparation conversation `c`: sign `k` that it is due, ticked or not; its course
    /// of action committed to or only intended.
    Sign(usize, usize),
    Committed(usize),
    /// The mentoring plan's career context: the kind of change, how clear it is.
    CareerChange,
    CareerState,
    /// Of conversation `c`: participation commitment `k` kept; its feedback understood and
    /// agreed.
    Pledge(usize, usize),
    Understood(usize),
    /// What a prospective mentee showed: `Shown::ALL[k]`.
    Shown(usize),
    /// Goal `g` asks for support of kind `Support::ALL[k]`.
    Support(usize, usize),
    /// The kind of support step `i` of goal `g` asks for.
    StepSupport(usize, usize),
    /// Win `i`: its kind; the goal it serves.
    WinKind(usize),
    WinGoal(usize),
}

impl Choice {
    /// Moves the value on to the next option.
    pub fn cycle(self, wb: &mut Workbook) {
        fn fit(f: Option<Fit>) -> Option<Fit> {
            match f {
                None => Some(Fit::Good),
                Some(Fit::Good) => Some(Fit::NotYet),
                Some(Fit::NotYet) => Some(Fit::NotAFit),
                Some(Fit::NotAFit) => None,
            }
        }
        fn maybe(b: Option<bool>) -> Option<bool> {
            match b {
                None => Some(true),
                Some(true) => Some(false),
                Some(false) => None,
            }
        }
        match self {
            Choice::Role => {
                wb.role = match wb.role {
                    Role::Mentee => Role::Mentor,
                    Role::Mentor => Role::Mentee,
                }
            }
            Choice::Phase => wb.phase = wb.phase.next(),
            Choice::MenteeFit => {
                wb.prospect.mentee_fit.verdict = fit(wb.prospect.mentee_fit.verdict)
            }
            Choice::MentorFit => {
                wb.prospect.mentor_fit.verdict = fit(wb.prospect.mentor_fit.verdict)
            }
            Choice::Check(k) => {
                if let Some(c) = closure_check_mut(wb, k) {
                    c.done = !c.done;
                }
            }
            Choice::ContinueTogether => {
                wb.closure.continue_together = maybe(wb.closure.continue_together)
            }
            Choice::MenteeWillMentor => {
                wb.closure.mentee_will_mentor = maybe(wb.closure.mentee_will_mentor)
            }
            // A status is picked from a list (`update` opens the picker instead of cycling),
            // because making a goal active may first need another to make room.
            Choice::GoalStatus(_) => {}
            Choice::Horizon(g) => {
                if let Some(goal) = wb.goals.get_mut(g) {
                    goal.horizon = match goal.horizon {
                        Horizon::Daily => Horizon::ShortTerm,
                        Horizon::ShortTerm => Horizon::LongTerm,
                        Horizon::LongTerm => Horizon::Daily,
                    }
                }
            }
            Choice::MeasureKind(g, i) => {
                if let Some(m) = wb.goals.get_mut(g).and_then(|g| g.measures.get_mut(i)) {
                    m.kind = match m.kind {
                        MeasureKind::Performance => MeasureKind::Outcome,
                        MeasureKind::Outcome => MeasureKind::Performance,
                    }
                }
            }
            Choice::MilestoneDone(g, i) => {
                if let Some(m) = wb.goals.get_mut(g).and_then(|g| g.milestones.get_mut(i)) {
                    m.done = !m.done;
                }
            }
            Choice::Owner(g, i) => {
                if let Some(s) = wb.goals.get_mut(g).and_then(|g| g.plan.steps.get_mut(i)) {
                    s.owner = next_owner(s.owner);
                }
            }
            // Picked from a list in `update`, like a goal's status.
            Choice::ConvKind(_) | Choice::EntryLink(_) => {}
            Choice::AgendaDone(c, k) => {
                if let Some(a) = wb
                    .conversations
                    .get_mut(c)
                    .and_then(|c| c.agenda.get_mut(k))
                {
                    a.done = !a.done;
                }
            }
            Choice::CommitmentOwner(c, k) => {
                if let Some(x) = wb
                    .conversations
                    .get_mut(c)
                    .and_then(|c| c.commitments.get_mut(k))
                {
                    x.owner = next_owner(x.owner);
                }
            }
            Choice::MentorNotes => wb.mentor_notes_shared = !wb.mentor_notes_shared,
            Choice::CommitmentDone(c, k) => {
                if let Some(x) = wb
                    .conversations
                    .get_mut(c)
                    .and_then(|c| c.commitments.get_mut(k))
                {
                    x.done = !x.done;
                }
            }
            Choice::EntryPrivate(i) => {
                if let Some(e) = wb.entry_mut(i) {
                    e.private = !e.private;
                }
            }
            Choice::ConversationPrivate(c) => {
                if let Some(c) = wb.conversations.get_mut(c) {
                    c.private = !c.private;
                }
            }
            Choice::Sign(c, k) => {
                if let (Some(c), Some(s)) = (wb.conversations.get_mut(c), Sign::ALL.get(k)) {
                    c.arc.toggle(*s);
                }
            }
            Choice::Committed(c) => {
                if let Some(c) = wb.conversations.get_mut(c) {
                    c.arc.committed = !c.arc.committed;
                }
            }
            Choice::Pledge(c, k) => {
                if let (Some(c), Some(p)) = (wb.conversations.get_mut(c), Pledge::ALL.get(k)) {
                    toggle_in(&mut c.prep.pledges, *p);
                }
            }
            Choice::Understood(c) => {
                if let Some(c) = wb.conversations.get_mut(c) {
                    c.feedback.understood = !c.feedback.understood;
                }
            }
            Choice::Shown(k) => {
                if let Some(s) = Shown::ALL.get(k) {
                    toggle_in(&mut wb.prospect.shown, *s);
                }
            }
            Choice::Support(g, k) => {
                if let (Some(g), Some(s)) = (wb.goals.get_mut(g), Support::ALL.get(k)) {
                    toggle_in(&mut g.support, *s);
                }
            }
            Choice::StepSupport(g, i) => {
                if let Some(s) = wb.goals.get_mut(g).and_then(|g| g.plan.steps.get_mut(i)) {
                    s.support = Support::next(s.support);
                }
            }
            Choice::WinKind(i) => {
                if let Some(w) = wb.wins.get_mut(i) {
                    w.kind = w.kind.next();
                }
            }
            Choice::WinGoal(i) => wb.cycle_win_goal(i),
            Choice::CareerChange => {
                let career = &mut wb.mentoring_plan.career;
                let k = career
                    .change
                    .and_then(|c| Change::ALL.iter().position(|x| *x == c));
                career.change = match k {
                    None => Some(Change::ALL[0]),
                    Some(k) => Change::ALL.get(k + 1).copied(),
                };
            }
            Choice::CareerState => {
                let career = &mut wb.mentoring_plan.career;
                career.state = match career.state {
                    None => Some(CareerState::NoIdeaYet),
                    Some(CareerState::NoIdeaYet) => Some(CareerState::GoalSet),
                    Some(CareerState::GoalSet) => None,
                };
            }
            Choice::Helper(g, i) => {
                if let Some(r) = wb
                    .goals
                    .get_mut(g)
                    .and_then(|g| g.plan.resources.get_mut(i))
                {
                    r.helper = match r.helper {
                        Helper::Nobody => Helper::Mentor,
                        Helper::Mentor => Helper::Organisation,
                        Helper::Organisation => Helper::Other,
                        Helper::Other => Helper::Nobody,
                    }
                }
            }
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
                .map_or("", |x| x.owner.name())
                .into(),
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
            Choice::StepSupport(g, i) => (goal(wb, g).and_then(|g| g.plan.steps.get(i)))
                .and_then(|s| s.support)
                .map_or("none named", |s| s.name())
                .into(),
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
