//! A document as Markdown (CommonMark with GitHub tables), for email and printing.

use super::Block;

/// A character CommonMark could read as markup or HTML anywhere in a line: emphasis, code,
/// links and images, raw HTML and autolinks, entities, table pipes, headings' closing `#`,
/// strikethrough. Each is written with a backslash, which CommonMark reads as the character
/// itself.
fn is_markup(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!'
    )
}

/// A line of the user's text, made to read as itself: controls visible, markup escaped.
fn inline(text: &str) -> String {
    let text = super::printable(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_markup(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The user's lines (split at line feeds, a CR-LF counting as one), each with its controls
/// made visible first (so a lone CR or a NEL shows rather than breaking or vanishing) and
/// then trimmed; no blank lines at either end.
fn lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .map(|l| super::printable(l).trim().to_string())
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    lines.drain(..first);
    lines
}

/// Text in a table cell: inline, its line breaks as `<br>` (the only HTML written, ours).
fn cell(text: &str) -> String {
    lines(text)
        .iter()
        .map(|l| inline(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text on one line (a heading, a label): inline, its line breaks and runs of whitespace as
/// one space.
fn one_line(text: &str) -> String {
    let joined = lines(text).join(" ");
    inline(&joined.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Keeps the user's own line breaks inside a paragraph (two spaces before each) and their
/// blank lines between paragraphs. A line that Markdown would read as the start of a block (a
/// heading, a quote, a list item, a rule, a fence, a heading's underline) gets a backslash in
/// front; the rest is [`inline`].
fn para(text: &str) -> String {
    let lines: Vec<String> = lines(text)
        .iter()
        .map(|l| {
            let t = inline(l);
            if t.starts_with(['-', '+', '=']) {
                return format!("\\{t}");
            }
            // "1." or "1)": the backslash goes before the dot (a digit cannot be escaped).
            if let Some((n, rest)) = t.split_once(['.', ')'])
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
            {
                let delim = &t[n.len()..n.len() + 1];
                return format!("{n}\\{delim}{rest}");
            }
            t
        })
        .collect();
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            // A blank line ends a paragraph; a line break inside one is two spaces first.
            let within = !line.is_empty() && !lines[k - 1].is_empty();
            out.push_str(if within { "  \n" } else { "\n" });
        }
        out.push_str(line);
    }
    out
}

/// A [`para`] as the text of a list item: its later lines indented under the item, so a
/// blank line inside the text does not end the list.
fn item(text: &str) -> String {
    para(text)
        .split('\n')
        .collect::<Vec<_>>()
        .join("\n  ")
        .replace("\n  \n", "\n\n")
}

/// The document as Markdown. Fields, bullets and checklists use different list markers
/// (`-`, `*`, `+`), so two of them in a row stay two lists instead of merging into one.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", one_line(t))),
            Block::Heading(t) => out.push_str(&format!("## {}\n\n", one_line(t))),
            Block::Subheading(t) => out.push_str(&format!("### {}\n\n", one_line(t))),
            Block::Label(t) => out.push_str(&format!("**{}**\n\n", one_line(t))),
            Block::Para(t) => out.push_str(&format!("{}\n\n", para(t))),
            Block::Note(t) => out.push_str(&format!("*{}*\n\n", para(t))),
            Block::Fields(pairs) => {
                for (label, value) in pairs {
                    let label = one_line(&super::labelled(label));
                    out.push_str(&format!("- **{label}** {}\n", item(value)));
                }
                out.push('\n');
            }
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("* {}\n", item(i)));
                }
                out.push('\n');
            }
            Block::Checklist(items) => {
                for (done, i) in items {
                    let mark = if *done { "x" } else { " " };
                    out.push_str(&format!("+ [{mark}] {}\n", item(i)));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                out.push_str(&format!("| {} |\n", head.join(" | ")));
                out.push_str(&format!(
                    "|{}\n",
                    head.iter().map(|_| " --- |").collect::<String>()
                ));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_looks_like_markup_stays_text() {
        let md = markdown(&[Block::Para("# not a heading\n1. not a list\nplain".into())]);
        assert_eq!(md, "\\# not a heading  \n1\\. not a list  \nplain\n");
    }

    #[test]
    fn pipes_in_cells_do_not_break_the_table() {
        let md = markdown(&[Block::Table {
            head: vec!["A", "B"],
            rows: vec![vec!["x | y".into(), "two\nlines".into()]],
        }]);
        assert_eq!(md, "| A | B |\n| --- | --- |\n| x \\| y | two<br>lines |\n");
    }
}
