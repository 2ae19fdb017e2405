//! Addresses of every editable value in the workbook, and the one generic way to read and
//! write them. Dates and intervals are edited as text and parsed when the edit is committed.

mod labels;
mod stamps;

pub use labels::link_name;

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::{
    ActionStep, Candidate, Fit, Helper, Horizon, MeasureKind, Owner, PlanArea, Role, Topic,
    Workbook, parse_date, parse_days,
};

/// How a field is edited and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text: Enter finishes.
    Line,
    /// Running text over several lines.
    Text,
    /// A date, typed as text (`2026-12-01`, `tomorrow`, `+2w` …).
    Date,
    /// A number of days (`14`, `2w`, `1m`).
    Days,
    /// Step numbers an action step waits for (`1, 3`).
    Steps,
    /// A date and a time (`2026-12-01 08:30`, `fri 14:00`).
    DateTime,
    /// Tags, separated by commas or spaces (`reviews, mood`).
    Tags,
}

/// The 4 Ps of preparing a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrepPart {
    Purpose,
    Preparation,
    Participation,
    Plan,
}

/// Feedback in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackPart {
    Given,
    Received,
    OnFeedback,
}

/// A check-in record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInPart {
    Date,
    ProcessWorking,
    Progress,
    Relationship,
    Adjustments,
}

/// The nine brainstorming questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrainPart {
    Life,
    OneYear,
    ThreeToFiveYears,
    SkillsEnough,
    ResourcesAndSkills,
    WeaknessesAndTraits,
    Sacrifices,
    WhyAndPhilosophy,
    Networking,
}

impl BrainPart {
    /// The questions in the order the exercise asks them.
    pub const ALL: [BrainPart; 9] = [
        BrainPart::Life,
        BrainPart::OneYear,
        BrainPart::ThreeToFiveYears,
        BrainPart::SkillsEnough,
        BrainPart::ResourcesAndSkills,
        BrainPart::WeaknessesAndTraits,
        BrainPart::Sacrifices,
        BrainPart::WhyAndPhilosophy,
        BrainPart::Networking,
    ];
}

/// A SMART goal's own texts and dates, and its action-plan worksheet's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalPart {
    Title,
    Specific,
    Attainable,
    Relevant,
    Deadline,
    MentorComment,
    Skills,
    Outcome,
    TargetDate,
    ReviewedOn,
    Roadblocks,
}

/// The conversation with yourself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReflectPart {
    Why,
    Contribute,
    Gain,
    PartnerAttributes,
    PastLessons,
}

/// The prospective partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProspectPart {
    LearnWhatAndWhy,
    Readiness,
    MenteeMotivations,
    MenteeFitNote,
    MentorFitNote,
}

/// The partnership agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementPart {
    Purpose,
    Meetings,
    Scheduling,
    CheckInEvery,
    Confidentiality,
    Boundaries,
    MenteeHotButtons,
    MentorHotButtons,
    PlannedLength,
    ClosingPlan,
    AgreedOn,
    ReviewedOn,
}

/// Closure and redefinition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosurePart {
    PlannedWhen,
    PlannedHow,
    /// Notes of closure check 0..4.
    CheckNotes(usize),
    Learned,
    WhatWorked,
    ApplyInFuture,
    Celebration,
    WhatStays,
    WhatChanges,
    StayInTouch,
}

