//! End to end: the real binary in a pseudo-terminal, typed at like a person would, then the
//! saved file and the terminal's state afterwards are checked.

use std::ffi::OsStr;
use std::fs;
use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const WAIT: Duration = Duration::from_secs(20);

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Tells the reader thread to stop and close its copy of the master.
    stop_reading: Arc<AtomicBool>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Pty {
    fn spawn(home: &Path, file: &Path) -> Pty {
        Pty::spawn_with(home, &["--file".as_ref(), file.as_os_str()], &[])
    }

    /// Starts the binary with `args` and extra environment, and waits for the overview.
    fn spawn_with(home: &Path, args: &[&OsStr], env: &[(&str, &OsStr)]) -> Pty {
        let pty = Pty::start(home, args, env);
        pty.wait_for("Overview");
        pty
    }

    /// Starts the binary without waiting for anything.
    fn start(home: &Path, args: &[&OsStr], env: &[(&str, &OsStr)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mentorbook"));
        cmd.args(args);
        cmd.env("HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("MENTORBOOK_FILE");
        for (k, v) in env {
            cmd.env(k, v);
        }
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
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => sink.lock().unwrap().process(&buf[..n]),
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
            stop_reading,
            reader: Some(reader),
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
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
    fn type_(&mut self, bytes: &str) {
        let w = self.writer.as_mut().unwrap();
        let mut rest = bytes.as_bytes();
        // The master is non-blocking (for the reader): wait while the app's input is full.
        while !rest.is_empty() {
            match w.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    thread::sleep(Duration::from_millis(5))
                }
                Err(e) => panic!("typing failed: {e}"),
            }
        }
        thread::sleep(Duration::from_millis(150));
    }

    /// Types text and waits until the app shows it (it has read every byte).
    fn type_seen(&mut self, text: &str) {
        self.type_(text);
        self.wait_for(text);
    }

    /// Esc, then waits until the screen shows `next`, so the next key is not read as Alt+key.
    fn escape_to(&mut self, next: &str) {
        self.type_("\x1b");
        self.wait_for(next);
    }

    fn wait_exit(&mut self) -> u32 {
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

    fn signal(&self, sig: libc::c_int) {
        let pid = self.child.process_id().unwrap() as libc::pid_t;
        // SAFETY: sending a signal to our own child process.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
    }

    /// The terminal is back to normal: main screen, cursor shown, paste mode off.
    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "left the alternate screen");
        assert!(!screen.hide_cursor(), "cursor shown");
        assert!(!screen.bracketed_paste(), "bracketed paste off");
    }
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data").join("workbook.json");
    (dir, file)
}

fn statement(file: &Path) -> String {
    let v: serde_json::Value = serde_json::from_slice(&fs::read(file).unwrap()).unwrap();
    v["data"]["vision"]["statement"]
        .as_str()
        .unwrap()
        .to_string()
}

fn wait_until_saved(file: &Path, text: &str) {
    let start = Instant::now();
    while !fs::read_to_string(file).unwrap_or_default().contains(text) {
        assert!(start.elapsed() < WAIT, "{text:?} never reached the disk");
        thread::sleep(Duration::from_millis(50));
    }
}

/// Opens the statement editor of an empty workbook.
fn open_statement(pty: &mut Pty) {
    pty.type_("5");
    pty.wait_for("Guidance");
    pty.type_("jjj\r");
    pty.wait_for("Esc done");
}

#[test]
fn type_a_vision_quit_and_find_it_saved_with_the_terminal_restored() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_("I lead a calm team.\r");
    pty.type_seen("People bring me hard problems.");
    pty.escape_to("Enter edit");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    assert_eq!(
        statement(&file),
        "I lead a calm team.\nPeople bring me hard problems."
    );

    // Next time, every word is there.
    let mut again = Pty::spawn(home.path(), &file);
    again.type_("5");
    again.wait_for("People bring me hard problems.");
    again.type_("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_bracketed_paste_arrives_intact() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_("\x1b[200~pasted: q, 1, ?\rsecond line\x1b[201~");
    pty.wait_for("second line");
    pty.escape_to("Enter edit");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(statement(&file), "pasted: q, 1, ?\nsecond line");
}

#[test]
fn autosave_reaches_the_disk_while_typing_and_survives_kill_9() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("Words typed just before the power went out");
    // No key pressed after this: the autosave deadline alone must bring it to disk.
    wait_until_saved(&file, "Words typed just before the power went out");
    pty.signal(libc::SIGKILL);
    pty.wait_exit();
    assert_eq!(
        statement(&file),
        "Words typed just before the power went out"
    );
    // The lock died with the process: a new session opens at once.
    let mut again = Pty::spawn(home.path(), &file);
    again.type_("q");
    assert_eq!(again.wait_exit(), 0);
    let leftovers = fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn sigterm_saves_what_is_in_the_editor_and_restores_the_terminal() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("Still typing when the session was ended");
    pty.signal(libc::SIGTERM);
    assert_eq!(pty.wait_exit(), 128 + 15);
    pty.assert_restored();
    assert_eq!(statement(&file), "Still typing when the session was ended");
}

#[test]
fn sighup_saves_what_is_in_the_editor_and_exits() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("Hung up by signal");
    pty.signal(libc::SIGHUP);
    assert_eq!(pty.wait_exit(), 128 + 1);
    assert_eq!(statement(&file), "Hung up by signal");
}

