//! The configuration file (`config.toml` in the platform's config folder): the theme and
//! colours of one's own. Read strictly: an unknown option or a value that does not read is
//! refused with the file's line and the option's name, and no file at all is today's
//! behaviour. Text in, settings out: reading the file is the caller's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use crate::keys::{self, Binding, Key, Remap};
use crate::theme::{self, BUILT_IN, Theme};

/// The file as written by `mentorbook config`: every option, commented out, at its default.
pub const DEFAULT_FILE: &str = include_str!("../assets/config.toml");

/// The settings a configuration file gives.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A built-in theme's name (`dark` when not set).
    #[serde(default)]
    theme: Option<Spanned<String>>,
    /// Whether the terminal's cursor stands on the focused row while browsing.
    #[serde(default)]
    browse_cursor: Option<bool>,
    /// Styles of one's own over the theme's, role by role.
    #[serde(default)]
    colors: Colors,
    /// Keys of one's own, action by action: one key or a list.
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<OneOrMany>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Config {
    /// Whether the terminal's cursor stands on the focused row while browsing (it does
    /// unless the file says `browse_cursor = false`).
    pub fn browse_cursor(&self) -> bool {
        self.browse_cursor.unwrap_or(true)
    }
}

/// One style per role a piece of the screen plays, each optional.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Colors {
    title_bar: Option<Spanned<String>>,
    app_name: Option<Spanned<String>>,
    border: Option<Spanned<String>>,
    border_focus: Option<Spanned<String>>,
    border_edit: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
    text: Option<Spanned<String>>,
    placeholder: Option<Spanned<String>>,
    focus_row: Option<Spanned<String>>,
    key: Option<Spanned<String>>,
    hint: Option<Spanned<String>>,
    saved: Option<Spanned<String>>,
    unsaved: Option<Spanned<String>>,
    error: Option<Spanned<String>>,
    warning: Option<Spanned<String>>,
    notice: Option<Spanned<String>>,
    done: Option<Spanned<String>>,
    heading: Option<Spanned<String>>,
    call_banner: Option<Spanned<String>>,
}

/// Where the configuration file is: `$XDG_CONFIG_HOME/mentorbook/config.toml` on Linux
/// (`~/.config/…`), the platform's config folder elsewhere.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "mentorbook").map(|d| d.config_dir().join("config.toml"))
}

/// Reads a configuration file's text. `Err`: where and what is wrong, naming `file`.
pub fn parse(text: &str, file: &Path) -> Result<Config, String> {
    toml::from_str::<Config>(text).map_err(|e| {
        let at = e
            .span()
            .map_or(String::new(), |s| format!(":{}", line_of(text, s.start)));
        format!("{}{at}: {}", file.display(), e.message().trim_end())
    })
}

/// The theme the settings ask for, with `no_color` (the `NO_COLOR` convention) choosing
/// `mono` whatever the file says. `Err`: a theme or a style that does not read, with its line.
pub fn theme(config: &Config, text: &str, file: &Path, no_color: bool) -> Result<Theme, String> {
    let wrong =
        |at: usize, what: String| format!("{}:{}: {what}", file.display(), line_of(text, at));
    let mut t = match &config.theme {
        Some(name) => *(BUILT_IN.iter())
            .find(|(n, _)| *n == name.get_ref().as_str())
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
                wrong(
                    name.span().start,
                    format!(
                        "theme “{}” is not one of {}",
                        name.get_ref(),
                        names.join(", ")
                    ),
                )
            })?,
        None => theme::DARK,
    };
    if no_color {
        t = theme::MONO;
    }
    let c = &config.colors;
    let roles: [(&str, &Option<Spanned<String>>, &mut Style); 19] = [
        ("title_bar", &c.title_bar, &mut t.title_bar),
        ("app_name", &c.app_name, &mut t.app_name),
        ("border", &c.border, &mut t.border),
        ("border_focus", &c.border_focus, &mut t.border_focus),
        ("border_edit", &c.border_edit, &mut t.border_edit),
        ("label", &c.label, &mut t.label),
        ("text", &c.text, &mut t.text),
        ("placeholder", &c.placeholder, &mut t.placeholder),
        ("focus_row", &c.focus_row, &mut t.focus_row),
        ("key", &c.key, &mut t.key),
        ("hint", &c.hint, &mut t.hint),
        ("saved", &c.saved, &mut t.saved),
        ("unsaved", &c.unsaved, &mut t.unsaved),
        ("error", &c.error, &mut t.error),
        ("warning", &c.warning, &mut t.warning),
        ("notice", &c.notice, &mut t.notice),
        ("done", &c.done, &mut t.done),
        ("heading", &c.heading, &mut t.heading),
        ("call_banner", &c.call_banner, &mut t.call_banner),
    ];
    for (name, value, slot) in roles {
        let Some(value) = value else { continue };
        let style = parse_style(value.get_ref())
            .map_err(|why| wrong(value.span().start, format!("colors.{name}: {why}")))?;
        // Under NO_COLOR only the emphasis is kept: no colour reaches the terminal.
        *slot = if no_color {
            Style::new().add_modifier(style.add_modifier)
        } else {
            style
        };
    }
    Ok(t)
}