/// Every editable value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Mentee,
    Mentor,
    Strength(usize),
    Limitation(usize),
    Improvements,
    Statement,
    Reflect(ReflectPart),
    Prospect(ProspectPart),
    Agreement(AgreementPart),
    /// A mentoring-plan topic's text (index into all topics).
    Topic(usize),
    Closure(ClosurePart),
    Brainstorm(BrainPart),
    /// A candidate goal from the brainstorm.
    Candidate(usize),
    /// A part of goal `g`.
    Goal(usize, GoalPart),
    /// Measure `i` of goal `g`.
    Measure(usize, usize),
    /// Milestone `i` of goal `g`: its text, and its date.
    Milestone(usize, usize),
    MilestoneDate(usize, usize),
    /// Action step `i` of goal `g`: its text, due date, and the steps it waits for.
    Step(usize, usize),
    StepDue(usize, usize),
    StepAfter(usize, usize),
    /// Resource `i` of goal `g`.
    Resource(usize, usize),
    /// Of conversation `c`: when, the 4 Ps, agenda item `k`, notes, feedback, commitment `k`
    /// and its due date, the next meeting's date and goal.
    ConvAt(usize),
    Prep(usize, PrepPart),
    Agenda(usize, usize),
    Notes(usize),
    Feedback(usize, FeedbackPart),
    Commitment(usize, usize),
    CommitmentDue(usize, usize),
    NextMeeting(usize),
    NextGoal(usize),
    /// Of check-in `i`.
    CheckIn(usize, CheckInPart),
    /// Journal entry `i`: its text, its tags.
    Entry(usize),
    EntryTags(usize),
    /// The journal's filter (kept beside the workbook, not in it: see `update`).
    JournalQuery,
}

impl Field {
    /// How the field is edited.
    pub fn kind(self) -> Kind {
        use AgreementPart as A;
        match self {
            Field::Improvements | Field::Statement | Field::Reflect(_) => Kind::Text,
            Field::Prospect(ProspectPart::MenteeFitNote | ProspectPart::MentorFitNote) => {
                Kind::Line
            }
            Field::Prospect(_) => Kind::Text,
            Field::Agreement(A::AgreedOn | A::ReviewedOn) => Kind::Date,
            Field::Agreement(A::CheckInEvery) => Kind::Days,
            Field::Agreement(A::Scheduling | A::PlannedLength) => Kind::Line,
            Field::Agreement(_) => Kind::Text,
            Field::Closure(ClosurePart::PlannedWhen) => Kind::Date,
            Field::Closure(ClosurePart::CheckNotes(_)) => Kind::Line,
            Field::Closure(_) => Kind::Text,
            Field::Brainstorm(_) => Kind::Text,
            Field::Goal(_, p) => match p {
                GoalPart::Title => Kind::Line,
                GoalPart::Deadline | GoalPart::TargetDate | GoalPart::ReviewedOn => Kind::Date,
                _ => Kind::Text,
            },
            Field::MilestoneDate(..) | Field::StepDue(..) => Kind::Date,
            Field::ConvAt(_) => Kind::DateTime,
            Field::CommitmentDue(..) | Field::NextMeeting(_) => Kind::Date,
            Field::CheckIn(_, CheckInPart::Date) => Kind::Date,
            Field::Prep(..)
            | Field::Notes(_)
            | Field::Feedback(..)
            | Field::CheckIn(..)
            | Field::Entry(_) => Kind::Text,
            Field::EntryTags(_) => Kind::Tags,
            Field::Agenda(..)
            | Field::Commitment(..)
            | Field::NextGoal(_)
            | Field::JournalQuery => Kind::Line,
            Field::StepAfter(..) => Kind::Steps,
            Field::Candidate(_)
            | Field::Measure(..)
            | Field::Milestone(..)
            | Field::Step(..)
            | Field::Resource(..)
            | Field::Title
            | Field::Mentee
            | Field::Mentor
            | Field::Strength(_)
            | Field::Limitation(_)
            | Field::Topic(_) => Kind::Line,
        }
    }

    /// Enter finishes the edit instead of adding a line.
    pub fn single_line(self) -> bool {
        self.kind() != Kind::Text
    }

    /// The string behind a text field; `None` for dates and intervals, or past a list's end.
    pub fn text(self, wb: &Workbook) -> Option<&str> {
        text_slot(self, wb).map(String::as_str)
    }

    /// The string behind a text field, to change.
    pub fn text_mut(self, wb: &mut Workbook) -> Option<&mut String> {
        text_slot_mut(self, wb)
    }

