//! What a test finds on disk after a session: the saved workbook, whatever its layout.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

/// The workbook saved at `file`, whatever its layout (in parts, or one whole file).
pub fn saved(file: &Path) -> mentorbook::model::Workbook {
    mentorbook::store::read_only(file)
        .unwrap_or_else(|e| panic!("the saved workbook reads: {e}"))
        .workbook
}

/// The saved workbook as JSON, shaped as a whole file is (`{"data": {…}}`).
pub fn saved_json(file: &Path) -> serde_json::Value {
    serde_json::json!({ "data": serde_json::to_value(saved(file)).unwrap() })
}

/// Everything written for the workbook at `file` (its own file and its parts), as text:
/// for waiting until typed words are on disk, wherever they went.
pub fn saved_text(file: &Path) -> String {
    let mut text = fs::read_to_string(file).unwrap_or_default();
    let parts = mentorbook::store::parts_dir(file);
    let mut names: Vec<_> = fs::read_dir(&parts)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for p in names {
        text.push_str(&fs::read_to_string(p).unwrap_or_default());
    }
    text
}

/// Every file of the workbook at `file` (its own, under "", and its parts, `.prev` copies
/// included) with its size and a hash of its bytes: two of these are equal when nothing on
/// disk changed, and a difference reads as names.
pub fn files(file: &Path) -> std::collections::BTreeMap<String, String> {
    use std::hash::{DefaultHasher, Hasher};
    let print = |b: Vec<u8>| {
        let mut h = DefaultHasher::new();
        h.write(&b);
        format!("{} bytes, {:016x}", b.len(), h.finish())
    };
    let mut out = std::collections::BTreeMap::new();
    if let Ok(b) = fs::read(file) {
        out.insert(String::new(), print(b));
    }
    for e in fs::read_dir(mentorbook::store::parts_dir(file))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        out.insert(name, print(fs::read(e.path()).unwrap_or_default()));
    }
    out
}

/// The permission bits of `p`.
pub fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every file and folder under `dir`, deepest first.
pub fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

/// Waits (20 s at most) until `text` is among the files written for `file`, committed or
/// not.
pub fn wait_for_text(file: &Path, text: &str) {
    let start = std::time::Instant::now();
    while !saved_text(file).contains(text) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{text:?} never reached the disk"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Every file under `dir` with its bytes, sorted by path: to search them for a text that
/// must not be there, or to prove a refusal changed nothing.
pub fn files_with_bytes(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = (walk(dir).into_iter().filter(|p| p.is_file()))
        .map(|p| {
            let bytes = fs::read(&p).unwrap_or_default();
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

/// Runs the binary's save loop (`--save-loop`) with `args` for `run`, kills it with SIGKILL,
/// and gives the last generation it reported saved (0 if none).
pub fn kill_save_loop(args: &[&std::ffi::OsStr], run: std::time::Duration) -> u64 {
    use std::io::BufRead;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(args)
        .arg("--save-loop")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let reported = Arc::new(AtomicU64::new(0));
    let r = Arc::clone(&reported);
    let out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if let Ok(g) = line.trim().parse() {
                r.store(g, Ordering::SeqCst);
            }
        }
    });
    std::thread::sleep(run);
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    reported.load(Ordering::SeqCst)
}

/// Saves `wb` as the named workbook `name` in the data folder under `home` (with
/// `XDG_DATA_HOME=home/data`), as `mentorbook new NAME` would place it, saved `at`; its
/// path.
pub fn named_workbook(
    home: &Path,
    name: &str,
    wb: &mentorbook::model::Workbook,
    at: chrono::DateTime<chrono::Local>,
) -> std::path::PathBuf {
    let path = mentorbook::workbooks::path_of(&home.join("data/mentorbook"), name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let (mut store, _) = mentorbook::store::Store::open(&path).unwrap();
    store.save(wb, at).unwrap();
    path
}
