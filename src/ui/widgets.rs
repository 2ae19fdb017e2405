//! Shared pieces: the footer hints, the help overlay, the y/n box, boxed fields.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Widget, Wrap};

use crate::keys::Binding;
use crate::ui::theme::THEME;

/// The one-line key hints: the `footer` rows of the given tables, as many as fit in
/// `width`. The last table's hints (help, quit) are kept; earlier ones give way from the end.
pub fn footer_line(tables: &[&[Binding]], width: u16) -> Line<'static> {
    let hints = |t: &[Binding]| -> Vec<(&'static str, &'static str)> {
        t.iter()
            .filter(|b| b.footer)
            .map(|b| (b.label, b.hint))
            .collect()
    };
    let (last, first) = tables
        .split_last()
        .map_or((&[][..], &[][..]), |(l, f)| (*l, f));
    let mut front: Vec<_> = first.iter().flat_map(|t| hints(t)).collect();
    let back = hints(last);
    let len = |v: &[(&str, &str)]| -> usize {
        v.iter()
            .map(|(l, h)| l.chars().count() + h.chars().count() + 3)
            .sum()
    };
    while !front.is_empty() && len(&front) + len(&back) > usize::from(width) {
        front.pop();
    }
    let mut spans = Vec::new();
    for (label, hint) in front.into_iter().chain(back) {
        if !spans.is_empty() {
            spans.push(Span::styled("  ", THEME.hint));
        }
        spans.push(Span::styled(label, THEME.key));
        spans.push(Span::styled(format!(" {hint}"), THEME.hint));
    }
    Line::from(spans)
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

/// Clears a centred box of at most `w`×`h` and draws its border; returns the inside.
pub fn popup(area: Rect, w: u16, h: u16, title: &str, buf: &mut Buffer) -> Rect {
    let rect = area.centered(
        Constraint::Length(w.min(area.width)),
        Constraint::Length(h.min(area.height)),
    );
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(THEME.border_focus)
        .title(Span::styled(format!(" {title} "), THEME.heading));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// The `?` overlay: each section's bindings, key then meaning.
pub fn help(area: Rect, sections: &[(&str, &[&[Binding]])], buf: &mut Buffer) {
    let mut lines: Vec<Line> = Vec::new();
    for (title, tables) in sections {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(title.to_string(), THEME.heading)));
        for b in tables.iter().flat_map(|t| t.iter()) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", b.label), THEME.key),
                Span::raw(b.explanation()),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Any key closes this help.",
        THEME.hint,
    )));
    let h = lines.len() as u16 + 2;
    let inner = popup(area, 72, h, "Keys", buf).inner(ratatui::layout::Margin::new(1, 0));
    Paragraph::new(lines).render(inner, buf);
}

/// A y/n question in a small box.
pub fn confirm(area: Rect, question: &str, buf: &mut Buffer) {
    let inner = popup(area, 58, 6, "Please confirm", buf).inner(ratatui::layout::Margin::new(1, 0));
    let lines = vec![
        Line::raw(question.to_string()),
        Line::default(),
        Line::from(vec![
            Span::styled("y", THEME.key),
            Span::raw(" yes    "),
            Span::styled("n", THEME.key),
            Span::raw(" or "),
            Span::styled("Esc", THEME.key),
            Span::raw(" no"),
        ]),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
