//! One workbook on two machines: kept in a real git repository with `mentorbook merge` as
//! its merge driver (set up as the README says), and edited on both sides.

mod common;

use std::path::{Path, PathBuf};
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
    set_up_driver_as(dir, "merge %O %A %B");
}

/// The README's `.gitattributes` (the workbook's files merged by mentorbook) and
/// `.gitignore` (what stays on each machine), in the repository at `dir`.
fn attributes_and_ignores(dir: &Path) {
    std::fs::write(
        dir.join(".gitattributes"),
        "workbook.json merge=mentorbook\nworkbook.parts/*.json merge=mentorbook\n",
    )
    .unwrap();
    std::fs::write(
        dir.join(".gitignore"),
        "backups/\n*.lock\nrecovery/\ninbox/\nminutes/\n",
    )
    .unwrap();
}

/// The driver set up as `mentorbook ARGS`.
fn set_up_driver_as(dir: &Path, args: &str) {
    let bin = env!("CARGO_BIN_EXE_mentorbook");
    let command = format!("{bin} {args}");
    git(dir, &["config", "merge.mentorbook.driver", &command]);
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
    attributes_and_ignores(&a);
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
        // A new goal takes the id the desktop gives its entry: the same id in the plan and
        // in a month, which git merges apart (the open after gives the entry a new one).
        let g = wb.add_goal();
        wb.goals[g].title = "Write the design doc".into();
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
/// An encrypted workbook in git, its key and public key committed with it: both clones
/// edit, the desktop pulls, and the driver (given `%P` and the passphrase file) merges the
/// sealed files item by item and seals what it writes; the open after settles the merge,
/// and every file of the workbook in the working tree is still an age file.
#[test]
fn an_encrypted_workbook_merges_through_git_and_stays_sealed() {
    use std::sync::atomic::Ordering;
    mentorbook::store::crypt::TEST_WORK_FACTOR.store(10, Ordering::Relaxed);
    let home = tempfile::tempdir().unwrap();
    let a = home.path().join("laptop");
    std::fs::create_dir(&a).unwrap();
    git(&a, &["init", "-q", "-b", "main"]);
    let pass = home.path().join("pass");
    std::fs::write(&pass, "a long passphrase for the tests\n").unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    // The README's setup for an encrypted workbook (with the passphrase in a file).
    let args = format!("--passphrase-file {} merge %O %A %B %P", pass.display());
    let driver = |dir: &Path| set_up_driver_as(dir, &args);
    driver(&a);
    attributes_and_ignores(&a);
    let file = |dir: &Path| dir.join("workbook.json");
    {
        let (mut store, mut wb) = Store::open(&file(&a)).unwrap();
        for title in ["Speak at the all-hands", "Lead the migration"] {
            let g = wb.add_goal();
            wb.goals[g].title = title.into();
        }
        entry(&mut wb, "Before the split.");
        store.save(&wb, now()).unwrap();
        let phrase =
            age::secrecy::SecretString::from("a long passphrase for the tests".to_string());
        store.encrypt(&wb, &phrase, now()).unwrap();
    }
    git(&a, &["add", "-A"]);
    git(&a, &["commit", "-q", "-m", "start"]);
    let b = home.path().join("desktop");
    git(home.path(), &["clone", "-q", "laptop", "desktop"]);
    driver(&b);
    edit_at(&file(&a), 1, |wb| {
        wb.goals[0].specific = "Ten minutes on the platform work".into();
        entry(wb, "Written on the laptop.");
    });
    git(&a, &["commit", "-q", "-am", "laptop"]);
    edit(&file(&b), |wb| {
        wb.goals[1].specific = "Move the billing service by March".into();
        entry(wb, "Written on the desktop.");
    });
    git(&b, &["commit", "-q", "-am", "desktop"]);
    git(&b, &["pull", "-q", "origin", "main"]);
    let (_, wb) = Store::open(&file(&b)).unwrap();
    let wb = read_all(wb, &file(&b));
    assert_eq!(wb.goals[0].specific, "Ten minutes on the platform work");
    assert_eq!(wb.goals[1].specific, "Move the billing service by March");
    let texts: Vec<&str> = wb.journal.iter().map(|e| e.text.as_str()).collect();
    for t in [
        "Before the split.",
        "Written on the laptop.",
        "Written on the desktop.",
    ] {
        assert!(texts.contains(&t), "{t} is missing: {texts:?}");
    }
    for f in mentorbook::store::workbook_files(&file(&b)) {
        assert!(
            mentorbook::store::crypt::file_is_sealed(&f),
            "{} is plain after the merge",
            f.display()
        );
    }
}

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

/// Copies every file of the workbook at `from` (the manifest and its parts) to `to`.
fn copy_workbook(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("workbook.parts")).unwrap();
    for sub in ["", "workbook.parts"] {
        for e in std::fs::read_dir(from.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() && p.extension().is_some_and(|x| x == "json") {
                std::fs::copy(&p, to.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
}

/// The laptop's folder (made) and the desktop's, and the laptop's workbook file.
fn machines(home: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let (a, b) = (home.join("laptop"), home.join("desktop"));
    std::fs::create_dir_all(&a).unwrap();
    let file = a.join("workbook.json");
    (a, b, file)
}

/// A session of the app on the workbook at `file`, its state set by `prepare` first.
fn session_on(
    file: &Path,
    prepare: impl FnOnce(&mut mentorbook::app::App),
) -> mentorbook::shell::Session {
    let (store, wb) = Store::open(file).unwrap();
    let mut app = mentorbook::app::App::new(wb);
    prepare(&mut app);
    mentorbook::shell::Session::new(app, store, now)
}

/// A workbook on two machines that went apart: the laptop (at `a`) changed one goal and
/// wrote an entry; the desktop (at `b`) changed the other goal, wrote an entry and deleted
/// the first entry of before. Both saved.
fn two_machines(home: &Path) -> (PathBuf, PathBuf) {
    let (a, b, file) = machines(home);
    edit(&file, |wb| {
        for title in ["Speak at the all-hands", "Lead the migration"] {
            let g = wb.add_goal();
            wb.goals[g].title = title.into();
        }
        entry(wb, "Deleted on the desktop.");
        entry(wb, "Kept by both.");
    });
    copy_workbook(&a, &b);
    edit_at(&file, 20, |wb| {
        wb.goals[0].specific = "Ten minutes on the platform work".into();
        entry(wb, "Written on the laptop.");
    });
    edit_at(&b.join("workbook.json"), 30, |wb| {
        wb.goals[1].specific = "Move the billing service by March".into();
        entry(wb, "Written on the desktop.");
        let gone = wb
            .journal
            .iter()
            .position(|e| e.text == "Deleted on the desktop.")
            .unwrap();
        wb.journal.remove(gone);
    });
    (a, b)
}

/// What both machines' changes look like once merged.
fn assert_both_sides_merged(wb: &Workbook) {
    assert_eq!(wb.goals[0].specific, "Ten minutes on the platform work");
    assert_eq!(wb.goals[1].specific, "Move the billing service by March");
    let mut texts: Vec<&str> = wb.journal.iter().map(|e| e.text.as_str()).collect();
    texts.sort();
    assert_eq!(
        texts,
        [
            "Kept by both.",
            "Written on the desktop.",
            "Written on the laptop."
        ],
        "the desktop's deletion is honoured: the ancestor was found"
    );
    assert!(wb.conflicts.is_empty(), "{:?}", wb.conflicts);
    assert!(wb.problems().is_empty(), "{:?}", wb.problems());
}

/// Opens the app on `file` as a person would, and quits.
fn open_and_quit(file: &Path) -> mentorbook::app::App {
    use mentorbook::shell::{Session, run};
    use std::sync::Mutex;
    let (store, wb) = Store::open_progressive(file)
        .map(|(s, wb, pending)| {
            assert!(pending.is_some() || wb.journal.is_empty());
            (s, wb, pending)
        })
        .map(|(s, wb, pending)| ((s, pending), wb))
        .unwrap();
    let (store, pending) = store;
    let session =
        Mutex::new(Session::new(mentorbook::app::App::new(wb), store, now).journal_later(pending));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let mut events = common::Script::new("q");
    run(
        &session,
        &mut terminal,
        &mut events,
        &std::sync::atomic::AtomicUsize::new(0),
    )
    .unwrap();
    session.into_inner().unwrap().app
}

#[test]
fn sync_tools_conflict_copies_are_found_merged_and_moved_to_backups() {
    // Each tool's name for the desktop's version of a file, beside the laptop's.
    type Name = fn(&str) -> String;
    let tools: [(&str, Name); 3] = [
        ("Syncthing", |stem| {
            format!("{stem}.sync-conflict-20261201-103000-DESKTOP.json")
        }),
        ("Dropbox", |stem| {
            format!("{stem} (Ana's conflicted copy 2026-12-01).json")
        }),
        ("Nextcloud", |stem| {
            format!("{stem} (conflicted copy 2026-12-01 103000).json")
        }),
    ];
    for (tool, name) in tools {
        let home = tempfile::tempdir().unwrap();
        let (a, b) = two_machines(home.path());
        let mut copies = Vec::new();
        for (sub, stem) in [
            ("", "workbook"),
            ("workbook.parts", "plan"),
            ("workbook.parts", "journal-2026-11"),
        ] {
            let to = a.join(sub).join(name(stem));
            std::fs::copy(b.join(sub).join(format!("{stem}.json")), &to).unwrap();
            copies.push(to);
        }
        let app = open_and_quit(&a.join("workbook.json"));
        assert_eq!(app.workbook.conflicts, vec![], "{tool}");
        let saved = mentorbook::store::read_only(&a.join("workbook.json"))
            .unwrap()
            .workbook;
        assert_both_sides_merged(&saved);
        for copy in copies {
            assert!(!copy.exists(), "{tool}: {} is still there", copy.display());
            let kept = a.join("backups").join(
                copy.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .replace(".json", ".merged.json"),
            );
            assert!(kept.exists(), "{tool}: {} was not kept", kept.display());
        }
    }
}

#[test]
fn another_programs_save_during_a_session_is_merged_not_left_in_a_copy() {
    let home = tempfile::tempdir().unwrap();
    let (a, b) = two_machines(home.path());
    // The laptop's session is open on its last save; the sync tool brings the desktop's.
    let file = a.join("workbook.json");
    let mut session = session_on(&file, |_| {});
    session.app.workbook.goals[0].attainable = "Typed during the session".into();
    session.app.touch();
    copy_workbook(&b, &a);
    session.save();
    // The save found the file changed, kept ours in a copy, merged, and saves go on; the
    // copy stays beside the workbook until the merged one is on disk.
    assert!(session.store.conflict().is_none());
    let notice = session.app.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("Merged another program's changes"),
        "{notice}"
    );
    assert_eq!(
        session.app.screen,
        mentorbook::nav::Screen::Home,
        "nothing to choose"
    );
    let copies = || {
        std::fs::read_dir(&a)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".conflict-"))
            .count()
    };
    assert_eq!(copies(), 1);
    assert!(session.save(), "{:?}", session.app.status);
    assert_eq!(copies(), 0);
    let saved = mentorbook::store::read_only(&file).unwrap().workbook;
    assert_eq!(saved.goals[0].attainable, "Typed during the session");
    assert_eq!(saved.goals[1].specific, "Move the billing service by March");
    let texts: Vec<&str> = saved.journal.iter().map(|e| e.text.as_str()).collect();
    assert!(texts.contains(&"Written on the desktop."), "{texts:?}");
    assert!(texts.contains(&"Written on the laptop."), "{texts:?}");
}

#[test]
fn a_save_made_after_ours_elsewhere_merges_against_what_the_session_last_saved() {
    let home = tempfile::tempdir().unwrap();
    let (a, b, file) = machines(home.path());
    edit(&file, |wb| {
        let g = wb.add_goal();
        wb.goals[g].title = "Speak at the all-hands".into();
        entry(wb, "Deleted on the desktop.");
        entry(wb, "Kept.");
    });
    // The session opens on that save; the desktop gets it and saves on top of it.
    let mut session = session_on(&file, |_| {});
    copy_workbook(&a, &b);
    edit_at(&b.join("workbook.json"), 30, |wb| {
        wb.goals[0].specific = "Ten minutes".into();
        let gone = (wb.journal.iter())
            .position(|e| e.text == "Deleted on the desktop.")
            .unwrap();
        wb.journal.remove(gone);
    });
    session.app.workbook.goals[0].relevant = "Typed during the session".into();
    session.app.touch();
    copy_workbook(&b, &a);
    session.save();
    assert!(session.save(), "{:?}", session.app.status);
    let saved = mentorbook::store::read_only(&file).unwrap().workbook;
    assert_eq!(saved.goals[0].specific, "Ten minutes");
    assert_eq!(saved.goals[0].relevant, "Typed during the session");
    let texts: Vec<&str> = saved.journal.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["Kept."], "the desktop's deletion is honoured");
    assert!(saved.conflicts.is_empty(), "{:?}", saved.conflicts);
}

