//! The state machine's verbs: `update(app, msg)` changes state and asks the shell for I/O.
//! The screen shown takes the keys it understands first (`screens::handle`); what is left is
//! shared by every screen: moving the focus, editing, lists, going places, help, quitting.
//! No I/O here; the shell passes the clock in.

mod edit;
mod graphemes;

use chrono::{DateTime, Local};

use crate::app::App;
use crate::field::{Field, GoalPart, Kind, ListKind};
use crate::msg::{Effect, Msg};
use crate::nav::{Confirm, Creates, Mode, Record, Screen, Target};
use crate::privacy;
use crate::screens::{
    self, Handled, choose, delete_record, focus, focus_on, focused, go, set_focus, spec, start_edit,
};

/// Places PgUp and PgDn move the focus.
const PAGE: usize = 10;

/// Applies one message. `now` is the wall clock, for dates typed as `tomorrow`.
pub fn update(app: &mut App, msg: Msg, now: DateTime<Local>) -> Option<Effect> {
    // Once a typed-ahead key was refused a private field, the rest of what was typed ahead
    // is dropped (it was meant for that field); Ctrl-c still quits.
    if !app.blind {
        app.dropping_typed_ahead = false;
    } else if app.dropping_typed_ahead && msg != Msg::SaveAndQuit {
        return None;
    }
    app.notice = None;
    app.today = now.date_naive();
    if let Mode::Pick(pick) = app.mode {
        return screens::update_pick(app, pick, msg, now);
    }
    if let Mode::Calendar(day) = app.mode {
        return screens::update_calendar(app, day, msg);
    }
    if matches!(app.mode, Mode::Search(_)) {
        return screens::search::update(app, msg);
    }
    let browsing = matches!(app.mode, Mode::Browse);
    if browsing && privacy::hides_screen(app) && !moves_on(&msg) {
        app.notice =
            Some("This page is private and hidden during the call: C ends call mode.".into());
        return None;
    }
    if browsing && let Handled::Yes(effect) = screens::handle(app, &msg, now) {
        return effect;
    }
    match msg {
        Msg::Up => set_focus(app, focus(app).saturating_sub(1)),
        Msg::Down => set_focus(app, focus(app) + 1),
        // A long sheet is crossed in pages, or in one key to either end.
        Msg::PageUp => set_focus(app, focus(app).saturating_sub(PAGE)),
        Msg::PageDown => set_focus(app, focus(app) + PAGE),
        Msg::First => set_focus(app, 0),
        Msg::Last => set_focus(app, usize::MAX),
        Msg::Activate => return activate(app, now),
        Msg::Back => {
            if app.screen != Screen::Home {
                return go(app, app.screen.parent());
            }
        }
        Msg::Add => return add(app, now),
        Msg::Delete => return ask_delete(app),
        Msg::MoveItem(up) => return move_item(app, up),
        Msg::NewEntry => return screens::new_entry(app, now),
        Msg::CallMode => toggle_call_mode(app),
        // The list names the other mentees and what they owe: not for the shared screen.
        Msg::SwitchWorkbook if app.call_mode => {
            app.notice = Some("Other workbooks are not listed during a call: C ends it.".into());
        }
        Msg::Search => screens::search::open(app),
        Msg::SwitchWorkbook => {
            if app.flush_editor() {
                app.touch();
            }
            return Some(Effect::SwitchWorkbook);
        }
        Msg::EditOutside => match focused(app) {
            Some(Target::Field(f)) if spec(f, &app.workbook).kind == Kind::Text => {
                return Some(Effect::EditOutside(f));
            }
            _ => {
                app.notice = Some(
                    "E opens a longer text (a box with several lines) in your own editor.".into(),
                );
            }
        },
        Msg::Review => return screens::open_review(app, now),
        Msg::OpenMerge => return screens::open_merge(app),
        Msg::OpenPartner => return screens::open_partner(app),
        Msg::NextScreen => return go(app, app.screen.next()),
        Msg::PrevScreen => return go(app, app.screen.prev()),
        Msg::OpenExercise(e) => return go(app, Screen::Exercise(e)),
        Msg::TypeInto(c) => return type_into(app, c, now),
        Msg::Help => {
            let under = match std::mem::replace(&mut app.mode, Mode::Browse) {
                Mode::Edit(e) => Some(e),
                _ => None,
            };
            app.mode = Mode::Help(under);
        }
        Msg::CloseHelp => {
            if let Mode::Help(under) = std::mem::replace(&mut app.mode, Mode::Browse) {
                app.mode = under.map_or(Mode::Browse, Mode::Edit);
            }
        }
        Msg::Quit => return Some(Effect::Quit),
        Msg::SaveNow => return Some(Effect::Save),
        Msg::Redraw => return Some(Effect::Redraw),
        Msg::SaveAndQuit => {
            if app.flush_editor() {
                app.touch();
            }
            return Some(Effect::Quit);
        }
        Msg::Answer(yes) => return answer(app, yes, now),
        Msg::CommitEdit => return edit::leave(app),
        Msg::Undo => edit::change(app, |e| e.editor.undo()),
        Msg::EditKey(key) => return edit::key(app, key),
        Msg::Paste(text) => edit::paste(app, &text),
        Msg::PasteIgnored => {
            app.notice = Some("Paste ignored: press Enter on a field first, then paste.".into());
        }
        // Keys only some screens understand: the screen took them above if they mean
        // something here, and they are not in this screen's key table otherwise.
        Msg::CyclePhase
        | Msg::Toggle
        | Msg::TogglePrivate
        | Msg::MarkReviewed
        | Msg::Cycle
        | Msg::EditDate
        | Msg::EditAfter
        | Msg::CycleSupport
        | Msg::EditEvidence
        | Msg::PayItForward
        | Msg::LinkGoal
        | Msg::Promote
        | Msg::OpenWorksheet
        | Msg::OpenGlance
        | Msg::PickStatus
        | Msg::MakeRoom(_)
        | Msg::Filter
        | Msg::ToStep
        | Msg::AddCheckIn
        | Msg::ClearAgenda
        | Msg::SuggestAgenda
        | Msg::WriteNotes
        | Msg::WriteMinutes
        | Msg::NextEntry(_)
        | Msg::TagList
        | Msg::OnThisDay
        | Msg::MonthView
        | Msg::Template
        | Msg::Day(_)
        | Msg::MonthStep(_)
        | Msg::SwitchPane
        | Msg::SwapReference(_)
        | Msg::Split(_)
        | Msg::PartnerReference
        | Msg::KeepLeft
        | Msg::KeepRight
        | Msg::KeepBoth => {}
    }
    None
}

