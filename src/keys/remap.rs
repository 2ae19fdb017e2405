//! Keys of one's own, from the configuration's `[keys]` table: an action's keys replace its
//! default ones in every table that has it, so the resolver, the footer and the `?` overlay
//! all show and take the user's keys. Set once at start on the thread that reads keys and
//! draws; without it every table is as compiled.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Binding, Key, Msg, matches};

/// The actions given keys of their own, by name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Remap {
    keys: HashMap<&'static str, Vec<Key>>,
}

impl Remap {
    /// A map giving `action` these keys (replacing its defaults).
    pub fn with(mut self, action: &'static str, keys: Vec<Key>) -> Remap {
        self.keys.insert(action, keys);
        self
    }

    /// The keys given to `action`, if any.
    pub fn get(&self, action: &str) -> Option<&[Key]> {
        self.keys.get(action).map(Vec::as_slice)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.0 == other.0 && self.1 == other.1
    }
}
impl Eq for Key {}

thread_local! {
    static REMAP: Cell<Option<&'static Remap>> = const { Cell::new(None) };
    /// Each compiled table with the user's keys in it, made once.
    static MAPPED: RefCell<HashMap<usize, &'static [Binding]>> = RefCell::new(HashMap::new());
}

/// Uses `remap` on this thread from now on (once, at start, before the first key).
pub fn use_remap(remap: &'static Remap) {
    REMAP.with(|r| r.set(Some(remap)));
    MAPPED.with(|m| m.borrow_mut().clear());
}

/// The movement keys' actions: they share one table row (`MOVE`, `PAGE`), so they are named
/// here rather than from a binding's message.
pub const MOVES: [(&str, Msg); 4] = [
    ("up", Msg::Up),
    ("down", Msg::Down),
    ("page_up", Msg::PageUp),
    ("page_down", Msg::PageDown),
];

/// The name an action goes by in the configuration: its message in snake case
/// (`next_screen`, `new_entry`, `call_mode`); `None` for one that cannot be given other keys
/// (`Ctrl-c` stays save-and-quit; the digits and the editor's keys are not actions here).
pub fn action(msg: &Msg) -> Option<&'static str> {
    Some(match msg {
        Msg::SaveAndQuit | Msg::OpenExercise(_) | Msg::TypeInto(_) => return None,
        Msg::MoveItem(true) => "move_item_up",
        Msg::MoveItem(false) => "move_item_down",
        Msg::SwapReference(true) => "next_reference",
        Msg::SwapReference(false) => "previous_reference",
        Msg::Split(true) => "wider_reference",
        Msg::Split(false) => "narrower_reference",
        Msg::NextEntry(true) => "next_entry",
        Msg::NextEntry(false) => "previous_entry",
        Msg::Up => "up",
        Msg::Down => "down",
        Msg::PageUp => "page_up",
        Msg::PageDown => "page_down",
        Msg::First => "first",
        Msg::Last => "last",
        Msg::Activate => "activate",
        Msg::Back => "back",
        Msg::Add => "add",
        Msg::Delete => "delete",
        Msg::NewEntry => "new_entry",
        Msg::CallMode => "call_mode",
        Msg::SwitchWorkbook => "switch_workbook",
        Msg::Search => "search",
        Msg::EditOutside => "edit_outside",
        Msg::Review => "review",
        Msg::OpenMerge => "open_merge",
        Msg::OpenPartner => "open_partner",
        Msg::PartnerReference => "partner_reference",
        Msg::NextScreen => "next_exercise",
        Msg::PrevScreen => "previous_exercise",
        Msg::Help => "help",
        Msg::Quit => "quit",
        Msg::SaveNow => "save",
        Msg::Redraw => "redraw",
        Msg::CyclePhase => "cycle_phase",
        Msg::Toggle => "toggle",
        Msg::TogglePrivate => "toggle_private",
        Msg::MarkReviewed => "mark_reviewed",
        Msg::Cycle => "cycle",
        Msg::EditDate => "edit_date",
        Msg::EditAfter => "edit_after",
        Msg::CycleSupport => "cycle_support",
        Msg::EditEvidence => "edit_evidence",
        Msg::PayItForward => "pay_it_forward",
        Msg::LinkGoal => "link_goal",
        Msg::Promote => "promote",
        Msg::OpenWorksheet => "open_worksheet",
        Msg::OpenGlance => "open_glance",
        Msg::PickStatus => "pick_status",
        Msg::Filter => "filter",
        Msg::ToStep => "to_step",
        Msg::AddCheckIn => "add_check_in",
        Msg::ClearAgenda => "clear_agenda",
        Msg::SuggestAgenda => "suggest_agenda",
        Msg::WriteNotes => "write_notes",
        Msg::WriteMinutes => "write_minutes",
        Msg::TagList => "tag_list",
        Msg::OnThisDay => "on_this_day",
        Msg::MonthView => "month_view",
        Msg::Template => "template",
        Msg::SwitchPane => "switch_pane",
        Msg::KeepLeft => "keep_mine",
        Msg::KeepRight => "keep_theirs",
        Msg::KeepBoth => "keep_both",
        Msg::CloseHelp
        | Msg::Answer(_)
        | Msg::CommitEdit
        | Msg::Undo
        | Msg::EditKey(_)
        | Msg::Paste(_)
        | Msg::PasteIgnored
        | Msg::MakeRoom(_)
        | Msg::Day(_)
        | Msg::MonthStep(_) => return None,
    })
}

