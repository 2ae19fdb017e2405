//! The themes and the configuration file as a person meets them: every screen drawn in
//! every built-in theme, `mono` with no colour anywhere and every state still told apart,
//! a configuration that does not read refused with its line, and `mentorbook config`.

mod common;

use std::path::Path;

use common::{app_at, draw, focus, press};
use mentorbook::field::{Field, VisionPart};
use mentorbook::nav::{Exercise, Screen, Target};
use mentorbook::theme::{BUILT_IN, MONO, use_theme};
use ratatui::style::{Color, Modifier};

fn screens() -> Vec<Screen> {
    Screen::top_level().chain(Screen::PAGE_KINDS).collect()
}

/// Every screen, browsing, with help open and in call mode, in every theme and at both
/// sizes: nothing panics.
#[test]
fn every_screen_draws_in_every_theme() {
    for (_, theme) in BUILT_IN {
        use_theme(theme);
        for screen in screens() {
            for keys in ["", "?", "C"] {
                let mut app = app_at(screen);
                press(&mut app, keys);
                draw(&app, 80, 24);
                draw(&app, 120, 40);
            }
        }
    }
}

/// In `mono` no cell has a colour, on any screen, in any mode.
#[test]
fn mono_draws_no_colour_at_all() {
    use_theme(&MONO);
    let mut cells = 0;
    for screen in screens() {
        for keys in ["", "?", "C", "<Enter>", "d"] {
            let mut app = app_at(screen);
            press(&mut app, keys);
            let terminal = draw(&app, 120, 40);
            for cell in terminal.backend().buffer().content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{screen:?} after {keys:?}: “{}” is {:?} on {:?}",
                    cell.symbol(),
                    cell.fg,
                    cell.bg
                );
                cells += 1;
            }
        }
    }
    assert!(cells > 100_000, "{cells}");
}

/// Without colour the states still differ: a focused box has bold lines, an edited one
/// reversed lines; the focused row is reversed; the title bar is reversed.
#[test]
fn mono_tells_focus_from_editing_without_colour() {
    use_theme(&MONO);
    let border_mods = |app: &mentorbook::app::App| -> Vec<Modifier> {
        let terminal = draw(app, 120, 40);
        let buf = terminal.backend().buffer().clone();
        (buf.content().iter())
            .filter(|c| c.symbol() == "─" || c.symbol() == "━")
            .map(|c| c.modifier)
            .collect()
    };
    let mut app = app_at(Screen::Exercise(Exercise::Vision));
    focus(
        &mut app,
        Target::Field(Field::Vision(VisionPart::Statement)),
    );
    let browsing = border_mods(&app);
    assert!(browsing.iter().any(|m| m.contains(Modifier::BOLD)));
    assert!(!browsing.iter().any(|m| m.contains(Modifier::REVERSED)));
    press(&mut app, "<Enter>");
    let editing = border_mods(&app);
    assert!(editing.iter().any(|m| m.contains(Modifier::REVERSED)));
    let home = draw(&app_at(Screen::Home), 80, 24);
    let buf = home.backend().buffer();
    assert!(
        buf[(0, 0)].modifier.contains(Modifier::REVERSED),
        "title bar"
    );
    let focused_row = (0..24).any(|y| {
        (0..80).any(|x| {
            buf[(x, y)].symbol() == "›" || buf[(x, y)].modifier.contains(Modifier::REVERSED)
        })
    });
    assert!(focused_row);
}

fn mentorbook(home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("mentorbook"));
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR")
        .env_remove("MENTORBOOK_FILE");
    cmd
}

/// `mentorbook config` prints where the file belongs and the default file, which reads
/// back as no file at all; `--path` prints the place alone.
#[test]
fn config_prints_its_place_and_the_default_file() {
    let home = tempfile::tempdir().unwrap();
    let out = mentorbook(home.path()).arg("config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let place = home.path().join("config/mentorbook/config.toml");
    assert!(
        text.starts_with(&format!("# This file belongs at {}\n", place.display())),
        "{text}"
    );
    assert!(text.contains("# theme = \"dark\""), "{text}");
    // Written where it says, it changes nothing.
    std::fs::create_dir_all(place.parent().unwrap()).unwrap();
    std::fs::write(&place, &text).unwrap();
    mentorbook(home.path()).arg("list").assert().success();
    let only = mentorbook(home.path())
        .args(["config", "--path"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(only.stdout).unwrap(),
        format!("{}\n", place.display())
    );
}

/// A configuration that does not read stops mentorbook before it opens anything, naming
/// the file, the line and the option; `config` still prints, to help mend it.
#[test]
fn a_configuration_that_does_not_read_is_refused_with_its_line() {
    let home = tempfile::tempdir().unwrap();
    let place = home.path().join("config/mentorbook/config.toml");
    std::fs::create_dir_all(place.parent().unwrap()).unwrap();
    for (text, line, name) in [
        ("theme = \"dark\"\nthem = \"light\"\n", 2, "them"),
        ("# mine\ntheme = \"sepia\"\n", 2, "sepia"),
        (
            "[colors]\n\nwarning = \"blinking red\"\n",
            3,
            "colors.warning",
        ),
        ("[keys]\nquit = \"x\"\n", 2, "“x” is already"),
    ] {
        std::fs::write(&place, text).unwrap();
        let out = mentorbook(home.path()).arg("list").output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{text}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("{}:{line}", place.display())) && err.contains(name),
            "{text} → {err}"
        );
        assert!(!home.path().join("data").exists(), "nothing was opened");
        mentorbook(home.path()).arg("config").assert().success();
    }
}
