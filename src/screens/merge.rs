//! The merge screen: what a merge with another copy of the workbook could not settle alone,
//! one collision at a time, the two sides side by side (stacked when narrow). The workbook
//! holds the kept side until the person chooses; choosing puts it in place for good.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{Handled, go};
use crate::app::App;
use crate::keys::{Binding, MOVE, Msg, back_to, code, explained, more, plain};
use crate::merge::{Keep, settle};
use crate::model::{Conflict, Side};
use crate::msg::Effect;
use crate::nav::Screen;
use crate::theme::THEME;

/// Narrower than this, the two sides stack.
const STACK_BELOW: u16 = 90;

/// Keys of the merge screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[code(KeyCode::Left), plain('h')],
        "← h",
        "keep left",
        "keep this workbook's side (the left)",
        Msg::KeepLeft,
    ),
    explained(
        &[code(KeyCode::Right), plain('l')],
        "→ l",
        "keep right",
        "keep the other copy's side (the right)",
        Msg::KeepRight,
    ),
    explained(
        &[plain('b')],
        "b",
        "keep both",
        "keep both texts, left first (or a deleted item)",
        Msg::KeepBoth,
    ),
    more(
        &[code(KeyCode::Home), code(KeyCode::End)],
        "Home End",
        "the first or the last collision",
        Msg::Last,
    ),
    back_to("back to the overview; the collisions wait"),
];

/// The selected collision (kept in the screen's focus slot; the screen has no targets).
fn selected(app: &App) -> usize {
    app.focus_slot()
        .min(app.workbook.conflicts.len().saturating_sub(1))
}

/// Opens the merge screen (from the overview's `m`, or after a merge left collisions).
pub fn open(app: &mut App) -> Option<Effect> {
    if app.workbook.conflicts.is_empty() {
        app.notice = Some("Nothing to choose: no merge left a collision.".into());
        return None;
    }
    let effect = go(app, Screen::Merge);
    app.set_focus_slot(0);
    effect
}

/// The merge screen's keys.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    let n = app.workbook.conflicts.len();
    let at = selected(app);
    let keep = match msg {
        Msg::Up => {
            app.set_focus_slot(at.saturating_sub(1));
            return Handled::Yes(None);
        }
        Msg::Down => {
            app.set_focus_slot((at + 1).min(n.saturating_sub(1)));
            return Handled::Yes(None);
        }
        Msg::First => {
            app.set_focus_slot(0);
            return Handled::Yes(None);
        }
        Msg::Last => {
            app.set_focus_slot(n.saturating_sub(1));
            return Handled::Yes(None);
        }
        Msg::KeepLeft => Keep::Ours,
        Msg::KeepRight => Keep::Theirs,
        Msg::KeepBoth => Keep::Both,
        Msg::Back => return Handled::Yes(go(app, Screen::Home)),
        _ => return Handled::No,
    };
    let Some(id) = app.workbook.conflicts.get(at).map(|c| c.id) else {
        app.notice = Some("Nothing to choose: every collision is settled.".into());
        return Handled::Yes(None);
    };
    match settle(&mut app.workbook, id, keep) {
        Ok(()) => {
            app.touch();
            let left = app.workbook.conflicts.len();
            app.notice = Some(match left {
                0 => "Every collision is settled. Esc goes back.".into(),
                1 => "Kept. 1 collision is left.".into(),
                n => format!("Kept. {n} collisions are left."),
            });
            Handled::Yes(Some(Effect::Save))
        }
        Err(why) => {
            app.notice = Some(why);
            Handled::Yes(None)
        }
    }
}

/// The list of collisions above, the selected one's two sides below.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let all = &app.workbook.conflicts;
    if all.is_empty() {
        Paragraph::new(vec![
            Line::default(),
            Line::from(Span::styled("Nothing to choose.", THEME.heading)),
            Line::from(Span::styled(
                "Every collision of the last merge is settled. Esc goes back.",
                THEME.hint,
            )),
        ])
        .render(area, buf);
        return;
    }
    let at = selected(app);
    let list_rows = (all.len() as u16 + 2).min(area.height / 3).max(3);
    let [list, sides] =
        Layout::vertical([Constraint::Length(list_rows), Constraint::Min(0)]).areas(area);
    let title = format!(
        " {} collision{} to choose ",
        all.len(),
        if all.len() == 1 { "" } else { "s" }
    );
    let block =
        (Block::bordered().border_style(THEME.border)).title(Span::styled(title, THEME.heading));
    let inner = block.inner(list);
    block.render(list, buf);
    let rows = inner.height as usize;
    let from = at.saturating_sub(rows.saturating_sub(1));
    for (row, (i, c)) in all.iter().enumerate().skip(from).take(rows).enumerate() {
        let style = if i == at { THEME.focus_row } else { THEME.text };
        let mark = if i == at { "▸ " } else { "  " };
        let line = Line::from(vec![
            Span::styled(format!("{mark}{}", c.what), style),
            Span::styled(format!("  · from {}", c.from), THEME.hint),
        ]);
        let y = inner.y + row as u16;
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    let c = &all[at];
    let direction = if area.width < STACK_BELOW {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
    } else {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
    };
    let [left, right] = direction.areas(sides);
    side(c, Side::Ours, "this workbook", left, buf);
    side(
        c,
        Side::Theirs,
        &format!("the other copy ({})", c.from),
        right,
        buf,
    );
}

/// One side of a collision in a box; the side the workbook holds now says so.
fn side(c: &Conflict, which: Side, name: &str, area: Rect, buf: &mut Buffer) {
    let (value, key) = match which {
        Side::Ours => (&c.ours, "← h"),
        Side::Theirs => (&c.theirs, "→ l"),
    };
    let now = if c.kept == which {
        " · kept for now"
    } else {
        ""
    };
    let block = (Block::bordered().border_style(THEME.border))
        .title(Span::styled(format!(" {key}: {name}{now} "), THEME.heading));
    let text: Vec<Line> = (Conflict::shown(value).lines())
        .map(|l| Line::from(Span::styled(l.to_string(), THEME.text)))
        .collect();
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}
