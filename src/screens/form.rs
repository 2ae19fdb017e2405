//! Drawing fields: one-line rows, lists of short items, and boxed multi-line texts. Each shows
//! the live editor in place when that field is being edited.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Widget};
use ratatui_textarea::TextArea;

use super::editor::text_view;
use super::{sheet, spec};
use crate::app::App;
use crate::field::{Field, ListKind};
use crate::nav::Target;
use crate::theme::THEME;

/// The live editor, if `field` is the one being edited.
pub fn editor_for(app: &App, field: Field) -> Option<&TextArea<'static>> {
    let editing = app.mode.editing()?;
    (editing.field() == Some(field)).then_some(&editing.editor)
}

/// Whether the focus rests on `target`.
pub fn is_focused(app: &App, target: Target) -> bool {
    super::focus::focused(app) == Some(target)
}

/// A field's value as a line, or its placeholder.
fn value_line<'a>(app: &App, text: &'a str, field: Field, width: u16) -> Line<'a> {
    if text.is_empty() {
        Line::from(Span::styled(
            spec(field, &app.workbook).placeholder,
            THEME.placeholder,
        ))
    } else {
        // One row: the first line, and "…" when there is more than the row shows.
        let first = text.lines().next().unwrap_or_default();
        let more = if first.len() < text.trim_end().len() {
            "…"
        } else {
            ""
        };
        Line::raw(sheet::fit(&format!("{first}{more}"), width))
    }
}

/// Rows a list box wants: its items plus the add row, within `max` (borders included).
pub fn list_height(app: &App, list: ListKind, max: u16) -> u16 {
    (list.fields(&app.workbook).len() as u16 + 1 + 2).min(max)
}

/// A bordered list of one-line items with an "add" row, scrolled to keep the focus visible.
pub fn list_box(app: &App, area: Rect, buf: &mut Buffer, list: ListKind, title: &str) {
    let items = list.fields(&app.workbook);
    let focus_row = (0..=items.len()).find(|&i| {
        let t = items
            .get(i)
            .map_or(Target::Add(list), |f| Target::Field(*f));
        is_focused(app, t)
    });
    let editing = items.iter().any(|f| editor_for(app, *f).is_some());
    let block = field_block(title, focus_row.is_some(), editing);
    let inner = block.inner(area);
    block.render(area, buf);
    let visible = inner.height as usize;
    if visible == 0 {
        return;
    }
    let offset = focus_row.map_or(0, |f| (f + 1).saturating_sub(visible));
    for (row, i) in (offset..=items.len()).take(visible).enumerate() {
        let rect = Rect {
            y: inner.y + row as u16,
            height: 1,
            ..inner
        };
        let focused = focus_row == Some(i);
        let marker = Span::styled(if focused { "› " } else { "  " }, THEME.key);
        let [m, v] = rect.layout(&Layout::horizontal([
            Constraint::Length(4),
            Constraint::Fill(1),
        ]));
        if i == items.len() {
            let style = if focused { THEME.focus_row } else { THEME.hint };
            Line::from(vec![
                marker,
                Span::styled(format!("+ add a {}", list.noun()), style),
            ])
            .render(rect, buf);
            continue;
        }
        Line::from(vec![marker, Span::styled("• ", THEME.label)]).render(m, buf);
        let field = items[i];
        if let Some(editor) = editor_for(app, field) {
            super::editor::show(app, editor, v, buf);
        } else {
            let style = if focused { THEME.focus_row } else { THEME.text };
            let text = field.text(&app.workbook).unwrap_or_default();
            value_line(app, text, field, v.width)
                .style(style)
                .render(v, buf);
        }
    }
}

/// A bordered multi-line text: the editor when editing, else the wrapped text.
pub fn text_box(app: &App, area: Rect, buf: &mut Buffer, field: Field, warning: Option<String>) {
    let focused = is_focused(app, Target::Field(field));
    let editor = editor_for(app, field);
    let spec = spec(field, &app.workbook);
    let mut block = text_block(spec.label, focused, editor.is_some());
    if let Some(w) = warning {
        block = block.title_bottom(Span::styled(format!(" {w} "), THEME.warning));
    }
    match editor {
        Some(editor) => {
            let inner = block.inner(area);
            block.render(area, buf);
            super::editor::show(app, editor, inner, buf);
        }
        None => {
            let text = field.text(&app.workbook).unwrap_or_default();
            let inner = block.inner(area);
            block.render(area, buf);
            if focused {
                app.drawn_focus.set(Some(inner.as_position()));
            }
            let para = text_view(text, spec.placeholder, Block::new());
            sheet::more_below(para, inner, buf, " (Enter edits, E opens your editor)");
        }
    }
}

/// A block of plain guidance text.
pub fn guidance(area: Rect, buf: &mut Buffer, text: &str) {
    let block = text_block("Guidance", false, false);
    Paragraph::new(text)
        .style(THEME.hint)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .block(block)
        .render(area, buf);
}

/// A bordered block whose border shows focus (cyan) or editing (yellow).
pub fn field_block(title: &str, focused: bool, editing: bool) -> Block<'_> {
    let style = if editing {
        THEME.border_edit
    } else if focused {
        THEME.border_focus
    } else {
        THEME.border
    };
    let kind = if focused || editing {
        BorderType::Thick
    } else {
        BorderType::Rounded
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), THEME.heading))
}

/// A [`field_block`] with a column of space inside each side, for running text.
pub fn text_block(title: &str, focused: bool, editing: bool) -> Block<'_> {
    field_block(title, focused, editing).padding(Padding::horizontal(1))
}
