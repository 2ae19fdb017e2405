//! The only place a text editor is configured, and the matching read-only view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
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
    // The selection (a date opens selected) in the theme's, not the widget's light blue.
    editor.set_selection_style(THEME.focus_row.add_modifier(Modifier::UNDERLINED));
    editor.set_max_histories(1000);
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    // A date, a time or a number of days is replaced far more often than changed in place:
    // it opens selected, so typing replaces it (an arrow key keeps it to edit instead).
    if matches!(
        spec.kind,
        Kind::Date | Kind::DateTime | Kind::Days | Kind::Minutes
    ) && !text.is_empty()
    {
        editor.select_all();
    }
    editor
}

/// Draws an editor in `area` and returns the cell of its insertion point, if it is in
/// `area`. ratatui-textarea 0.9's word wrap starts a row with the space it broke at when the
/// word before it filled the row exactly (`wrap.rs`: a space that does not fit opens the
/// next row); that space is taken out of the drawn row here. Only the drawing changes: the
/// text keeps its space, and a row whose first cell is the cursor keeps it, so the cursor
/// never disappears.
pub fn draw(editor: &TextArea, area: Rect, buf: &mut Buffer) -> Option<Position> {
    editor.render(area, buf);
    let (top, left) = editor.scroll_offset();
    let at = editor.screen_cursor();
    // The insertion point's row and column in `area` (none if scrolled out of it).
    let row = at.row.checked_sub(usize::from(top));
    let mut col = at.col.checked_sub(usize::from(left));
    if editor.wrap_mode() != WrapMode::None && area.width >= 2 {
        let top = usize::from(top);
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
            let DataCursor(r, c) = at;
            let wrap_space = c > 0 && lines[r].chars().nth(c) == Some(' ');
            if !wrap_space || cursor == (r, c) {
                continue;
            }
            let y_abs = area.y + y;
            for x in area.x..area.right() - 1 {
                buf[(x, y_abs)] = buf[(x + 1, y_abs)].clone();
            }
            buf[(area.right() - 1, y_abs)].set_symbol(" ");
            // The cursor's row lost its first cell: the cursor moves left with the text.
            if Some(usize::from(y)) == row {
                col = col.map(|c| c.saturating_sub(1));
            }
        }
    }
    let (mut x, mut y) = (u16::try_from(col?).ok()?, u16::try_from(row?).ok()?);
    // Just after a word that filled its row exactly the editor draws no cursor cell: the
    // next character goes to the next row, so the cursor waits there (or at the row's last
    // cell when there is no next row in view).
    if x >= area.width && area.width > 0 {
        if y + 1 < area.height {
            (x, y) = (0, y + 1);
        } else {
            x = area.width - 1;
        }
    }
    (x < area.width && y < area.height).then(|| Position::new(area.x + x, area.y + y))
}

/// Draws an editor in `area` for `app`'s frame, keeping where its insertion point is for the
/// terminal's cursor (see `App::drawn_cursor`).
pub fn show(app: &crate::app::App, editor: &TextArea, area: Rect, buf: &mut Buffer) {
    app.drawn_cursor.set(draw(editor, area, buf));
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
