//! The only place a text editor is configured, and the matching read-only view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Widget;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

use crate::field::{Kind, Spec};
use crate::theme::THEME;

/// An editor holding `text`, with the cursor at the end so the user continues where they
/// stopped. One-line fields scroll sideways; the others wrap at words.
pub fn new_editor(text: &str, spec: Spec) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut editor = TextArea::new(lines);
    editor.set_wrap_mode(if spec.single_line() {
        WrapMode::None
    } else {
        WrapMode::WordOrGlyph
    });
    editor.set_placeholder_text(spec.placeholder);
    editor.set_placeholder_style(THEME.placeholder);
    editor.set_cursor_line_style(Style::default());
    editor.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
    editor.set_max_histories(1000);
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    // A date, a time or a number of days is replaced far more often than changed in place:
    // it opens selected, so typing replaces it (an arrow key keeps it to edit instead).
    if matches!(spec.kind, Kind::Date | Kind::DateTime | Kind::Days) && !text.is_empty() {
        editor.select_all();
    }
    editor
}

/// Draws a running-text editor in `area`. ratatui-textarea 0.9's word wrap starts a row with
/// the space it broke at when the word before it filled the row exactly (`wrap.rs`: a
/// space that does not fit opens the next row); that space is taken out of the drawn row
/// here. Only the drawing changes: the text keeps its space, and a row whose first cell is
/// the cursor keeps it, so the cursor never disappears.
pub fn draw(editor: &TextArea, area: Rect, buf: &mut Buffer) {
    editor.render(area, buf);
    if editor.wrap_mode() == WrapMode::None || area.width < 2 {
        return;
    }
    let top = usize::from(editor.scroll_offset().0);
    let lines = editor.lines();
    let cursor = editor.cursor();
    let mut previous = None;
    for y in 0..area.height {
        let at = editor.screen_to_data(top + usize::from(y), 0);
        // Rows past the end resolve to the last one again.
        if previous == Some(at) {
            break;
        }
        previous = Some(at);
        let DataCursor(row, col) = at;
        let wrap_space = col > 0 && lines[row].chars().nth(col) == Some(' ');
        if !wrap_space || cursor == (row, col) {
            continue;
        }
        let y = area.y + y;
        for x in area.x..area.right() - 1 {
            buf[(x, y)] = buf[(x + 1, y)].clone();
        }
        buf[(area.right() - 1, y)].set_symbol(" ");
    }
}

/// A field's text for reading, wrapped like the editor, or its placeholder when empty.
pub fn text_view<'a>(text: &'a str, placeholder: &'a str, block: Block<'a>) -> Paragraph<'a> {
    let body = if text.is_empty() {
        Text::from(Line::from(Span::styled(placeholder, THEME.placeholder)))
    } else {
        Text::from(text).style(THEME.text)
    };
    Paragraph::new(body).block(block).wrap(Wrap { trim: false })
}
