//! Encryption at rest: nothing readable on disk, the standard age format proven with age's
//! own API (a user's way out without mentorbook), kill -9 during encrypted saves, the
//! refusals (wrong passphrase, damaged files, a missing key), `encrypt` and `decrypt`, and
//! every command on an encrypted workbook. `jot` is in `tests/jot.rs`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::thread;
use std::time::Duration;

use age::secrecy::SecretString;
use assert_cmd::cargo::cargo_bin;
use common::disk::{files_with_bytes, kill_save_loop};
use common::fields::distinct_text_fields;
use common::{fixed_now, fixture};
use mentorbook::app::{App, Status};
use mentorbook::model::{JournalEntry, Workbook};
use mentorbook::shell::Session;
use mentorbook::store::{Store, crypt, inbox};
use mentorbook::testing::Rng;

pub const PASS: &str = "a long passphrase for the tests";

fn pass() -> SecretString {
    SecretString::from(PASS.to_string())
}

/// Keys made by this process take a low scrypt work factor: they unlock in a millisecond.
fn fast_keys() {
    crypt::TEST_WORK_FACTOR.store(10, Ordering::Relaxed);
}

/// A passphrase file (0600) in `dir`.
fn pass_file(dir: &Path, text: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join(format!("pass-{}", text.len()));
    fs::write(&p, format!("{text}\n")).unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
    p
}

/// A workbook holding `wb`, saved and then encrypted, at `path`.
fn encrypted(path: &Path, wb: &Workbook) -> Store {
    fast_keys();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let (mut store, _) = Store::open(path).unwrap();
    store.save(wb, fixed_now()).unwrap();
    store.encrypt(wb, &pass(), fixed_now()).unwrap();
    store
}

/// Reads an age file the way a person would without mentorbook: the key file opened with
/// the passphrase, then the file with the key, by age's own API (not `store::crypt`).
fn age_open(workbook: &Path, file: &Path) -> Vec<u8> {
    let by_pass = age::scrypt::Identity::new(pass());
    let key = age::decrypt(&by_pass, &fs::read(crypt::key_path(workbook)).unwrap())
        .expect("the key file opens with the passphrase");
    let key = String::from_utf8(key).unwrap();
    let line = key
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap();
    let identity: age::x25519::Identity = line.parse().unwrap();
    age::decrypt(&identity, &fs::read(file).unwrap())
        .unwrap_or_else(|e| panic!("{} does not open with age: {e}", file.display()))
}

fn contains(hay: &[u8], needle: &str) -> bool {
    memchr::memmem::find(hay, needle.as_bytes()).is_some()
}

/// Whether a file may hold plain bytes in an encrypted workbook: the lock (empty), the
/// public key, and this test's passphrase files.
fn plain_allowed(p: &Path) -> bool {
    let name = p.file_name().unwrap().to_string_lossy();
    name.ends_with(".lock") || name.ends_with(".recipient") || name.starts_with("pass-")
}

