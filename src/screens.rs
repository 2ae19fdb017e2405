//! The screens. One module per exercise owns everything about it: what its fields are called
//! (`spec`), its layout (the items drawn, which are also the focus targets), its keys and what
//! they do (`handle`, returning whether it took the key), its progress rule and its part of
//! the documents. The overview and the review are screens of their own; the sheet, the
//! editor, the focus and the common moves are shared. This file dispatches with exhaustive
//! matches, so a new screen or exercise cannot be half wired.

mod act;
mod agreement;
mod brainstorm;
mod closure;
mod conversations;
mod document;
mod editor;
mod focus;
mod form;
mod goals;
mod home;
mod journal;
mod merge;
mod partner;
mod pick;
mod plan;
mod prospect;
mod reflection;
mod review;
pub mod search;
mod sheet;
mod vision;

use chrono::{DateTime, Local};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{Field, Spec};
use crate::keys::Binding;
use crate::lifecycle::Exercise;
use crate::model::{Progress, Workbook};
use crate::msg::{Effect, Msg};
use crate::nav::{Record, Screen, Target};

pub use act::{choose, focused_field, go, start_edit, start_editing};
pub use conversations::{
    NOTES_KEYS, check_in_line, find_conversation, kind_summary, minutes_document, new_check_in,
    new_conversation, order_question, take_kind,
};
pub use document::{document, section, section_of};
pub use editor::{draw as draw_editor, new_editor};
pub use focus::{focus, focus_on, focused, set_focus, targets as focus_targets};
pub use form::editor_for;
pub use goals::past_deadline_question;
pub use home::{next_step, set_phase};
pub use journal::{
    CALENDAR_KEYS, calendar_box, calendar_key, commit_filter, found_notice, render_calendar,
    update_calendar,
};
pub use merge::open as open_merge;
pub use partner::{notes_on as partner_notes_on, open as open_partner, who as partner_name};
pub use pick::{PickView, pick_view};
pub use review::{STACK_BELOW, answered as review_answered, open as open_review, reference_lines};
pub use sheet::fit;

/// What a screen did with a message: gitui's and slumber's "consumed or not".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// Not this screen's key: the shared handling takes it.
    No,
    /// Taken, with what the shell should do next.
    Yes(Option<Effect>),
}

/// The browse-mode keys of a screen (the global ones come after).
pub fn keys(screen: Screen) -> &'static [Binding] {
    crate::keys::mapped(compiled_keys(screen))
}

/// A screen's own table as compiled (see `keys::mapped` for the user's keys).
fn compiled_keys(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Home => home::KEYS,
        Screen::Exercise(e) => match e {
            Exercise::Reflection => reflection::KEYS,
            Exercise::Prospect => prospect::KEYS,
            Exercise::Agreement => agreement::KEYS,
            Exercise::Plan => plan::KEYS,
            Exercise::Vision => vision::KEYS,
            Exercise::Brainstorm => brainstorm::KEYS,
            Exercise::Goals => goals::LIST_KEYS,
            Exercise::Conversations => conversations::LOG_KEYS,
            Exercise::Closure => closure::KEYS,
            Exercise::Journal => journal::LIST_KEYS,
        },
        Screen::Goal(_) => goals::GOAL_KEYS,
        Screen::Worksheet(_) => goals::WORKSHEET_KEYS,
        Screen::Glance(_) => goals::GLANCE_KEYS,
        Screen::Conversation(_) => conversations::CONVERSATION_KEYS,
        Screen::CheckIn(_) => conversations::CHECK_IN_KEYS,
        Screen::Entry(_) => journal::ENTRY_KEYS,
        Screen::Review(_) => review::KEYS,
        Screen::Merge => merge::KEYS,
        Screen::Partner => partner::KEYS,
    }
}

/// The key tables that are not a screen's own: the global keys, the editor's, the
/// question's, the pickers' and the review's notes. With [`keys`] of every screen, these are
/// every key the app binds (the tests that go over all keys start here).
pub fn shared_key_tables(call_mode: bool) -> [&'static [Binding]; 7] {
    [
        crate::keys::global(call_mode),
        crate::keys::EDIT,
        crate::keys::CONFIRM,
        crate::keys::PICK,
        crate::keys::PICK_TEMPLATE,
        crate::keys::MAKE_ROOM,
        crate::keys::mapped(NOTES_KEYS),
    ]
}

