//! The state machine's nouns: which screen is shown, what the keyboard is doing, what is focused.

use ratatui_textarea::TextArea;

use crate::field::{Choice, Field, ListKind};

/// A screen of the app. Adding one is a compile error until every `match` handles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The overview of the whole workbook.
    Home,
    /// The conversation with yourself.
    Reflection,
    /// Getting to know a prospective partner.
    Prospect,
    /// The partnership agreement and ground rules.
    Agreement,
    /// The mentoring plan: topics in three areas.
    Plan,
    /// The Personal Vision Statement worksheet.
    Vision,
    /// Closure and redefinition.
    Closure,
}

impl Screen {
    /// Every screen, overview first.
    pub const ALL: [Screen; 7] = [
        Screen::Home,
        Screen::Reflection,
        Screen::Prospect,
        Screen::Agreement,
        Screen::Plan,
        Screen::Vision,
        Screen::Closure,
    ];
    /// The exercises, in lifecycle order (everything after the overview): the overview lists
    /// them and `Tab` walks them.
    pub const EXERCISES: &'static [Screen] = Screen::ALL.split_at(1).1;

    /// The name shown in the title bar and on the overview.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Home => "Overview",
            Screen::Reflection => "Conversation with yourself",
            Screen::Prospect => "Prospective partner",
            Screen::Agreement => "Partnership agreement",
            Screen::Plan => "Mentoring plan",
            Screen::Vision => "Personal Vision Statement",
            Screen::Closure => "Closure and what comes next",
        }
    }

    /// Position in [`Screen::ALL`], for per-screen state.
    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The exercise after this one (from the overview: the first).
    pub fn next(self) -> Screen {
        let ex = Screen::EXERCISES;
        match ex.iter().position(|s| *s == self) {
            Some(i) => ex[(i + 1) % ex.len()],
            None => ex[0],
        }
    }

    /// The exercise before this one (from the overview: the last).
    pub fn prev(self) -> Screen {
        let ex = Screen::EXERCISES;
        match ex.iter().position(|s| *s == self) {
            Some(i) => ex[(i + ex.len() - 1) % ex.len()],
            None => ex[ex.len() - 1],
        }
    }
}

/// Something on a screen that the focus can rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A text field: Enter edits it.
    Field(Field),
    /// The "add" row under a list: Enter appends an item and edits it.
    Add(ListKind),
    /// A value picked from a few options: Enter moves it on.
    Choice(Choice),
    /// An exercise on the overview: Enter opens it.
    Open(Screen),
}

/// The one live text editor, and what it is editing.
#[derive(Debug)]
pub struct Editing {
    pub field: Field,
    pub editor: TextArea<'static>,
    /// The item was created by this edit: leaving it empty removes it again.
    pub new_item: bool,
    /// Why the last attempt to leave failed (a date that does not parse).
    pub error: Option<String>,
}

impl Editing {
    /// The editor's text as it will be stored.
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }
}

/// A question waiting for y or n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Delete a list item.
    Delete(Field),
    /// The last save failed: quit anyway?
    QuitUnsaved,
}

/// What the keyboard is doing.
#[derive(Debug)]
pub enum Mode {
    /// Keys are commands.
    Browse,
    /// The text editor owns the keyboard; `Esc` leaves it keeping the text.
    Edit(Box<Editing>),
    /// y / n.
    Confirm(Confirm),
    /// The key overlay; any key closes it and returns to the editor it was opened from, if any.
    Help(Option<Box<Editing>>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_prev_walk_the_exercises_and_wrap() {
        assert_eq!(Screen::Home.next(), Screen::Reflection);
        assert_eq!(Screen::Vision.next(), Screen::Closure);
        assert_eq!(Screen::Closure.next(), Screen::Reflection);
        assert_eq!(Screen::Home.prev(), Screen::Closure);
        assert_eq!(Screen::Reflection.prev(), Screen::Closure);
        assert_eq!(Screen::ALL[0], Screen::Home);
        for s in Screen::ALL {
            assert_eq!(Screen::ALL[s.index()], s);
        }
    }
}
