//! Keys → messages. One table per context feeds the resolver, the footer hints and the `?`
//! overlay, so the help can never disagree with what a key does.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::App;
use crate::model::GoalStatus;
use crate::nav::{Mode, PickWhat, Screen};

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
    /// Open the n-th exercise (0-based).
    OpenExercise(usize),
    Help,
    CloseHelp,
    Quit,
    SaveNow,
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
    /// `R`: review with the partner, side by side.
    Review,
    /// Review: the other pane gets the keys.
    SwitchPane,
    /// Review: the next (true) or previous reference.
    SwapReference(bool),
    /// Review: a wider (true) or narrower reference pane.
    Split(bool),
}

/// A key and its modifiers (Shift is ignored for characters: `?` arrives with or without it).
#[derive(Debug, Clone, Copy)]
pub struct Key(pub KeyCode, pub KeyModifiers);

/// A character key without modifiers (Shift aside).
pub const fn plain(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
/// A named key without modifiers.
pub const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}

/// One row of a key table.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the footer and the overlay.
    pub label: &'static str,
    /// A word or two for the footer.
    pub hint: &'static str,
    /// The longer explanation in the `?` overlay; empty: the hint says it all.
    pub help: &'static str,
    /// `None`: handled by the text editor itself, listed for discoverability.
    pub msg: Option<Msg>,
    /// Shown in the footer line as well as in the overlay.
    pub footer: bool,
}

/// A binding with a longer explanation for the overlay.
pub const fn explained(
    keys: &'static [Key],
    label: &'static str,
    hint: &'static str,
    help: &'static str,
    msg: Msg,
) -> Binding {
    Binding {
        keys,
        label,
        hint,
        help,
        msg: Some(msg),
        footer: true,
    }
}
/// A binding whose footer hint says it all.
pub const fn bind(
    keys: &'static [Key],
    label: &'static str,
    hint: &'static str,
    msg: Msg,
) -> Binding {
    explained(keys, label, hint, "", msg)
}
/// A binding listed in the `?` overlay only, not in the footer.
pub const fn more(
    keys: &'static [Key],
    label: &'static str,
    hint: &'static str,
    msg: Msg,
) -> Binding {
    let mut b = bind(keys, label, hint, msg);
    b.footer = false;
    b
}
const fn editor(label: &'static str, hint: &'static str) -> Binding {
    Binding {
        keys: &[],
        label,
        hint,
        help: "",
        msg: None,
        footer: false,
    }
}

impl Binding {
    /// What the overlay says about this binding.
    pub fn explanation(&self) -> &'static str {
        if self.help.is_empty() {
            self.hint
        } else {
            self.help
        }
    }
}

/// Keys that work on every screen while browsing.
pub const GLOBAL: &[Binding] = &[
    more(
        &[code(KeyCode::Tab)],
        "Tab",
        "next exercise",
        Msg::NextScreen,
    ),
    more(
        &[
            code(KeyCode::BackTab),
            Key(KeyCode::BackTab, KeyModifiers::SHIFT),
        ],
        "Shift-Tab",
        "previous exercise",
        Msg::PrevScreen,
    ),
    // Listed once; `resolve` reads the digit itself.
    more(
        &[],
        "1 … 9, 0",
        "open an exercise by its number (0: journal)",
        Msg::OpenExercise(0),
    ),
    explained(
        &[plain('n')],
        "n",
        "new entry",
        "a new journal entry, from anywhere",
        Msg::NewEntry,
    ),
    more(
        &[plain('R')],
        "R",
        "review together: plan beside today's notes",
        Msg::Review,
    ),
    more(
        &[plain('C')],
        "C",
        "call mode: hide everything private",
        Msg::CallMode,
    ),
    more(
        &[plain('E')],
        "E",
        "write the focused text in $VISUAL or $EDITOR",
        Msg::EditOutside,
    ),
    more(&[ctrl('s')], "Ctrl-s", "save now", Msg::SaveNow),
    more(
        &[ctrl('c')],
        "Ctrl-c",
        "save and quit, from anywhere",
        Msg::SaveAndQuit,
    ),
    explained(
        &[plain('?'), code(KeyCode::F(1))],
        "?",
        "help",
        "this help (F1 opens it too, also while editing)",
        Msg::Help,
    ),
    bind(&[plain('q')], "q", "quit", Msg::Quit),
];

/// Moving the focus, shared by the screens that list fields.
pub const MOVE: Binding = explained(
    &[
        code(KeyCode::Up),
        plain('k'),
        code(KeyCode::Down),
        plain('j'),
    ],
    "↑↓",
    "move",
    "move between fields (k and j work too)",
    Msg::Down,
);

