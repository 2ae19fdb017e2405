//! Encryption at rest, in the standard age format (the `age` crate, rage's library), so the
//! `age` and `rage` command lines can always read a workbook without mentorbook.
//!
//! An encrypted workbook has a key of its own: an X25519 identity, kept beside it as
//! `<stem>.key.age`, encrypted with the person's passphrase (age's scrypt recipient), and its
//! public half as `<stem>.recipient`. Every file of the workbook (manifest, parts, backups,
//! conflict copies, recovery files, the partner view, jotted entries) is encrypted to that
//! recipient, which needs no secret: saves cost one X25519 exchange each, and `jot` writes
//! without a passphrase. Reading needs the identity, unlocked once per process with the
//! passphrase and kept here until the process ends.
//!
//! Reading is transparent: a file that starts with age's header is decrypted with an
//! unlocked identity, any other is taken as it is (a workbook part way through `encrypt`).

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use zeroize::Zeroizing;

/// How every age file starts.
pub const MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// The public key files of an encrypted workbook are encrypted to.
pub type Recipient = Arc<x25519::Recipient>;

/// The identities unlocked in this process. A process-wide keyring, like an agent's: every
/// read of any file of an unlocked workbook needs it, and a passphrase is asked once.
static UNLOCKED: RwLock<Vec<x25519::Identity>> = RwLock::new(Vec::new());

/// Whether `bytes` are an age file.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn beside(workbook: &Path, ending: &str) -> PathBuf {
    let stem = workbook.file_stem().unwrap_or_default().to_string_lossy();
    super::dir_of(workbook).join(format!("{stem}.{ending}"))
}

/// `workbook.key.age`: the workbook's identity, encrypted with the passphrase.
pub fn key_path(workbook: &Path) -> PathBuf {
    beside(workbook, "key.age")
}

/// `workbook.recipient`: the identity's public half (`age1…`), readable without a secret.
pub fn recipient_path(workbook: &Path) -> PathBuf {
    beside(workbook, "recipient")
}

/// `workbook.encrypting`: there while `encrypt` converts files, so an interrupted one is
/// finished by the next open.
pub fn marker_path(workbook: &Path) -> PathBuf {
    beside(workbook, "encrypting")
}

/// Whether the workbook at `workbook` is encrypted (its key or its recipient is there).
pub fn is_encrypted(workbook: &Path) -> bool {
    let workbook = super::resolve_link(workbook);
    key_path(&workbook).exists() || recipient_path(&workbook).exists()
}

/// The recipient of an encrypted workbook, `None` for a plain one.
pub fn recipient_of(workbook: &Path) -> io::Result<Option<Recipient>> {
    let path = recipient_path(workbook);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if key_path(workbook).exists() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "{} is missing: `mentorbook decrypt` (with the passphrase) writes the \
                         workbook back in plain files",
                        path.display()
                    ),
                ));
            }
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let recipient = text.trim().parse::<x25519::Recipient>().map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{} is not an age public key: {e}", path.display()),
        )
    })?;
    Ok(Some(Arc::new(recipient)))
}

/// Whether an identity for `recipient` is unlocked in this process.
pub fn unlocked(recipient: &x25519::Recipient) -> bool {
    let keys = UNLOCKED.read().unwrap_or_else(|e| e.into_inner());
    keys.iter().any(|k| &k.to_public() == recipient)
}

/// Why a workbook did not unlock.
#[derive(Debug)]
pub enum UnlockError {
    /// The passphrase does not open the key.
    Wrong,
    /// Anything else: the key file missing, damaged, or not this workbook's.
    Other(String),
}

impl std::fmt::Display for UnlockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnlockError::Wrong => write!(f, "that passphrase does not unlock this workbook"),
            UnlockError::Other(why) => write!(f, "{why}"),
        }
    }
}

/// The largest scrypt work factor a key file may ask for (2^22: a few seconds, 4 GiB at
/// most): a planted key file cannot make the unlock run for hours.
const MAX_WORK: u8 = 22;

