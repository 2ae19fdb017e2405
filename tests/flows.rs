//! Scripted sessions through the real event loop (`shell::run`) with a `TestBackend` and a
//! workbook in a temporary folder: what is typed must be on disk afterwards.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};

use common::{Script, fixed_now, fixture, screen_text};
use crossterm::event::Event;
use mentorbook::app::{App, Status};
use mentorbook::field::{Field, VisionPart};
use mentorbook::model::Workbook;
use mentorbook::nav::Exercise;
use mentorbook::nav::{Confirm, Mode, Screen};
use mentorbook::shell::{Exit, Session, run};
use mentorbook::store::Store;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Where most of these sessions write: the vision statement (running text).
const STATEMENT: Field = Field::Vision(VisionPart::Statement);

/// The temporary folder of one test.
struct Temp {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Temp {
    fn new() -> Temp {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workbook.json");
        Temp { _dir: dir, path }
    }

    /// Opens the store, runs `events` through the loop, and returns the app and how it ended.
    fn run(&self, wb: Option<Workbook>, events: &mut Script) -> (App, Exit) {
        let session = self.open(wb);
        let exit = self.resume(&session, events, 0);
        (session.into_inner().unwrap().app, exit)
    }

    /// [`Temp::run`], with the app already on `field`'s screen and the focus on it.
    fn run_at(&self, wb: Option<Workbook>, field: Field, events: &mut Script) -> (App, Exit) {
        let session = self.open_at(wb, field);
        let exit = self.resume(&session, events, 0);
        (session.into_inner().unwrap().app, exit)
    }

    /// [`Temp::open`], with the app on `field`'s screen and the focus on it.
    fn open_at(&self, wb: Option<Workbook>, field: Field) -> Mutex<Session> {
        let session = self.open(wb);
        common::go_to(&mut session.lock().unwrap().app, field);
        session
    }

    fn open(&self, wb: Option<Workbook>) -> Mutex<Session> {
        let (store, loaded) = Store::open(&self.path).unwrap();
        Mutex::new(Session::new(
            App::new(wb.unwrap_or(loaded)),
            store,
            fixed_now,
        ))
    }

    /// Runs more events on an open session; `signal` pretends the signal thread set the flag.
    fn resume(&self, session: &Mutex<Session>, events: &mut Script, signal: usize) -> Exit {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        run(session, &mut terminal, events, &AtomicUsize::new(signal)).unwrap()
    }

