//! mentorbook: open the workbook, run the app in the terminal, save on the way out.

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use clap::Parser;
use mentorbook::app::App;
use mentorbook::cli::{self, Cli, fail, say};
use mentorbook::shell::{self, Exit, Session, TerminalEvents, lock};
use mentorbook::store::Store;
use mentorbook::term;
use mentorbook::{picker, workbooks};

fn main() -> ExitCode {
    // A core file would hold the workbook in plain text.
    no_core_dumps();
    if let Err(e) = color_eyre::install() {
        say(&format!("mentorbook: {e}"));
    }
    redact_panics();
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(&cli, command, chrono::Local::now());
    }
    // Before anything is opened or drawn: a terminal that cannot show the app gets a message.
    if let Some(why) = term::incapable(std::env::var("TERM").ok().as_deref()) {
        return fail(&why);
    }
    // The demo's copy lives (and is removed) with this value.
    let mut demo = None;
    let path = if cli.demo {
        match demo_copy() {
            Ok((dir, path)) => {
                demo = Some(dir);
                path
            }
            Err(e) => return fail(&format!("cannot set up the demo: {e}")),
        }
    } else {
        match cli::named_path(&cli) {
            Ok(Some(p)) => p,
            Ok(None) => match choose_workbook() {
                Ok(Some(p)) => p,
                Ok(None) => return ExitCode::SUCCESS,
                Err(msg) => return fail(&msg),
            },
            Err(msg) => return fail(&msg),
        }
    };
    // An encrypted workbook's passphrase is asked before the interface starts.
    if !cli.demo
        && let Err(msg) = cli::unlock(&cli, &path)
    {
        return fail(&msg);
    }
    // Opening happens before the terminal is touched, so errors print plainly.
    // A large file's journal is read on a thread of its own while the first frame is drawn.
    let (store, mut workbook, journal) = match Store::open_progressive(&path) {
        Ok(opened) => opened,
        Err(e) => return fail(&e.to_string()),
    };
    #[cfg(feature = "test-hooks")]
    if cli.save_loop {
        return match mentorbook::testing::save_loop(store) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("save failed: {e}")),
        };
    }
    // A workbook from before ids gets one now; it is written with the first save.
    mentorbook::store::ensure_id(&mut workbook);
    let mut app = App::new(workbook);
    app.location = Some(store.path().to_path_buf());
    match mentorbook::store::read_partner(store.path()) {
        Ok(view) => app.partner = view.map(Arc::new),
        Err(e) => app.notice = Some(format!("The partner view does not read: {e}")),
    }
    if demo.is_some() {
        app.notice = Some("Demo: a sample workbook on a temporary copy; nothing is kept.".into());
    }
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
        for _ in 0..33 {
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
        Ok(Ok(Exit::Quit)) => {
            if let Some(p) = &s.recovery_written {
                say(&format!(
                    "mentorbook: the last save failed; your latest text is in\n  {}\n\
                     and will be offered at the next start.",
                    p.display()
                ));
            }
            ExitCode::SUCCESS
        }
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

/// Sets the core file size limit to zero for this process.
fn no_core_dumps() {
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit with a valid, initialised struct; failure only leaves the limit as is.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &none);
    }
}

/// Panic messages can quote the text being edited (a string slice out of range prints the
/// string), so only the place is shown unless `MENTORBOOK_DEBUG` asks for the full report.
fn redact_panics() {
    let report = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if std::env::var_os("MENTORBOOK_DEBUG").is_some() {
            return report(info);
        }
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        say(&format!(
            "mentorbook: internal error{at}. The details are not shown because they can quote \
             your text; run with MENTORBOOK_DEBUG=1 to see them."
        ));
    }));
}

/// Nothing named: the only workbook there is, or the one picked from a list when there are
/// several. `None`: the user left the picker.
fn choose_workbook() -> Result<Option<PathBuf>, String> {
    // The data folder is made private (0700) whichever workbook opens.
    let dir = cli::ensure_data_dir()?;
    let places = workbooks::list(&dir);
    match places.len() {
        0 => Ok(Some(workbooks::path_of(&dir, workbooks::DEFAULT))),
        1 => Ok(Some(places[0].path.clone())),
        _ => {
            let picker = picker::Picker::new(&places, |p| cli::describe(&p.path));
            let mut terminal = term::enter()
                .map_err(|e| format!("mentorbook needs an interactive terminal ({e})."))?;
            let chosen = picker::run(&mut terminal, picker);
            term::leave();
            let chosen = chosen.map_err(|e| format!("the terminal failed: {e}"))?;
            Ok(chosen.map(|i| places[i].path.clone()))
        }
    }
}

/// `--demo`: the sample workbook, copied into a private (0700) temporary folder. The folders
/// of demos that were killed (their lock no longer held) go first.
fn demo_copy() -> std::io::Result<(tempfile::TempDir, PathBuf)> {
    use std::os::unix::fs::PermissionsExt;
    sweep_old_demos();
    let dir = tempfile::Builder::new()
        .prefix("mentorbook-demo")
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()?;
    let path = dir.path().join("workbook.json");
    std::fs::write(&path, cli::SAMPLE)?;
    Ok((dir, path))
}

/// Removes the temporary folders of demos that were killed: a demo's folder holds its
/// workbook's lock while it runs, so a folder whose lock can be taken is no one's. A folder
/// without a lock (a demo still setting up) is left alone.
fn sweep_old_demos() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in entries.flatten() {
        if !e
            .file_name()
            .to_string_lossy()
            .starts_with("mentorbook-demo")
        {
            continue;
        }
        let lock = e.path().join("workbook.lock");
        let Ok(file) = std::fs::OpenOptions::new().write(true).open(&lock) else {
            continue;
        };
        if file.try_lock().is_ok() {
            drop(file);
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}
