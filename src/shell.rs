//! The shell around the pure centre: reads events, keeps the clock, performs effects (saving),
//! draws. The loop sleeps until the next event or the autosave deadline: no redraw tick.

mod autosave;
mod events;
mod jotted;
mod loading;
mod minutes;
pub(crate) mod outside;
mod recovery;
mod syncing;

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{App, Status};
use crate::input::resolve;
use crate::model::Workbook;
use crate::msg::Effect;
use crate::nav::{Confirm, Mode};
use crate::store::{PendingJournal, SaveDone, SaveError, Saved, Store};
use crate::ui;
use crate::update::update;
pub use autosave::Autosave;
pub use events::{Events, TerminalEvents};

/// Why the loop ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked us to stop (its number).
    Signal(i32),
    /// The terminal went away (read error or end of input).
    TerminalLost,
    /// The journal of a large file, read after the first frame, turned out damaged. Nothing
    /// was saved; the message says where.
    Damaged(String),
    /// The user asked for another workbook; this one is saved. Running the loop again
    /// carries on with this session.
    Switch,
    /// The user asked to start a workbook as a mentor (paying it forward); this one is
    /// saved. As with `Switch`, the loop runs again with whichever session `main` leaves.
    StartAsMentor,
}

/// How long after a page first shows a key still counts as typed ahead: quicker than a
/// person reads what changed (see `App::blind`). `main.rs` sets it for the terminal; a
/// session made elsewhere (tests, benchmarks) counts only keys already queued.
pub const TYPE_AHEAD: Duration = Duration::from_millis(250);

/// While a save runs in the background, the loop looks this often whether it has finished
/// (only then: an idle app with nothing to save never wakes).
pub const SAVE_POLL: Duration = Duration::from_millis(25);

/// The app and its file: everything the event loop and the signal thread share. The loop
/// holds the lock only while handling an event, never while waiting for one, so a signal can
/// always save (even when the terminal is gone and crossterm's read never returns).
pub struct Session {
    pub app: App,
    pub store: Store,
    pub clock: fn() -> DateTime<Local>,
    autosave: Autosave,
    /// A save running on its own thread, so encoding and writing a large workbook never
    /// holds up a keystroke.
    in_flight: Option<InFlight>,
    /// The journal, still being read (see `Store::open_progressive`).
    pending_journal: Option<PendingJournal>,
    /// The whole texts of entries held as heads, being read for a search.
    pending_texts: Option<PendingJournal>,
    /// Why the journal could not be read. A whole file's: nothing may be saved over such a
    /// file. A month's: that month stays as it is on disk, never written.
    load_failed: Option<String>,
    /// A recovery file being offered (see [`Session::offer_recovery`]) and what it holds.
    recovery: Option<(PathBuf, Workbook)>,
    /// Where unsaved text went when the user quit after a failed save.
    pub recovery_written: Option<PathBuf>,
    /// The command that edits a long text outside (see `outside.rs`).
    pub editor: String,
    /// A field to hand to the editor once the event is handled.
    outside: Option<crate::field::Field>,
    /// The next frame is drawn whole on a cleared screen (Ctrl-l, or after the editor).
    clear_screen: bool,
    /// Copies merged into the workbook, moved to `backups/` once the result is saved.
    retire_after_save: Vec<crate::store::Found>,
    /// The journal is in and what waited at start was offered: the loop runs again after
    /// the workbook picker (`Exit::Switch`) without doing it twice.
    started: bool,
    /// The page on screen when the loop last waited with no key queued: the last one the
    /// user has certainly seen (see `App::blind`).
    seen: Option<crate::nav::Screen>,
    /// The page drawn last and when it was first drawn.
    shown: Option<(crate::nav::Screen, Instant)>,
    /// Keys this soon after a page first shows are typed ahead too ([`TYPE_AHEAD`]).
    pub type_ahead: Duration,
}

struct InFlight {
    handle: JoinHandle<Result<SaveDone, SaveError>>,
    at: DateTime<Local>,
}