    fn saved(&self) -> Workbook {
        mentorbook::store::read_only(&self.path).unwrap().workbook
    }
}

fn file_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn a_vision_statement_typed_and_quit_is_on_disk() {
    let s = Temp::new();
    let mut events = Script::new("<Enter>I lead a calm team.<Enter>People trust me.<Esc>q");
    let (app, exit) = s.run_at(None, STATEMENT, &mut events);
    assert_eq!(exit, Exit::Quit);
    assert_eq!(
        s.saved().vision.statement,
        "I lead a calm team.\nPeople trust me."
    );
    assert_eq!(s.saved(), app.workbook);
    assert!(
        events.events.is_empty(),
        "q ended the loop after the last key"
    );
}

#[test]
fn list_items_are_added_in_a_row_and_an_empty_one_disappears() {
    let s = Temp::new();
    let (_, _) = s.run(
        None,
        &mut Script::new("5aPatient<Enter>Curious<Enter><Enter>q"),
    );
    assert_eq!(s.saved().vision.strengths, vec!["Patient", "Curious"]);
}

#[test]
fn names_on_the_overview_are_saved() {
    let s = Temp::new();
    s.run(
        None,
        &mut Script::new(
            "<Enter>Ana's book<Enter>j<Enter>Ana<Esc>j<Enter>Ben<Esc>jj<Enter><Down><Enter>pq",
        ),
    );
    let wb = s.saved();
    assert_eq!(
        (wb.title.as_str(), wb.mentee.as_str(), wb.mentor.as_str()),
        ("Ana's book", "Ana", "Ben")
    );
    assert_eq!(
        wb.phase,
        mentorbook::model::Phase::Cultivation,
        "picked one on, then p: two steps on"
    );
}

#[test]
fn autosave_catches_text_still_in_the_editor_after_a_pause() {
    let s = Temp::new();
    let path = s.path.clone();
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let mut events = Script::new("<Enter>Half a thought<Pause>, finished.<Pause>");
    events.after_pause = Some(Box::new(move |_| {
        log.lock().unwrap().push(common::disk::saved_text(&path))
    }));
    // The script then runs out: the terminal is "lost", which must save as well.
    let (app, exit) = s.run_at(None, STATEMENT, &mut events);
    assert_eq!(exit, Exit::TerminalLost);
    let seen = seen.lock().unwrap();
    assert!(
        seen[0].contains("Half a thought"),
        "saved at the first pause, still editing"
    );
    assert!(seen[1].contains("Half a thought, finished."));
    assert!(
        matches!(app.mode, Mode::Edit(_)),
        "autosave does not leave the editor"
    );
    assert_eq!(s.saved().vision.statement, "Half a thought, finished.");
}

#[test]
fn ctrl_c_in_the_editor_keeps_the_text_and_quits() {
    let s = Temp::new();
    let (_, exit) = s.run_at(
        None,
        STATEMENT,
        &mut Script::new("<Enter>Unfinished sentence<C-c>"),
    );
    assert_eq!(exit, Exit::Quit);
    assert_eq!(s.saved().vision.statement, "Unfinished sentence");
}

/// Ctrl-s saves at once: the file holds the text before any autosave deadline comes (the
/// loop is given no time-out at all after it), and the editor stays open.
#[test]
fn ctrl_s_saves_without_leaving_the_editor() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    let script = Script::new("<Enter>Saved by hand<C-s>");
    let mut events = common::TimePasses::new(script, &s.path, "Saved by hand", 0);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(&session, &mut terminal, &mut events, &AtomicUsize::new(0)).unwrap();
    assert_eq!(
        events.seen,
        ["Saved by hand"],
        "on disk before any deadline"
    );
    assert!(matches!(session.lock().unwrap().app.mode, Mode::Edit(_)));
}

/// Script events, then the signal: once the script has run out, the flag is set the way the
/// signal thread sets it, and the loop is handed one more key. Nothing else has saved by then
/// (the typed text is still in the editor, the autosave's time not come), so only the loop's
/// own save on seeing the flag keeps it.
struct SignalAfter<'a> {
    script: Script,
    stop: &'a AtomicUsize,
}

impl mentorbook::shell::Events for SignalAfter<'_> {
    fn next(&mut self, timeout: Option<std::time::Duration>) -> std::io::Result<Option<Event>> {
        if self.script.events.is_empty() {
            self.stop.store(15, std::sync::atomic::Ordering::SeqCst);
            return Ok(Some(common::script("x").remove(0).unwrap()));
        }
        self.script.next(timeout)
    }
}

/// A terminal that keeps the text of the last frame drawn, and sets the signal flag while
/// frame `signal_at` is drawn: the flag is up when the loop comes round again, before it
/// waits for the next event.
struct SignalOnDraw<'a> {
    inner: TestBackend,
    draws: usize,
    signal_at: usize,
    stop: &'a AtomicUsize,
    last_frame: Arc<Mutex<String>>,
}

impl<'a> SignalOnDraw<'a> {
    /// A `width`×24 terminal that only keeps its last frame (never signals).
    fn watching(width: u16, stop: &'a AtomicUsize, last_frame: &Arc<Mutex<String>>) -> Self {
        SignalOnDraw {
            inner: TestBackend::new(width, 24),
            draws: 0,
            signal_at: usize::MAX,
            stop,
            last_frame: Arc::clone(last_frame),
        }
    }
}

impl ratatui::backend::Backend for SignalOnDraw<'_> {
    type Error = <TestBackend as ratatui::backend::Backend>::Error;
    fn draw<'b, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'b ratatui::buffer::Cell)>,
    {
        self.draws += 1;
        if self.draws == self.signal_at {
            self.stop.store(15, std::sync::atomic::Ordering::SeqCst);
        }
        self.inner.draw(content)?;
        let buf = self.inner.buffer();
        *self.last_frame.lock().unwrap() = buf.content().iter().map(|c| c.symbol()).collect();
        Ok(())
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<ratatui::layout::Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        position: P,
    ) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, how: ratatui::backend::ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(how)
    }
    fn size(&self) -> Result<ratatui::layout::Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<ratatui::backend::WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[test]
