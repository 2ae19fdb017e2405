//! A sheet: one scrolling column of headings, guidance, fields, choices and list rows. Most
//! exercises are sheets; a screen lists its items and the sheet lays them out, keeps the
//! focused one in view and shows the live editor in place.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Widget, Wrap,
};

use crate::app::App;
use crate::field::{Choice, Field, Kind, ListKind};
use crate::lifecycle;
use crate::nav::{Mode, Screen, Target};
use crate::ui::form::editor_for;
use crate::ui::theme::THEME;

/// Lines of a text field shown while browsing; the rest is there when editing.
const TEXT_PREVIEW: usize = 4;
/// Height of the editor box for running text.
const EDITOR_LINES: u16 = 7;
/// Width of the label column of one-line fields.
const LABEL_WIDTH: u16 = 26;

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
    Exercise(Screen, Note),
    /// Read-only text computed from elsewhere in the workbook.
    Info(String),
    /// Read-only styled lines, one row each (checks, gauges, warnings).
    Lines(Vec<Line<'static>>),
    /// A list row with a lead (a number, a box) and words after it.
    Row(Row<'a>),
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
            placeholder: field.placeholder(),
            suffix,
            alert,
        })
    }
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
    /// Before the text: a number, a checkbox.
    pub lead: String,
    pub text: Cow<'a, str>,
    /// Shown when the text is empty.
    pub placeholder: &'a str,
    /// After the text, dimmed.
    pub suffix: String,
    /// Draws the suffix in the warning colour (an overdue step).
    pub alert: bool,
}

impl Item<'_> {
    /// Where the focus can rest, if it can rest here.
    pub fn target(&self) -> Option<Target> {
        match self {
            Item::Field(f) | Item::ListRow(f, _) => Some(Target::Field(*f)),
            Item::Choice(c) => Some(Target::Choice(*c)),
            Item::Add(l) => Some(Target::Add(*l)),
            Item::Exercise(s, _) => Some(Target::Open(*s)),
            Item::Row(r) => Some(r.target),
            Item::Heading(_) | Item::Prompt(_) | Item::Info(_) | Item::Lines(_) => None,
        }
    }
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