/// What the focus can rest on, top to bottom (before call mode takes private ones out: see
/// [`focus_targets`]).
pub fn targets(screen: Screen, wb: &Workbook) -> Vec<Target> {
    match screen {
        Screen::Home => home::targets(wb),
        Screen::Exercise(e) => match e {
            Exercise::Reflection => reflection::targets(wb),
            Exercise::Prospect => prospect::targets(wb),
            Exercise::Agreement => agreement::targets(wb),
            Exercise::Plan => plan::targets(wb),
            Exercise::Vision => vision::targets(wb),
            Exercise::Brainstorm => brainstorm::targets(wb),
            Exercise::Goals => goals::list_targets(wb),
            Exercise::Conversations => conversations::log_targets(wb),
            Exercise::Closure => closure::targets(wb),
            // The journal list keeps its own selection (see `JournalView`).
            Exercise::Journal => Vec::new(),
        },
        Screen::Goal(g) => goals::goal_targets(wb, g),
        Screen::Worksheet(g) => goals::worksheet_targets(wb, g),
        Screen::Glance(g) => goals::glance_targets(wb, g),
        Screen::Conversation(c) | Screen::Review(c) => conversations::targets(wb, c),
        Screen::CheckIn(i) => conversations::check_in_targets(wb, i),
        Screen::Entry(e) => journal::entry_targets(wb, e),
        // The merge screen keeps its own selection among the collisions.
        Screen::Merge | Screen::Partner => Vec::new(),
    }
}

/// Draws the current screen's body.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    match app.screen {
        Screen::Home => home::render(app, area, buf),
        Screen::Exercise(e) => match e {
            Exercise::Reflection => reflection::render(app, area, buf),
            Exercise::Prospect => prospect::render(app, area, buf),
            Exercise::Agreement => agreement::render(app, area, buf),
            Exercise::Plan => plan::render(app, area, buf),
            Exercise::Vision => vision::render(app, area, buf),
            Exercise::Brainstorm => brainstorm::render(app, area, buf),
            Exercise::Goals => goals::render_list(app, area, buf),
            Exercise::Conversations => conversations::render_log(app, area, buf),
            Exercise::Closure => closure::render(app, area, buf),
            Exercise::Journal => journal::render_list(app, area, buf),
        },
        Screen::Goal(g) => goals::render_goal(app, g, area, buf),
        Screen::Worksheet(g) => goals::render_worksheet(app, g, area, buf),
        Screen::Glance(g) => goals::render_glance(app, g, area, buf),
        Screen::Conversation(c) => conversations::render(app, c, area, buf),
        Screen::CheckIn(i) => conversations::render_check_in(app, i, area, buf),
        Screen::Entry(e) => journal::render_entry(app, e, area, buf),
        Screen::Review(c) => review::render(app, c, area, buf),
        Screen::Merge => merge::render(app, area, buf),
        Screen::Partner => partner::render(app, area, buf),
    }
}

/// Lets the current screen handle a browse-mode message first.
pub fn handle(app: &mut App, msg: &Msg, now: DateTime<Local>) -> Handled {
    match app.screen {
        Screen::Home => home::handle(app, msg),
        Screen::Exercise(e) => match e {
            Exercise::Reflection | Exercise::Prospect | Exercise::Vision => Handled::No,
            Exercise::Closure => closure::handle(app, msg),
            Exercise::Agreement => agreement::handle(app, msg),
            Exercise::Plan => plan::handle(app, msg),
            Exercise::Brainstorm => brainstorm::handle(app, msg),
            Exercise::Goals => goals::handle(app, msg),
            Exercise::Conversations => conversations::handle_log(app, msg, now),
            Exercise::Journal => journal::handle_list(app, msg),
        },
        Screen::Goal(_) | Screen::Worksheet(_) | Screen::Glance(_) => goals::handle(app, msg),
        Screen::Conversation(_) => conversations::handle(app, msg),
        Screen::CheckIn(_) => Handled::No,
        Screen::Entry(_) => journal::handle_entry(app, msg),
        Screen::Review(_) => review::handle(app, msg),
        Screen::Merge => merge::handle(app, msg),
        Screen::Partner => partner::handle(app, msg),
    }
}

/// What a field is called, its hint and how it is edited: asked of the exercise it belongs
/// to.
pub fn spec(field: Field, wb: &Workbook) -> Spec {
    match field {
        Field::Workbook(p) => home::spec(p),
        Field::Reflect(p) => reflection::spec(p, wb.role),
        Field::Prospect(p) => prospect::spec(p),
        Field::Agreement(p) => agreement::spec(p),
        Field::Vision(p) => vision::spec(p, wb.role),
        Field::Strength(_) => vision::strength(wb.role),
        Field::Limitation(_) => vision::limitation(wb.role),
        Field::Topic(_) => plan::topic(wb.role),
        Field::Career(p) => plan::career_spec(p, wb.role),
        Field::TopicEvidence(_) => plan::EVIDENCE,
        Field::TopicHelp(_) => plan::help_spec(wb.role),
        Field::Brainstorm(p) => brainstorm::spec(p, wb.role),
        Field::Candidate(_) => brainstorm::candidate(wb.role),
        Field::Goal(_, p) => goals::spec(p, wb.role),
        Field::Measure(..) => goals::MEASURE,
        Field::Milestone(..) => goals::MILESTONE,
        Field::MilestoneDate(..) => goals::MILESTONE_DATE,
        Field::Step(..) => goals::STEP,
        Field::StepDue(..) => goals::STEP_DUE,
        Field::StepAfter(..) => goals::STEP_AFTER,
        Field::Resource(..) => goals::RESOURCE,
        Field::Conversation(_, p) => conversations::spec(p),
        Field::Prep(_, p) => conversations::prep_spec(p, wb.role),
        Field::Feedback(_, p) => conversations::feedback_spec(p),
        Field::Arc(_, p) => conversations::arc_spec(p, wb.role),
        Field::Agenda(..) => conversations::AGENDA_ITEM,
        Field::Commitment(..) => conversations::COMMITMENT,
        Field::CommitmentDue(..) => conversations::COMMITMENT_DUE,
        Field::CheckIn(_, p) => conversations::check_in_spec(p),
        Field::Person(_) => agreement::PERSON,
        Field::Win(_) => goals::WIN,
        Field::WinDate(_) => goals::WIN_DATE,
        Field::WinEvidence(_) => goals::WIN_EVIDENCE,
        Field::Entry(_) => journal::ENTRY,
        Field::EntryTags(_) => journal::ENTRY_TAGS,
        Field::EntryAt(_) => journal::ENTRY_AT,
        Field::PartnerNote(_) => partner::NOTE,
        Field::Closure(p) => closure::spec(p, wb.role),
    }
}