fn a_signal_seen_with_the_next_event_saves_the_live_editor_text() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    let stop = AtomicUsize::new(0);
    let mut events = SignalAfter {
        script: Script::new("<Enter>Typed before SIGTERM"),
        stop: &stop,
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let exit = run(&session, &mut terminal, &mut events, &stop).unwrap();
    assert_eq!(exit, Exit::Signal(15));
    assert_eq!(
        s.saved().vision.statement,
        "Typed before SIGTERM",
        "saved by the loop on seeing the flag; the key after it was not handled"
    );
}

#[test]
fn a_signal_raised_while_a_frame_is_drawn_saves_before_waiting_again() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    let stop = AtomicUsize::new(0);
    let typed = "<Enter>Mid-frame";
    // The first frame, then one per key: the flag goes up with the last key's frame.
    let frames = 1 + common::script(typed).len();
    let backend = SignalOnDraw {
        inner: TestBackend::new(80, 24),
        draws: 0,
        signal_at: frames,
        stop: &stop,
        last_frame: Arc::default(),
    };
    let mut terminal = Terminal::new(backend).unwrap();
    let mut events = Script::new(typed);
    let exit = run(&session, &mut terminal, &mut events, &stop).unwrap();
    assert_eq!(exit, Exit::Signal(15));
    assert_eq!(s.saved().vision.statement, "Mid-frame");
    assert_eq!(
        events.events.len(),
        0,
        "every key was handled before the signal"
    );
}

#[test]
fn the_signal_thread_can_save_while_the_loop_waits_for_input() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    s.resume(&session, &mut Script::new("<Enter>Mid-sentence"), 0);
    // What term::watch_signals does first, without the loop's help.
    mentorbook::shell::lock(&session).save();
    assert_eq!(s.saved().vision.statement, "Mid-sentence");
}

#[test]
fn pasted_text_goes_in_literally_and_a_paste_outside_an_editor_does_nothing() {
    let s = Temp::new();
    let mut events = Script::from_events(vec![Some(Event::Paste("q1d\u{1b}[201~".into()))]);
    events.events.extend(common::script("<Enter>"));
    events
        .events
        .push_back(Some(Event::Paste("line one\r\nq\rline three\t".into())));
    events.events.extend(common::script("<Esc>q"));
    let (_, exit) = s.run_at(None, STATEMENT, &mut events);
    assert_eq!(exit, Exit::Quit);
    assert_eq!(s.saved().vision.statement, "line one\nq\nline three\t");
}

#[test]
fn delete_asks_first_and_no_keeps_the_item() {
    let s = Temp::new();
    s.run(Some(fixture()), &mut Script::new("5jdnjdyq"));
    let wb = s.saved();
    assert_eq!(
        wb.vision.strengths,
        vec!["Clear technical writer", "Calm when production is on fire"],
        "the second item survived 'n'; the third was deleted with 'y'"
    );
}

#[test]
fn help_opened_from_the_editor_returns_to_it_with_the_text() {
    let s = Temp::new();
    let (app, exit) = s.run_at(
        None,
        STATEMENT,
        &mut Script::new("<Enter>abc<F1>x def<Esc>q"),
    );
    assert_eq!(exit, Exit::Quit);
    assert_eq!(
        s.saved().vision.statement,
        "abc def",
        "the x only closed the help"
    );
    assert_eq!(app.screen, Screen::Exercise(Exercise::Vision));
}