/// What still works on a page hidden by call mode: going elsewhere, help, saving, quitting.
fn moves_on(msg: &Msg) -> bool {
    matches!(
        msg,
        Msg::Back
            | Msg::NextScreen
            | Msg::PrevScreen
            | Msg::OpenExercise(_)
            | Msg::Help
            | Msg::CloseHelp
            | Msg::Quit
            | Msg::SaveNow
            | Msg::Redraw
            | Msg::SaveAndQuit
            | Msg::Answer(_)
            | Msg::CallMode
            | Msg::Review
            | Msg::PasteIgnored
    )
}

/// `C`: call mode on or off. The journal list is worked out again without (or with) the
/// private entries.
fn toggle_call_mode(app: &mut App) {
    app.call_mode = !app.call_mode;
    app.refresh_journal();
    let f = focus(app);
    set_focus(app, f);
    app.notice = Some(if app.call_mode {
        "Call mode on: private entries, topics and conversations and the conversation with yourself are hidden."
            .into()
    } else {
        "Call mode off: private content shows again.".into()
    });
}

/// Enter on the focused target.
/// A digit on a focused date (or time, or number of days): the field opens as Enter opens it (the
/// screen's own way first), and the digit is typed over its value, which opens selected.
fn type_into(app: &mut App, c: char, now: DateTime<Local>) -> Option<Effect> {
    let effect = match screens::handle(app, &Msg::Activate, now) {
        Handled::Yes(effect) => effect,
        Handled::No => activate(app, now),
    };
    if matches!(app.mode, Mode::Edit(_)) {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        return edit::key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).or(effect);
    }
    effect
}

fn activate(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    match focused(app)? {
        Target::Field(field) => start_edit(app, field, false),
        Target::Add(list) => {
            let field = list.push_new(&mut app.workbook);
            app.touch();
            if let (ListKind::Goals, Field::Goal(g, _)) = (list, field) {
                go(app, Screen::Goal(g));
            }
            start_edit(app, field, true);
        }
        Target::Choice(choice) => return choose(app, choice),
        Target::Open(screen) => return go(app, screen),
        Target::Create(Creates::Conversation) => return screens::new_conversation(app, now),
        Target::Create(Creates::CheckIn) => return screens::new_check_in(app),
    }
    None
}

