//! What is private, in one place: the conversation with yourself, journal entries,
//! conversations and mentoring-plan topics marked private. Call mode hides these on screen, and
//! exports leave them out unless asked; both ask here, so they can never disagree.

use crate::app::App;
use crate::field::{Choice, Field};
use crate::model::{SelfReflection, Workbook};
use crate::nav::{Screen, Target};

/// Journal entry `e` is private (a missing entry counts as private: nothing to show).
fn entry_private(wb: &Workbook, e: usize) -> bool {
    wb.journal.get(e).is_none_or(|x| x.private)
}

/// Conversation `c` is private (a missing one counts as private: nothing to show).
fn conversation_private(wb: &Workbook, c: usize) -> bool {
    wb.conversations.get(c).is_none_or(|x| x.private)
}

/// In a mentor's workbook, the mentor's own notes are theirs: the prospect page (what they
/// suspect the mentee wants, the fit), each conversation's 4 Ps, the mentor's view on a
/// goal. Private unless the mentor shares them (the overview's switch).
pub fn mentor_notes_private(wb: &Workbook) -> bool {
    wb.role == crate::model::Role::Mentor && !wb.mentor_notes_shared
}

/// Whether `field` is one of a mentor's own notes (private by [`mentor_notes_private`]).
pub fn mentor_own(field: Field) -> bool {
    matches!(
        field,
        Field::Prospect(_)
            | Field::Prep(..)
            | Field::Goal(_, crate::field::GoalPart::MentorComment)
    )
}

/// A screen that shows nothing but private text.
pub fn screen(wb: &Workbook, screen: Screen) -> bool {
    match screen {
        Screen::Exercise(crate::nav::Exercise::Prospect) if mentor_notes_private(wb) => true,
        Screen::Exercise(e) => e.private(),
        Screen::Entry(e) => entry_private(wb, e),
        Screen::Conversation(c) | Screen::Review(c) => conversation_private(wb, c),
        // Either side of a collision may be private text: none is shown during a call.
        Screen::Merge => true,
        // The partner's packet holds nothing private of theirs; my notes are for them.
        Screen::Partner => false,
        Screen::Home
        | Screen::Goal(_)
        | Screen::Worksheet(_)
        | Screen::Glance(_)
        | Screen::CheckIn(_) => false,
    }
}

/// In call mode, whether the current screen is private as a whole (drawn as a notice).
pub fn hides_screen(app: &App) -> bool {
    app.call_mode && screen(&app.workbook, app.screen)
}

/// A field whose text is private. Every kind of field is named here, so a new one is a
/// compile error until its privacy is decided.
pub fn field(wb: &Workbook, field: Field) -> bool {
    if mentor_own(field) && mentor_notes_private(wb) {
        return true;
    }
    match field {
        Field::Reflect(_) => true,
        Field::Topic(i) | Field::TopicEvidence(i) | Field::TopicHelp(i) => {
            wb.mentoring_plan.topics.get(i).is_none_or(|t| t.private)
        }
        Field::Entry(e) | Field::EntryTags(e) | Field::EntryAt(e) => entry_private(wb, e),
        Field::Conversation(c, _)
        | Field::Prep(c, _)
        | Field::Feedback(c, _)
        | Field::Arc(c, _)
        | Field::Agenda(c, _)
        | Field::Commitment(c, _)
        | Field::CommitmentDue(c, _) => conversation_private(wb, c),
        Field::Workbook(_)
        | Field::Prospect(_)
        | Field::Agreement(_)
        | Field::Vision(_)
        | Field::Strength(_)
        | Field::Limitation(_)
        | Field::Career(_)
        | Field::Brainstorm(_)
        | Field::Candidate(_)
        | Field::Goal(..)
        | Field::Measure(..)
        | Field::Milestone(..)
        | Field::MilestoneDate(..)
        | Field::Step(..)
        | Field::StepDue(..)
        | Field::StepAfter(..)
        | Field::Resource(..)
        | Field::CheckIn(..)
        | Field::Person(_)
        | Field::Win(_)
        | Field::WinDate(_)
        | Field::WinEvidence(_)
        | Field::Closure(_)
        | Field::PartnerNote(_) => false,
    }
}

/// A focus target that would show private text.
pub fn target(wb: &Workbook, target: Target) -> bool {
    match target {
        Target::Field(f) => field(wb, f),
        Target::Open(s) => screen(wb, s),
        Target::Choice(Choice::EntryPrivate(e) | Choice::EntryLink(e)) => entry_private(wb, e),
        Target::Choice(
            Choice::ConversationPrivate(c)
            | Choice::ConvKind(c)
            | Choice::AgendaDone(c, _)
            | Choice::CommitmentOwner(c, _)
            | Choice::CommitmentDone(c, _)
            | Choice::Sign(c, _)
            | Choice::Committed(c)
            | Choice::Pledge(c, _)
            | Choice::Understood(c)
            | Choice::Present(c, _),
        ) => conversation_private(wb, c),
        Target::Choice(Choice::TopicSource(i) | Choice::GoalNeed(_, i)) => {
            wb.mentoring_plan.topics.get(i).is_none_or(|t| t.private)
        }
        Target::Choice(_) | Target::Add(_) | Target::Create(_) => false,
    }
}

/// The workbook without anything private: what exports hold unless private content is asked
/// for. Private topics and entries are removed, the conversation with yourself emptied, and
/// the collisions a merge left to choose are left out.
pub fn shareable(wb: &Workbook) -> Workbook {
    let mut out = wb.clone();
    out.self_reflection = SelfReflection::default();
    out.mentoring_plan.topics.retain(|t| !t.private);
    out.journal.retain(|e| !e.private);
    out.conversations.retain(|c| !c.private);
    if mentor_notes_private(wb) {
        out.prospect = Default::default();
        for c in &mut out.conversations {
            c.prep = Default::default();
        }
        for g in &mut out.goals {
            g.mentor_comment.clear();
        }
    }
    // Either side of a collision left to choose may be private text.
    out.conflicts.clear();
    out
}

/// The workbook a document shows: all of it with `include_private`, else [`shareable`].
pub fn for_document(wb: &Workbook, include_private: bool) -> std::borrow::Cow<'_, Workbook> {
    if include_private {
        std::borrow::Cow::Borrowed(wb)
    } else {
        std::borrow::Cow::Owned(shareable(wb))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{JournalEntry, Topic};

    #[test]
    fn shareable_keeps_nothing_private() {
        let mut wb = Workbook::default();
        wb.self_reflection.why = "secret why".into();
        wb.mentoring_plan.topics.push(Topic {
            text: "secret topic".into(),
            private: true,
            ..Topic::default()
        });
        wb.mentoring_plan.topics.push(Topic {
            text: "open topic".into(),
            ..Topic::default()
        });
        wb.journal.push(JournalEntry {
            text: "secret entry".into(),
            ..JournalEntry::default()
        });
        wb.journal.push(JournalEntry {
            text: "shared entry".into(),
            private: false,
            ..JournalEntry::default()
        });
        assert!(field(&wb, Field::Topic(0)));
        assert!(!field(&wb, Field::Topic(1)));
        assert!(screen(&wb, Screen::Entry(0)));
        assert!(screen(
            &wb,
            Screen::Exercise(crate::nav::Exercise::Reflection)
        ));
        assert!(!screen(&wb, Screen::Entry(1)));
        let json = serde_json::to_string(&shareable(&wb)).unwrap();
        assert!(!json.contains("secret"), "{json}");
        assert!(json.contains("open topic") && json.contains("shared entry"));
    }
}
