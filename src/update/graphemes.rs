//! Left, Right, Backspace and Delete by grapheme: the editor widget steps by `char`, which
//! would split an accent from its letter or a skin tone from its emoji.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};
use unicode_segmentation::UnicodeSegmentation;

/// Handles the key if it moves or deletes across a grapheme of several chars; `None` leaves
/// it to the widget (plain chars, line ends, selections, modifiers).
pub fn key(editor: &mut TextArea<'_>, key: KeyEvent) -> Option<bool> {
    if key.modifiers != KeyModifiers::NONE || editor.is_selecting() {
        return None;
    }
    let (row, col) = {
        let c = editor.cursor();
        (c.0, c.1)
    };
    let line = editor.lines().get(row)?;
    // Char offsets of every grapheme boundary in the line.
    let mut bounds = vec![0];
    for g in line.graphemes(true) {
        bounds.push(bounds.last().copied().unwrap_or(0) + g.chars().count());
    }
    let before = bounds.iter().copied().rev().find(|b| *b < col);
    let after = bounds.iter().copied().find(|b| *b > col);
    let jump = |editor: &mut TextArea<'_>, to: usize| -> Option<()> {
        let (r, c) = (u16::try_from(row).ok()?, u16::try_from(to).ok()?);
        editor.move_cursor(CursorMove::Jump(r, c));
        Some(())
    };
    match key.code {
        KeyCode::Left => {
            let to = before.filter(|b| col - b > 1)?;
            jump(editor, to)?;
            Some(false)
        }
        KeyCode::Right => {
            let to = after.filter(|a| a - col > 1)?;
            jump(editor, to)?;
            Some(false)
        }
        KeyCode::Backspace => {
            let from = before.filter(|b| col - b > 1)?;
            jump(editor, from)?;
            Some(editor.delete_str(col - from))
        }
        KeyCode::Delete => {
            let to = after.filter(|a| a - col > 1)?;
            Some(editor.delete_str(to - col))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(editor: &mut TextArea<'_>, code: KeyCode) {
        let k = KeyEvent::new(code, KeyModifiers::NONE);
        if key(editor, k).is_none() {
            editor.input(k);
        }
    }

    #[test]
    fn accents_emoji_and_flags_move_and_go_as_one() {
        let mut ed = TextArea::from(["ae\u{301}👍🏽🇳🇬b"]);
        ed.move_cursor(CursorMove::End);
        press(&mut ed, KeyCode::Left); // before b
        press(&mut ed, KeyCode::Left); // before the flag
        press(&mut ed, KeyCode::Backspace); // the thumb and its tone
        assert_eq!(ed.lines(), ["ae\u{301}🇳🇬b"]);
        press(&mut ed, KeyCode::Delete); // the flag
        assert_eq!(ed.lines(), ["ae\u{301}b"]);
        press(&mut ed, KeyCode::Backspace); // e and its accent
        assert_eq!(ed.lines(), ["ab"]);
        press(&mut ed, KeyCode::Backspace);
        assert_eq!(ed.lines(), ["b"]);
        ed.move_cursor(CursorMove::Head);
        ed.insert_str("x\u{301}");
        ed.move_cursor(CursorMove::Head);
        press(&mut ed, KeyCode::Right);
        assert_eq!(ed.cursor().1, 2, "over the x and its accent");
    }
}
