//! A journal opened by the app holds only each entry's head (time, tags, links, first line);
//! whole texts are read when an entry is opened, searched or written. These sessions check
//! that no text is ever cut short on disk, whatever is done to entries held as heads.

mod common;

use std::sync::Mutex;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

use common::disk::files;
use common::{Script, fixed_now};
use mentorbook::app::App;
use mentorbook::model::{Goal, JournalEntry, Workbook};
use mentorbook::nav::{Exercise, Screen};
use mentorbook::shell::{Session, run};
use mentorbook::store::{Store, read_only};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An entry of two paragraphs: the second only in its whole text.
fn entry(id: u64, at: &str) -> JournalEntry {
    JournalEntry {
        id,
        at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
        text: format!("Entry {id} starts here.\n\nLater, entry {id} mentions kestrel{id}."),
        tags: vec!["work".into()],
        ..JournalEntry::default()
    }
}

/// A workbook with a goal and six entries over three months, two linked to the goal.
fn workbook() -> Workbook {
    let mut wb = Workbook::default();
    wb.goals.push(Goal {
        id: 1,
        title: "Chair the weekly meeting".into(),
        ..Goal::default()
    });
    for (id, at) in [
        (11, "2026-09-03T08:00:00+01:00"),
        (12, "2026-09-20T08:00:00+01:00"),
        (13, "2026-10-09T08:00:00+01:00"),
        (14, "2026-10-21T08:00:00+01:00"),
        (15, "2026-11-02T08:00:00+01:00"),
        (16, "2026-11-20T08:00:00+01:00"),
    ] {
        let mut e = entry(id, at);
        e.goal = (id % 2 == 0).then_some(1);
        wb.journal.push(e);
    }
    wb.next_id = 20;
    wb
}

struct Opened {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    session: Mutex<Session>,
}

/// The workbook saved, then opened as the app opens it, its journal read (as heads).
fn opened() -> Opened {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&workbook(), fixed_now()).unwrap();
    drop(store);
    let (store, wb, pending) = Store::open_progressive(&path).unwrap();
    let mut app = App::new(wb);
    app.today = fixed_now().date_naive();
    app.screen = Screen::Exercise(Exercise::Journal);
    let mut s = Session::new(app, store, fixed_now).journal_later(pending);
    s.finish_loading().unwrap();
    s.app.refresh_journal();
    Opened {
        _dir: dir,
        path,
        session: Mutex::new(s),
    }
}

impl Opened {
    fn keys(&self, keys: &str) {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let mut script = Script::new(keys);
        run(
            &self.session,
            &mut terminal,
            &mut script,
            &AtomicUsize::new(0),
        )
        .unwrap();
    }

    fn app<T>(&self, f: impl FnOnce(&App) -> T) -> T {
        f(&self.session.lock().unwrap().app)
    }
}

/// Every entry saved at `path`, by id, with its text.
fn saved_texts(path: &std::path::Path) -> Vec<(u64, String)> {
    let wb = read_only(path).unwrap().workbook;
    let mut v: Vec<(u64, String)> = wb.journal.iter().map(|e| (e.id, e.text.clone())).collect();
    v.sort();
    v
}

fn whole_text(id: u64) -> String {
    entry(id, "2026-11-01T00:00:00Z").text
}

#[test]
fn the_app_holds_heads_and_reads_a_month_when_it_is_shown() {
    let o = opened();
    o.app(|app| {
        let j = &app.workbook.journal;
        assert_eq!(j.head_count(), 6, "every entry is a head");
        assert!(j.iter().all(|e| e.text.is_empty()));
        assert_eq!(
            j.iter().next().unwrap().tags,
            ["work"],
            "tags are in the head"
        );
    });
    let before = files(&o.path);
    // The list's rows are read as they are shown; an entry opened is whole.
    o.keys("<Enter><Esc>q");
    o.app(|app| {
        let j = &app.workbook.journal;
        let newest = (0..j.len()).find(|&i| j[i].id == 16).unwrap();
        assert_eq!(j.whole(newest).unwrap().text, whole_text(16));
        assert_eq!(j.head_count(), 0, "every row was on screen");
        let screen = common::screen_text(app, 100, 30);
        assert!(screen.contains("Entry 16 starts here."), "{screen}");
    });
    assert_eq!(
        files(&o.path),
        before,
        "reading texts changes nothing on disk"
    );
}

