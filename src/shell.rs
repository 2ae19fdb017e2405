//! The shell around the pure centre: reads events, keeps the clock, performs effects (saving),
//! draws. The loop sleeps until the next event or the autosave deadline: no redraw tick.

mod autosave;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{App, Status};
use crate::keys::resolve;
use crate::nav::{Confirm, Mode};
use crate::store::{Saved, Store};
use crate::ui;
use crate::update::{Effect, update};
pub use autosave::Autosave;

/// Where events come from: the terminal, or a script in tests.
pub trait Events {
    /// The next event, waiting at most `timeout` (forever if `None`); `Ok(None)` on time-out.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>>;
}

/// Events from the real terminal through crossterm.
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        match timeout {
            Some(t) if !event::poll(t)? => Ok(None),
            _ => event::read().map(Some),
        }
    }
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked us to stop (its number).
    Signal(i32),
    /// The terminal went away (read error or end of input).
    TerminalLost,
}

/// What the loop needs from outside: the store, the clock, the signal flag.
pub struct Shell<'a> {
    pub store: &'a mut Store,
    pub clock: fn() -> DateTime<Local>,
    /// Set to a signal number by the signal thread; 0 while running.
    pub stop: Arc<AtomicI32>,
}

impl Shell<'_> {
    fn signal(&self) -> Option<i32> {
        match self.stop.load(Ordering::SeqCst) {
            0 => None,
            s => Some(s),
        }
    }

    /// Saves the workbook with the editor's current text; the outcome goes to the status line.
    pub fn save(&mut self, app: &mut App, autosave: &mut Autosave) -> bool {
        if app.flush_editor() {
            app.unsaved = true;
        }
        let now = (self.clock)();
        match self.store.save(&app.workbook, now) {
            Ok(saved) => {
                if saved == Saved::Written || matches!(app.status, Status::NotSaved(_)) {
                    app.status = Status::Saved(now.fixed_offset());
                }
                app.unsaved = false;
                autosave.saved();
                true
            }
            Err(e) => {
                app.status = Status::NotSaved(e.to_string());
                autosave.failed(Instant::now());
                false
            }
        }
    }
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()> {
    terminal
        .draw(|f| ui::render(app, f))
        .map(|_| ())
        .map_err(|e| io::Error::other(e.to_string()))
}

/// Runs the app until it quits, a signal arrives or the terminal is lost. Every way out saves
/// first; a failed save on quit asks before leaving.
pub fn run<B: Backend, E: Events>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    events: &mut E,
    shell: &mut Shell,
) -> io::Result<Exit> {
    let mut autosave = Autosave::default();
    draw(terminal, app)?;
    loop {
        if let Some(sig) = shell.signal() {
            shell.save(app, &mut autosave);
            return Ok(Exit::Signal(sig));
        }
        let timeout = autosave
            .deadline()
            .map(|d| d.saturating_duration_since(Instant::now()));
        let event = match events.next(timeout) {
            Ok(Some(event)) => event,
            Ok(None) => {
                // The autosave deadline passed with no key: save what is there.
                if app.unsaved || autosave.pending() {
                    shell.save(app, &mut autosave);
                }
                draw(terminal, app)?;
                continue;
            }
            Err(_) => {
                shell.save(app, &mut autosave);
                return Ok(Exit::TerminalLost);
            }
        };
        if let Some(sig) = shell.signal() {
            shell.save(app, &mut autosave);
            return Ok(Exit::Signal(sig));
        }
        if matches!(event, Event::FocusLost) && app.unsaved {
            shell.save(app, &mut autosave);
        }
        let effect = resolve(app, &event).and_then(|msg| update(app, msg, (shell.clock)()));
        if std::mem::take(&mut app.changed) {
            autosave.touch(Instant::now());
        }
        match effect {
            Some(Effect::Save) if app.unsaved => {
                shell.save(app, &mut autosave);
            }
            Some(Effect::Quit) => {
                if shell.save(app, &mut autosave) {
                    return Ok(Exit::Quit);
                }
                app.mode = Mode::Confirm(Confirm::QuitUnsaved);
            }
            Some(Effect::ForceQuit) => return Ok(Exit::Quit),
            Some(Effect::Save) | None => {}
        }
        draw(terminal, app)?;
    }
}
