//! Values picked from a few options (a role, a fit decision, a tick, a goal's status…):
//! what each is called, its current option in words, and moving it on.

use crate::model::{
    CareerState, Change, Fit, Helper, Horizon, MeasureKind, Pledge, Role, Shown, Sign, Support,
    Workbook, after_or_none, toggle_in,
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
    /// Goal `g` exercises COREFour skill `CoreSkill::ALL[k]`.
    CoreSkill(usize, usize),
    /// The kind of support step `i` of goal `g` asks for.
    StepSupport(usize, usize),
    /// Development need (topic) `i`: where the gap showed.
    TopicSource(usize),
    /// Goal `g` serves development need (topic) `i`, or not.
    GoalNeed(usize, usize),
    /// Person `i`: their role.
    PersonRole(usize),
    /// Person `i` took part in conversation `c`, or not.
    Present(usize, usize),
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
                let now =
                    (wb.goals.get(g).and_then(|g| g.plan.steps.get(i))).map(|s| (s.owner, s.who));
                if let Some((owner, who)) = now {
                    let next = wb.next_carrier(owner, who);
                    let s = &mut wb.goals[g].plan.steps[i];
                    (s.owner, s.who) = next;
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
                let now = (wb.conversations.get(c).and_then(|c| c.commitments.get(k)))
                    .map(|x| (x.owner, x.who));
                if let Some((owner, who)) = now {
                    let next = wb.next_carrier(owner, who);
                    let x = &mut wb.conversations[c].commitments[k];
                    (x.owner, x.who) = next;
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
                    toggle_in(&mut c.arc.signs, *s);
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
            Choice::CoreSkill(g, k) => {
                let skill = crate::model::CoreSkill::ALL.get(k);
                if let (Some(g), Some(s)) = (wb.goals.get_mut(g), skill) {
                    toggle_in(&mut g.skills, *s);
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
            Choice::PersonRole(i) => {
                if let Some(p) = wb.people.get_mut(i) {
                    p.role = p.role.next();
                }
            }
            Choice::Present(c, i) => {
                let id = wb.people.get(i).map(|p| p.id);
                if let (Some(c), Some(id)) = (wb.conversations.get_mut(c), id) {
                    toggle_in(&mut c.with, id);
                }
            }
            Choice::TopicSource(i) => {
                if let Some(t) = wb.mentoring_plan.topics.get_mut(i) {
                    t.source = crate::model::NeedSource::next(t.source);
                }
            }
            Choice::GoalNeed(g, i) => {
                let id = wb.mentoring_plan.topics.get(i).map(|t| t.id);
                if let (Some(goal), Some(id)) = (wb.goals.get_mut(g), id) {
                    toggle_in(&mut goal.needs, id);
                }
            }
            Choice::CareerChange => {
                let career = &mut wb.mentoring_plan.career;
                career.change = after_or_none(&Change::ALL, career.change);
            }
            Choice::CareerState => {
                let career = &mut wb.mentoring_plan.career;
                career.state = after_or_none(&CareerState::ALL, career.state);
            }
            Choice::Helper(g, i) => {
                // Nobody, the mentor, the organisation, someone else, then each person.
                let ids: Vec<crate::model::Id> = wb.people.iter().map(|p| p.id).collect();
                if let Some(r) = wb
                    .goals
                    .get_mut(g)
                    .and_then(|g| g.plan.resources.get_mut(i))
                {
                    let at = r.who.and_then(|id| ids.iter().position(|x| *x == id));
                    (r.helper, r.who) = match (r.helper, at) {
                        (_, Some(k)) => match ids.get(k + 1) {
                            Some(next) => (Helper::Other, Some(*next)),
                            None => (Helper::Nobody, None),
                        },
                        (Helper::Nobody, None) => (Helper::Mentor, None),
                        (Helper::Mentor, None) => (Helper::Organisation, None),
                        (Helper::Organisation, None) => (Helper::Other, None),
                        (Helper::Other, None) => match ids.first() {
                            Some(first) => (Helper::Other, Some(*first)),
                            None => (Helper::Nobody, None),
                        },
                    };
                }
            }
        }
    }
}

mod words;
pub use words::link_name;
