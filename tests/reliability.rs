//! The reliability suite, in process (numbers refer to the test plan in the README's
//! Reliability section): faults injected at every step of a save (6), a file changed by
//! another program (11), the bad-file corpus (12), arbitrary bytes (13), round trips of
//! arbitrary workbooks (14), migration fixtures (15), unknown fields (16), resize storms (19),
//! large pastes (20, 21) and Unicode in every field (22). Figures go to stderr: run with
//! `cargo test --test reliability -- --nocapture` to see them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::disk::files;
use common::fields::{distinct_text_fields, text_fields};
use common::{Script, fixed_now, fixture, screen_text, send};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use mentorbook::app::{App, Status};
use mentorbook::field::{Field, VisionPart};
use mentorbook::model::{JournalEntry, Workbook};
use mentorbook::nav::Exercise;
use mentorbook::nav::{Mode, Screen};
use mentorbook::shell::{Session, run};
use mentorbook::store::{
    DecodeError, Faults, OpenError, SaveStep, Saved, Store, decode, encode, encode_data,
};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    (dir, path)
}

/// Temporary, partial and moved-aside files left in the folder, its parts or its backups.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let parts = mentorbook::store::parts_dir(&dir.join("workbook.json"));
    for d in [dir.to_path_buf(), dir.join("backups"), parts] {
        for e in fs::read_dir(d).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".tmp") || name.ends_with(".partial") || name.ends_with(".prev") {
                found.push(name);
            }
        }
    }
    found
}