/// The keys the settings give, checked against every page's tables (`pages`: each page's
/// name and the tables whose keys work there). Refused, with the line: an action no page
/// has, a key that does not read, and a key given to an action where another action on the
/// same page already has it (both named).
pub fn remap(
    config: &Config,
    text: &str,
    file: &Path,
    pages: &[(&str, Vec<&'static [Binding]>)],
) -> Result<Remap, String> {
    let wrong =
        |at: usize, what: String| format!("{}:{}: {what}", file.display(), line_of(text, at));
    let known: Vec<&'static str> = (pages.iter())
        .flat_map(|(_, tables)| tables.iter().flat_map(|t| t.iter()))
        .filter(|b| !b.keys.is_empty())
        .filter_map(|b| b.msg.as_ref().and_then(keys::action))
        .chain(keys::MOVES.iter().map(|(n, _)| *n))
        .collect();
    let mut remap = Remap::default();
    for (name, value) in &config.keys {
        let Some(&action) = known.iter().find(|a| **a == name.get_ref().as_str()) else {
            return Err(wrong(
                name.span().start,
                format!(
                    "keys.{}: no such action (`mentorbook config` lists them)",
                    name.get_ref()
                ),
            ));
        };
        let texts = match value.get_ref() {
            OneOrMany::One(k) => vec![k.clone()],
            OneOrMany::Many(ks) => ks.clone(),
        };
        if texts.is_empty() {
            return Err(wrong(
                value.span().start,
                format!("keys.{action}: give at least one key"),
            ));
        }
        let parsed: Result<Vec<Key>, String> = texts.iter().map(|k| keys::parse_key(k)).collect();
        let parsed =
            parsed.map_err(|why| wrong(value.span().start, format!("keys.{action}: {why}")))?;
        remap = remap.with(action, parsed);
    }
    // On each page, a key given by the user belongs to one action only.
    for (page, tables) in pages {
        let rows: Vec<Binding> = tables
            .iter()
            .flat_map(|t| keys::remapped(t, &remap))
            .collect();
        let name_of = |b: &Binding| match &b.msg {
            Some(crate::msg::Msg::Down)
                if b.keys.iter().any(|k| k.0 == crossterm::event::KeyCode::Up) =>
            {
                "up / down"
            }
            Some(crate::msg::Msg::PageDown) => "page_up / page_down",
            Some(m) => keys::action(m).unwrap_or("save and quit"),
            None => "the editor",
        };
        for (name, value) in &config.keys {
            let action = name.get_ref().as_str();
            let Some(given) = remap.get(action) else {
                continue;
            };
            let here = rows
                .iter()
                .any(|b| b.msg.as_ref().and_then(keys::action) == Some(action))
                || keys::MOVES.iter().any(|(n, _)| *n == action);
            if !here {
                continue;
            }
            for key in given {
                let other = rows.iter().find(|b| {
                    let theirs = name_of(b);
                    theirs != action
                        && !theirs.split(" / ").any(|n| n == action)
                        && b.msg.is_some()
                        && b.keys.contains(key)
                });
                if let Some(other) = other {
                    return Err(wrong(
                        value.span().start,
                        format!(
                            "keys.{action}: “{}” is already “{}” on the {page} page",
                            keys::name(key),
                            name_of(other)
                        ),
                    ));
                }
            }
        }
    }
    Ok(remap)
}

/// A style as written: colours and emphasis in any order, the background after `on`:
/// `"yellow"`, `"black on #e69f00 bold"`, `"bold underline"`, `"reverse"`. Colours are the
/// terminal's names (`red`, `lightblue`, `darkgray`…), `#rrggbb`, or a palette index 0–255.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace();
    let mut any = false;
    while let Some(word) = words.next() {
        any = true;
        let lower = word.to_lowercase();
        let modifier = match lower.as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underline" | "underlined" => Some(Modifier::UNDERLINED),
            "reverse" | "reversed" => Some(Modifier::REVERSED),
            "crossed" | "strikethrough" => Some(Modifier::CROSSED_OUT),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
        } else if lower == "on" {
            let bg = words.next().ok_or("“on” needs a colour after it")?;
            style = style.bg(color(bg)?);
        } else {
            style = style.fg(color(word)?);
        }
    }
    if !any {
        return Err(
            "empty: give a colour or an emphasis (bold, italic, underline, reverse)".into(),
        );
    }
    Ok(style)
}

