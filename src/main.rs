//! mentorbook: open the workbook, run the app in the terminal, save on the way out.

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicI32;

use clap::Parser;
use mentorbook::app::App;
use mentorbook::shell::{self, Autosave, Exit, Shell, TerminalEvents};
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
        eprintln!("mentorbook: {e}");
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
    let (mut store, workbook) = match Store::open(&path) {
        Ok(opened) => opened,
        Err(e) => return fail(&e.to_string()),
    };
    let stop = Arc::new(AtomicI32::new(0));
    if let Err(e) = term::watch_signals(Arc::clone(&stop)) {
        return fail(&format!("cannot watch signals: {e}"));
    }
    let mut terminal = match term::enter() {
        Ok(t) => t,
        Err(e) => {
            term::leave();
            return fail(&format!("mentorbook needs an interactive terminal ({e})."));
        }
    };
    let mut app = App::new(workbook);
    app.location = Some(store.path().to_path_buf());
    let mut shell = Shell {
        store: &mut store,
        clock: chrono::Local::now,
        stop,
    };
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        shell::run(&mut app, &mut terminal, &mut TerminalEvents, &mut shell)
    }));
    term::leave();
    match outcome {
        Ok(Ok(Exit::Quit | Exit::TerminalLost)) => ExitCode::SUCCESS,
        Ok(Ok(Exit::Signal(sig))) => ExitCode::from((128 + sig) as u8),
        Ok(Err(e)) => {
            shell.save(&mut app, &mut Autosave::default());
            fail(&format!("the terminal failed: {e}"))
        }
        Err(_) => {
            // The state may be what caused the panic, so it goes to a recovery file, never
            // over the workbook.
            app.flush_editor();
            match store.write_recovery(&app.workbook, chrono::Local::now()) {
                Ok(p) => eprintln!(
                    "mentorbook stopped on an internal error. Your latest text is in\n  {}\n\
                     The workbook file holds everything up to the last save.",
                    p.display()
                ),
                Err(e) => {
                    eprintln!("mentorbook stopped on an internal error; recovery failed: {e}")
                }
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

fn fail(msg: &str) -> ExitCode {
    eprintln!("mentorbook: {msg}");
    ExitCode::from(1)
}
