//! The last step of every frame: each cell's text made to take the same width on every
//! terminal. The layout measures a grapheme cluster as one character (a family emoji joined
//! by zero-width joiners is two columns); many terminals draw it code point by code point
//! (six columns), which pushes the rest of the row and the border right and leaves fragments
//! behind on later frames. So a cell keeps only what every terminal draws alike: characters
//! with a width (no wider together than the layout gave the cell) and a few combining marks
//! on them. Joiners, variation selectors, skin tones, tag characters and invisible
//! direction controls are left out of the screen (never out of the workbook); where that
//! makes a cell narrower, the blank cells the layout put after it show.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

/// At most this many combining marks are drawn on one character.
const MARKS: usize = 4;

/// Settles every cell of `area` (see the module's comment).
pub fn settle(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol();
            // ASCII, the common case, is drawn alike everywhere.
            if symbol.len() == 1 {
                continue;
            }
            let fixed = agreed(symbol);
            let parts = drawn_apart(fixed.as_deref().unwrap_or(symbol));
            if parts.len() > 1 {
                // Several characters a terminal may draw each in a column of its own (a
                // flag's two letters): each in its own cell, so that when the next frame
                // changes one, the screen's diff knows it is there.
                let mut at = x;
                for part in parts {
                    if at >= area.right() {
                        break;
                    }
                    buf[(at, y)].set_symbol(&part);
                    at += part.cell_width().max(1);
                }
            } else if let Some(fixed) = fixed {
                buf[(x, y)].set_symbol(&fixed);
            }
        }
    }
}

/// `symbol` cut before each character with a width: each with the marks that follow it.
fn drawn_apart(symbol: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in symbol.chars() {
        match parts.last_mut() {
            Some(last) if char_width(c) == 0 => last.push(c),
            _ => parts.push(c.to_string()),
        }
    }
    parts
}

/// The width a terminal that draws code point by code point gives `c`. (The halfwidth
/// sound marks combine in Unicode's tables but take a column of their own on a terminal.)
fn char_width(c: char) -> usize {
    match c {
        '\u{ff9e}' | '\u{ff9f}' => 1,
        c => c.width().unwrap_or(0),
    }
}

/// The width a terminal that draws code point by code point gives `s`.
fn by_code_point(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Code points that change how their neighbours look or which way text runs, without a
/// width of their own: drawn differently (or obeyed) by different terminals.
fn left_out(c: char) -> bool {
    matches!(c,
        '\u{00ad}'                      // soft hyphen
        | '\u{061c}'                    // Arabic letter mark
        | '\u{200b}'..='\u{200f}'       // zero-width space, joiners, direction marks
        | '\u{202a}'..='\u{202e}'       // direction embeddings and overrides
        | '\u{2060}'..='\u{2069}'       // word joiner, invisible operators, isolates
        | '\u{fe00}'..='\u{fe0f}'       // variation selectors
        | '\u{feff}'                    // zero-width no-break space
        | '\u{1f3fb}'..='\u{1f3ff}'     // skin tones
        | '\u{e0000}'..='\u{e007f}'     // tags
        | '\u{e0100}'..='\u{e01ef}'     // more variation selectors
    ) || c.is_control()
}

/// `None` if every terminal draws `symbol` as wide as the layout measured it; else what to
/// draw instead (never wider).
fn agreed(symbol: &str) -> Option<String> {
    let width = usize::from(symbol.cell_width());
    let marks = symbol.chars().filter(|c| char_width(*c) == 0).count();
    if by_code_point(symbol) == width && marks <= MARKS && !symbol.chars().any(left_out) {
        return None;
    }
    let mut out = String::new();
    let (mut used, mut marks) = (0, 0);
    for c in symbol.chars().filter(|c| !left_out(*c)) {
        match char_width(c) {
            0 if out.is_empty() || marks == MARKS => {}
            0 => {
                out.push(c);
                marks += 1;
            }
            w if used + w > width => break,
            w => {
                out.push(c);
                used += w;
            }
        }
    }
    // What the screen's diff thinks the cell covers must be what the terminal draws.
    while !out.is_empty() && usize::from(out.cell_width()) != by_code_point(&out) {
        out.pop();
    }
    Some(if out.is_empty() {
        "\u{fffd}".into()
    } else {
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_terminals_agree_on_stays() {
        for s in ["é", "e\u{301}", "日", "🙂", "🇫🇷", "Ω"] {
            assert_eq!(agreed(s), None, "{s}");
        }
    }

    #[test]
    fn joined_and_modified_emoji_keep_their_first_character() {
        assert_eq!(agreed("👨\u{200d}👩\u{200d}👧").as_deref(), Some("👨"));
        assert_eq!(agreed("👍🏽").as_deref(), Some("👍"));
        assert_eq!(agreed("❤\u{fe0f}").as_deref(), Some("❤"));
        assert_eq!(
            agreed("🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}").as_deref(),
            Some("🏴")
        );
    }

    #[test]
    fn a_flag_is_two_letters_each_in_its_own_cell() {
        assert_eq!(agreed("🇫🇷"), None);
        assert_eq!(drawn_apart("🇫🇷"), ["🇫", "🇷"]);
        assert_eq!(drawn_apart("e\u{301}"), ["e\u{301}"]);
    }

    #[test]
    fn a_cell_measured_wider_than_it_is_drawn_is_cut_to_what_agrees() {
        // ratatui counts the sound mark twice (three columns); terminals draw two.
        assert_eq!(agreed("ｶﾞ").as_deref(), Some("ｶ"));
    }

    #[test]
    fn direction_controls_and_piles_of_marks_are_left_out() {
        assert_eq!(agreed("a\u{202e}").as_deref(), Some("a"));
        let zalgo = format!("a{}", "\u{301}".repeat(40));
        assert_eq!(
            agreed(&zalgo),
            Some(format!("a{}", "\u{301}".repeat(MARKS)))
        );
    }
}