#[test]
fn closing_the_terminal_saves_and_exits() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("The window was closed");
    // Close every copy of the master: the kernel hangs the terminal up. crossterm then keeps
    // retrying reads and never returns, so this checks the signal thread saves on its own.
    pty.stop_reading.store(true, Ordering::SeqCst);
    pty.reader.take().unwrap().join().unwrap();
    drop(pty.writer.take());
    drop(pty.master.take());
    let code = pty.wait_exit();
    assert_eq!(
        statement(&file),
        "The window was closed",
        "exit {code}; file: {}",
        fs::read_to_string(&file).unwrap_or_default()
    );
    assert_eq!(code, 128 + 1, "the exit code says it was a hangup");
}

#[test]
fn a_damaged_file_is_refused_before_the_terminal_is_touched() {
    let (home, file) = setup();
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let damaged = b"{\n  \"format\": \"mentorbook\",\n  \"schema_version\": 1,\n  \"data\": {\n    \"mentee\": \"Ana";
    fs::write(&file, damaged).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .arg("--file")
        .arg(&file)
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    assert!(stderr.contains("line 5, column"), "{stderr}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("\x1b[?1049h"),
        "no alternate screen"
    );
    assert_eq!(fs::read(&file).unwrap(), damaged);
}

#[test]
fn the_environment_variable_chooses_the_file() {
    let (home, file) = setup();
    let out = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .env("HOME", home.path())
        .env("MENTORBOOK_FILE", &file)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--file <PATH>") && help.contains("MENTORBOOK_FILE"),
        "{help}"
    );
    // Opening through the variable: the lock and, after a change, the file appear there.
    let mut pty = Pty::spawn_with(home.path(), &[], &[("MENTORBOOK_FILE", file.as_os_str())]);
    assert!(file.with_extension("lock").exists());
    pty.type_("p");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("\"phase\": \"initiation\"")
    );
}

#[test]
fn fill_the_agreement_and_closure_checks_quit_and_find_them_again() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("3");
    pty.wait_for("What the partnership is for");
    pty.type_("\r");
    pty.type_seen("Grow into the lead role");
    pty.escape_to("Enter edit");
    pty.type_("j\r");
    pty.type_seen("Fortnightly, Thursday mornings");
    pty.escape_to("Enter edit");
    pty.type_("jjjjjjjjj\r");
    pty.type_seen("2026-09-03");
    pty.type_("\r");
    pty.wait_for("Enter edit");
    pty.escape_to("Exercises, stage by stage");
    pty.type_("9");
    pty.wait_for("The closing conversation");
    pty.type_("jj\r");
    pty.type_("jj\r");
    pty.type_("j\r");
    pty.type_seen("We went through every goal");
    pty.type_("\r");
    pty.wait_for("Enter edit");
    assert_eq!(pty.contents().matches("[x] done").count(), 2);
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);

    let v: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let a = &v["data"]["agreement"];
    assert_eq!(a["purpose"], "Grow into the lead role");
    assert_eq!(a["meetings"], "Fortnightly, Thursday mornings");
    assert_eq!(a["agreed_on"], "2026-09-03");
    let c = &v["data"]["closure"];
    assert_eq!(c["accomplishments_acknowledged"]["done"], true);
    assert_eq!(c["learning_evaluated"]["done"], true);
    assert_eq!(
        c["learning_evaluated"]["notes"],
        "We went through every goal"
    );
    assert_eq!(c["application_discussed"]["done"], false);

    let mut again = Pty::spawn(home.path(), &file);
    again.wait_for("· agreed ");
    again.type_("3");
    again.wait_for("Grow into the lead role");
    again.escape_to("Exercises, stage by stage");
    again.type_("9");
    again.wait_for("We went through every goal");
    assert_eq!(again.contents().matches("[x] done").count(), 2);
    again.type_("q");
    assert_eq!(again.wait_exit(), 0);
}