fn height(app: &App, item: &Item, width: u16, first: bool) -> u16 {
    let wb = &app.workbook;
    match item {
        Item::Heading(_) if first => 1,
        Item::Heading(_) => 2,
        Item::Prompt(t) => wrapped_height(t, width.saturating_sub(2)),
        Item::Info(t) => wrapped_height(t, width.saturating_sub(2)),
        Item::Field(f) if f.kind() == Kind::Text => {
            if editor_for(app, *f).is_some() {
                1 + EDITOR_LINES
            } else {
                let text = f.value(wb).unwrap_or_default();
                let shown = if text.is_empty() {
                    1
                } else {
                    (wrapped_height(&text, width.saturating_sub(4)) as usize).min(TEXT_PREVIEW)
                };
                1 + shown as u16
            }
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

/// Draws `items` in `area`, scrolled so the focused item is in view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, items: &[Item]) {
    if area.width < 4 || area.height == 0 {
        return;
    }
    // Call mode: private items are not drawn at all (their targets are gone too).
    let kept: Vec<&Item>;
    let items: &[&Item] = {
        kept = items
            .iter()
            .filter(|i| {
                !app.call_mode
                    || i.target()
                        .is_none_or(|t| !crate::privacy::target(&app.workbook, t))
            })
            .collect();
        &kept
    };
    let width = area.width - 1; // the scrollbar's column
    let heights: Vec<u16> = (items.iter().enumerate())
        .map(|(n, i)| height(app, i, width, n == 0))
        .collect();
    let total: u16 = heights.iter().sum();
    let focus = app.focused();
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

    // Draw everything on a canvas as tall as the sheet, then copy the visible rows.
    let canvas_area = Rect::new(0, 0, width, total.max(1));
    let mut canvas = Buffer::empty(canvas_area);
    let mut y = 0;
    for (item, h) in items.iter().zip(&heights) {
        if y + h > offset && y < offset + area.height {
            draw_item(app, item, focus, Rect::new(0, y, width, *h), &mut canvas);
        }
        y += h;
    }
    for row in 0..area.height.min(total.saturating_sub(offset)) {
        for x in 0..width {
            buf[(area.x + x, area.y + row)] = canvas[(x, offset + row)].clone();
        }
    }
    if total > area.height {
        let mut state =
            ScrollbarState::new(usize::from(total - area.height)).position(usize::from(offset));
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(area, buf, &mut state);
    }
}

/// `text` cut to `width` columns with an ellipsis, so a cut is visible.
fn fit(text: &str, width: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width);
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn marker(focused: bool) -> Span<'static> {
    Span::styled(if focused { "› " } else { "  " }, THEME.key)
}

fn value_style(focused: bool) -> ratatui::style::Style {
    if focused { THEME.focus_row } else { THEME.text }
}

/// `focus` is computed once per frame by the caller: finding it rebuilds the item list.
fn draw_item(app: &App, item: &Item, focus: Option<Target>, area: Rect, buf: &mut Buffer) {
    let wb = &app.workbook;
    let focused = item.target().is_some() && item.target() == focus;
    match item {
        Item::Heading(title) => {
            let line = Rect {
                y: area.bottom().saturating_sub(1),
                height: 1,
                ..area
            };
            Line::from(Span::styled(title.to_string(), THEME.heading)).render(line, buf);
        }
        Item::Prompt(text) => Paragraph::new(text.as_ref())
            .style(THEME.hint)
            .wrap(Wrap { trim: false })
            .render(area.inner(Margin::new(1, 0)), buf),
        Item::Info(text) => Paragraph::new(text.as_str())
            .wrap(Wrap { trim: false })
            .render(area.inner(Margin::new(1, 0)), buf),
        Item::Field(f) if f.kind() == Kind::Text => draw_text_field(app, *f, focused, area, buf),
        Item::Field(f) => {
            let [l, v] = area.layout(&Layout::horizontal([
                Constraint::Length(LABEL_WIDTH),
                Constraint::Fill(1),
            ]));
            Line::from(vec![marker(focused), Span::styled(f.label(), THEME.label)]).render(l, buf);
            if let Some(editor) = editor_for(app, *f) {
                editor.render(v, buf);
                return;
            }
            let text = f.value(wb).unwrap_or_default();
            let shown = if *f == Field::Agreement(crate::field::AgreementPart::CheckInEvery) {
                wb.agreement
                    .check_in_every_days
                    .map(crate::model::describe_days)
            } else {
                None
            };
            match (text.is_empty(), shown) {
                (_, Some(s)) => Line::styled(s, value_style(focused)).render(v, buf),
                (true, None) => {
                    Line::from(Span::styled(f.placeholder(), THEME.placeholder)).render(v, buf)
                }
                (false, None) => {
                    Line::styled(fit(&text, v.width), value_style(focused)).render(v, buf)
                }
            }
        }
        Item::Choice(c) => {
            // Long questions get a wider column, the same for all of them so values align.
            let w = if c.label().chars().count() + 3 > usize::from(LABEL_WIDTH) {
                40
            } else {
                LABEL_WIDTH
            };
            let [l, v] = area.layout(&Layout::horizontal([
                Constraint::Length(w),
                Constraint::Fill(1),
            ]));
            Line::from(vec![marker(focused), Span::styled(c.label(), THEME.label)]).render(l, buf);
            Line::styled(fit(&c.value(wb), v.width), value_style(focused)).render(v, buf);
        }
        Item::ListRow(f, suffix) => {
            let [m, v, s] = area.layout(&Layout::horizontal([
                Constraint::Length(4),
                Constraint::Fill(1),
                Constraint::Length(suffix.chars().count() as u16 + 1),
            ]));
            Line::from(vec![marker(focused), Span::styled("• ", THEME.label)]).render(m, buf);
            if let Some(editor) = editor_for(app, *f) {
                editor.render(v, buf);
            } else {
                let text = f.value(wb).unwrap_or_default();
                if text.is_empty() {
                    Line::from(Span::styled(f.placeholder(), THEME.placeholder)).render(v, buf);
                } else {
                    Line::styled(text.into_owned(), value_style(focused)).render(v, buf);
                }
            }
            Line::from(Span::styled(format!(" {suffix}"), THEME.hint)).render(s, buf);
        }
        Item::Add(list) => {
            let noun = list.noun();
            let style = if focused { THEME.focus_row } else { THEME.hint };
            Line::from(vec![
                marker(focused),
                Span::styled(format!("+ add {} {noun}", article(noun)), style),
            ])
            .render(area, buf);
        }
        Item::Exercise(screen, note) => draw_exercise(app, *screen, note, focused, area, buf),
        Item::Lines(lines) => {
            for (k, line) in lines.iter().enumerate() {
                let y = area.y + k as u16;
                if y < area.bottom() {
                    line.render(Rect::new(area.x + 1, y, area.width - 1, 1), buf);
                }
            }
        }
        Item::Row(row) => draw_row(app, row, focused, area, buf),
    }
}

/// The field being edited, if it belongs to this row.
fn row_editing(app: &App, target: Target) -> Option<Field> {
    match &app.mode {
        Mode::Edit(e) | Mode::Help(Some(e)) if Target::Field(e.field.row()) == target => {
            Some(e.field)
        }
        _ => None,
    }
}

fn draw_row(app: &App, row: &Row, focused: bool, area: Rect, buf: &mut Buffer) {
    use unicode_width::UnicodeWidthStr;
    let lead_w = 2 + row.lead.width() as u16;
    let editing = row_editing(app, row.target);
    let suffix_w = match editing {
        Some(_) => 0,
        None => (row.suffix.width() as u16 + 2).min(area.width / 2),
    };
    let [m, v, s] = area.layout(&Layout::horizontal([
        Constraint::Length(lead_w),
        Constraint::Fill(1),
        Constraint::Length(suffix_w),
    ]));
    Line::from(vec![
        marker(focused),
        Span::styled(row.lead.clone(), THEME.label),
    ])
    .render(m, buf);
    let text_line = |width: u16| {
        if row.text.is_empty() {
            Line::from(Span::styled(row.placeholder, THEME.placeholder))
        } else {
            Line::styled(fit(&row.text, width), value_style(focused))
        }
    };
    match editing.and_then(|f| editor_for(app, f).map(|e| (f, e))) {
        Some((f, editor)) if Target::Field(f) == row.target => editor.render(v, buf),
        Some((f, editor)) => {
            // A date or a dependency: the row's text stays, shortened, beside the editor.
            let label = format!("{}: ", f.label());
            let [t, l, e] = v.layout(&Layout::horizontal([
                Constraint::Percentage(40),
                Constraint::Length(label.width() as u16 + 1),
                Constraint::Fill(1),
            ]));
            text_line(t.width).render(t, buf);
            Line::from(Span::styled(format!(" {label}"), THEME.label)).render(l, buf);
            editor.render(e, buf);
        }
        None => {
            text_line(v.width).render(v, buf);
            let style = if row.alert { THEME.warning } else { THEME.hint };
            Line::from(Span::styled(
                fit(&format!("  {}", row.suffix), s.width),
                style,
            ))
            .render(s, buf);
        }
    }
}

/// "a" or "an" before a noun.
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn draw_text_field(app: &App, f: Field, focused: bool, area: Rect, buf: &mut Buffer) {
    let [label, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let editor = editor_for(app, f);
    let mut spans = vec![marker(focused), Span::styled(f.label(), THEME.label)];
    if let Mode::Edit(e) = &app.mode
        && e.field == f
        && let Some(err) = &e.error
    {
        spans.push(Span::styled(format!("  {err}"), THEME.warning));
    }
    Line::from(spans).render(label, buf);
    let body = body.inner(Margin::new(2, 0));
    match editor {
        Some(editor) => {
            let block = Block::new()
                .borders(Borders::LEFT)
                .border_style(THEME.border_edit);
            let inner = block.inner(body);
            block.render(body, buf);
            editor.render(inner, buf);
        }
        None => {
            let text = f.value(&app.workbook).unwrap_or_default();
            let block = Block::new()
                .borders(Borders::LEFT)
                .border_style(if focused {
                    THEME.border_focus
                } else {
                    THEME.border
                });
            let para = if text.is_empty() {
                Paragraph::new(Span::styled(f.placeholder(), THEME.placeholder))
            } else {
                Paragraph::new(text.into_owned())
            };
            para.wrap(Wrap { trim: false })
                .block(block)
                .render(body, buf);
        }
    }
}

fn draw_exercise(
    app: &App,
    screen: Screen,
    note: &Note,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let number = Screen::EXERCISES
        .iter()
        .position(|s| *s == screen)
        .map_or(0, |i| i + 1);
    let Some(p) = lifecycle::progress(screen, &app.workbook) else {
        // Kept rather than completed (the journal): its note says how it is going.
        Line::from(vec![
            marker(focused),
            Span::styled(format!("{} ", number % 10), THEME.key),
            Span::styled(format!("{:<28}", screen.title()), value_style(focused)),
            Span::styled(format!(" {}", note.text), THEME.hint),
        ])
        .render(area, buf);
        return;
    };
    let bar: String = (0..p.total)
        .map(|k| if k < p.done { '■' } else { '□' })
        .collect();
    let (state, style) = if p.is_complete() {
        ("complete", THEME.done)
    } else if p.is_empty() {
        ("not started", THEME.hint)
    } else {
        ("in progress", THEME.warning)
    };
    // A note (e.g. when the agreement was reviewed) takes the place of the state word.
    let tail = if note.text.is_empty() {
        state.to_string()
    } else {
        format!("· {}", note.text)
    };
    Line::from(vec![
        marker(focused),
        Span::styled(format!("{} ", number % 10), THEME.key),
        Span::styled(format!("{:<28}", screen.title()), value_style(focused)),
        Span::styled(format!(" {bar:<11} "), style),
        Span::styled(format!("{}/{} ", p.done, p.total), style),
        Span::styled(
            tail,
            match (note.text.is_empty(), note.alert) {
                (true, _) => style,
                (false, true) => THEME.warning,
                (false, false) => THEME.hint,
            },
        ),
    ])
    .render(area, buf);
}
