//! Input → messages: a terminal event becomes what the user asked for, from the key tables
//! of the mode and the screen. Pure: reads the app, changes nothing.

use crossterm::event::{Event, KeyEventKind};

use crate::app::App;
use crate::keys::{
    CONFIRM, EDIT, GLOBAL, MAKE_ROOM, Msg, PICK, PICK_TEMPLATE, ctrl, digit, lookup, mapped,
    matches, movement,
};
use crate::nav::{Mode, Pane, PickWhat, Screen};
use crate::screens;

/// Turns a terminal event into a message for `update`.
pub fn resolve(app: &App, event: &Event) -> Option<Msg> {
    if app.too_small {
        return match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => blind(app, k),
            _ => None,
        };
    }
    let key = match event {
        Event::Paste(text) => {
            return Some(match app.mode {
                Mode::Edit(_) | Mode::Search(_) => Msg::Paste(text.clone()),
                _ => Msg::PasteIgnored,
            });
        }
        Event::Key(k) if k.kind != KeyEventKind::Release => k,
        _ => return None,
    };
    let quit = || matches(key, &ctrl('c')).then_some(Msg::SaveAndQuit);
    match &app.mode {
        Mode::Edit(_) => Some(lookup(&[EDIT], key).unwrap_or(Msg::EditKey(*key))),
        Mode::Confirm(_) => lookup(&[CONFIRM], key).or_else(quit),
        Mode::Help(_) => Some(quit().unwrap_or(Msg::CloseHelp)),
        Mode::Pick(pick) => movement(key)
            .or_else(|| {
                let table = match pick.what {
                    PickWhat::MakeRoom(_) => MAKE_ROOM,
                    PickWhat::Template => PICK_TEMPLATE,
                    PickWhat::Status(_)
                    | PickWhat::Kind(_)
                    | PickWhat::Phase
                    | PickWhat::StepGoal(..)
                    | PickWhat::Link(_)
                    | PickWhat::Tag => PICK,
                };
                lookup(&[table], key)
            })
            .or_else(quit),
        Mode::Calendar(_) => screens::calendar_key(key).or_else(quit),
        // Letters are the words searched for: only the named keys do anything else.
        Mode::Search(_) => quit().or(Some(match key.code {
            crossterm::event::KeyCode::Up => Msg::Up,
            crossterm::event::KeyCode::Down => Msg::Down,
            crossterm::event::KeyCode::PageUp => Msg::PageUp,
            crossterm::event::KeyCode::PageDown => Msg::PageDown,
            crossterm::event::KeyCode::Enter => Msg::Activate,
            crossterm::event::KeyCode::Esc => Msg::Back,
            _ => Msg::EditKey(*key),
        })),
        Mode::Browse => movement(key)
            .or_else(|| lookup(&[screens::keys(app.screen), mapped(GLOBAL)], key))
            .or_else(|| {
                // The review's notes pane takes the conversation page's keys as well.
                let notes =
                    matches!(app.screen, Screen::Review(_)) && app.review.pane == Pane::Notes;
                notes
                    .then(|| lookup(&[mapped(screens::NOTES_KEYS)], key))
                    .flatten()
            })
            .or_else(|| typed_into(app, key))
            .or_else(|| digit(key)),
    }
}

/// A digit while a date, a time or a number of days has the focus starts
/// typing it: a date typed before its editor was open must not switch exercise (and then
/// land in whatever field comes first there). Not on a page call mode hides: digits leave it.
fn typed_into(app: &App, key: &crossterm::event::KeyEvent) -> Option<Msg> {
    use crate::field::Kind;
    let crossterm::event::KeyCode::Char(c) = key.code else {
        return None;
    };
    if !c.is_ascii_digit() || !key.modifiers.is_empty() || crate::privacy::hides_screen(app) {
        return None;
    }
    let crate::nav::Target::Field(f) = screens::focused(app)? else {
        return None;
    };
    let kind = screens::spec(f, &app.workbook).kind;
    matches!(
        kind,
        Kind::Date | Kind::DateTime | Kind::Days | Kind::Minutes
    )
    .then_some(Msg::TypeInto(c))
}

/// What acts while the window is too small to show the app: nothing that could change the
/// workbook unseen. Quit and save (the message says how), help, and Esc out of help.
fn blind(app: &App, key: &crossterm::event::KeyEvent) -> Option<Msg> {
    let table = match &app.mode {
        Mode::Help(_) => return Some(Msg::CloseHelp),
        Mode::Browse => mapped(GLOBAL),
        Mode::Edit(_) => EDIT,
        // A question or a list to pick from waits for a window that shows it.
        Mode::Confirm(_) | Mode::Pick(_) | Mode::Calendar(_) | Mode::Search(_) => {
            return matches(key, &ctrl('c')).then_some(Msg::SaveAndQuit);
        }
    };
    let msg = lookup(&[table], key)?;
    matches!(
        msg,
        Msg::Quit | Msg::SaveAndQuit | Msg::SaveNow | Msg::Help | Msg::Redraw
    )
    .then_some(msg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::Exercise;
    use crate::model::Workbook;
    use crate::nav::Screen;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn browse_keys_resolve_from_the_tables() {
        let app = App::new(Workbook::default());
        let r = |c, m| resolve(&app, &press(c, m));
        assert_eq!(r(KeyCode::Char('q'), KeyModifiers::NONE), Some(Msg::Quit));
        assert_eq!(r(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Msg::Help));
        assert_eq!(r(KeyCode::Char('j'), KeyModifiers::NONE), Some(Msg::Down));
        assert_eq!(r(KeyCode::Up, KeyModifiers::NONE), Some(Msg::Up));
        assert_eq!(
            r(KeyCode::Char('C'), KeyModifiers::CONTROL),
            Some(Msg::SaveAndQuit)
        );
        assert_eq!(
            r(KeyCode::Char('s'), KeyModifiers::CONTROL),
            Some(Msg::SaveNow)
        );
        assert_eq!(
            r(KeyCode::Char('1'), KeyModifiers::NONE),
            Some(Msg::OpenExercise(Exercise::Reflection))
        );
        assert_eq!(r(KeyCode::Char('z'), KeyModifiers::NONE), None);
    }

    /// The help overlay is 72 columns: a label column of 18 and 48 for the explanation.
    #[test]
    fn every_explanation_fits_the_help_overlay() {
        let screens = (Screen::top_level())
            .chain(Screen::PAGE_KINDS)
            .map(crate::screens::keys);
        let tables = [
            GLOBAL,
            EDIT,
            CONFIRM,
            PICK,
            MAKE_ROOM,
            PICK_TEMPLATE,
            crate::screens::CALENDAR_KEYS,
        ]
        .into_iter()
        .chain(screens);
        for b in tables.flat_map(|t| t.iter()) {
            assert!(b.label.chars().count() <= 18, "{}", b.label);
            assert!(b.explanation().chars().count() <= 48, "{}", b.explanation());
        }
    }

    #[test]
    fn paste_outside_an_editor_is_never_a_command() {
        let app = App::new(Workbook::default());
        assert_eq!(
            resolve(&app, &Event::Paste("q".into())),
            Some(Msg::PasteIgnored)
        );
    }

    #[test]
    fn key_releases_are_ignored() {
        let app = App::new(Workbook::default());
        let mut k = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(resolve(&app, &Event::Key(k)), None);
    }
}