/// Unlocks the workbook's identity with `passphrase` for the rest of the process. Checks
/// that the key is the one its recipient file names (files written to another key would be
/// unreadable to this person).
pub fn unlock(workbook: &Path, passphrase: &SecretString) -> Result<(), UnlockError> {
    let workbook = super::resolve_link(workbook);
    let other = |why: String| UnlockError::Other(why);
    let recipient = recipient_of(&workbook)
        .map_err(|e| other(e.to_string()))?
        .ok_or_else(|| other(format!("{} is not encrypted", workbook.display())))?;
    if unlocked(&recipient) {
        return Ok(());
    }
    let path = key_path(&workbook);
    let sealed = std::fs::read(&path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => other(format!(
            "the workbook's key {} is missing: without it nothing can be read. Put it back \
             from where you keep a copy (a backup of the folder).",
            path.display()
        )),
        _ => other(format!("cannot read {}: {e}", path.display())),
    })?;
    let mut identity = age::scrypt::Identity::new(passphrase.clone());
    identity.set_max_work_factor(MAX_WORK);
    let decryptor = age::Decryptor::new_buffered(&sealed[..])
        .map_err(|e| other(format!("{} is not an age file: {e}", path.display())))?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                UnlockError::Wrong
            }
            e => other(format!("{} does not decrypt: {e}", path.display())),
        })?;
    let mut text = Zeroizing::new(String::new());
    reader
        .read_to_string(&mut text)
        .map_err(|e| other(format!("{} is damaged: {e}", path.display())))?;
    let line = (text.lines())
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .ok_or_else(|| other(format!("{} holds no age identity", path.display())))?;
    let key: x25519::Identity = line
        .parse()
        .map_err(|e| other(format!("{} holds no usable identity: {e}", path.display())))?;
    if key.to_public() != *recipient {
        return Err(other(format!(
            "{} and {} do not belong together: files would be written to a key that cannot \
             read them. Put back the recipient file that came with the key.",
            path.display(),
            recipient_path(&workbook).display()
        )));
    }
    UNLOCKED
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .push(key);
    Ok(())
}

/// Forgets every unlocked identity (their secrets are wiped as they drop).
pub fn forget_all() {
    UNLOCKED.write().unwrap_or_else(|e| e.into_inner()).clear();
}

/// `bytes` as they were before sealing: decrypted with an unlocked identity when they are an
/// age file, as they are when not. `path` only names the file in errors.
pub fn open_bytes(path: &Path, bytes: Vec<u8>) -> io::Result<Vec<u8>> {
    if !is_sealed(&bytes) {
        return Ok(bytes);
    }
    let keys = UNLOCKED.read().unwrap_or_else(|e| e.into_inner());
    let damaged = |e: &dyn std::fmt::Display| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} does not decrypt ({e}): it was damaged or changed after it was written",
                path.display()
            ),
        )
    };
    let decryptor = age::Decryptor::new_buffered(&bytes[..]).map_err(|e| damaged(&e))?;
    let mut reader = decryptor
        .decrypt(keys.iter().map(|k| k as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "{} is encrypted to a key that is not unlocked (the passphrase was not \
                     given, or the file belongs to another workbook)",
                    path.display()
                ),
            ),
            e => damaged(&e),
        })?;
    let mut plain = Vec::with_capacity(bytes.len());
    reader.read_to_end(&mut plain).map_err(|e| damaged(&e))?;
    Ok(plain)
}

/// Reads a file of a workbook, decrypting it if it is sealed.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    open_bytes(path, std::fs::read(path)?)
}

/// The first `n` bytes of a file's plain content (at most: fewer if it is shorter).
pub fn head(path: &Path, n: usize) -> Option<Vec<u8>> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut start = vec![0; MAGIC.len()];
    let got = read_up_to(&mut file, &mut start).ok()?;
    start.truncate(got);
    if !is_sealed(&start) {
        let mut rest = Vec::new();
        file.take(n.saturating_sub(got) as u64)
            .read_to_end(&mut rest)
            .ok()?;
        start.extend(rest);
        start.truncate(n);
        return Some(start);
    }
    let mut plain = read(path).ok()?;
    plain.truncate(n);
    Some(plain)
}

