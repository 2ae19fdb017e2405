//! Drawing the items of a sheet: labels beside one-line values, running text in a box, list
//! rows with their lead and suffix, and the exercises on the overview.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{Item, Note, Row};
use crate::app::App;
use crate::field::{Field, Kind};
use crate::lifecycle::Exercise;
use crate::nav::Target;
use crate::screens::editor::show;
use crate::screens::{editor_for, progress, spec};
use crate::theme::THEME;

/// Width of the label column of one-line fields.
const LABEL_WIDTH: u16 = 26;

/// `text` cut to `width` columns with an ellipsis, so a cut is visible.
pub fn fit(text: &str, width: u16) -> String {
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

/// A styled line cut to `width` columns, its last visible span ending in "…" when cut.
pub fn fit_line(line: &Line<'static>, width: u16) -> Line<'static> {
    use unicode_width::UnicodeWidthStr;
    if line.width() <= usize::from(width) {
        return line.clone();
    }
    let mut spans = Vec::new();
    let mut room = width;
    for span in &line.spans {
        let w = span.content.width() as u16;
        if w < room {
            spans.push(span.clone());
            room -= w;
            continue;
        }
        // The span that does not fit (or fills the row exactly with more to come).
        spans.push(Span::styled(
            fit(&format!("{}…", span.content), room),
            span.style,
        ));
        break;
    }
    Line::from(spans).style(line.style)
}

fn marker(focused: bool) -> Span<'static> {
    Span::styled(if focused { "› " } else { "  " }, THEME.key)
}

fn value_style(focused: bool) -> ratatui::style::Style {
    if focused { THEME.focus_row } else { THEME.text }
}

/// `focus` is computed once per frame by the caller: finding it rebuilds the item list.
pub fn item(app: &App, item: &Item, focus: Option<Target>, area: Rect, buf: &mut Buffer) {
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
        Item::Field(f) if spec(*f, wb).kind == Kind::Text => {
            draw_text_field(app, *f, focused, area, buf)
        }
        Item::Field(f) => {
            let spec = spec(*f, wb);
            let [l, v] = area.layout(&Layout::horizontal([
                Constraint::Length(LABEL_WIDTH),
                Constraint::Fill(1),
            ]));
            Line::from(vec![marker(focused), Span::styled(spec.label, THEME.label)]).render(l, buf);
            // A one-line field's label column is full: its mark goes at the end of the row.
            let v = match own_mark(wb, *f) {
                Some(mark) => {
                    let [v, m] = v.layout(&Layout::horizontal([
                        Constraint::Fill(1),
                        Constraint::Length(mark.width() as u16),
                    ]));
                    Line::from(mark).render(m, buf);
                    v
                }
                None => v,
            };
            if let Some(editor) = editor_for(app, *f) {
                show(app, editor, v, buf);
                return;
            }
            let text = f.display(wb).unwrap_or_default();
            if text.is_empty() {
                Line::from(Span::styled(spec.placeholder, THEME.placeholder)).render(v, buf)
            } else {
                Line::styled(fit(&text, v.width), value_style(focused)).render(v, buf)
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
                show(app, editor, v, buf);
            } else {
                let text = f.value(wb).unwrap_or_default();
                if text.is_empty() {
                    let hint = spec(*f, wb).placeholder;
                    Line::from(Span::styled(hint, THEME.placeholder)).render(v, buf);
                } else {
                    Line::styled(fit(&text, v.width), value_style(focused)).render(v, buf);
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
        Item::Exercise(exercise, note) => draw_exercise(app, *exercise, note, focused, area, buf),
        Item::Lines(lines) => {
            for (k, line) in lines.iter().enumerate() {
                let y = area.y + k as u16;
                if y < area.bottom() {
                    let width = area.width - 1;
                    fit_line(line, width).render(Rect::new(area.x + 1, y, width, 1), buf);
                }
            }
        }
        Item::Row(row) => draw_row(app, row, focused, area, buf),
    }
}

/// The field being edited, if it belongs to this row.
fn row_editing(app: &App, target: Target) -> Option<Field> {
    let field = app.mode.editing()?.field()?;
    (Target::Field(field.row()) == target).then_some(field)
}

fn draw_row(app: &App, row: &Row, focused: bool, area: Rect, buf: &mut Buffer) {
    use unicode_width::UnicodeWidthStr;
    let lead_w = 2 + row.lead.width() as u16;
    let editing = row_editing(app, row.target);
    let suffix_w = match editing {
        Some(_) => 0,
        None if row.suffix.is_empty() => 0,
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
    let placeholder = match row.target {
        Target::Field(f) if row.placeholder.is_empty() => spec(f, &app.workbook).placeholder,
        _ => row.placeholder,
    };
    let text_line = |width: u16| {
        if row.text.is_empty() {
            Line::from(Span::styled(placeholder, THEME.placeholder))
        } else {
            Line::styled(fit(&row.text, width), value_style(focused))
        }
    };
    match editing.and_then(|f| editor_for(app, f).map(|e| (f, e))) {
        Some((f, editor)) if Target::Field(f) == row.target => show(app, editor, v, buf),
        Some((f, editor)) => {
            // A date or a dependency: the row's text stays, shortened, beside the editor.
            let label = format!("{}: ", spec(f, &app.workbook).label);
            let [t, l, e] = v.layout(&Layout::horizontal([
                Constraint::Percentage(40),
                Constraint::Length(label.width() as u16 + 1),
                Constraint::Fill(1),
            ]));
            text_line(t.width).render(t, buf);
            Line::from(Span::styled(format!(" {label}"), THEME.label)).render(l, buf);
            show(app, editor, e, buf);
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

/// The mark beside a mentor's own note while it is private (see `privacy::mentor_own`).
fn own_mark(wb: &crate::model::Workbook, f: Field) -> Option<Span<'static>> {
    (crate::privacy::mentor_own(f) && crate::privacy::mentor_notes_private(wb))
        .then(|| Span::styled(" · private, yours", THEME.hint))
}

fn draw_text_field(app: &App, f: Field, focused: bool, area: Rect, buf: &mut Buffer) {
    let [label, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let editor = editor_for(app, f);
    let spec = spec(f, &app.workbook);
    let mut spans = vec![marker(focused), Span::styled(spec.label, THEME.label)];
    spans.extend(own_mark(&app.workbook, f));
    if let crate::nav::Mode::Edit(e) = &app.mode
        && e.field() == Some(f)
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
            show(app, editor, inner, buf);
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
                Paragraph::new(Span::styled(spec.placeholder, THEME.placeholder))
            } else {
                Paragraph::new(text.into_owned())
            }
            .wrap(Wrap { trim: false });
            let inner = block.inner(body);
            block.render(body, buf);
            let how = if focused {
                " (Enter edits, E opens your editor)"
            } else {
                " (focus shows more)"
            };
            more_below(para, inner, buf, how);
        }
    }
}

/// Draws `para` in `area`; when it is taller, its last row says how many lines more
/// there are, so a cut text is never taken for the whole.
pub fn more_below(para: Paragraph, area: Rect, buf: &mut Buffer, how: &str) {
    let lines = para.line_count(area.width) as u16;
    if lines <= area.height || area.height == 0 {
        para.render(area, buf);
        return;
    }
    let shown = area.height - 1;
    para.render(
        Rect {
            height: shown,
            ..area
        },
        buf,
    );
    let more = lines - shown;
    let sign = format!(
        "↓ {more} more line{}{}",
        if more == 1 { "" } else { "s" },
        if area.width > 20 + how.len() as u16 {
            how
        } else {
            ""
        }
    );
    Line::styled(fit(&sign, area.width), THEME.hint).render(
        Rect {
            y: area.y + shown,
            height: 1,
            ..area
        },
        buf,
    );
}

fn draw_exercise(
    app: &App,
    exercise: Exercise,
    note: &Note,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let key = exercise.key();
    let Some(p) = progress(exercise, &app.workbook, !app.call_mode) else {
        // Kept rather than completed (the journal): its note says how it is going.
        Line::from(vec![
            marker(focused),
            Span::styled(format!("{key} "), THEME.key),
            Span::styled(format!("{:<28}", exercise.title()), value_style(focused)),
            Span::styled(format!(" {}", note.text), THEME.hint),
        ])
        .render(area, buf);
        return;
    };
    // At most ten boxes: a long record (many goals reached) is drawn to scale.
    let boxes = p.total.min(10);
    let filled = if p.total > 10 {
        (p.done * 10)
            .div_ceil(p.total)
            .min(if p.done < p.total { 9 } else { 10 })
    } else {
        p.done
    };
    let bar: String = (0..boxes)
        .map(|k| if k < filled { '■' } else { '□' })
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
        Span::styled(format!("{key} "), THEME.key),
        Span::styled(format!("{:<28}", exercise.title()), value_style(focused)),
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