/// The planning core end to end: a brainstormed candidate becomes a goal, its worksheet gets
/// two steps where the second waits for the first, finishing them in the wrong order is
/// refused, and the saved file holds the links.
#[test]
fn a_candidate_becomes_a_goal_with_two_dependent_steps() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("6");
    pty.wait_for("Candidate goals");
    pty.type_("a");
    pty.type_seen("Public speaking");
    pty.escape_to("g make it a goal");
    pty.type_("g");
    pty.wait_for("A draft goal, linked to its candidate");
    pty.type_("w");
    pty.wait_for("3. Action steps");
    pty.type_("a");
    pty.type_seen("Rehearse the talk");
    pty.type_("\r");
    pty.type_seen("Give the talk");
    pty.escape_to("b waits for");
    pty.type_("b");
    pty.type_("1\r");
    pty.wait_for("after 1");
    pty.type_("xx");
    pty.wait_for("Step 2 waits for step 1 to be done first.");
    pty.type_("kxx");
    pty.wait_for("Step 1 done.");
    pty.type_("jx");
    pty.wait_for("Step 2 done.");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);

    let v: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let d = &v["data"];
    let candidate = &d["brainstorm"]["candidates"][0];
    let goal = &d["goals"][0];
    assert_eq!(candidate["text"], "Public speaking");
    assert_eq!(goal["title"], "Public speaking");
    assert_eq!(goal["candidate"], candidate["id"]);
    assert_eq!(candidate["goal"], goal["id"]);
    let steps = goal["plan"]["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0]["text"], "Rehearse the talk");
    assert_eq!(steps[1]["text"], "Give the talk");
    assert_eq!(steps[1]["depends_on"], serde_json::json!([steps[0]["id"]]));
    assert_eq!(steps[0]["status"], "done");
    assert_eq!(steps[1]["status"], "done");
}

/// The journal end to end: `n` from the overview writes an entry at once, it gets a tag, the
/// journal is filtered by that tag, and the saved file holds the entry with its tag, private.
#[test]
fn a_journal_entry_with_a_tag_is_found_by_its_tag_and_saved() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("n");
    pty.wait_for("Journal entry");
    pty.type_seen("Chaired my first review today.");
    pty.escape_to("p private");
    pty.type_("j\r");
    pty.type_seen("reviews, firsts");
    pty.type_("\r");
    pty.wait_for("#reviews #firsts");
    pty.escape_to("/ filter");
    pty.type_("n");
    pty.wait_for("Journal entry");
    pty.type_seen("Quiet day.");
    pty.escape_to("p private");
    pty.escape_to("/ filter");
    pty.wait_for("2 of 2 entries");
    pty.type_("/");
    pty.type_seen("#firsts");
    pty.type_("\r");
    pty.wait_for("1 of 2 entries");
    assert!(pty.contents().contains("Chaired my first review today."));
    assert!(!pty.contents().contains("Quiet day."));
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);

    let v: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let journal = v["data"]["journal"].as_array().unwrap();
    assert_eq!(journal.len(), 2);
    let entry = &journal[0];
    assert_eq!(entry["text"], "Chaired my first review today.");
    assert_eq!(entry["tags"], serde_json::json!(["reviews", "firsts"]));
    assert_eq!(entry["private"], true);
    // Local time with its offset, as the user saw it.
    let at = entry["at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
}

#[path = "../benches/support/generate.rs"]
mod generate;

fn write_large(file: &Path, entries: usize) -> Vec<u8> {
    let wb = generate::workbook(entries, 11);
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
    let bytes = mentorbook::store::encode(&mentorbook::store::encode_data(&wb), 1, at);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, &bytes).unwrap();
    bytes
}

/// A large file opens in two parts, but keys typed at once, before its journal is in, are
/// only handled after: a new entry joins the years of entries, none is lost.
#[test]
fn typing_at_once_in_a_large_workbook_keeps_every_entry() {
    let (home, file) = setup();
    write_large(&file, 1500);
    let mut pty = Pty::start(home.path(), &["--file".as_ref(), file.as_os_str()], &[]);
    pty.type_("n");
    pty.type_seen("Written straight away.");
    pty.escape_to("p private");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let journal = v["data"]["journal"].as_array().unwrap();
    assert_eq!(journal.len(), 1501);
    assert_eq!(journal[1500]["text"], "Written straight away.");
}

/// A large file whose journal turns out damaged after the first frame: the app says where,
/// leaves the terminal as it found it, exits 1, and the file is untouched.
#[test]
fn a_damaged_journal_found_after_the_first_frame_stops_the_app_and_saves_nothing() {
    let (home, file) = setup();
    let bytes = write_large(&file, 1500);
    let text = String::from_utf8(bytes).unwrap();
    let at = text.len() / 2 + text[text.len() / 2..].find("\"tags\": [").unwrap();
    let damaged = format!("{}\"tags\": 7, \"was\": [{}", &text[..at], &text[at + 9..]);
    fs::write(&file, &damaged).unwrap();
    let mut pty = Pty::start(home.path(), &["--file".as_ref(), file.as_os_str()], &[]);
    assert_eq!(pty.wait_exit(), 1);
    let screen = pty.contents();
    assert!(screen.contains("data.journal["), "{screen}");
    assert_eq!(fs::read_to_string(&file).unwrap(), damaged);
}