/// The sample saved in a fresh folder and opened in a session, with the file `which` names
/// (the manifest or the plan) for another program to change.
fn saved_and_opened(which: &str) -> (tempfile::TempDir, PathBuf, PathBuf, Session) {
    let (dir, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    drop(store);
    let target = match which {
        "its plan" => mentorbook::store::parts_dir(&path).join("plan.json"),
        _ => path.clone(),
    };
    let s = session_on(&path);
    (dir, path, target, s)
}

fn session_on(path: &Path) -> Session {
    let (store, wb) = Store::open(path).unwrap();
    let mut app = App::new(wb);
    app.today = fixed_now().date_naive();
    Session::new(app, store, fixed_now)
}

/// Fails `step` once (the next time it comes) or on every save until `clear` is set.
fn fault(step: SaveStep, persistent: bool) -> (Faults, Arc<AtomicBool>) {
    let clear = Arc::new(AtomicBool::new(false));
    let fired = Arc::new(AtomicUsize::new(0));
    let c = Arc::clone(&clear);
    let f = Faults(Arc::new(move |s, _: &Path| {
        if s != step || c.load(Ordering::SeqCst) {
            return Ok(());
        }
        if !persistent && fired.fetch_add(1, Ordering::SeqCst) > 0 {
            return Ok(());
        }
        // The errors a disk gives, one per step.
        let errno = [
            libc::ENOSPC,
            libc::EROFS,
            libc::EACCES,
            libc::EIO,
            libc::EIO,
            libc::EDQUOT,
            libc::EIO,
        ][SaveStep::ALL.iter().position(|x| *x == step).unwrap_or(0)];
        Err(std::io::Error::from_raw_os_error(errno))
    }));
    (f, clear)
}

/// Test 6: every step of the save fails, once and persistently, on a first save and on a
/// later one, for every file a save writes (the plan, a month of journal, the manifest). The
/// workbook's files stay byte-identical (only a failed flush of the folder after the
/// manifest's rename leaves the new save in place, still reported NOT SAVED), nothing is
/// left behind, the status line says NOT SAVED, and the save succeeds once the fault clears.
#[test]
fn a_fault_at_any_step_of_a_save_keeps_the_old_file_and_is_reported() {
    let mut points = 0;
    for step in SaveStep::ALL {
        for persistent in [false, true] {
            for existing in [false, true] {
                for which in ["manifest", "part"] {
                    points += 1;
                    let (dir, path) = temp();
                    let parts = mentorbook::store::parts_dir(&path);
                    let before = existing.then(|| {
                        let (mut store, _) = Store::open(&path).unwrap();
                        store.save(&fixture(), fixed_now()).unwrap();
                        files(&path)
                    });
                    let mut s = session_on(&path);
                    s.app.workbook.vision.statement = "typed before the fault".into();
                    s.app.workbook.journal.push(JournalEntry {
                        id: 999,
                        at: fixed_now().fixed_offset(),
                        text: "an entry typed before the fault".into(),
                        ..JournalEntry::default()
                    });
                    s.app.unsaved = true;
                    let clear = Arc::new(AtomicBool::new(false));
                    let fired = Arc::new(AtomicUsize::new(0));
                    let (c, f, p) = (Arc::clone(&clear), Arc::clone(&fired), parts.clone());
                    s.store
                        .inject_faults(Some(Faults(Arc::new(move |st, at: &Path| {
                            // A part, its temporary file or the parts folder; else the manifest's.
                            let on_part = at == p || at.parent() == Some(&p);
                            if st != step
                                || c.load(Ordering::SeqCst)
                                || on_part != (which == "part")
                            {
                                return Ok(());
                            }
                            if !persistent && f.load(Ordering::SeqCst) > 0 {
                                return Ok(());
                            }
                            f.fetch_add(1, Ordering::SeqCst);
                            Err(std::io::Error::from_raw_os_error(libc::EIO))
                        }))));
                    let tries = if persistent { 3 } else { 1 };
                    let generation = s.store.generation();
                    // Only a failed flush of the workbook's own folder comes after the
                    // manifest's rename: then the save is on disk.
                    let landed = step == SaveStep::SyncDir && which == "manifest";
                    for _ in 0..tries {
                        let what = format!(
                            "{step:?} on the {which}, persistent={persistent} existing={existing}"
                        );
                        assert!(!s.save(), "{what}: the save must say it failed");
                        assert!(
                            matches!(s.app.status, Status::NotSaved(_)),
                            "{what}: never reported as saved"
                        );
                        assert!(screen_text(&s.app, 80, 24).contains("NOT SAVED"), "{what}");
                        if landed {
                            let on_disk = mentorbook::store::read_only(&path).unwrap();
                            assert_eq!(s.store.generation(), on_disk.generation, "{what}");
                            assert_eq!(
                                on_disk.workbook.vision.statement, "typed before the fault",
                                "{what}"
                            );
                        } else {
                            assert_eq!(s.store.generation(), generation, "{what}");
                            let now = Some(files(&path)).filter(|f| !f.is_empty());
                            assert_eq!(now, before, "{what}: every file byte-identical");
                        }
                        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{what}");
                    }
                    assert!(
                        fired.load(Ordering::SeqCst) > 0,
                        "{step:?} on the {which} came"
                    );
                    clear.store(true, Ordering::SeqCst);
                    assert!(s.save(), "{step:?}: the save works once the fault is gone");
                    assert!(matches!(s.app.status, Status::Saved(_)));
                    let saved = mentorbook::store::read_only(&path).unwrap();
                    assert_eq!(saved.workbook.vision.statement, "typed before the fault");
                    assert!(saved.workbook.journal.iter().any(|e| e.id == 999));
                    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
                    assert!(
                        s.store.conflict().is_none(),
                        "our own rename is no conflict"
                    );
                }
            }
        }
    }
    eprintln!("fault injection: {points} failure points × modes × files, 0 corruptions");
}

/// Test 9: a temporary file damaged between writing and the rename (cut at every offset, or
/// one byte changed), whichever file of the save it is (the plan, a month, the manifest), is
/// caught by reading it back: no rename happens, every file stays byte-identical, and
/// nothing is left behind.
#[test]
fn a_temp_file_damaged_before_the_rename_is_caught() {
    let (dir, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&Workbook::default(), fixed_now()).unwrap();
    let before = files(&path);
    let mut wb = Workbook::default();
    wb.vision.statement = "the new version".into();
    wb.journal.push(JournalEntry {
        id: 1,
        at: fixed_now().fixed_offset(),
        text: "a new entry".into(),
        ..JournalEntry::default()
    });
    // The longest of the files this save writes: every cut of it, and of the shorter ones
    // every cut they have.
    let len = encode(&encode_data(&wb), 2, fixed_now().fixed_offset()).len();
    let mut cases = 0;
    for damage in (0..len).map(Some).chain([None]) {
        // One file of the save damaged (a different one as the cut moves on), the others not.
        let victim = cases % 3;
        let seen = Arc::new(AtomicUsize::new(0));
        let seen2 = Arc::clone(&seen);
        store.inject_faults(Some(Faults(Arc::new(move |step, at: &Path| {
            if step == SaveStep::Verify && seen2.fetch_add(1, Ordering::SeqCst) == victim {
                let mut bytes = fs::read(at)?;
                match damage {
                    Some(cut) => bytes.truncate(cut.min(bytes.len() - 1)),
                    None => {
                        let mid = bytes.len() / 2;
                        bytes[mid] ^= 0x20;
                    }
                }
                fs::write(at, bytes)?;
            }
            Ok(())
        }))));
        let err = store.save(&wb, fixed_now()).unwrap_err();
        assert_eq!(err.step, "checking what was written");
        assert_eq!(files(&path), before, "damage {damage:?} of file {victim}");
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
        cases += 1;
    }
    store.inject_faults(None);
    store.save(&wb, fixed_now()).unwrap();
    let back = mentorbook::store::read_only(&path).unwrap().workbook;
    assert_eq!(back.vision.statement, "the new version");
    assert_eq!(back.journal.len(), 1);
    eprintln!("read-back: {cases} damaged temp files (every cut and a changed byte), 0 renamed");
}

/// R5: a save that more than halves a file keeps the file as it was, even when the
/// ten-minute backup slot is already taken: here a month whose entries were deleted, and the
/// plan emptied.
#[test]
fn a_save_that_shrinks_the_file_by_half_keeps_the_old_one() {
    let (dir, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&Workbook::default(), fixed_now()).unwrap();
    let big = twenty_kb();
    store.save(&big, fixed_now()).unwrap();
    let parts = mentorbook::store::parts_dir(&path);
    let month = (fs::read_dir(&parts).unwrap().flatten())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("journal-"))
        .max_by_key(|n| fs::metadata(parts.join(n)).unwrap().len())
        .unwrap();
    let big_month = fs::read(parts.join(&month)).unwrap();
    let big_plan = fs::read(parts.join("plan.json")).unwrap();
    store.save(&Workbook::default(), fixed_now()).unwrap();
    let kept = |part: &str| -> Vec<PathBuf> {
        let stem = format!("workbook.{}.before-shrink-", part.trim_end_matches(".json"));
        (fs::read_dir(dir.path().join("backups")).unwrap().flatten())
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().contains(&stem))
            .collect()
    };
    for (part, bytes) in [(month.as_str(), big_month), ("plan.json", big_plan)] {
        let copies = kept(part);
        assert_eq!(copies.len(), 1, "{part}");
        assert_eq!(fs::read(&copies[0]).unwrap(), bytes, "{part}");
        assert_eq!(mode(&copies[0]), 0o600);
    }
    assert!(!parts.join(&month).exists(), "an emptied month's file goes");
}

