//! Addresses of every editable value in the workbook, and the one generic way to read and
//! write them. A field is an exercise's part (declared with the model's `parts!`) or an item
//! of a list; where its value lives is the model's business, what it is called and where it
//! is shown is its screen's (`screens::spec`). Dates, intervals and times are edited as text
//! and parsed when the edit is committed.

mod choice;
mod commit;
mod lists;

pub use choice::{CHECKS, Choice, closure_check, link_name};
pub use commit::parse_stamp as parse_when;
pub use lists::ListKind;

use std::borrow::Cow;

use chrono::NaiveDate;

pub use crate::model::{
    AgreementPart, ArcPart, BrainPart, CareerPart, CheckInPart, ClosurePart, ConversationPart,
    FeedbackPart, GoalPart, PrepPart, ProspectPart, ReflectPart, VisionPart, WorkbookPart,
};
use crate::model::{Role, Slot, SlotMut, Workbook, describe_days, describe_minutes};

/// The most text one field holds, in bytes of UTF-8 (256 KiB: some 45,000 words of
/// English). A paste or an outside editor's text that would make a field larger is refused
/// whole, with a message: never cut. Typing stays quick up to this size (see the
/// `keystroke_in_the_largest_field` bench).
pub const MAX_TEXT: usize = 256 << 10;

/// The message for a text of `len` bytes that a field cannot take.
pub fn too_large(len: usize, what: &str) -> String {
    format!(
        "{what} would make this field {:.1} MB; a field holds at most {:.1} MB. Nothing was \
         changed: split the text over several entries or fields.",
        len as f64 / 1e6,
        MAX_TEXT as f64 / 1e6
    )
}

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
    /// A length of time (`45`, `1h30`, `90 minutes`).
    Minutes,
    /// Step numbers an action step waits for (`1, 3`).
    Steps,
    /// A date and a time (`2026-12-01 08:30`, `fri 14:00`).
    DateTime,
    /// Tags, separated by commas or spaces (`reviews, mood`).
    Tags,
}

/// What a screen says about one of its fields: its name, the hint it shows while empty, and
/// how it is edited. Each exercise's screen module gives these for its own fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub label: &'static str,
    pub placeholder: &'static str,
    pub kind: Kind,
}

impl Spec {
    /// A field of this kind with this name and hint.
    pub const fn new(kind: Kind, label: &'static str, placeholder: &'static str) -> Spec {
        Spec {
            label,
            placeholder,
            kind,
        }
    }

    /// Enter finishes the edit instead of adding a line.
    pub fn single_line(self) -> bool {
        self.kind != Kind::Text
    }
}

/// The words for the workbook's owner: a mentee's, or a mentor's (who keeps the mentee's
/// plan from beside it, and their own notes).
pub const fn by_role(role: Role, mentee: &'static str, mentor: &'static str) -> &'static str {
    match role {
        Role::Mentee => mentee,
        Role::Mentor => mentor,
    }
}

/// Every editable value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The workbook's name and the partners' names.
    Workbook(WorkbookPart),
    Reflect(ReflectPart),
    Prospect(ProspectPart),
    Agreement(AgreementPart),
    Vision(VisionPart),
    Strength(usize),
    Limitation(usize),
    /// A mentoring-plan topic's text (index into all topics).
    Topic(usize),
    /// A development need's evidence, and how the mentor helps close it (topic `i`).
    TopicEvidence(usize),
    TopicHelp(usize),
    /// The career context's words (mentoring plan).
    Career(CareerPart),
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
    /// Of conversation `c`: its time, notes and next meeting; the 4 Ps; feedback; agenda
    /// item `k`; commitment `k` and its due date.
    Conversation(usize, ConversationPart),
    Prep(usize, PrepPart),
    Feedback(usize, FeedbackPart),
    /// What an awareness, exploration or preparation conversation records.
    Arc(usize, ArcPart),
    Agenda(usize, usize),
    Commitment(usize, usize),
    CommitmentDue(usize, usize),
    /// Of check-in `i`.
    CheckIn(usize, CheckInPart),
    /// The name of person `i` (the agreement's "everyone in the relationship").
    Person(usize),
    /// Win `i` of the ledger: what it was, its date, its evidence.
    Win(usize),
    WinDate(usize),
    WinEvidence(usize),
    /// Journal entry `i`: its text, its tags.
    Entry(usize),
    EntryTags(usize),
    /// When journal entry `i` was written (it can be set back: a backdated entry).
    EntryAt(usize),
    Closure(ClosurePart),
    /// My note `i` on an item of my partner's (see the partner screen).
    PartnerNote(usize),
}