/// A distinct canary in every text field of an encrypted workbook goes through saves, a
/// backup, a conflict copy (another program's save), a recovery file, an entry jotted from
/// the shell, the partner view and the merge's safety copy. No file anywhere under the
/// test's folder holds any canary in its bytes; every file but the lock and the public key
/// is an age file that age's own API opens with the passphrase, and there each canary is
/// found (three copies at least): encrypted, and never lost.
#[test]
fn a_canary_in_every_field_of_an_encrypted_workbook_is_in_no_file_on_disk() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let path = data.join("workbook.json");
    let fields = distinct_text_fields();
    let canary = |i: usize| format!("SEALED-{i}-{}-zq", std::process::id());
    let store = encrypted(&path, &fixture());
    let wb = fixture();
    let mut s = Session::new(App::new(wb), store, fixed_now);
    for (i, field) in fields.iter().enumerate() {
        *field.text_mut(&mut s.app.workbook).unwrap() = canary(i);
    }
    s.app.unsaved = true;
    assert!(s.save());
    fields[0].text_mut(&mut s.app.workbook).unwrap().push('!');
    s.app.unsaved = true;
    assert!(s.save());
    // Another program saves the workbook (sealed, as mentorbook would): ours goes to a
    // conflict copy, and the two are merged, keeping a safety copy in backups/.
    thread::sleep(Duration::from_millis(20));
    let recipient = crypt::recipient_of(&path).unwrap().unwrap();
    let mut manifest = crypt::read(&path).unwrap();
    manifest.push(b'\n');
    fs::write(&path, crypt::seal(Some(&recipient), &manifest).unwrap()).unwrap();
    s.app.unsaved = true;
    assert!(!s.save());
    let recovery = s
        .store
        .write_recovery(&s.app.workbook, fixed_now())
        .unwrap();
    assert!(crypt::file_is_sealed(&recovery));
    let jotted = canary(fields.len());
    let entry = JournalEntry {
        text: jotted.clone(),
        ..JournalEntry::default()
    };
    inbox::drop_in(&path, &entry, fixed_now()).unwrap();
    let packet = mentorbook::store::encode_packet(
        &Workbook {
            mentor: canary(fields.len() + 1),
            ..Workbook::default()
        },
        fixed_now().fixed_offset(),
    );
    mentorbook::store::keep_partner(&path, &packet).unwrap();
    let mut messages = vec![match &s.app.status {
        Status::NotSaved(m) => m.clone(),
        other => format!("{other:?}"),
    }];
    messages.extend(s.app.notice.clone());
    drop(s);

    let all = files_with_bytes(root.path());
    let count = fields.len() + 2;
    for (file, bytes) in &all {
        for i in 0..count {
            assert!(
                !contains(bytes, &canary(i)),
                "{} holds canary {i} in plain text",
                file.display()
            );
        }
        assert!(
            plain_allowed(file) || crypt::is_sealed(bytes),
            "{} is not encrypted",
            file.display()
        );
    }
    for m in &messages {
        assert!((0..count).all(|i| !m.contains(&canary(i))), "{m}");
    }
    let opened: Vec<(PathBuf, Vec<u8>)> = (all.iter())
        .filter(|(p, _)| !plain_allowed(p) && !p.ends_with("workbook.key.age"))
        .map(|(p, _)| (p.clone(), age_open(&path, p)))
        .collect();
    let mut copies_total = 0;
    for i in 0..count {
        let copies = opened
            .iter()
            .filter(|(_, b)| contains(b, &canary(i)))
            .count();
        let least = if i < fields.len() { 3 } else { 1 };
        assert!(copies >= least, "canary {i}: {copies} copies once opened");
        copies_total += copies;
    }
    eprintln!(
        "encrypted canaries: {count} distinct ({} fields, a jotted entry, the partner view), \
         {} files on disk, {} of them age files that age's own API opens, {copies_total} \
         copies inside them, 0 in plain bytes anywhere, 0 in messages",
        fields.len(),
        all.len(),
        opened.len() + 1
    );
}

