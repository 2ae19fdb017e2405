//! The journal in and out from the command line, as a person moving in would use it:
//! `import` from jrnl, tui-journal and Markdown (dry run, duplicates, a bad file left
//! alone), then `export --section journal` with a filter, as a diary, as text and as JSON.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin;

mod common;
use common::disk;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn mentorbook(home: &Path) -> Command {
    let mut cmd = Command::new(cargo_bin!("mentorbook"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TZ", "UTC")
        .env_remove("MENTORBOOK_FILE");
    cmd
}

fn run_ok(home: &Path, args: &[&str]) -> String {
    let out = mentorbook(home)
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

fn run_failing(home: &Path, args: &[&str]) -> String {
    let out = mentorbook(home)
        .args(args)
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

/// `mentorbook --file F import ARGS…`, which must succeed; its stdout.
fn import(h: &Path, f: &str, args: &[&str]) -> String {
    run_ok(h, &[&["--file", f, "import"][..], args].concat())
}

/// `mentorbook --file F export ARGS…`, which must succeed; its stdout.
fn export(h: &Path, f: &str, args: &[&str]) -> String {
    run_ok(h, &[&["--file", f, "export"][..], args].concat())
}

/// `mentorbook --file F jot ARGS…`, which must succeed; its stdout.
fn jot(h: &Path, f: &str, args: &[&str]) -> String {
    run_ok(h, &[&["--file", f, "jot"][..], args].concat())
}

/// `mentorbook --file F COMMAND ARGS…`, which must fail with 1; its stderr.
fn failing(h: &Path, f: &str, command: &str, args: &[&str]) -> String {
    run_failing(h, &[&["--file", f, command][..], args].concat())
}

/// A home, the workbook path in it, and its path as a string.
fn setup() -> (tempfile::TempDir, PathBuf, String) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("book.json");
    let s = file.to_str().unwrap().to_string();
    (home, file, s)
}

#[test]
fn each_source_comes_in_with_dates_times_and_tags() {
    let (home, file, f) = setup();
    let h = home.path();
    let jrnl = fixture("jrnl.json");
    let out = import(h, &f, &["--from", "jrnl", jrnl.to_str().unwrap()]);
    assert_eq!(
        out,
        "Imported 3 entries from 2025-03-29 to 2025-12-02, private.\n"
    );
    let tui = fixture("tui-journal.json");
    let out = import(h, &f, &["--from", "tui-journal", tui.to_str().unwrap()]);
    assert!(
        out.starts_with("Imported 2 entries from 2024-05-02 to 2024-12-02, private.\n"),
        "{out}"
    );
    assert!(out.contains("Note: 1 entries had a priority"), "{out}");
    let md = fixture("journal.md");
    let out = import(
        h,
        &f,
        &["--from", "markdown", "--shared", md.to_str().unwrap()],
    );
    assert!(
        out.starts_with("Imported 2 entries from 2025-06-01 to 2025-12-07, shareable.\n"),
        "{out}"
    );
    let wb = disk::saved(&file);
    assert_eq!(wb.journal.len(), 7);
    let starred = wb
        .journal
        .iter()
        .find(|e| e.text.starts_with("Agenda for the @work"))
        .unwrap();
    assert_eq!(starred.at.to_rfc3339(), "2025-06-01T21:05:00+00:00");
    assert_eq!(starred.tags, ["work", "starred"]);
    assert!(starred.private);
    assert_eq!(
        wb.journal.iter().filter(|e| !e.private).count(),
        2,
        "--shared ones only"
    );
}

#[test]
fn a_dry_run_says_what_would_come_and_changes_nothing() {
    let (home, file, f) = setup();
    let h = home.path();
    let jrnl = fixture("jrnl.json");
    let out = import(
        h,
        &f,
        &["--from", "jrnl", "--dry-run", jrnl.to_str().unwrap()],
    );
    assert_eq!(
        out,
        "Would import 3 entries from 2025-03-29 to 2025-12-02, private.\nNothing was changed (dry run).\n"
    );
    assert!(!file.exists(), "no workbook made by a dry run");
    import(h, &f, &["--from", "jrnl", jrnl.to_str().unwrap()]);
    let before = disk::files(&file);
    let out = import(
        h,
        &f,
        &["--from", "jrnl", "--dry-run", jrnl.to_str().unwrap()],
    );
    assert!(
        out.starts_with("Would import 0 entries, private.\n3 entries already"),
        "{out}"
    );
    assert_eq!(disk::files(&file), before);
}

#[test]
fn importing_twice_skips_the_duplicates() {
    let (home, file, f) = setup();
    let h = home.path();
    let jrnl = fixture("jrnl.json");
    import(h, &f, &["--from", "jrnl", jrnl.to_str().unwrap()]);
    let before = disk::files(&file);
    let out = import(h, &f, &["--from", "jrnl", jrnl.to_str().unwrap()]);
    assert_eq!(
        out,
        "Imported 0 entries, private.\n3 entries already in the journal (same minute, same text) were skipped.\n"
    );
    assert_eq!(disk::files(&file), before, "nothing new: nothing written");
}

#[test]
fn a_bad_file_is_refused_with_where_and_the_workbook_is_untouched() {
    let (home, file, f) = setup();
    let h = home.path();
    let jrnl = fixture("jrnl.json");
    import(h, &f, &["--from", "jrnl", jrnl.to_str().unwrap()]);
    let before = disk::files(&file);
    let bad = home.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"entries": [{"date": "2025-06-01", "time": "21:05"}, {"date": "2025-13-01"}]}"#,
    )
    .unwrap();
    let err = failing(h, &f, "import", &["--from", "jrnl", bad.to_str().unwrap()]);
    assert!(
        err.contains("does not read as jrnl's JSON export")
            && err.contains("entries[1]")
            && err.contains("2025-13-01"),
        "{err}"
    );
    // A tui-journal file given as jrnl's: the first thing that does not fit is named.
    let tui = fixture("tui-journal.json");
    let err = failing(h, &f, "import", &["--from", "jrnl", tui.to_str().unwrap()]);
    assert!(err.contains("entries[0]"), "{err}");
    assert_eq!(disk::files(&file), before);
}

/// The sample workbook (one shareable entry, four private) in a home of its own.
fn sample() -> (tempfile::TempDir, String) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("sample.json");
    std::fs::write(&file, include_str!("../assets/sample-workbook.json")).unwrap();
    let f = file.to_str().unwrap().to_string();
    (home, f)
}

