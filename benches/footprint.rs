//! `cargo bench --bench footprint`: what a workbook's size costs the running app, measured
//! on the release binary in a real pseudo-terminal, beside a bare ratatui app (the floor:
//! this same program started with `--floor`) in the same run:
//!
//! - first frame: start to the home screen's journal line ("N entries, the latest …": the
//!   count is on screen and keys are handled), median of the runs;
//! - key: a key typed into a new journal entry (a new line every 60 keys) to the first byte
//!   of the frame it causes, median and 99th percentile;
//! - bytes per autosave: `write_bytes` of `/proc/PID/io` over a typing session in a new
//!   journal entry (40 keys a second for a minute), divided by the saves it made (the manifest's
//!   generation);
//! - peak memory (`VmHWM`) after that session, against the workbook's files;
//! - quit: `q` with nothing changed, to the process gone, median of the runs;
//! - `export --format markdown` and `show plan`: wall time, median of the runs, against the
//!   same generated plan with no journal (`generate 0`).
//!
//! The workbooks are generated once into `target/footprint/N/`. `FOOTPRINT_SIZES=2000,8000`
//! picks sizes (default: 0, 2000, 8000, 50000), `FOOTPRINT_RUNS` the runs (default 9),
//! `FOOTPRINT_TYPING_SECS` the typing session (default 60).

#[path = "support/generate.rs"]
mod generate;
#[path = "../examples/minimal.rs"]
#[allow(dead_code)]
mod minimal;

use std::ffi::OsString;
use std::io::Write;
use std::os::fd::{FromRawFd, RawFd};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_mentorbook");
const ROWS: u16 = 40;
const COLS: u16 = 120;