impl Session {
    /// A session on an opened store.
    pub fn new(app: App, store: Store, clock: fn() -> DateTime<Local>) -> Session {
        Session {
            app,
            store,
            clock,
            autosave: Autosave::default(),
            in_flight: None,
            pending_journal: None,
            pending_texts: None,
            load_failed: None,
            recovery: None,
            recovery_written: None,
            editor: outside::editor_from_env(),
            outside: None,
            clear_screen: false,
            retire_after_save: Vec::new(),
            started: false,
            seen: None,
            shown: None,
            type_ahead: Duration::ZERO,
        }
    }

    /// Saves the workbook with the editor's current text and waits for it (quitting, a
    /// signal): a save still running in the background is finished first. The outcome goes
    /// to the status line. With nothing changed since the last save, nothing is done.
    pub fn save(&mut self) -> bool {
        self.settle();
        if self.app.flush_editor() {
            self.app.unsaved = true;
        }
        if !self.app.unsaved && !self.autosave.pending() {
            return true;
        }
        if self.app.loading_journal || self.waiting_for_months() {
            if self.finish_loading().is_err() {
                return false;
            }
        } else if self.take_in_journal().is_err() {
            return false;
        }
        self.take_jotted();
        let now = (self.clock)();
        self.autosave.saved();
        let result = self.store.job().run(&self.app.to_save(), now);
        let saved = self.apply(result, now);
        // Entries dated in a month whose file cannot be read cannot be saved with it: said,
        // and on quitting they go to a recovery file.
        if saved && self.waiting_for_months() {
            self.app.status =
                Status::NotSaved("a new entry's month cannot be read from disk".into());
            self.app.unsaved = true;
            return false;
        }
        saved
    }

    /// Starts a save on its own thread from a snapshot of the workbook (cheap: journal
    /// entries are shared, not copied) and returns at once. If one is already running, this
    /// one follows when it ends.
    pub fn save_in_background(&mut self) {
        // A whole file's journal must be in before anything is written over it.
        if self.app.loading_journal && self.finish_loading().is_err() {
            return;
        }
        if self.in_flight.is_some() {
            self.autosave.touch(Instant::now());
            return;
        }
        self.take_jotted();
        if self.app.flush_editor() {
            self.app.unsaved = true;
        }
        let snapshot = self.app.to_save().into_owned();
        let job = self.store.job();
        let at = (self.clock)();
        // Changes from now on are not in this save: they start the timer again.
        self.autosave.saved();
        let handle = std::thread::spawn(move || job.run(&snapshot, at));
        self.in_flight = Some(InFlight { handle, at });
    }

