//! Shared pieces: the footer hints, the help overlay, the y/n box, boxed fields.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use crate::keys::Binding;
use crate::theme::THEME;

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
    // Keys that give way leave a "…" behind them: the help (`?`) lists them all.
    if len(&front) + len(&back) > usize::from(width) {
        while !front.is_empty() && len(&front) + len(&back) + 3 > usize::from(width) {
            front.pop();
        }
        front.push(("…", ""));
    }
    let mut spans = Vec::new();
    for (label, hint) in front.into_iter().chain(back) {
        if label == "…" {
            spans.push(Span::styled("  …", THEME.hint));
            continue;
        }
        if !spans.is_empty() {
            spans.push(Span::styled("  ", THEME.hint));
        }
        spans.push(Span::styled(label, THEME.key));
        spans.push(Span::styled(format!(" {hint}"), THEME.hint));
    }
    Line::from(spans)
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

/// The `?` overlay: each section's bindings, key then meaning. When that is too tall for
/// the window, the last section (the keys that work everywhere) is run together in a
/// paragraph, so every key is still listed.
pub fn help(area: Rect, sections: &[(&str, &[&[Binding]])], buf: &mut Buffer) {
    const WIDTH: u16 = 72;
    let rows = |tables: &[&[Binding]]| tables.iter().map(|t| t.len()).sum::<usize>();
    let full: usize = sections.iter().map(|(_, t)| rows(t) + 2).sum::<usize>() + 3;
    let condense = full > usize::from(area.height);
    let mut lines: Vec<Line> = Vec::new();
    for (n, (title, tables)) in sections.iter().enumerate() {
        if !lines.is_empty() && !condense {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(title.to_string(), THEME.heading)));
        if condense && n + 1 == sections.len() {
            let mut spans = Vec::new();
            for b in tables.iter().flat_map(|t| t.iter()) {
                if !spans.is_empty() {
                    spans.push(Span::styled(" · ", THEME.hint));
                }
                spans.push(Span::styled(b.label, THEME.key));
                spans.push(Span::raw(format!(" {}", b.hint)));
            }
            let para = Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true });
            for line in wrap_spans(&para, WIDTH - 4) {
                lines.push(line);
            }
            continue;
        }
        for b in tables.iter().flat_map(|t| t.iter()) {
            lines.push(Line::from(vec![
                // A label of one's own keys may be longer than the column: a space still parts it.
                Span::styled(format!("  {:<17} ", b.label), THEME.key),
                Span::raw(b.explanation()),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Any key closes this help.",
        THEME.hint,
    )));
    if condense {
        lines.pop();
    }
    let h = lines.len() as u16 + 2;
    let inner = popup(area, WIDTH, h, "Keys", buf).inner(ratatui::layout::Margin::new(1, 0));
    Paragraph::new(lines).render(inner, buf);
}

/// The rows a wrapped paragraph takes at `width`, as separate lines (rendered into a scratch
/// buffer, so ratatui's own wrapping decides).
fn wrap_spans(para: &Paragraph, width: u16) -> Vec<Line<'static>> {
    let height = para.line_count(width) as u16;
    let mut scratch = Buffer::empty(Rect::new(0, 0, width, height));
    para.clone().render(scratch.area, &mut scratch);
    (0..height)
        .map(|y| {
            let spans: Vec<Span> = (0..width)
                .map(|x| {
                    let cell = &scratch[(x, y)];
                    Span::styled(cell.symbol().to_string(), cell.style())
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// A list to pick from: an introduction, the options with the selected one marked, and the
/// keys at the bottom.
pub fn pick(
    area: Rect,
    title: &str,
    intro: &str,
    options: &[String],
    selected: usize,
    buf: &mut Buffer,
) {
    pick_in(area, 60, title, intro, options, selected, buf);
}

/// [`pick`] in a box of at most `width` columns.
pub fn pick_in(
    area: Rect,
    width: u16,
    title: &str,
    intro: &str,
    options: &[String],
    selected: usize,
    buf: &mut Buffer,
) {
    let inside = width.min(area.width).saturating_sub(4).max(1);
    let intro_lines = Paragraph::new(intro)
        .wrap(Wrap { trim: true })
        .line_count(inside) as u16;
    let h = intro_lines + 1 + options.len() as u16 + 2;
    let inner = popup(area, width, h, title, buf).inner(ratatui::layout::Margin::new(1, 0));
    let [top, list] = inner.layout(&ratatui::layout::Layout::vertical([
        Constraint::Length(intro_lines + 1),
        Constraint::Fill(1),
    ]));
    Paragraph::new(intro)
        .style(THEME.hint)
        .wrap(Wrap { trim: true })
        .render(top, buf);
    // Long options end in "…"; a list taller than the box scrolls to keep the choice shown.
    let room = list.width.saturating_sub(2);
    let first = selected.saturating_sub(usize::from(list.height.saturating_sub(1)));
    let lines: Vec<Line> = (options.iter().enumerate())
        .skip(first)
        .map(|(k, o)| {
            let o = crate::screens::fit(o, room);
            if k == selected {
                Line::from(vec![
                    Span::styled("› ", THEME.key),
                    Span::styled(o, THEME.focus_row),
                ])
            } else {
                Line::raw(format!("  {o}"))
            }
        })
        .collect();
    Paragraph::new(lines).render(list, buf);
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