/// The save loop (`--save-loop`) on an encrypted workbook, killed with SIGKILL after
/// 1–100 ms, again and again: after every kill the workbook opens, holds exactly a
/// generation the loop reported saved or a later one, and no file in the folder holds a
/// plain word of the journal (temporary files and parts moved aside included).
#[test]
fn kill_9_during_encrypted_saves_leaves_no_damage_and_no_plain_text() {
    let kills = 100
        * std::env::var("RELIABILITY_SCALE")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workbook.json");
    // Save 1 holds the loop's state 1, as if the loop had made it.
    drop(encrypted(&file, &mentorbook::testing::save_loop_state(1)));
    let pass = pass_file(dir.path(), PASS);
    let mut rng = Rng::new(0x5EA1_0001);
    let (mut corrupt, mut rollbacks, mut plain) = (0, 0, 0);
    let mut last_seen = 0;
    for _ in 0..kills {
        let run = Duration::from_millis(1 + rng.below(100) as u64);
        let args = [
            "--file".as_ref(),
            file.as_os_str(),
            "--passphrase-file".as_ref(),
            pass.as_os_str(),
        ];
        let reported = kill_save_loop(&args, run).max(last_seen);
        for (p, bytes) in files_with_bytes(dir.path()) {
            // Every entry of the loop holds these words.
            if !plain_allowed(&p) && (contains(&bytes, "mentor ") || contains(&bytes, "plan ")) {
                plain += 1;
                eprintln!("plain text in {}", p.display());
            }
        }
        match Store::open(&file) {
            Ok((store, wb)) => {
                if store.generation() < reported {
                    rollbacks += 1;
                }
                last_seen = store.generation();
                let saved = mentorbook::testing::save_loop_state(last_seen);
                assert_eq!(wb.title, saved.title);
                assert_eq!(wb.journal.len(), saved.journal.len());
            }
            Err(e) => {
                corrupt += 1;
                eprintln!("damaged after a kill: {e}");
            }
        }
    }
    eprintln!(
        "kill -9 during encrypted saves: {kills} kills, {corrupt} corrupt, {rollbacks} rolled \
         back, {plain} files with plain text; last generation {last_seen}"
    );
    assert_eq!((corrupt, rollbacks, plain), (0, 0, 0));
    assert!(last_seen > 10, "the loop got to save ({last_seen} saves)");
}

fn mentorbook(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(cargo_bin!("mentorbook"));
    cmd.env("HOME", dir).env_remove("MENTORBOOK_FILE");
    cmd
}

/// A wrong passphrase, a passphrase file others can read, a damaged or cut-short file and a
/// missing key: each is a clear message and exit 1, and not a byte on disk changes.
#[test]
fn refusals_say_why_exit_1_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("workbook.json");
    drop(encrypted(&path, &fixture()));
    let good = pass_file(dir.path(), PASS);
    let wrong = pass_file(dir.path(), "not the passphrase at all");
    let loose = dir.path().join("pass-loose");
    fs::write(&loose, PASS).unwrap();
    let run = |pass: &Path, args: &[&str], says: &str| {
        let before = files_with_bytes(dir.path());
        let out = mentorbook(dir.path())
            .arg("--file")
            .arg(&path)
            .arg("--passphrase-file")
            .arg(pass)
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(
            files_with_bytes(dir.path()),
            before,
            "{args:?} changed a file"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("Ana"));
    };
    run(&wrong, &["show", "plan"], "does not unlock");
    run(&wrong, &["check"], "does not unlock");
    run(
        &loose,
        &["export", "--format", "markdown"],
        "can be read by others",
    );
    // The app itself refuses before the terminal is touched.
    run(&wrong, &[], "does not unlock");
    mentorbook(dir.path())
        .arg("--file")
        .arg(&path)
        .arg("--passphrase-file")
        .arg(&good)
        .args(["check"])
        .assert()
        .success();

    // A byte changed in the middle of the plan, then the plan cut short.
    let plan = mentorbook::store::parts_dir(&path).join("plan.json");
    let original = fs::read(&plan).unwrap();
    let mut tampered = original.clone();
    let mid = tampered.len() / 2;
    tampered[mid] ^= 0x20;
    fs::write(&plan, &tampered).unwrap();
    run(&good, &["check"], "does not decrypt");
    run(&good, &[], "does not decrypt");
    fs::write(&plan, &original[..original.len() - 40]).unwrap();
    run(&good, &["show", "plan"], "does not decrypt");
    fs::write(&plan, &original).unwrap();

    // A public key that is not the key's: saves would seal files nobody could read.
    let recipient = crypt::recipient_path(&path);
    let kept = fs::read(&recipient).unwrap();
    let stranger = age::x25519::Identity::generate().to_public();
    fs::write(&recipient, format!("{stranger}\n")).unwrap();
    run(&good, &["show", "plan"], "do not belong together");
    fs::write(&recipient, kept).unwrap();

    // The key gone: nothing can be read, and the message says where it belongs.
    let key = crypt::key_path(&path);
    let kept = fs::read(&key).unwrap();
    fs::remove_file(&key).unwrap();
    run(&good, &["show", "plan"], "key");
    run(&good, &["decrypt"], "missing");
    fs::write(&key, kept).unwrap();
    mentorbook(dir.path())
        .arg("--file")
        .arg(&path)
        .arg("--passphrase-file")
        .arg(&good)
        .args(["show", "plan"])
        .assert()
        .success();
}