#[test]
fn only_the_months_near_the_rows_on_screen_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    let mut wb = Workbook::default();
    // A year of daily entries: far more than a screen of rows.
    let first = chrono::DateTime::parse_from_rfc3339("2025-11-01T08:00:00+01:00").unwrap();
    for d in 0..365 {
        let at = (first + chrono::Duration::days(d)).to_rfc3339();
        wb.journal.push(entry(100 + d as u64, &at));
    }
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&wb, fixed_now()).unwrap();
    drop(store);
    let (store, wb, pending) = Store::open_progressive(&path).unwrap();
    let mut app = App::new(wb);
    app.screen = Screen::Exercise(Exercise::Journal);
    let mut s = Session::new(app, store, fixed_now).journal_later(pending);
    s.finish_loading().unwrap();
    s.app.refresh_journal();
    s.need_texts();
    let j = &s.app.workbook.journal;
    let oldest = (0..j.len()).find(|&i| j[i].id == 100).unwrap();
    let newest = (0..j.len()).find(|&i| j[i].id == 464).unwrap();
    assert!(j.whole(newest).is_some(), "the top row is read");
    assert!(j.is_head(oldest), "a year down the list is not");
    assert!(j.head_count() > 100, "{}", j.head_count());
}

#[test]
fn an_entry_deleted_while_a_head_leaves_its_months_texts_whole() {
    let o = opened();
    {
        let mut s = o.session.lock().unwrap();
        let j = &s.app.workbook.journal;
        let i = (0..j.len()).find(|&i| j[i].id == 15).unwrap();
        assert!(j.is_head(i));
        s.app.workbook.journal.remove(i);
        s.app.unsaved = true;
        assert!(s.save());
    }
    let texts = saved_texts(&o.path);
    assert_eq!(
        texts.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        [11, 12, 13, 14, 16]
    );
    for (id, text) in texts {
        assert_eq!(text, whole_text(id), "entry {id}");
    }
}

#[test]
fn a_goal_deleted_unlinks_its_entries_and_keeps_their_texts() {
    let o = opened();
    {
        let mut s = o.session.lock().unwrap();
        assert!(s.app.workbook.remove_goal(0));
        s.app.unsaved = true;
        assert!(s.save());
    }
    let wb = read_only(&o.path).unwrap().workbook;
    assert!(wb.journal.iter().all(|e| e.goal.is_none()));
    for (id, text) in saved_texts(&o.path) {
        assert_eq!(text, whole_text(id), "entry {id}");
    }
}

#[test]
fn a_search_reads_every_months_text_and_finds_words_past_the_first_line() {
    let o = opened();
    o.keys("/kestrel13<Enter>");
    let start = Instant::now();
    loop {
        let mut s = o.session.lock().unwrap();
        s.take_in_journal().unwrap();
        if !s.loading() {
            break;
        }
        drop(s);
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the texts arrive"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    o.app(|app| {
        let found: Vec<u64> = (app.journal.matches.iter())
            .map(|&i| app.workbook.journal[i].id)
            .collect();
        assert_eq!(found, [13]);
        assert_eq!(app.workbook.journal.head_count(), 0);
        assert_eq!(
            app.notice.as_deref(),
            Some("1 entry matches “kestrel13”. Esc clears the filter.")
        );
    });
}

#[test]
fn copies_written_whole_hold_whole_texts() {
    let o = opened();
    let s = o.session.lock().unwrap();
    assert!(s.app.workbook.journal.has_heads());
    let recovery = s
        .store
        .write_recovery(&s.app.workbook, fixed_now())
        .unwrap();
    let wb = read_only(&recovery).unwrap().workbook;
    assert_eq!(wb.journal.len(), 6);
    for e in wb.journal.iter() {
        assert_eq!(e.text, whole_text(e.id));
    }
    // And nothing can write a head as if it were an entry.
    assert!(serde_json::to_string(&s.app.workbook).is_err());
}
