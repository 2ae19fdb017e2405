//! While the editor has the keyboard: keys and pastes go into the text, Esc (or Enter in a
//! one-line field) leaves it keeping the text. A value that does not read keeps the editor
//! open with the reason: nothing typed is lost.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{drop_empty_new, graphemes};
use crate::app::App;
use crate::msg::Effect;
use crate::nav::{Editable, Editing, Mode};
use crate::screens::{commit_filter, spec, start_edit};

/// Esc: leaves the editor keeping its text (see [`commit`]). The journal's filter line is
/// always left: a query that does not read leaves the filter as it was, saying why.
pub fn leave(app: &mut App) -> Option<Effect> {
    let effect = commit(app);
    if let Mode::Edit(editing) = &app.mode
        && editing.what == Editable::JournalFilter
    {
        let reason = editing.error.clone().unwrap_or_default();
        app.mode = Mode::Browse;
        app.notice = Some(format!("The filter stays as it was: {reason}"));
    }
    effect
}

/// Leaves the editor, keeping its text. A new list item left empty disappears again.
pub fn commit(app: &mut App) -> Option<Effect> {
    let Mode::Edit(editing) = &mut app.mode else {
        return None;
    };
    let text = editing.text();
    let field = match editing.what {
        Editable::JournalFilter => {
            if let Err(reason) = commit_filter(app, &text) {
                fail(app, reason);
                return None;
            }
            app.mode = Mode::Browse;
            return None;
        }
        Editable::Field(f) => f,
    };
    let before = field.slot(&app.workbook).and_then(|s| match s {
        crate::model::Slot::Date(d) => *d,
        _ => None,
    });
    let changed = match field.commit(&mut app.workbook, &text, app.today) {
        Ok(changed) => changed,
        Err(reason) => {
            fail(app, reason);
            return None;
        }
    };
    if changed {
        app.touch();
    }
    let Mode::Edit(editing) = std::mem::replace(&mut app.mode, Mode::Browse) else {
        return None;
    };
    if editing.new_item && editing.text().trim().is_empty() {
        return drop_empty_new(app, field);
    }
    if changed {
        // After the editor closed: what follows may ask a question.
        crate::screens::committed(app, field, before);
    }
    Some(Effect::Save)
}

/// The editor stays open, saying why it could not be left.
fn fail(app: &mut App, reason: String) {
    if let Mode::Edit(editing) = &mut app.mode {
        editing.error = Some(reason.clone());
    }
    app.notice = Some(reason);
}

/// Applies `f` to the editor; a change marks the workbook unsaved (the filter lives beside
/// the workbook: typing it changes nothing to save).
pub fn change(app: &mut App, f: impl FnOnce(&mut Editing) -> bool) {
    if let Mode::Edit(editing) = &mut app.mode
        && f(editing)
        && editing.what != Editable::JournalFilter
    {
        app.touch();
    }
}

/// A key for the editor. Enter in a one-line field leaves it; in a list, on a filled item, it
/// starts the next one (quick entry of many items).
pub fn key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    let Mode::Edit(editing) = &app.mode else {
        return None;
    };
    let enter = key.code == KeyCode::Enter
        || (key.code == KeyCode::Char('m') && key.modifiers.contains(KeyModifiers::CONTROL));
    let single_line = match editing.what {
        Editable::Field(f) => spec(f, &app.workbook).single_line(),
        Editable::JournalFilter => true,
    };
    if enter && single_line {
        let next = (editing.field())
            .and_then(|f| f.list(&app.workbook))
            .filter(|_| !editing.text().trim().is_empty());
        let effect = commit(app);
        // Only if the edit was left (a date that did not parse keeps it open).
        if let (Some(list), Mode::Browse) = (next, &app.mode) {
            let field = list.push_new(&mut app.workbook);
            start_edit(app, field, true);
        }
        return effect;
    }
    change(app, |e| {
        let changed = graphemes::key(&mut e.editor, key).unwrap_or_else(|| e.editor.input(key));
        if changed {
            e.error = None;
        }
        changed
    });
    None
}

/// Inserts pasted text literally; one-line fields get spaces for line breaks.
pub fn paste(app: &mut App, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let held = app.mode.editing().map_or(0, |e| {
        let lines = e.editor.lines();
        lines.iter().map(String::len).sum::<usize>() + lines.len()
    });
    if held + text.len() > crate::field::MAX_TEXT {
        app.notice = Some(crate::field::too_large(held + text.len(), "That paste"));
        return;
    }
    let single_line = match app.mode.editing().map(|e| e.what) {
        Some(Editable::Field(f)) => spec(f, &app.workbook).single_line(),
        _ => true,
    };
    change(app, |e| {
        let text = if single_line {
            text.replace('\n', " ")
        } else {
            text
        };
        e.editor.insert_str(text)
    });
}