/// The screen a field is shown and edited on.
pub fn screen_of(field: Field) -> Screen {
    let ex = Screen::Exercise;
    match field {
        Field::Workbook(_) => Screen::Home,
        Field::Reflect(_) => ex(Exercise::Reflection),
        Field::Prospect(_) => ex(Exercise::Prospect),
        Field::Agreement(_) => ex(Exercise::Agreement),
        Field::Vision(_) | Field::Strength(_) | Field::Limitation(_) => ex(Exercise::Vision),
        Field::Topic(_) | Field::Career(_) | Field::TopicEvidence(_) | Field::TopicHelp(_) => {
            ex(Exercise::Plan)
        }
        Field::Brainstorm(_) | Field::Candidate(_) => ex(Exercise::Brainstorm),
        Field::Goal(g, p) => goals::page_of(g, p),
        Field::Measure(g, _) | Field::Milestone(g, _) | Field::MilestoneDate(g, _) => {
            Screen::Goal(g)
        }
        Field::Step(g, _) | Field::StepDue(g, _) | Field::StepAfter(g, _) => Screen::Worksheet(g),
        Field::Resource(g, _) => Screen::Worksheet(g),
        Field::Conversation(c, _)
        | Field::Prep(c, _)
        | Field::Feedback(c, _)
        | Field::Arc(c, _)
        | Field::Agenda(c, _)
        | Field::Commitment(c, _)
        | Field::CommitmentDue(c, _) => Screen::Conversation(c),
        Field::CheckIn(i, _) => Screen::CheckIn(i),
        Field::Win(_) | Field::WinDate(_) | Field::WinEvidence(_) => ex(Exercise::Goals),
        Field::Person(_) => ex(Exercise::Agreement),
        Field::Entry(e) | Field::EntryTags(e) | Field::EntryAt(e) => Screen::Entry(e),
        Field::Closure(_) => ex(Exercise::Closure),
        Field::PartnerNote(_) => Screen::Partner,
    }
}

/// How complete an exercise is; `None` for one that is kept rather than completed (the
/// journal). `include_private` false for what call mode shows.
pub fn progress(exercise: Exercise, wb: &Workbook, include_private: bool) -> Option<Progress> {
    Some(match exercise {
        Exercise::Reflection => reflection::progress(wb),
        Exercise::Prospect => prospect::progress(wb),
        Exercise::Agreement => agreement::progress(wb),
        Exercise::Plan => plan::progress(wb, include_private),
        Exercise::Vision => vision::progress(wb),
        Exercise::Brainstorm => brainstorm::progress(wb),
        Exercise::Goals => goals::progress(wb),
        Exercise::Conversations => conversations::progress(wb, include_private),
        Exercise::Closure => closure::progress(wb),
        Exercise::Journal => return None,
    })
}

/// Deletes a record with a page of its own, and the links to it; the focus stays in range.
pub fn delete_record(app: &mut App, record: Record) -> Option<Effect> {
    match record {
        Record::Goal(g) => goals::delete(app, g),
        Record::Conversation(c) => conversations::delete(app, c),
        Record::CheckIn(i) => conversations::delete_check_in(app, i),
        Record::Entry(e) => journal::delete(app, e),
    }
    let f = focus(app);
    set_focus(app, f);
    Some(Effect::Save)
}

/// Opens a new journal entry, stamped now, with its editor open (`n`, from anywhere).
pub fn new_entry(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    journal::new_entry(app, now)
}

/// Picker mechanics are shared; what each list holds and does is its exercise's.
/// After the editor changed a field's value: what the screen that owns the field does next
/// (a conversation moved to a past day drops the agenda suggested for today).
/// `before` is the date the field held, for a date field.
pub fn committed(app: &mut App, field: Field, before: Option<chrono::NaiveDate>) {
    match field {
        Field::Conversation(c, crate::field::ConversationPart::At) => {
            conversations::when_changed(app, c)
        }
        Field::Goal(g, crate::field::GoalPart::Deadline) => goals::deadline_set(app, g, before),
        _ => {}
    }
}

pub use pick::update as update_pick;