/// `encrypt` turns every file of a used workbook (backups, a conflict copy, a recovery
/// file, the partner view) into age files, leaving no plain copy under any name; `decrypt`
/// brings every one back, byte for byte the same content, and removes the key.
#[test]
fn encrypt_and_decrypt_convert_every_file_and_leave_no_plain_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("workbook.json");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let marker = format!("PLAIN-{}-zq", std::process::id());
    let mut wb = common::with_private_canaries(fixture(), &marker);
    {
        let (mut store, _) = Store::open(&path).unwrap();
        store.save(&wb, fixed_now()).unwrap();
        wb.title.push('!');
        store.save(&wb, fixed_now()).unwrap();
        store.write_recovery(&wb, fixed_now()).unwrap();
    }
    fs::write(
        path.with_file_name("workbook.conflict-20261124-091500.json"),
        mentorbook::store::encode(
            &mentorbook::store::encode_data(&wb),
            3,
            fixed_now().fixed_offset(),
        ),
    )
    .unwrap();
    let packet = mentorbook::store::encode_packet(&wb, fixed_now().fixed_offset());
    mentorbook::store::keep_partner(&path, &packet).unwrap();
    let files_before = mentorbook::store::workbook_files(&path);
    let plain_before: Vec<Vec<u8>> = files_before.iter().map(|f| fs::read(f).unwrap()).collect();
    assert!(files_before.len() >= 7, "{files_before:?}");
    let pass = pass_file(dir.path(), PASS);
    let out = mentorbook(dir.path())
        .env("MENTORBOOK_TEST_SCRYPT_LOG_N", "10")
        .arg("--file")
        .arg(&path)
        .arg("--passphrase-file")
        .arg(&pass)
        .arg("encrypt")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("age -d"), "{said}");
    for (p, bytes) in files_with_bytes(dir.path()) {
        assert!(!contains(&bytes, &marker), "{} is plain", p.display());
        assert!(
            plain_allowed(&p) || crypt::is_sealed(&bytes),
            "{}",
            p.display()
        );
    }
    assert_eq!(mentorbook::store::workbook_files(&path), files_before);
    for (f, plain) in files_before.iter().zip(&plain_before) {
        assert_eq!(&age_open(&path, f), plain, "{}", f.display());
    }
    let out = mentorbook(dir.path())
        .arg("--file")
        .arg(&path)
        .arg("--passphrase-file")
        .arg(&pass)
        .arg("decrypt")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!crypt::is_encrypted(&path));
    for (f, plain) in files_before.iter().zip(&plain_before) {
        assert_eq!(&fs::read(f).unwrap(), plain, "{}", f.display());
    }
}

/// An `encrypt` killed half way (the marker left, some files still plain) is finished by
/// the next open, before anything else happens.
#[test]
fn an_encrypt_cut_short_is_finished_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    let marker = format!("HALF-{}-zq", std::process::id());
    let wb = common::with_private_canaries(fixture(), &marker);
    drop(encrypted(&path, &wb));
    // As if killed before the plan was rewritten: the plan plain again, the marker there.
    let plan = mentorbook::store::parts_dir(&path).join("plan.json");
    fs::write(&plan, crypt::read(&plan).unwrap()).unwrap();
    fs::write(crypt::marker_path(&path), b"").unwrap();
    assert!(contains(&fs::read(&plan).unwrap(), &marker));
    let (_, back) = Store::open(&path).unwrap();
    assert!(crypt::file_is_sealed(&plan));
    assert!(!crypt::marker_path(&path).exists());
    assert_eq!(back.self_reflection.why, wb.self_reflection.why);
}

