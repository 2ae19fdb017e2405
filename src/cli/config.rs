//! `mentorbook config`, and the configuration file read at start.

use crate::keys::{self, Binding};
use crate::nav::Screen;
use crate::screens;

/// `mentorbook config`: the file's place, and the default file to start one from.
pub(super) fn text(only_path: bool) -> Result<String, String> {
    let path = crate::config::path().ok_or("no home folder: there is no config folder")?;
    if only_path {
        return Ok(format!("{}\n", path.display()));
    }
    Ok(format!(
        "# This file belongs at {}\n{}",
        path.display(),
        default_file()
    ))
}

/// The whole default file: the settings (`assets/config.toml`), then every action that can
/// be given keys of one's own, at its default keys, with what it does.
pub fn default_file() -> String {
    let mut out = String::from(crate::config::DEFAULT_FILE);
    out.push_str(
        "\n# Keys of your own, action by action: one key (\"ctrl-n\") or a list ([\"n\", \
         \"f2\"]).\n# They replace the action's keys wherever it works, in the footer and the \
         help too.\n# A key another action on the same page has is refused; Ctrl-c always \
         saves and quits.\n# Keys: a character (x, X, ?), ctrl-x, alt-x, tab, shift-tab, \
         enter, esc, space,\n# backspace, delete, up, down, left, right, home, end, pgup, \
         pgdn, f1…f12.\n[keys]\n",
    );
    let mut seen: Vec<&str> = Vec::new();
    let mut line = |name: &'static str, keys: &[keys::Key], what: &str, out: &mut String| {
        if seen.contains(&name) || keys.is_empty() {
            return;
        }
        seen.push(name);
        let mut list: Vec<String> = Vec::new();
        for k in keys {
            let k = format!("{:?}", keys::spelled(k));
            if !list.contains(&k) {
                list.push(k);
            }
        }
        out.push_str(&format!("# {name} = [{}]  # {what}\n", list.join(", ")));
    };
    let up_down = [
        ("up", "move up"),
        ("down", "move down"),
        ("page_up", "ten places up"),
        ("page_down", "ten places down"),
    ];
    for (name, what) in up_down {
        let keys: Vec<keys::Key> = match name {
            "up" => vec![keys::code(crossterm::event::KeyCode::Up), keys::plain('k')],
            "down" => vec![
                keys::code(crossterm::event::KeyCode::Down),
                keys::plain('j'),
            ],
            "page_up" => vec![keys::code(crossterm::event::KeyCode::PageUp)],
            _ => vec![keys::code(crossterm::event::KeyCode::PageDown)],
        };
        line(name, &keys, what, &mut out);
    }
    for (_, tables) in pages() {
        for b in tables.iter().flat_map(|t| t.iter()) {
            if let Some(name) = b.msg.as_ref().and_then(keys::action)
                && !keys::MOVES.iter().any(|(n, _)| *n == name)
            {
                line(name, b.keys, b.hint, &mut out);
            }
        }
    }
    out
}

/// Every page and the tables whose keys work on it (as compiled: checked before use).
fn pages() -> Vec<(&'static str, Vec<&'static [Binding]>)> {
    (Screen::top_level().chain(Screen::PAGE_KINDS))
        .map(|s| {
            let mut tables = vec![screens::keys(s), keys::GLOBAL];
            if matches!(s, Screen::Review(_)) {
                tables.push(screens::NOTES_KEYS);
            }
            (s.title(), tables)
        })
        .collect()
}

/// The keys a configuration gives, checked against every page's tables.
pub fn remap_of(
    config: &crate::config::Config,
    text: &str,
    path: &std::path::Path,
) -> Result<keys::Remap, String> {
    crate::config::remap(config, text, path, &pages())
}

/// Reads the configuration file, if there is one; draws with the theme it asks for and
/// takes the keys it gives from now on (this thread), and gives the rest of its settings.
/// `NO_COLOR` (set and not empty) means the `mono` theme. `Err`: the file's place, the line
/// and what is wrong; nothing else has been touched.
pub fn apply_config() -> Result<crate::config::Config, String> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let Some(path) = crate::config::path() else {
        return Ok(crate::config::Config::default());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let config = crate::config::parse(&text, &path)?;
    let theme = crate::config::theme(&config, &text, &path, no_color)?;
    let remap = remap_of(&config, &text, &path)?;
    // Set once at start and kept for the process's life.
    crate::theme::use_theme(Box::leak(Box::new(theme)));
    if remap != keys::Remap::default() {
        keys::use_remap(Box::leak(Box::new(remap)));
    }
    Ok(config)
}