#[test]
fn the_journal_exports_as_a_diary_narrowed_by_the_filter() {
    let (home, f) = sample();
    let h = home.path();
    let md = export(h, &f, &["--format", "markdown", "--section", "journal"]);
    assert!(md.contains("## Journal"), "{md}");
    assert_eq!(
        md.matches("\n### ").count(),
        1,
        "the shareable entry only:\n{md}"
    );
    assert!(md.contains("Coffee with Priya"), "{md}");
    assert!(!md.contains("Nervous about chairing"), "private stays out");
    let all = export(
        h,
        &f,
        &[
            "--format",
            "markdown",
            "--section",
            "journal",
            "--include-private",
        ],
    );
    assert_eq!(all.matches("\n### ").count(), 5);
    assert!(all.contains("· private"), "{all}");
    let one = export(
        h,
        &f,
        &[
            "--format",
            "markdown",
            "--section",
            "journal",
            "--include-private",
            "--filter",
            "#reviews -nervous",
        ],
    );
    assert_eq!(one.matches("\n### ").count(), 1, "{one}");
    assert!(one.contains("### Friday 2026-11-20 21:10"), "{one}");
    assert!(one.contains("*\\#reviews · about the goal"), "{one}");
    // A query may start with a dash (NOT).
    let not = export(
        h,
        &f,
        &[
            "--format",
            "markdown",
            "--section",
            "journal",
            "--include-private",
            "--filter",
            "-#network",
        ],
    );
    assert_eq!(not.matches("\n### ").count(), 4, "{not}");
    // The default document never holds the journal.
    let doc = export(h, &f, &["--format", "markdown", "--include-private"]);
    assert!(!doc.contains("## Journal") && !doc.contains("Nervous about chairing"));
}

