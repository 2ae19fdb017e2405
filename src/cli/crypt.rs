//! Passphrases and the commands that turn encryption on and off (`encrypt`, `decrypt`,
//! `new --encrypted`). A passphrase is asked on the terminal (`/dev/tty`, never echoed),
//! before any interface starts, or read from `--passphrase-file` (0600) for scripts; it is
//! never taken from the arguments or the environment, and is wiped from memory once used.

use std::path::Path;

use age::secrecy::{ExposeSecret, SecretString};
use chrono::{DateTime, Local};
use zeroize::Zeroizing;

use super::{Cli, target};
use crate::store::{Store, crypt};

/// Wrong passphrases allowed before giving up.
const TRIES: usize = 3;

/// The passphrase in `--passphrase-file`: its first line. A file others can read is refused,
/// as ssh refuses a key anyone can read.
fn from_file(path: &Path) -> Result<SecretString, String> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(format!(
            "{} can be read by others (mode {mode:o}): make it private with chmod 600",
            path.display()
        ));
    }
    let text = Zeroizing::new(
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
    );
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(format!("{} holds no passphrase", path.display()));
    }
    Ok(SecretString::from(line.to_string()))
}

/// Asks on the terminal, without echo.
fn ask(prompt: &str) -> Result<SecretString, String> {
    rpassword::prompt_password(prompt)
        .map(SecretString::from)
        .map_err(|e| format!("cannot ask for the passphrase on the terminal ({e})"))
}

fn no_terminal(path: &Path) -> String {
    format!(
        "{} is encrypted and there is no terminal to ask for its passphrase: \
         use --passphrase-file FILE (mode 0600)",
        path.display()
    )
}

/// Whether a terminal is there to ask on.
fn terminal() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_ok()
}

/// Unlocks the workbook at `path` for this process if it is encrypted: the passphrase from
/// `--passphrase-file`, or asked on the terminal (three tries). Nothing else is touched.
pub fn unlock(cli: &Cli, path: &Path) -> Result<(), String> {
    if !crypt::is_encrypted(path) {
        return Ok(());
    }
    let recipient = crypt::recipient_of(path).map_err(|e| e.to_string())?;
    if recipient.as_deref().is_some_and(crypt::unlocked) {
        return Ok(());
    }
    if let Some(file) = &cli.passphrase_file {
        let pass = from_file(file)?;
        return crypt::unlock(path, &pass).map_err(|e| format!("{}: {e}", path.display()));
    }
    if !terminal() {
        return Err(no_terminal(path));
    }
    let name = path.display();
    for attempt in 1..=TRIES {
        let pass = ask(&format!("Passphrase for {name}: "))?;
        match crypt::unlock(path, &pass) {
            Ok(()) => return Ok(()),
            Err(crypt::UnlockError::Wrong) if attempt < TRIES => {
                super::say("That passphrase does not unlock it; try again.");
            }
            Err(crypt::UnlockError::Wrong) => {}
            Err(e) => return Err(format!("{name}: {e}")),
        }
    }
    Err(format!(
        "{TRIES} wrong passphrases for {name}: nothing was opened or changed"
    ))
}

/// A new passphrase: from `--passphrase-file`, or asked twice on the terminal.
pub(super) fn new_passphrase(cli: &Cli) -> Result<SecretString, String> {
    if let Some(file) = &cli.passphrase_file {
        return from_file(file);
    }
    if !terminal() {
        return Err(
            "a new passphrase is asked on the terminal: there is none here \
                    (use --passphrase-file FILE, mode 0600)"
                .into(),
        );
    }
    for _ in 0..TRIES {
        let first = ask("New passphrase (it cannot be recovered: keep it safe): ")?;
        if first.expose_secret().chars().count() < 8 {
            super::say("Use at least 8 characters.");
            continue;
        }
        let again = ask("The same passphrase again: ")?;
        if again.expose_secret() == first.expose_secret() {
            return Ok(first);
        }
        super::say("The two differ; once more.");
    }
    Err("no passphrase was set: nothing was changed".into())
}

/// How to read the workbook without mentorbook, with the standard `age` tool.
fn escape_route(path: &Path) -> String {
    let key = crypt::key_path(path);
    format!(
        "Without mentorbook, the standard age tool reads every file:\n  \
         age -d -o key.txt {}   (asks the passphrase)\n  \
         age -d -i key.txt {}\n",
        key.display(),
        path.display()
    )
}

/// Encrypts the workbook `--file`/`--workbook` name (finishing one cut short).
pub fn encrypt(cli: &Cli, now: DateTime<Local>) -> Result<String, String> {
    let path = target(cli)?;
    if !path.exists() {
        return Err(format!("there is no workbook at {} yet", path.display()));
    }
    if crypt::is_encrypted(&path) {
        let cut_short = crypt::marker_path(&path).exists();
        unlock(cli, &path)?;
        // Opening finishes an `encrypt` cut short.
        Store::open(&path).map_err(|e| e.to_string())?;
        return Ok(if cut_short {
            format!("Finished encrypting {}.\n", path.display())
        } else {
            format!("{} is encrypted already.\n", path.display())
        });
    }
    let (mut store, wb) = Store::open(&path).map_err(|e| e.to_string())?;
    let pass = new_passphrase(cli)?;
    let n = store.encrypt(&wb, &pass, now)?;
    Ok(format!(
        "Encrypted {} ({n} files).\n{}",
        path.display(),
        escape_route(&path)
    ))
}

/// Writes an encrypted workbook back in plain files and removes its key.
pub fn decrypt(cli: &Cli) -> Result<String, String> {
    let path = target(cli)?;
    if !crypt::is_encrypted(&path) {
        return Err(format!("{} is not encrypted", path.display()));
    }
    // A `decrypt` cut short after the key went: every file is plain already.
    if !crypt::key_path(&path).exists()
        && !crate::store::workbook_files(&path)
            .iter()
            .any(|f| crypt::file_is_sealed(f))
    {
        std::fs::remove_file(crypt::recipient_path(&path)).map_err(|e| e.to_string())?;
        return Ok(format!("Finished decrypting {}.\n", path.display()));
    }
    unlock(cli, &path)?;
    let (mut store, _) = Store::open(&path).map_err(|e| e.to_string())?;
    let n = store.decrypt()?;
    Ok(format!(
        "Decrypted {} ({n} files): it is in plain files again.\n",
        path.display()
    ))
}
