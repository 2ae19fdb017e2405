//! The state machine's verbs: `update(app, msg)` changes state and asks the shell for I/O.
//! No I/O here; the shell passes the clock in.

use chrono::{DateTime, Local};
use crossterm::event::{KeyCode, KeyModifiers};

use crate::app::App;
use crate::field::Field;
use crate::keys::Msg;
use crate::nav::{Confirm, Editing, Mode, Screen, Target};
use crate::ui::editor::new_editor;

/// I/O the shell performs after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Save now (a field was left, a screen changed, the user asked).
    Save,
    /// Save, then quit; if the save fails, ask before quitting.
    Quit,
    /// Quit without another save attempt (the user confirmed).
    ForceQuit,
}

/// Applies one message. `_now` is the wall clock, for timestamps on new items.
pub fn update(app: &mut App, msg: Msg, _now: DateTime<Local>) -> Option<Effect> {
    app.notice = None;
    match msg {
        Msg::Up => app.set_focus(app.focus().saturating_sub(1)),
        Msg::Down => app.set_focus(app.focus() + 1),
        Msg::Activate => return activate(app),
        Msg::Back => {
            if app.screen != Screen::Home {
                return go(app, Screen::Home);
            }
        }
        Msg::Add => return add(app),
        Msg::Delete => return ask_delete(app),
        Msg::CyclePhase => {
            app.workbook.phase = app.workbook.phase.next();
            app.touch();
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

/// Changes screen, saving on the way (leaving a screen is a natural checkpoint).
fn go(app: &mut App, screen: Screen) -> Option<Effect> {
    app.screen = screen;
    app.mode = Mode::Browse;
    Some(Effect::Save)
}

fn activate(app: &mut App) -> Option<Effect> {
    match app.focused()? {
        Target::Field(field) => start_edit(app, field, false),
        Target::Add(list) => {
            list.items_mut(&mut app.workbook).push(String::new());
            let i = list.items(&app.workbook).len() - 1;
            app.touch();
            start_edit(app, list.field(i), true);
        }
        Target::Phase => {
            app.workbook.phase = app.workbook.phase.next();
            app.touch();
            return Some(Effect::Save);
        }
        Target::Open(screen) => return go(app, screen),
    }
    None
}

fn start_edit(app: &mut App, field: Field, new_item: bool) {
    let Some(text) = field.text(&app.workbook) else {
        return;
    };
    let editor = new_editor(text, field);
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
    }));
}

/// `a`: append to the list the focus is in (or the first list on the screen).
fn add(app: &mut App) -> Option<Effect> {
    let targets = app.targets();
    let here = match app.focused() {
        Some(Target::Field(f)) => f.list().map(|(l, _)| l),
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
    activate(app)
}

fn ask_delete(app: &mut App) -> Option<Effect> {
    let Some(Target::Field(field)) = app.focused() else {
        app.notice = Some("Nothing to delete here: d deletes a list item.".into());
        return None;
    };
    if field.list().is_none() {
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
    let (list, i) = field.list()?;
    let items = list.items_mut(&mut app.workbook);
    if i < items.len() {
        items.remove(i);
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
        (Confirm::QuitUnsaved, true) => Some(Effect::ForceQuit),
        (_, false) => None,
    }
}

/// Leaves the editor, keeping its text. A new list item left empty disappears again.
fn commit(app: &mut App) -> Option<Effect> {
    if app.flush_editor() {
        app.touch();
    }
    let Mode::Edit(editing) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    if editing.new_item && editing.text().trim().is_empty() {
        return delete(app, editing.field);
    }
    Some(Effect::Save)
}

fn edit(app: &mut App, f: impl FnOnce(&mut Editing) -> bool) {
    if let Mode::Edit(editing) = &mut app.mode
        && f(editing)
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
        let next = editing
            .field
            .list()
            .filter(|_| !editing.text().trim().is_empty());
        let effect = commit(app);
        if let Some((list, _)) = next {
            list.items_mut(&mut app.workbook).push(String::new());
            let i = list.items(&app.workbook).len() - 1;
            start_edit(app, list.field(i), true);
        }
        return effect;
    }
    edit(app, |e| e.editor.input(key));
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
