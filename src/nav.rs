//! The state machine's nouns: which screen is shown, what the keyboard is doing, what is focused.

use ratatui_textarea::TextArea;

use crate::field::{Choice, Field, ListKind};
pub use crate::lifecycle::Exercise;

/// A screen of the app. Adding one is a compile error until every `match` handles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The overview of the whole workbook.
    Home,
    /// An exercise's own screen.
    Exercise(Exercise),
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
    /// What a merge with another copy left to choose.
    Merge,
    /// The other partner's plan from their last share packet, read-only, with my notes.
    Partner,
}

impl Screen {
    /// The overview, then every exercise in the one order.
    pub fn top_level() -> impl Iterator<Item = Screen> {
        std::iter::once(Screen::Home).chain(Exercise::ALL.map(Screen::Exercise))
    }

    /// One page of each kind below the exercises (on the first item), for code that visits
    /// every kind of screen: the help check, the size sweep, the benchmarks.
    pub const PAGE_KINDS: [Screen; 9] = [
        Screen::Goal(0),
        Screen::Worksheet(0),
        Screen::Glance(0),
        Screen::Conversation(0),
        Screen::CheckIn(0),
        Screen::Entry(0),
        Screen::Review(0),
        Screen::Merge,
        Screen::Partner,
    ];

    /// How many screens keep a focus: the overview, the exercises and the kinds of page
    /// below them (each kind shares one slot across its items).
    pub const SLOTS: usize = 1 + Exercise::ALL.len() + Screen::PAGE_KINDS.len();

    /// The name shown in the title bar.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Home => "Overview",
            Screen::Exercise(e) => e.title(),
            Screen::Goal(_) => "SMART goal",
            Screen::Worksheet(_) => "Mentoring Action Plan",
            Screen::Glance(_) => "Action plan at a glance",
            Screen::Conversation(_) => "Conversation",
            Screen::CheckIn(_) => "Check-in",
            Screen::Entry(_) => "Journal entry",
            Screen::Review(_) => "Review together",
            Screen::Merge => "Merge: choose what to keep",
            Screen::Partner => "Partner view",
        }
    }

    /// Slot for per-screen state (the focus): one per top-level screen, one per kind of page.
    pub fn slot(self) -> usize {
        let pages = 1 + Exercise::ALL.len();
        match self {
            Screen::Home => 0,
            Screen::Exercise(e) => 1 + e.index(),
            Screen::Goal(_) => pages,
            Screen::Worksheet(_) => pages + 1,
            Screen::Glance(_) => pages + 2,
            Screen::Conversation(_) => pages + 3,
            Screen::CheckIn(_) => pages + 4,
            Screen::Entry(_) => pages + 5,
            Screen::Review(_) => pages + 6,
            Screen::Merge => pages + 7,
            Screen::Partner => pages + 8,
        }
    }

    /// Whether this is a page below an exercise (one record's page).
    pub fn is_page(self) -> bool {
        !matches!(self, Screen::Home | Screen::Exercise(_))
    }

    /// Where Esc leads: a goal's screens back up towards the list of goals, an exercise to
    /// the overview.
    pub fn parent(self) -> Screen {
        match self {
            Screen::Home | Screen::Exercise(_) | Screen::Merge | Screen::Partner => Screen::Home,
            Screen::Goal(_) => Screen::Exercise(Exercise::Goals),
            Screen::Worksheet(g) => Screen::Goal(g),
            Screen::Glance(g) => Screen::Worksheet(g),
            Screen::Conversation(_) | Screen::CheckIn(_) | Screen::Review(_) => {
                Screen::Exercise(Exercise::Conversations)
            }
            Screen::Entry(_) => Screen::Exercise(Exercise::Journal),
        }
    }

    /// The exercise this screen belongs to (none for the overview).
    pub fn exercise(self) -> Option<Exercise> {
        match self {
            Screen::Home | Screen::Merge | Screen::Partner => None,
            Screen::Exercise(e) => Some(e),
            Screen::Goal(_) | Screen::Worksheet(_) | Screen::Glance(_) => Some(Exercise::Goals),
            Screen::Conversation(_) | Screen::CheckIn(_) | Screen::Review(_) => {
                Some(Exercise::Conversations)
            }
            Screen::Entry(_) => Some(Exercise::Journal),
        }
    }

    /// The exercise after this one's (from the overview: the first).
    pub fn next(self) -> Screen {
        Screen::Exercise(self.exercise().map_or(Exercise::ALL[0], Exercise::next))
    }

    /// The exercise before this one's (from the overview: the last).
    pub fn prev(self) -> Screen {
        let last = Exercise::ALL[Exercise::ALL.len() - 1];
        Screen::Exercise(self.exercise().map_or(last, Exercise::prev))
    }
}