/// Test 6, through the event loop: after a failed save the app retries on its own (here at
/// the next pause, standing in for the back-off deadline) and the text reaches the disk.
#[test]
fn a_failed_autosave_is_retried_without_a_key() {
    let (_dir, path) = temp();
    let (mut store, wb) = Store::open(&path).unwrap();
    let (faults, _clear) = fault(SaveStep::Write, false);
    store.inject_faults(Some(faults));
    let mut app = App::new(wb);
    common::go_to(&mut app, Field::Vision(VisionPart::Statement));
    let session = Mutex::new(Session::new(app, store, fixed_now));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // Esc saves, and that save fails. Then no key at all: only time passes, deadline after
    // deadline, until the text is on disk (the loop asking to wait for ever instead ends
    // the run: no retry is coming). The file is read at each deadline, before the run ends
    // (which, like a lost terminal, would save by itself).
    let mut events = common::TimePasses::new(Script::new("<Enter>kept<Esc>"), &path, "kept", 5);
    run(&session, &mut terminal, &mut events, &AtomicUsize::new(0)).unwrap();
    assert!(!events.waited_for_ever, "no retry was scheduled");
    assert_eq!(
        events.seen.first().map(String::as_str),
        Some(""),
        "the failed save wrote nothing"
    );
    assert_eq!(
        events.seen.last().map(String::as_str),
        Some("kept"),
        "saved at a deadline, with no key: {:?}",
        events.seen
    );
    assert!(matches!(
        session.lock().unwrap().app.status,
        Status::Saved(_)
    ));
}

/// Test 11: another program replaces, truncates or rewrites a file of the workbook (its own,
/// or a part a save would write), or only touches it, or deletes it, while it is open. A
/// real change is never silently overwritten: our version goes to a conflict copy (one whole
/// file, 0600). If theirs reads, the two are merged (their version kept in `backups/` first,
/// our copy moved there after) and saves go on; if it does not, later saves keep the copy up
/// to date and leave their file alone. The status line says which. A touch is no change,
/// and a deleted file is written again with a note.
#[test]
fn a_file_changed_by_another_program_is_never_overwritten() {
    type Change = fn(&Path);
    // Each changes the content: a space after the opening brace keeps it valid JSON.
    let scenarios: [(&str, Change); 4] = [
        ("replace", |p| {
            let other = p.with_extension("other");
            fs::write(
                &other,
                fs::read_to_string(p).unwrap().replacen('{', "{ ", 1),
            )
            .unwrap();
            fs::rename(&other, p).unwrap();
        }),
        ("rewrite in place", |p| {
            let text = fs::read_to_string(p).unwrap().replacen('{', "{ ", 1);
            fs::write(p, text).unwrap();
        }),
        ("truncate", |p| {
            fs::File::create(p).unwrap();
        }),
        ("append", |p| {
            use std::io::Write;
            let mut f = fs::OpenOptions::new().append(true).open(p).unwrap();
            f.write_all(b"\n").unwrap();
        }),
    ];
    let mut silent = 0;
    let mut tried = 0;
    for (name, change) in scenarios {
        for which in ["the workbook's file", "its plan"] {
            let (dir, path, target, mut s) = saved_and_opened(which);
            // Modification times can be coarse: make sure the change shows in them or the size.
            std::thread::sleep(Duration::from_millis(20));
            change(&target);
            let theirs = files(&path);
            s.app.workbook.vision.statement = "ours".into();
            s.app.unsaved = true;
            let generation = s.store.generation();
            let what = format!("{name} {which}");
            assert!(!s.save(), "{what}: not saved over their file");
            // Their version as they left it is kept: in place while it cannot be merged
            // (it does not read), in backups/ before a merge writes over it.
            let before_merge = in_backups(dir.path(), ".before-merge-");
            let readable = name != "truncate";
            if files(&path) != theirs || readable && before_merge.is_none() {
                silent += 1;
            }
            if readable {
                // Merged: ours went to a copy, now in backups/; saves go on to the workbook.
                assert!(s.store.conflict().is_none(), "{what}: merged");
                let kept_theirs = decode(&fs::read(before_merge.unwrap()).unwrap()).unwrap();
                assert_eq!(kept_theirs.workbook.journal, fixture().journal, "{what}");
                assert_eq!(
                    kept_theirs.workbook.vision.statement,
                    fixture().vision.statement
                );
                let status = screen_text(&s.app, 100, 24);
                assert!(status.contains("Merged"), "{what}: {status}");
                assert!(s.save(), "{what}: saves go to the workbook again");
                // Once the merged workbook is saved, our copy goes to backups/.
                let copy = in_backups(dir.path(), ".merged.json").expect("our copy, kept");
                assert_ours_kept(&copy, generation, &what);
                let saved = mentorbook::store::read_only(&path).unwrap().workbook;
                assert_eq!(saved.vision.statement, "ours", "{what}");
                assert_eq!(saved.journal, fixture().journal, "{what}");
                tried += 1;
                continue;
            }
            let copy = s.store.conflict().expect("a conflict copy").to_path_buf();
            assert_eq!(copy.parent().unwrap(), dir.path());
            assert_ours_kept(&copy, generation, &what);
            let status = screen_text(&s.app, 100, 24);
            assert!(
                status.contains("changed outside mentorbook"),
                "{what}: {status}"
            );
            // Later saves keep the same copy current; their files stay theirs.
            s.app.workbook.vision.statement = "ours, later".into();
            s.app.unsaved = true;
            assert!(!s.save());
            assert_eq!(s.store.conflict(), Some(copy.as_path()));
            assert!(fs::read_to_string(&copy).unwrap().contains("ours, later"));
            assert_eq!(files(&path), theirs, "{what}");
            tried += 1;
        }
    }
    // A touch changes nothing that matters; a deletion is written again, with a note.
    for which in ["the workbook's file", "its plan"] {
        let (_dir, path, target, mut s) = saved_and_opened(which);
        std::thread::sleep(Duration::from_millis(20));
        let f = fs::File::options().write(true).open(&target).unwrap();
        f.set_modified(std::time::SystemTime::now()).unwrap();
        s.app.workbook.vision.statement = "after a touch".into();
        s.app.unsaved = true;
        assert!(s.save(), "touch {which}");
        let read = |p: &Path| mentorbook::store::read_only(p).unwrap().workbook;
        assert_eq!(read(&path).vision.statement, "after a touch");
        fs::remove_file(&target).unwrap();
        s.app.workbook.vision.statement = "after a delete".into();
        s.app.unsaved = true;
        assert!(s.save(), "delete {which}");
        assert_eq!(read(&path).vision.statement, "after a delete", "{which}");
        tried += 2;
    }
    assert_eq!(silent, 0);
    eprintln!(
        "external changes: {tried} scenarios on the workbook's file and its plan, 0 silent overwrites"
    );
}

