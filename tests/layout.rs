//! The workbook on disk in parts: a manifest, the plan and one file per month of journal.
//! What a save writes (only what changed), the move from one whole file, a damaged month
//! (named, left alone, the rest still usable) and commands that never read the journal.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::disk::{files, saved};
use common::{fixed_now, fixture};
use mentorbook::app::{App, Status};
use mentorbook::model::{JournalEntry, Workbook};
use mentorbook::shell::Session;
use mentorbook::store::{OpenError, Saved, Store, parts_dir, read_only, read_plan};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    (dir, path)
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn entry(id: u64, at: &str, text: &str) -> JournalEntry {
    JournalEntry {
        id,
        at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
        text: text.into(),
        ..JournalEntry::default()
    }
}

/// The sample workbook plus entries in September and October.
fn three_months() -> Workbook {
    let mut wb = fixture();
    wb.journal
        .push(entry(901, "2026-09-03T08:00:00+01:00", "september one"));
    wb.journal
        .push(entry(902, "2026-10-09T08:00:00+01:00", "october one"));
    wb.journal
        .push(entry(903, "2026-09-28T23:30:00+01:00", "september two"));
    wb.next_id = wb.next_id.max(904);
    wb
}

/// The entries' ids by id, whatever order the months were read in.
fn ids(wb: &Workbook) -> Vec<u64> {
    let mut v: Vec<u64> = wb.journal.iter().map(|e| e.id).collect();
    v.sort();
    v
}

fn part(path: &Path, name: &str) -> PathBuf {
    parts_dir(path).join(name)
}

#[test]
fn a_workbook_is_a_manifest_a_plan_and_one_file_per_month() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    let wb = three_months();
    store.save(&wb, fixed_now()).unwrap();
    let names: Vec<String> = files(&path).into_keys().collect();
    assert_eq!(
        names,
        [
            "",
            "journal-2026-09.json",
            "journal-2026-10.json",
            "journal-2026-11.json",
            "plan.json"
        ]
    );
    // Each month holds its own entries, oldest first; the plan and the manifest none.
    let sept = fs::read_to_string(part(&path, "journal-2026-09.json")).unwrap();
    let (one, two) = (sept.find("september one"), sept.find("september two"));
    assert!(one.is_some() && one < two, "{sept}");
    assert!(!sept.contains("october"));
    let plan = fs::read_to_string(part(&path, "plan.json")).unwrap();
    let manifest = fs::read_to_string(&path).unwrap();
    for text in ["september", "october", &wb.journal.get(0).unwrap().text] {
        assert!(!plan.contains(text) && !manifest.contains(text), "{text}");
    }
    assert!(plan.contains(&wb.vision.statement));
    // The manifest says which save wrote each part, and what each month holds.
    let m: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(m["format"], "mentorbook");
    assert_eq!(m["plan"]["generation"], 1);
    assert_eq!(m["journal"][0]["month"], "2026-09");
    assert_eq!(m["journal"][0]["entries"], 2);
    let newest = wb.journal.iter().map(|e| e.at).max().unwrap();
    assert_eq!(m["latest"], newest.to_rfc3339());
    // Counts and the latest entry are known before any month is read.
    drop(store);
    let (store, unread, _pending) = Store::open_progressive(&path).unwrap();
    assert_eq!(unread.journal.len(), 0);
    assert_eq!(unread.journal.total(), wb.journal.len());
    assert_eq!(unread.journal.latest(), Some(newest));
    drop(store);
    let (store, _) = Store::open(&path).unwrap();
    // Private: the folder 0700, every file 0600.
    assert_eq!(mode(&parts_dir(&path)), 0o700);
    for name in names.iter().filter(|n| !n.is_empty()) {
        assert_eq!(mode(&part(&path, name)), 0o600, "{name}");
    }
    // And it reads back whole.
    drop(store);
    let (_, back) = Store::open(&path).unwrap();
    assert_eq!(ids(&back), ids(&wb));
    let mut plan_back = back.clone();
    let mut plan_wb = wb.clone();
    plan_back.journal = Default::default();
    plan_wb.journal = Default::default();
    assert_eq!(plan_back, plan_wb);
}