/// `mentorbook merge BASE OURS THEIRS`, as git runs it.
fn driver(files: [&std::path::PathBuf; 3]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .arg("merge")
        .args(files)
        .output()
        .unwrap()
}

#[test]
fn the_driver_exits_1_on_a_collision_and_the_file_loads_with_both_sides_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap();
    let write = |name: &str, wb: &Workbook| {
        let p = dir.path().join(name);
        let bytes = mentorbook::store::encode(&mentorbook::store::encode_data(wb), 3, at);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let mut base = Workbook::default();
    let g = base.add_goal();
    base.goals[g].specific = "Speak at the all-hands".into();
    entry(&mut base, "One line.");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.goals[g].specific = "Speak at the all-hands in March".into();
    theirs.goals[g].specific = "Speak at two team meetings first".into();
    let b = write("base.json", &base);
    let o = write("ours.json", &ours);
    let t = write("theirs.json", &theirs);
    let out = driver([&b, &o, &t]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = mentorbook::store::decode(&std::fs::read(&o).unwrap())
        .unwrap()
        .workbook;
    assert_eq!(merged.goals[0].specific, "Speak at the all-hands in March");
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        merged.conflicts[0].theirs,
        Some(serde_json::json!("Speak at two team meetings first")),
        "the losing text is kept"
    );
    assert!(merged.problems().is_empty());
    // Merging the result with itself is clean: exit 0, nothing more to choose.
    let again = driver([&o, &o, &o]);
    assert_eq!(again.status.code(), Some(0));
    // Not a workbook: exit 2, ours left as it was.
    let before = std::fs::read(&o).unwrap();
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "{\"not\": \"a workbook\"}").unwrap();
    let bad = driver([&b, &o, &junk]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(std::fs::read(&o).unwrap(), before);
}

