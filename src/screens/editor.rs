//! The only place a text editor is configured, and the matching read-only view.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

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

/// A field's text for reading, wrapped like the editor, or its placeholder when empty.
pub fn text_view<'a>(text: &'a str, placeholder: &'a str, block: Block<'a>) -> Paragraph<'a> {
    let body = if text.is_empty() {
        Text::from(Line::from(Span::styled(placeholder, THEME.placeholder)))
    } else {
        Text::from(text).style(THEME.text)
    };
    Paragraph::new(body).block(block).wrap(Wrap { trim: false })
}
