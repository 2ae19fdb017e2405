//! A sheet: one scrolling column of headings, guidance, fields, choices and list rows. Most
//! exercises are sheets; a screen lists its items and the sheet lays them out, keeps the
//! focused one in view and shows the live editor in place. The same items are the screen's
//! focus targets, so what is drawn and what the keys move through cannot disagree.

mod draw;

pub use draw::{fit, fit_line, more_below};

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Wrap,
};

use super::editor_for;
use crate::app::App;
use crate::field::{Choice, Field, Kind, ListKind};
use crate::lifecycle::Exercise;
use crate::nav::Target;

/// Lines of a text field shown while browsing (the focused one shows whole, as far as the
/// window allows); a longer text says how many lines more it has.
const TEXT_PREVIEW: u16 = 4;
/// The least height of the editor box for running text; it grows with its text up to what
/// the window has.
const EDITOR_LINES: u16 = 7;
/// Rows of the window kept around a focused text or an editor (its label, a line of
/// context).
const KEEP_AROUND: u16 = 3;

/// One thing on a sheet.
pub enum Item<'a> {
    /// A section title.
    Heading(&'a str),
    /// Guidance text, dimmed and wrapped.
    Prompt(Cow<'a, str>),
    /// A field: one-line fields sit beside their label, running text below it.
    Field(Field),
    /// A value picked from options.
    Choice(Choice),
    /// An item of a list, with words after it (e.g. "private").
    ListRow(Field, String),
    /// The row that adds to a list.
    Add(ListKind),
    /// An exercise on the overview, with its progress and a note.
    Exercise(Exercise, Note),
    /// Read-only text computed from elsewhere in the workbook.
    Info(String),
    /// Read-only styled lines, one row each (checks, gauges, warnings).
    Lines(Vec<Line<'static>>),
    /// A list row with a lead (a number, a box) and words after it.
    Row(Row<'a>),
}

/// A few words beside an exercise; `alert` draws them in the warning colour.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub alert: bool,
}

impl Note {
    /// A note that needs no attention.
    pub fn plain(text: String) -> Note {
        Note { text, alert: false }
    }
}

/// One row of a list: `› 2. text ……… suffix`. While one of the row's fields is edited (its
/// text, or a date or dependency belonging to it) the editor takes the row's place.
pub struct Row<'a> {
    pub target: Target,
    /// Before the text: a number, a box.
    pub lead: String,
    pub text: Cow<'a, str>,
    /// Shown when the text is empty (a field's own placeholder when this is empty).
    pub placeholder: &'a str,
    /// After the text, dimmed.
    pub suffix: String,
    /// Draws the suffix in the warning colour (an overdue step).
    pub alert: bool,
}

impl<'a> Row<'a> {
    /// The row of a list item that is a text field: its text (or the field's placeholder),
    /// with the suffix in the warning colour when `alert` (an overdue step or milestone).
    pub fn field(
        field: Field,
        lead: String,
        text: &'a str,
        suffix: String,
        alert: bool,
    ) -> Item<'a> {
        Item::Row(Row {
            target: Target::Field(field),
            lead,
            text: text.into(),
            placeholder: "",
            suffix,
            alert,
        })
    }
}

impl Item<'_> {
    /// Where the focus can rest, if it can rest here.
    pub fn target(&self) -> Option<Target> {
        match self {
            Item::Field(f) | Item::ListRow(f, _) => Some(Target::Field(*f)),
            Item::Choice(c) => Some(Target::Choice(*c)),
            Item::Add(l) => Some(Target::Add(*l)),
            Item::Exercise(e, _) => Some(Target::Open(crate::nav::Screen::Exercise(*e))),
            Item::Row(r) => Some(r.target),
            Item::Heading(_) | Item::Prompt(_) | Item::Info(_) | Item::Lines(_) => None,
        }
    }
}

/// A date as the lists show it, or a dash.
pub fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "–".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// The focus targets of a list of items, in order.
pub fn targets(items: &[Item]) -> Vec<Target> {
    items.iter().filter_map(Item::target).collect()
}

fn wrapped_height(text: &str, width: u16) -> u16 {
    if width == 0 {
        return 0;
    }
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .line_count(width) as u16
}

