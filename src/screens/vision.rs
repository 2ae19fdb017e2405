//! The Personal Vision Statement: strengths, limitations, what to improve, and the statement.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::App;
use crate::field::{Field, ListKind};
use crate::keys::{Binding, Key, MOVE, Msg};
use crate::model::{Workbook, reads_as_future};
use crate::nav::Target;
use crate::ui::form::{guidance, list_box, list_height, text_box};

const GUIDANCE: &str = include_str!("../../assets/prompts/vision.txt");
/// Below this width the guidance column is left out to give the text room.
const GUIDANCE_MIN_WIDTH: u16 = 80;

const fn key(code: KeyCode) -> Key {
    Key(code, KeyModifiers::NONE)
}

/// Vision keys.
pub const KEYS: &[Binding] = &[
    MOVE,
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        hint: "edit",
        help: "edit the field; on an add row, start a new item",
        msg: Some(Msg::Activate),
        footer: true,
    },
    Binding {
        keys: &[key(KeyCode::Char('a'))],
        label: "a",
        hint: "add",
        help: "add to the list at the focus",
        msg: Some(Msg::Add),
        footer: true,
    },
    Binding {
        keys: &[key(KeyCode::Char('d'))],
        label: "d",
        hint: "delete",
        help: "delete the item (asks unless it is empty)",
        msg: Some(Msg::Delete),
        footer: true,
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Esc",
        hint: "back",
        help: "back to the overview",
        msg: Some(Msg::Back),
        footer: true,
    },
];

/// Strengths, limitations, improvements, statement: the worksheet's order.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    let mut t = Vec::new();
    for list in [ListKind::Strengths, ListKind::Limitations] {
        t.extend(list.fields(wb).into_iter().map(Target::Field));
        t.push(Target::Add(list));
    }
    t.push(Target::Field(Field::Improvements));
    t.push(Target::Field(Field::Statement));
    t
}

/// Draws the worksheet, with guidance beside it when there is room.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (main, side) = if area.width >= GUIDANCE_MIN_WIDTH {
        let side_w = (area.width / 3).clamp(28, 44);
        let [m, s] = area.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(side_w),
        ]));
        (m, Some(s))
    } else {
        (area, None)
    };
    // Lists take what they need up to a share of the height; the statement gets the rest.
    let list_max = (main.height / 4 + 1).max(3);
    let improvements_h = (main.height / 4).max(4);
    let [strengths, limitations, improvements, statement] = main.layout(&Layout::vertical([
        Constraint::Length(list_height(app, ListKind::Strengths, list_max)),
        Constraint::Length(list_height(app, ListKind::Limitations, list_max)),
        Constraint::Length(improvements_h),
        Constraint::Min(4),
    ]));
    list_box(app, strengths, buf, ListKind::Strengths, "Strengths");
    list_box(app, limitations, buf, ListKind::Limitations, "Limitations");
    text_box(app, improvements, buf, Field::Improvements, None);
    // While editing, the hint follows the live text; otherwise the stored one (no copy).
    let live = crate::ui::form::editor_for(app, Field::Statement).map(|e| e.lines().join("\n"));
    let statement_text = live.as_deref().unwrap_or(&app.workbook.vision.statement);
    let warning = reads_as_future(statement_text)
        .map(|w| format!("“{w} …” sounds like the future: try the present tense"));
    text_box(app, statement, buf, Field::Statement, warning);
    if let Some(side) = side {
        guidance(side, buf, GUIDANCE.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_follow_the_worksheet_order() {
        let mut wb = Workbook::default();
        wb.vision.strengths = vec!["a".into(), "b".into()];
        let t = targets(&wb);
        assert_eq!(t[0], Target::Field(Field::Strength(0)));
        assert_eq!(t[2], Target::Add(ListKind::Strengths));
        assert_eq!(t[3], Target::Add(ListKind::Limitations));
        assert_eq!(t.last(), Some(&Target::Field(Field::Statement)));
    }
}