    /// The value as it is shown and edited; `None` past the end of a list.
    pub fn value(self, wb: &Workbook) -> Option<Cow<'_, str>> {
        match self.kind() {
            Kind::Line | Kind::Text => self.text(wb).map(Cow::Borrowed),
            Kind::Date => date_slot(self, wb)
                .map(|d| Cow::Owned(d.map(|d| d.to_string()).unwrap_or_default())),
            Kind::Days => Some(Cow::Owned(
                wb.agreement
                    .check_in_every_days
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )),
            Kind::DateTime => stamps::at_value(self, wb).map(Cow::Owned),
            Kind::Tags => stamps::tags_value(self, wb).map(Cow::Owned),
            Kind::Steps => {
                let Field::StepAfter(g, i) = self else {
                    return None;
                };
                let plan = &wb.goals.get(g)?.plan;
                plan.steps.get(i)?;
                Some(Cow::Owned(plan.dependencies_text(i)))
            }
        }
    }

    /// The list row this field is shown in (a step's due date is edited in the step's row).
    pub fn row(self) -> Field {
        match self {
            Field::MilestoneDate(g, i) => Field::Milestone(g, i),
            Field::CommitmentDue(c, k) => Field::Commitment(c, k),
            Field::StepDue(g, i) | Field::StepAfter(g, i) => Field::Step(g, i),
            f => f,
        }
    }

    /// Stores edited text, parsing dates and intervals. `Ok(true)` if the workbook changed;
    /// `Err` says what is wrong and leaves the workbook as it was.
    pub fn commit(self, wb: &mut Workbook, text: &str, today: NaiveDate) -> Result<bool, String> {
        match self.kind() {
            Kind::Line | Kind::Text => match self.text_mut(wb) {
                Some(slot) if slot != text => {
                    *slot = text.to_string();
                    Ok(true)
                }
                _ => Ok(false),
            },
            Kind::Date => {
                let date = parse_date(text, today)?;
                let slot = date_slot_mut(self, wb).ok_or("not a date field")?;
                Ok(std::mem::replace(slot, date) != date)
            }
            Kind::Days => {
                let days = parse_days(text)?;
                let slot = &mut wb.agreement.check_in_every_days;
                Ok(std::mem::replace(slot, days) != days)
            }
            Kind::DateTime => stamps::commit_at(self, wb, text, today),
            Kind::Tags => stamps::commit_tags(self, wb, text),
            Kind::Steps => {
                let Field::StepAfter(g, i) = self else {
                    return Err("not a step field".into());
                };
                let goal = wb.goals.get_mut(g).ok_or("That goal is gone.")?;
                goal.plan.set_dependencies(i, text)
            }
        }
    }

    /// The list this field is an item of.
    pub fn list(self, wb: &Workbook) -> Option<ListKind> {
        match self {
            Field::Strength(_) => Some(ListKind::Strengths),
            Field::Limitation(_) => Some(ListKind::Limitations),
            Field::Topic(i) => wb
                .mentoring_plan
                .topics
                .get(i)
                .map(|t| ListKind::Topics(t.area)),
            Field::Candidate(_) => Some(ListKind::Candidates),
            Field::Measure(g, _) => Some(ListKind::Measures(g)),
            Field::Milestone(g, _) => Some(ListKind::Milestones(g)),
            Field::Step(g, _) => Some(ListKind::Steps(g)),
            Field::Resource(g, _) => Some(ListKind::Resources(g)),
            Field::Agenda(c, _) => Some(ListKind::Agenda(c)),
            Field::Commitment(c, _) => Some(ListKind::Commitments(c)),
            _ => None,
        }
    }

    /// Removes the list item this field points at. Returns whether there was one.
    pub fn remove_item(self, wb: &mut Workbook) -> bool {
        fn remove<T>(v: &mut Vec<T>, i: usize) -> bool {
            (i < v.len()).then(|| v.remove(i)).is_some()
        }
        match self {
            Field::Strength(i) => remove(&mut wb.vision.strengths, i),
            Field::Limitation(i) => remove(&mut wb.vision.limitations, i),
            Field::Topic(i) => remove(&mut wb.mentoring_plan.topics, i),
            Field::Candidate(i) => {
                let Some(c) = wb.brainstorm.candidates.get(i) else {
                    return false;
                };
                let id = c.id;
                for g in &mut wb.goals {
                    if g.candidate == Some(id) {
                        g.candidate = None;
                    }
                }
                wb.brainstorm.candidates.remove(i);
                wb.renumber_candidates();
                true
            }
            Field::Measure(g, i) => wb
                .goals
                .get_mut(g)
                .is_some_and(|g| remove(&mut g.measures, i)),
            Field::Milestone(g, i) => {
                (wb.goals.get_mut(g)).is_some_and(|g| remove(&mut g.milestones, i))
            }
            Field::Step(g, i) => wb.goals.get_mut(g).is_some_and(|g| g.plan.remove_step(i)),
            Field::Resource(g, i) => {
                (wb.goals.get_mut(g)).is_some_and(|g| remove(&mut g.plan.resources, i))
            }
            Field::Agenda(c, k) => {
                (wb.conversations.get_mut(c)).is_some_and(|c| remove(&mut c.agenda, k))
            }
            Field::Commitment(c, k) => {
                (wb.conversations.get_mut(c)).is_some_and(|c| remove(&mut c.commitments, k))
            }
            Field::Entry(i) => remove(&mut wb.journal, i),
            _ => false,
        }
    }
}

