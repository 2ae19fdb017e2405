//! mentorbook: open the workbook, run the app in the terminal, save on the way out.

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use clap::Parser;
use mentorbook::app::App;
use mentorbook::shell::{self, Exit, Session, TerminalEvents, lock};
use mentorbook::store::{self, Store};
use mentorbook::term;

/// A private, keyboard-only mentoring workbook for the terminal.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// The workbook file to open (created on first save).
    #[arg(long, env = "MENTORBOOK_FILE", value_name = "PATH")]
    file: Option<PathBuf>,
}

fn main() -> ExitCode {
    if let Err(e) = color_eyre::install() {
        say(&format!("mentorbook: {e}"));
    }
    let cli = Cli::parse();
    let path = match cli.file {
        Some(p) => p,
        None => match default_workbook() {
            Ok(p) => p,
            Err(msg) => return fail(&msg),
        },
    };
    // Opening happens before the terminal is touched, so errors print plainly.
    // A large file's journal is read on a thread of its own while the first frame is drawn.
    let (store, workbook, journal) = match Store::open_progressive(&path) {
        Ok(opened) => opened,
        Err(e) => return fail(&e.to_string()),
    };
    let mut app = App::new(workbook);
    app.location = Some(store.path().to_path_buf());
    app.today = chrono::Local::now().date_naive();
    let session = Session::new(app, store, chrono::Local::now).journal_later(journal);
    let session = Arc::new(Mutex::new(session));
    let stop = Arc::new(AtomicUsize::new(0));
    let for_signals = Arc::clone(&session);
    let saved_on_signal = move || {
        lock(&for_signals).save();
    };
    if let Err(e) = term::watch_signals(Arc::clone(&stop), saved_on_signal) {
        return fail(&format!("cannot watch signals: {e}"));
    }
    let mut terminal = match term::enter() {
        Ok(t) => t,
        Err(e) => {
            term::leave();
            return fail(&format!("mentorbook needs an interactive terminal ({e})."));
        }
    };
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        shell::run(&session, &mut terminal, &mut TerminalEvents, &stop)
    }));
    term::leave();
    // A terminal that went away usually sends SIGHUP too, but the signal may still be on its
    // way to a thread that has not run yet: give it a moment, so the exit code says why.
    if matches!(outcome, Ok(Ok(Exit::TerminalLost)) | Ok(Err(_))) {
        for _ in 0..10 {
            if stop.load(Ordering::SeqCst) != 0 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(30));
        }
    }
    let mut s = lock(&session);
    // A signal explains any way out (the loop may have tripped over the dead terminal first).
    let signal = stop.load(Ordering::SeqCst);
    match outcome {
        Ok(Ok(Exit::Quit)) => ExitCode::SUCCESS,
        // Nothing was saved: the damaged file is as it was.
        Ok(Ok(Exit::Damaged(why))) => fail(&why),
        Ok(Ok(Exit::Signal(_) | Exit::TerminalLost) | Err(_)) if signal != 0 => {
            s.save();
            ExitCode::from((128 + signal) as u8)
        }
        Ok(Ok(Exit::TerminalLost)) => ExitCode::SUCCESS,
        Ok(Ok(Exit::Signal(sig))) => ExitCode::from((128 + sig) as u8),
        Ok(Err(e)) => {
            s.save();
            fail(&format!("the terminal failed: {e}"))
        }
        Err(_) => {
            // The state may be what caused the panic, so it goes to a recovery file, never
            // over the workbook.
            s.app.flush_editor();
            match s
                .store
                .write_recovery(&s.app.workbook, chrono::Local::now())
            {
                Ok(p) => say(&format!(
                    "mentorbook stopped on an internal error. Your latest text is in\n  {}\n\
                     The workbook file holds everything up to the last save.",
                    p.display()
                )),
                Err(e) => say(&format!(
                    "mentorbook stopped on an internal error; writing the recovery file failed: {e}"
                )),
            }
            ExitCode::from(101)
        }
    }
}

/// The default workbook, in a private (0700) data folder.
fn default_workbook() -> Result<PathBuf, String> {
    let path = store::default_path()
        .ok_or("no home folder found: use --file PATH or set MENTORBOOK_FILE")?;
    if let Some(dir) = path.parent() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .create(dir)
            .and_then(|()| store::secure_dir(dir))
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    Ok(path)
}

/// Prints to stderr, ignoring failure (the terminal may be gone; `eprintln!` would panic).
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn fail(msg: &str) -> ExitCode {
    say(&format!("mentorbook: {msg}"));
    ExitCode::from(1)
}