#[test]
fn a_collision_in_a_month_of_journal_keeps_both_texts_in_the_entry() {
    use mentorbook::store::{Piece, read_piece, write_piece};
    let dir = tempfile::tempdir().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap();
    let month = |text: &str| {
        let e = std::sync::Arc::new(JournalEntry {
            id: 7,
            at: DateTime::parse_from_rfc3339("2026-11-30T09:00:00+01:00").unwrap(),
            text: text.into(),
            ..JournalEntry::default()
        });
        Piece::Month("2026-11".parse().unwrap(), vec![e], 4)
    };
    let write = |name: &str, p: &Piece| {
        let path = dir.path().join(name);
        std::fs::write(&path, write_piece(p, at)).unwrap();
        path
    };
    let b = write("b.json", &month("The talk went well."));
    let o = write("o.json", &month("The talk went very well."));
    let t = write(
        "t.json",
        &month("The talk went well, and two people asked questions."),
    );
    let out = driver([&b, &o, &t]);
    assert_eq!(out.status.code(), Some(1));
    let Piece::Month(_, entries, generation) = read_piece(&std::fs::read(&o).unwrap()).unwrap()
    else {
        panic!("a month");
    };
    assert_eq!(
        generation, 0,
        "the next open reads it and writes a true manifest"
    );
    assert_eq!(
        entries[0].text,
        "The talk went very well.\n\n--- merged: the other machine had ---\n\
         The talk went well, and two people asked questions."
    );
}

