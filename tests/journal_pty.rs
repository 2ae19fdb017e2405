//! The journal read as a person reads it, in the real binary in a pseudo-terminal: the
//! preview follows the selection, `]` and `[` read on through the list from an entry, the
//! month view opens and jumps, and nothing of it changes the file.

#[path = "common/disk.rs"]
mod disk;
#[path = "common/pty.rs"]
mod driver;

use driver::*;

#[test]
fn the_preview_follows_the_list_and_entries_read_on_with_brackets() {
    let (home, file) = setup();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, include_str!("../assets/sample-workbook.json")).unwrap();
    let before = disk::files(&file);
    let mut pty = Pty::spawn(home.path(), &file);
    pty.wait_for("Ana's mentoring workbook");
    pty.type_("0");
    pty.wait_for("Preview");
    // The newest entry is selected and previewed, whole.
    pty.wait_for("Sun 2026-11-22 07:40 #reviews #mood");
    pty.wait_for("cut a discussion short politely.");
    pty.type_("j");
    pty.wait_for("Fri 2026-11-20 21:10 #reviews");
    pty.type_("\r");
    pty.wait_for("Written     2026-11-20 21:10");
    pty.type_("]");
    pty.wait_for("Written     2026-11-17 18:05");
    assert!(pty.contents().contains("Coffee with Priya"));
    pty.type_("]]");
    pty.wait_for("Written     2026-11-06 08:00");
    pty.type_("]");
    pty.wait_for("This is the oldest entry of the list.");
    pty.type_("[");
    pty.wait_for("Written     2026-11-12 22:30");
    // Back on the list, on the entry last read, its preview beside.
    pty.escape_to("Preview");
    pty.wait_for("Thu 2026-11-12 22:30 #mood");
    // The month view: back a day from the 12th, then to the entry of the 6th before it.
    pty.type_("m");
    pty.wait_for("November 2026");
    pty.wait_for("2026-11-12: 1 entry");
    pty.type_("hhh");
    pty.wait_for("2026-11-09: no entry");
    pty.type_("\r");
    pty.wait_for("Nothing on 2026-11-09: this is the entry before it, 2026-11-06.");
    pty.wait_for("Fri 2026-11-06 08:00 #goals");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    assert_eq!(disk::files(&file), before, "reading changes nothing");
}