/// The address table of every text field, written once for both borrows:
/// `slot!(f, wb, get)` gives `&String`, `slot!(f, wb, get_mut, mut)` gives `&mut String`.
/// Dates, intervals and positions past a list's end give `None`.
macro_rules! slot {
    ($f:expr, $wb:expr, $get:ident $(, $m:tt)?) => {{
        use AgreementPart as A;
        use ClosurePart as C;
        let wb = $wb;
        Some(match $f {
            Field::Title => &$($m)? wb.title,
            Field::Mentee => &$($m)? wb.mentee,
            Field::Mentor => &$($m)? wb.mentor,
            Field::Strength(i) => wb.vision.strengths.$get(i)?,
            Field::Limitation(i) => wb.vision.limitations.$get(i)?,
            Field::Improvements => &$($m)? wb.vision.improvements,
            Field::Statement => &$($m)? wb.vision.statement,
            Field::Reflect(part) => match part {
                ReflectPart::Why => &$($m)? wb.self_reflection.why,
                ReflectPart::Contribute => &$($m)? wb.self_reflection.contribute,
                ReflectPart::Gain => &$($m)? wb.self_reflection.gain,
                ReflectPart::PartnerAttributes => &$($m)? wb.self_reflection.partner_attributes,
                ReflectPart::PastLessons => &$($m)? wb.self_reflection.past_lessons,
            },
            Field::Prospect(part) => match part {
                ProspectPart::LearnWhatAndWhy => &$($m)? wb.prospect.learn_what_and_why,
                ProspectPart::Readiness => &$($m)? wb.prospect.readiness,
                ProspectPart::MenteeMotivations => &$($m)? wb.prospect.mentee_motivations,
                ProspectPart::MenteeFitNote => &$($m)? wb.prospect.mentee_fit.note,
                ProspectPart::MentorFitNote => &$($m)? wb.prospect.mentor_fit.note,
            },
            Field::Agreement(part) => match part {
                A::Purpose => &$($m)? wb.agreement.purpose,
                A::Meetings => &$($m)? wb.agreement.meetings,
                A::Scheduling => &$($m)? wb.agreement.scheduling,
                A::Confidentiality => &$($m)? wb.agreement.confidentiality,
                A::Boundaries => &$($m)? wb.agreement.boundaries,
                A::MenteeHotButtons => &$($m)? wb.agreement.mentee_hot_buttons,
                A::MentorHotButtons => &$($m)? wb.agreement.mentor_hot_buttons,
                A::PlannedLength => &$($m)? wb.agreement.planned_length,
                A::ClosingPlan => &$($m)? wb.agreement.closing_plan,
                A::CheckInEvery | A::AgreedOn | A::ReviewedOn => return None,
            },
            Field::Topic(i) => &$($m)? wb.mentoring_plan.topics.$get(i)?.text,
            Field::Closure(part) => match part {
                C::PlannedHow => &$($m)? wb.closure.planned_how,
                C::CheckNotes(0) => &$($m)? wb.closure.accomplishments_acknowledged.notes,
                C::CheckNotes(1) => &$($m)? wb.closure.learning_evaluated.notes,
                C::CheckNotes(2) => &$($m)? wb.closure.application_discussed.notes,
                C::CheckNotes(3) => &$($m)? wb.closure.milestones_celebrated.notes,
                C::Learned => &$($m)? wb.closure.learned,
                C::WhatWorked => &$($m)? wb.closure.what_worked,
                C::ApplyInFuture => &$($m)? wb.closure.apply_in_future,
                C::Celebration => &$($m)? wb.closure.celebration,
                C::WhatStays => &$($m)? wb.closure.what_stays,
                C::WhatChanges => &$($m)? wb.closure.what_changes,
                C::StayInTouch => &$($m)? wb.closure.stay_in_touch,
                C::CheckNotes(_) | C::PlannedWhen => return None,
            },
            Field::Brainstorm(part) => {
                let b = &$($m)? wb.brainstorm;
                match part {
                    BrainPart::Life => &$($m)? b.life,
                    BrainPart::OneYear => &$($m)? b.one_year,
                    BrainPart::ThreeToFiveYears => &$($m)? b.three_to_five_years,
                    BrainPart::SkillsEnough => &$($m)? b.skills_enough,
                    BrainPart::ResourcesAndSkills => &$($m)? b.resources_and_skills,
                    BrainPart::WeaknessesAndTraits => &$($m)? b.weaknesses_and_traits,
                    BrainPart::Sacrifices => &$($m)? b.sacrifices,
                    BrainPart::WhyAndPhilosophy => &$($m)? b.why_and_philosophy,
                    BrainPart::Networking => &$($m)? b.networking,
                }
            }
            Field::Candidate(i) => &$($m)? wb.brainstorm.candidates.$get(i)?.text,
            Field::Goal(g, part) => {
                let goal = wb.goals.$get(g)?;
                match part {
                    GoalPart::Title => &$($m)? goal.title,
                    GoalPart::Specific => &$($m)? goal.specific,
                    GoalPart::Attainable => &$($m)? goal.attainable,
                    GoalPart::Relevant => &$($m)? goal.relevant,
                    GoalPart::MentorComment => &$($m)? goal.mentor_comment,
                    GoalPart::Skills => &$($m)? goal.plan.skills,
                    GoalPart::Outcome => &$($m)? goal.plan.outcome,
                    GoalPart::Roadblocks => &$($m)? goal.plan.roadblocks,
                    GoalPart::Deadline | GoalPart::TargetDate | GoalPart::ReviewedOn => {
                        return None;
                    }
                }
            }
            Field::Measure(g, i) => &$($m)? wb.goals.$get(g)?.measures.$get(i)?.text,
            Field::Milestone(g, i) => &$($m)? wb.goals.$get(g)?.milestones.$get(i)?.text,
            Field::Step(g, i) => &$($m)? wb.goals.$get(g)?.plan.steps.$get(i)?.text,
            Field::Resource(g, i) => &$($m)? wb.goals.$get(g)?.plan.resources.$get(i)?.text,
            Field::Prep(c, part) => {
                let p = &$($m)? wb.conversations.$get(c)?.prep;
                match part {
                    PrepPart::Purpose => &$($m)? p.purpose,
                    PrepPart::Preparation => &$($m)? p.preparation,
                    PrepPart::Participation => &$($m)? p.participation,
                    PrepPart::Plan => &$($m)? p.plan,
                }
            }
            Field::Agenda(c, k) => &$($m)? wb.conversations.$get(c)?.agenda.$get(k)?.text,
            Field::Notes(c) => &$($m)? wb.conversations.$get(c)?.notes,
            Field::Feedback(c, part) => {
                let f = &$($m)? wb.conversations.$get(c)?.feedback;
                match part {
                    FeedbackPart::Given => &$($m)? f.given,
                    FeedbackPart::Received => &$($m)? f.received,
                    FeedbackPart::OnFeedback => &$($m)? f.on_feedback,
                }
            }
            Field::Commitment(c, k) => &$($m)? wb.conversations.$get(c)?.commitments.$get(k)?.text,
            Field::NextGoal(c) => &$($m)? wb.conversations.$get(c)?.next_goal,
            Field::CheckIn(i, part) => {
                let r = wb.check_ins.$get(i)?;
                match part {
                    CheckInPart::ProcessWorking => &$($m)? r.process_working,
                    CheckInPart::Progress => &$($m)? r.progress,
                    CheckInPart::Relationship => &$($m)? r.relationship,
                    CheckInPart::Adjustments => &$($m)? r.adjustments,
                    CheckInPart::Date => return None,
                }
            }
            Field::MilestoneDate(..)
            | Field::StepDue(..)
            | Field::StepAfter(..)
            | Field::ConvAt(_)
            | Field::CommitmentDue(..)
            | Field::NextMeeting(_)
            // Journal entries are shared (see `Workbook::journal`): `text_slot*` reach them.
            | Field::Entry(_)
            | Field::EntryTags(_)
            | Field::JournalQuery => return None,
        })
    }};
}

