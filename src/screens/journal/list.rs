//! The journal: every entry, newest first, narrowed by a filter. Drawn as a window onto the
//! list of matches, so thousands of entries cost no more than the rows on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use crate::app::App;
use crate::keys::{Binding, Key, MOVE, Msg, back_to, code, explained, more, plain};
use crate::model::JournalEntry;
use crate::nav::Editable;
use crate::theme::THEME;
use crossterm::event::KeyCode;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[code(KeyCode::Enter)],
        "Enter",
        "open",
        "open the entry to read or edit it",
        Msg::Activate,
    ),
    explained(
        &[plain('/')],
        "/",
        "filter",
        "#tag goal:1 from:DATE to:DATE and words",
        Msg::Filter,
    ),
    explained(
        &[plain('d')],
        "d",
        "delete",
        "delete the entry (asks first)",
        Msg::Delete,
    ),
    explained(
        &[plain('t')],
        "t",
        "tags",
        "the tags in use, with counts, to filter by one",
        Msg::TagList,
    ),
    explained(
        &[plain('o')],
        "o",
        "on this day",
        "what you wrote on this day in earlier years",
        Msg::OnThisDay,
    ),
    explained(
        &[plain('m')],
        "m",
        "month",
        "a month view, to jump to a day",
        Msg::MonthView,
    ),
    explained(
        &[plain('T')],
        "T",
        "template",
        "start an entry from a template of prompts",
        Msg::Template,
    ),
    more(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "ten entries up",
        Msg::PageUp,
    ),
    more(
        &[code(KeyCode::PageDown)],
        "PgDn",
        "ten entries down",
        Msg::PageDown,
    ),
    more(
        &[
            code(KeyCode::Home),
            Key(KeyCode::Char('g'), crossterm::event::KeyModifiers::NONE),
        ],
        "Home / g",
        "the newest entry",
        Msg::First,
    ),
    more(
        &[code(KeyCode::End), plain('G')],
        "End / G",
        "the oldest entry",
        Msg::Last,
    ),
    back_to("clear the filter; without one, the overview"),
];

fn entry_row(e: &JournalEntry, head: bool, selected: bool, width: u16) -> Line<'static> {
    use unicode_width::UnicodeWidthStr;
    // A head's text is read as its row comes into view; until then (or if its month's
    // file cannot be read) the row says so.
    let first = if head { "…" } else { e.text.as_str() };
    let first = first
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let tags: String = e.tags.iter().map(|t| format!(" #{t}")).collect();
    let shared = if e.private { "" } else { " · shareable" };
    let lead = format!("{} ", e.at.format("%Y-%m-%d %H:%M"));
    let tail = format!("{tags}{shared}");
    let room = usize::from(width).saturating_sub(2 + lead.width() + tail.width() + 1);
    // Cut to the room left, counting columns as we go (a first line can be a long paragraph).
    let mut text = String::new();
    let mut used = 0;
    for c in first.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > room {
            text.push('…');
            used += 1;
            break;
        }
        text.push(c);
        used += w;
    }
    let pad = room.saturating_sub(used);
    let style = if selected {
        THEME.focus_row
    } else {
        THEME.text
    };
    Line::from(vec![
        Span::styled(if selected { "› " } else { "  " }, THEME.key),
        Span::styled(lead, THEME.label),
        Span::styled(text, style),
        Span::raw(" ".repeat(pad + 1)),
        Span::styled(tail, THEME.hint),
    ])
}

/// Room for a preview of the selected entry: beside the list on a wide window, below it on a
/// tall one, none on a small one (the list comes first).
fn split_for_preview(list: Rect) -> (Rect, Option<Rect>) {
    if list.width >= 110 {
        let [l, gap, p] = list.layout(&Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        let _ = gap;
        (l, Some(p))
    } else if list.height >= 20 {
        let [l, p] = list.layout(&Layout::vertical([
            Constraint::Percentage(50),
            Constraint::Fill(1),
        ]));
        (l, Some(p))
    } else {
        (list, None)
    }
}

/// The selected entry as it reads: when, its tags, then its text, cut with how much more.
fn render_preview(app: &App, e: usize, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
    let journal = &app.workbook.journal;
    let Some(entry) = journal.get(e) else {
        return;
    };
    let block = Block::default()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(THEME.hint)
        .title(Span::styled(" Preview ", THEME.label));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let [head, body] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let tags: String = entry.tags.iter().map(|t| format!(" #{t}")).collect();
    let when = entry.at.format("%a %Y-%m-%d %H:%M").to_string();
    let head_line = Line::from(vec![
        Span::styled(format!(" {when}"), THEME.label),
        Span::styled(tags, THEME.hint),
    ]);
    crate::screens::sheet::fit_line(&head_line, head.width).render(head, buf);
    let body = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(1),
        ..body
    };
    match journal.whole(e) {
        Some(whole) => {
            let para = Paragraph::new(whole.text.trim_end().to_string())
                .style(THEME.text)
                .wrap(Wrap { trim: true });
            crate::screens::sheet::more_below(para, body, buf, " (Enter reads it all)");
        }
        None => Line::from(Span::styled("…", THEME.hint)).render(body, buf),
    }
}