/// Enter on a sheet: edit the field or move the choice on.
pub const ENTER: Binding = explained(
    &[code(KeyCode::Enter)],
    "Enter",
    "edit",
    "edit a field, change a choice, add to a list",
    Msg::Activate,
);

/// Esc while browsing an exercise.
pub const BACK: Binding = explained(
    &[code(KeyCode::Esc)],
    "Esc",
    "back",
    "back to the overview",
    Msg::Back,
);

/// Esc on a page below an exercise: back up one level, `help` saying where to.
pub const fn back_to(help: &'static str) -> Binding {
    const ESC: &[Key] = &[code(KeyCode::Esc)];
    explained(ESC, "Esc", "back", help, Msg::Back)
}

/// Moving a list item up: `K` or Shift-↑.
pub const MOVE_UP: Binding = explained(
    &[plain('K'), Key(KeyCode::Up, KeyModifiers::SHIFT)],
    "K / Shift-↑",
    "move up",
    "move the item up (its priority, its order)",
    Msg::MoveItem(true),
);

/// Moving a list item down: `J` or Shift-↓.
pub const MOVE_DOWN: Binding = more(
    &[plain('J'), Key(KeyCode::Down, KeyModifiers::SHIFT)],
    "J / Shift-↓",
    "move the item down",
    Msg::MoveItem(false),
);

/// Picking from a list.
pub const PICK: &[Binding] = &[
    explained(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑↓",
        "choose",
        "move through the options (k and j work too)",
        Msg::Down,
    ),
    bind(&[code(KeyCode::Enter)], "Enter", "pick", Msg::Activate),
    bind(&[code(KeyCode::Esc)], "Esc", "cancel", Msg::Back),
];

/// Making room among three active goals.
pub const MAKE_ROOM: &[Binding] = &[
    explained(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑↓",
        "choose",
        "choose an active goal (k and j work too)",
        Msg::Down,
    ),
    bind(
        &[plain('p'), code(KeyCode::Enter)],
        "p/Enter",
        "pause it",
        Msg::MakeRoom(GoalStatus::Paused),
    ),
    bind(
        &[plain('f')],
        "f",
        "finished",
        Msg::MakeRoom(GoalStatus::Achieved),
    ),
    bind(
        &[plain('d')],
        "d",
        "drop it",
        Msg::MakeRoom(GoalStatus::Dropped),
    ),
    bind(&[code(KeyCode::Esc)], "Esc", "cancel", Msg::Back),
];

/// While the text editor has the keyboard.
pub const EDIT: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "done (keeps the text)",
        Msg::CommitEdit,
    ),
    bind(&[ctrl('s')], "Ctrl-s", "save", Msg::SaveNow),
    bind(&[ctrl('c')], "Ctrl-c", "save and quit", Msg::SaveAndQuit),
    bind(&[code(KeyCode::F(1))], "F1", "help", Msg::Help),
    more(&[ctrl('z')], "Ctrl-z", "undo (also Ctrl-u)", Msg::Undo),
    editor("Ctrl-r", "redo"),
    editor("Enter", "new line (one-line field: done; list: next)"),
    editor("Ctrl-a / Ctrl-e", "start / end of line"),
    editor("Alt-← / Alt-→", "word left / right"),
    editor("Ctrl-w / Ctrl-k", "delete word / delete to end of line"),
];

/// While a y/n question is open.
pub const CONFIRM: &[Binding] = &[
    bind(&[plain('y')], "y", "yes", Msg::Answer(true)),
    bind(
        &[plain('n'), code(KeyCode::Esc)],
        "n/Esc",
        "no",
        Msg::Answer(false),
    ),
];

fn matches(key: &KeyEvent, k: &Key) -> bool {
    let mut mods = key.modifiers;
    if matches!(key.code, KeyCode::Char(_)) {
        mods.remove(KeyModifiers::SHIFT);
    }
    let code = match key.code {
        // Terminals differ on whether Ctrl-letter arrives upper-case.
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        c => c,
    };
    code == k.0 && mods == k.1
}

fn lookup(tables: &[&[Binding]], key: &KeyEvent) -> Option<Msg> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| b.keys.iter().any(|k| matches(key, k)))
        .and_then(|b| b.msg.clone())
}

/// Up and Down share one table row; tell them apart here.
fn movement(key: &KeyEvent) -> Option<Msg> {
    match key.code {
        KeyCode::Up | KeyCode::Char('k') if key.modifiers.is_empty() => Some(Msg::Up),
        KeyCode::Down | KeyCode::Char('j') if key.modifiers.is_empty() => Some(Msg::Down),
        _ => None,
    }
}