/// The files a save changed, by name ("" is the manifest).
fn changed(before: &BTreeMap<String, String>, path: &Path) -> Vec<String> {
    let after = files(path);
    let mut names: Vec<String> = (before.keys().chain(after.keys()))
        .filter(|n| before.get(*n) != after.get(*n))
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn a_save_rewrites_only_the_parts_that_changed() {
    let (dir, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    // Changed in place, as the app changes it.
    let mut wb = three_months();
    store.save(&wb, fixed_now()).unwrap();

    let before = files(&path);
    wb.vision.statement.push_str(" And more.");
    store.save(&wb, fixed_now()).unwrap();
    assert_eq!(changed(&before, &path), ["", "plan.json"], "a plan edit");

    // A new entry takes an id, as the app's `n` does: the plan's file stays as it is.
    let before = files(&path);
    let id = wb.fresh_id();
    wb.journal
        .push(entry(id, "2026-11-24T09:00:00+01:00", "today"));
    store.save(&wb, fixed_now()).unwrap();
    assert_eq!(
        changed(&before, &path),
        ["", "journal-2026-11.json"],
        "a new entry"
    );

    let before = files(&path);
    let sept = (wb.journal.iter()).position(|e| e.id == 903).unwrap();
    wb.journal.get_mut(sept).unwrap().text.push_str(", edited");
    store.save(&wb, fixed_now()).unwrap();
    assert_eq!(
        changed(&before, &path),
        ["", "journal-2026-09.json"],
        "an old entry edited"
    );

    let before = files(&path);
    assert_eq!(store.save(&wb, fixed_now()).unwrap(), Saved::Unchanged);
    assert_eq!(changed(&before, &path), Vec::<String>::new(), "nothing");

    // A month emptied: its file goes, kept in the backups first.
    let before = files(&path);
    let oct = (wb.journal.iter()).position(|e| e.id == 902).unwrap();
    wb.journal.remove(oct);
    store.save(&wb, fixed_now()).unwrap();
    assert_eq!(changed(&before, &path), ["", "journal-2026-10.json"]);
    assert!(!part(&path, "journal-2026-10.json").exists());
    let kept = fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("workbook.journal-2026-10.before-shrink-"))
        .expect("the emptied month is kept");
    assert!(
        fs::read_to_string(dir.path().join("backups").join(kept))
            .unwrap()
            .contains("october one")
    );
    drop(store);
    let (_, back) = Store::open(&path).unwrap();
    let mut want = ids(&fixture());
    want.extend([901, 903, id]);
    assert_eq!(ids(&back), want);
    assert_eq!(
        back.next_id, id,
        "the next id survives, kept in the manifest"
    );
}

#[test]
fn a_whole_file_moves_into_parts_on_its_first_save_and_is_kept() {
    let (dir, path) = temp();
    let whole = fs::read("assets/sample-workbook.json").unwrap();
    fs::write(&path, &whole).unwrap();
    let (mut store, wb) = Store::open(&path).unwrap();
    assert_eq!(wb, fixture());
    assert!(!parts_dir(&path).exists(), "opening writes nothing");
    assert_eq!(store.save(&wb, fixed_now()).unwrap(), Saved::Written);
    assert!(part(&path, "plan.json").exists());
    assert!(part(&path, "journal-2026-11.json").exists());
    let backups: Vec<PathBuf> = fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    let kept = (backups.iter())
        .find(|p| p.to_string_lossy().contains("workbook.whole-"))
        .expect("the whole file is kept");
    assert_eq!(fs::read(kept).unwrap(), whole, "byte for byte");
    assert_eq!(mode(kept), 0o600);
    // The kept file still opens on its own.
    assert_eq!(read_only(kept).unwrap().workbook, fixture());
    drop(store);
    let (mut store, back) = Store::open(&path).unwrap();
    assert_eq!(ids(&back), ids(&fixture()));
    assert_eq!(store.save(&back, fixed_now()).unwrap(), Saved::Unchanged);
}

/// A month damaged by hand (here: cut short) after a save.
fn with_damaged_month(month: &str) -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let (dir, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&three_months(), fixed_now()).unwrap();
    drop(store);
    let file = part(&path, &format!("journal-{month}.json"));
    let bytes = fs::read(&file).unwrap();
    let damaged = bytes[..bytes.len() - 40].to_vec();
    fs::write(&file, &damaged).unwrap();
    (dir, path, damaged)
}

