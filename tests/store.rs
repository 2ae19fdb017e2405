//! The store on a real file system: round trips, bad files left untouched with a clear error,
//! permissions, the lock, backups and temp files.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::disk::{files, saved};
use common::{fixed_now, fixture};
use mentorbook::store::{DecodeError, OpenError, Saved, Store, decode, encode, encode_data};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("workbook.json");
    (dir, path)
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Only a missing file opens empty: any other error reading it (here: a folder where the file
/// should be) is an error, never an empty workbook that would then be saved over it.
#[test]
fn a_path_that_cannot_be_read_is_an_error_not_an_empty_workbook() {
    let (d, path) = temp();
    fs::create_dir_all(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, OpenError::Io(..)), "{err}");
    drop(d);
}

#[test]
fn a_missing_file_opens_empty_and_is_created_private_on_first_save() {
    let (_d, path) = temp();
    let (mut store, wb) = Store::open(&path).unwrap();
    assert_eq!(wb, Default::default());
    assert!(
        !path.exists(),
        "nothing is written until there is something to save"
    );
    assert_eq!(store.save(&fixture(), fixed_now()).unwrap(), Saved::Written);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    assert_eq!(mode(&path.with_extension("lock")), 0o600);
}

#[test]
fn save_then_load_is_equal_and_saving_again_changes_nothing() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    let first = files(&path);
    assert!(
        first.len() > 2,
        "a manifest, the plan and months: {first:?}"
    );
    assert_eq!(
        store.save(&fixture(), fixed_now()).unwrap(),
        Saved::Unchanged,
        "the same workbook built afresh"
    );
    assert_eq!(files(&path), first, "every file byte-identical");
    drop(store);
    let (mut store, wb) = Store::open(&path).unwrap();
    assert_eq!(wb, fixture());
    assert_eq!(
        store.save(&wb, fixed_now()).unwrap(),
        Saved::Unchanged,
        "a fresh load is known clean"
    );
}

/// The workbook's own file (the manifest) deleted by another program while open: the next
/// save writes it again, even with nothing changed in the workbook.
#[test]
fn a_deleted_manifest_is_written_again_by_an_unchanged_save() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    fs::remove_file(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    assert_eq!(
        mentorbook::store::read_only(&path).unwrap().workbook,
        fixture()
    );
}

#[test]
fn generation_counts_saves_and_survives_reopening() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    let mut wb = fixture();
    for i in 0..3 {
        wb.mentor = format!("Mentor {i}");
        store.save(&wb, fixed_now()).unwrap();
    }
    assert_eq!(store.generation(), 3);
    drop(store);
    let (store, _) = Store::open(&path).unwrap();
    assert_eq!(store.generation(), 3);
}

#[test]
fn a_second_instance_is_refused_until_the_first_closes() {
    let (_d, path) = temp();
    let (first, _) = Store::open(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, OpenError::Locked(_)));
    assert!(
        err.to_string()
            .contains("already open in another mentorbook"),
        "{err}"
    );
    drop(first);
    Store::open(&path).unwrap();
}

#[test]
fn no_temp_file_is_left_and_stale_ones_are_swept_at_start() {
    let (_d, path) = temp();
    let dir = path.parent().unwrap().to_path_buf();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    let parts = dir.join("workbook.parts");
    assert_eq!(
        entries(&dir),
        vec!["workbook.json", "workbook.lock", "workbook.parts"]
    );
    let saved_parts = entries(&parts);
    assert!(
        saved_parts.iter().all(|n| n.ends_with(".json")),
        "{saved_parts:?}"
    );
    drop(store);
    // A save killed halfway leaves these behind.
    fs::write(dir.join(".workbook.json.AbC123.tmp"), "half").unwrap();
    fs::write(parts.join(".plan.json.XyZ789.tmp"), "half").unwrap();
    fs::write(dir.join("notes.tmp"), "not ours").unwrap();
    let _store = Store::open(&path).unwrap();
    assert_eq!(
        entries(&dir),
        vec![
            "notes.tmp",
            "workbook.json",
            "workbook.lock",
            "workbook.parts"
        ]
    );
    assert_eq!(entries(&parts), saved_parts);
}