#[test]
fn a_failed_save_says_not_saved_keeps_the_text_and_recovers() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    s.resume(&session, &mut Script::new("<Enter>First<Esc>"), 0);
    let before = fs::read(&s.path).unwrap();
    // A file where the backups folder should be makes every save fail.
    let backups = s.path.parent().unwrap().join("backups");
    fs::remove_dir_all(&backups).ok();
    fs::write(&backups, "in the way").unwrap();
    let exit = s.resume(&session, &mut Script::new("<Enter> and second<Esc>q"), 0);
    assert_eq!(exit, Exit::TerminalLost, "q did not quit: it asked first");
    {
        let app = &session.lock().unwrap().app;
        assert!(matches!(app.status, Status::NotSaved(_)));
        assert!(matches!(app.mode, Mode::Confirm(Confirm::QuitUnsaved)));
        assert!(screen_text(app, 80, 24).contains("NOT SAVED: "));
        assert_eq!(
            app.workbook.vision.statement, "First and second",
            "kept in memory"
        );
    }
    assert_eq!(
        fs::read(&s.path).unwrap(),
        before,
        "the old file is untouched"
    );
    let leftovers: Vec<_> = fs::read_dir(s.path.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp file left behind");
    // The fault clears; the next save (here: answering n, then Ctrl-s) succeeds.
    fs::remove_file(&backups).unwrap();
    let exit = s.resume(&session, &mut Script::new("n<C-s>q"), 0);
    assert_eq!(exit, Exit::Quit);
    assert!(matches!(
        session.lock().unwrap().app.status,
        Status::Saved(_)
    ));
    assert_eq!(s.saved().vision.statement, "First and second");
}

#[test]
fn quitting_after_a_failed_save_needs_a_yes() {
    let s = Temp::new();
    let session = s.open(None);
    s.resume(&session, &mut Script::new("p<C-s>"), 0);
    let before = fs::read(&s.path).unwrap();
    fs::write(s.path.parent().unwrap().join("backups"), "in the way").unwrap();
    let exit = s.resume(&session, &mut Script::new("pqy"), 0);
    assert_eq!(exit, Exit::Quit, "y confirmed quitting without the save");
    assert!(matches!(
        session.lock().unwrap().app.status,
        Status::NotSaved(_)
    ));
    assert_eq!(fs::read(&s.path).unwrap(), before);
}

/// `y` to "quit anyway" keeps the text in a recovery file; when even that file cannot be
/// written, quitting would lose the text, so the app stays open and says why.
#[test]
fn quitting_anyway_stays_open_when_no_recovery_file_can_be_written() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    s.resume(&session, &mut Script::new("<Enter>Kept<Esc><C-s>"), 0);
    let dir = s.path.parent().unwrap();
    fs::write(dir.join("backups"), "in the way").unwrap();
    fs::remove_dir_all(dir.join("recovery")).ok();
    fs::write(dir.join("recovery"), "in the way too").unwrap();
    let exit = s.resume(&session, &mut Script::new("<Enter> and not lost<Esc>qy"), 0);
    assert_eq!(
        exit,
        Exit::TerminalLost,
        "y did not quit: nothing would keep the text"
    );
    {
        let app = &session.lock().unwrap().app;
        assert_eq!(app.workbook.vision.statement, "Kept and not lost");
        let notice = app.notice.as_deref().unwrap_or("");
        assert!(
            notice.contains("recovery file cannot be written"),
            "{notice}"
        );
    }
    // The way is cleared: the next save keeps everything.
    fs::remove_file(dir.join("backups")).unwrap();
    let exit = s.resume(&session, &mut Script::new("<C-s>q"), 0);
    assert_eq!(exit, Exit::Quit);
    assert_eq!(s.saved().vision.statement, "Kept and not lost");
}

#[test]
fn reopening_finds_every_word() {
    let s = Temp::new();
    s.run(None, &mut Script::new("5aSteady<Enter><Esc>q"));
    s.run_at(
        None,
        STATEMENT,
        &mut Script::new("<Enter>Ünïcødé ✍️ 日本語 e\u{301}<Esc>q"),
    );
    let (app, _) = s.run(None, &mut Script::new("q"));
    assert_eq!(app.workbook.vision.strengths, vec!["Steady"]);
    assert_eq!(app.workbook.vision.statement, "Ünïcødé ✍️ 日本語 e\u{301}");
}

/// Saves run on their own thread: a change made while one runs is not lost, it is saved by
/// the next one, and quitting waits for whatever is in progress.
#[test]
fn a_change_made_while_a_background_save_runs_is_saved_by_the_next() {
    let t = Temp::new();
    let session = t.open(None);
    let mut s = session.lock().unwrap();
    s.app.workbook.title = "first".into();
    s.app.touch();
    s.save_in_background();
    assert!(s.saving());
    // Typed while the first save runs: asking again only queues it.
    s.app.workbook.title = "second".into();
    s.app.touch();
    s.save_in_background();
    while !s.poll_save() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(
        s.app.unsaved,
        "the first save did not hold the second change"
    );
    assert_eq!(t.saved().title, "first");
    s.app.workbook.title = "third".into();
    s.app.touch();
    s.save_in_background();
    // Quitting (a synchronous save) waits for the one in flight, then writes the latest.
    assert!(s.save());
    assert!(!s.saving() && !s.app.unsaved);
    assert_eq!(t.saved().title, "third");
    assert!(matches!(s.app.status, Status::Saved(_)));
}