    /// Whether a background save is still running.
    pub fn saving(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Takes in a background save if it has finished. Returns whether it had.
    pub fn poll_save(&mut self) -> bool {
        match &self.in_flight {
            Some(f) if f.handle.is_finished() => {
                self.settle();
                true
            }
            _ => false,
        }
    }

    /// Waits for a background save, if any, and takes in its outcome.
    fn settle(&mut self) {
        if let Some(f) = self.in_flight.take() {
            let result = f.handle.join().unwrap_or_else(|_| {
                Err(SaveError::new(
                    "saving",
                    io::Error::other("the save thread stopped"),
                ))
            });
            self.apply(result, f.at);
        }
    }

    fn apply(&mut self, result: Result<SaveDone, SaveError>, at: DateTime<Local>) -> bool {
        let app = &mut self.app;
        match result {
            Ok(done) => {
                self.store.finish(&done);
                if let Some(note) = done.note {
                    app.notice = Some(note.to_string());
                }
                if done.saved == Saved::Written || matches!(app.status, Status::NotSaved(_)) {
                    app.status = Status::Saved(at.fixed_offset());
                }
                // Changes made while it ran are still to be saved.
                if !self.autosave.pending() {
                    app.unsaved = false;
                }
                self.retire_merged();
                true
            }
            Err(e) => {
                if let Some(copy) = &e.conflict {
                    // The status line is short; the hint line has the room to say where.
                    let name = copy.file_name().unwrap_or_default().to_string_lossy();
                    app.notice = Some(format!("Changed outside mentorbook; yours is in {name}"));
                }
                self.store.failed(&e);
                app.status = Status::NotSaved(e.to_string());
                app.unsaved = true;
                self.autosave.failed(Instant::now());
                if let Some(copy) = &e.conflict {
                    self.merge_outside(copy);
                }
                false
            }
        }
    }

    /// Handles one event: resolve, update, effects. `Some` ends the loop.
    fn handle(&mut self, event: &Event) -> Option<Exit> {
        // For the crash tests only (`test-hooks` builds): F12 panics when the variable is set.
        #[cfg(feature = "test-hooks")]
        if let Event::Key(k) = event
            && k.code == crossterm::event::KeyCode::F(12)
            && std::env::var_os("MENTORBOOK_TEST_PANIC").is_some()
        {
            panic!("test panic requested with F12");
        }
        if matches!(event, Event::FocusLost) && self.app.unsaved {
            self.save_in_background();
        }
        if matches!(event, Event::FocusGained) {
            self.take_jotted();
        }
        let app = &mut self.app;
        let effect = resolve(app, event).and_then(|msg| update(app, msg, (self.clock)()));
        if std::mem::take(&mut self.app.changed) {
            self.autosave.touch(Instant::now());
        }
        self.need_texts();
        match effect {
            Some(Effect::Save) if self.app.unsaved => self.save_in_background(),
            Some(Effect::Quit) => {
                if self.save() {
                    return Some(Exit::Quit);
                }
                self.app.mode = Mode::Confirm(Confirm::QuitUnsaved);
            }
            Some(Effect::ForceQuit) => match self.keep_unsaved() {
                Ok(()) => return Some(Exit::Quit),
                // Nothing would keep the changes: the app stays, with them, and says so.
                Err(why) => {
                    self.app.notice = Some(format!(
                        "Not quitting: the workbook cannot be saved and a recovery file cannot \
                         be written either ({why}), so your recent changes would be lost. Free \
                         some space or fix the folder's permissions, then Ctrl-s."
                    ));
                }
            },
            Some(Effect::Recover(restore)) => self.recover(restore),
            Some(Effect::EditOutside(field)) => self.outside = Some(field),
            Some(Effect::Redraw) => self.clear_screen = true,
            Some(Effect::WriteMinutes(c)) => self.write_minutes(c),
            Some(effect @ (Effect::SwitchWorkbook | Effect::StartAsMentor)) => {
                if self.save() {
                    return Some(if effect == Effect::StartAsMentor {
                        Exit::StartAsMentor
                    } else {
                        Exit::Switch
                    });
                }
                self.app.notice = Some(
                    "Staying in this workbook: it is not saved (the status line says why).".into(),
                );
            }
            Some(Effect::Save) | None => {}
        }
        None
    }
}

/// Locks the session even if a panic poisoned the lock: saving what is there beats losing it.
pub fn lock(session: &Mutex<Session>) -> MutexGuard<'_, Session> {
    session.lock().unwrap_or_else(|e| e.into_inner())
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()> {
    terminal
        .draw(|f| ui::render(app, f))
        .map(|_| ())
        .map_err(|e| io::Error::other(e.to_string()))
}

/// Draws; a terminal that can no longer be written to is gone: save and end. Whether the
/// window is too small is taken from the size this frame is drawn at: every event is
/// followed by a frame, so keys act on what is shown.
fn redraw<B: Backend>(terminal: &mut Terminal<B>, s: &mut Session) -> Option<Exit> {
    if let Ok(size) = terminal.size() {
        s.app.too_small = ui::too_small(size.width, size.height);
    }
    if draw(terminal, &s.app).is_err() {
        s.save();
        return Some(Exit::TerminalLost);
    }
    if s.shown.map(|(screen, _)| screen) != Some(s.app.screen) {
        s.shown = Some((s.app.screen, Instant::now()));
    }
    None
}

/// Runs the app until it quits, a signal arrives or the terminal is lost. Every way out saves
/// first; a failed save on quit asks before leaving. `stop` holds a signal number once the
/// signal thread asks the loop to end.
pub fn run<B: Backend, E: Events>(
    session: &Mutex<Session>,
    terminal: &mut Terminal<B>,
    events: &mut E,
    stop: &AtomicUsize,
) -> io::Result<Exit> {
    let signalled = || match stop.load(Ordering::SeqCst) {
        0 => None,
        s => Some(s as i32),
    };
    if let Ok(size) = terminal.size() {
        lock(session).app.too_small = ui::too_small(size.width, size.height);
    }
    draw(terminal, &lock(session).app)?;
    // The first frame is up; now the journal. A whole file's before any key is handled; a
    // workbook in parts takes its months in as they come.
    if !lock(session).started {
        let mut s = lock(session);
        s.started = true;
        // Names given in the picker are saved like any change.
        if std::mem::take(&mut s.app.changed) {
            s.autosave.touch(Instant::now());
        }
        let loading = s.app.loading_journal;
        let read = if loading {
            s.finish_loading()
        } else {
            s.take_in_journal().map(|_| ())
        };
        if let Err(why) = read {
            return Ok(Exit::Damaged(why));
        }
        s.offer_recovery();
        s.note_orphaned_edits();
        s.merge_copies();
        if (loading || s.recovery.is_some() || s.app.notice.is_some())
            && let Some(exit) = redraw(terminal, &mut s)
        {
            return Ok(exit);
        }
    }
    loop {
        let (timeout, polling) = {
            let mut s = lock(session);
            if let Some(sig) = signalled() {
                s.save();
                return Ok(Exit::Signal(sig));
            }
            let deadline = s
                .autosave
                .deadline()
                .map(|d| d.saturating_duration_since(Instant::now()));
            // A save or the journal on its way: look every SAVE_POLL (only then).
            match (deadline, s.saving() || s.loading()) {
                (Some(d), true) if d > SAVE_POLL => (Some(SAVE_POLL), true),
                (None, true) => (Some(SAVE_POLL), true),
                (d, _) => (d, false),
            }
        };
        // Nothing queued: the frame just drawn is what the next key answers.
        if !events.pending() {
            let mut s = lock(session);
            s.seen = Some(s.app.screen);
        }
        let next = events.next(timeout);
        let mut s = lock(session);
        let event = match next {
            Ok(Some(event)) => event,
            Ok(None) => {
                let finished = s.poll_save();
                let arrived = match s.take_in_journal() {
                    Ok(arrived) => arrived,
                    Err(why) => return Ok(Exit::Damaged(why)),
                };
                // The autosave deadline passed with no key: save what is there.
                if !polling && (s.app.unsaved || s.autosave.pending()) {
                    s.save_in_background();
                }
                if (finished || arrived || !polling)
                    && let Some(exit) = redraw(terminal, &mut s)
                {
                    return Ok(exit);
                }
                continue;
            }
            Err(_) => {
                s.save();
                return Ok(Exit::TerminalLost);
            }
        };
        if let Some(sig) = signalled() {
            s.save();
            return Ok(Exit::Signal(sig));
        }
        if let Err(why) = s.take_in_journal() {
            return Ok(Exit::Damaged(why));
        }
        let just_shown = (s.shown)
            .is_some_and(|(screen, at)| screen == s.app.screen && at.elapsed() < s.type_ahead);
        s.app.blind = s.seen != Some(s.app.screen) || just_shown;
        if let Some(exit) = s.handle(&event) {
            return Ok(exit);
        }
        if let Some(field) = s.outside.take() {
            s.edit_outside(events, field);
            if s.app.unsaved {
                s.save_in_background();
            }
            // The editor drew over everything.
            s.clear_screen = true;
        }
        if std::mem::take(&mut s.clear_screen) {
            // The screen is cleared and the next frame is drawn whole. (`Terminal::clear`
            // would ask the terminal where its cursor is, and not every terminal answers.)
            if terminal.backend_mut().clear().is_err() {
                s.save();
                return Ok(Exit::TerminalLost);
            }
            terminal.swap_buffers();
        }
        s.poll_save();
        if let Some(exit) = redraw(terminal, &mut s) {
            return Ok(exit);
        }
    }
}
