//! One workbook on two machines: kept in a real git repository with `mentorbook merge` as
//! its merge driver (set up as the README says), and edited on both sides.

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Local, TimeZone};
use mentorbook::model::{Conversation, JournalEntry, Workbook};
use mentorbook::store::Store;

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap()
}

/// Runs git in `dir` with a config of its own (no user's or system's), failing on error.
fn git(dir: &Path, args: &[&str]) -> String {
    let home = dir.parent().unwrap();
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Ana")
        .env("GIT_AUTHOR_EMAIL", "ana@example.org")
        .env("GIT_COMMITTER_NAME", "Ana")
        .env("GIT_COMMITTER_EMAIL", "ana@example.org")
        .output()
        .expect("git runs (.ci/run installs it)");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "git {args:?} failed:\n{text}");
    text
}

/// The README's two lines of setup, in a repository at `dir`.
fn set_up_driver(dir: &Path) {
    let bin = env!("CARGO_BIN_EXE_mentorbook");
    git(
        dir,
        &[
            "config",
            "merge.mentorbook.driver",
            &format!("{bin} merge %O %A %B"),
        ],
    );
    git(dir, &["config", "pull.rebase", "false"]);
}

/// Opens the workbook at `path`, changes it with `edit`, saves it `minutes` after `now()`.
fn edit_at(path: &Path, minutes: i64, change: impl FnOnce(&mut Workbook)) {
    let (mut store, mut wb) = Store::open(path).unwrap();
    change(&mut wb);
    store
        .save(&wb, now() + chrono::Duration::minutes(minutes))
        .unwrap();
}

fn edit(path: &Path, change: impl FnOnce(&mut Workbook)) {
    edit_at(path, 0, change);
}

fn entry(wb: &mut Workbook, text: &str) {
    let id = wb.fresh_id();
    wb.journal.push(JournalEntry {
        id,
        at: DateTime::parse_from_rfc3339("2026-11-30T09:00:00+01:00").unwrap(),
        text: text.into(),
        ..JournalEntry::default()
    });
}

#[test]
fn two_clones_edit_and_pull_and_the_driver_merges_without_markers() {
    // Saved at different times, the manifests differ and git asks the driver for it too;
    // saved alike (the same second, the same counts), git keeps one manifest by itself.
    two_clones_edit_and_pull(1);
    two_clones_edit_and_pull(0);
}

fn two_clones_edit_and_pull(laptop_later: i64) {
    let home = tempfile::tempdir().unwrap();
    let a = home.path().join("laptop");
    std::fs::create_dir(&a).unwrap();
    git(&a, &["init", "-q", "-b", "main"]);
    set_up_driver(&a);
    std::fs::write(
        a.join(".gitattributes"),
        "workbook.json merge=mentorbook\nworkbook.parts/*.json merge=mentorbook\n",
    )
    .unwrap();
    std::fs::write(a.join(".gitignore"), "backups/\n*.lock\n").unwrap();
    let file = |dir: &Path| dir.join("workbook.json");
    edit(&file(&a), |wb| {
        for title in ["Speak at the all-hands", "Lead the migration"] {
            let g = wb.add_goal();
            wb.goals[g].title = title.into();
        }
        let id = wb.fresh_id();
        wb.conversations.push(Conversation {
            id,
            at: DateTime::parse_from_rfc3339("2026-11-20T09:00:00+01:00").unwrap(),
            notes: "one\ntwo\nthree\nfour\nfive\nsix\n".into(),
            ..Conversation::default()
        });
        entry(wb, "Before the split.");
    });
    git(&a, &["add", "-A"]);
    git(&a, &["commit", "-q", "-m", "start"]);
    let b = home.path().join("desktop");
    git(home.path(), &["clone", "-q", "laptop", "desktop"]);
    set_up_driver(&b);

    edit_at(&file(&a), laptop_later, |wb| {
        wb.goals[0].specific = "Ten minutes on the platform work".into();
        wb.conversations[0].notes = "ONE (laptop)\ntwo\nthree\nfour\nfive\nsix\n".into();
        entry(wb, "Written on the laptop.");
    });
    git(&a, &["commit", "-q", "-am", "laptop"]);
    edit(&file(&b), |wb| {
        wb.goals[1].specific = "Move the billing service by March".into();
        wb.conversations[0].notes = "one\ntwo\nthree\nfour\nfive\nSIX (desktop)\n".into();
        entry(wb, "Written on the desktop.");
    });
    git(&b, &["commit", "-q", "-am", "desktop"]);

    let pulled = git(&b, &["pull", "-q", "origin", "main"]);
    for (name, text) in common_files(&b) {
        assert!(
            !text.contains("<<<<<<<"),
            "{name} has a conflict marker:\n{pulled}"
        );
    }
    // The app opens the result (the store the app opens with), and `check` passes.
    let (_, wb) = Store::open(&file(&b)).unwrap();
    let wb = read_all(wb, &file(&b));
    assert_eq!(wb.goals[0].specific, "Ten minutes on the platform work");
    assert_eq!(wb.goals[1].specific, "Move the billing service by March");
    assert_eq!(
        wb.conversations[0].notes,
        "ONE (laptop)\ntwo\nthree\nfour\nfive\nSIX (desktop)\n"
    );
    let texts: Vec<&str> = wb.journal.iter().map(|e| e.text.as_str()).collect();
    for t in [
        "Before the split.",
        "Written on the laptop.",
        "Written on the desktop.",
    ] {
        assert!(texts.contains(&t), "{t} is missing: {texts:?}");
    }
    assert!(wb.conflicts.is_empty(), "{:?}", wb.conflicts);
    // Opening settled the merge: no part is left for the next open to read again.
    for (name, text) in common_files(&b) {
        assert!(
            !text.contains("\"generation\": 0,"),
            "{name} still says generation 0"
        );
        assert!(!text.contains("\"merged\""), "{name} still says merged");
    }
    assert!(wb.problems().is_empty(), "{:?}", wb.problems());
    let check = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(["check", "--file"])
        .arg(file(&b))
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// The workbook with its journal read (the store hands the months over afterwards).
fn read_all(_: Workbook, path: &Path) -> Workbook {
    mentorbook::store::read_only(path).unwrap().workbook
}

fn common_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for sub in [dir.to_path_buf(), dir.join("workbook.parts")] {
        for e in std::fs::read_dir(&sub).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                out.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    out
}
