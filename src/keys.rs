//! Keys and their tables. One table per context feeds the resolver (`input`), the footer
//! hints and the `?` overlay, so the help can never disagree with what a key does.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod remap;

pub use remap::{
    MOVES, Remap, action, label, mapped, movement, name, parse_key, remapped, spelled, use_remap,
};

use crate::lifecycle::Exercise;
use crate::model::GoalStatus;
pub use crate::msg::Msg;

/// A key and its modifiers (Shift is ignored for characters: `?` arrives with or without it).
#[derive(Debug, Clone, Copy)]
pub struct Key(pub KeyCode, pub KeyModifiers);

/// A character key without modifiers (Shift aside).
pub const fn plain(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
/// A control chord (Ctrl + a letter).
pub const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
/// A named key without modifiers.
pub const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}

/// One row of a key table.
#[derive(Debug, Clone)]
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
    more(
        &[code(KeyCode::PageUp), code(KeyCode::PageDown)],
        "PgUp / PgDn",
        "ten places up or down the page",
        Msg::PageDown,
    ),
    more(
        &[code(KeyCode::Home), plain('g')],
        "Home / g",
        "the top of the page",
        Msg::First,
    ),
    more(
        &[code(KeyCode::End), plain('G')],
        "End / G",
        "the bottom of the page",
        Msg::Last,
    ),
    // Listed once; `resolve` reads the digit itself.
    more(
        &[],
        "1 … 9, 0",
        "open an exercise by its number (0: journal)",
        Msg::OpenExercise(Exercise::Reflection),
    ),
    // Also read by `resolve` itself, before the digits above.
    more(
        &[],
        "0 … 9 on a date",
        "types the date (or time, days) instead",
        Msg::TypeInto('0'),
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
    more(
        &[plain('W')],
        "W",
        "switch to another workbook",
        Msg::SwitchWorkbook,
    ),
    more(
        &[ctrl('f')],
        "Ctrl-f",
        "search the whole workbook",
        Msg::Search,
    ),
    more(&[ctrl('s')], "Ctrl-s", "save now", Msg::SaveNow),
    more(
        &[ctrl('l')],
        "Ctrl-l",
        "redraw the whole screen",
        Msg::Redraw,
    ),
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

/// The keys that work everywhere during a call: all but `n`, which is off then (a new entry
/// starts private), and `W` (the list of workbooks names the other mentees). The footer and the help show these, so they never offer a key that only
/// says it is off.
pub static GLOBAL_IN_CALL: std::sync::LazyLock<Vec<Binding>> = std::sync::LazyLock::new(|| {
    GLOBAL
        .iter()
        .filter(|b| b.msg != Some(Msg::NewEntry) && b.msg != Some(Msg::SwitchWorkbook))
        .cloned()
        .collect()
});

/// The keys that work everywhere, in or out of call mode.
pub fn global(call_mode: bool) -> &'static [Binding] {
    mapped(if call_mode { &GLOBAL_IN_CALL } else { GLOBAL })
}

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

/// The workbook-wide search: what is typed is searched for.
pub const SEARCH: &[Binding] = &[
    explained(
        &[],
        "words",
        "find",
        "type: every word must be there (any case, accents or not)",
        Msg::PasteIgnored,
    ),
    bind(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑↓",
        "choose",
        Msg::Down,
    ),
    bind(&[code(KeyCode::Enter)], "Enter", "go there", Msg::Activate),
    bind(&[code(KeyCode::Esc)], "Esc", "close", Msg::Back),
];

/// Picking a template: the same, and `d` lets one of one's own go.
pub const PICK_TEMPLATE: &[Binding] = &[
    explained(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑↓",
        "choose",
        "move through the templates (k and j work too)",
        Msg::Down,
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "start an entry",
        Msg::Activate,
    ),
    explained(
        &[plain('d')],
        "d",
        "delete",
        "let one of your own templates go",
        Msg::Delete,
    ),
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
    more(
        &[ctrl('l')],
        "Ctrl-l",
        "redraw the whole screen",
        Msg::Redraw,
    ),
    more(&[ctrl('z')], "Ctrl-z", "undo (also Ctrl-u)", Msg::Undo),
    editor("Ctrl-r", "redo"),
    editor("Enter", "new line (one-line field: done; list: next)"),
    editor("Ctrl-a / Ctrl-e", "start / end of line"),
    editor("Ctrl-← / Ctrl-→", "word left / right (Alt-b / Alt-f too)"),
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

/// Whether `key` is `k` (Shift ignored for characters, Ctrl-letters in either case).
pub fn matches(key: &KeyEvent, k: &Key) -> bool {
    let mut mods = key.modifiers;
    // Shift is part of the character, and of Shift-Tab (sent with or without it).
    if matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab) {
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

/// The message of the first binding of `tables` that `key` matches.
pub fn lookup(tables: &[&[Binding]], key: &KeyEvent) -> Option<Msg> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| b.keys.iter().any(|k| matches(key, k)))
        .and_then(|b| b.msg.clone())
}

/// `1`…`9` open the exercise with that number, `0` the tenth (the registry's numbering).
pub fn digit(key: &KeyEvent) -> Option<Msg> {
    match key.code {
        KeyCode::Char(c) if key.modifiers.is_empty() => {
            Exercise::from_key(c).map(Msg::OpenExercise)
        }
        _ => None,
    }
}