impl Field {
    /// Where the value is, to read; `None` past the end of a list. The steps a step waits
    /// for are no slot of their own (they are ids, shown as step numbers).
    pub fn slot(self, wb: &Workbook) -> Option<Slot<'_>> {
        let goal = |g: usize| wb.goals.get(g);
        let conv = |c: usize| wb.conversations.get(c);
        Some(match self {
            Field::Workbook(p) => p.slot(wb),
            Field::Reflect(p) => p.slot(&wb.self_reflection),
            Field::Prospect(p) => p.slot(&wb.prospect),
            Field::Agreement(p) => p.slot(&wb.agreement),
            Field::Vision(p) => p.slot(&wb.vision),
            Field::Strength(i) => Slot::Text(wb.vision.strengths.get(i)?),
            Field::Limitation(i) => Slot::Text(wb.vision.limitations.get(i)?),
            Field::Topic(i) => Slot::Text(&wb.mentoring_plan.topics.get(i)?.text),
            Field::Career(p) => p.slot(&wb.mentoring_plan.career),
            Field::TopicEvidence(i) => Slot::Text(&wb.mentoring_plan.topics.get(i)?.evidence),
            Field::TopicHelp(i) => Slot::Text(&wb.mentoring_plan.topics.get(i)?.mentor_help),
            Field::Brainstorm(p) => p.slot(&wb.brainstorm),
            Field::Candidate(i) => Slot::Text(&wb.brainstorm.candidates.get(i)?.text),
            Field::Goal(g, p) => p.slot(goal(g)?),
            Field::Measure(g, i) => Slot::Text(&goal(g)?.measures.get(i)?.text),
            Field::Milestone(g, i) => Slot::Text(&goal(g)?.milestones.get(i)?.text),
            Field::MilestoneDate(g, i) => Slot::Date(&goal(g)?.milestones.get(i)?.date),
            Field::Step(g, i) => Slot::Text(&goal(g)?.plan.steps.get(i)?.text),
            Field::StepDue(g, i) => Slot::Date(&goal(g)?.plan.steps.get(i)?.due),
            Field::StepAfter(..) => return None,
            Field::Resource(g, i) => Slot::Text(&goal(g)?.plan.resources.get(i)?.text),
            Field::Conversation(c, p) => p.slot(conv(c)?),
            Field::Prep(c, p) => p.slot(&conv(c)?.prep),
            Field::Feedback(c, p) => p.slot(&conv(c)?.feedback),
            Field::Arc(c, p) => p.slot(&conv(c)?.arc),
            Field::Agenda(c, k) => Slot::Text(&conv(c)?.agenda.get(k)?.text),
            Field::Commitment(c, k) => Slot::Text(&conv(c)?.commitments.get(k)?.text),
            Field::CommitmentDue(c, k) => Slot::Date(&conv(c)?.commitments.get(k)?.due),
            Field::CheckIn(i, p) => p.slot(wb.check_ins.get(i)?),
            Field::Person(i) => Slot::Text(&wb.people.get(i)?.name),
            Field::Win(i) => Slot::Text(&wb.wins.get(i)?.what),
            Field::WinDate(i) => Slot::Date(&wb.wins.get(i)?.date),
            Field::WinEvidence(i) => Slot::Text(&wb.wins.get(i)?.evidence),
            Field::Entry(i) => Slot::Text(&wb.journal.whole(i)?.text),
            Field::EntryTags(i) => Slot::Tags(&wb.journal.get(i)?.tags),
            Field::EntryAt(i) => Slot::Stamp(&wb.journal.get(i)?.at),
            Field::PartnerNote(i) => Slot::Text(&wb.notes_for_partner.get(i)?.text),
            Field::Closure(p) => p.slot(&wb.closure),
        })
    }

    /// Where the value is, to change (a journal entry is copied first if a save holds it).
    pub fn slot_mut(self, wb: &mut Workbook) -> Option<SlotMut<'_>> {
        fn text(s: &mut String) -> SlotMut<'_> {
            SlotMut::Text(s)
        }
        Some(match self {
            Field::Workbook(p) => p.slot_mut(wb),
            Field::Reflect(p) => p.slot_mut(&mut wb.self_reflection),
            Field::Prospect(p) => p.slot_mut(&mut wb.prospect),
            Field::Agreement(p) => p.slot_mut(&mut wb.agreement),
            Field::Vision(p) => p.slot_mut(&mut wb.vision),
            Field::Strength(i) => text(wb.vision.strengths.get_mut(i)?),
            Field::Limitation(i) => text(wb.vision.limitations.get_mut(i)?),
            Field::Topic(i) => text(&mut wb.mentoring_plan.topics.get_mut(i)?.text),
            Field::Career(p) => p.slot_mut(&mut wb.mentoring_plan.career),
            Field::TopicEvidence(i) => text(&mut wb.mentoring_plan.topics.get_mut(i)?.evidence),
            Field::TopicHelp(i) => text(&mut wb.mentoring_plan.topics.get_mut(i)?.mentor_help),
            Field::Brainstorm(p) => p.slot_mut(&mut wb.brainstorm),
            Field::Candidate(i) => text(&mut wb.brainstorm.candidates.get_mut(i)?.text),
            Field::Goal(g, p) => p.slot_mut(wb.goals.get_mut(g)?),
            Field::Measure(g, i) => text(&mut wb.goals.get_mut(g)?.measures.get_mut(i)?.text),
            Field::Milestone(g, i) => text(&mut wb.goals.get_mut(g)?.milestones.get_mut(i)?.text),
            Field::MilestoneDate(g, i) => {
                SlotMut::Date(&mut wb.goals.get_mut(g)?.milestones.get_mut(i)?.date)
            }
            Field::Step(g, i) => text(&mut wb.goals.get_mut(g)?.plan.steps.get_mut(i)?.text),
            Field::StepDue(g, i) => {
                SlotMut::Date(&mut wb.goals.get_mut(g)?.plan.steps.get_mut(i)?.due)
            }
            Field::StepAfter(..) => return None,
            Field::Resource(g, i) => {
                text(&mut wb.goals.get_mut(g)?.plan.resources.get_mut(i)?.text)
            }
            Field::Conversation(c, p) => p.slot_mut(wb.conversations.get_mut(c)?),
            Field::Prep(c, p) => p.slot_mut(&mut wb.conversations.get_mut(c)?.prep),
            Field::Feedback(c, p) => p.slot_mut(&mut wb.conversations.get_mut(c)?.feedback),
            Field::Arc(c, p) => p.slot_mut(&mut wb.conversations.get_mut(c)?.arc),
            Field::Agenda(c, k) => text(&mut wb.conversations.get_mut(c)?.agenda.get_mut(k)?.text),
            Field::Commitment(c, k) => {
                text(&mut wb.conversations.get_mut(c)?.commitments.get_mut(k)?.text)
            }
            Field::CommitmentDue(c, k) => {
                SlotMut::Date(&mut wb.conversations.get_mut(c)?.commitments.get_mut(k)?.due)
            }
            Field::CheckIn(i, p) => p.slot_mut(wb.check_ins.get_mut(i)?),
            Field::Person(i) => text(&mut wb.people.get_mut(i)?.name),
            Field::Win(i) => text(&mut wb.wins.get_mut(i)?.what),
            Field::WinDate(i) => SlotMut::Date(&mut wb.wins.get_mut(i)?.date),
            Field::WinEvidence(i) => text(&mut wb.wins.get_mut(i)?.evidence),
            Field::Entry(i) => text(&mut wb.entry_mut(i)?.text),
            Field::EntryTags(i) => SlotMut::Tags(&mut wb.entry_mut(i)?.tags),
            Field::EntryAt(i) => SlotMut::Stamp(&mut wb.entry_mut(i)?.at),
            Field::PartnerNote(i) => text(&mut wb.notes_for_partner.get_mut(i)?.text),
            Field::Closure(p) => p.slot_mut(&mut wb.closure),
        })
    }

    /// The string behind a text field; `None` for dates and intervals, or past a list's end.
    pub fn text(self, wb: &Workbook) -> Option<&str> {
        match self.slot(wb)? {
            Slot::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The string behind a text field, to change.
    pub fn text_mut(self, wb: &mut Workbook) -> Option<&mut String> {
        match self.slot_mut(wb)? {
            SlotMut::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The value as it is edited; `None` past the end of a list.
    pub fn value(self, wb: &Workbook) -> Option<Cow<'_, str>> {
        if let Field::StepAfter(g, i) = self {
            let plan = &wb.goals.get(g)?.plan;
            plan.steps.get(i)?;
            return Some(Cow::Owned(plan.dependencies_text(i)));
        }
        Some(match self.slot(wb)? {
            Slot::Text(s) => Cow::Borrowed(s.as_str()),
            Slot::Date(d) => Cow::Owned(d.map(|d| d.to_string()).unwrap_or_default()),
            Slot::Days(d) => Cow::Owned(d.map(|d| d.to_string()).unwrap_or_default()),
            Slot::Minutes(m) => Cow::Owned(m.map(describe_minutes).unwrap_or_default()),
            Slot::Stamp(at) => Cow::Owned(at.format("%Y-%m-%d %H:%M").to_string()),
            Slot::Meeting(m) => Cow::Owned(m.map(|m| m.to_string()).unwrap_or_default()),
            Slot::Tags(tags) => Cow::Owned(tags.join(", ")),
        })
    }

    /// The value as it is read (on a page, in an export): like [`Field::value`], but an
    /// interval in words ("every 2 weeks").
    pub fn display(self, wb: &Workbook) -> Option<Cow<'_, str>> {
        match self.slot(wb) {
            Some(Slot::Days(Some(d))) => Some(Cow::Owned(describe_days(*d))),
            _ => self.value(wb),
        }
    }

    /// Whether something is written in it.
    pub fn filled(self, wb: &Workbook) -> bool {
        match self.slot(wb) {
            Some(slot) => slot.filled(),
            None => self.value(wb).is_some_and(|v| !v.trim().is_empty()),
        }
    }

    /// The list row this field is shown in (a step's due date is edited in the step's row).
    pub fn row(self) -> Field {
        match self {
            Field::MilestoneDate(g, i) => Field::Milestone(g, i),
            Field::CommitmentDue(c, k) => Field::Commitment(c, k),
            Field::StepDue(g, i) | Field::StepAfter(g, i) => Field::Step(g, i),
            Field::WinDate(i) | Field::WinEvidence(i) => Field::Win(i),
            f => f,
        }
    }

    /// Stores edited text, parsing dates, intervals, times and tags. `Ok(true)` if the
    /// workbook changed; `Err` says what is wrong and leaves the workbook as it was.
    pub fn commit(self, wb: &mut Workbook, text: &str, today: NaiveDate) -> Result<bool, String> {
        if let Field::StepAfter(g, i) = self {
            let goal = wb.goals.get_mut(g).ok_or("That goal is gone.")?;
            return goal.plan.set_dependencies(i, text);
        }
        if let Field::EntryAt(i) = self {
            // An entry moves to the file of its new month: never to one that cannot be read
            // (it would not be saved there).
            let old = wb.journal.get(i).ok_or("That entry is gone.")?.at;
            let mut at = old;
            commit::store(SlotMut::Stamp(&mut at), text, today)?;
            let month = crate::model::Month::of(&at);
            if at != old && wb.journal.is_unreadable(month) {
                return Err(format!(
                    "The journal file of {month} cannot be read, so no entry can move into \
                     it; `mentorbook check` says why."
                ));
            }
        }
        match self.slot_mut(wb) {
            Some(slot) => commit::store(slot, text, today),
            None => Ok(false),
        }
    }
}

#[cfg(test)]
mod tests;