#[test]
fn a_merge_waits_while_a_text_is_being_written_and_runs_when_the_editor_closes() {
    use mentorbook::field::{Field, GoalPart};
    use mentorbook::shell::{Exit, run};
    use std::sync::Mutex;
    let home = tempfile::tempdir().unwrap();
    let (a, b) = two_machines(home.path());
    let file = a.join("workbook.json");
    let mut session = session_on(&file, |app| {
        common::go_to(app, Field::Goal(0, GoalPart::Attainable));
        common::press(app, "<Enter>Typed while the desktop's save came in");
    });
    copy_workbook(&b, &a);
    session.save();
    // Mid-sentence: nothing is swapped under the editor; saves go to our copy meanwhile.
    assert!(session.store.conflict().is_some());
    assert!(session.app.mode.editing().is_some());
    let session = Mutex::new(session);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let mut events = common::Script::new(" and more.<Esc>q");
    let exit = run(
        &session,
        &mut terminal,
        &mut events,
        &std::sync::atomic::AtomicUsize::new(0),
    )
    .unwrap();
    assert_eq!(exit, Exit::Quit);
    let saved = mentorbook::store::read_only(&file).unwrap().workbook;
    assert_eq!(
        saved.goals[0].attainable,
        "Typed while the desktop's save came in and more."
    );
    assert_eq!(saved.goals[1].specific, "Move the billing service by March");
    assert!(session.lock().unwrap().store.conflict().is_none());
}