#[test]
fn a_damaged_month_is_named_and_left_alone_while_the_rest_is_used() {
    let (_d, path, damaged) = with_damaged_month("2026-11");
    let file = part(&path, "journal-2026-11.json");
    // Read at once (as `mentorbook check` does): the error names the file and the place.
    let msg = read_only(&path).unwrap_err().to_string();
    assert!(msg.contains("journal-2026-11.json"), "{msg}");
    assert!(msg.contains("line "), "{msg}");
    assert!(matches!(Store::open(&path), Err(OpenError::Decode { .. })));
    // The app opens it: the plan and the other months are there.
    let (store, wb, pending) = Store::open_progressive(&path).unwrap();
    let mut app = App::new(wb);
    app.today = fixed_now().date_naive();
    let mut s = Session::new(app, store, fixed_now).journal_later(pending);
    s.finish_loading().unwrap();
    let problem = s.load_problem().expect("the month is said").to_string();
    assert!(problem.contains("journal-2026-11.json"), "{problem}");
    assert!(s.app.notice.as_deref().unwrap().contains("cannot be read"));
    assert_eq!(ids(&s.app.workbook), [901, 902, 903]);
    assert_eq!(s.app.workbook.journal.in_unreadable(), 5);
    // No entry can be written into it (today is in that month) ...
    s.app.notice = None;
    mentorbook::screens::new_entry(&mut s.app, fixed_now());
    assert!(s.app.notice.as_deref().unwrap().contains("cannot be read"));
    assert_eq!(s.app.workbook.journal.len(), 3);
    // ... and everything else saves, the damaged month byte for byte as it was.
    s.app.workbook.vision.statement = "Changed while a month was damaged".into();
    s.app.unsaved = true;
    assert!(s.save(), "{:?}", s.app.status);
    assert!(matches!(s.app.status, Status::Saved(_)));
    assert_eq!(fs::read(&file).unwrap(), damaged);
    let plan = read_plan(&path).unwrap().workbook;
    assert_eq!(plan.vision.statement, "Changed while a month was damaged");
}

#[test]
fn a_damaged_month_hides_no_other_month() {
    // Months are read newest first: the damaged one is between the two others.
    let (_d, path, _) = with_damaged_month("2026-10");
    let (store, wb, pending) = Store::open_progressive(&path).unwrap();
    let mut s = Session::new(App::new(wb), store, fixed_now).journal_later(pending);
    s.finish_loading().unwrap();
    assert!(s.load_problem().unwrap().contains("journal-2026-10.json"));
    let mut want = ids(&fixture());
    want.extend([901, 903]);
    assert_eq!(ids(&s.app.workbook), want);
}

#[test]
fn printing_the_plan_reads_no_month() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&three_months(), fixed_now()).unwrap();
    drop(store);
    // Every month unreadable: what needs only the plan does not notice.
    for name in files(&path).into_keys() {
        if name.starts_with("journal-") {
            fs::write(part(&path, &name), "not json").unwrap();
        }
    }
    let plan = read_plan(&path).unwrap().workbook;
    assert_eq!(plan.vision.statement, fixture().vision.statement);
    assert!(plan.journal.is_empty());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args([
            "--file".as_ref(),
            path.as_os_str(),
            "show".as_ref(),
            "vision".as_ref(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains(fixture().vision.statement.lines().next().unwrap()),
        "{printed}"
    );
    assert!(
        saved_or_not(&path).is_err(),
        "the journal really is unreadable"
    );
}

fn saved_or_not(path: &Path) -> Result<Workbook, OpenError> {
    read_only(path).map(|d| d.workbook)
}

#[test]
fn the_sample_journal_survives_the_round_trip_in_parts() {
    let (_d, path) = temp();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&fixture(), fixed_now()).unwrap();
    drop(store);
    let back = saved(&path);
    let mut a: Vec<JournalEntry> = back.journal.iter().cloned().collect();
    let mut b: Vec<JournalEntry> = fixture().journal.iter().cloned().collect();
    a.sort_by_key(|e| e.id);
    b.sort_by_key(|e| e.id);
    assert_eq!(a, b);
}
