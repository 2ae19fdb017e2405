//! A document for the terminal: as text for `mentorbook show` (with colour only when asked),
//! and as styled lines for the review's reference pane.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Block;
use crate::theme::THEME;

const BOLD: &str = "\x1b[1m";
const CYAN: &str = "\x1b[1;36m";
const DIM: &str = "\x1b[2m";
const GREEN: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

/// The document as text. `colour`: ANSI styles (only for a terminal that wants them). Every
/// user string is made printable first: a field must never drive the terminal.
pub fn plain(blocks: &[Block], colour: bool) -> String {
    let blocks = &super::printable_blocks(blocks)[..];
    let paint = |style: &str, text: &str| -> String {
        if colour {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(t) => {
                out.push_str(&paint(BOLD, t));
                out.push('\n');
            }
            Block::Heading(t) => {
                out.push('\n');
                out.push_str(&paint(CYAN, &t.to_uppercase()));
                out.push('\n');
            }
            Block::Subheading(t) => {
                out.push('\n');
                out.push_str(&paint(BOLD, t));
                out.push('\n');
            }
            Block::Label(t) => {
                out.push_str(&paint(BOLD, t));
                out.push('\n');
            }
            Block::Para(t) => {
                out.push_str(t.trim());
                out.push('\n');
            }
            Block::Note(t) => {
                out.push_str(&paint(DIM, t.trim()));
                out.push('\n');
            }
            Block::Fields(pairs) => {
                for (label, value) in pairs {
                    let value = value.trim().replace('\n', "\n    ");
                    out.push_str(&format!(
                        "{} {value}\n",
                        paint(BOLD, &super::labelled(label))
                    ));
                }
            }
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("  • {}\n", i.trim()));
                }
            }
            Block::Checklist(items) => {
                for (done, i) in items {
                    let mark = if *done {
                        paint(GREEN, "[x]")
                    } else {
                        "[ ]".to_string()
                    };
                    out.push_str(&format!("  {mark} {}\n", i.trim()));
                }
            }
            Block::Table { head, rows } => table(head, rows, &paint, &mut out),
        }
    }
    out
}

/// Columns padded to their widest cell; line breaks inside a cell become spaces.
fn table(
    head: &[&str],
    rows: &[Vec<String>],
    paint: &dyn Fn(&str, &str) -> String,
    out: &mut String,
) {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| flat(c)).collect())
        .collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .chain([head[i].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let pad = |cells: Vec<String>, out: &mut String, style: Option<&str>| {
        let n = cells.len();
        let mut line = String::from("  ");
        for (i, c) in cells.into_iter().enumerate() {
            let w = c.width();
            let text = match style {
                Some(s) => paint(s, &c),
                None => c,
            };
            line.push_str(&text);
            if i + 1 < n {
                line.push_str(&" ".repeat(widths[i].saturating_sub(w) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    pad(head.iter().map(|h| h.to_string()).collect(), out, Some(DIM));
    for r in rows {
        pad(r, out, None);
    }
}

/// The document as styled lines for a narrow pane: tables become one line per row, the
/// first cell in bold and the rest after it. The caller wraps them.
pub fn lines(blocks: &[Block]) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let text = |s: &str| Span::styled(s.trim().to_string(), THEME.text);
    for b in blocks {
        match b {
            Block::Title(t) => out.push(Line::from(Span::styled(t.clone(), THEME.heading))),
            Block::Heading(t) => {
                out.push(Line::default());
                out.push(Line::from(Span::styled(t.clone(), THEME.heading)));
            }
            Block::Subheading(t) => {
                out.push(Line::default());
                out.push(Line::from(Span::styled(t.clone(), THEME.label)));
            }
            Block::Label(t) => out.push(Line::from(Span::styled(t.clone(), THEME.label))),
            Block::Para(t) => out.extend(t.trim().lines().map(|l| Line::from(text(l)))),
            Block::Note(t) => out.push(Line::from(Span::styled(t.clone(), THEME.hint))),
            Block::Fields(pairs) => {
                for (label, value) in pairs {
                    let mut first = true;
                    for l in value.trim().lines() {
                        let lead = if first {
                            Span::styled(format!("{} ", super::labelled(label)), THEME.label)
                        } else {
                            Span::raw("  ")
                        };
                        first = false;
                        out.push(Line::from(vec![lead, text(l)]));
                    }
                }
            }
            Block::Bullets(items) => {
                out.extend(
                    items
                        .iter()
                        .map(|i| Line::from(vec![Span::raw("• "), text(i)])),
                );
            }
            Block::Checklist(items) => {
                for (done, i) in items {
                    let (mark, style) = if *done {
                        ("[x] ", THEME.done)
                    } else {
                        ("[ ] ", THEME.text)
                    };
                    out.push(Line::from(vec![
                        Span::styled(mark, style),
                        Span::styled(i.trim().to_string(), style),
                    ]));
                }
            }
            Block::Table { head, rows } => {
                for r in rows {
                    let mut spans = Vec::new();
                    for (i, c) in r.iter().enumerate() {
                        let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
                        if c.is_empty() {
                            continue;
                        }
                        if i == 0 {
                            spans.push(Span::styled(c, THEME.label));
                        } else {
                            let name = head.get(i).copied().unwrap_or("");
                            // Short cells read better with their column's name.
                            let shown = if name.is_empty() || name == "Step" || name == "What" {
                                c
                            } else {
                                format!("{}: {c}", name.to_lowercase())
                            };
                            spans.push(Span::styled(" · ", THEME.hint));
                            spans.push(Span::styled(shown, THEME.text));
                        }
                    }
                    out.push(Line::from(spans));
                }
            }
        }
    }
    out
}