#[test]
fn a_session_holding_only_first_lines_merges_with_every_text_whole() {
    use mentorbook::shell::Session;
    let home = tempfile::tempdir().unwrap();
    let (a, b, file) = machines(home.path());
    let long = "A long entry.\nIts second line.\nAnd a third.";
    edit(&file, |wb| {
        let g = wb.add_goal();
        wb.goals[g].title = "Speak at the all-hands".into();
        entry(wb, long);
    });
    copy_workbook(&a, &b);
    edit_at(&b.join("workbook.json"), 30, |wb| {
        wb.goals[0].specific = "From the desktop".into();
    });
    // As the app opens it: the journal arrives as heads, its texts cut to what a list shows.
    let (store, wb, pending) = Store::open_progressive(&file).unwrap();
    let app = mentorbook::app::App::new(wb);
    let mut session = Session::new(app, store, now).journal_later(pending);
    session.finish_loading().unwrap();
    assert!(
        session.app.workbook.journal.has_heads(),
        "the session holds heads"
    );
    session.app.workbook.goals[0].relevant = "Typed during the session".into();
    session.app.touch();
    copy_workbook(&b, &a);
    session.save();
    assert!(session.save(), "{:?}", session.app.status);
    let saved = mentorbook::store::read_only(&file).unwrap().workbook;
    assert_eq!(
        saved.journal.iter().next().unwrap().text,
        long,
        "no text cut"
    );
    assert_eq!(saved.goals[0].specific, "From the desktop");
    assert_eq!(saved.goals[0].relevant, "Typed during the session");
}

#[test]
fn a_start_without_copies_merges_nothing_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("workbook.json");
    edit(&file, |wb| entry(wb, "Just one."));
    let modified = || std::fs::metadata(&file).unwrap().modified().unwrap();
    let before = modified();
    std::thread::sleep(std::time::Duration::from_millis(20));
    open_and_quit(&file);
    assert_eq!(modified(), before, "the manifest is not written again");
    let backups: Vec<String> = std::fs::read_dir(home.path().join("backups"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !backups.iter().any(|n| n.contains("before-merge")),
        "{backups:?}"
    );
}

#[test]
fn a_copy_of_the_plan_alone_is_merged_too() {
    let home = tempfile::tempdir().unwrap();
    let (a, b, file) = machines(home.path());
    edit(&file, |wb| {
        let g = wb.add_goal();
        wb.goals[g].title = "Speak at the all-hands".into();
    });
    copy_workbook(&a, &b);
    edit_at(&b.join("workbook.json"), 30, |wb| {
        let g = wb.add_goal();
        wb.goals[g].title = "Lead the migration".into();
    });
    // Only the plan conflicted (the manifests came out alike, say).
    let copy = a.join("workbook.parts/plan.sync-conflict-20261201-103000-DESKTOP.json");
    std::fs::copy(b.join("workbook.parts/plan.json"), &copy).unwrap();
    open_and_quit(&file);
    let saved = mentorbook::store::read_only(&file).unwrap().workbook;
    let titles: Vec<&str> = saved.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles, ["Speak at the all-hands", "Lead the migration"]);
    assert!(!copy.exists(), "moved to backups/");
}

#[test]
fn collisions_open_the_merge_screen_but_never_during_a_call() {
    use mentorbook::nav::Screen;
    for call in [false, true] {
        let home = tempfile::tempdir().unwrap();
        let (a, b) = two_machines(home.path());
        let file = a.join("workbook.json");
        let mut session = session_on(&file, |app| app.call_mode = call);
        // The desktop changed the second goal's specific; so does this session.
        session.app.workbook.goals[1].specific = "Move billing after the freeze".into();
        session.app.touch();
        copy_workbook(&b, &a);
        session.save();
        assert_eq!(session.app.workbook.conflicts.len(), 1);
        let want = if call { Screen::Home } else { Screen::Merge };
        assert_eq!(session.app.screen, want, "call mode: {call}");
    }
}