/// `table` with the user's keys in it (the same table when nothing is remapped).
pub fn mapped(table: &'static [Binding]) -> &'static [Binding] {
    let Some(remap) = REMAP.with(Cell::get) else {
        return table;
    };
    MAPPED.with(|m| {
        *m.borrow_mut()
            .entry(table.as_ptr() as usize)
            .or_insert_with(|| Box::leak(remapped(table, remap).into_boxed_slice()))
    })
}

/// `table` with `remap`'s keys in it (what [`mapped`] keeps, for checking before use).
pub fn remapped(table: &[Binding], remap: &Remap) -> Vec<Binding> {
    table
        .iter()
        .map(|b| {
            let mut b = b.clone();
            // The movement rows stand for two actions each.
            let pair = match &b.msg {
                Some(Msg::Down) if b.keys.iter().any(|k| k.0 == KeyCode::Up) => {
                    Some(("up", "down"))
                }
                Some(Msg::PageDown) if b.keys.iter().any(|k| k.0 == KeyCode::PageUp) => {
                    Some(("page_up", "page_down"))
                }
                _ => None,
            };
            if let Some((first, second)) = pair {
                if remap.get(first).is_some() || remap.get(second).is_some() {
                    let keys_of = |name: &str, default: &[Key]| {
                        remap.get(name).map_or(default.to_vec(), <[Key]>::to_vec)
                    };
                    let (up, down): (Vec<Key>, Vec<Key>) = b.keys.iter().partition(|k| {
                        matches!(k.0, KeyCode::Up | KeyCode::PageUp | KeyCode::Char('k'))
                    });
                    let up = keys_of(first, &up);
                    let down = keys_of(second, &down);
                    b.label = leak(format!("{} / {}", label(&up), label(&down)));
                    // The long explanation names the default keys.
                    b.help = "";
                    b.keys = Box::leak([up, down].concat().into_boxed_slice());
                }
                return b;
            }
            if let Some(keys) = b.msg.as_ref().and_then(action).and_then(|a| remap.get(a))
                && !b.keys.is_empty()
            {
                b.label = leak(label(keys));
                b.keys = Box::leak(keys.to_vec().into_boxed_slice());
            }
            b
        })
        .collect()
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Up, Down, PgUp and PgDn, or the keys given to them.
pub fn movement(key: &KeyEvent) -> Option<Msg> {
    let remap = REMAP.with(Cell::get);
    for (name, msg) in MOVES {
        if let Some(keys) = remap.and_then(|r| r.get(name)) {
            if keys.iter().any(|k| matches(key, k)) {
                return Some(msg);
            }
            continue;
        }
        let default = match msg {
            Msg::Up => matches!(key.code, KeyCode::Up | KeyCode::Char('k')),
            Msg::Down => matches!(key.code, KeyCode::Down | KeyCode::Char('j')),
            Msg::PageUp => key.code == KeyCode::PageUp,
            _ => key.code == KeyCode::PageDown,
        };
        if default && key.modifiers.is_empty() {
            return Some(msg);
        }
    }
    None
}

/// Reads a key as written in the configuration: `x`, `X`, `?`, `ctrl-n`, `alt-x`, `tab`,
/// `shift-tab`, `enter`, `esc`, `space`, `backspace`, `delete`, `up`, `down`, `left`,
/// `right`, `home`, `end`, `pgup`, `pgdn`, `f1`…`f12` (case aside, except a lone letter).
pub fn parse_key(text: &str) -> Result<Key, String> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if lower == "shift-tab" || lower == "backtab" {
        return Ok(Key(KeyCode::BackTab, KeyModifiers::NONE));
    }
    let (mods, name) = match lower {
        l if l.starts_with("ctrl-") && t.len() > 5 => (KeyModifiers::CONTROL, &t[5..]),
        l if l.starts_with("alt-") && t.len() > 4 => (KeyModifiers::ALT, &t[4..]),
        l if l.starts_with("shift-") && t.len() > 7 => (KeyModifiers::SHIFT, &t[6..]),
        _ => (KeyModifiers::NONE, t),
    };
    let lower = name.to_lowercase();
    let code = match lower.as_str() {
        "tab" => KeyCode::Tab,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        f if f.len() > 1
            && f.starts_with('f')
            && let Ok(n @ 1..=12) = f[1..].parse::<u8>() =>
        {
            KeyCode::F(n)
        }
        _ => {
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                // Ctrl-letters arrive in either case; they are stored lower-case.
                (Some(c), None) if mods == KeyModifiers::CONTROL => {
                    KeyCode::Char(c.to_ascii_lowercase())
                }
                (Some(_), None) if mods == KeyModifiers::SHIFT => {
                    return Err(format!(
                        "“{text}”: write the character itself (X, not shift-x)"
                    ));
                }
                (Some(c), None) => KeyCode::Char(c),
                _ => {
                    return Err(format!(
                        "“{text}” is not a key (try x, ctrl-n, tab, f2, pgdn)"
                    ));
                }
            }
        }
    };
    let key = Key(code, mods);
    if key == Key(KeyCode::Char('c'), KeyModifiers::CONTROL) {
        return Err("Ctrl-c always saves and quits: it cannot be given to anything else".into());
    }
    Ok(key)
}

