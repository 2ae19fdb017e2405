//! Keys of one's own from the configuration: the footer, the `?` overlay and the keys
//! themselves follow them; a key two actions would share on a page is refused with both
//! names; an unknown action or a key that does not read is refused with its line.

mod common;

use std::path::Path;

use common::{app_at, footer, press, screen_text};
use mentorbook::config::parse;
use mentorbook::keys::{Remap, use_remap};
use mentorbook::msg::Effect;
use mentorbook::nav::{Exercise, Screen};

fn remap(text: &str) -> Result<Remap, String> {
    let file = Path::new("config.toml");
    let config = parse(text, file)?;
    mentorbook::cli::remap_of(&config, text, file)
}

/// Quit on Ctrl-q, the next exercise on F2 or Ctrl-n, down on Ctrl-j as well as the arrow:
/// the footer and the help show the new keys, the new keys act, the old ones no longer do.
#[test]
fn remapped_keys_show_in_footer_and_help_and_act() {
    let r = remap("[keys]\nquit = \"ctrl-q\"\nnext_exercise = [\"f2\", \"ctrl-n\"]\ndown = [\"down\", \"ctrl-j\"]\n")
        .unwrap();
    use_remap(Box::leak(Box::new(r)));
    let mut app = app_at(Screen::Home);
    let line = footer(&app, 120, 24);
    assert!(line.contains("Ctrl-q quit"), "{line}");
    assert!(!line.contains(" q quit"), "{line}");
    assert_eq!(press(&mut app, "q"), None, "q is no longer quit");
    assert_eq!(press(&mut app, "<C-q>"), Some(Effect::Quit));
    let before = app.screen;
    press(&mut app, "<Tab>");
    assert_eq!(app.screen, before, "Tab is no longer the next exercise");
    press(&mut app, "<C-n>");
    assert_ne!(app.screen, before);
    press(&mut app, "?");
    let help = screen_text(&app, 120, 60);
    assert!(help.contains("F2 / Ctrl-n"), "{help}");
    assert!(help.contains("Ctrl-q"), "{help}");
    insta::assert_snapshot!("remapped_help", common::body(&app, 120, 40));
    // The list replaces the defaults: j no longer moves down.
    let mut app = app_at(Screen::Exercise(Exercise::Agreement));
    let at = mentorbook::screens::focus(&app);
    press(&mut app, "j");
    assert_eq!(mentorbook::screens::focus(&app), at);
    press(&mut app, "<C-j>");
    assert_eq!(mentorbook::screens::focus(&app), at + 1);
    insta::assert_snapshot!("remapped_footer", footer(&app, 120, 24));
}

/// A key another action already has on the same page is refused, naming both and the page;
/// so are Ctrl-c, an unknown action and a key that does not read, with their lines.
#[test]
fn what_cannot_be_is_refused_with_its_line() {
    let e = remap("[keys]\nquit = \"x\"\n").unwrap_err();
    assert!(
        e.starts_with("config.toml:2: keys.quit: “x” is already “"),
        "{e}"
    );
    assert!(e.contains(" page"), "{e}");
    let e = remap("[keys]\n\nhelp = \"j\"\n").unwrap_err();
    assert!(
        e.contains("config.toml:3") && e.contains("“up / down”"),
        "{e}"
    );
    let e = remap("[keys]\nquit = \"ctrl-c\"\n").unwrap_err();
    assert!(e.contains("Ctrl-c always saves and quits"), "{e}");
    let e = remap("[keys]\nquitt = \"ctrl-q\"\n").unwrap_err();
    assert!(
        e.starts_with("config.toml:2: keys.quitt: no such action"),
        "{e}"
    );
    let e = remap("[keys]\nquit = \"hyper-q\"\n").unwrap_err();
    assert!(e.starts_with("config.toml:2: keys.quit:"), "{e}");
    let e = remap("[keys]\nquit = []\n").unwrap_err();
    assert!(e.contains("at least one key"), "{e}");
    // Moving a key off one action and onto another in the same file is fine.
    remap("[keys]\ndown = \"down\"\nquit = \"j\"\n").unwrap();
}

/// The file `mentorbook config` prints reads back as no file at all, keys included.
#[test]
fn the_default_file_changes_nothing() {
    let text = mentorbook::cli::default_config_file();
    assert_eq!(remap(&text), Ok(Remap::default()));
    for action in [
        "quit",
        "next_exercise",
        "switch_workbook",
        "up",
        "keep_both",
    ] {
        assert!(text.contains(&format!("# {action} = [")), "{action}");
    }
}
