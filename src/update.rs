//! The state machine's verbs: `update(app, msg)` changes state and asks the shell for I/O.
//! No I/O here; the shell passes the clock in.

use chrono::{DateTime, Local};
use crossterm::event::{KeyCode, KeyModifiers};

use crate::app::App;
use crate::field::{Choice, Field, GoalPart, ListKind};
use crate::keys::Msg;
use crate::lifecycle;
use crate::nav::{Confirm, Creates, Editing, Mode, Record, Screen, Target};
use crate::ui::editor::new_editor;

mod cultivation;
mod graphemes;
mod pick;
mod planning;
mod review;

pub use cultivation::{link_options, step_goals};
pub use pick::active_goals;

/// I/O the shell performs after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Save now (a field was left, a screen changed, the user asked).
    Save,
    /// Save, then quit; if the save fails, ask before quitting.
    Quit,
    /// Quit without another save attempt (the user confirmed).
    ForceQuit,
    /// Take back the text a crash left (true) or set it aside (false).
    Recover(bool),
    /// Hand this field's text to the user's own editor, then take it back.
    EditOutside(Field),
}

/// Applies one message. `now` is the wall clock, for dates typed as `tomorrow`.
pub fn update(app: &mut App, msg: Msg, now: DateTime<Local>) -> Option<Effect> {
    app.notice = None;
    app.today = now.date_naive();
    if let Mode::Pick(pick) = app.mode {
        return pick::update(app, pick, msg);
    }
    if app.hides_screen() && matches!(app.mode, Mode::Browse) && !moves_on(&msg) {
        app.notice =
            Some("This page is private and hidden during the call: C ends call mode.".into());
        return None;
    }
    if matches!(app.screen, Screen::Review(_))
        && matches!(app.mode, Mode::Browse)
        && let Some(effect) = review::key(app, &msg)
    {
        return effect;
    }
    if app.screen == Screen::Journal
        && matches!(app.mode, Mode::Browse)
        && let Some(effect) = cultivation::journal_key(app, &msg)
    {
        return effect;
    }
    match msg {
        Msg::Up => app.set_focus(app.focus().saturating_sub(1)),
        Msg::Down => app.set_focus(app.focus() + 1),
        Msg::Activate => return activate(app, now),
        Msg::Back => {
            if app.screen != Screen::Home {
                return go(app, app.screen.parent());
            }
        }
        Msg::Add => return add(app, now),
        Msg::Delete => return ask_delete(app),
        Msg::CyclePhase => return choose(app, Choice::Phase),
        Msg::TogglePrivate => return toggle_private(app),
        Msg::Toggle => return planning::toggle(app),
        Msg::Cycle => return planning::cycle(app),
        Msg::EditDate | Msg::EditAfter => {
            if let Some(field) = planning::sub_field(app, &msg) {
                start_edit(app, field, false);
            }
        }
        Msg::MoveItem(up) => return planning::move_focused(app, up),
        Msg::Promote => return planning::promote(app),
        Msg::OpenWorksheet | Msg::OpenGlance => {
            let screen = planning::goal_screen(app, &msg)?;
            return go(app, screen);
        }
        Msg::PickStatus => planning::pick_status(app),
        Msg::NewEntry if app.call_mode => {
            app.notice = Some(
                "Journal entries start private, so n is off during a call: C ends call mode."
                    .into(),
            );
        }
        Msg::NewEntry => return cultivation::new_entry(app, now),
        Msg::CallMode => toggle_call_mode(app),
        Msg::EditOutside => match app.focused() {
            Some(Target::Field(f)) if f.kind() == crate::field::Kind::Text => {
                return Some(Effect::EditOutside(f));
            }
            _ => {
                app.notice = Some(
                    "E opens a longer text (a box with several lines) in your own editor.".into(),
                );
            }
        },
        Msg::Review => return review::open(app, now),
        // Only meaningful on the review (above).
        Msg::SwitchPane | Msg::SwapReference(_) | Msg::Split(_) => {}
        Msg::AddCheckIn => return cultivation::new_check_in(app),
        Msg::ToStep => return cultivation::to_step(app),
        // Only meaningful on the journal list (above) or in a picker.
        Msg::MakeRoom(_) | Msg::Filter | Msg::PageUp | Msg::PageDown | Msg::First | Msg::Last => {}
        Msg::MarkReviewed => {
            let what = if let Screen::Worksheet(g) = app.screen {
                app.workbook.goals.get_mut(g)?.plan.reviewed_on = Some(app.today);
                "Action plan"
            } else {
                app.workbook.agreement.reviewed_on = Some(app.today);
                "Agreement"
            };
            app.touch();
            app.notice = Some(format!("{what} marked as reviewed today ({}).", app.today));
            return Some(Effect::Save);
        }
        Msg::NextScreen => return go(app, app.screen.next()),
        Msg::PrevScreen => return go(app, app.screen.prev()),
        Msg::OpenExercise(i) => {
            if let Some(s) = Screen::EXERCISES.get(i) {
                return go(app, *s);
            }
        }
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
        Msg::SaveAndQuit => {
            if app.flush_editor() {
                app.touch();
            }
            return Some(Effect::Quit);
        }
        Msg::Answer(yes) => return answer(app, yes),
        Msg::CommitEdit => return commit(app),
        Msg::Undo => edit(app, |e| e.editor.undo()),
        Msg::EditKey(key) => return edit_key(app, key),
        Msg::Paste(text) => paste(app, &text),
        Msg::PasteIgnored => {
            app.notice = Some("Paste ignored: press Enter on a field first, then paste.".into());
        }
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
    let focus = app.focus();
    app.set_focus(focus);
    app.notice = Some(if app.call_mode {
        "Call mode on: private entries, the conversation with yourself and private topics are hidden."
            .into()
    } else {
        "Call mode off: private content shows again.".into()
    });
}

/// Changes screen, saving on the way (leaving a screen is a natural checkpoint). Opening an
/// exercise ahead of the relationship's phase only earns a word of warning.
pub(crate) fn go(app: &mut App, screen: Screen) -> Option<Effect> {
    // A goal's page opens at its top (the pages share one focus slot across goals); coming
    // back up from the page below keeps the place.
    let from = app.screen;
    let back_up = from.parent() == screen;
    let fresh = !back_up && screen != app.screen && screen.index() >= Screen::ALL.len();
    app.screen = screen;
    if fresh {
        app.set_focus(0);
    }
    // Entries may have changed on their pages: the list is worked out again on the way in.
    if screen == Screen::Journal {
        app.refresh_journal();
        if let Screen::Entry(e) = from {
            app.journal.select_entry(e);
        }
    }
    app.mode = Mode::Browse;
    app.notice = lifecycle::ahead_of_phase(&app.workbook, screen);
    Some(Effect::Save)
}

pub(crate) fn choose(app: &mut App, choice: Choice) -> Option<Effect> {
    let picker = match choice {
        Choice::GoalStatus(g) => Some(pick::status(&app.workbook, g)),
        Choice::ConvKind(c) => Some(pick::kind(&app.workbook, c)),
        Choice::EntryLink(e) => {
            let current = app
                .workbook
                .journal
                .get(e)
                .map(|x| (x.goal, x.conversation));
            let options = cultivation::link_options(app);
            Some(crate::nav::Pick {
                what: crate::nav::PickWhat::Link(e),
                selected: options
                    .iter()
                    .position(|o| Some(*o) == current)
                    .unwrap_or(0),
            })
        }
        _ => None,
    };
    if let Some(p) = picker {
        app.mode = Mode::Pick(p);
        return None;
    }
    choice.cycle(&mut app.workbook);
    app.touch();
    Some(Effect::Save)
}

/// `p` on a mentoring-plan topic, or on a journal entry's page.
fn toggle_private(app: &mut App) -> Option<Effect> {
    if let Screen::Entry(e) = app.screen {
        return choose(app, Choice::EntryPrivate(e));
    }
    let Some(Target::Field(Field::Topic(i))) = app.focused() else {
        app.notice = Some("Move to a topic first.".into());
        return None;
    };
    let topic = app.workbook.mentoring_plan.topics.get_mut(i)?;
    topic.private = !topic.private;
    app.touch();
    Some(Effect::Save)
}

fn activate(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    match app.focused()? {
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
        Target::Create(Creates::Conversation) => return cultivation::new_conversation(app, now),
        Target::Create(Creates::CheckIn) => return cultivation::new_check_in(app),
    }
    None
}

pub(crate) fn start_edit(app: &mut App, field: Field, new_item: bool) {
    let text = if field == Field::JournalQuery {
        std::borrow::Cow::Owned(app.journal.query.clone())
    } else {
        match field.value(&app.workbook) {
            Some(text) => text,
            None => return,
        }
    };
    let editor = new_editor(&text, field);
    if let Some(i) = app
        .targets()
        .iter()
        .position(|t| *t == Target::Field(field))
    {
        app.set_focus(i);
    }
    app.mode = Mode::Edit(Box::new(Editing {
        field,
        editor,
        new_item,
        error: None,
    }));
}

/// `a`: append to the list the focus is in (or the first list on the screen).
fn add(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    if app.screen == Screen::Conversations {
        return cultivation::new_conversation(app, now);
    }
    let targets = app.targets();
    let here = match app.focused() {
        Some(Target::Field(f)) => f.list(&app.workbook),
        Some(Target::Add(l)) => Some(l),
        _ => None,
    };
    let list = here.or_else(|| {
        targets.iter().find_map(|t| match t {
            Target::Add(l) => Some(*l),
            _ => None,
        })
    })?;
    let i = targets.iter().position(|t| *t == Target::Add(list))?;
    app.set_focus(i);
    activate(app, now)
}

fn ask_delete(app: &mut App) -> Option<Effect> {
    let record = match app.focused() {
        Some(Target::Open(Screen::Goal(g))) => Some(Record::Goal(g)),
        Some(Target::Open(Screen::Conversation(c))) => Some(Record::Conversation(c)),
        Some(Target::Open(Screen::CheckIn(i))) => Some(Record::CheckIn(i)),
        _ => None,
    };
    if let Some(record) = record {
        app.mode = Mode::Confirm(Confirm::DeleteRecord(record));
        return None;
    }
    let Some(Target::Field(field)) = app.focused() else {
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

fn delete(app: &mut App, field: Field) -> Option<Effect> {
    if field.remove_item(&mut app.workbook) {
        app.touch();
    }
    app.mode = Mode::Browse;
    let focus = app.focus();
    app.set_focus(focus);
    Some(Effect::Save)
}

fn answer(app: &mut App, yes: bool) -> Option<Effect> {
    let Mode::Confirm(question) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    match (question, yes) {
        (Confirm::Delete(field), true) => delete(app, field),
        (Confirm::DeleteRecord(record), true) => cultivation::delete_record(app, record),
        (Confirm::QuitUnsaved, true) => Some(Effect::ForceQuit),
        (Confirm::Recover(_), yes) => Some(Effect::Recover(yes)),
        (_, false) => None,
    }
}

/// Leaves the editor, keeping its text. A new list item left empty disappears again. A date
/// that does not parse keeps the editor open with the reason: nothing typed is lost.
fn commit(app: &mut App) -> Option<Effect> {
    let Mode::Edit(editing) = &mut app.mode else {
        return None;
    };
    let text = editing.text();
    if editing.field == Field::JournalQuery {
        if let Err(reason) = cultivation::commit_query(app, &text) {
            if let Mode::Edit(editing) = &mut app.mode {
                editing.error = Some(reason.clone());
            }
            app.notice = Some(reason);
            return None;
        }
        app.mode = Mode::Browse;
        return None;
    }
    match editing.field.commit(&mut app.workbook, &text, app.today) {
        Ok(true) => app.touch(),
        Ok(false) => {}
        Err(reason) => {
            editing.error = Some(reason.clone());
            app.notice = Some(reason);
            return None;
        }
    }
    let Mode::Edit(editing) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    if editing.new_item && editing.text().trim().is_empty() {
        // A goal just added and left without a name was a slip: take it away again.
        if let Field::Goal(g, GoalPart::Title) = editing.field {
            app.workbook.remove_goal(g);
            return go(app, Screen::Goals);
        }
        // So is a journal entry opened with n and left without a word.
        if let Field::Entry(e) = editing.field {
            app.workbook.journal.remove(e);
            app.refresh_journal();
            return go(app, Screen::Journal);
        }
        return delete(app, editing.field);
    }
    Some(Effect::Save)
}

fn edit(app: &mut App, f: impl FnOnce(&mut Editing) -> bool) {
    if let Mode::Edit(editing) = &mut app.mode
        && f(editing)
        // The journal's filter lives beside the workbook: typing it changes nothing to save.
        && editing.field != Field::JournalQuery
    {
        app.touch();
    }
}

fn edit_key(app: &mut App, key: crossterm::event::KeyEvent) -> Option<Effect> {
    let Mode::Edit(editing) = &app.mode else {
        return None;
    };
    let enter = key.code == KeyCode::Enter
        || (key.code == KeyCode::Char('m') && key.modifiers.contains(KeyModifiers::CONTROL));
    if enter && editing.field.single_line() {
        // In a list, Enter on a filled item starts the next one: quick entry of many items.
        let next =
            (editing.field.list(&app.workbook)).filter(|_| !editing.text().trim().is_empty());
        let effect = commit(app);
        // Only if the edit was left (a date that did not parse keeps it open).
        if let (Some(list), Mode::Browse) = (next, &app.mode) {
            let field = list.push_new(&mut app.workbook);
            start_edit(app, field, true);
        }
        return effect;
    }
    edit(app, |e| {
        let changed = graphemes::key(&mut e.editor, key).unwrap_or_else(|| e.editor.input(key));
        if changed {
            e.error = None;
        }
        changed
    });
    None
}

/// Inserts pasted text literally; one-line fields get spaces for line breaks.
fn paste(app: &mut App, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    edit(app, |e| {
        let text = if e.field.single_line() {
            text.replace('\n', " ")
        } else {
            text
        };
        e.editor.insert_str(text)
    });
}