/// Rows a running text's box takes below its label: the text (all of it when focused, as
/// far as `room` allows, else a preview), and a row saying how much more there is when it
/// is cut. The editor grows with its text up to what the window has.
fn text_rows(
    app: &App,
    f: crate::field::Field,
    focus: Option<Target>,
    width: u16,
    room: u16,
) -> u16 {
    let tall = room.saturating_sub(KEEP_AROUND).max(EDITOR_LINES);
    let inner = width.saturating_sub(5);
    if let Some(editor) = editor_for(app, f) {
        let lines: usize = (editor.lines().iter())
            .map(|l| usize::from(wrapped_height(l, inner).max(1)))
            .sum();
        return (lines as u16 + 1).clamp(EDITOR_LINES, tall);
    }
    let text = f.value(&app.workbook).unwrap_or_default();
    if text.is_empty() {
        return 1;
    }
    let lines = wrapped_height(&text, inner);
    let limit = if focus == Some(Target::Field(f)) {
        tall
    } else {
        TEXT_PREVIEW + 1
    };
    // A cut text gives its last row to the "↓ N more lines" sign.
    lines.min(limit)
}

/// `focus` is the frame's, found once by the caller (finding it builds the item list).
fn height(
    app: &App,
    item: &Item,
    focus: Option<Target>,
    width: u16,
    first: bool,
    room: u16,
) -> u16 {
    let wb = &app.workbook;
    match item {
        Item::Heading(_) if first => 1,
        Item::Heading(_) => 2,
        Item::Prompt(t) => wrapped_height(t, width.saturating_sub(2)),
        Item::Info(t) => wrapped_height(t, width.saturating_sub(2)),
        Item::Field(f) if super::spec(*f, wb).kind == Kind::Text => {
            1 + text_rows(app, *f, focus, width, room)
        }
        Item::Lines(lines) => lines.len() as u16,
        Item::Field(_)
        | Item::Choice(_)
        | Item::ListRow(..)
        | Item::Row(_)
        | Item::Add(_)
        | Item::Exercise(..) => 1,
    }
}

/// Draws `items` in `area`, scrolled so the focused item is in view. In call mode private
/// items are not drawn at all (their targets are gone from the screen's targets too).
pub fn render(app: &App, area: Rect, buf: &mut Buffer, items: &[Item]) {
    if area.width < 4 || area.height == 0 {
        return;
    }
    let items: Vec<&Item> = items
        .iter()
        .filter(|i| {
            !app.call_mode
                || i.target()
                    .is_none_or(|t| !crate::privacy::target(&app.workbook, t))
        })
        .collect();
    let width = area.width - 1; // the scrollbar's column
    let focus = super::focus::focused(app);
    let heights: Vec<u16> = (items.iter().enumerate())
        .map(|(n, i)| height(app, i, focus, width, n == 0, area.height))
        .collect();
    let total: u16 = heights.iter().sum();
    let mut top = 0u16;
    let mut focus_span = (0u16, 0u16);
    for (item, h) in items.iter().zip(&heights) {
        if item.target().is_some() && item.target() == focus {
            focus_span = (top, top + h);
        }
        top += h;
    }
    // Keep the focus about a third of the way down, never scrolling past the end.
    let offset = focus_span
        .0
        .saturating_sub(area.height / 3)
        .min(total.saturating_sub(area.height))
        .max(focus_span.1.saturating_sub(area.height));

    // Draw the items in view on a canvas as tall as they are (one can start above the
    // window or end below it), then copy the visible rows.
    let mut spans = Vec::new();
    let mut y = 0;
    for (item, h) in items.iter().zip(&heights) {
        if y + h > offset && y < offset + area.height {
            spans.push((item, y, *h));
        }
        y += h;
    }
    let from = spans.first().map_or(offset, |s| s.1);
    let to = spans.last().map_or(offset, |s| s.1 + s.2);
    let mut canvas = Buffer::empty(Rect::new(0, 0, width, (to - from).max(1)));
    let before = app.drawn_cursor.take();
    for (item, y, h) in spans {
        draw::item(
            app,
            item,
            focus,
            Rect::new(0, y - from, width, h),
            &mut canvas,
        );
    }
    let shown = area.height.min(total.saturating_sub(offset));
    for row in 0..shown {
        for x in 0..width {
            buf[(area.x + x, area.y + row)] = canvas[(x, offset - from + row)].clone();
        }
    }
    // An editor drawn on the canvas put its cursor there: moved with the rows, and gone
    // with them if they are out of view.
    match app.drawn_cursor.get() {
        Some(at) => {
            let row = at.y.checked_sub(offset - from).filter(|r| *r < shown);
            app.drawn_cursor
                .set(row.map(|r| Position::new(area.x + at.x, area.y + r)));
        }
        None => app.drawn_cursor.set(before),
    }
    if total > area.height {
        let mut state =
            ScrollbarState::new(usize::from(total - area.height)).position(usize::from(offset));
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(area, buf, &mut state);
    }
}
