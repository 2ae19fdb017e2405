//! The reliability cases that need more than a user's shell: dropping root to `nobody`
//! (`setpriv`, from util-linux), mounting a small tmpfs (root), or watching the system calls
//! of a save (`strace`). Numbers refer to the test plan in the README's Reliability section.
//!
//! A case this machine cannot run is reported as *ignored* in the summary (the reason on
//! stderr), never as passed. `.ci/run` installs the tools, checks what the machine allows
//! and says so in `MENTORBOOK_CI_PROVIDES` (`setpriv strace mount`): a case whose need is
//! named there fails rather than being ignored, so CI cannot skip what it claims to run.

#[path = "common/disk.rs"]
mod disk;
use disk::{files, mode, wait_for_text, walk};
#[path = "common/pty.rs"]
mod driver;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use driver::*;
use libtest_mimic::{Arguments, Failed, Trial};

const BIN: &str = env!("CARGO_BIN_EXE_mentorbook");

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let nobody = as_nobody();
    let trials = vec![
        case(
            "permission_errors_are_survived",
            ("setpriv", nobody.clone()),
            permission_errors_are_survived,
        ),
        case(
            "a_full_disk_and_a_read_only_remount_are_survived",
            ("mount", can_mount()),
            a_full_disk_and_a_read_only_remount_are_survived,
        ),
        case(
            "files_are_private_under_any_umask",
            ("setpriv", nobody.clone()),
            files_are_private_under_any_umask,
        ),
        case(
            "an_unwritable_folder_is_refused_at_start_even_with_its_lock_file",
            ("setpriv", nobody),
            an_unwritable_folder_is_refused_at_start_even_with_its_lock_file,
        ),
        case(
            "every_file_is_flushed_before_it_replaces_the_old_one",
            ("strace", has_strace()),
            every_file_is_flushed_before_it_replaces_the_old_one,
        ),
    ];
    libtest_mimic::run(&args, trials).exit_code()
}

/// A case that needs `need` (a name as `.ci/run` writes it), and what this machine lacks
/// of it (`None`: nothing).
fn case(name: &'static str, need: (&'static str, Option<String>), body: fn()) -> Trial {
    let (need, missing) = need;
    let provided = std::env::var("MENTORBOOK_CI_PROVIDES").unwrap_or_default();
    match missing {
        None => Trial::test(name, move || {
            body();
            Ok(())
        }),
        Some(why) if provided.split_whitespace().any(|p| p == need) => {
            Trial::test(name, move || {
                Err(Failed::from(format!(
                    "CI says this machine provides {need}, but {why}"
                )))
            })
        }
        Some(why) => {
            eprintln!("{name}: ignored here, {why}");
            Trial::test(name, || Ok(())).with_ignored_flag(true)
        }
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Where util-linux's `setpriv` is, if it is: on the `PATH` (as `.ci/run` looks for it).
fn setpriv() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("setpriv"))
        .find(|p| p.exists())
}

/// What stops this machine from running the app as an unprivileged user, if anything.
fn as_nobody() -> Option<String> {
    (is_root() && setpriv().is_none())
        .then(|| "it runs as root without setpriv to drop to nobody".into())
}

/// What stops this machine from mounting a small tmpfs, if anything.
fn can_mount() -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(dir.path())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if mounted {
        let _ = Command::new("umount").arg(dir.path()).status();
        return None;
    }
    Some("mounting a tmpfs is not allowed (it needs root)".into())
}