/// `E` hands the focused text to the user's editor through a private temporary file in the
/// data folder, takes back what the editor wrote, saves, and removes the file.
#[test]
fn a_text_written_in_the_users_editor_comes_back_and_is_saved() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    let seen = s.path.with_file_name("seen-by-editor");
    // The "editor": records the file's mode and text, then writes its own.
    session.lock().unwrap().editor = format!(
        "sh -c 'stat -c %a \"$1\" > {seen}; cat \"$1\" >> {seen}; printf \"Calm team.\\nTrusted.\\n\" > \"$1\"' editor",
        seen = seen.display()
    );
    let exit = s.resume(&session, &mut Script::new("<Enter>Draft<Esc>E<Pause>q"), 0);
    assert_eq!(exit, Exit::Quit);
    assert_eq!(s.saved().vision.statement, "Calm team.\nTrusted.");
    assert_eq!(file_text(&seen), "600\nDraft\n");
    let left: Vec<_> = fs::read_dir(s.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".mentorbook-edit"))
        .collect();
    assert!(left.is_empty(), "the editor's file is removed: {left:?}");
}

/// An editor that fails, or one that cannot be found, changes nothing and says so.
#[test]
fn a_failing_editor_leaves_the_text_as_it_was() {
    for (editor, says) in [
        ("false", "stopped with an error"),
        ("/nonexistent/editor", "Cannot find the editor"),
    ] {
        let s = Temp::new();
        let session = s.open_at(None, STATEMENT);
        session.lock().unwrap().editor = editor.into();
        s.resume(&session, &mut Script::new("<Enter>Draft<Esc>E"), 0);
        let s2 = session.into_inner().unwrap();
        assert_eq!(s2.app.workbook.vision.statement, "Draft");
        let notice = s2.app.notice.unwrap_or_default();
        assert!(notice.contains(says), "{editor}: {notice}");
    }
}

/// `E` on a one-line field only explains itself.
#[test]
fn e_on_a_short_field_explains_itself() {
    let s = Temp::new();
    let session = s.open(None);
    session.lock().unwrap().editor = "false".into();
    s.resume(&session, &mut Script::new("E"), 0);
    let notice = session.into_inner().unwrap().app.notice.unwrap_or_default();
    assert!(notice.contains("own editor"), "{notice}");
}

/// An editor's file left by a session that was killed is kept and pointed at on the next
/// start, never deleted: it may hold words that never came back.
#[test]
fn an_orphaned_editor_file_is_kept_and_pointed_at() {
    let s = Temp::new();
    let orphan = s.path.with_file_name(".mentorbook-edit-x1y2.txt");
    fs::write(&orphan, "words written in the editor\n").unwrap();
    let session = s.open(None);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut events = Script::new("");
    run(&session, &mut terminal, &mut events, &AtomicUsize::new(0)).unwrap();
    let notice = session.into_inner().unwrap().app.notice.unwrap_or_default();
    assert!(notice.contains(".mentorbook-edit-x1y2.txt"), "{notice}");
    assert_eq!(file_text(&orphan), "words written in the editor\n");
}

