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
    /// Brainstorming development goals.
    Brainstorm,
    /// The SMART goals, one row each.
    Goals,
    /// The conversation log and the check-ins.
    Conversations,
    /// Closure and redefinition.
    Closure,
    /// The journal: every entry, newest first, filtered.
    Journal,
    /// One SMART goal (position in the workbook's goals).
    Goal(usize),
    /// The Mentoring Action Plan worksheet of one goal.
    Worksheet(usize),
    /// One goal's worksheet and step sequence on a single read-only page, for calls.
    Glance(usize),
    /// One conversation: before, during, after (position in the workbook's conversations).
    Conversation(usize),
    /// One check-in record.
    CheckIn(usize),
    /// One journal entry.
    Entry(usize),
    /// Reviewing with the partner: a read-only reference beside conversation `c`'s notes.
    Review(usize),
}

impl Screen {
    /// Every top-level screen, overview first. A goal's own screens hang below `Goals`.
    pub const ALL: [Screen; 11] = [
        Screen::Home,
        Screen::Reflection,
        Screen::Prospect,
        Screen::Agreement,
        Screen::Plan,
        Screen::Vision,
        Screen::Brainstorm,
        Screen::Goals,
        Screen::Conversations,
        Screen::Closure,
        Screen::Journal,
    ];
    /// One page of each kind below the exercises (on the first item), for code that visits
    /// every kind of screen: the help check, the size sweep, the benchmarks.
    pub const PAGE_KINDS: [Screen; 7] = [
        Screen::Goal(0),
        Screen::Worksheet(0),
        Screen::Glance(0),
        Screen::Conversation(0),
        Screen::CheckIn(0),
        Screen::Entry(0),
        Screen::Review(0),
    ];
    /// How many screens keep a focus: the top-level ones and the kinds of page below them
    /// (each kind shares one slot across its items).
    pub const SLOTS: usize = Screen::ALL.len() + Screen::PAGE_KINDS.len();
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
            Screen::Brainstorm => "Brainstorming goals",
            Screen::Goals => "SMART goals",
            Screen::Conversations => "Conversations and check-ins",
            Screen::Closure => "Closure and what comes next",
            Screen::Journal => "Journal",
            Screen::Goal(_) => "SMART goal",
            Screen::Worksheet(_) => "Mentoring Action Plan",
            Screen::Glance(_) => "Action plan at a glance",
            Screen::Conversation(_) => "Conversation",
            Screen::CheckIn(_) => "Check-in",
            Screen::Entry(_) => "Journal entry",
            Screen::Review(_) => "Review together",
        }
    }

    /// Slot for per-screen state: the position in [`Screen::ALL`], or one past it per kind
    /// of goal screen.
    pub fn index(self) -> usize {
        let n = Screen::ALL.len();
        match self {
            Screen::Goal(_) => n,
            Screen::Worksheet(_) => n + 1,
            Screen::Glance(_) => n + 2,
            Screen::Conversation(_) => n + 3,
            Screen::CheckIn(_) => n + 4,
            Screen::Entry(_) => n + 5,
            Screen::Review(_) => n + 6,
            s => Screen::ALL.iter().position(|x| *x == s).unwrap_or(0),
        }
    }

    /// Where Esc leads: a goal's screens back up towards the list of goals, an exercise to
    /// the overview.
    pub fn parent(self) -> Screen {
        match self {
            Screen::Goal(_) => Screen::Goals,
            Screen::Worksheet(g) => Screen::Goal(g),
            Screen::Glance(g) => Screen::Worksheet(g),
            Screen::Conversation(_) | Screen::CheckIn(_) | Screen::Review(_) => {
                Screen::Conversations
            }
            Screen::Entry(_) => Screen::Journal,
            _ => Screen::Home,
        }
    }

    /// The exercise this screen belongs to (itself for a top-level screen).
    pub fn exercise(self) -> Screen {
        match self {
            Screen::Goal(_) | Screen::Worksheet(_) | Screen::Glance(_) => Screen::Goals,
            Screen::Conversation(_) | Screen::CheckIn(_) | Screen::Review(_) => {
                Screen::Conversations
            }
            Screen::Entry(_) => Screen::Journal,
            s => s,
        }
    }

    /// The exercise after this one (from the overview: the first).
    pub fn next(self) -> Screen {
        let ex = Screen::EXERCISES;
        match ex.iter().position(|s| *s == self.exercise()) {
            Some(i) => ex[(i + 1) % ex.len()],
            None => ex[0],
        }
    }

    /// The exercise before this one (from the overview: the last).
    pub fn prev(self) -> Screen {
        let ex = Screen::EXERCISES;
        match ex.iter().position(|s| *s == self.exercise()) {
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
    /// An exercise on the overview, or an item with a page of its own: Enter opens it.
    Open(Screen),
    /// A row that creates a dated record (it needs the clock, so `update` makes it).
    Create(Creates),
}

/// The two panes of the review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    /// The read-only reference on the left (or on top, when stacked).
    Reference,
    /// Today's conversation, editable.
    #[default]
    Notes,
}

/// A record made at a moment in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Creates {
    Conversation,
    CheckIn,
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
    /// Delete a whole record and what hangs on it.
    DeleteRecord(Record),
    /// The last save failed: quit anyway?
    QuitUnsaved,
    /// A crash left text in a recovery file (written at this time): take it back?
    Recover(String),
}

/// A record with a page of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Goal(usize),
    Conversation(usize),
    CheckIn(usize),
    Entry(usize),
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
    /// Picking one option from a short list.
    Pick(Pick),
}

/// A list to pick from, and the option under the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    pub what: PickWhat,
    pub selected: usize,
}

/// What is being picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickWhat {
    /// A status for goal `g`.
    Status(usize),
    /// Three goals are active and goal `g` should be: which active one makes room?
    MakeRoom(usize),
    /// The kind of conversation `c`.
    Kind(usize),
    /// The goal whose plan commitment `k` of conversation `c` joins as a step.
    StepGoal(usize, usize),
    /// What journal entry `i` is linked to.
    Link(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_prev_walk_the_exercises_and_wrap() {
        assert_eq!(Screen::Home.next(), Screen::Reflection);
        assert_eq!(Screen::Vision.next(), Screen::Brainstorm);
        assert_eq!(Screen::Goals.next(), Screen::Conversations);
        assert_eq!(Screen::Worksheet(2).next(), Screen::Conversations);
        assert_eq!(Screen::Entry(3).parent(), Screen::Journal);
        assert_eq!(Screen::Glance(0).parent(), Screen::Worksheet(0));
        assert_eq!(Screen::Goal(0).parent(), Screen::Goals);
        assert_eq!(Screen::Goal(1).index(), Screen::Goal(4).index());
        assert_eq!(Screen::Journal.next(), Screen::Reflection);
        assert_eq!(Screen::Home.prev(), Screen::Journal);
        assert_eq!(Screen::Reflection.prev(), Screen::Journal);
        assert_eq!(Screen::ALL[0], Screen::Home);
        for s in Screen::ALL {
            assert_eq!(Screen::ALL[s.index()], s);
        }
    }
}