#[test]
fn the_journal_exports_as_text_and_json() {
    let (home, f) = sample();
    let h = home.path();
    let text = export(
        h,
        &f,
        &[
            "--format",
            "text",
            "--section",
            "journal",
            "--filter",
            "coffee OR \"two sessions\"",
        ],
    );
    assert!(
        text.contains("Coffee with Priya") && !text.contains("##"),
        "{text}"
    );
    let json = export(
        h,
        &f,
        &[
            "--format",
            "json",
            "--section",
            "journal",
            "--include-private",
            "--filter",
            "from:2026-11-20",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = v["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    for e in entries {
        assert!(e["at"].as_str().unwrap() >= "2026-11-20", "{e}");
        assert!(e["tags"].is_array() && e["text"].is_string(), "{e}");
    }
    let ats: Vec<&str> = entries.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = ats.clone();
    sorted.sort();
    assert_eq!(ats, sorted, "oldest first");
}

#[test]
fn export_options_that_do_not_fit_are_refused() {
    let (home, f) = sample();
    let h = home.path();
    let err = failing(h, &f, "export", &["--format", "markdown", "--filter", "#x"]);
    assert!(err.contains("add --section journal"), "{err}");
    let err = failing(h, &f, "export", &["--format", "json", "--section", "goals"]);
    assert!(err.contains("--section journal"), "{err}");
    let err = failing(
        h,
        &f,
        "export",
        &[
            "--format",
            "markdown",
            "--section",
            "journal",
            "--filter",
            "#a OR",
        ],
    );
    assert!(err.contains("OR goes between"), "{err}");
}

#[test]
fn jot_adds_an_entry_from_the_shell_with_its_tags_and_time() {
    let (home, file, f) = setup();
    let h = home.path();
    let out = jot(h, &f, &["Chaired", "the", "review", "#work", "#Mood."]);
    assert!(out.starts_with("Added a private entry, "), "{out}");
    assert!(out.ends_with(" #work #Mood.\n"), "{out}");
    let out = jot(
        h,
        &f,
        &["--at", "2026-11-30 21:00", "--shared", "Late", "note"],
    );
    assert_eq!(out, "Added a shareable entry, 2026-11-30 21:00.\n");
    let out = mentorbook(h)
        .args(["--file", &f, "jot", "--at", "-1d"])
        .write_stdin("From standard input\nsecond line #piped\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().ends_with(" #piped.\n"));
    let wb = disk::saved(&file);
    assert_eq!(wb.journal.len(), 3);
    let e = |start: &str| {
        wb.journal
            .iter()
            .find(|e| e.text.starts_with(start))
            .unwrap()
            .clone()
    };
    assert_eq!(e("Chaired").tags, ["work", "Mood"]);
    assert!(e("Chaired").private);
    let late = e("Late");
    assert_eq!(late.at.to_rfc3339(), "2026-11-30T21:00:00+00:00");
    assert!(!late.private);
    assert_eq!(
        e("From standard input").text,
        "From standard input\nsecond line #piped"
    );
    let today = chrono::Local::now().date_naive();
    assert_eq!(
        e("From standard input").at.date_naive(),
        today.pred_opt().unwrap()
    );
}

/// A bad time is refused; a workbook open in another mentorbook is not written under it:
/// the entry waits in the inbox (its files untouched) and the next open takes it in.
#[test]
fn jot_refuses_a_bad_time_and_leaves_an_open_workbook_alone() {
    let (home, file, f) = setup();
    let h = home.path();
    jot(h, &f, &["first"]);
    let before = disk::files(&file);
    let err = failing(h, &f, "jot", &["--at", "someday", "words"]);
    assert!(err.contains("--at") && err.contains("someday"), "{err}");
    let held = mentorbook::store::Store::open(&file).unwrap();
    let out = jot(h, &f, &["while it is open #later"]);
    assert!(out.contains("waiting"), "{out}");
    assert_eq!(disk::files(&file), before);
    drop(held);
    let (waiting, _) = mentorbook::store::inbox::waiting(&file);
    assert_eq!(waiting.len(), 1);
    jot(h, &f, &["after it closed"]);
    let texts: Vec<String> = (disk::saved(&file).journal.iter())
        .map(|e| e.text.clone())
        .collect();
    assert_eq!(
        texts,
        ["first", "while it is open #later", "after it closed"]
    );
    assert!(mentorbook::store::inbox::waiting(&file).0.is_empty());
    let before = disk::files(&file);
    let out = mentorbook(h)
        .args(["--file", &f, "jot"])
        .write_stdin("  \n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Nothing written, so nothing was added.\n"
    );
    assert_eq!(disk::files(&file), before);
}