fn main() {
    if std::env::args().any(|a| a == "--floor") {
        floor();
        return;
    }
    // `cargo bench` passes `--bench`; any other argument filters nothing here.
    let sizes: Vec<usize> = env_list("FOOTPRINT_SIZES").unwrap_or(vec![0, 2000, 8000, 50000]);
    let runs = env_num("FOOTPRINT_RUNS", 9);
    let typing = Duration::from_secs(env_num("FOOTPRINT_TYPING_SECS", 60) as u64);
    let home = tempfile::tempdir().expect("a temporary home");
    let floor = Target::floor();
    let mut rows = vec![measure(&floor, runs, typing, home.path())];
    let mut plain_commands = None;
    for &n in &sizes {
        let target = Target::workbook(n);
        let mut row = measure(&target, runs, typing, home.path());
        let commands = commands(&target, runs, home.path());
        if n == 0 {
            plain_commands = Some(commands);
        }
        row.commands = Some(commands);
        rows.push(row);
    }
    report(&rows, plain_commands);
}

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn env_list(name: &str) -> Option<Vec<usize>> {
    let v = std::env::var(name).ok()?;
    Some(v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
}

/// The floor: one frame saying it is ready, typed keys echoed, Esc quits.
fn floor() {
    // The `minimal` example itself (tuibench's floor): everything typed is echoed.
    let _ = minimal::run();
}

/// What to start and how to drive it.
struct Target {
    name: String,
    entries: Option<usize>,
    /// A workbook to copy in (its manifest; the parts folder beside it).
    source: Option<PathBuf>,
    ready: String,
    new_entry: &'static [u8],
    quit: &'static [u8],
}

impl Target {
    fn floor() -> Target {
        Target {
            name: "floor".into(),
            entries: None,
            source: None,
            ready: "minimal ready".into(),
            new_entry: b"",
            quit: b"\x1b",
        }
    }

    fn workbook(n: usize) -> Target {
        let source = PathBuf::from(format!("target/footprint/{n}/workbook.json"));
        // Made again when missing or written by an older layout.
        if mentorbook::store::read_plan(&source).is_err() {
            let wb = generate::workbook(n, 1);
            generate::write(&wb, &source, false).expect("the generated workbook is written");
        }
        Target {
            name: if n == 0 {
                "no journal".into()
            } else {
                format!("{n} entries")
            },
            entries: Some(n),
            source: Some(source),
            ready: if n == 0 {
                "no entries yet".into()
            } else {
                format!("{n} entries, the latest")
            },
            new_entry: b"n",
            quit: b"q",
        }
    }

    /// A fresh copy of the workbook in `home`; the path to open.
    fn place(&self, home: &Path) -> PathBuf {
        let dir = home.join(self.name.replace(' ', "-"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder");
        let file = dir.join("workbook.json");
        if let Some(src) = &self.source {
            copy_tree(src, &file);
            copy_tree(
                &mentorbook::store::parts_dir(src),
                &mentorbook::store::parts_dir(&file),
            );
        }
        file
    }

    fn command(&self, file: &Path, home: &Path) -> CommandBuilder {
        let mut cmd = match self.entries {
            None => {
                let mut c = CommandBuilder::new(std::env::current_exe().expect("this program"));
                c.arg("--floor");
                c
            }
            Some(_) => {
                let mut c = CommandBuilder::new(BIN);
                c.args([OsString::from("--file"), file.as_os_str().to_owned()]);
                c
            }
        };
        cmd.env("HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("MENTORBOOK_FILE");
        cmd
    }

    /// The files of the workbook's copy, in bytes.
    fn size(&self, file: &Path) -> u64 {
        let parts = mentorbook::store::parts_dir(file);
        let own = std::fs::metadata(file).map_or(0, |m| m.len());
        own + std::fs::read_dir(parts)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum::<u64>()
    }
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("a folder");
        for e in std::fs::read_dir(from).expect("a folder").flatten() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        }
    } else if from.exists() {
        std::fs::copy(from, to).expect("a copy");
    }
}

/// A running program in a pseudo-terminal, its output read without a thread so that each
/// read is timed as it happens.
struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    fd: RawFd,
    writer: std::fs::File,
    screen: vt100::Parser,
}

impl Running {
    fn start(cmd: CommandBuilder) -> Running {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let fd = pair.master.as_raw_fd().expect("the terminal's descriptor");
        // SAFETY: dup of a descriptor we own; the File owns the copy.
        let writer = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
        Running {
            child,
            _master: pair.master,
            fd,
            writer,
            screen: vt100::Parser::new(ROWS, COLS, 0),
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().unwrap_or(0)
    }

    /// Reads what arrives within `wait`; the time the first bytes came, if any did.
    fn read_for(&mut self, wait: Duration) -> Option<Instant> {
        let until = Instant::now() + wait;
        let mut first = None;
        let mut buf = [0u8; 65536];
        loop {
            let left = until.saturating_duration_since(Instant::now());
            let mut p = libc::pollfd {
                fd: self.fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            let ready = unsafe { libc::poll(&mut p, 1, left.as_millis() as i32) };
            if ready <= 0 {
                return first;
            }
            // SAFETY: reading into a buffer we own, at most its length.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                return first;
            }
            first.get_or_insert_with(Instant::now);
            self.screen.process(&buf[..n as usize]);
            // Once something came, only what follows at once belongs to the same frame.
            if first.is_some() && left > Duration::from_millis(2) {
                let mut q = libc::pollfd {
                    fd: self.fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: as above.
                if unsafe { libc::poll(&mut q, 1, 2) } <= 0 {
                    return first;
                }
            }
        }
    }

    /// Waits until `text` is on screen; when it showed.
    fn wait_for(&mut self, text: &str) -> Instant {
        let until = Instant::now() + Duration::from_secs(60);
        loop {
            if self.screen.screen().contents().contains(text) {
                return Instant::now();
            }
            assert!(Instant::now() < until, "{text:?} never showed");
            self.read_for(Duration::from_millis(50));
        }
    }

    fn send(&mut self, bytes: &[u8]) -> Instant {
        self.writer.write_all(bytes).expect("typing");
        Instant::now()
    }

    /// Reads everything that arrives until `wait` has passed.
    fn drain(&mut self, wait: Duration) {
        let until = Instant::now() + wait;
        while Instant::now() < until {
            self.read_for(until.saturating_duration_since(Instant::now()));
        }
    }

    /// Reads what is there now, without waiting.
    fn read_now(&mut self) {
        let mut buf = [0u8; 65536];
        let mut p = libc::pollfd {
            fd: self.fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd; a read into a buffer we own, at most its length.
        while unsafe { libc::poll(&mut p, 1, 0) } > 0 {
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                return;
            }
            self.screen.process(&buf[..n as usize]);
        }
    }

    /// Sends `quit` and waits for the process to end; how long that took (checked every
    /// 20 µs, the terminal's output read as it comes so the program is never held up).
    fn quit(mut self, quit: &[u8]) -> Duration {
        let sent = self.send(quit);
        loop {
            if let Ok(Some(_)) = self.child.try_wait() {
                return sent.elapsed();
            }
            self.read_now();
            std::thread::sleep(Duration::from_micros(20));
            assert!(sent.elapsed() < Duration::from_secs(30), "it quits");
        }
    }
}

/// Writes everything cached out to disk, so that a measurement does not pay for an earlier
/// copy's write-back.
fn sync() {
    // SAFETY: sync has no preconditions.
    unsafe { libc::sync() };
}

fn proc_field(pid: u32, file: &str, key: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

fn generation(file: &Path) -> u64 {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v["generation"].as_u64())
        .unwrap_or(0)
}

#[derive(Default)]
struct Row {
    name: String,
    first_frame: Duration,
    key_median: Duration,
    key_p99: Duration,
    bytes_per_save: Option<(u64, u64)>,
    peak_kib: u64,
    files: u64,
    quit: Duration,
    commands: Option<Commands>,
}

#[derive(Clone, Copy)]
struct Commands {
    markdown: Duration,
    show_plan: Duration,
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn measure(target: &Target, runs: usize, typing: Duration, home: &Path) -> Row {
    let mut row = Row {
        name: target.name.clone(),
        ..Row::default()
    };
    // Start-ups, each quit at once: nothing changed, so one copy serves them all, on disk
    // before the first (a copy still being written back would slow the start).
    let (mut starts, mut quits) = (Vec::new(), Vec::new());
    let file = target.place(home);
    sync();
    for _ in 0..runs {
        let started = Instant::now();
        let mut app = Running::start(target.command(&file, home));
        starts.push(app.wait_for(&target.ready) - started);
        // Let every month come in first (about 20 ms a thousand entries): the steady state.
        let settle = 300 + target.entries.unwrap_or(0) as u64 / 25;
        app.drain(Duration::from_millis(settle));
        quits.push(app.quit(target.quit));
    }
    row.first_frame = median(starts);
    row.quit = median(quits);
    // A typing session in a new entry.
    let file = target.place(home);
    sync();
    row.files = target.size(&file);
    let mut app = Running::start(target.command(&file, home));
    app.wait_for(&target.ready);
    app.drain(Duration::from_millis(
        500 + target.entries.unwrap_or(0) as u64 / 25,
    ));
    if !target.new_entry.is_empty() {
        app.send(target.new_entry);
        app.wait_for("Esc done");
    }
    let pid = app.pid();
    let (gen_before, io_before) = (generation(&file), proc_field(pid, "io", "write_bytes:"));
    let letters = b"abcdefghijklmnoprstuvwxyz ";
    let mut keys = Vec::new();
    let until = Instant::now() + typing;
    let mut k = 0;
    while Instant::now() < until {
        // A new line every 60 keys, as people write (and as tuibench types): one paragraph
        // of thousands of characters would measure its soft wrap instead.
        let key: &[u8] = if k % 60 == 59 {
            b"\r"
        } else {
            &letters[k % letters.len()..][..1]
        };
        let sent = app.send(key);
        if let Some(seen) = app.read_for(Duration::from_millis(25)) {
            keys.push(seen - sent);
        }
        k += 1;
    }
    // The last autosave, then the counts.
    app.drain(Duration::from_millis(2500));
    let saves = generation(&file).saturating_sub(gen_before);
    let written = proc_field(pid, "io", "write_bytes:").saturating_sub(io_before);
    if target.entries.is_some() {
        row.bytes_per_save = Some((written / saves.max(1), saves));
    }
    row.peak_kib = proc_field(pid, "status", "VmHWM:");
    keys.sort();
    row.key_median = keys.get(keys.len() / 2).copied().unwrap_or_default();
    row.key_p99 = keys.get(keys.len() * 99 / 100).copied().unwrap_or_default();
    if !target.new_entry.is_empty() {
        app.send(b"\x1b");
        app.read_for(Duration::from_millis(300));
    }
    app.quit(target.quit);
    eprintln!("measured {}", target.name);
    row
}

fn commands(target: &Target, runs: usize, home: &Path) -> Commands {
    let file = target.place(home);
    let time = |args: &[&str]| {
        median(
            (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    let out = Command::new(BIN)
                        .args(args)
                        .arg("--file")
                        .arg(&file)
                        .env("HOME", home)
                        .output()
                        .expect("the command runs");
                    assert!(out.status.success(), "{args:?}");
                    start.elapsed()
                })
                .collect(),
        )
    };
    Commands {
        markdown: time(&["export", "--format", "markdown"]),
        show_plan: time(&["show", "plan"]),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn report(rows: &[Row], plain: Option<Commands>) {
    let floor = &rows[0];
    let x = |d: Duration, f: Duration| d.as_secs_f64() / f.as_secs_f64().max(1e-9);
    println!(
        "\n| | first frame ms (× floor) | key ms median / p99 (× floor) | bytes per autosave \
         (saves) | peak RSS MiB (files MiB) | quit ms (above floor) | markdown ms (× no \
         journal) | show plan ms (× no journal) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for r in rows {
        let bytes = r.bytes_per_save.map_or("–".into(), |(b, n)| {
            format!("{:.0} KiB ({n})", b as f64 / 1024.0)
        });
        let cmd = |f: fn(&Commands) -> Duration| match (&r.commands, plain) {
            (Some(c), Some(p)) => format!("{} ({:.2}×)", ms(f(c)), x(f(c), f(&p))),
            (Some(c), None) => ms(f(c)),
            _ => "–".into(),
        };
        println!(
            "| {} | {} ({:.2}×) | {} / {} ({:.2}×) | {} | {:.1} ({:.1}) | {} (+{}) | {} | {} |",
            r.name,
            ms(r.first_frame),
            x(r.first_frame, floor.first_frame),
            ms(r.key_median),
            ms(r.key_p99),
            x(r.key_median, floor.key_median),
            bytes,
            r.peak_kib as f64 / 1024.0,
            r.files as f64 / (1024.0 * 1024.0),
            ms(r.quit),
            ms(r.quit.saturating_sub(floor.quit)),
            cmd(|c| c.markdown),
            cmd(|c| c.show_plan),
        );
    }
}
