//! Text bound for a terminal: what a workbook holds (typed, pasted, or in a partner's file)
//! must never drive the terminal that shows it. Control characters become visible stand-ins.

use std::borrow::Cow;

use super::Block;

/// `s` with every control character but a newline and a tab replaced by something visible:
/// C0 controls by their Unicode control pictures (ESC shows as `␛`), DEL as `␡`, and C1
/// controls (which some terminals obey as 8-bit escapes) as `\u{9b}`-style text.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_stand_in) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !needs_stand_in(c) => out.push(c),
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

fn needs_stand_in(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The blocks with every user string made [`printable`].
pub fn printable_blocks(blocks: &[Block]) -> Vec<Block> {
    let p = |s: &String| printable(s).into_owned();
    blocks
        .iter()
        .map(|b| match b {
            Block::Title(t) => Block::Title(p(t)),
            Block::Heading(t) => Block::Heading(p(t)),
            Block::Subheading(t) => Block::Subheading(p(t)),
            Block::Label(t) => Block::Label(p(t)),
            Block::Para(t) => Block::Para(p(t)),
            Block::Note(t) => Block::Note(p(t)),
            Block::Fields(pairs) => {
                Block::Fields(pairs.iter().map(|(l, v)| (p(l), p(v))).collect())
            }
            Block::Bullets(items) => Block::Bullets(items.iter().map(p).collect()),
            Block::Checklist(items) => {
                Block::Checklist(items.iter().map(|(done, t)| (*done, p(t))).collect())
            }
            Block::Table { head, rows } => Block::Table {
                head: head.clone(),
                rows: rows.iter().map(|r| r.iter().map(p).collect()).collect(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_and_text_stays() {
        assert_eq!(printable("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            printable("a\u{1b}]2;TITLE\u{7}b"),
            "a\u{241b}]2;TITLE\u{2407}b"
        );
        assert_eq!(printable("\u{7f}\u{9b}31m\r"), "\u{2421}\\u{9b}31m\u{240d}");
        assert!(matches!(printable("日本 🙂"), Cow::Borrowed(_)));
    }
}
