//! Choosing a workbook at start-up, when several exist and none was named.

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::theme::THEME;
use crate::ui::widgets;
use crate::workbooks::Place;

/// The list and the option under the cursor.
#[derive(Debug, Clone)]
pub struct Picker {
    /// Each workbook's name and a few words about it.
    pub options: Vec<String>,
    pub selected: usize,
}

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Open(usize),
    Quit,
}

impl Picker {
    /// A picker over `places`, each described by `about` (its partners' names).
    pub fn new(places: &[Place], about: impl Fn(&Place) -> String) -> Picker {
        let width = places
            .iter()
            .map(|p| p.name.chars().count())
            .max()
            .unwrap_or(0);
        Picker {
            options: places
                .iter()
                .map(|p| format!("{:<width$}  {}", p.name, about(p)))
                .collect(),
            selected: 0,
        }
    }

    /// Applies a key: arrows (and j/k) move, Enter opens, Esc, q and Ctrl-c leave.
    pub fn key(&mut self, key: KeyEvent) -> Option<Outcome> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let n = self.options.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1));
            }
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = n.saturating_sub(1),
            KeyCode::Enter => return Some(Outcome::Open(self.selected)),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Some(Outcome::Quit);
            }
            KeyCode::Esc | KeyCode::Char('q') => return Some(Outcome::Quit),
            _ => {}
        }
        None
    }

    /// Draws the picker over the whole area.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let [top, body, bottom] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        buf.set_style(top, THEME.title_bar);
        Line::from(vec![
            Span::styled(" mentorbook ", THEME.app_name),
            Span::styled("│ Choose a workbook", THEME.title_bar),
        ])
        .render(top, buf);
        // Only the rows that fit, keeping the selection in view.
        let room = body.height.saturating_sub(6).max(1) as usize;
        let first = self.selected.saturating_sub(room - 1);
        let shown: Vec<String> = self
            .options
            .iter()
            .skip(first)
            .take(room)
            .cloned()
            .collect();
        widgets::pick(
            body,
            "Workbooks",
            "Several workbooks are in the data folder. Which one?",
            &shown,
            self.selected - first,
            buf,
        );
        Line::from(vec![
            Span::styled("↑↓", THEME.key),
            Span::styled(" choose  ", THEME.hint),
            Span::styled("Enter", THEME.key),
            Span::styled(" open  ", THEME.hint),
            Span::styled("q/Esc", THEME.key),
            Span::styled(" quit", THEME.hint),
        ])
        .render(bottom, buf);
    }
}

/// Shows the picker in the terminal until a choice is made. `None`: the user left.
pub fn run(
    terminal: &mut ratatui::DefaultTerminal,
    mut picker: Picker,
) -> std::io::Result<Option<usize>> {
    loop {
        terminal.draw(|f| picker.render(f.area(), f.buffer_mut()))?;
        if let Event::Key(key) = event::read()? {
            match picker.key(key) {
                Some(Outcome::Open(i)) => return Ok(Some(i)),
                Some(Outcome::Quit) => return Ok(None),
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_move_within_the_list_and_enter_opens() {
        let mut p = Picker {
            options: vec!["a".into(), "b".into()],
            selected: 0,
        };
        assert_eq!(p.key(press(KeyCode::Up)), None);
        assert_eq!(p.selected, 0);
        p.key(press(KeyCode::Down));
        p.key(press(KeyCode::Char('j')));
        assert_eq!(p.selected, 1);
        assert_eq!(p.key(press(KeyCode::Enter)), Some(Outcome::Open(1)));
        assert_eq!(p.key(press(KeyCode::Esc)), Some(Outcome::Quit));
    }
}
