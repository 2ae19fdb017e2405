//! An encrypted workbook as a person meets it in a real terminal: the passphrase asked
//! before the interface, never echoed, three wrong tries and out; what is typed saved
//! encrypted; `jot` from another terminal while the app is open (plain and encrypted),
//! taken in when the app's terminal gets the focus back; and the editor's plain temporary
//! file refused (`E` in the app, `jot` without words).

#[path = "common/disk.rs"]
mod disk;
#[path = "common/pty.rs"]
mod driver;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::Ordering;

use age::secrecy::SecretString;
use disk::files_with_bytes;
use driver::*;
use mentorbook::model::Workbook;
use mentorbook::store::{Store, crypt, inbox};

const PASS: &str = "a long passphrase for the tests";
const BIN: &str = env!("CARGO_BIN_EXE_mentorbook");

fn pass() -> SecretString {
    SecretString::from(PASS.to_string())
}

/// An empty workbook at `file`, saved once; encrypted if asked (a fast key: the tests start
/// the app many times).
fn workbook_at(file: &Path, encrypted: bool) {
    crypt::TEST_WORK_FACTOR.store(10, Ordering::Relaxed);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let (mut store, _) = Store::open(file).unwrap();
    let wb = Workbook::default();
    store.save(&wb, chrono::Local::now()).unwrap();
    if encrypted {
        store.encrypt(&wb, &pass(), chrono::Local::now()).unwrap();
    }
}

fn pass_file(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join("pass");
    fs::write(&p, PASS).unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
    p
}

#[test]
fn the_passphrase_is_asked_unechoed_three_wrong_tries_exit_1_and_typing_is_saved_sealed() {
    let (home, file) = setup();
    workbook_at(&file, true);
    let before = files_with_bytes(home.path());
    let args = ["--file".as_ref(), file.as_os_str()];
    let mut pty = Pty::start(home.path(), &args, &[]);
    for (i, wrong) in ["wrong-one", "wrong-two", "wrong-three"].iter().enumerate() {
        pty.wait_for("Passphrase for");
        pty.type_(&format!("{wrong}\r"));
        if i < 2 {
            let start = std::time::Instant::now();
            while pty.contents().matches("try again").count() < i + 1 {
                assert!(start.elapsed() < WAIT, "{}", pty.contents());
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
    }
    assert_eq!(pty.wait_exit(), 1);
    let screen = pty.contents();
    assert!(screen.contains("3 wrong passphrases"), "{screen}");
    assert!(
        !screen.contains("wrong-"),
        "a passphrase was echoed:\n{screen}"
    );
    assert_eq!(
        files_with_bytes(home.path()),
        before,
        "a refused start changed a file"
    );

    let mut pty = Pty::start(home.path(), &args, &[]);
    pty.wait_for("Passphrase for");
    pty.type_(&format!("{PASS}\r"));
    pty.wait_for("Overview");
    assert!(!pty.contents().contains(PASS));
    open_statement(&mut pty);
    pty.type_seen("typed while sealed");
    pty.escape_to("Enter edit");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    crypt::unlock(&file, &pass()).unwrap();
    assert_eq!(statement(&file), "typed while sealed");
    for (p, bytes) in files_with_bytes(home.path()) {
        assert!(
            memchr::memmem::find(&bytes, b"typed while sealed").is_none(),
            "{} holds the text in plain",
            p.display()
        );
    }
}

/// `jot` from another terminal while the app has the workbook open: the entry waits (the
/// app's lock is respected, nothing refused), and the app takes it in as soon as its
/// terminal gets the focus back, says so, and saves it; the inbox is empty after.
#[test]
fn jot_while_the_app_is_open_is_taken_in_when_the_app_gets_the_focus() {
    for encrypted in [false, true] {
        let (home, file) = setup();
        workbook_at(&file, encrypted);
        let pass = pass_file(home.path());
        let args = [
            "--file".as_ref(),
            file.as_os_str(),
            "--passphrase-file".as_ref(),
            pass.as_os_str(),
        ];
        let mut pty = Pty::spawn_with(home.path(), &args, &[]);
        let out = Command::new(BIN)
            .env("HOME", home.path())
            .args(["--file".as_ref(), file.as_os_str(), OsStr::new("jot")])
            .args(["while", "it", "is", "open", "#later"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains("waiting"), "{said}");
        // The terminal says the window has the focus again.
        pty.send(b"\x1b[I");
        pty.wait_for("jotted from the shell");
        pty.type_("q");
        assert_eq!(pty.wait_exit(), 0);
        if encrypted {
            crypt::unlock(&file, &self::pass()).unwrap();
        }
        let wb = saved(&file);
        let e = (wb.journal.iter())
            .find(|e| e.text == "while it is open #later")
            .unwrap_or_else(|| panic!("encrypted {encrypted}: not in the journal"));
        assert_eq!(e.tags, ["later"]);
        assert!(e.private);
        assert!(inbox::waiting(&file).0.is_empty(), "encrypted {encrypted}");
    }
}

/// The outside editor's temporary file would hold the text unencrypted: in an encrypted
/// workbook `E` says so and opens nothing, and `jot` without words refuses to start one.
#[test]
fn the_editor_is_refused_for_an_encrypted_workbook() {
    let (home, file) = setup();
    workbook_at(&file, true);
    let pass = pass_file(home.path());
    let args = [
        "--file".as_ref(),
        file.as_os_str(),
        "--passphrase-file".as_ref(),
        pass.as_os_str(),
    ];
    let marker = home.path().join("editor-ran");
    let editor = format!("touch {}", marker.display());
    let env = [
        ("EDITOR", OsStr::new(&editor)),
        ("VISUAL", OsStr::new(&editor)),
    ];
    let mut pty = Pty::spawn_with(home.path(), &args, &env);
    pty.type_("5");
    pty.wait_for("Guidance");
    pty.type_("jjjE");
    pty.wait_for("E is off in an encrypted workbook");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    let jot = ["--file".as_ref(), file.as_os_str(), OsStr::new("jot")];
    let mut pty = Pty::start(home.path(), &jot, &env);
    assert_eq!(pty.wait_exit(), 1);
    assert!(pty.contents().contains("encrypted"), "{}", pty.contents());
    assert!(!marker.exists(), "an editor was started");
}