/// What stops this machine from tracing a process's system calls, if anything.
fn has_strace() -> Option<String> {
    let ok = Command::new("strace")
        .args(["-qq", "-e", "trace=none", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    (!ok).then(|| "strace is missing or may not trace here".into())
}

fn args(file: &Path) -> Vec<&OsStr> {
    vec!["--file".as_ref(), file.as_os_str()]
}

/// The binary as `nobody` (root ignores file modes), or as is when not root. Only for the
/// cases [`as_nobody`] lets run.
fn unprivileged(home: &Path, args: &[&OsStr]) -> portable_pty::CommandBuilder {
    if !is_root() {
        return Pty::command(home, args, &[]);
    }
    let mut cmd = portable_pty::CommandBuilder::new(setpriv().unwrap());
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
    cmd.arg(BIN);
    cmd.args(args);
    cmd.env("HOME", home);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("MENTORBOOK_FILE");
    cmd
}

fn chown_nobody(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: chown on a path we created; failure is caught by the test's own checks.
    unsafe { libc::chown(c.as_ptr(), 65534, 65534) };
}

/// A home for `nobody`, its data folder (theirs) and the workbook's path in it.
fn nobody_data() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let home = nobody_dir();
    let data = home.path().join("data");
    fs::create_dir(&data).unwrap();
    chown_nobody(&data);
    let file = data.join("workbook.json");
    (home, data, file)
}

/// A folder `nobody` can use: every parent traversable.
fn nobody_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    chown_nobody(dir.path());
    dir
}

/// Test 8, permissions: a folder the user may not write to (as `nobody`, since root ignores
/// modes). NOT SAVED on screen, the old files byte-identical, nothing lost from memory, and
/// the next autosave succeeds once the folder is writable again.
fn permission_errors_are_survived() {
    let (home, data, file) = nobody_data();
    let mut pty = Pty::start_cmd(unprivileged(home.path(), &args(&file)));
    pty.wait_for("Overview");
    fault_and_recover(
        &mut pty,
        &file,
        || fs::set_permissions(&data, fs::Permissions::from_mode(0o500)).unwrap(),
        || fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap(),
    );
    eprintln!("permission denied: 0 corruptions, 0 characters lost");
}

/// Tests 7 and 8, disks: a real full disk (a 2 MB tmpfs) and a read-only remount. The full
/// disk as for permissions above; the read-only disk, which waits for no file to be open
/// for writing (the lock is), between sessions: the next start refuses plainly.
fn a_full_disk_and_a_read_only_remount_are_survived() {
    let mnt = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(mnt.path())
        .status()
        .unwrap();
    assert!(mounted.success());
    let file = mnt.path().join("workbook.json");
    let filler = mnt.path().join("filler");
    let mut pty = Pty::spawn(mnt.path(), &file);
    fault_and_recover(
        &mut pty,
        &file,
        || fill(&filler),
        || fs::remove_file(&filler).unwrap(),
    );
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    let before = files(&file);
    remount(mnt.path(), "ro");
    let out = Command::new(BIN).arg("--file").arg(&file).output().unwrap();
    let msg = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    assert!(msg.contains("read-only"), "{msg}");
    assert_eq!(files(&file), before);
    remount(mnt.path(), "rw");
    let mut pty = Pty::spawn(mnt.path(), &file);
    pty.type_("q");
    pty.wait_exit();
    let _ = Command::new("umount").arg("-l").arg(mnt.path()).status();
    eprintln!("full disk and read-only: 0 corruptions, 0 characters lost");
}

/// Writes zeros to `path` until the disk is full.
fn fill(path: &Path) {
    use std::io::Write;
    let mut f = fs::File::create(path).unwrap();
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    // The last partial block, byte by byte.
    while f.write_all(&[0]).is_ok() {}
}