fn text_slot(f: Field, wb: &Workbook) -> Option<&String> {
    if let Field::Entry(i) = f {
        return wb.journal.get(i).map(|e| &e.text);
    }
    slot!(f, wb, get)
}

fn text_slot_mut(f: Field, wb: &mut Workbook) -> Option<&mut String> {
    if let Field::Entry(i) = f {
        return wb.entry_mut(i).map(|e| &mut e.text);
    }
    slot!(f, wb, get_mut, mut)
}

fn date_slot(f: Field, wb: &Workbook) -> Option<Option<NaiveDate>> {
    match f {
        Field::Agreement(AgreementPart::AgreedOn) => Some(wb.agreement.agreed_on),
        Field::Agreement(AgreementPart::ReviewedOn) => Some(wb.agreement.reviewed_on),
        Field::Closure(ClosurePart::PlannedWhen) => Some(wb.closure.planned_when),
        Field::Goal(g, GoalPart::Deadline) => Some(wb.goals.get(g)?.deadline),
        Field::Goal(g, GoalPart::TargetDate) => Some(wb.goals.get(g)?.plan.target_date),
        Field::Goal(g, GoalPart::ReviewedOn) => Some(wb.goals.get(g)?.plan.reviewed_on),
        Field::MilestoneDate(g, i) => Some(wb.goals.get(g)?.milestones.get(i)?.date),
        Field::StepDue(g, i) => Some(wb.goals.get(g)?.plan.steps.get(i)?.due),
        Field::CommitmentDue(c, k) => Some(wb.conversations.get(c)?.commitments.get(k)?.due),
        Field::NextMeeting(c) => Some(wb.conversations.get(c)?.next_meeting),
        Field::CheckIn(i, CheckInPart::Date) => Some(wb.check_ins.get(i)?.date),
        _ => None,
    }
}