fn read_up_to(file: &mut std::fs::File, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match file.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// `bytes` encrypted to `recipient` (an age file), or as they are without one.
pub fn seal<'a>(recipient: Option<&Recipient>, bytes: &'a [u8]) -> io::Result<Cow<'a, [u8]>> {
    let Some(recipient) = recipient else {
        return Ok(Cow::Borrowed(bytes));
    };
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&**recipient as &dyn age::Recipient))
            .map_err(io::Error::other)?;
    let mut out = Vec::with_capacity(bytes.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(bytes)?;
    writer.finish()?;
    Ok(Cow::Owned(out))
}

/// For tests: the scrypt work factor of keys made from now on (0: age's own choice).
#[cfg(feature = "test-hooks")]
pub static TEST_WORK_FACTOR: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The scrypt work factor for a new key: age's own choice (about a second on this machine)
/// unless a test build is told otherwise (`MENTORBOOK_TEST_SCRYPT_LOG_N`, or
/// [`TEST_WORK_FACTOR`] in process), so that hundreds of test starts do not each take a
/// second. Unlocking costs what the key file says, so those keys unlock fast too.
fn work_factor() -> Option<u8> {
    #[cfg(feature = "test-hooks")]
    {
        let set = TEST_WORK_FACTOR.load(std::sync::atomic::Ordering::Relaxed);
        let env = std::env::var("MENTORBOOK_TEST_SCRYPT_LOG_N").ok();
        if let Some(n) = (set > 0)
            .then_some(set)
            .or(env.and_then(|v| v.parse().ok()))
        {
            return Some(n);
        }
    }
    None
}

/// Makes a new key for the workbook: the identity, sealed with `passphrase`, and its
/// recipient, both written beside it (private, atomically; the key first). Unlocks it.
pub fn create(workbook: &Path, passphrase: &SecretString) -> io::Result<Recipient> {
    let workbook = super::resolve_link(workbook);
    let dir = super::dir_of(&workbook);
    let identity = x25519::Identity::generate();
    let recipient = identity.to_public();
    let text = Zeroizing::new(format!(
        "# mentorbook workbook key, created {}\n# public key: {recipient}\n{}\n",
        chrono::Local::now().format("%Y-%m-%d"),
        identity.to_string().expose_secret()
    ));
    let mut by_passphrase = age::scrypt::Recipient::new(passphrase.clone());
    if let Some(n) = work_factor() {
        by_passphrase.set_work_factor(n);
    }
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&by_passphrase as &dyn age::Recipient))
            .map_err(io::Error::other)?;
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed)?;
    writer.write_all(text.as_bytes())?;
    writer.finish()?;
    super::files::write_private(&dir, &key_path(&workbook), &sealed)?;
    super::files::write_private(
        &dir,
        &recipient_path(&workbook),
        format!("{recipient}\n").as_bytes(),
    )?;
    UNLOCKED
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .push(identity);
    Ok(Arc::new(recipient))
}

/// Whether a file's content on disk is sealed (its first bytes are age's header).
pub fn file_is_sealed(path: &Path) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut start = vec![0; MAGIC.len()];
    read_up_to(&mut file, &mut start).is_ok_and(|n| n == MAGIC.len()) && is_sealed(&start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_bytes_open_only_with_the_key_and_plain_bytes_pass() {
        let dir = tempfile::tempdir().unwrap();
        let wb = dir.path().join("workbook.json");
        let pass = SecretString::from("correct horse".to_string());
        TEST_WORK_FACTOR.store(10, std::sync::atomic::Ordering::Relaxed);
        let recipient = create(&wb, &pass).unwrap();
        let sealed = seal(Some(&recipient), b"canary").unwrap().into_owned();
        assert!(is_sealed(&sealed));
        assert!(!sealed.windows(6).any(|w| w == b"canary"));
        assert_eq!(open_bytes(&wb, sealed.clone()).unwrap(), b"canary");
        assert_eq!(open_bytes(&wb, b"plain".to_vec()).unwrap(), b"plain");
        let mut bad = sealed;
        let last = bad.len() - 1;
        bad[last] ^= 1;
        let e = open_bytes(&wb, bad).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
    }
}