/// Draws the filter line and the visible window of entries.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let [filter, list] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    let view = &app.journal;
    let journal = &app.workbook.journal;
    let total = journal.total();
    // While older months are still being read, the count says so: the list grows.
    let unreadable = journal.in_unreadable();
    // A search by words goes through the heads' texts as they are read.
    let searching = if !view.filter.needs_text() {
        0
    } else {
        journal.head_count()
    };
    let reading = match (total - journal.len() - unreadable + searching, unreadable) {
        (0, 0) => String::new(),
        (0, n) => format!(" ({n} in a month that cannot be read)"),
        (n, _) if searching > 0 => format!(" (searching {n} more)"),
        (n, _) => format!(" (reading {n} more)"),
    };
    // A call counts only what it may show (the list holds no private entry then): how many
    // private entries there are is private too.
    let (total, reading) = if app.call_mode {
        let more = if journal.is_complete() {
            ""
        } else {
            " (reading more)"
        };
        (journal.not_private().count(), more.to_string())
    } else {
        (total, reading)
    };
    let [label, value] = filter.layout(&Layout::horizontal([
        Constraint::Length(9),
        Constraint::Fill(1),
    ]));
    let top = Rect { height: 1, ..label };
    Line::from(Span::styled(" Filter ", THEME.label)).render(top, buf);
    let value_row = Rect { height: 1, ..value };
    let filter = app
        .mode
        .editing()
        .filter(|e| e.what == Editable::JournalFilter);
    match filter {
        Some(editing) => crate::screens::editor::show(app, &editing.editor, value_row, buf),
        None => {
            let count = format!("{} of {total} entries{reading}", view.matches.len());
            let line = if view.query.is_empty() {
                Line::from(vec![
                    Span::styled(format!("{count}   "), THEME.text),
                    Span::styled(
                        "/ filter · t tags · o on this day · m month · T template",
                        THEME.hint,
                    ),
                ])
            } else {
                Line::from(vec![
                    Span::styled(view.query.clone(), THEME.focus_row),
                    Span::styled(format!("   {count} · Esc clears"), THEME.hint),
                ])
            };
            line.render(value_row, buf);
        }
    }
    if let Some(e) = filter
        && let Some(err) = &e.error
    {
        Line::from(Span::styled(format!(" {err}"), THEME.warning))
            .render(Rect::new(area.x, area.y + 1, area.width, 1), buf);
    }
    if view.matches.is_empty() {
        let text = if total == 0 {
            "No entries yet. Press n, anywhere in the workbook, to write the first one."
        } else if total > journal.len() + unreadable && view.query.is_empty() {
            "Reading the journal…"
        } else if searching > 0 {
            "Searching…"
        } else {
            "Nothing matches the filter. Esc clears it."
        };
        Line::from(Span::styled(format!("  {text}"), THEME.hint)).render(list, buf);
        return;
    }
    let (list, preview) = split_for_preview(list);
    if let Some(area) = preview
        && let Some(&e) = view.matches.get(view.selected)
    {
        render_preview(app, e, area, buf);
    }
    let height = usize::from(list.height);
    let n = view.matches.len();
    // Keep the selection about a third of the way down, never scrolling past the end.
    let offset = view
        .selected
        .saturating_sub(height / 3)
        .min(n.saturating_sub(height));
    let width = list.width.saturating_sub(1);
    for (row, k) in (offset..n.min(offset + height)).enumerate() {
        let i = view.matches[k];
        let journal = &app.workbook.journal;
        let line = entry_row(&journal[i], journal.is_head(i), k == view.selected, width);
        line.render(Rect::new(list.x, list.y + row as u16, width, 1), buf);
    }
    if n > height {
        let mut state = ScrollbarState::new(n - height).position(offset);
        Scrollbar::new(ScrollbarOrientation::VerticalRight).render(list, buf, &mut state);
    }
}
