//! The overview: who the partnership is, where it stands, and how far each exercise is.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::field::Field;
use crate::keys::{Binding, Key, MOVE, Msg};
use crate::model::{Progress, Workbook};
use crate::nav::{Screen, Target};
use crate::screens::progress;
use crate::ui::form::{is_focused, value_line, value_row};
use crate::ui::theme::THEME;
use crate::ui::widgets::{field_block, text_block};

/// Overview keys.
pub const KEYS: &[Binding] = &[
    MOVE,
    Binding {
        keys: &[Key(KeyCode::Enter, crossterm::event::KeyModifiers::NONE)],
        label: "Enter",
        hint: "open / edit",
        help: "edit a name, move the phase on, or open an exercise",
        msg: Some(Msg::Activate),
        footer: true,
    },
    Binding {
        keys: &[Key(
            KeyCode::Char('p'),
            crossterm::event::KeyModifiers::NONE,
        )],
        label: "p",
        hint: "next phase",
        help: "move the relationship phase on (it wraps round)",
        msg: Some(Msg::CyclePhase),
        footer: true,
    },
];

/// Names first, then the phase, then the exercises.
pub fn targets(_wb: &Workbook) -> Vec<Target> {
    let mut t = vec![
        Target::Field(Field::Title),
        Target::Field(Field::Mentee),
        Target::Field(Field::Mentor),
        Target::Phase,
    ];
    t.extend(Screen::EXERCISES.iter().map(|s| Target::Open(*s)));
    t
}

/// Draws the overview.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let wb = &app.workbook;
    let [about, exercises, next, data] = area.layout(&Layout::vertical([
        Constraint::Length(6),
        Constraint::Length(Screen::EXERCISES.len() as u16 + 2),
        Constraint::Length(5),
        Constraint::Length(if app.location.is_some() { 5 } else { 0 }),
    ]));

    let focused_here = [Field::Title, Field::Mentee, Field::Mentor]
        .iter()
        .any(|f| is_focused(app, Target::Field(*f)))
        || is_focused(app, Target::Phase);
    let block = field_block("This workbook", focused_here, false);
    let inner = block.inner(about);
    block.render(about, buf);
    let rows: [Rect; 4] = inner.layout(&Layout::vertical([Constraint::Length(1); 4]));
    for (row, field) in rows
        .iter()
        .zip([Field::Title, Field::Mentee, Field::Mentor])
    {
        let text = field.text(wb).unwrap_or_default();
        value_row(
            app,
            *row,
            buf,
            field.label(),
            value_line(text, field),
            Target::Field(field),
        );
    }
    let phase = Line::from(vec![
        Span::raw(wb.phase.name()),
        Span::styled(format!(": {}", wb.phase.about()), THEME.hint),
    ]);
    value_row(app, rows[3], buf, "Phase", phase, Target::Phase);

    let any_exercise = Screen::EXERCISES
        .iter()
        .any(|s| is_focused(app, Target::Open(*s)));
    let block = field_block("Exercises", any_exercise, false);
    let inner = block.inner(exercises);
    block.render(exercises, buf);
    for (i, screen) in Screen::EXERCISES.iter().enumerate() {
        let row = Rect {
            y: inner.y + i as u16,
            height: 1,
            ..inner
        };
        exercise_row(app, row, buf, i, *screen);
    }

    Paragraph::new(next_step(wb))
        .wrap(Wrap { trim: true })
        .block(text_block("Next step", false, false))
        .render(next, buf);

    if let Some(path) = &app.location {
        let dir = path.parent().unwrap_or(path);
        let text = format!(
            "Saved as you type to {}. Earlier versions are kept in {}.",
            path.display(),
            dir.join("backups").display()
        );
        Paragraph::new(text)
            .style(THEME.hint)
            .wrap(Wrap { trim: true })
            .block(text_block("Your data", false, false))
            .render(data, buf);
    }
}

fn exercise_row(app: &App, area: Rect, buf: &mut Buffer, i: usize, screen: Screen) {
    let focused = is_focused(app, Target::Open(screen));
    let p = progress(screen, &app.workbook).unwrap_or(Progress { done: 0, total: 0 });
    let bar: String = (0..p.total)
        .map(|k| if k < p.done { '■' } else { '□' })
        .collect();
    let (state, style) = if p.is_complete() {
        ("complete", THEME.done)
    } else if p.is_empty() {
        ("not started", THEME.hint)
    } else {
        ("in progress", THEME.warning)
    };
    let name_style = if focused { THEME.focus_row } else { THEME.text };
    Line::from(vec![
        Span::styled(if focused { "› " } else { "  " }, THEME.key),
        Span::styled(format!("{} ", i + 1), THEME.key),
        Span::styled(format!("{:<30}", screen.title()), name_style),
        Span::styled(format!(" {bar} "), style),
        Span::styled(format!("{} of {} parts · {state}", p.done, p.total), style),
    ])
    .render(area, buf);
}

/// A suggestion for what to do next, from what is still missing.
pub fn next_step(wb: &Workbook) -> String {
    let v = &wb.vision;
    let mut missing = Vec::new();
    if !v.strengths.iter().any(|s| !s.trim().is_empty()) {
        missing.push("your strengths");
    }
    if !v.limitations.iter().any(|s| !s.trim().is_empty()) {
        missing.push("your limitations");
    }
    if v.improvements.trim().is_empty() {
        missing.push("what to develop and improve");
    }
    if v.statement.trim().is_empty() {
        missing.push("the statement itself");
    }
    if missing.is_empty() {
        return "Your vision statement is complete. Read it aloud to your mentor at your next \
                meeting: does it still sound like you?"
            .into();
    }
    let start = if missing.len() == 4 {
        "Start with your Personal Vision Statement (press 1, or Enter on it below). "
    } else {
        "Continue your Personal Vision Statement. "
    };
    format!("{start}Still to write: {}.", missing.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_step_lists_what_is_missing() {
        let mut wb = Workbook::default();
        assert!(next_step(&wb).starts_with("Start with"));
        wb.vision.strengths.push("patient".into());
        wb.vision.statement = "I lead.".into();
        assert_eq!(
            next_step(&wb),
            "Continue your Personal Vision Statement. Still to write: your limitations, what to develop and improve."
        );
        wb.vision.limitations.push("impatient".into());
        wb.vision.improvements = "x".into();
        assert!(next_step(&wb).contains("complete"));
    }
}