/// The editor's word keys are the ones the help shows: Ctrl-→ and Alt-f forward, Ctrl-← and
/// Alt-b back (Alt-← and Alt-→ do nothing in the editor, so the help does not offer them).
#[test]
fn the_word_keys_the_help_shows_move_by_words() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let key = |code, mods| Event::Key(KeyEvent::new(code, mods));
    let mut app = common::app_at(mentorbook::nav::Screen::Exercise(
        mentorbook::nav::Exercise::Journal,
    ));
    common::press(&mut app, "none two three<C-a>");
    common::send(&mut app, key(KeyCode::Right, KeyModifiers::CONTROL));
    common::press(&mut app, "X");
    common::send(&mut app, key(KeyCode::Char('f'), KeyModifiers::ALT));
    common::press(&mut app, "Y");
    common::send(&mut app, key(KeyCode::Char('b'), KeyModifiers::ALT));
    common::send(&mut app, key(KeyCode::Left, KeyModifiers::CONTROL));
    common::press(&mut app, "Z");
    let text = app.mode.editing().unwrap().text();
    assert_eq!(text, "one ZXtwo Ythree");
    let help: Vec<&str> = mentorbook::keys::EDIT.iter().map(|b| b.label).collect();
    assert!(help.contains(&"Ctrl-← / Ctrl-→"), "{help:?}");
    assert!(!help.iter().any(|l| l.contains("Alt-←")), "{help:?}");
}

/// Text a crash left in `recovery/` is offered at the next start when it differs from the
/// workbook: `y` takes it back (saved, the recovery file gone, the old file in `backups/`),
/// `n` sets it aside in `backups/`. One that holds what the workbook holds is removed
/// without a question.
#[test]
fn a_recovery_file_is_offered_and_answered_and_a_stale_one_removed() {
    for (answer, differs) in [("y", true), ("n", true), ("y", false)] {
        let s = Temp::new();
        let mut on_disk = Workbook::default();
        on_disk.vision.statement = "saved before the crash".into();
        let mut crashed = on_disk.clone();
        if differs {
            crashed.vision.statement = "typed just before the crash".into();
        }
        {
            let (mut store, _) = Store::open(&s.path).unwrap();
            store.save(&on_disk, fixed_now()).unwrap();
            store.write_recovery(&crashed, fixed_now()).unwrap();
        }
        let session = s.open(None);
        let mut asked = false;
        {
            let mut events = Script::new(answer);
            let stop = AtomicUsize::new(0);
            let last_frame = Arc::new(Mutex::new(String::new()));
            let backend = SignalOnDraw::watching(200, &stop, &last_frame);
            let mut terminal = Terminal::new(backend).unwrap();
            let mut probe = AskedThen {
                events: &mut events,
                session: &session,
                asked: &mut asked,
                last_frame,
            };
            run(&session, &mut terminal, &mut probe, &stop).unwrap();
        }
        let dir = s.path.parent().unwrap();
        let left: Vec<_> = fs::read_dir(dir.join("recovery"))
            .map(|d| d.flatten().collect())
            .unwrap_or_default();
        let set_aside = fs::read_dir(dir.join("backups"))
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name().to_string_lossy().contains("recovered"))
                    .count()
            })
            .unwrap_or(0);
        let statement = s.saved().vision.statement;
        match (answer, differs) {
            ("y", true) => {
                assert!(asked, "a differing recovery file is offered");
                assert_eq!(statement, "typed just before the crash");
                assert!(left.is_empty(), "the recovery file is gone once restored");
            }
            ("n", true) => {
                assert!(asked);
                assert_eq!(statement, "saved before the crash");
                assert_eq!(set_aside, 1, "set aside in backups/");
            }
            _ => {
                assert!(
                    !asked,
                    "nothing to offer when it holds what the workbook holds"
                );
                assert_eq!(statement, "saved before the crash");
                assert!(left.is_empty(), "the stale recovery file is removed");
            }
        }
    }
}

/// Hands out the script's events, noting whether the recovery question is up when the
/// first one is read, and checking it is on the screen by then.
struct AskedThen<'a> {
    events: &'a mut Script,
    session: &'a Mutex<Session>,
    asked: &'a mut bool,
    last_frame: Arc<Mutex<String>>,
}

impl mentorbook::shell::Events for AskedThen<'_> {
    fn next(&mut self, timeout: Option<std::time::Duration>) -> std::io::Result<Option<Event>> {
        // The loop holds no lock while it waits for an event.
        if let Ok(s) = self.session.try_lock()
            && let Mode::Confirm(Confirm::Recover(when)) = &s.app.mode
        {
            // The question says when the text was written (the recovery file's time).
            let written = fixed_now().format("%Y-%m-%d %H:%M").to_string();
            assert_eq!(*when, written);
            let frame = self.last_frame.lock().unwrap();
            assert!(
                frame.contains("Restore it?"),
                "the question is drawn before a key is awaited"
            );
            *self.asked = true;
        }
        self.events.next(timeout)
    }
}