/// How a key is written in the footer and the overlay: `x`, `Ctrl-n`, `Tab`, `F2`.
pub fn name(key: &Key) -> String {
    let base = match key.0 {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.1.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else if key.1.contains(KeyModifiers::SHIFT) && key.0 != KeyCode::BackTab {
        format!("Shift-{base}")
    } else {
        base
    }
}

/// How a key is written in the configuration (what [`parse_key`] reads back).
pub fn spelled(key: &Key) -> String {
    if key.0 == KeyCode::BackTab {
        return "shift-tab".into();
    }
    let base = match key.0 {
        KeyCode::Char(' ') => "space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "shift-tab".into(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::F(n) => format!("f{n}"),
        other => format!("{other:?}").to_lowercase(),
    };
    if key.1.contains(KeyModifiers::CONTROL) {
        format!("ctrl-{base}")
    } else if key.1.contains(KeyModifiers::ALT) {
        format!("alt-{base}")
    } else if key.1.contains(KeyModifiers::SHIFT) {
        format!("shift-{base}")
    } else {
        base
    }
}

/// Several keys as one label: `x / Ctrl-x`.
pub fn label(keys: &[Key]) -> String {
    keys.iter().map(name).collect::<Vec<_>>().join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_write_back() {
        for (text, shown) in [
            ("x", "x"),
            ("X", "X"),
            ("?", "?"),
            ("Ctrl-N", "Ctrl-n"),
            ("alt-x", "Alt-x"),
            ("tab", "Tab"),
            ("shift-tab", "Shift-Tab"),
            ("F2", "F2"),
            ("pgdn", "PgDn"),
            ("shift-up", "Shift-↑"),
            ("space", "Space"),
        ] {
            let key = parse_key(text).unwrap();
            assert_eq!(name(&key), shown, "{text}");
            assert_eq!(parse_key(&spelled(&key)), Ok(key), "{text}");
        }
        assert!(parse_key("ctrl-c").unwrap_err().contains("Ctrl-c"));
        assert!(parse_key("hyper-x").is_err());
        assert!(parse_key("f13").is_err());
    }

    #[test]
    fn a_remapped_action_shows_and_takes_its_new_keys_only() {
        let remap = Remap::default().with("quit", vec![parse_key("ctrl-q").unwrap()]);
        let table = super::super::GLOBAL;
        let before = table.len();
        let out = remapped(table, &remap);
        assert_eq!(out.len(), before);
        let quit = out.iter().find(|b| b.msg == Some(Msg::Quit)).unwrap();
        assert_eq!(quit.label, "Ctrl-q");
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert!(!quit.keys.iter().any(|k| matches(&q, k)));
        assert!(quit.keys.iter().any(|k| matches(&ctrl_q, k)));
    }
}