/// Something on a screen that the focus can rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Creates {
    Conversation,
    CheckIn,
}

/// What the live editor is editing: a value in the workbook, or the journal's filter (which
/// lives beside the workbook and is never saved).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editable {
    Field(Field),
    JournalFilter,
}

/// The one live text editor, and what it is editing.
#[derive(Debug)]
pub struct Editing {
    pub what: Editable,
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

    /// The workbook field being edited, if it is one.
    pub fn field(&self) -> Option<Field> {
        match self.what {
            Editable::Field(f) => Some(f),
            Editable::JournalFilter => None,
        }
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
    /// `p` on the last phase: go back to the first one?
    FirstPhase,
    /// An earlier phase picked: move back to it?
    PhaseBack(crate::model::Phase),
    /// `X`: clear conversation `c`'s agenda?
    ClearAgenda(usize),
    /// Goal `g` was given a deadline already past: keep it, or put back the one before?
    PastDeadline(usize, Option<chrono::NaiveDate>),
    /// Conversation `c` made of a kind whose step before is missing: out of order?
    ArcOrder(usize, crate::model::ConversationKind),
    /// A crash left text in a recovery file (written at this time): take it back?
    Recover(String),
    /// `R` with no conversation today: start one, or review without creating anything?
    StartToday,
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
    /// The journal's month view, on this day.
    Calendar(chrono::NaiveDate),
    /// The search across the whole workbook.
    Search(Box<Search>),
}

/// A text the workbook-wide search looks in: where it is (its page and the field on it),
/// what to call it, and its words folded (`model::plain`).
#[derive(Debug, Clone)]
pub struct Place {
    pub screen: Screen,
    pub target: Target,
    pub label: String,
    pub date: Option<chrono::NaiveDate>,
    pub private: bool,
    pub folded: String,
}

/// The search box, the places it looks in (gathered when it opened) and what it found.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub selected: usize,
    pub places: std::sync::Arc<Vec<Place>>,
    /// Indexes into `places`, in the workbook's order.
    pub found: Vec<usize>,
    /// More places match than `found` holds.
    pub more: bool,
    /// What the queries typed before found (the latest last): Backspace returns to one
    /// without searching again.
    pub earlier: Vec<(String, Vec<usize>, bool)>,
}

impl Mode {
    /// The live editor, also while the help overlay is open over it.
    pub fn editing(&self) -> Option<&Editing> {
        match self {
            Mode::Edit(e) | Mode::Help(Some(e)) => Some(e),
            _ => None,
        }
    }
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
    /// The relationship's phase.
    Phase,
    /// The goal whose plan commitment `k` of conversation `c` joins as a step.
    StepGoal(usize, usize),
    /// What journal entry `i` is linked to.
    Link(usize),
    /// A tag in use, to filter the journal by.
    Tag,
    /// The template a new entry starts from.
    Template,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_prev_walk_the_exercises_and_wrap() {
        let ex = Screen::Exercise;
        assert_eq!(Screen::Home.next(), ex(Exercise::Reflection));
        assert_eq!(ex(Exercise::Vision).next(), ex(Exercise::Brainstorm));
        assert_eq!(ex(Exercise::Goals).next(), ex(Exercise::Conversations));
        assert_eq!(Screen::Worksheet(2).next(), ex(Exercise::Conversations));
        assert_eq!(Screen::Entry(3).parent(), ex(Exercise::Journal));
        assert_eq!(Screen::Glance(0).parent(), Screen::Worksheet(0));
        assert_eq!(Screen::Goal(0).parent(), ex(Exercise::Goals));
        assert_eq!(Screen::Goal(1).slot(), Screen::Goal(4).slot());
        assert_eq!(ex(Exercise::Journal).next(), ex(Exercise::Reflection));
        assert_eq!(Screen::Home.prev(), ex(Exercise::Journal));
        assert_eq!(ex(Exercise::Reflection).prev(), ex(Exercise::Journal));
        let mut slots: Vec<usize> = Screen::top_level()
            .chain(Screen::PAGE_KINDS)
            .map(Screen::slot)
            .collect();
        slots.dedup();
        assert_eq!(slots, (0..Screen::SLOTS).collect::<Vec<_>>());
    }
}