/// Every command reads an encrypted workbook given the passphrase: show, export, check,
/// due, share, partner, list (which names it without asking), and git's merge driver with
/// %P, whose result is sealed again.
#[test]
fn every_command_works_on_an_encrypted_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join(".local/share/mentorbook");
    let path = data.join("workbooks/ana/workbook.json");
    drop(encrypted(&path, &fixture()));
    let pass = pass_file(dir.path(), PASS);
    let run = |args: &[&str]| {
        let out = mentorbook(dir.path())
            .args(["--workbook", "ana", "--passphrase-file"])
            .arg(&pass)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let wb = fixture();
    for (args, expect) in [
        (vec!["show", "plan"], wb.goals[0].title.as_str()),
        (
            vec!["export", "--format", "markdown"],
            wb.goals[0].title.as_str(),
        ),
        (vec!["check"], "fine"),
        (vec!["share"], "mentorbook-share"),
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(out.contains(expect), "{args:?}: {out}");
    }
    let (code, _, err) = run(&["due"]);
    assert!(matches!(code, Some(0 | 1)), "due: {err}");
    // `list` reads no secret: it names the encrypted workbook as such.
    let out = mentorbook(dir.path()).arg("list").output().unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("ana") && listed.contains("(encrypted)"),
        "{listed}"
    );
    // A packet from the partner kept as the partner view: sealed on disk.
    let packet = dir.path().join("packet.json");
    fs::write(
        &packet,
        mentorbook::store::encode_packet(
            &Workbook {
                id: mentorbook::store::new_workbook_id(),
                ..fixture()
            },
            fixed_now().fixed_offset(),
        ),
    )
    .unwrap();
    let (code, _, err) = run(&["partner", packet.to_str().unwrap()]);
    assert_eq!(code, Some(0), "partner: {err}");
    assert!(crypt::file_is_sealed(&mentorbook::store::partner_path(
        &path
    )));
    // git's merge driver on three sealed copies of the plan.
    let plan = mentorbook::store::parts_dir(&path).join("plan.json");
    let (base, ours, theirs) = (
        dir.path().join("O"),
        dir.path().join("A"),
        dir.path().join("B"),
    );
    for p in [&base, &ours, &theirs] {
        fs::copy(&plan, p).unwrap();
    }
    let out = mentorbook(dir.path())
        .arg("--passphrase-file")
        .arg(&pass)
        .arg("merge")
        .args([&base, &ours, &theirs, &plan])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        crypt::file_is_sealed(&ours),
        "the merged file is sealed again"
    );
    assert!(contains(&age_open(&path, &ours), &wb.goals[0].title));
    // Without %P the driver cannot know the key: it says so and leaves OURS alone.
    let out = mentorbook(dir.path())
        .arg("merge")
        .args([&base, &ours, &theirs])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("%P"));
}

/// `new NAME --encrypted` asks the passphrase before making anything, and the workbook's
/// first file on disk is already an age file.
#[test]
fn new_encrypted_starts_a_workbook_sealed_from_its_first_file() {
    let home = tempfile::tempdir().unwrap();
    let pass = pass_file(home.path(), PASS);
    // A passphrase that cannot be read: refused before anything is made.
    let out = mentorbook(home.path())
        .args([
            "--passphrase-file",
            "/nonexistent/pass",
            "new",
            "ben",
            "--encrypted",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let path = home
        .path()
        .join(".local/share/mentorbook/workbooks/ben/workbook.json");
    assert!(!path.exists(), "a refused new left a workbook");
    let out = mentorbook(home.path())
        .env("MENTORBOOK_TEST_SCRYPT_LOG_N", "10")
        .arg("--passphrase-file")
        .arg(&pass)
        .args(["new", "ben", "--encrypted"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(crypt::is_encrypted(&path));
    let files = mentorbook::store::workbook_files(&path);
    assert!(!files.is_empty());
    for f in files {
        assert!(crypt::file_is_sealed(&f), "{} is plain", f.display());
    }
    let listed = mentorbook(home.path()).arg("list").output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("(encrypted)"));
}