fn date_slot_mut(f: Field, wb: &mut Workbook) -> Option<&mut Option<NaiveDate>> {
    match f {
        Field::Agreement(AgreementPart::AgreedOn) => Some(&mut wb.agreement.agreed_on),
        Field::Agreement(AgreementPart::ReviewedOn) => Some(&mut wb.agreement.reviewed_on),
        Field::Closure(ClosurePart::PlannedWhen) => Some(&mut wb.closure.planned_when),
        Field::Goal(g, GoalPart::Deadline) => Some(&mut wb.goals.get_mut(g)?.deadline),
        Field::Goal(g, GoalPart::TargetDate) => Some(&mut wb.goals.get_mut(g)?.plan.target_date),
        Field::Goal(g, GoalPart::ReviewedOn) => Some(&mut wb.goals.get_mut(g)?.plan.reviewed_on),
        Field::MilestoneDate(g, i) => Some(&mut wb.goals.get_mut(g)?.milestones.get_mut(i)?.date),
        Field::StepDue(g, i) => Some(&mut wb.goals.get_mut(g)?.plan.steps.get_mut(i)?.due),
        Field::CommitmentDue(c, k) => {
            Some(&mut wb.conversations.get_mut(c)?.commitments.get_mut(k)?.due)
        }
        Field::NextMeeting(c) => Some(&mut wb.conversations.get_mut(c)?.next_meeting),
        Field::CheckIn(i, CheckInPart::Date) => Some(&mut wb.check_ins.get_mut(i)?.date),
        _ => None,
    }
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Strengths,
    Limitations,
    /// The mentoring-plan topics of one area.
    Topics(PlanArea),
    /// The brainstorm's candidate goals.
    Candidates,
    /// The goals themselves (their titles).
    Goals,
    /// Of goal `g`.
    Measures(usize),
    Milestones(usize),
    Steps(usize),
    Resources(usize),
    /// Of conversation `c`.
    Agenda(usize),
    Commitments(usize),
}