/// `copy` is ours, whole, one save after `generation`, and private.
fn assert_ours_kept(copy: &Path, generation: u64, what: &str) {
    let kept = decode(&fs::read(copy).unwrap()).unwrap();
    assert_eq!(kept.workbook.vision.statement, "ours", "{what}");
    assert_eq!(
        kept.workbook.journal,
        fixture().journal,
        "{what}: the whole of ours"
    );
    assert_eq!(
        kept.generation,
        generation + 1,
        "the copy follows our last save"
    );
    assert_eq!(mode(copy), 0o600);
}

/// The file in `dir`'s `backups/` whose name holds `part`, if there is one.
fn in_backups(dir: &Path, part: &str) -> Option<PathBuf> {
    (fs::read_dir(dir.join("backups")).ok()?.flatten())
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains(part))
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Opens `bytes` as a workbook file: refused with a message that names the file, the file
/// byte-identical afterwards. Returns the error and how long the open took.
fn refused(bytes: &[u8]) -> (OpenError, Duration) {
    let (_d, path) = temp();
    fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let err = Store::open(&path).expect_err("a bad file is refused");
    let took = start.elapsed();
    assert!(fs::read(&path).unwrap() == bytes, "the file is untouched");
    let msg = err.to_string();
    assert!(msg.contains("left exactly as it is"), "{msg}");
    (err, took)
}

fn sample() -> String {
    fs::read_to_string("assets/sample-workbook.json").unwrap()
}

