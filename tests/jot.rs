//! `mentorbook jot` on an encrypted workbook, from the command line: no passphrase needed,
//! nothing readable left on disk, the entry taken in by the next session; words, standard
//! input and tags; the largest entry a field holds, and a 1 MiB one refused with nothing
//! changed. (Plain workbooks: `tests/journal_io.rs`; with the app open: `tests/encryption_pty.rs`.)

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use age::secrecy::SecretString;
use assert_cmd::cargo::cargo_bin;
use common::disk::files_with_bytes;
use common::{fixed_now, fixture};
use mentorbook::app::App;
use mentorbook::field::MAX_TEXT;
use mentorbook::shell::Session;
use mentorbook::store::{Store, crypt, inbox};

const PASS: &str = "a long passphrase for the tests";

fn mentorbook(home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(cargo_bin!("mentorbook"));
    cmd.env("HOME", home).env_remove("MENTORBOOK_FILE");
    cmd
}

/// An encrypted workbook holding the sample, at `<home>/data/workbook.json`.
fn encrypted_workbook(home: &Path) -> PathBuf {
    crypt::TEST_WORK_FACTOR.store(10, Ordering::Relaxed);
    let path = home.join("data").join("workbook.json");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    store
        .encrypt(
            &fixture(),
            &SecretString::from(PASS.to_string()),
            fixed_now(),
        )
        .unwrap();
    path
}

/// `jot` on `path` with `args` and standard input `stdin`; its exit code, stdout, stderr.
fn jot(home: &Path, path: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = mentorbook(home)
        .arg("--file")
        .arg(path)
        .arg("jot")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Words with tags and standard input, on an encrypted workbook: no passphrase asked (none
/// is given, and there is no terminal), a one-line confirmation, each entry an age file in
/// the inbox that holds no word of it; the next session takes both in, private, tagged,
/// and the inbox empties once its save holds them.
#[test]
fn jot_on_an_encrypted_workbook_needs_no_passphrase_and_leaves_nothing_readable() {
    let home = tempfile::tempdir().unwrap();
    let path = encrypted_workbook(home.path());
    let marker = format!("JOTTED-{}-zq", std::process::id());
    let (code, out, err) = jot(home.path(), &path, &[&marker, "#idea", "#Work"], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Added a private entry, ") && out.contains("#idea #Work (waiting"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    let piped = format!("{marker} piped\nsecond line #stdin\n");
    let (code, _, err) = jot(home.path(), &path, &[], &piped);
    assert_eq!(code, 0, "{err}");
    let waiting = fs::read_dir(inbox::inbox_dir(&path)).unwrap().count();
    assert_eq!(waiting, 2);
    for (p, bytes) in files_with_bytes(home.path()) {
        assert!(
            memchr::memmem::find(&bytes, marker.as_bytes()).is_none(),
            "{} holds the entry in plain text",
            p.display()
        );
    }
    // The next session, with the passphrase: both in the journal, the inbox emptied by the
    // save that holds them.
    crypt::unlock(&path, &SecretString::from(PASS.to_string())).unwrap();
    let (store, wb) = Store::open(&path).unwrap();
    let before = wb.journal.len();
    let mut s = Session::new(App::new(wb), store, fixed_now).journal_later(None);
    assert_eq!(s.app.workbook.journal.len(), before + 2);
    let e = |start: &str| {
        (s.app.workbook.journal.iter())
            .find(|e| e.text.starts_with(start))
            .unwrap()
            .clone()
    };
    let words = e(&format!("{marker} #idea"));
    assert_eq!(words.tags, ["idea", "Work"]);
    assert!(words.private);
    assert_eq!(e(&format!("{marker} piped")).tags, ["stdin"]);
    assert!(
        s.app
            .notice
            .as_deref()
            .unwrap()
            .contains("2 entries jotted")
    );
    assert!(s.save());
    assert_eq!(fs::read_dir(inbox::inbox_dir(&path)).unwrap().count(), 0);
    drop(s);
    let (_, back) = Store::open(&path).unwrap();
    assert_eq!(back.journal.len(), before + 2, "saved once, not twice");
}

/// The largest text a field holds goes in through the inbox, whole; a 1 MiB entry is
/// refused with a clear message, exit 1, and not a byte written anywhere.
#[test]
fn jot_takes_the_largest_entry_and_refuses_a_1_mib_one_changing_nothing() {
    let home = tempfile::tempdir().unwrap();
    let path = encrypted_workbook(home.path());
    let before = files_with_bytes(home.path());
    let huge = "x".repeat(1 << 20);
    let (code, out, err) = jot(home.path(), &path, &[], &huge);
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("longer than a journal entry holds"), "{err}");
    assert_eq!(files_with_bytes(home.path()), before);
    let largest = "y".repeat(MAX_TEXT);
    let (code, _, err) = jot(home.path(), &path, &[], &largest);
    assert_eq!(code, 0, "{err}");
    crypt::unlock(&path, &SecretString::from(PASS.to_string())).unwrap();
    let (mut store, mut wb) = Store::open(&path).unwrap();
    assert_eq!(store.take_inbox(&mut wb).added, 1);
    assert!(wb.journal.iter().any(|e| e.text == largest));
}

/// An inbox file a save already holds (the save's tidying was cut short) is not added
/// twice, and one that does not read is left where it is and named.
#[test]
fn an_entry_already_taken_in_is_not_added_twice_and_a_damaged_one_waits() {
    let home = tempfile::tempdir().unwrap();
    let path = encrypted_workbook(home.path());
    let (code, _, err) = jot(home.path(), &path, &["only once"], "");
    assert_eq!(code, 0, "{err}");
    let file = fs::read_dir(inbox::inbox_dir(&path))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let kept = fs::read(&file).unwrap();
    crypt::unlock(&path, &SecretString::from(PASS.to_string())).unwrap();
    {
        let (mut store, mut wb) = Store::open(&path).unwrap();
        assert_eq!(store.take_inbox(&mut wb).added, 1);
        store.save(&wb, fixed_now()).unwrap();
    }
    // As if the save's tidying never ran: the file back, plus a damaged one.
    fs::write(&file, kept).unwrap();
    let damaged = inbox::inbox_dir(&path).join("workbook-20261124-091500-00000000.json");
    fs::write(&damaged, b"age-encryption.org/v1\nnot really").unwrap();
    let (mut store, mut wb) = Store::open(&path).unwrap();
    let taken = store.take_inbox(&mut wb);
    assert_eq!(taken.added, 0);
    assert_eq!(taken.unreadable.len(), 1);
    assert_eq!(taken.unreadable[0].0, damaged);
    store.save(&wb, fixed_now()).unwrap();
    assert!(!file.exists(), "the duplicate's file goes");
    assert!(
        damaged.exists(),
        "a file that does not read is never removed"
    );
    let texts = wb.journal.iter().filter(|e| e.text == "only once").count();
    assert_eq!(texts, 1);
}
