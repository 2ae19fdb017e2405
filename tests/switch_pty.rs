//! `W` in the real binary: a mentor moves between mentees' workbooks without quitting. The
//! one left is saved and its lock released; the picker shows where each relationship
//! stands; a workbook without names asks for them and keeps the answers.

#[path = "common/disk.rs"]
mod disk;
#[path = "common/pty.rs"]
mod driver;

use std::ffi::OsStr;
use std::path::Path;

use driver::Pty;
use mentorbook::model::{Role, Workbook};
use mentorbook::store::Store;

fn named(home: &Path, name: &str, wb: &Workbook) -> std::path::PathBuf {
    disk::named_workbook(home, name, wb, chrono::Local::now())
}

fn mentor_of(mentee: &str) -> Workbook {
    Workbook {
        mentee: mentee.into(),
        mentor: "Dana Fox".into(),
        role: Role::Mentor,
        ..Workbook::default()
    }
}

/// Whether another program could open the workbook now (its lock is free).
fn free(path: &Path) -> bool {
    Store::open(path).is_ok()
}

#[test]
fn w_saves_lets_go_and_opens_another_asking_names_when_missing() {
    let home = tempfile::tempdir().unwrap();
    let ana = named(home.path(), "ana", &mentor_of("Ana Ruiz"));
    let ben = named(home.path(), "ben", &mentor_of("Ben Okafor"));
    let fresh = named(home.path(), "fresh", &Workbook::default());
    let data = home.path().join("data");
    let env = [("XDG_DATA_HOME", data.as_os_str())];
    let args: [&OsStr; 2] = ["--workbook".as_ref(), "ana".as_ref()];
    let mut pty = Pty::spawn_with(home.path(), &args, &env);
    assert!(!free(&ana), "the open workbook is locked");

    pty.type_("W");
    pty.wait_for("Choose a workbook");
    let screen = pty.contents();
    assert!(screen.contains("(open now)"), "{screen}");
    assert!(screen.contains("Ben Okafor"), "{screen}");
    assert!(screen.contains("mentor"), "the status shows: {screen}");
    // Esc stays where we were.
    pty.type_("\x1b");
    pty.wait_for("Overview");
    assert!(!free(&ana));

    // What was typed is saved on the way out, autosave or not.
    pty.type_("n");
    pty.type_seen("Said yes to the panel");
    pty.type_("\x1b");
    pty.type_("W");
    pty.wait_for("Choose a workbook");
    pty.type_("j\r");
    pty.wait_for("Opened “ben”");
    assert!(free(&ana), "the workbook left is let go");
    let (_, left) = Store::open(&ana).unwrap();
    assert!(
        (left.journal.iter()).any(|e| e.text.contains("Said yes to the panel")),
        "{:?}",
        left.journal
    );
    assert!(!free(&ben));

    // A workbook without names asks whose it is and who is in it, then keeps the answers.
    pty.type_("W");
    pty.wait_for("Choose a workbook");
    pty.type_("j\r");
    pty.wait_for("Whose workbook");
    pty.type_("j\r");
    pty.wait_for("The mentee's name");
    pty.type_("Cleo Park\r");
    pty.wait_for("The mentor's name (yours)");
    pty.type_("Dana Fox\r");
    pty.wait_for("Opened “fresh”");
    assert!(free(&ben));
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let (_, wb) = Store::open(&fresh).unwrap();
    assert_eq!(
        (wb.role, wb.mentee.as_str(), wb.mentor.as_str()),
        (Role::Mentor, "Cleo Park", "Dana Fox")
    );
}

/// With only the open workbook in the data folder there is nothing to choose: the app says
/// how to make another instead of showing a list of one.
#[test]
fn w_with_one_workbook_says_how_to_make_another() {
    let home = tempfile::tempdir().unwrap();
    named(home.path(), "ana", &mentor_of("Ana Ruiz"));
    let data = home.path().join("data");
    let env = [("XDG_DATA_HOME", data.as_os_str())];
    let args: [&OsStr; 2] = ["--workbook".as_ref(), "ana".as_ref()];
    let mut pty = Pty::spawn_with(home.path(), &args, &env);
    pty.type_("W");
    pty.wait_for("only workbook");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// Paying it forward: `F` on closure saves this workbook and opens a new one, in the data
/// folder, where this workbook's mentee is the mentor; `W` goes back.
#[test]
fn f_on_closure_starts_a_workbook_as_a_mentor() {
    let home = tempfile::tempdir().unwrap();
    let mine = Workbook {
        mentee: "Ana Ruiz".into(),
        mentor: "Ben Okafor".into(),
        ..Workbook::default()
    };
    let ana = named(home.path(), "ana", &mine);
    let data = home.path().join("data");
    let env = [("XDG_DATA_HOME", data.as_os_str())];
    let args: [&OsStr; 2] = ["--workbook".as_ref(), "ana".as_ref()];
    let mut pty = Pty::spawn_with(home.path(), &args, &env);
    pty.wait_for("Overview");
    pty.type_("9");
    pty.wait_for("Closure");
    pty.type_("F");
    pty.wait_for("your own workbook as a mentor");
    assert!(free(&ana), "the workbook left is let go");
    let made = mentorbook::workbooks::path_of(&data.join("mentorbook"), "ana-as-mentor");
    assert!(!free(&made), "the new one is open");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    let (_, wb) = Store::open(&made).unwrap();
    assert_eq!(wb.role, Role::Mentor);
    assert_eq!(wb.mentor, "Ana Ruiz");
    assert_eq!(wb.mentee, "");
    // A second time, the name is free again with a number.
    let mut pty = Pty::spawn_with(home.path(), &args, &env);
    pty.wait_for("Overview");
    pty.type_("9F");
    pty.wait_for("ana-as-mentor-2");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
}