/// `text` as UTF-16 (little-endian), as some editors save it.
fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Test 12: the bad-file corpus. Every case is refused with a clear reason, never a panic,
/// and the file is left byte-identical (the store tests add every cut and bit flips).
#[test]
fn the_bad_file_corpus_is_refused_and_left_untouched() {
    let good = sample();
    let head = |rest: &str| format!("{{\"format\":\"mentorbook\",{rest}}}");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("whitespace", b" \n\t\r\n  ".to_vec()),
        ("all NUL", vec![0; 4096]),
        ("NUL inside", good.replacen("Ana", "A\0a", 1).into_bytes()),
        ("invalid UTF-8", {
            let mut b = good.clone().into_bytes();
            let at = good.find("Ana").unwrap();
            b[at] = 0xff;
            b
        }),
        (
            "UTF-16 with its mark",
            [b"\xff\xfe".as_slice(), &utf16(&good)].concat(),
        ),
        ("UTF-16 without a mark", utf16(&good)),
        (
            "duplicate key",
            good.replacen("\"mentee\": ", "\"mentee\": \"x\",\n    \"mentee\": ", 1)
                .into_bytes(),
        ),
        (
            "wrong type: number for text",
            good.replacen("\"mentee\": \"Ana Ruiz\"", "\"mentee\": 7", 1)
                .into_bytes(),
        ),
        (
            "wrong type: object for list",
            good.replacen("\"goals\": [", "\"goals\": {\"a\": [", 1)
                .into_bytes(),
        ),
        (
            "wrong type: data is text",
            head("\"schema_version\":1,\"data\":\"x\"").into_bytes(),
        ),
        (
            "wrong type: data is a number",
            head("\"schema_version\":1,\"data\":7").into_bytes(),
        ),
        ("missing schema_version", head("\"data\":{}").into_bytes()),
        (
            "version 0",
            head("\"schema_version\":0,\"data\":{}").into_bytes(),
        ),
        (
            "version -1",
            head("\"schema_version\":-1,\"data\":{}").into_bytes(),
        ),
        (
            "version string",
            head("\"schema_version\":\"1\",\"data\":{}").into_bytes(),
        ),
        (
            "version 1.5",
            head("\"schema_version\":1.5,\"data\":{}").into_bytes(),
        ),
        (
            "version 999",
            head("\"schema_version\":999,\"data\":{}").into_bytes(),
        ),
        (
            "not mentorbook",
            b"{\"format\":\"other\",\"data\":{}}".to_vec(),
        ),
        ("no data", head("\"schema_version\":1").into_bytes()),
        ("deep nesting", deep.into_bytes()),
        (
            "deep nesting inside data",
            head(&format!(
                "\"schema_version\":1,\"data\":{{\"title\":{}1{}}}",
                "[".repeat(5000),
                "]".repeat(5000)
            ))
            .into_bytes(),
        ),
        (
            "unknown field",
            good.replacen("\"mentee\": ", "\"mood\": \"calm\",\n    \"mentee\": ", 1)
                .into_bytes(),
        ),
        ("a bare string", b"\"mentorbook\"".to_vec()),
        (
            "a list for the data",
            head("\"schema_version\":1,\"data\":[]").into_bytes(),
        ),
        (
            "a list for a section",
            good.replacen("\"vision\": {", "\"vision\": [], \"x\": {", 1)
                .into_bytes(),
        ),
        (
            "an unknown key in the envelope",
            good.replacen(
                "\"generation\"",
                "\"sync_rev\": \"12-9f2c\",\n  \"generation\"",
                1,
            )
            .into_bytes(),
        ),
        ("trailing garbage", format!("{good}}}").into_bytes()),
    ];
    let mut slowest = Duration::ZERO;
    for (name, bytes) in &cases {
        let (err, took) = refused(bytes);
        slowest = slowest.max(took);
        assert!(
            matches!(err, OpenError::Decode { .. }),
            "{name}: a decode error, got {err}"
        );
    }
    // Truncated at every byte offset of a 20 KB file (generated: the sample is smaller).
    let big = encode(&encode_data(&twenty_kb()), 3, fixed_now().fixed_offset());
    assert!(big.len() >= 20_000, "{}", big.len());
    // Two threads: each cut is a full (failing) parse.
    let cuts = big.len() - 1;
    std::thread::scope(|s| {
        for half in 0..2 {
            let big = &big;
            s.spawn(move || {
                for cut in (half..big.len() - 1).step_by(2) {
                    assert!(decode(&big[..cut]).is_err(), "cut at {cut}");
                }
            });
        }
    });
    // A 100 MB file: one journal entry that never ends.
    let mut huge = big[..big.len() / 2].to_vec();
    huge.extend(std::iter::repeat_n(b'x', 100 << 20));
    let (err, took) = refused(&huge);
    assert!(matches!(err, OpenError::Decode { .. }));
    eprintln!(
        "bad files: {} cases + {cuts} cuts + a 100 MB file, 0 panics, 0 overwrites; slowest small \
         case {slowest:?}, 100 MB file {took:?} ({} build)",
        cases.len(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
}

/// The sample with enough journal to pass 20 KB.
fn twenty_kb() -> Workbook {
    let mut wb = fixture();
    let template = wb.journal[0].clone();
    for i in 0..11 {
        let mut e = template.clone();
        e.id = 10_000 + i;
        e.text = format!(
            "{i}: Talked about the plan — é, 日本語, emoji ✍️.\n{}",
            "word ".repeat(60)
        );
        wb.journal.push(e);
    }
    wb
}

/// Test 15: the committed fixture of every released schema version loads and saves as its
/// golden file; a newer version is refused with the file left alone. What the sources'
/// exercises added (people, wins, the arc, the frameworks' ticks, a programme's frame…) is
/// optional and left out of the file while empty, so a file without them saves back
/// byte for byte (`schema-v1`), and a file with every one of them keeps each
/// (`schema-v1-sources`).
#[test]
fn migration_fixtures_load_to_their_golden_files() {
    let fixtures = [
        (
            "tests/fixtures/schema-v1.json",
            "tests/fixtures/schema-v1.expected.json",
        ),
        (
            "tests/fixtures/schema-v1-sources.json",
            "tests/fixtures/schema-v1-sources.expected.json",
        ),
    ];
    for (input, golden) in fixtures {
        let decoded =
            decode(&fs::read(input).unwrap()).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        let at = chrono::FixedOffset::east_opt(3600).unwrap();
        let at = chrono::TimeZone::with_ymd_and_hms(&at, 2026, 11, 24, 9, 15, 2).unwrap();
        let out = encode(&encode_data(&decoded.workbook), decoded.generation, at);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            fs::write(golden, &out).unwrap();
        }
        let expected = fs::read(golden).unwrap();
        assert!(
            out == expected,
            "{input} no longer loads to {golden}: if the change is intended, run with \
             UPDATE_GOLDEN=1 and review the difference"
        );
    }
    // The smallest version-1 file: everything missing loads as empty.
    let minimal = decode(br#"{"format":"mentorbook","schema_version":1,"data":{}}"#).unwrap();
    assert_eq!(minimal.workbook, Workbook::default());
    let (err, _) = refused(br#"{"format":"mentorbook","schema_version":3,"data":{}}"#);
    assert!(matches!(
        err,
        OpenError::Decode {
            error: DecodeError::FutureVersion { found: 3 },
            ..
        }
    ));
    eprintln!(
        "migration fixtures: {} versions, 0 failures",
        fixtures.len()
    );
}

/// Test 16: a field this version does not know (from a newer minor version) is never
/// dropped by a save: the file is refused, naming the field, anywhere in the workbook.
#[test]
fn unknown_fields_are_refused_never_dropped() {
    let good = sample();
    let places = [
        ("\"format\": ", "mood"),
        ("\"mentee\": ", "data.mood"),
        ("\"statement\": ", "data.vision.mood"),
        ("\"kind\": ", "data.goals[0].measures[0].mood"),
    ];
    for (before, field) in places {
        let bad = good.replacen(before, &format!("\"mood\": 1,\n{before}"), 1);
        let (err, _) = refused(bad.as_bytes());
        match err {
            OpenError::Decode {
                error: DecodeError::UnknownField { field: f },
                ..
            } => assert_eq!(f, field),
            other => panic!("{field}: {other}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Test 13 (in `cargo test`): any bytes at all never panic the loader; whatever loads
    /// saves and loads back equal.
    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(d) = decode(&bytes) {
            let again = decode(&encode(&encode_data(&d.workbook), 1, fixed_now().fixed_offset())).unwrap();
            prop_assert_eq!(again.workbook, d.workbook);
        }
    }

    /// Test 13: the sample with a few bytes changed anywhere.
    #[test]
    fn a_damaged_sample_never_panics_the_loader(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut bytes = sample().into_bytes();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if let Ok(d) = decode(&bytes) {
            let again = decode(&encode(&encode_data(&d.workbook), 1, fixed_now().fixed_offset())).unwrap();
            prop_assert_eq!(again.workbook, d.workbook);
        }
    }

    /// Test 14: arbitrary Unicode in every text of a workbook, and lists grown or cut:
    /// `load(save(x)) == x`, and saving that again gives the same bytes.
    #[test]
    fn arbitrary_workbooks_round_trip_byte_stable(
        texts in proptest::collection::vec(".{0,40}", 1..64),
        drops in proptest::collection::vec(any::<prop::sample::Index>(), 0..4),
    ) {
        let wb = arbitrary_workbook(&texts, &drops);
        let first = encode_data(&wb);
        let back = decode(&encode(&first, 1, fixed_now().fixed_offset())).unwrap().workbook;
        prop_assert_eq!(&back, &wb);
        prop_assert_eq!(encode_data(&back), first);
    }
}

/// Every string in the sample that is free text (found once: where any text is accepted),
/// as JSON pointers.
fn text_pointers() -> &'static [String] {
    static POINTERS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    POINTERS.get_or_init(|| {
        let data: serde_json::Value = serde_json::from_slice(&encode_data(&fixture())).unwrap();
        let mut all = Vec::new();
        collect_strings(&data, String::new(), &mut all);
        all.into_iter()
            .filter(|p| {
                let mut v = data.clone();
                *v.pointer_mut(p).unwrap() = serde_json::Value::String("x é ✍️\n".into());
                serde_json::from_value::<Workbook>(v)
                    .is_ok_and(|wb| encode_data(&wb) != encode_data(&fixture()))
            })
            .collect()
    })
}

fn collect_strings(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(_) => out.push(at),
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                collect_strings(x, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                collect_strings(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
}

fn arbitrary_workbook(texts: &[String], drops: &[prop::sample::Index]) -> Workbook {
    let mut data: serde_json::Value = serde_json::from_slice(&encode_data(&fixture())).unwrap();
    for (i, p) in text_pointers().iter().enumerate() {
        *data.pointer_mut(p).unwrap() = serde_json::Value::String(texts[i % texts.len()].clone());
    }
    let mut wb: Workbook = serde_json::from_value(data).unwrap();
    for d in drops {
        if !wb.journal.is_empty() {
            wb.journal.remove(d.index(wb.journal.len()));
        }
    }
    wb
}

#[test]
fn the_round_trip_covers_many_texts() {
    assert!(text_pointers().len() > 60, "{}", text_pointers().len());
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Test 22: hard Unicode typed into every text field is saved and read back byte-exact.
#[test]
fn unicode_in_every_field_is_saved_byte_exact() {
    let strings = [
        "日本語のテキスト 中文 한국어",
        "👩‍👩‍👧‍👦 family, 🇳🇬 🇪🇸 flags, 👍🏽 tone",
        "e\u{301} a\u{308}\u{304} combining",
        "مرحبا بالعالم שלום עולם",
        "zero\u{200b}width\u{200d}joiner\u{feff}",
        "\u{fffd} replacement",
    ];
    let long = "ab日👍🏽".repeat(2_000);
    let fields = text_fields();
    assert!(fields.len() > 40, "{}", fields.len());
    let (_dir, path) = temp();
    let mut failures = 0;
    let mut tried = 0;
    for (k, text) in strings.iter().copied().chain([long.as_str()]).enumerate() {
        let mut app = App::new(fixture());
        for (screen, i, field) in &fields {
            app.screen = *screen;
            app.mode = Mode::Browse;
            mentorbook::screens::set_focus(&mut app, *i);
            // Emptied first, so the paste is all the field holds.
            field.text_mut(&mut app.workbook).unwrap().clear();
            send(&mut app, key(KeyCode::Enter));
            match &app.mode {
                Mode::Edit(e) if e.field() == Some(*field) => {}
                _ => panic!("{field:?} on {screen:?}: Enter opens its editor"),
            }
            send(&mut app, Event::Paste(format!("{k}{text}")));
            send(&mut app, key(KeyCode::Esc));
            tried += 1;
        }
        let (mut store, _) = Store::open(&path).unwrap();
        assert_ne!(
            store.save(&app.workbook, fixed_now()).unwrap(),
            Saved::Unchanged
        );
        drop(store);
        let (_, back) = Store::open(&path).unwrap();
        // Journal entries are found again by id: a journal read back is in time order.
        let again = |field: Field| match field {
            Field::Entry(i) => {
                let id = app.workbook.journal[i].id;
                Field::Entry(back.journal.iter().position(|e| e.id == id).unwrap())
            }
            f => f,
        };
        for (_, _, field) in &fields {
            let field = &again(*field);
            let want = format!("{k}{text}");
            if field.text(&back) != Some(want.as_str()) {
                failures += 1;
                eprintln!(
                    "{field:?}: {:?}",
                    field
                        .text(&back)
                        .map(|t| t.chars().take(40).collect::<String>())
                );
            }
        }
    }
    assert_eq!(failures, 0);
    eprintln!(
        "unicode: {} strings × {} fields = {tried}, 0 failures",
        strings.len() + 1,
        fields.len()
    );
}

/// Test 22: the cursor moves and deletes by grapheme, never inside one.
#[test]
fn backspace_and_arrows_move_by_grapheme() {
    let mut app2 = App::new(Workbook::default());
    common::go_to(&mut app2, Field::Vision(VisionPart::Statement));
    common::press(&mut app2, "<Enter>");
    send(&mut app2, Event::Paste("ae\u{301}👍🏽b".into()));
    send(&mut app2, key(KeyCode::Left));
    send(&mut app2, key(KeyCode::Left));
    send(&mut app2, key(KeyCode::Backspace));
    send(&mut app2, key(KeyCode::Esc));
    assert_eq!(
        app2.workbook.vision.statement, "a👍🏽b",
        "the e and its accent went together"
    );
}

/// Tests 19 and 20: a thousand random resizes of the terminal while typing, then pastes of
/// 64 KiB and of the rest of what a field may hold (256 KiB in all), holding newlines, tabs, control characters and the paste-end sequence:
/// no panic, nothing run as a command, the text stored as pasted (CR and CRLF become a
/// newline), and the last frame equal to a fresh render at the final size.
#[test]
fn resize_storm_and_large_pastes_keep_every_character() {
    let (_dir, path) = temp();
    let mut app = App::new(Workbook::default());
    common::go_to(&mut app, Field::Vision(VisionPart::Statement));
    common::press(&mut app, "<Enter>");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut rng = mentorbook::testing::Rng::new(1);
    let mut typed = String::new();
    let mut size = (80, 24);
    for i in 0..1000 {
        let x = rng.next_u64();
        size = ((x % 300) as u16, ((x >> 16) % 120) as u16);
        terminal.backend_mut().resize(size.0, size.1);
        send(&mut app, Event::Resize(size.0, size.1));
        let c = char::from(b'a' + (i % 26) as u8);
        typed.push(c);
        send(&mut app, key(KeyCode::Char(c)));
        terminal.draw(|f| mentorbook::ui::render(&app, f)).unwrap();
    }
    let chunk: String = "line\tone\r\nq d y\u{7}\u{1b}[201~ é 日本\n".repeat(16);
    let small = chunk.repeat(64 * 1024 / chunk.len() + 1);
    // As much as the field may still take (a larger paste is refused whole: `hostile.rs`).
    let room = mentorbook::field::MAX_TEXT - typed.len() - small.len() - 2 * chunk.len();
    let large = chunk.repeat(room / chunk.len());
    let start = Instant::now();
    send(&mut app, Event::Paste(small.clone()));
    send(&mut app, Event::Paste(large.clone()));
    let taken_in = start.elapsed();
    let start = Instant::now();
    terminal.draw(|f| mentorbook::ui::render(&app, f)).unwrap();
    let frame = start.elapsed();
    send(&mut app, key(KeyCode::Esc));
    terminal.draw(|f| mentorbook::ui::render(&app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let fresh = common::draw(&app, size.0, size.1);
    assert!(
        buf == *fresh.backend().buffer(),
        "the last frame after the storm equals a fresh render at the final size"
    );
    let want = format!("{typed}{small}{large}").replace("\r\n", "\n");
    let got = &app.workbook.vision.statement;
    assert_eq!(got.len(), want.len());
    assert!(
        *got == want,
        "the text is exactly what was typed and pasted"
    );
    assert_eq!(
        app.screen,
        Screen::Exercise(Exercise::Vision),
        "no pasted letter ran as a command"
    );
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&app.workbook, fixed_now()).unwrap();
    let saved = mentorbook::store::read_only(&path).unwrap();
    assert!(saved.workbook.vision.statement == want);
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    eprintln!(
        "resize storm: 1000 resizes, 0 panics; pastes of 64 KiB and 1 MiB taken in in \
         {taken_in:?}, the next frame in {frame:?} ({build} build)"
    );
}

/// Test 21: the same text arriving as keys (a terminal without bracketed paste): Enter is a
/// newline inside a text field, and letters that are commands elsewhere are only text.
#[test]
fn a_paste_arriving_as_keys_is_only_text() {
    let mut app = App::new(Workbook::default());
    common::go_to(&mut app, Field::Vision(VisionPart::Statement));
    common::press(&mut app, "<Enter>");
    let text = "q quits? d deletes? y n 0 9 ? / n\nsecond line ddd\nq";
    for c in text.chars() {
        let ev = if c == '\n' {
            key(KeyCode::Enter)
        } else {
            key(KeyCode::Char(c))
        };
        send(&mut app, ev);
    }
    assert!(matches!(app.mode, Mode::Edit(_)));
    assert_eq!(app.screen, Screen::Exercise(Exercise::Vision));
    send(&mut app, key(KeyCode::Esc));
    assert_eq!(app.workbook.vision.statement, text);
}

/// Test 25, for every field: a distinct canary in each text field goes through saves, a
/// backup, a conflict copy and a recovery file. Each is stored (three copies at least in
/// the data folder); none is in any file written since the test began outside it (the
/// temporary folder, the home folder's data, cache and config, the working folder), and no
/// error message quotes it.
#[test]
fn a_canary_in_every_field_stays_in_the_data_folder() {
    let began = std::time::SystemTime::now() - Duration::from_secs(1);
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    fs::create_dir(&data).unwrap();
    let path = data.join("workbook.json");
    let fields = distinct_text_fields();
    let canary = |i: usize| format!("CANARY-{i}-{}-zq", std::process::id());
    let mut s = session_on(&path);
    s.app.workbook = fixture();
    for (i, field) in fields.iter().enumerate() {
        *field.text_mut(&mut s.app.workbook).unwrap() = canary(i);
    }
    s.app.unsaved = true;
    assert!(s.save());
    // A second save backs the first up; then another program's change makes a conflict.
    fields[0].text_mut(&mut s.app.workbook).unwrap().push('!');
    s.app.unsaved = true;
    assert!(s.save());
    std::thread::sleep(Duration::from_millis(20));
    fs::write(&path, fs::read(&path).unwrap()).unwrap();
    fs::write(&path, [fs::read(&path).unwrap(), b"\n".to_vec()].concat()).unwrap();
    s.app.unsaved = true;
    assert!(!s.save());
    let recovery = s
        .store
        .write_recovery(&s.app.workbook, fixed_now())
        .unwrap();
    assert!(recovery.starts_with(&data));
    let mut messages = vec![match &s.app.status {
        Status::NotSaved(m) => m.clone(),
        other => format!("{other:?}"),
    }];
    messages.extend(s.app.notice.clone());
    // A damaged copy of the file: the refusal message must not quote its content.
    let broken = root.path().join("broken.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&broken, &text[..text.len() / 2]).unwrap();
    messages.push(Store::open(&broken).unwrap_err().to_string());
    fs::remove_file(&broken).unwrap();
    let inside = texts_under(&data, std::time::UNIX_EPOCH, &[]);
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut elsewhere = vec![std::env::temp_dir(), std::env::current_dir().unwrap()];
    if let Some(home) = &home {
        elsewhere.extend([".local/share", ".cache", ".config"].map(|d| home.join(d)));
    }
    let outside: Vec<(PathBuf, String)> = elsewhere
        .iter()
        .flat_map(|d| texts_under(d, began, &[&data, Path::new("target")]))
        .collect();
    let mut copies_inside = 0;
    for (i, field) in fields.iter().enumerate() {
        let canary = canary(i);
        let copies = inside.iter().filter(|(_, t)| t.contains(&canary)).count();
        assert!(
            copies >= 3,
            "{field:?}: {copies} copies (file, backup, conflict, recovery)"
        );
        copies_inside += copies;
        let leaked: Vec<_> = outside
            .iter()
            .filter(|(_, t)| t.contains(&canary))
            .collect();
        assert!(leaked.is_empty(), "{field:?} outside: {leaked:?}");
        assert!(
            !messages.iter().any(|m| m.contains(&canary)),
            "{messages:?}"
        );
    }
    eprintln!(
        "canary in every field: {} distinct fields, {copies_inside} copies inside the data \
         folder (file, backup, conflict, recovery), 0 in {} files written outside it since \
         the test began, 0 in messages",
        fields.len(),
        outside.len()
    );
}

/// The texts of the files under `dir` changed since `since`, skipping the folders in `skip`
/// (a relative one is skipped wherever it is, like a build's `target`).
fn texts_under(dir: &Path, since: std::time::SystemTime, skip: &[&Path]) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(meta) = fs::symlink_metadata(&p) else {
                continue;
            };
            let skipped = skip.iter().any(|s| {
                if s.is_absolute() {
                    p.starts_with(s)
                } else {
                    p.ends_with(s)
                }
            });
            if skipped {
                continue;
            }
            if meta.is_dir() {
                stack.push(p);
            } else if meta.is_file()
                && meta.modified().is_ok_and(|m| m >= since)
                && let Ok(bytes) = fs::read(&p)
            {
                out.push((p, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out
}