/// Makes every save of `session` take 300 ms more (in its write), so one started by a key is
/// still running when the next key has been handled.
fn hold_up_saves(session: &Mutex<Session>) {
    let slow = mentorbook::store::Faults(Arc::new(|step, _: &Path| {
        if step == mentorbook::store::SaveStep::Write {
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
        Ok(())
    }));
    session.lock().unwrap().store.inject_faults(Some(slow));
}

/// While a save runs in the background the loop looks every `SAVE_POLL` whether it has
/// finished, even when the autosave's next deadline is further off, so its outcome (the
/// status line, a failure to retry) is taken in at once.
#[test]
fn a_running_save_is_looked_at_every_poll_interval() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    hold_up_saves(&session);
    let waits = Arc::new(Mutex::new(Vec::new()));
    let mut events = Recorded {
        script: Script::new("<Enter>abc<C-s>d"),
        waits: Arc::clone(&waits),
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(&session, &mut terminal, &mut events, &AtomicUsize::new(0)).unwrap();
    let waits = waits.lock().unwrap();
    // The wait after `d`: a key typed (deadline 0.8 s away) while Ctrl-s's save runs.
    assert_eq!(
        waits.last().copied().flatten(),
        Some(mentorbook::shell::SAVE_POLL),
        "{waits:?}"
    );
    assert_eq!(s.saved().vision.statement, "abcd");
}

/// The script's events, noting the time-out the loop asked for at each.
struct Recorded {
    script: Script,
    waits: Arc<Mutex<Vec<Option<std::time::Duration>>>>,
}

impl mentorbook::shell::Events for Recorded {
    fn next(&mut self, timeout: Option<std::time::Duration>) -> std::io::Result<Option<Event>> {
        self.waits.lock().unwrap().push(timeout);
        self.script.next(timeout)
    }
}

/// A save that finishes while no key comes is shown at once: the loop draws a frame when it
/// takes the outcome in, so the status line says "saved" before the app goes idle.
#[test]
fn a_save_finishing_with_no_key_is_shown_at_once() {
    let s = Temp::new();
    let session = s.open_at(None, STATEMENT);
    hold_up_saves(&session);
    let stop = AtomicUsize::new(0);
    let last_frame = Arc::new(Mutex::new(String::new()));
    let backend = SignalOnDraw::watching(100, &stop, &last_frame);
    let mut terminal = Terminal::new(backend).unwrap();
    let script = Script::new("<Enter>abc<C-s>");
    let mut events = common::TimePasses::new(script, &s.path, "abc", 0);
    run(&session, &mut terminal, &mut events, &stop).unwrap();
    assert_eq!(events.seen, ["abc"]);
    let frame = last_frame.lock().unwrap();
    assert!(
        frame.contains(" saved "),
        "the last frame before going idle shows the save"
    );
}

/// Keys typed ahead never land in a private field the user did not see open: "1" then Enter
/// and words in one burst open the conversation with yourself but not its first (private)
/// field, and the rest of the burst is dropped. With the page seen first (a pause), the same
/// keys write there.
#[test]
fn typed_ahead_keys_never_land_in_a_private_field() {
    let s = Temp::new();
    let mut burst = Script::new("1<Enter>Meant for the date<Esc>");
    let (app, _) = s.run(None, &mut burst);
    assert_eq!(app.screen, Screen::Exercise(Exercise::Reflection));
    assert_eq!(app.workbook.self_reflection.why, "");
    assert!(matches!(app.mode, Mode::Browse));
    let s = Temp::new();
    // (The title changed first gives the loop a save to wait on through the pause.)
    let (app, exit) = s.run(
        None,
        &mut Script::new("<Enter>Book<Esc>1<Pause><Enter>On purpose<Esc>q"),
    );
    assert_eq!(exit, Exit::Quit);
    assert_eq!(app.workbook.self_reflection.why, "On purpose");
    assert_eq!(s.saved().self_reflection.why, "On purpose");
    // A field that is not private opens, burst or not.
    let s = Temp::new();
    let (app, _) = s.run(None, &mut Script::new("3<Enter>Grow as a lead<Esc>q"));
    assert_eq!(app.workbook.agreement.purpose, "Grow as a lead");
}