impl ListKind {
    /// One item, in words ("strength").
    pub fn noun(self) -> &'static str {
        match self {
            ListKind::Strengths => "strength",
            ListKind::Limitations => "limitation",
            ListKind::Topics(_) => "topic",
            ListKind::Candidates => "candidate goal",
            ListKind::Goals => "goal",
            ListKind::Measures(_) => "measure",
            ListKind::Milestones(_) => "milestone",
            ListKind::Steps(_) => "step",
            ListKind::Resources(_) => "resource",
            ListKind::Agenda(_) => "agenda item",
            ListKind::Commitments(_) => "commitment",
        }
    }

    /// The fields of the list's items, in order.
    pub fn fields(self, wb: &Workbook) -> Vec<Field> {
        match self {
            ListKind::Strengths => (0..wb.vision.strengths.len())
                .map(Field::Strength)
                .collect(),
            ListKind::Limitations => (0..wb.vision.limitations.len())
                .map(Field::Limitation)
                .collect(),
            ListKind::Topics(area) => (wb.mentoring_plan.topics.iter().enumerate())
                .filter(|(_, t)| t.area == area)
                .map(|(i, _)| Field::Topic(i))
                .collect(),
            ListKind::Candidates => (0..wb.brainstorm.candidates.len())
                .map(Field::Candidate)
                .collect(),
            ListKind::Goals => (0..wb.goals.len())
                .map(|g| Field::Goal(g, GoalPart::Title))
                .collect(),
            ListKind::Measures(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.measures.len());
                (0..n).map(|i| Field::Measure(g, i)).collect()
            }
            ListKind::Milestones(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.milestones.len());
                (0..n).map(|i| Field::Milestone(g, i)).collect()
            }
            ListKind::Steps(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.plan.steps.len());
                (0..n).map(|i| Field::Step(g, i)).collect()
            }
            ListKind::Resources(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.plan.resources.len());
                (0..n).map(|i| Field::Resource(g, i)).collect()
            }
            ListKind::Agenda(c) => {
                let n = wb.conversations.get(c).map_or(0, |x| x.agenda.len());
                (0..n).map(|k| Field::Agenda(c, k)).collect()
            }
            ListKind::Commitments(c) => {
                let n = wb.conversations.get(c).map_or(0, |x| x.commitments.len());
                (0..n).map(|k| Field::Commitment(c, k)).collect()
            }
        }
    }

    /// Moves item `field` one place up or down; the field at its new place, if it moved.
    /// Candidates and goals keep priorities in step with the order.
    pub fn move_item(self, wb: &mut Workbook, field: Field, up: bool) -> Option<Field> {
        use crate::model::move_item;
        match (self, field) {
            (ListKind::Candidates, Field::Candidate(i)) => {
                let j = move_item(&mut wb.brainstorm.candidates, i, up)?;
                wb.renumber_candidates();
                Some(Field::Candidate(j))
            }
            (ListKind::Measures(g), Field::Measure(_, i)) => {
                move_item(&mut wb.goals.get_mut(g)?.measures, i, up).map(|j| Field::Measure(g, j))
            }
            (ListKind::Milestones(g), Field::Milestone(_, i)) => {
                let j = move_item(&mut wb.goals.get_mut(g)?.milestones, i, up)?;
                Some(Field::Milestone(g, j))
            }
            (ListKind::Steps(g), Field::Step(_, i)) => {
                move_item(&mut wb.goals.get_mut(g)?.plan.steps, i, up).map(|j| Field::Step(g, j))
            }
            (ListKind::Resources(g), Field::Resource(_, i)) => {
                let j = move_item(&mut wb.goals.get_mut(g)?.plan.resources, i, up)?;
                Some(Field::Resource(g, j))
            }
            (ListKind::Agenda(c), Field::Agenda(_, k)) => {
                let j = move_item(&mut wb.conversations.get_mut(c)?.agenda, k, up)?;
                Some(Field::Agenda(c, j))
            }
            (ListKind::Commitments(c), Field::Commitment(_, k)) => {
                let j = move_item(&mut wb.conversations.get_mut(c)?.commitments, k, up)?;
                Some(Field::Commitment(c, j))
            }
            _ => None,
        }
    }

    /// Appends an empty item and returns its field.
    pub fn push_new(self, wb: &mut Workbook) -> Field {
        match self {
            ListKind::Strengths => {
                wb.vision.strengths.push(String::new());
                Field::Strength(wb.vision.strengths.len() - 1)
            }
            ListKind::Limitations => {
                wb.vision.limitations.push(String::new());
                Field::Limitation(wb.vision.limitations.len() - 1)
            }
            ListKind::Topics(area) => {
                let id = wb.fresh_id();
                // What happens in the workplace is confidential unless the user says otherwise.
                let private = area == PlanArea::Workplace;
                wb.mentoring_plan.topics.push(Topic {
                    id,
                    area,
                    private,
                    ..Topic::default()
                });
                Field::Topic(wb.mentoring_plan.topics.len() - 1)
            }
            ListKind::Candidates => {
                let id = wb.fresh_id();
                let c = &mut wb.brainstorm.candidates;
                c.push(Candidate {
                    id,
                    priority: u8::try_from(c.len() + 1).unwrap_or(u8::MAX),
                    ..Candidate::default()
                });
                Field::Candidate(c.len() - 1)
            }
            ListKind::Goals => Field::Goal(wb.add_goal(), GoalPart::Title),
            ListKind::Measures(g) => {
                let m = &mut wb.goals[g].measures;
                m.push(Default::default());
                Field::Measure(g, m.len() - 1)
            }
            ListKind::Milestones(g) => {
                let id = wb.fresh_id();
                let m = &mut wb.goals[g].milestones;
                m.push(crate::model::Milestone {
                    id,
                    ..Default::default()
                });
                Field::Milestone(g, m.len() - 1)
            }
            ListKind::Steps(g) => {
                let id = wb.fresh_id();
                let steps = &mut wb.goals[g].plan.steps;
                steps.push(ActionStep {
                    id,
                    ..ActionStep::default()
                });
                Field::Step(g, steps.len() - 1)
            }
            ListKind::Resources(g) => {
                let r = &mut wb.goals[g].plan.resources;
                r.push(Default::default());
                Field::Resource(g, r.len() - 1)
            }
            ListKind::Agenda(c) => {
                let a = &mut wb.conversations[c].agenda;
                a.push(Default::default());
                Field::Agenda(c, a.len() - 1)
            }
            ListKind::Commitments(c) => {
                // Whoever's workbook this is usually writes down their own commitments.
                let owner = match wb.role {
                    Role::Mentee => Owner::Mentee,
                    Role::Mentor => Owner::Mentor,
                };
                let list = &mut wb.conversations[c].commitments;
                list.push(crate::model::Commitment {
                    owner,
                    ..Default::default()
                });
                Field::Commitment(c, list.len() - 1)
            }
        }
    }
}

fn next_owner(o: Owner) -> Owner {
    match o {
        Owner::Mentee => Owner::Mentor,
        Owner::Mentor => Owner::Both,
        Owner::Both => Owner::Mentee,
    }
}

/// A value picked from a few options: Enter moves to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Journal entry `i`: private or not; what it is linked to (picked from a list).
    EntryPrivate(usize),
    EntryLink(usize),
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
            Choice::EntryPrivate(i) => {
                if let Some(e) = wb.entry_mut(i) {
                    e.private = !e.private;
                }
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

#[cfg(test)]
mod tests;