/// `a`: append to the list the focus is in, else the next list below the focus (after the
/// notes, the commitments), else the first list on the screen.
fn add(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    let targets = screens::focus_targets(app);
    let here = match focused(app) {
        Some(Target::Field(f)) => f.list(&app.workbook),
        Some(Target::Add(l)) => Some(l),
        _ => None,
    };
    let add_row = |t: &Target| match t {
        Target::Add(l) => Some(*l),
        _ => None,
    };
    let at = focus(app).min(targets.len());
    let list = here
        .or_else(|| targets[at..].iter().find_map(add_row))
        .or_else(|| targets.iter().find_map(add_row))?;
    focus_on(app, Target::Add(list));
    activate(app, now)
}

/// `K` / `J`: move the focused list item and keep the focus on it.
fn move_item(app: &mut App, up: bool) -> Option<Effect> {
    let Some(Target::Field(f)) = focused(app) else {
        return None;
    };
    let Some(list) = f.list(&app.workbook) else {
        app.notice = Some("Only list items move.".into());
        return None;
    };
    let moved = list.move_item(&mut app.workbook, f, up)?;
    app.touch();
    focus_on(app, Target::Field(moved));
    Some(Effect::Save)
}

/// `d`: a record asks first; a list item asks unless it is empty.
fn ask_delete(app: &mut App) -> Option<Effect> {
    let record = match focused(app) {
        Some(Target::Open(Screen::Goal(g))) => Some(Record::Goal(g)),
        Some(Target::Open(Screen::Conversation(c))) => Some(Record::Conversation(c)),
        Some(Target::Open(Screen::CheckIn(i))) => Some(Record::CheckIn(i)),
        _ => None,
    };
    if let Some(record) = record {
        app.mode = Mode::Confirm(Confirm::DeleteRecord(record));
        return None;
    }
    let Some(Target::Field(field)) = focused(app) else {
        app.notice = Some("Nothing to delete here: d deletes a list item.".into());
        return None;
    };
    if field.list(&app.workbook).is_none() {
        app.notice =
            Some("Only list items can be deleted; to change this text, press Enter.".into());
        return None;
    }
    if field
        .text(&app.workbook)
        .is_some_and(|t| t.trim().is_empty())
    {
        return delete(app, field);
    }
    app.mode = Mode::Confirm(Confirm::Delete(field));
    None
}

/// Removes a list item; the focus stays in range.
fn delete(app: &mut App, field: Field) -> Option<Effect> {
    if field.remove_item(&mut app.workbook) {
        app.touch();
    }
    app.mode = Mode::Browse;
    let f = focus(app);
    set_focus(app, f);
    Some(Effect::Save)
}

fn answer(app: &mut App, yes: bool, now: DateTime<Local>) -> Option<Effect> {
    let Mode::Confirm(question) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    match (question, yes) {
        (Confirm::Delete(field), true) => delete(app, field),
        (Confirm::DeleteRecord(record), true) => delete_record(app, record),
        (Confirm::QuitUnsaved, true) => Some(Effect::ForceQuit),
        (Confirm::ClearAgenda(c), true) => {
            if let Some(conv) = app.workbook.conversations.get_mut(c) {
                conv.agenda.clear();
                app.touch();
            }
            let f = focus(app);
            set_focus(app, f);
            Some(Effect::Save)
        }
        (Confirm::PastDeadline(..), true) => Some(Effect::Save),
        (Confirm::PastDeadline(g, before), false) => {
            if let Some(goal) = app.workbook.goals.get_mut(g) {
                goal.deadline = before;
                app.touch();
            }
            Some(Effect::Save)
        }
        (Confirm::ArcOrder(c, kind), true) => screens::take_kind(app, c, kind, true),
        (Confirm::PhaseBack(p), true) => screens::set_phase(app, p),
        (Confirm::FirstPhase, true) => {
            app.workbook.phase = crate::model::Phase::ALL[0];
            app.touch();
            Some(Effect::Save)
        }
        (Confirm::Recover(_), yes) => Some(Effect::Recover(yes)),
        (Confirm::StartToday, yes) => screens::review_answered(app, yes, now),
        (_, false) => None,
    }
}

/// A goal just added and left without a name, or an entry opened with `n` and left without
/// a word, was a slip: take it away again. Other new items left empty disappear too.
fn drop_empty_new(app: &mut App, field: Field) -> Option<Effect> {
    match field {
        Field::Goal(_, GoalPart::Title) => {
            field.discard_new(&mut app.workbook);
            go(app, Screen::Exercise(crate::lifecycle::Exercise::Goals))
        }
        Field::Entry(_) => {
            field.discard_new(&mut app.workbook);
            app.refresh_journal();
            go(app, Screen::Exercise(crate::lifecycle::Exercise::Journal))
        }
        _ => delete(app, field),
    }
}