fn remount(dir: &Path, how: &str) {
    let ok = Command::new("mount")
        .args(["-o", &format!("remount,{how}")])
        .arg(dir)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

/// Types a first line (saved), breaks the disk, types more: NOT SAVED shows, the file is as
/// it was. Then repairs it and waits for the retry to save everything.
fn fault_and_recover(pty: &mut Pty, file: &Path, break_it: impl Fn(), repair: impl Fn()) {
    pty.type_("n");
    pty.wait_for("Esc done");
    pty.type_seen("before the fault");
    pty.escape_to("Journal");
    wait_for_text(file, "before the fault");
    let before = files(file);
    break_it();
    let start = Instant::now();
    pty.type_("\r");
    pty.wait_for("Esc done");
    pty.type_seen(" and during it");
    pty.escape_to("NOT SAVED");
    assert_eq!(files(file), before, "the old files are byte-identical");
    repair();
    // The retry comes on its own (every five seconds).
    wait_for_text(file, "before the fault and during it");
    let recovered = start.elapsed();
    pty.wait_for("saved ");
    eprintln!("  recovered {recovered:?} after the fault began");
}

/// Test 24: under umask 000 and 022, as an unprivileged user, a fresh start and an upgrade
/// from a 0644 file: the data folder is 0700 and every file in it 0600 (main, lock, backups,
/// recovery, conflict copies).
fn files_are_private_under_any_umask() {
    let mut checked = 0;
    for umask in ["000", "022"] {
        for upgrade in [false, true] {
            let home = nobody_dir();
            let data_dir = home.path().join(".local/share/mentorbook");
            let file = data_dir.join("workbook.json");
            if upgrade {
                fs::create_dir_all(&data_dir).unwrap();
                fs::write(&file, include_bytes!("../assets/sample-workbook.json")).unwrap();
                fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
                fs::set_permissions(&data_dir, fs::Permissions::from_mode(0o755)).unwrap();
                for d in [
                    home.path().join(".local"),
                    home.path().join(".local/share"),
                    data_dir.clone(),
                    file.clone(),
                ] {
                    chown_nobody(&d);
                }
            }
            let inner = unprivileged(home.path(), &[]);
            // The umask applies to the process started through the shell.
            let argv: Vec<String> = inner
                .get_argv()
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            let mut cmd = portable_pty::CommandBuilder::new("/bin/sh");
            cmd.args(["-c", &format!("umask {umask}; exec \"$@\""), "sh"]);
            cmd.args(&argv);
            cmd.env("HOME", home.path());
            cmd.env("TERM", "xterm-256color");
            cmd.env_remove("MENTORBOOK_FILE");
            cmd.env_remove("XDG_DATA_HOME");
            let mut pty = Pty::start_cmd(cmd);
            pty.wait_for("Overview");
            pty.type_("n");
            pty.wait_for("Esc done");
            pty.type_seen("private words");
            pty.escape_to("saved ");
            wait_for_text(&file, "private words");
            pty.type_("q");
            assert_eq!(pty.wait_exit(), 0, "{}", pty.contents());
            assert_eq!(mode(&data_dir), 0o700, "umask {umask}: the data folder");
            for entry in walk(&data_dir) {
                let m = mode(&entry);
                let want = if entry.is_dir() { 0o700 } else { 0o600 };
                assert_eq!(
                    m,
                    want,
                    "umask {umask}, upgrade {upgrade}: {}",
                    entry.display()
                );
                checked += 1;
            }
        }
    }
    eprintln!(
        "permissions: {checked} files and folders checked under umask 000 and 022, 0 violations"
    );
}

/// Item 12 of the "tests that catch" issue: a folder made read-only for its user after a
/// session left its lock file there. Opening the existing lock file proves nothing about the
/// folder, so the start must try it: refused with the folder named, nothing changed.
fn an_unwritable_folder_is_refused_at_start_even_with_its_lock_file() {
    let (home, data, file) = nobody_data();
    let start = || Pty::start_cmd(unprivileged(home.path(), &args(&file)));
    let mut pty = start();
    open_statement(&mut pty);
    pty.type_seen("written before");
    pty.escape_to("saved ");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(data.join("workbook.lock").exists(), "the lock file stays");
    let before = files(&file);
    fs::set_permissions(&data, fs::Permissions::from_mode(0o500)).unwrap();
    let mut pty = start();
    let code = pty.wait_exit();
    let screen = pty.contents();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(code, 1, "refused at start:\n{screen}");
    assert!(screen.contains("permission denied"), "{screen}");
    assert!(screen.contains("data"), "names the folder: {screen}");
    assert_eq!(files(&file), before, "nothing changed");
    eprintln!("unwritable folder with a lock file: refused at start, 0 files changed");
}

/// Test 5: the system calls of real saves (the plan, a month, the manifest, backups),
/// traced: every file renamed over the workbook's was flushed (fsync) before the rename, and
/// its folder after it, or a power cut could leave an empty or half-written file in place.
fn every_file_is_flushed_before_it_replaces_the_old_one() {
    let (home, file) = setup();
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let log = home.path().join("strace.log");
    let mut cmd = portable_pty::CommandBuilder::new("strace");
    cmd.args(["-f", "-qq", "-y", "-e", "signal=none"]);
    cmd.args([
        "-e",
        "trace=fsync,fdatasync,rename,renameat,renameat2",
        "-o",
    ]);
    cmd.arg(&log);
    cmd.arg(BIN);
    cmd.args(args(&file));
    cmd.env("HOME", home.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("MENTORBOOK_FILE");
    let mut pty = Pty::start_cmd(cmd);
    pty.wait_for("Overview");
    open_statement(&mut pty);
    pty.type_seen("a plan worth keeping");
    pty.escape_to("saved ");
    wait_until_saved(&file, "a plan worth keeping");
    pty.type_("0n");
    pty.wait_for("Esc done");
    pty.type_seen("an entry worth keeping");
    pty.type_("\x1b");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0, "{}", pty.contents());
    let calls = fs::read_to_string(&log).unwrap();
    let data = file.parent().unwrap();
    let (flushed, renames) = flush_order(&calls, data);
    assert!(
        renames >= 3,
        "the plan, a month and the manifest were saved ({renames} renames):\n{calls}"
    );
    assert_eq!(flushed, renames, "{calls}");
    assert!(
        saved(&file)
            .journal
            .iter()
            .any(|e| e.text == "an entry worth keeping")
    );
    eprintln!(
        "fsync before rename: {renames} renames traced, each flushed before and its folder after"
    );
}

/// Of the renames into `data` (or below it) in a trace, how many were flushed before and
/// had their folder flushed after, before anything was renamed into another folder; panics
/// naming the first that was not.
fn flush_order(calls: &str, data: &Path) -> (usize, usize) {
    // `fsync(5</path/to/file>) = 0`: the path of the descriptor flushed.
    let flushed_path = |line: &str| {
        let call = line.split_whitespace().nth(1)?;
        if !(call.starts_with("fsync(") || call.starts_with("fdatasync(")) {
            return None;
        }
        let start = line.find('<')? + 1;
        let end = line[start..].find('>')? + start;
        line.ends_with("= 0")
            .then(|| PathBuf::from(&line[start..end]))
    };
    let quoted = |line: &str| -> Vec<PathBuf> {
        line.split('"')
            .skip(1)
            .step_by(2)
            .map(PathBuf::from)
            .collect()
    };
    let lines: Vec<&str> = calls.lines().collect();
    let (mut ok, mut renames) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let call = line.split_whitespace().nth(1).unwrap_or("");
        if !call.starts_with("rename") || !line.ends_with("= 0") {
            continue;
        }
        let paths = quoted(line);
        let [from, to] = &paths[..] else {
            panic!("a rename with two paths: {line}");
        };
        if !to.starts_with(data) {
            continue;
        }
        renames += 1;
        let before = lines[..i]
            .iter()
            .filter_map(|l| flushed_path(l))
            .any(|p| p == *from);
        assert!(
            before,
            "{} was renamed over {} unflushed",
            from.display(),
            to.display()
        );
        // The folder is flushed before anything is renamed into another one (the manifest
        // must never be on disk before the parts it names), or by the end.
        let folder = to.parent().unwrap();
        let rest = &lines[i + 1..];
        let until = rest
            .iter()
            .position(|l| {
                l.split_whitespace()
                    .nth(1)
                    .is_some_and(|c| c.starts_with("rename"))
                    && quoted(l).get(1).and_then(|t| t.parent()) != Some(folder)
            })
            .unwrap_or(rest.len());
        let after = rest[..until]
            .iter()
            .filter_map(|l| flushed_path(l))
            .any(|p| p == folder);
        assert!(
            after,
            "the folder of {} was not flushed before the next rename elsewhere",
            to.display()
        );
        ok += 1;
    }
    (ok, renames)
}
