//! The real terminal: entering and leaving it on every exit path, and signals.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::thread;
use std::time::Duration;

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableFocusChange, EnableBracketedPaste, EnableFocusChange,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};

/// The signals that end the app after a save.
pub const STOP_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// How long the event loop gets to save and leave after a signal before the process exits.
const SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// Why the terminal named by `term` (the `TERM` variable) cannot show the full-screen app, if
/// it cannot: no cursor movement (`dumb`), or no colour (the VT terminals, `*-mono`), which
/// the focus, the private markers and the warnings need. An unset `TERM` is left to try.
pub fn incapable(term: Option<&str>) -> Option<String> {
    let term = term?.trim();
    let name = term.split('-').next().unwrap_or(term);
    let vt = name.len() > 2
        && name.starts_with("vt")
        && name[2..].starts_with(|c: char| c.is_ascii_digit());
    let why = if term == "dumb" || term == "unknown" {
        "cannot move the cursor"
    } else if vt || term.ends_with("-mono") || term.ends_with("-m") {
        "shows no colour"
    } else {
        return None;
    };
    Some(format!(
        "this terminal (TERM={term}) {why}, and mentorbook's full-screen workbook needs both.\n\
         Here the workbook can still be read and written out:\n  \
         mentorbook show [SECTION]      the workbook as text\n  \
         mentorbook export --format markdown   a document to keep or share\n  \
         mentorbook list                the workbooks on this machine\n\
         If the terminal can do more than TERM says, set TERM (for example TERM=xterm-256color)."
    ))
}

/// Raw mode, alternate screen, bracketed paste and focus reports; the panic hook puts all of
/// them back before the report is printed.
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    // crossterm starts listening for SIGWINCH when its event reader is first used; until then
    // a resize is ignored, and one during start-up (before the first key) was lost with the
    // screen drawn at the old size. Asking once, at once, starts the reader before the first
    // frame.
    let _ = crossterm::event::poll(std::time::Duration::ZERO);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's own hook (inside `previous`) leaves raw mode and the alternate screen,
        // but not paste or focus reporting, nor the hidden cursor.
        let _ = execute!(stdout(), DisableBracketedPaste, DisableFocusChange, Show);
        previous(info);
    }));
    execute!(stdout(), EnableBracketedPaste, EnableFocusChange)?;
    Ok(terminal)
}

/// Puts the terminal back as it was. Safe to call more than once, and when the terminal is
/// gone (errors are ignored: printing them would fail too).
pub fn leave() {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableFocusChange, Show);
    let _ = ratatui::try_restore();
}

/// Takes the terminal back after another program had it (see [`leave`]).
pub fn resume() -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste,
        EnableFocusChange
    )
}

/// Whether standard input is a terminal that has hung up (or was never one).
fn terminal_gone() -> bool {
    // SAFETY: tcgetattr only writes into the termios we own; a zeroed termios is valid.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        libc::tcgetattr(libc::STDIN_FILENO, &mut t) != 0
    }
}

/// Watches SIGTERM, SIGHUP, SIGINT and SIGQUIT. The handler itself records the signal in
/// `stop` the moment it arrives (so a loop that trips over the dead terminal first still
/// knows why). A thread of its own then calls `save` at once (the event loop may be stuck:
/// crossterm keeps retrying reads from a terminal that hung up) and wakes the loop with a
/// SIGWINCH so it can restore the terminal and leave; if the loop has not within a few
/// seconds, this thread restores what it can and exits. A second signal exits at once.
pub fn watch_signals(
    stop: Arc<AtomicUsize>,
    save: impl FnOnce() + Send + 'static,
) -> io::Result<()> {
    let armed = Arc::new(AtomicBool::new(false));
    for sig in STOP_SIGNALS {
        // Registered first, so it sees the flag as it was before this signal set it.
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&armed))?;
        signal_hook::flag::register(sig, Arc::clone(&armed))?;
        signal_hook::flag::register_usize(sig, Arc::clone(&stop), sig as usize)?;
    }
    let mut signals = signal_hook::iterator::Signals::new(STOP_SIGNALS)?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                save();
                // A terminal that hung up has nothing to restore, and crossterm's reader
                // spins on it (a read of a hung-up terminal returns at once, forever): leave
                // now rather than after the grace period.
                if terminal_gone() {
                    std::process::exit(128 + sig);
                }
                let _ = signal_hook::low_level::raise(SIGWINCH);
                thread::sleep(SIGNAL_GRACE);
                leave();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}
