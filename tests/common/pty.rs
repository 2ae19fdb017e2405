//! Driving the real binary in a pseudo-terminal, for the end-to-end and durability tests.
#![allow(dead_code)]

use std::ffi::OsStr;

use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

#[allow(unused_imports)]
pub use crate::disk::{saved, saved_json, saved_text};

pub const WAIT: Duration = Duration::from_secs(20);

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, as it came.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Tells the reader thread to stop and close its copy of the master.
    stop_reading: Arc<AtomicBool>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Pty {
    pub fn spawn(home: &Path, file: &Path) -> Pty {
        Pty::spawn_with(home, &["--file".as_ref(), file.as_os_str()], &[])
    }

    /// Starts the binary with `args` and extra environment, and waits for the overview.
    pub fn spawn_with(home: &Path, args: &[&OsStr], env: &[(&str, &OsStr)]) -> Pty {
        let pty = Pty::start(home, args, env);
        pty.wait_for("Overview");
        pty
    }

    /// Starts the binary without waiting for anything.
    pub fn start(home: &Path, args: &[&OsStr], env: &[(&str, &OsStr)]) -> Pty {
        Pty::start_cmd(Pty::command(home, args, env))
    }

    /// The binary with `args`, `HOME` and extra environment, ready to start.
    pub fn command(home: &Path, args: &[&OsStr], env: &[(&str, &OsStr)]) -> CommandBuilder {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mentorbook"));
        cmd.args(args);
        cmd.env("HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("MENTORBOOK_FILE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Starts `cmd` in a 100x30 terminal without waiting for anything.
    pub fn start_cmd(cmd: CommandBuilder) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
        // Non-blocking, so the reader can be stopped and its copy of the master closed
        // (needed to hang the terminal up for real).
        let fd = pair.master.as_raw_fd().unwrap();
        // SAFETY: fcntl on a descriptor we own; only the status flags change.
        unsafe {
            libc::fcntl(
                fd,
                libc::F_SETFL,
                libc::fcntl(fd, libc::F_GETFL) | libc::O_NONBLOCK,
            )
        };
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                        sink.lock().unwrap().process(&buf[..n]);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        thread::sleep(Duration::from_millis(5))
                    }
                    Err(_) => break,
                }
            }
        });
        // Our own copy of the master for typing: portable-pty's writer sends "\n" + EOF when
        // dropped, which a raw-mode app reads as Ctrl-J Ctrl-D (keys!), unlike a terminal
        // that closes. Dropping a plain File only closes it.
        // SAFETY: `dup` of a descriptor we own; the File owns the copy.
        let writer: Box<dyn Write + Send> =
            Box::new(unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) });
        Pty {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            screen,
            raw,
            stop_reading,
            reader: Some(reader),
        }
    }

    /// Every byte the program wrote so far, escape codes and all.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {text:?}; screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types bytes, then lets the app take them in (a lone Esc must not merge with what follows).
    pub fn type_(&mut self, bytes: &str) {
        self.send(bytes.as_bytes());
        thread::sleep(Duration::from_millis(150));
    }

    /// Writes bytes at once, without waiting afterwards (for timed typing).
    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().unwrap();
        let mut rest = bytes;
        // The master is non-blocking (for the reader): wait while the app's input is full.
        while !rest.is_empty() {
            match w.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    thread::sleep(Duration::from_millis(2))
                }
                Err(e) => panic!("typing failed: {e}"),
            }
        }
    }

    /// Types text and waits until the app shows it (it has read every byte).
    pub fn type_seen(&mut self, text: &str) {
        self.type_(text);
        self.wait_for(text);
    }

    /// Esc, then waits until the screen shows `next`, so the next key is not read as Alt+key.
    pub fn escape_to(&mut self, next: &str) {
        self.type_("\x1b");
        self.wait_for(next);
    }

    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain the last bytes (the terminal restore).
                thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < WAIT,
                "the app did not exit; screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Closes every copy of the master, as a terminal window that is closed: the kernel
    /// hangs the terminal up.
    pub fn hang_up(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        drop(self.writer.take());
        drop(self.master.take());
    }

    pub fn pid(&self) -> libc::pid_t {
        self.child.process_id().unwrap() as libc::pid_t
    }

    /// Whether the process has ended (and is reaped).
    pub fn exited(&mut self) -> Option<u32> {
        self.child.try_wait().unwrap().map(|s| s.exit_code())
    }

    /// Changes the terminal size, as a window being resized (the app gets SIGWINCH).
    pub fn resize(&self, rows: u16, cols: u16) {
        if let Some(m) = &self.master {
            m.resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
            // The app gets the size asked for, even 1x1; the emulator that reads its screen is
            // kept at 2x2 or more: vt100 0.16.2 underflows when a double-width character
            // meets a one-column screen or a wrap scrolls a one-row one (doy/vt100-rust#37,
            // #29). What the app drew on such a screen is not what the tests read anyway.
            self.screen
                .lock()
                .unwrap()
                .screen_mut()
                .set_size(rows.max(2), cols.max(2));
        }
    }

    pub fn signal(&self, sig: libc::c_int) {
        let pid = self.child.process_id().unwrap() as libc::pid_t;
        // SAFETY: sending a signal to our own child process.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
    }

    /// The terminal's cursor: `None` while hidden, else its row and column and the text of
    /// the row it is on.
    pub fn cursor(&self) -> Option<(u16, u16, String)> {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        if screen.hide_cursor() {
            return None;
        }
        let (row, col) = screen.cursor_position();
        let text = screen
            .rows(0, 100)
            .nth(usize::from(row))
            .unwrap_or_default();
        Some((row, col, text))
    }

    /// Whether the cell at `row`, `col` is drawn reversed (the editor's own cursor cell).
    pub fn reversed(&self, row: u16, col: u16) -> bool {
        let parser = self.screen.lock().unwrap();
        parser.screen().cell(row, col).is_some_and(|c| c.inverse())
    }

    /// The terminal is back to normal: main screen, cursor shown, paste mode off.
    pub fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "left the alternate screen");
        assert!(!screen.hide_cursor(), "cursor shown");
        assert!(!screen.bracketed_paste(), "bracketed paste off");
    }
}

pub fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data").join("workbook.json");
    (dir, file)
}

pub fn statement(file: &Path) -> String {
    saved(file).vision.statement
}

/// Waits until `text` is in the workbook as a save committed it (the manifest renamed in):
/// a part already written by a save still under way does not count, since a kill then
/// leaves the workbook as it was before that save.
pub fn wait_until_saved(file: &Path, text: &str) {
    let start = Instant::now();
    let committed = || {
        mentorbook::store::read_only(file)
            .ok()
            .and_then(|d| serde_json::to_string(&d.workbook).ok())
            .is_some_and(|json| json.contains(text))
    };
    while !committed() {
        assert!(start.elapsed() < WAIT, "{text:?} never reached the disk");
        thread::sleep(Duration::from_millis(50));
    }
}

/// Opens the statement editor of an empty workbook.
pub fn open_statement(pty: &mut Pty) {
    pty.type_("5");
    pty.wait_for("Guidance");
    pty.type_("jjj\r");
    pty.wait_for("Esc done");
}