#[test]
fn the_previous_version_is_kept_as_a_private_backup() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    let mut wb = fixture();
    store.save(&wb, fixed_now()).unwrap();
    let plan = path.parent().unwrap().join("workbook.parts/plan.json");
    let (first, first_plan) = (fs::read(&path).unwrap(), fs::read(&plan).unwrap());
    wb.mentee = "Someone else".into();
    store.save(&wb, fixed_now()).unwrap();
    let backups = path.parent().unwrap().join("backups");
    assert_eq!(mode(&backups), 0o700);
    // Each file replaced is kept under its own name; the months, not rewritten, are not.
    let names = entries(&backups);
    assert_eq!(
        names,
        vec![
            "workbook-20261124-0910.json",
            "workbook.plan-20261124-0910.json"
        ]
    );
    assert_eq!(fs::read(backups.join(&names[0])).unwrap(), first);
    assert_eq!(fs::read(backups.join(&names[1])).unwrap(), first_plan);
    for name in &names {
        assert_eq!(mode(&backups.join(name)), 0o600);
    }
}

/// Opens a bad file and checks the error and that the file is byte-identical afterwards.
fn refused(bytes: &[u8]) -> (OpenError, String) {
    let (_d, path) = temp();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file is untouched");
    let msg = err.to_string();
    assert!(
        msg.contains(&path.display().to_string()),
        "names the path: {msg}"
    );
    assert!(msg.contains("left exactly as it is"), "{msg}");
    (err, msg)
}

#[test]
fn an_empty_file_is_refused() {
    for bytes in [&b""[..], b"  \n\n\t"] {
        let (err, msg) = refused(bytes);
        assert!(matches!(
            err,
            OpenError::Decode {
                error: DecodeError::Empty,
                ..
            }
        ));
        assert!(msg.contains("empty"));
    }
}

/// A truncated file on disk, opened through the store, is refused as a syntax error with
/// where: a cut every 97 bytes here (every single cut is decoded in
/// `every_cut_and_random_bit_flips_are_refused_or_read_never_a_panic`).
#[test]
fn a_truncated_file_on_disk_is_refused_with_where() {
    let good = fs::read("assets/sample-workbook.json").unwrap();
    for cut in (1..good.len() - 1).step_by(97) {
        let (err, msg) = refused(&good[..cut]);
        assert!(
            matches!(
                err,
                OpenError::Decode {
                    error: DecodeError::Syntax { .. } | DecodeError::Empty,
                    ..
                }
            ),
            "cut at {cut}: {msg}"
        );
    }
    let (_, msg) = refused(&good[..good.len() / 2]);
    assert!(msg.contains("line ") && msg.contains("column "), "{msg}");
}

#[test]
fn not_json_and_nul_bytes_are_refused() {
    for bytes in [
        &b"\0\0\0\0"[..],
        b"hello",
        b"{\"format\": \"mentorbook\",",
        b"\xff\xfe{}",
    ] {
        refused(bytes);
    }
}

#[test]
fn a_future_version_is_refused_with_what_to_do() {
    let (err, msg) = refused(br#"{"format":"mentorbook","schema_version":7,"data":{}}"#);
    assert!(matches!(
        err,
        OpenError::Decode {
            error: DecodeError::FutureVersion { found: 7 },
            ..
        }
    ));
    assert!(
        msg.contains("newer mentorbook") && msg.contains("Update mentorbook"),
        "{msg}"
    );
}

#[test]
fn a_wrong_type_names_the_field() {
    let good = fs::read_to_string("assets/sample-workbook.json").unwrap();
    let bad = good.replace(
        "\"check_in_every_days\": 30",
        "\"check_in_every_days\": \"monthly\"",
    );
    let (_, msg) = refused(bad.as_bytes());
    assert!(msg.contains("data.agreement.check_in_every_days"), "{msg}");
    let line = good
        .lines()
        .position(|l| l.contains("check_in_every_days"))
        .unwrap()
        + 1;
    assert!(msg.contains(&format!("line {line},")), "{msg}");
}

#[test]
fn an_unreadable_file_offers_the_newest_backup() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    let mut wb = fixture();
    store.save(&wb, fixed_now()).unwrap();
    wb.mentor = "B".into();
    store.save(&wb, fixed_now()).unwrap();
    drop(store);
    fs::write(&path, "{ broken").unwrap();
    let msg = Store::open(&path).unwrap_err().to_string();
    assert!(msg.contains("backups/workbook-20261124-0910.json"), "{msg}");
    assert_eq!(fs::read(&path).unwrap(), b"{ broken");
}

