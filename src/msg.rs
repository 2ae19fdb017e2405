//! What the user asks for ([`Msg`], from a key) and what the shell is asked to do
//! ([`Effect`], from `update`): the words the layers use to talk to each other.

use crossterm::event::KeyEvent;

use crate::field::Field;
use crate::lifecycle::Exercise;
use crate::model::GoalStatus;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    /// Enter: edit the focused field, open the focused exercise, add to a list.
    Activate,
    /// Esc in browse mode: back to the overview.
    Back,
    Add,
    Delete,
    CyclePhase,
    /// `x`: tick the focused item: a topic discussed, a milestone done, a step moved on.
    Toggle,
    /// Mentoring plan: mark the focused topic private (or not).
    TogglePrivate,
    /// Agreement or action plan: record that it was reviewed today.
    MarkReviewed,
    /// `o`: move the focused item's option on: a step's owner, a resource's helper, a
    /// measure's kind.
    Cycle,
    /// `t`: edit the focused milestone's date or step's due date.
    EditDate,
    /// `b`: edit the steps the focused step waits for.
    EditAfter,
    /// `u`: the kind of support the focused action step asks of the mentor.
    CycleSupport,
    /// `F` on closure: start a workbook of one's own as a mentor.
    PayItForward,
    /// `e`: edit the focused win's evidence.
    EditEvidence,
    /// `l`: link the focused win to the next goal.
    LinkGoal,
    /// `]` / `[` on a journal entry: the next (older) or previous (newer) entry of the list.
    NextEntry(bool),
    /// `N`: write the conversation's notes, from anywhere on its page.
    WriteNotes,
    /// `M`: write the conversation's minutes to a file.
    WriteMinutes,
    /// `X`: take every item off the conversation's agenda (asks).
    ClearAgenda,
    /// `S`: add the suggested items the conversation's agenda does not hold yet.
    SuggestAgenda,
    /// `K` / `J`: move the focused item up (true) or down.
    MoveItem(bool),
    /// `g`: turn the focused brainstorm candidate into a goal.
    Promote,
    /// `w`: open the focused goal's action-plan worksheet.
    OpenWorksheet,
    /// `v`: the worksheet at a glance.
    OpenGlance,
    /// `s`: pick a status for the focused goal.
    PickStatus,
    /// Three goals are active: pause, finish or drop the selected one to make room.
    MakeRoom(GoalStatus),
    /// `n`, from anywhere: a new journal entry, written at once.
    NewEntry,
    /// `/`: edit the journal's filter.
    Filter,
    /// `t` on the journal: the tags in use, to filter by one.
    TagList,
    /// `o` on the journal: the entries of this day in earlier years.
    OnThisDay,
    /// `m` on the journal: a month to pick a day from.
    MonthView,
    /// `T`: on the journal, a new entry from a template; on an entry, keep it as one.
    Template,
    /// In the month view: move this many days.
    Day(i64),
    /// In the month view: move this many months.
    MonthStep(i32),
    /// `c`: make the focused commitment an action step on a goal.
    ToStep,
    /// `i` on the conversation log: a new check-in record.
    AddCheckIn,
    /// Journal list: a page up or down, the newest or oldest entry.
    PageUp,
    PageDown,
    First,
    Last,
    NextScreen,
    PrevScreen,
    /// Open an exercise (by its number key).
    OpenExercise(Exercise),
    /// A digit typed on a focused date, time or number of days: its editor opens
    /// with the digit typed (a date typed ahead never switches exercise).
    TypeInto(char),
    Help,
    CloseHelp,
    Quit,
    SaveNow,
    /// `Ctrl-l`: draw the whole screen anew (after another program wrote over it).
    Redraw,
    /// Ctrl-c: keep whatever is in the editor, save and quit, from anywhere.
    SaveAndQuit,
    Answer(bool),
    /// Esc in the editor: leave it, keeping the text.
    CommitEdit,
    Undo,
    /// Any other key while editing goes to the text editor.
    EditKey(KeyEvent),
    /// Bracketed paste while editing: inserted literally.
    Paste(String),
    /// A paste outside an editor is never read as commands.
    PasteIgnored,
    /// `E`: write the focused text field in $VISUAL or $EDITOR.
    EditOutside,
    /// `C`: call mode on or off.
    CallMode,
    /// `W`: save, let this workbook go and open another (the shell shows the picker).
    SwitchWorkbook,
    /// `Ctrl-f`: the search across the whole workbook.
    Search,
    /// `R`: review with the partner, side by side.
    Review,
    /// The overview's `P`: the partner view.
    OpenPartner,
    /// The review's `P`: the reference shows the partner's workbook (or mine again).
    PartnerReference,
    /// The overview's `m`: the merge screen, to choose between two copies' values.
    OpenMerge,
    /// The merge screen: keep this workbook's side, the other copy's, or both.
    KeepLeft,
    KeepRight,
    KeepBoth,
    /// Review: the other pane gets the keys.
    SwitchPane,
    /// Review: the next (true) or previous reference.
    SwapReference(bool),
    /// Review: a wider (true) or narrower reference pane.
    Split(bool),
}

/// I/O the shell performs after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Save now (a field was left, a screen changed, the user asked).
    Save,
    /// Save, then quit; if the save fails, ask before quitting.
    Quit,
    /// Quit without another save attempt (the user confirmed).
    ForceQuit,
    /// Take back the text a crash left (true) or set it aside (false).
    Recover(bool),
    /// Clear the terminal and draw every cell again.
    Redraw,
    /// Hand this field's text to the user's own editor, then take it back.
    EditOutside(Field),
    /// Write conversation `c`'s minutes to a Markdown file in the data folder.
    WriteMinutes(usize),
    /// Save, then offer the other workbooks of the data folder (see `main.rs`).
    SwitchWorkbook,
    /// Save, then make and open a workbook where this one's mentee is the mentor (`main.rs`).
    StartAsMentor,
}
