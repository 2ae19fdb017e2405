//! Every free-text field the screens offer, found the way a person reaches them: for the
//! tests that put something in each (Unicode, canaries).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use mentorbook::app::App;
use mentorbook::field::{Field, Kind};
use mentorbook::nav::{Mode, Screen, Target};

use super::{fixture, send};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Every free-text field on every screen, with its editor opened the way a person does.
pub fn text_fields() -> Vec<(Screen, usize, Field)> {
    let mut out = Vec::new();
    for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
        let mut app = App::new(fixture());
        app.screen = screen;
        for (i, t) in mentorbook::screens::focus_targets(&app)
            .into_iter()
            .enumerate()
        {
            if let Target::Field(f) = t
                && matches!(
                    mentorbook::screens::spec(f, &app.workbook).kind,
                    Kind::Line | Kind::Text
                )
                && f.text(&app.workbook).is_some()
                && opens_editor(screen, i, f)
            {
                out.push((screen, i, f));
            }
        }
    }
    out
}

/// Whether Enter edits the field there (the glance view only shows them).
fn opens_editor(screen: Screen, i: usize, field: Field) -> bool {
    let mut app = App::new(fixture());
    app.screen = screen;
    mentorbook::screens::set_focus(&mut app, i);
    send(&mut app, key(KeyCode::Enter));
    matches!(&app.mode, Mode::Edit(e) if e.field() == Some(field))
}

/// Each free-text field once (a field reached from two screens is one field): for tests
/// that put a distinct canary in each, where a second canary would overwrite the first.
pub fn distinct_text_fields() -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    for (_, _, f) in text_fields() {
        if !fields.contains(&f) {
            fields.push(f);
        }
    }
    fields
}
