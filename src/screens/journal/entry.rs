//! One journal entry: the text in a large soft-wrapping box, then its tags, its link and
//! whether it is private.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::field::{Choice, Field};
use crate::keys::{Binding, ENTER, MOVE, Msg, back_to, explained, plain};
use crate::model::Workbook;
use crate::nav::Target;
use crate::screens::form::{editor_for, is_focused, text_box};
use crate::theme::THEME;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    explained(
        &[plain('p')],
        "p",
        "private",
        "private (never in call mode or exports), or not",
        Msg::TogglePrivate,
    ),
    explained(
        &[plain(']')],
        "]",
        "older",
        "the next entry of the list (older), to read on",
        Msg::NextEntry(true),
    ),
    explained(
        &[plain('[')],
        "[",
        "newer",
        "the previous entry of the list (newer)",
        Msg::NextEntry(false),
    ),
    explained(
        &[plain('T')],
        "T",
        "keep as template",
        "keep this text as a template (named by line one)",
        Msg::Template,
    ),
    back_to("back to the journal"),
];

/// Where the focus can rest, top to bottom.
pub fn targets(wb: &Workbook, e: usize) -> Vec<Target> {
    if e >= wb.journal.len() {
        return Vec::new();
    }
    vec![
        Target::Field(Field::Entry(e)),
        Target::Field(Field::EntryTags(e)),
        Target::Choice(Choice::EntryLink(e)),
        Target::Choice(Choice::EntryPrivate(e)),
        Target::Field(Field::EntryAt(e)),
    ]
}

fn row(app: &App, target: Target, label: &str, value: Line<'static>, area: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, target);
    let [l, v] = area.layout(&Layout::horizontal([
        Constraint::Length(14),
        Constraint::Fill(1),
    ]));
    Line::from(vec![
        Span::styled(if focused { "› " } else { "  " }, THEME.key),
        Span::styled(label.to_string(), THEME.label),
    ])
    .render(l, buf);
    let style = if focused { THEME.focus_row } else { THEME.text };
    crate::screens::sheet::fit_line(&value, v.width)
        .style(style)
        .render(v, buf);
}

/// A one-line field being edited: its label, then the editor.
fn editing_row(
    app: &App,
    label: &str,
    editor: &ratatui_textarea::TextArea<'static>,
    area: Rect,
    buf: &mut Buffer,
) {
    let [l, v] = area.layout(&Layout::horizontal([
        Constraint::Length(14),
        Constraint::Fill(1),
    ]));
    Line::from(vec![
        Span::styled("› ", THEME.key),
        Span::styled(label.to_string(), THEME.label),
    ])
    .render(l, buf);
    crate::screens::editor::show(app, editor, v, buf);
}

/// Draws the screen.
pub fn render(app: &App, e: usize, area: Rect, buf: &mut Buffer) {
    let wb = &app.workbook;
    let Some(entry) = wb.journal.get(e) else {
        Line::from(Span::styled(
            " This entry is no longer in the journal. Esc goes back.",
            THEME.hint,
        ))
        .render(area, buf);
        return;
    };
    let [head, body, tags, link, private, written] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    Line::from(vec![
        Span::styled(" Written ", THEME.label),
        Span::styled(
            entry.at.format("%A %Y-%m-%d %H:%M (UTC%:z)").to_string(),
            THEME.text,
        ),
    ])
    .render(head, buf);
    if wb.journal.is_head(e) {
        // Its month's file could not be read (the shell said why): nothing to show or edit.
        Line::from(Span::styled(
            " The text of this entry cannot be read from its month's file; `mentorbook check` \
             says why. Esc goes back.",
            THEME.warning,
        ))
        .render(body, buf);
    } else {
        text_box(app, body, buf, Field::Entry(e), None);
    }
    let tag_field = Field::EntryTags(e);
    let at_field = Field::EntryAt(e);
    match editor_for(app, at_field) {
        Some(editor) => editing_row(app, "Written", editor, written, buf),
        None => {
            let value = Line::raw(entry.at.format("%Y-%m-%d %H:%M (UTC%:z)").to_string());
            row(app, Target::Field(at_field), "Written", value, written, buf);
        }
    }
    match editor_for(app, tag_field) {
        Some(editor) => editing_row(app, "Tags", editor, tags, buf),
        None => {
            let value = if entry.tags.is_empty() {
                Line::from(Span::styled(
                    super::ENTRY_TAGS.placeholder,
                    THEME.placeholder,
                ))
            } else {
                Line::raw(
                    entry
                        .tags
                        .iter()
                        .map(|t| format!("#{t}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            };
            row(app, Target::Field(tag_field), "Tags", value, tags, buf);
        }
    }
    for (choice, label, area) in [
        (Choice::EntryLink(e), "Linked to", link),
        (Choice::EntryPrivate(e), "Private", private),
    ] {
        let value = Line::raw(choice.value(wb));
        row(app, Target::Choice(choice), label, value, area, buf);
    }
}
