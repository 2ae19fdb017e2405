//! mentorbook: open the workbook, run the app in the terminal, save on the way out.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use clap::Parser;
use mentorbook::app::App;
use mentorbook::cli::{self, Cli, fail, say};
use mentorbook::config::Config;
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
    // A configuration that does not read is said before anything is opened (`config` itself
    // still prints, to help mend it).
    let config = if matches!(cli.command, Some(cli::Command::Config { .. })) {
        Config::default()
    } else {
        match cli::apply_config() {
            Ok(config) => config,
            Err(why) => return fail(&format!("the configuration file does not read: {why}")),
        }
    };
    if let Some(command) = &cli.command {
        return cli::run(&cli, command, chrono::Local::now());
    }
    // Before anything is opened or drawn: a terminal that cannot show the app gets a message.
    if let Some(why) = term::incapable(std::env::var("TERM").ok().as_deref()) {
        return fail(&why);
    }
    // The demo's copy lives (and is removed) with this value.
    let mut demo = None;
    let (path, identity) = if cli.demo {
        match demo_copy() {
            Ok((dir, path)) => {
                demo = Some(dir);
                (path, None)
            }
            Err(e) => return fail(&format!("cannot set up the demo: {e}")),
        }
    } else {
        match cli::named_path(&cli) {
            Ok(Some(p)) => (p, None),
            Ok(None) => match choose_workbook() {
                Ok(Some(chosen)) => chosen,
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
    #[cfg(feature = "test-hooks")]
    if cli.save_loop {
        let store = match Store::open_progressive(&path) {
            Ok((store, _, _)) => store,
            Err(e) => return fail(&e.to_string()),
        };
        return match mentorbook::testing::save_loop(store) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("save failed: {e}")),
        };
    }
    // Opening happens before the terminal is touched, so errors print plainly.
    let mut session = match open_session(&path, identity, &config) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    if demo.is_some() {
        session.app.notice =
            Some("Demo: a sample workbook on a temporary copy; nothing is kept.".into());
    }
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
        loop {
            match shell::run(&session, &mut terminal, &mut TerminalEvents, &stop) {
                Ok(Exit::Switch | Exit::StartAsMentor) if demo.is_some() => {
                    lock(&session).app.notice = Some(
                        "The demo is a workbook of its own: quit it and start mentorbook to \
                         choose yours."
                            .into(),
                    );
                }
                Ok(Exit::Switch) => {
                    if let Err(e) = switch(&cli, &config, &session, &mut terminal) {
                        break Err(e);
                    }
                }
                Ok(Exit::StartAsMentor) => start_as_mentor(&cli, &config, &session),
                other => break other,
            }
        }
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
        // The loop above runs the picker on a switch and carries on; it never ends on one.
        Ok(Ok(Exit::Quit | Exit::Switch | Exit::StartAsMentor)) => {
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

/// Opens the workbook at `path` as a session: its store (under its lock), the app on it, the
/// partner's last packet. A large file's journal is read on a thread of its own while the
/// first frame is drawn. `identity`: whose workbook it is and the names, as answered in the
/// picker for a workbook that had none; saved like any change.
fn open_session(
    path: &Path,
    identity: Option<picker::Identity>,
    config: &Config,
) -> Result<Session, String> {
    let (store, mut workbook, journal) =
        Store::open_progressive(path).map_err(|e| e.to_string())?;
    // A workbook from before ids gets one now; it is written with the first save.
    mentorbook::store::ensure_id(&mut workbook);
    let named = identity.is_some();
    if let Some(id) = identity {
        workbook.role = id.role;
        workbook.mentee = id.mentee;
        workbook.mentor = id.mentor;
    }
    let mut app = App::new(workbook);
    if named {
        app.touch();
    }
    app.location = Some(store.path().to_path_buf());
    match mentorbook::store::read_partner(store.path()) {
        Ok(view) => app.partner = view.map(Arc::new),
        Err(e) => app.notice = Some(format!("The partner view does not read: {e}")),
    }
    app.today = chrono::Local::now().date_naive();
    app.browse_cursor = config.browse_cursor();
    let mut session = Session::new(app, store, chrono::Local::now).journal_later(journal);
    session.type_ahead = shell::TYPE_AHEAD;
    Ok(session)
}

/// `W` in the app: the picker over the data folder's workbooks, in the same terminal. This
/// workbook is saved already; it is let go (its lock released) only once the other one has
/// opened, so a wrong passphrase or a damaged file leaves the user where they were.
fn switch(
    cli: &Cli,
    config: &Config,
    session: &Mutex<Session>,
    terminal: &mut ratatui::DefaultTerminal,
) -> std::io::Result<()> {
    let here = lock(session).store.path().to_path_buf();
    let places = match cli::ensure_data_dir() {
        Ok(dir) => workbooks::list(&dir),
        Err(msg) => {
            lock(session).app.notice = Some(format!("No other workbook can be listed: {msg}"));
            return Ok(());
        }
    };
    let current = places.iter().position(|p| same_file(&p.path, &here));
    if places.len() <= usize::from(current.is_some()) {
        lock(session).app.notice = Some(
            "This is the only workbook in the data folder: `mentorbook new NAME` makes another."
                .into(),
        );
        return Ok(());
    }
    let picker = picker::Picker::new(choices(&places), current);
    let Some((i, identity)) = picker::run(terminal, picker)? else {
        return Ok(());
    };
    let path = places[i].path.clone();
    if Some(i) == current {
        return Ok(());
    }
    // The passphrase is asked on the plain terminal, as at start.
    let unlocked = if mentorbook::store::crypt::is_encrypted(&path) {
        term::leave();
        let r = cli::unlock(cli, &path);
        term::resume()?;
        terminal.clear()?;
        r
    } else {
        Ok(())
    };
    let opened = unlocked.and_then(|()| open_session(&path, identity, config));
    let mut s = lock(session);
    match opened {
        // The old session goes here: its lock is released with its store.
        Ok(new) => {
            *s = new;
            s.app.notice = Some(format!("Opened “{}”.", places[i].name));
        }
        Err(e) => s.app.notice = Some(format!("“{}” did not open: {e}", places[i].name)),
    }
    Ok(())
}

/// `F` on closure: a workbook where this one's mentee is the mentor is made in the data
/// folder and opened in place of this one (saved already; `W` comes back to it).
fn start_as_mentor(cli: &Cli, config: &Config, session: &Mutex<Session>) {
    let mentor = lock(session).app.workbook.mentee.trim().to_string();
    let made = cli::new_mentor_workbook(cli, &mentor, chrono::Local::now());
    let opened = made.and_then(|(name, path)| Ok((name, open_session(&path, None, config)?)));
    let mut s = lock(session);
    match opened {
        Ok((name, new)) => {
            *s = new;
            s.app.notice = Some(format!(
                "Started “{name}”, your own workbook as a mentor: name your mentee on the \
                 overview. W goes back to the one you left."
            ));
        }
        Err(e) => s.app.notice = Some(format!("No workbook was started: {e}")),
    }
}

/// Whether two paths name the same file (one may be relative, or reached through a link).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The picker's rows: each workbook's partners and where the relationship stands.
fn choices(places: &[workbooks::Place]) -> Vec<picker::Choice> {
    let now = chrono::Local::now();
    (places.iter())
        .map(|p| picker::Choice {
            name: p.name.clone(),
            about: format!("{}{}", cli::describe(&p.path), cli::status(&p.path, now)),
            unnamed: cli::unnamed(&p.path),
        })
        .collect()
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
/// several (with the names given for it, when it had none). `None`: the user left the
/// picker.
fn choose_workbook() -> Result<Option<(PathBuf, Option<picker::Identity>)>, String> {
    // The data folder is made private (0700) whichever workbook opens.
    let dir = cli::ensure_data_dir()?;
    let places = workbooks::list(&dir);
    match places.len() {
        0 => Ok(Some((workbooks::path_of(&dir, workbooks::DEFAULT), None))),
        1 => Ok(Some((places[0].path.clone(), None))),
        _ => {
            let picker = picker::Picker::new(choices(&places), None);
            let mut terminal = term::enter()
                .map_err(|e| format!("mentorbook needs an interactive terminal ({e})."))?;
            let chosen = picker::run(&mut terminal, picker);
            term::leave();
            let chosen = chosen.map_err(|e| format!("the terminal failed: {e}"))?;
            Ok(chosen.map(|(i, id)| (places[i].path.clone(), id)))
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