#[test]
fn a_symlinked_file_is_followed_and_the_link_kept() {
    let (d, path) = temp();
    let real_dir = d.path().join("real");
    fs::create_dir_all(&real_dir).unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let target = real_dir.join("wb.json");
    let (mut s, _) = Store::open(&target).unwrap();
    s.save(&fixture(), fixed_now()).unwrap();
    drop(s);
    std::os::unix::fs::symlink(&target, &path).unwrap();
    let (mut store, wb) = Store::open(&path).unwrap();
    let mut wb2 = wb.clone();
    wb2.mentee = "Via the link".into();
    store.save(&wb2, fixed_now()).unwrap();
    assert!(
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(saved(&target).mentee, "Via the link");
    assert!(
        real_dir.join("wb.parts/plan.json").exists(),
        "parts beside the target"
    );
    assert!(!path.parent().unwrap().join("workbook.parts").exists());
}

#[test]
fn a_recovery_file_never_replaces_the_workbook() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut wb = fixture();
    wb.vision.statement = "typed just before a crash".into();
    let rec = store.write_recovery(&wb, fixed_now()).unwrap();
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(
        fs::read_to_string(&rec)
            .unwrap()
            .contains("typed just before a crash")
    );
    assert_eq!(mode(&rec), 0o600);
    assert_eq!(mode(rec.parent().unwrap()), 0o700);
}

/// Every byte offset of the sample, cut there, and a thousand random bit flips: the loader
/// never panics. A damaged file is refused with a reason; one that still reads (a flip in a
/// letter of some text) loads and saves back byte-stable.
#[test]
fn every_cut_and_random_bit_flips_are_refused_or_read_never_a_panic() {
    let good = fs::read("assets/sample-workbook.json").unwrap();
    // Only the final newline may go: everything before it is needed.
    assert!(good.ends_with(b"}\n"));
    for cut in 0..good.len() - 1 {
        assert!(decode(&good[..cut]).is_err(), "cut at {cut} was accepted");
    }
    let original = decode(&good).unwrap().workbook;
    let mut rng = mentorbook::testing::Rng::new(0x2545_F491_4F6C_DD1D);
    let (mut refused, mut read) = (0, 0);
    for _ in 0..1000 {
        let x = rng.next_u64();
        let mut bytes = good.clone();
        let at = (x % bytes.len() as u64) as usize;
        bytes[at] ^= 1 << (x >> 60 & 7);
        match decode(&bytes) {
            Err(_) => refused += 1,
            Ok(d) => {
                read += 1;
                // What still reads changed what it says: nothing damaged is read as if it
                // were the original (a loader that skipped what it did not understand would),
                // except another spelling of the same value (a date's `T` as `t`).
                assert!(
                    d.workbook != original || good[at].eq_ignore_ascii_case(&bytes[at]),
                    "flip at {at} ({:?} for {:?}) read as the original",
                    bytes[at] as char,
                    good[at] as char
                );
                let data = encode_data(&d.workbook);
                let again = decode(&encode(&data, 1, fixed_now().fixed_offset()))
                    .unwrap()
                    .workbook;
                assert_eq!(again, d.workbook, "flip at {at}");
            }
        }
    }
    assert!(refused > 0 && read > 0, "{refused} refused, {read} read");
}