/// `1`…`9` open the exercise with that number, `0` the tenth (the journal).
fn digit(key: &KeyEvent) -> Option<Msg> {
    match key.code {
        KeyCode::Char(c @ '1'..='9') if key.modifiers.is_empty() => {
            Some(Msg::OpenExercise(c as usize - '1' as usize))
        }
        KeyCode::Char('0') if key.modifiers.is_empty() => Some(Msg::OpenExercise(9)),
        _ => None,
    }
}

/// Turns a terminal event into a message for `update`. Pure: reads the app, changes nothing.
pub fn resolve(app: &App, event: &Event) -> Option<Msg> {
    let key = match event {
        Event::Paste(text) => {
            return Some(match app.mode {
                Mode::Edit(_) => Msg::Paste(text.clone()),
                _ => Msg::PasteIgnored,
            });
        }
        Event::Key(k) if k.kind != KeyEventKind::Release => k,
        _ => return None,
    };
    match &app.mode {
        Mode::Edit(_) => Some(lookup(&[EDIT], key).unwrap_or(Msg::EditKey(*key))),
        Mode::Confirm(_) => lookup(&[CONFIRM], key)
            .or_else(|| (matches(key, &ctrl('c'))).then_some(Msg::SaveAndQuit)),
        Mode::Help(_) => Some(if matches(key, &ctrl('c')) {
            Msg::SaveAndQuit
        } else {
            Msg::CloseHelp
        }),
        Mode::Pick(pick) => movement(key)
            .or_else(|| {
                let table = match pick.what {
                    PickWhat::MakeRoom(_) => MAKE_ROOM,
                    PickWhat::Status(_)
                    | PickWhat::Kind(_)
                    | PickWhat::StepGoal(..)
                    | PickWhat::Link(_) => PICK,
                };
                lookup(&[table], key)
            })
            .or_else(|| (matches(key, &ctrl('c'))).then_some(Msg::SaveAndQuit)),
        Mode::Browse => movement(key)
            .or_else(|| lookup(&[screen_keys(app.screen), GLOBAL], key))
            .or_else(|| {
                // The review's notes pane takes the conversation page's keys as well.
                let notes = matches!(app.screen, Screen::Review(_))
                    && app.review.pane == crate::nav::Pane::Notes;
                notes
                    .then(|| lookup(&[crate::screens::NOTES_KEYS], key))
                    .flatten()
            })
            .or_else(|| digit(key)),
    }
}

/// The browse-mode keys of one screen (before the global ones).
pub fn screen_keys(screen: Screen) -> &'static [Binding] {
    crate::screens::keys(screen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workbook;

    fn press(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn browse_keys_resolve_from_the_tables() {
        let app = App::new(Workbook::default());
        let r = |c, m| resolve(&app, &press(c, m));
        assert_eq!(r(KeyCode::Char('q'), KeyModifiers::NONE), Some(Msg::Quit));
        assert_eq!(r(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Msg::Help));
        assert_eq!(r(KeyCode::Char('j'), KeyModifiers::NONE), Some(Msg::Down));
        assert_eq!(r(KeyCode::Up, KeyModifiers::NONE), Some(Msg::Up));
        assert_eq!(
            r(KeyCode::Char('C'), KeyModifiers::CONTROL),
            Some(Msg::SaveAndQuit)
        );
        assert_eq!(
            r(KeyCode::Char('s'), KeyModifiers::CONTROL),
            Some(Msg::SaveNow)
        );
        assert_eq!(
            r(KeyCode::Char('1'), KeyModifiers::NONE),
            Some(Msg::OpenExercise(0))
        );
        assert_eq!(r(KeyCode::Char('z'), KeyModifiers::NONE), None);
    }

    /// The help overlay is 72 columns: a label column of 18 and 48 for the explanation.
    #[test]
    fn every_explanation_fits_the_help_overlay() {
        use crate::nav::Screen;
        let screens = (Screen::ALL.into_iter())
            .chain(Screen::PAGE_KINDS)
            .map(screen_keys);
        let tables = [GLOBAL, EDIT, CONFIRM, PICK, MAKE_ROOM]
            .into_iter()
            .chain(screens);
        for b in tables.flat_map(|t| t.iter()) {
            assert!(b.label.chars().count() <= 18, "{}", b.label);
            assert!(b.explanation().chars().count() <= 48, "{}", b.explanation());
        }
    }

    #[test]
    fn paste_outside_an_editor_is_never_a_command() {
        let app = App::new(Workbook::default());
        assert_eq!(
            resolve(&app, &Event::Paste("q".into())),
            Some(Msg::PasteIgnored)
        );
    }

    #[test]
    fn key_releases_are_ignored() {
        let app = App::new(Workbook::default());
        let mut k = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(resolve(&app, &Event::Key(k)), None);
    }
}
