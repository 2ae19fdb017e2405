//! The terminal's own cursor while editing: `ui::draw` says where the editor's insertion
//! point is, and that is the cell the editor draws as its cursor, in every editor of every
//! screen, with wide characters, after soft wraps and sideways scrolling, and after moving
//! back. Browsing, it stands on the focused row's "›" unless the configuration hides it.

mod common;

use common::{app_at, fixture, press};
use mentorbook::nav::{Mode, Screen, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Wide characters, and long enough to wrap a text box and scroll a one-line field.
const TYPED: &str = "日本語 and some words, ";

#[test]
fn the_cursor_stands_where_the_editor_draws_its_insertion_point() {
    let wb = fixture();
    let mut screens: Vec<Screen> = Screen::top_level().collect();
    screens.extend((0..wb.goals.len()).flat_map(|g| [Screen::Goal(g), Screen::Worksheet(g)]));
    screens.extend((0..wb.conversations.len()).map(Screen::Conversation));
    screens.extend((0..wb.check_ins.len()).map(Screen::CheckIn));
    screens.extend((0..wb.journal.len()).map(Screen::Entry));
    let (mut editors, mut row_ends) = (0, 0);
    for screen in screens {
        let targets = mentorbook::screens::focus_targets(&app_at(screen)).len();
        for i in 0..targets {
            let mut app = app_at(screen);
            mentorbook::screens::set_focus(&mut app, i);
            let Some(Target::Field(field)) = mentorbook::screens::focused(&app) else {
                continue;
            };
            press(&mut app, "<Enter>");
            if !matches!(&app.mode, Mode::Edit(e) if e.field() == Some(field)) {
                continue;
            }
            editors += 1;
            for round in 0..6 {
                let keys = match round {
                    0 => TYPED.to_string(),
                    1 => TYPED.repeat(6),
                    2 => "<Left><Left><Left>".into(),
                    3 => "<Home>".into(),
                    4 => "<Up>".into(),
                    _ => "<End>x".into(),
                };
                press(&mut app, &keys);
                for (w, h) in [(80, 24), (120, 40)] {
                    let area = Rect::new(0, 0, w, h);
                    let mut buf = Buffer::empty(area);
                    let at = mentorbook::ui::draw(&app, area, &mut buf);
                    let Some(at) = at else {
                        panic!("{screen:?} {field:?} round {round} at {w}x{h}: no cursor");
                    };
                    let drawn = area
                        .positions()
                        .filter(|p| buf[*p].modifier.contains(Modifier::REVERSED))
                        .count();
                    // Just past a row filled exactly, the editor draws no cursor cell (the
                    // next row's start is where the next character goes).
                    if drawn == 0 {
                        row_ends += 1;
                        continue;
                    }
                    assert!(
                        buf[at].modifier.contains(Modifier::REVERSED),
                        "{screen:?} {field:?} round {round} at {w}x{h}: the cursor at {at:?} \
                         is not on the editor's cursor cell ({:?})",
                        buf[at].symbol()
                    );
                }
            }
        }
    }
    assert!(editors > 60, "{editors} editors tried");
    eprintln!(
        "terminal cursor: {editors} editors, 6 edits each at two sizes, on the drawn \
         insertion point ({row_ends} times just past a full row, where none is drawn)"
    );
}

/// Browsing, the cursor stands on the focused row's first cell (its "›"), or a focused text
/// box's, on every kind of screen, and follows the focus; `browse_cursor = false` hides it.
#[test]
fn browsing_puts_the_cursor_on_the_focused_row() {
    for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
        let mut app = app_at(screen);
        let area = Rect::new(0, 0, 100, 30);
        let mut buf = Buffer::empty(area);
        let Some(at) = mentorbook::ui::draw(&app, area, &mut buf) else {
            // A page with nothing to focus draws no "›" (the merge screen with nothing left).
            assert!(
                !area.positions().any(|p| buf[p].symbol() == "›"),
                "{screen:?}: a focused row but no cursor"
            );
            continue;
        };
        // The focused row's "›", or the first cell of a focused text box (which has none).
        let on_focus =
            |buf: &Buffer, at| buf[at].symbol() == "›" || app.drawn_focus.get() == Some(at);
        assert!(on_focus(&buf, at), "{screen:?} at {at:?}");
        press(&mut app, "j");
        let mut buf = Buffer::empty(area);
        if let Some(at) = mentorbook::ui::draw(&app, area, &mut buf) {
            let on_focus = buf[at].symbol() == "›" || app.drawn_focus.get() == Some(at);
            assert!(on_focus, "{screen:?} after j");
        }
        app.browse_cursor = false;
        assert_eq!(
            mentorbook::ui::draw(&app, area, &mut Buffer::empty(area)),
            None,
            "{screen:?} hidden"
        );
    }
    // It moves with the focus.
    let mut app = app_at(Screen::Exercise(mentorbook::nav::Exercise::Agreement));
    let area = Rect::new(0, 0, 100, 30);
    let before = mentorbook::ui::draw(&app, area, &mut Buffer::empty(area)).unwrap();
    press(&mut app, "jj");
    let after = mentorbook::ui::draw(&app, area, &mut Buffer::empty(area)).unwrap();
    assert!(after.y > before.y, "{before:?} → {after:?}");
}
