//! Addresses of every editable value in the workbook, and the one generic way to read and
//! write them. Dates and intervals are edited as text and parsed when the edit is committed.

mod labels;

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::{Fit, PlanArea, Role, Topic, Workbook, parse_date, parse_days};

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
            Field::Title
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
            Kind::Date => Some(Cow::Owned(
                date_slot(self, wb)
                    .flatten()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )),
            Kind::Days => Some(Cow::Owned(
                wb.agreement
                    .check_in_every_days
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )),
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
        })
    }};
}

fn text_slot(f: Field, wb: &Workbook) -> Option<&String> {
    slot!(f, wb, get)
}

fn text_slot_mut(f: Field, wb: &mut Workbook) -> Option<&mut String> {
    slot!(f, wb, get_mut, mut)
}

fn date_slot(f: Field, wb: &Workbook) -> Option<Option<NaiveDate>> {
    match f {
        Field::Agreement(AgreementPart::AgreedOn) => Some(wb.agreement.agreed_on),
        Field::Agreement(AgreementPart::ReviewedOn) => Some(wb.agreement.reviewed_on),
        Field::Closure(ClosurePart::PlannedWhen) => Some(wb.closure.planned_when),
        _ => None,
    }
}

fn date_slot_mut(f: Field, wb: &mut Workbook) -> Option<&mut Option<NaiveDate>> {
    match f {
        Field::Agreement(AgreementPart::AgreedOn) => Some(&mut wb.agreement.agreed_on),
        Field::Agreement(AgreementPart::ReviewedOn) => Some(&mut wb.agreement.reviewed_on),
        Field::Closure(ClosurePart::PlannedWhen) => Some(&mut wb.closure.planned_when),
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
}

impl ListKind {
    /// One item, in words ("strength").
    pub fn noun(self) -> &'static str {
        match self {
            ListKind::Strengths => "strength",
            ListKind::Limitations => "limitation",
            ListKind::Topics(_) => "topic",
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
        }
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
        }
    }
}

#[cfg(test)]
mod tests;
