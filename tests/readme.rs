//! The README tells the truth about keys: every key its key table claims is bound in one of
//! the tables the footer and the `?` overlay are drawn from, and every key those tables bind
//! is written somewhere in the README's Keys section.

use crossterm::event::{KeyCode, KeyModifiers};
use mentorbook::keys::{self, Binding, Key};
use mentorbook::nav::Screen;

/// Every table a key can come from: each screen's, the global keys, the editor's, the
/// question's, the pickers' and the review's notes.
fn tables() -> Vec<&'static [Binding]> {
    let mut all: Vec<&'static [Binding]> = Screen::top_level()
        .chain(Screen::PAGE_KINDS)
        .map(mentorbook::screens::keys)
        .collect();
    all.extend(mentorbook::screens::shared_key_tables(false));
    all
}

/// A key as the README writes it.
fn written(k: &Key) -> String {
    let Key(code, mods) = *k;
    let name = match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => return "Shift-Tab".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else if mods.contains(KeyModifiers::SHIFT) {
        format!("Shift-{name}")
    } else {
        name
    }
}

/// Every key bound in the tables (with a message: not the editor's own, listed for reading).
fn bound() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in tables()
        .iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.msg.is_some())
    {
        for k in b.keys {
            let w = written(k);
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// The README's Keys section.
fn keys_section() -> &'static str {
    let readme = include_str!("../README.md");
    let section = readme.split("\n## Keys\n").nth(1).unwrap();
    section.split("\n## ").next().unwrap()
}

/// The code spans of `text`, each split into single keys (`K J` is two; `Ctrl-←/→` is
/// `Ctrl-←` and `Ctrl-→`).
fn spans(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for span in text.split('`').skip(1).step_by(2) {
        for k in span.split(' ') {
            match k.strip_prefix("Ctrl-").and_then(|r| r.split_once('/')) {
                Some((a, b)) => out.extend([format!("Ctrl-{a}"), format!("Ctrl-{b}")]),
                None => out.push(k.to_string()),
            }
        }
    }
    out
}

#[test]
fn every_key_the_readme_table_names_is_bound() {
    let bound = bound();
    let claimed: Vec<String> = keys_section()
        .lines()
        .filter(|l| l.starts_with("| `"))
        .flat_map(|l| spans(l.split(" | ").next().unwrap()))
        .collect();
    assert!(claimed.len() > 40, "{claimed:?}");
    // Digits and k/j are read before the tables (`keys::digit`, `keys::movement`).
    let outside_tables = |k: &str| {
        let mut chars = k.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return false;
        };
        let ev = crossterm::event::KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        keys::digit(&ev).is_some() || keys::movement(&ev).is_some()
    };
    let missing: Vec<&String> = claimed
        .iter()
        .filter(|k| !bound.contains(k) && !outside_tables(k))
        .collect();
    assert!(
        missing.is_empty(),
        "in the README's key table, bound nowhere: {missing:?}\nbound: {bound:?}"
    );
}

#[test]
fn every_bound_key_is_in_the_readme() {
    let named = spans(keys_section());
    let missing: Vec<String> = bound().into_iter().filter(|k| !named.contains(k)).collect();
    assert!(
        missing.is_empty(),
        "bound, but nowhere in the README's Keys section: {missing:?}"
    );
}

/// The README shows the default configuration file as `mentorbook config` prints it.
#[test]
fn the_readme_holds_the_default_configuration_file() {
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&format!(
            "```toml\n{}```",
            mentorbook::cli::default_config_file()
        )),
        "README's configuration section differs from what `mentorbook config` prints"
    );
}
