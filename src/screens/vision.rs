//! The Personal Vision Statement: strengths, limitations, what to improve, and the statement.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use super::document::{fields, filled};
use super::form::{editor_for, guidance, list_box, list_height, text_box};
use crate::app::App;
use crate::field::{Field, Kind, ListKind, Spec, VisionPart as V, by_role};
use crate::keys::{BACK, Binding, MOVE, Msg, code, explained, plain};
use crate::model::{Progress, Role, Workbook, reads_as_future};
use crate::nav::Target;
use crate::report::Block;

const GUIDANCE: &str = include_str!("../../assets/prompts/vision.txt");
/// The same, for a mentor keeping the mentee's vision.
const GUIDANCE_MENTOR: &str = include_str!("../../assets/prompts/vision-mentor.txt");
/// Below this width the guidance column is left out to give the text room.
const GUIDANCE_MIN_WIDTH: u16 = 80;

/// Vision keys.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[code(crossterm::event::KeyCode::Enter)],
        "Enter",
        "edit",
        "edit the field; on an add row, start a new item",
        Msg::Activate,
    ),
    explained(
        &[plain('a')],
        "a",
        "add",
        "add to the list at the focus",
        Msg::Add,
    ),
    explained(
        &[plain('d')],
        "d",
        "delete",
        "delete the item (asks unless it is empty)",
        Msg::Delete,
    ),
    BACK,
];

/// A strength, as a list item.
pub fn strength(role: Role) -> Spec {
    let hint = by_role(
        role,
        "something you do well",
        "something the mentee does well",
    );
    Spec::new(Kind::Line, "Strength", hint)
}
/// A limitation, as a list item.
pub fn limitation(role: Role) -> Spec {
    let hint = by_role(
        role,
        "something that holds you back",
        "something that holds the mentee back",
    );
    Spec::new(Kind::Line, "Limitation", hint)
}

/// The vision's texts.
pub fn spec(part: V, role: Role) -> Spec {
    if role == Role::Mentor {
        return match part {
            V::Improvements => Spec::new(
                Kind::Text,
                "What to develop and improve",
                "Which strengths will they build on, and which limitations work on?",
            ),
            V::Statement => Spec::new(
                Kind::Text,
                "The mentee's vision statement",
                "In their words, as if already there, in the present tense: \"I …\"",
            ),
        };
    }
    match part {
        V::Improvements => Spec::new(
            Kind::Text,
            "What to develop and improve",
            "Which strengths will you build on, and which limitations will you work on?",
        ),
        V::Statement => Spec::new(
            Kind::Text,
            "Your vision statement",
            "Describe yourself once you have got there, in the present tense: \"I …\"",
        ),
    }
}

/// Strengths, limitations, improvements, statement: the worksheet's order.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    let mut t = Vec::new();
    for list in [ListKind::Strengths, ListKind::Limitations] {
        t.extend(list.fields(wb).into_iter().map(Target::Field));
        t.push(Target::Add(list));
    }
    t.extend(V::ALL.iter().map(|p| Target::Field(Field::Vision(*p))));
    t
}

/// Four parts: strengths, limitations, improvements, statement.
pub fn progress(wb: &Workbook) -> Progress {
    let any = |xs: &[String]| xs.iter().any(|s| filled(s));
    let lists = [any(&wb.vision.strengths), any(&wb.vision.limitations)];
    Progress::count(
        lists
            .into_iter()
            .chain(V::ALL.iter().map(|p| Field::Vision(*p).filled(wb))),
    )
}

/// What the tense check says about the phrase it found, on screen and in documents alike.
pub fn future_hint(found: &str) -> String {
    format!("“{found} …” sounds like the future: try the present tense")
}

/// The vision as a document: the statement (with its tense check), then the lists and what
/// to develop.
pub fn report(wb: &Workbook) -> Vec<Block> {
    let v = &wb.vision;
    let mut out = Vec::new();
    if filled(&v.statement) {
        out.push(Block::Para(v.statement.trim().to_string()));
        if let Some(found) = reads_as_future(&v.statement) {
            out.push(Block::Note(future_hint(&found)));
        }
    }
    let list = |xs: &[String]| -> String {
        xs.iter()
            .filter(|s| filled(s))
            .map(|s| s.trim())
            .collect::<Vec<_>>()
            .join("; ")
    };
    out.extend(fields([
        ("Strengths", list(&v.strengths)),
        ("Limitations", list(&v.limitations)),
        ("To develop", v.improvements.clone()),
    ]));
    out
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
    text_box(app, improvements, buf, Field::Vision(V::Improvements), None);
    // While editing, the hint follows the live text; otherwise the stored one (no copy).
    let field = Field::Vision(V::Statement);
    let live = editor_for(app, field).map(|e| e.lines().join("\n"));
    let statement_text = live.as_deref().unwrap_or(&app.workbook.vision.statement);
    let warning = reads_as_future(statement_text).map(|w| future_hint(&w));
    text_box(app, statement, buf, field, warning);
    if let Some(side) = side {
        let text = by_role(app.workbook.role, GUIDANCE, GUIDANCE_MENTOR);
        guidance(side, buf, text.trim_end());
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
        assert_eq!(t.last(), Some(&Target::Field(Field::Vision(V::Statement))));
    }

    #[test]
    fn progress_counts_filled_parts() {
        let mut wb = Workbook::default();
        assert_eq!(progress(&wb), Progress { done: 0, total: 4 });
        wb.vision.strengths.push("  ".into());
        assert_eq!(progress(&wb).done, 0, "blank items do not count");
        wb.vision.strengths.push("Clear writer".into());
        wb.vision.statement = "I lead a team that ships calmly.".into();
        assert_eq!(progress(&wb).done, 2);
    }
}
