//! Drawing fields: one-line rows, lists of short items, and boxed multi-line texts. Each shows
//! the live editor in place when that field is being edited.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui_textarea::TextArea;

use crate::app::App;
use crate::field::{Field, ListKind};
use crate::nav::{Mode, Target};
use crate::ui::editor::text_view;
use crate::ui::theme::THEME;
use crate::ui::widgets::{field_block, text_block};

/// The live editor, if `field` is the one being edited.
pub fn editor_for(app: &App, field: Field) -> Option<&TextArea<'static>> {
    match &app.mode {
        Mode::Edit(e) if e.field == field => Some(&e.editor),
        Mode::Help(Some(e)) if e.field == field => Some(&e.editor),
        _ => None,
    }
}

/// Whether the focus rests on `target`.
pub fn is_focused(app: &App, target: Target) -> bool {
    app.focused() == Some(target)
}

/// A field's value as a line, or its placeholder.
pub fn value_line(text: &str, field: Field) -> Line<'_> {
    if text.is_empty() {
        Line::from(Span::styled(field.placeholder(), THEME.placeholder))
    } else {
        Line::raw(text.lines().next().unwrap_or_default())
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
            editor.render(v, buf);
        } else {
            let style = if focused { THEME.focus_row } else { THEME.text };
            let text = field.text(&app.workbook).unwrap_or_default();
            value_line(text, field).style(style).render(v, buf);
        }
    }
}

/// A bordered multi-line text: the editor when editing, else the wrapped text.
pub fn text_box(app: &App, area: Rect, buf: &mut Buffer, field: Field, warning: Option<String>) {
    let focused = is_focused(app, Target::Field(field));
    let editor = editor_for(app, field);
    let mut block = text_block(field.label(), focused, editor.is_some());
    if let Some(w) = warning {
        block = block.title_bottom(Span::styled(format!(" {w} "), THEME.warning));
    }
    match editor {
        Some(editor) => {
            let inner = block.inner(area);
            block.render(area, buf);
            editor.render(inner, buf);
        }
        None => {
            let text = field.text(&app.workbook).unwrap_or_default();
            text_view(text, field, block).render(area, buf);
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
