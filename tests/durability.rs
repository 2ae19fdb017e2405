//! The reliability suite with real processes (numbers refer to the test plan in the README's
//! Reliability section): kill -9 during saves (1) and while typing (2), graceful signals (3),
//! a panic and its recovery (4), a full disk (7), read-only and permission errors (8), a
//! second instance (10), a file changed outside while open (11), a resize storm (19),
//! permissions under any umask (24), a canary that must not leak (25), core dumps (26) and
//! a symlinked data folder (27). Figures go to stderr (`-- --nocapture`);
//! `RELIABILITY_SCALE=10` runs ten times as many rounds.

#[path = "common/disk.rs"]
mod disk;
use disk::{files, kill_save_loop, mode, wait_for_text, walk};
#[path = "common/pty.rs"]
mod driver;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use driver::*;
use mentorbook::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_mentorbook");

/// How many times the default number of rounds to run.
fn scale() -> usize {
    std::env::var("RELIABILITY_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// A small deterministic generator (xorshift), seeded per test.
use mentorbook::testing::Rng;

/// Temp files a save left in the folder or its subfolders (parts moved aside included).
fn orphans(dir: &Path) -> usize {
    let parts = mentorbook::store::parts_dir(&dir.join("workbook.json"));
    [
        dir.to_path_buf(),
        dir.join("backups"),
        dir.join("recovery"),
        parts,
    ]
    .iter()
    .flat_map(|d| fs::read_dir(d).into_iter().flatten().flatten())
    .filter(|e| {
        let n = e.file_name().to_string_lossy().into_owned();
        n.ends_with(".tmp") || n.ends_with(".partial") || n.ends_with(".prev")
    })
    .count()
}

/// The text of the newest journal entry on disk ("" if none or no file), whatever the
/// layout (a workbook in parts, or a whole file such as a recovery file).
fn last_entry(file: &Path) -> String {
    if !file.exists() {
        return String::new();
    }
    let wb = mentorbook::store::read_only(file)
        .unwrap_or_else(|e| panic!("the file reads: {e}"))
        .workbook;
    wb.journal
        .iter()
        .max_by_key(|e| (e.at, e.id))
        .map(|e| e.text.clone())
        .unwrap_or_default()
}

fn args(file: &Path) -> Vec<&OsStr> {
    vec!["--file".as_ref(), file.as_os_str()]
}

/// Test 1: the save loop (`--save-loop`, a 256 KB–1 MB workbook saved over and over) killed
/// with SIGKILL after 1–100 ms, again and again. After every kill the workbook parses, is
/// never older than the last generation the loop reported saved, holds exactly that
/// generation's plan and months (never a mix of two saves), is 0600, and the next start
/// sweeps every temp file.
#[test]
fn kill_9_during_saves_never_leaves_a_damaged_or_older_file() {
    let kills = 200 * scale();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workbook.json");
    let mut rng = Rng::new(0x5EED_0001);
    let (mut corrupt, mut rollbacks, mut missing, mut orphans_before, mut orphans_after) =
        (0, 0, 0, 0, 0);
    let mut mixed = 0;
    let mut last_seen = 0;
    for _ in 0..kills {
        let run = Duration::from_millis(1 + rng.below(100) as u64);
        let reported = kill_save_loop(&args(&file), run).max(last_seen);
        orphans_before += orphans(dir.path());
        if !file.exists() {
            if reported > 0 {
                missing += 1;
            }
            continue;
        }
        match Store::open(&file) {
            Ok((store, wb)) => {
                if store.generation() < reported {
                    rollbacks += 1;
                }
                last_seen = store.generation();
                assert_eq!(mode(&file), 0o600);
                // Every part is the one its manifest names: the plan and all the months are
                // exactly what the loop saved as that generation, none from the save before.
                if !same_as_saved(&wb, &mentorbook::testing::save_loop_state(last_seen)) {
                    mixed += 1;
                }
            }
            Err(e) => {
                corrupt += 1;
                eprintln!("damaged after a kill: {e}");
            }
        }
        orphans_after += orphans(dir.path());
    }
    eprintln!(
        "kill -9 during saves: {kills} kills, {corrupt} corrupt, {missing} missing, {rollbacks} \
         rolled back, {mixed} mixing two saves, {orphans_before} temp files found after kills, \
         {orphans_after} after the next start; last generation {last_seen}"
    );
    assert_eq!(
        (corrupt, missing, rollbacks, mixed, orphans_after),
        (0, 0, 0, 0, 0)
    );
    assert!(last_seen > 20, "the loop got to save ({last_seen} saves)");
}

/// Whether `loaded` holds the same plan and the same journal entries as `saved`, in
/// whatever order the months were read.
fn same_as_saved(
    loaded: &mentorbook::model::Workbook,
    saved: &mentorbook::model::Workbook,
) -> bool {
    let entries = |wb: &mentorbook::model::Workbook| {
        let mut v: Vec<_> = wb.journal.iter().cloned().collect();
        v.sort_by_key(|e| e.id);
        v
    };
    loaded.title == saved.title && entries(loaded) == entries(saved)
}

/// Test 2: typing into a journal entry at 40 characters a second, then SIGKILL at a random
/// moment. The file always parses and holds a prefix of what was typed; what is missing was
/// typed within the autosave window. Runs three terminals at a time.
#[test]
fn kill_9_while_typing_loses_at_most_the_autosave_window() {
    let runs = 30 * scale();
    let lost: Vec<u64> = thread::scope(|s| {
        let workers: Vec<_> = (0..3)
            .map(|w| {
                s.spawn(move || {
                    let mut rng = Rng::new(0xC0FFEE + w as u64);
                    (0..runs / 3)
                        .map(|_| type_then_kill(&mut rng))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let mut sorted = lost.clone();
    sorted.sort();
    let pct = |p: usize| sorted[(sorted.len() * p / 100).min(sorted.len() - 1)];
    eprintln!(
        "kill -9 while typing: {} runs, 0 corrupt; typing lost p50 {} ms, p99 {} ms, max {} ms",
        sorted.len(),
        pct(50),
        pct(99),
        sorted.last().unwrap()
    );
    // The autosave is never more than 1.5 s behind; 300 ms more for the save itself and
    // the scheduler on a busy machine (measured p99 1,487 ms). A cap raised to 1.9 s lost
    // 1,890 ms here; the unit test in `shell/autosave.rs` is the exact guard of the cap.
    assert!(pct(99) <= 1800, "p99 lost {} ms", pct(99));
}

/// One run of test 2: returns how many milliseconds of typing were lost.
fn type_then_kill(rng: &mut Rng) -> u64 {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("workbook.json");
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("n");
    pty.wait_for("Esc done");
    let letters = b"abcdefghijklmnopqrstuvwxyz ";
    let until = Instant::now() + Duration::from_millis(1000 + rng.below(3000) as u64);
    let mut typed = String::new();
    let mut at = Vec::new();
    while Instant::now() < until {
        let c = letters[rng.below(letters.len())] as char;
        pty.send(c.to_string().as_bytes());
        typed.push(c);
        at.push(Instant::now());
        thread::sleep(Duration::from_millis(25));
    }
    pty.signal(libc::SIGKILL);
    let killed = Instant::now();
    pty.wait_exit();
    let saved = last_entry(&file);
    assert!(
        typed.starts_with(&saved),
        "the file holds a prefix of what was typed: {saved:?} vs {typed:?}"
    );
    match at.get(saved.len()) {
        Some(first_lost) => (killed - *first_lost).as_millis() as u64,
        None => 0,
    }
}

/// Test 3: for SIGTERM, SIGINT, SIGQUIT and SIGHUP (the last also by closing the terminal),
/// type into the editor and signal within 200 ms of the last key. Every run exits within
/// 3 s with 128+signal, nothing typed is lost, the process is gone, and the terminal is
/// restored where it still exists.
#[test]
fn graceful_signals_lose_nothing_and_restore_the_terminal() {
    let runs = 10 * scale();
    let cases: [(&str, Option<libc::c_int>); 5] = [
        ("SIGTERM", Some(libc::SIGTERM)),
        ("SIGINT", Some(libc::SIGINT)),
        ("SIGQUIT", Some(libc::SIGQUIT)),
        ("SIGHUP", Some(libc::SIGHUP)),
        ("hang-up", None),
    ];
    let worst: Vec<(String, Duration, u64)> = thread::scope(|s| {
        let workers: Vec<_> = cases
            .iter()
            .map(|(name, sig)| {
                s.spawn(move || {
                    let (mut slowest, mut ticks) = (Duration::ZERO, 0);
                    for i in 0..runs {
                        let (took, spent) = signal_run(*sig, i);
                        slowest = slowest.max(took);
                        ticks = ticks.max(spent);
                    }
                    (name.to_string(), slowest, ticks)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    for (name, slowest, ticks) in &worst {
        eprintln!(
            "{name}: {runs} runs, 0 characters lost, slowest exit {slowest:?}, at most {ticks} \
             CPU ticks (10 ms each) between the signal and the exit"
        );
        // Before the hang-up fix crossterm spun for the whole grace period: 200 ticks. The
        // exit itself (the last save, in a debug build, while the other tests run beside it)
        // has been measured at up to 16 ticks, so the bound is a quarter of the spin: it
        // still fails on any spin of half a second, and not on a busy machine's save.
        assert!(
            *ticks <= 50,
            "{name}: {ticks} ticks: the app spins on a dead terminal"
        );
    }
}

/// User plus system CPU time of a process so far, in clock ticks.
fn cpu_ticks(pid: libc::pid_t) -> Option<u64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn signal_run(sig: Option<libc::c_int>, i: usize) -> (Duration, u64) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("workbook.json");
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("n");
    pty.wait_for("Esc done");
    let text = format!("typed just before the signal {i}");
    // The last key counts as typed once the app has read it (it shows on screen).
    pty.send(text.as_bytes());
    pty.wait_for(&text);
    thread::sleep(Duration::from_millis(i as u64 * 37 % 200));
    let start = Instant::now();
    let pid = pty.pid();
    match sig {
        Some(s) => pty.signal(s),
        None => pty.hang_up(),
    }
    let mut ticks = Vec::new();
    while pty.exited().is_none() {
        assert!(start.elapsed() < WAIT, "the app did not exit");
        ticks.extend(cpu_ticks(pid));
        thread::sleep(Duration::from_millis(10));
    }
    let took = start.elapsed();
    let code = pty.wait_exit();
    let spent = match (ticks.first(), ticks.last()) {
        (Some(a), Some(b)) => b - a,
        _ => 0,
    };
    let want = 128 + sig.unwrap_or(libc::SIGHUP) as u32;
    assert_eq!(code, want, "exit code 128+signal");
    assert!(took < Duration::from_secs(3), "exit took {took:?}");
    assert_eq!(last_entry(&file), text, "nothing typed is lost");
    // SAFETY: signal 0 only asks whether the process exists.
    assert_ne!(unsafe { libc::kill(pid, 0) }, 0, "the process is gone");
    if sig.is_some() {
        pty.assert_restored();
    }
    (took, spent)
}

/// Test 4: a panic mid-edit (debug builds panic on F12 when MENTORBOOK_TEST_PANIC is set).
/// The workbook file is byte-identical to before, the recovery file holds every character
/// typed, the terminal is restored, the panic text quotes nothing typed, and the next start
/// offers the recovery, which `y` takes in.
#[test]
fn a_panic_keeps_the_text_in_a_recovery_file_offered_at_the_next_start() {
    let runs = 5 * scale();
    for i in 0..runs {
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("workbook.json");
        let panics = [("MENTORBOOK_TEST_PANIC", OsStr::new("1"))];
        let mut pty = Pty::spawn_with(home.path(), &args(&file), &panics);
        pty.type_("n");
        pty.wait_for("Esc done");
        pty.type_seen("saved part");
        pty.escape_to("Journal");
        let before = files(&file);
        pty.type_("\r");
        pty.wait_for("Esc done");
        let secret = format!(" canary{i}xyzzy and unsaved");
        pty.type_seen(&secret);
        pty.send(b"\x1b[24~"); // F12
        let code = pty.wait_exit();
        assert_eq!(code, 101, "screen:\n{}", pty.contents());
        pty.assert_restored();
        let after_exit = pty.contents();
        assert!(after_exit.contains("internal error"), "{after_exit}");
        assert!(
            !after_exit.contains("xyzzy"),
            "the panic report quotes no text"
        );
        assert_eq!(files(&file), before, "the workbook is untouched");
        let recovery: Vec<PathBuf> = fs::read_dir(home.path().join("recovery"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(recovery.len(), 1);
        assert_eq!(mode(&recovery[0]), 0o600);
        assert_eq!(
            last_entry(&recovery[0]),
            format!("saved part{secret}"),
            "every character typed"
        );
        // The next start offers it; y takes it in and the recovery file goes.
        let mut pty = Pty::start(home.path(), &args(&file), &[]);
        pty.wait_for("Restore it?");
        pty.type_("y");
        pty.wait_for("Restored");
        pty.type_("q");
        assert_eq!(pty.wait_exit(), 0);
        assert_eq!(last_entry(&file), format!("saved part{secret}"));
        assert!(
            fs::read_dir(home.path().join("recovery"))
                .unwrap()
                .next()
                .is_none()
        );
        let kept = fs::read_dir(home.path().join("backups"))
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".pre-restore-"));
        assert!(kept, "the file as it was is kept before the restore");
    }
    eprintln!("panic: {runs} runs, recovered 100 % of typed characters, 0 changes to the workbook");
}

/// Test 10: while one instance runs, a second is refused every time with a message naming
/// the file, and the first is unaffected; after `kill -9` of the first, the lock is free at
/// once.
#[test]
fn a_second_instance_is_refused_until_the_first_is_gone() {
    let tries = 20 * scale();
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("workbook.json");
    let mut first = Pty::spawn(home.path(), &file);
    for _ in 0..tries {
        let out = Command::new(BIN).arg("--file").arg(&file).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let msg = String::from_utf8_lossy(&out.stderr);
        assert!(msg.contains("already open in another mentorbook"), "{msg}");
        assert!(msg.contains(&file.display().to_string()), "{msg}");
    }
    open_statement(&mut first);
    first.type_seen("The first one still works");
    first.signal(libc::SIGKILL);
    first.wait_exit();
    let (store, _) = Store::open(&file).expect("the lock is free after kill -9");
    drop(store);
    eprintln!("second instance: {tries} tries, 0 wrong outcomes");
}

/// Test 11, in a terminal: the file replaced by another program while open. The next save
/// does not write over it: ours goes to a conflict copy, the two are merged (theirs kept in
/// `backups/` first), and the one collision waits on the merge screen, side by side.
#[test]
fn a_file_replaced_while_open_is_merged_and_the_collision_offered() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("workbook.json");
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("First words");
    pty.escape_to("saved ");
    wait_until_saved(&file, "First words");
    // Another program (a sync tool, say) replaces the part that holds the words.
    let plan = mentorbook::store::parts_dir(&file).join("plan.json");
    let theirs = fs::read_to_string(&plan)
        .unwrap()
        .replace("First words", "Their words");
    let other = home.path().join("other.json");
    fs::write(&other, &theirs).unwrap();
    fs::rename(&other, &plan).unwrap();
    pty.type_("\r");
    pty.wait_for("Esc done");
    pty.type_seen(" and mine");
    pty.escape_to("1 collision to choose");
    // Side by side: ours on the left, theirs on the right.
    pty.wait_for("Their words");
    pty.wait_for("First words and mine");
    pty.type_("b");
    pty.wait_for("Every collision is settled");
    pty.type_("q");
    pty.wait_exit();
    let saved = mentorbook::store::read_only(&file).unwrap().workbook;
    assert_eq!(
        saved.vision.statement,
        "First words and mine\n\nTheir words"
    );
    assert!(saved.conflicts.is_empty());
    let backups: Vec<String> = fs::read_dir(home.path().join("backups"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("before-merge"))
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(
        backups.iter().any(|b| b.contains("Their words")),
        "their version is kept"
    );
}

/// Test 19 in a real terminal: 200 window resizes (SIGWINCH) while typing. The sizes are
/// ones the app can be used at: below the minimum, keys do nothing by design (see
/// `tests/hostile.rs`, case 10), so text typed there is not expected.
#[test]
fn a_resize_storm_in_a_real_terminal_loses_nothing() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("workbook.json");
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    let mut rng = Rng::new(0xAB);
    let mut typed = String::new();
    for i in 0..200 {
        let (rows, cols) = (mentorbook::ui::MIN_HEIGHT, mentorbook::ui::MIN_WIDTH);
        pty.resize(rows + rng.below(45) as u16, cols + rng.below(141) as u16);
        let c = char::from(b'a' + (i % 26) as u8);
        pty.send(c.to_string().as_bytes());
        typed.push(c);
        thread::sleep(Duration::from_millis(5));
    }
    pty.resize(30, 100);
    pty.wait_for(&typed[typed.len() - 20..]);
    // The app may still be drawing the storm's frames: wait until the editor is closed (the
    // browsing keys are back), so the `q` that follows is not typed into it.
    pty.escape_to("q quit");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(statement(&file), typed);
    eprintln!("resize storm in a terminal: 200 resizes, 0 panics, 0 characters lost");
}

/// Everything under `root` (not following links) that contains `needle`, except `skip`.
fn files_containing(root: &Path, needle: &[u8], skip: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(root) else {
        return found;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.starts_with(skip) {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            found.extend(files_containing(&p, needle, skip));
        } else if meta.is_file()
            && fs::read(&p).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle))
        {
            found.push(p);
        }
    }
    found
}

/// Test 25: a canary typed into fields, through saves, backups, a conflict, a signal and a
/// panic, appears nowhere outside the data folder: not in the home or temp folders, not in
/// anything printed, not on the terminal after exit.
#[test]
fn a_canary_never_leaves_the_data_folder() {
    let canary = "CANARY-7f3a9c-do-not-leak";
    let home = tempfile::tempdir().unwrap();
    let tmp = home.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let data_dir = home.path().join(".local/share/mentorbook");
    let env = [
        ("TMPDIR", tmp.as_os_str()),
        ("MENTORBOOK_TEST_PANIC", OsStr::new("1")),
    ];
    let mut transcripts = Vec::new();
    // A session: the canary in the vision, a journal entry and a conversation's notes; a
    // conflict; then SIGTERM.
    let mut pty = Pty::spawn_with(home.path(), &[], &env);
    open_statement(&mut pty);
    pty.type_seen(canary);
    pty.escape_to("saved ");
    pty.type_("n");
    pty.wait_for("Esc done");
    pty.type_seen(canary);
    pty.escape_to("Journal");
    let file = data_dir.join("workbook.json");
    wait_for_text(&file, canary);
    // Another program replaces the month that holds the entry.
    let month = (fs::read_dir(mentorbook::store::parts_dir(&file))
        .unwrap()
        .flatten())
    .map(|e| e.path())
    .filter(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("journal-"))
    })
    .find(|p| fs::read_to_string(p).unwrap_or_default().contains(canary))
    .expect("the entry's month");
    let replaced = fs::read_to_string(&month)
        .unwrap()
        .replacen(canary, "other", 1);
    fs::write(data_dir.join("x"), replaced).unwrap();
    fs::rename(data_dir.join("x"), &month).unwrap();
    pty.type_("\r");
    pty.wait_for("Esc done");
    pty.type_seen(" more");
    pty.escape_to("changed outside mentorbook");
    pty.signal(libc::SIGTERM);
    pty.wait_exit();
    transcripts.push(pty.contents());
    // A panic mid-edit, after the conflict copy was set aside.
    for e in fs::read_dir(&data_dir).unwrap().flatten() {
        if e.file_name().to_string_lossy().contains(".conflict-") {
            fs::rename(e.path(), data_dir.join("backups").join(e.file_name())).unwrap();
        }
    }
    let mut pty = Pty::spawn_with(home.path(), &[], &env);
    pty.type_("n");
    pty.wait_for("Esc done");
    pty.type_seen(canary);
    pty.send(b"\x1b[24~");
    assert_eq!(pty.wait_exit(), 101);
    transcripts.push(pty.contents());
    // Printed output of the command line, too.
    let out = Command::new(BIN)
        .env("HOME", home.path())
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    let outside = files_containing(home.path(), canary.as_bytes(), &data_dir);
    let printed = transcripts
        .iter()
        .chain([
            &String::from_utf8_lossy(&out.stdout).into_owned(),
            &String::from_utf8_lossy(&out.stderr).into_owned(),
        ])
        .filter(|t| t.contains(canary))
        .count();
    let inside = files_containing(&data_dir, canary.as_bytes(), Path::new("/nonexistent"));
    // Everything written on the way (backups, the recovery file, the conflict copy) is private.
    for p in walk(&data_dir) {
        let want = if p.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&p), want, "{}", p.display());
    }
    assert!(
        inside.len() >= 3,
        "the canary is in the data folder: {inside:?}"
    );
    assert_eq!(
        outside,
        Vec::<PathBuf>::new(),
        "found outside the data folder"
    );
    assert_eq!(printed, 0, "printed or left on the terminal");
    eprintln!(
        "canary: in {} files inside the data folder, 0 outside it, 0 in output or terminals",
        inside.len()
    );
}

/// Test 26: core dumps are off however the shell sets the limit: the running app's limit is
/// 0, and a SIGSEGV or SIGABRT leaves no core file.
#[test]
fn no_core_dumps() {
    for sig in [libc::SIGSEGV, libc::SIGABRT] {
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("workbook.json");
        let mut cmd = portable_pty::CommandBuilder::new("sh");
        cmd.args([
            "-c",
            "ulimit -c unlimited; exec \"$@\"",
            "sh",
            BIN,
            "--file",
        ]);
        cmd.arg(&file);
        cmd.cwd(home.path());
        cmd.env("HOME", home.path());
        cmd.env("TERM", "xterm-256color");
        let mut pty = Pty::start_cmd(cmd);
        pty.wait_for("Overview");
        let limits = fs::read_to_string(format!("/proc/{}/limits", pty.pid())).unwrap();
        let core = limits
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap()
            .split_whitespace()
            .skip(4)
            .take(2)
            .collect::<Vec<_>>();
        assert_eq!(core, ["0", "0"], "{limits}");
        // Rust's runtime catches the first SIGSEGV (it looks for stack overflows), puts the
        // default action back and returns: a sent one has to come twice.
        pty.signal(sig);
        thread::sleep(Duration::from_millis(300));
        if pty.exited().is_none() {
            pty.signal(sig);
        }
        pty.wait_exit();
        let cores: Vec<_> = fs::read_dir(home.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("core"))
            .collect();
        assert!(cores.is_empty(), "{cores:?}");
    }
    eprintln!("core dumps: limit 0 in the running app, none after SIGSEGV and SIGABRT");
}

/// Types into the vision statement of `file`, quits, and checks `link` is still a link and
/// `target` (where it leads) holds the text.
fn type_through_link(home: &Path, file: &Path, text: &str, link: &Path, target: &Path) {
    let mut pty = Pty::spawn(home, file);
    open_statement(&mut pty);
    pty.type_(text);
    pty.escape_to("saved ");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(fs::symlink_metadata(link).unwrap().file_type().is_symlink());
    assert!(saved_text(target).contains(text));
}

/// Test 27: a data folder that is a symlink is used through the link (files land in the
/// real folder, the link stays a link); a symlinked workbook file is followed once and the
/// link kept (the store tests check that one in detail).
#[test]
fn a_symlinked_data_folder_is_used_through_the_link() {
    let home = tempfile::tempdir().unwrap();
    let real = home.path().join("synced");
    fs::create_dir(&real).unwrap();
    let link = home.path().join("data");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let file = link.join("workbook.json");
    type_through_link(
        home.path(),
        &file,
        "Through the folder link",
        &link,
        &real.join("workbook.json"),
    );
    // The file itself a link into another folder.
    let elsewhere = home.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::rename(real.join("workbook.json"), elsewhere.join("wb.json")).unwrap();
    // Its parts live beside the file the link points to, named after it.
    fs::rename(real.join("workbook.parts"), elsewhere.join("wb.parts")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("wb.json"), real.join("workbook.json")).unwrap();
    type_through_link(
        home.path(),
        &file,
        " and the file link",
        &real.join("workbook.json"),
        &elsewhere.join("wb.json"),
    );
    eprintln!("symlinks: 2 cases (folder link, file link), 0 links replaced");
}