fn color(word: &str) -> Result<Color, String> {
    word.parse::<Color>().map_err(|_| {
        format!(
            "“{word}” is not a colour: use a name (red, lightblue, darkgray…), #rrggbb or \
             0–255"
        )
    })
}

/// The 1-based line of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Theme, String> {
        let file = Path::new("config.toml");
        let config = parse(text, file)?;
        theme(&config, text, file, false)
    }

    #[test]
    fn the_default_file_reads_as_no_file_at_all() {
        assert_eq!(read(DEFAULT_FILE), Ok(theme::DARK));
        assert_eq!(read(""), Ok(theme::DARK));
    }

    #[test]
    fn a_theme_and_colours_of_ones_own() {
        let t = read("theme = \"light\"\n[colors]\nwarning = \"black on #e69f00 bold\"\n").unwrap();
        assert_eq!(t.label, theme::LIGHT.label);
        assert_eq!(
            t.warning,
            Style::new()
                .fg(Color::Black)
                .bg(Color::Rgb(0xe6, 0x9f, 0))
                .add_modifier(Modifier::BOLD)
        );
    }

    #[test]
    fn what_does_not_read_is_refused_with_its_line_and_name() {
        let e = read("theme = \"dark\"\ncolour = 3\n").unwrap_err();
        assert!(e.starts_with("config.toml:2:"), "{e}");
        assert!(e.contains("colour"), "{e}");
        let e = read("\n\ntheme = \"blue\"\n").unwrap_err();
        assert!(e.starts_with("config.toml:3:"), "{e}");
        assert!(e.contains("“blue”") && e.contains("high-contrast"), "{e}");
        let e = read("[colors]\nkey = \"cyan\"\nhint = \"greyish\"\n").unwrap_err();
        assert!(e.starts_with("config.toml:3: colors.hint:"), "{e}");
        let e = read("[colors]\nfocus = \"bold\"\n").unwrap_err();
        assert!(e.contains("focus"), "{e}");
        let e = read("theme = [\n").unwrap_err();
        assert!(e.starts_with("config.toml:1"), "{e}");
    }

    #[test]
    fn no_color_means_mono_and_keeps_only_emphasis() {
        let text = "theme = \"light\"\n[colors]\nwarning = \"red underline\"\n";
        let file = Path::new("c");
        let t = theme(&parse(text, file).unwrap(), text, file, true).unwrap();
        assert_eq!(t.label, theme::MONO.label);
        assert_eq!(t.warning, Style::new().add_modifier(Modifier::UNDERLINED));
    }
}
