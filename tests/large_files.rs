//! Large workbooks open in two parts (everything but the journal first, the journal on its
//! own thread). Whatever the route, the workbook read is the one written, and a damaged file
//! is refused exactly as a small one is, and left untouched.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::fs;

use mentorbook::model::{Journal, Workbook};
use mentorbook::store::{Arrival, DecodeError, OpenError, Store, encode, encode_data};

fn write(dir: &std::path::Path, wb: &Workbook) -> (std::path::PathBuf, Vec<u8>) {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
    let bytes = encode(&encode_data(wb), 4, at);
    let path = dir.join("workbook.json");
    fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

/// Writes `wb` with one entry deep inside the journal broken (a private flag that is not a
/// yes or no); returns the path and the text written.
fn write_with_a_damaged_entry(
    dir: &std::path::Path,
    wb: &Workbook,
) -> (std::path::PathBuf, String) {
    let (path, bytes) = write(dir, wb);
    let text = String::from_utf8(bytes).unwrap();
    let key = "\"private\": ";
    let at = text.len() / 2 + text[text.len() / 2..].find(key).unwrap() + key.len();
    let value_len = if text[at..].starts_with("true") { 4 } else { 5 };
    let damaged = format!("{}7{}", &text[..at], &text[at + value_len..]);
    fs::write(&path, &damaged).unwrap();
    (path, damaged)
}

#[test]
fn a_large_file_opens_in_two_parts_and_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let wb = generate::workbook(700, 3);
    let (path, bytes) = write(dir.path(), &wb);
    assert!(
        bytes.len() > 1 << 20,
        "large enough to take the two-part route"
    );
    {
        let (store, head, pending) = Store::open_progressive(&path).unwrap();
        assert!(pending.is_some(), "the journal comes separately");
        assert!(head.journal.is_empty());
        assert_eq!(head.conversations, wb.conversations);
        assert_eq!(head.closure, wb.closure);
        assert_eq!(store.generation(), 4);
        let arrived = pending.unwrap().wait().all().unwrap();
        let [Arrival::Whole(journal)] = &arrived[..] else {
            panic!("one whole journal: {arrived:?}");
        };
        assert_eq!(Journal::from(journal.clone()), wb.journal);
    }
    let (_, whole) = Store::open(&path).unwrap();
    assert_eq!(whole, wb);
    assert_eq!(fs::read(&path).unwrap(), bytes, "reading never writes");
}

#[test]
fn a_damaged_journal_in_a_large_file_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let wb = generate::workbook(700, 4);
    let (path, damaged) = write_with_a_damaged_entry(dir.path(), &wb);
    let (_, _, pending) = Store::open_progressive(&path).unwrap();
    let err = pending
        .expect("the head still reads")
        .wait()
        .all()
        .unwrap_err();
    match &err {
        OpenError::Decode {
            error: DecodeError::Field { field, .. },
            ..
        } => assert!(field.starts_with("data.journal["), "{field}"),
        other => panic!("unexpected: {other}"),
    }
    let e = Store::open(&path).unwrap_err();
    assert!(e.to_string().contains("data.journal["), "{e}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        damaged,
        "left untouched"
    );
}

#[test]
fn a_large_file_in_another_layout_still_opens_whole() {
    let dir = tempfile::tempdir().unwrap();
    let wb = generate::workbook(700, 5);
    let data = serde_json::to_string(&wb).unwrap();
    let path = dir.path().join("workbook.json");
    let compact =
        format!(r#"{{"format":"mentorbook","schema_version":1,"generation":2,"data":{data}}}"#);
    assert!(compact.len() > 1 << 20);
    fs::write(&path, &compact).unwrap();
    let (_, _, pending) = Store::open_progressive(&path).unwrap();
    assert!(pending.is_none(), "no layout to split on: read whole");
    let (store, read) = Store::open(&path).unwrap();
    assert_eq!(read, wb);
    assert_eq!(store.generation(), 2);
}

#[test]
fn a_large_file_damaged_before_its_journal_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let wb = generate::workbook(700, 6);
    let (path, bytes) = write(dir.path(), &wb);
    let text = String::from_utf8(bytes).unwrap();
    let damaged = text.replacen(
        "\"check_in_every_days\": 30",
        "\"check_in_every_days\": \"monthly\"",
        1,
    );
    assert_ne!(damaged, text);
    fs::write(&path, &damaged).unwrap();
    let Err(e) = Store::open_progressive(&path) else {
        panic!("refused")
    };
    assert!(
        e.to_string().contains("data.agreement.check_in_every_days"),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), damaged);
}

/// A large file whose journal turns out damaged while the plan is already on screen: a save
/// asked for meanwhile (the signal thread's on SIGTERM, an autosave, a second one after the
/// damage is known) writes nothing, so the file keeps its journal for `mentorbook check`.
#[test]
fn nothing_is_saved_over_a_large_file_whose_journal_is_damaged() {
    use mentorbook::app::App;
    use mentorbook::shell::Session;
    let dir = tempfile::tempdir().unwrap();
    let wb = generate::workbook(700, 7);
    let (path, damaged) = write_with_a_damaged_entry(dir.path(), &wb);
    let now = || chrono::Local::now();
    for background in [false, true] {
        let (store, head, pending) = Store::open_progressive(&path).unwrap();
        let mut session = Session::new(App::new(head), store, now).journal_later(pending);
        for _ in 0..2 {
            session.app.workbook.vision.statement = "typed while the journal loads".into();
            session.app.unsaved = true;
            if background {
                session.save_in_background();
                while session.saving() {
                    session.poll_save();
                }
            } else {
                assert!(!session.save(), "the save says it did not save");
            }
            assert_eq!(
                fs::read_to_string(&path).unwrap(),
                damaged,
                "background {background}: the file is as it was"
            );
        }
    }
}
