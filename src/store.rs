//! The only code that touches the file system: where the workbook lives, opening it under a
//! lock, and saving it atomically with rotated backups.

mod backup;
mod envelope;
mod error;
mod progressive;

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use chrono::{DateTime, Local};

use crate::model::Workbook;
pub use envelope::{DecodeError, Decoded, SCHEMA_VERSION, data_slice, decode, encode, encode_data};
pub use error::{OpenError, SaveError};
pub use progressive::PendingJournal;

/// The default workbook file: `<platform data dir>/mentorbook/workbook.json`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "mentorbook")
        .map(|d| d.data_local_dir().join("workbook.json"))
}

/// An open workbook file, locked against other instances for as long as this value lives.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    dir: PathBuf,
    /// Held for the session: the lock is released when the file is closed.
    _lock: File,
    generation: u64,
    /// Hash and length of the data last written (or read), to skip saves that change nothing.
    last: Option<(u64, usize)>,
    /// The file as we last read or wrote it, to notice another program changing it.
    disk: Option<Stamp>,
    /// Once the file was changed by another program, saves go to this copy instead.
    conflict: Option<PathBuf>,
    faults: Option<Faults>,
}

/// Size, modification time and inode of the workbook file: if any differs at save time,
/// someone else wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    ino: u64,
}

fn stamp_of(path: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::metadata(path).ok()?;
    Some(Stamp {
        len: m.len(),
        modified: m.modified().ok(),
        ino: m.ino(),
    })
}

/// The steps of a save, in order; tests make any one of them fail (see [`Store::inject_faults`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    Write,
    SyncFile,
    Verify,
    Backup,
    Rename,
    SyncDir,
}

impl SaveStep {
    pub const ALL: [SaveStep; 7] = [
        SaveStep::CreateTemp,
        SaveStep::Write,
        SaveStep::SyncFile,
        SaveStep::Verify,
        SaveStep::Backup,
        SaveStep::Rename,
        SaveStep::SyncDir,
    ];

    /// Words for the status line.
    fn words(self) -> &'static str {
        match self {
            SaveStep::CreateTemp => "creating a temporary file",
            SaveStep::Write => "writing",
            SaveStep::SyncFile => "flushing to disk",
            SaveStep::Verify => "checking what was written",
            SaveStep::Backup => "keeping a backup",
            SaveStep::Rename => "replacing the file",
            SaveStep::SyncDir => "flushing the folder",
        }
    }
}

/// Called before each step of a save with the temporary file (the folder before it exists);
/// an error there fails the save as if the step had. Tests also damage the file here.
#[derive(Clone)]
#[allow(clippy::type_complexity)]
pub struct Faults(pub Arc<dyn Fn(SaveStep, &Path) -> io::Result<()> + Send + Sync>);

impl std::fmt::Debug for Faults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Faults")
    }
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The file was replaced.
    Written,
    /// Nothing had changed since the last save; the file was left alone.
    Unchanged,
}

impl Store {
    /// Locks and reads the workbook at `path`. A missing file gives an empty workbook (created
    /// on the first save). A file that cannot be read is never touched: the error says why.
    pub fn open(path: &Path) -> Result<(Store, Workbook), OpenError> {
        let (store, mut workbook, pending) = Store::open_progressive(path)?;
        if let Some(journal) = pending {
            workbook.journal = journal.wait()?;
        }
        Ok((store, workbook))
    }

    /// Like [`Store::open`], but a large file's journal may still be on its way: the app can
    /// draw its first frame meanwhile, and must take the journal in (or its error) before it
    /// handles a key or saves.
    pub fn open_progressive(
        path: &Path,
    ) -> Result<(Store, Workbook, Option<PendingJournal>), OpenError> {
        let path = resolve_link(path);
        let file_name = path
            .file_name()
            .ok_or_else(|| OpenError::BadPath(path.clone()))?;
        let dir = dir_of(&path);
        if !dir.exists() {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dir)
                .map_err(|e| OpenError::Io(dir.clone(), e))?;
        }
        let lock_path = dir.join(Path::new(file_name).with_extension("lock"));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&lock_path)
            .map_err(|e| OpenError::Io(lock_path.clone(), e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(OpenError::Locked(path.clone())),
            Err(fs::TryLockError::Error(e)) => return Err(OpenError::Io(lock_path, e)),
        }
        sweep_temp_files(&dir, &file_name.to_string_lossy());
        // Files from an older version or copied in with a looser mode are made private.
        tighten(&lock_path);
        tighten(&path);

        let mut store = Store {
            path: path.clone(),
            dir,
            _lock: lock,
            generation: 0,
            last: None,
            // Taken before reading: a change in between shows as a conflict, never as ours.
            disk: stamp_of(&path),
            conflict: None,
            faults: None,
        };
        // For a large file `last` stays unknown: the first save compares with the file on
        // its own thread, so start-up does not re-encode or hash years of entries.
        let (decoded, pending) = match progressive::read(&path, decode_file) {
            Ok(progressive::Opened::Whole(d, print)) => {
                store.last = Some(print);
                (d, None)
            }
            Ok(progressive::Opened::Partial(d, journal)) => (d, Some(journal)),
            Err(OpenError::Io(_, e)) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((store, Workbook::default(), None));
            }
            Err(e) => return Err(e),
        };
        store.generation = decoded.generation;
        Ok((store, decoded.workbook, pending))
    }

    /// The workbook file this store writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder of the workbook file (the private data folder for the default one).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The number of successful saves ever made to this file.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Saves atomically: temp file in the same folder, fsync, keep the old file as a backup,
    /// rename over, fsync the folder. On any error the old file is untouched and no temp file
    /// is left; the caller keeps the workbook in memory and tries again later.
    pub fn save(&mut self, workbook: &Workbook, now: DateTime<Local>) -> Result<Saved, SaveError> {
        let done = self.job().run(workbook, now)?;
        self.finish(&done);
        Ok(done.saved)
    }

    /// What a save needs besides the workbook, so that it can run on another thread while the
    /// app goes on. Run one job at a time and hand its result to [`Store::finish`].
    pub fn job(&self) -> SaveJob {
        SaveJob {
            path: self.path.clone(),
            dir: self.dir.clone(),
            generation: self.generation,
            last: self.last,
            disk: self.disk,
            conflict: self.conflict.clone(),
            faults: self.faults.clone(),
        }
    }

    /// Takes in a finished job: the new generation and what is now on disk.
    pub fn finish(&mut self, done: &SaveDone) {
        self.generation = done.generation;
        self.last = Some(done.last);
        self.disk = done.disk;
    }

    /// Takes in a failed job: after a conflict, every later save goes to the same copy.
    pub fn failed(&mut self, error: &SaveError) {
        if let Some(copy) = &error.conflict {
            self.conflict = Some(copy.clone());
        }
        if let Some(done) = &error.landed {
            self.finish(done);
        }
    }

    /// The copy saves go to since another program changed the file, if that happened.
    pub fn conflict(&self) -> Option<&Path> {
        self.conflict.as_deref()
    }

    /// For tests: `faults` runs before each step of every later save and can fail it.
    pub fn inject_faults(&mut self, faults: Option<Faults>) {
        self.faults = faults;
    }
}

/// A save, detached from the store (see [`Store::job`]).
#[derive(Debug, Clone)]
pub struct SaveJob {
    path: PathBuf,
    dir: PathBuf,
    generation: u64,
    last: Option<(u64, usize)>,
    disk: Option<Stamp>,
    conflict: Option<PathBuf>,
    faults: Option<Faults>,
}

/// What a finished [`SaveJob`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveDone {
    pub saved: Saved,
    /// Something the user should know although the save worked.
    pub note: Option<&'static str>,
    generation: u64,
    last: (u64, usize),
    disk: Option<Stamp>,
}

impl SaveJob {
    /// Encodes and writes the workbook (see [`Store::save`]). Touches only files.
    pub fn run(self, workbook: &Workbook, now: DateTime<Local>) -> Result<SaveDone, SaveError> {
        let data = encode_data(workbook);
        let print = fingerprint(&data);
        if let Some(copy) = &self.conflict {
            return Err(self.keep_conflict(&data, copy.clone(), now));
        }
        let on_disk = stamp_of(&self.path);
        let mut note = None;
        let mut last = self.last;
        if on_disk != self.disk {
            match (self.disk, on_disk) {
                // Deleted by someone else: writing it again overwrites nothing.
                (Some(_), None) => {
                    note = Some(
                        "The workbook file had been deleted by another program; saved it again.",
                    );
                    last = None;
                }
                // Touched or copied back unchanged: the data is still what we know.
                (Some(_), Some(_)) if self.last.is_some() && self.data_on_disk() == self.last => {}
                _ => {
                    let copy = conflict_name(&self.path, now);
                    return Err(self.keep_conflict(&data, copy, now));
                }
            }
        }
        let last = last.or_else(|| self.data_on_disk());
        if last == Some(print) && on_disk.is_some() {
            return Ok(SaveDone {
                saved: Saved::Unchanged,
                note,
                generation: self.generation,
                last: print,
                disk: on_disk,
            });
        }
        let bytes = encode(&data, self.generation + 1, now.fixed_offset());
        if let Err(mut e) = self.write_atomically(&bytes, now) {
            // Failing after the rename (flushing the folder): the file is ours now, and the
            // next save must not take it for someone else's.
            if e.step == SaveStep::SyncDir.words() {
                e.landed = Some(Box::new(SaveDone {
                    saved: Saved::Written,
                    note: None,
                    generation: self.generation + 1,
                    // Matches no data: the next save writes again rather than trusting
                    // a file whose folder entry may not be on disk.
                    last: (0, 0),
                    disk: stamp_of(&self.path),
                }));
            }
            return Err(e);
        }
        Ok(SaveDone {
            saved: Saved::Written,
            note,
            generation: self.generation + 1,
            last: print,
            disk: stamp_of(&self.path),
        })
    }

    /// The fingerprint of the data in the file as it is now.
    fn data_on_disk(&self) -> Option<(u64, usize)> {
        let on_disk = fs::read(&self.path).ok()?;
        Some(fingerprint(envelope::data_slice(&on_disk)))
    }

    /// Writes our version beside the file that someone else changed, and says where.
    fn keep_conflict(&self, data: &[u8], copy: PathBuf, now: DateTime<Local>) -> SaveError {
        let bytes = encode(data, self.generation + 1, now.fixed_offset());
        let error = match write_private(&self.dir, &copy, &bytes) {
            Ok(()) => io::Error::other("changed by another program"),
            Err(e) => e,
        };
        SaveError {
            step: "saving a copy",
            error,
            conflict: Some(copy),
            landed: None,
        }
    }

    fn step(&self, step: SaveStep, at: &Path) -> Result<(), SaveError> {
        match &self.faults {
            Some(f) => (f.0)(step, at).map_err(|e| SaveError::new(step.words(), e)),
            None => Ok(()),
        }
    }

    fn write_atomically(&self, bytes: &[u8], now: DateTime<Local>) -> Result<(), SaveError> {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let failed = |step: SaveStep| move |e| SaveError::new(step.words(), e);
        self.step(SaveStep::CreateTemp, &self.dir)?;
        // tempfile creates the file 0600 whatever the umask, and removes it if dropped
        // before `persist`: a failed save leaves nothing behind.
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(failed(SaveStep::CreateTemp))?;
        let at = tmp.path().to_path_buf();
        self.step(SaveStep::Write, &at)?;
        tmp.write_all(bytes).map_err(failed(SaveStep::Write))?;
        self.step(SaveStep::SyncFile, &at)?;
        tmp.as_file()
            .sync_all()
            .map_err(failed(SaveStep::SyncFile))?;
        // Read it back before it replaces anything: a disk or file system that lost or
        // changed bytes fails the save here, with the old file still in place.
        self.step(SaveStep::Verify, &at)?;
        if fs::read(&at).map_err(failed(SaveStep::Verify))? != bytes {
            return Err(SaveError::new(
                SaveStep::Verify.words(),
                io::Error::other("the file read back differs from what was written"),
            ));
        }
        self.step(SaveStep::Backup, &at)?;
        backup::keep(&self.dir, &self.path, now).map_err(failed(SaveStep::Backup))?;
        // A save that more than halves the file (many entries deleted, or a bug) always
        // keeps the file as it was, whatever the ten-minute rotation already holds.
        let shrinks = fs::metadata(&self.path).is_ok_and(|m| m.len() / 2 > bytes.len() as u64);
        if shrinks {
            backup::keep_named(&self.dir, &self.path, "before-shrink", now)
                .map_err(failed(SaveStep::Backup))?;
        }
        self.step(SaveStep::Rename, &at)?;
        tmp.persist(&self.path)
            .map_err(|e| SaveError::new(SaveStep::Rename.words(), e.error))?;
        self.step(SaveStep::SyncDir, &self.dir)?;
        sync_dir(&self.dir).map_err(failed(SaveStep::SyncDir))?;
        Ok(())
    }
}

/// `workbook.conflict-20261124-091502.json` beside `workbook.json`.
fn conflict_name(path: &Path, now: DateTime<Local>) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    dir_of(path).join(format!(
        "{stem}.conflict-{}.json",
        now.format("%Y%m%d-%H%M%S")
    ))
}

/// Writes a whole file atomically and private (0600), beside its target: exports use it.
pub fn write_file_private(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_private(&dir_of(target), target, bytes)
}

/// Writes `bytes` to `target` atomically, 0600, through a temp file in `dir` named like the
/// target (so the start-up sweep finds it if a crash leaves it).
fn write_private(dir: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

impl Store {
    /// Writes the workbook to `recovery/` beside the file (never over it), for a crash.
    pub fn write_recovery(&self, workbook: &Workbook, now: DateTime<Local>) -> io::Result<PathBuf> {
        let dir = self.dir.join("recovery");
        if !dir.exists() {
            DirBuilder::new().mode(0o700).create(&dir)?;
        }
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        let target = dir.join(format!("{stem}-{}.json", now.format("%Y%m%d-%H%M%S")));
        let bytes = encode(&encode_data(workbook), self.generation, now.fixed_offset());
        write_private(&dir, &target, &bytes)?;
        Ok(target)
    }

    /// Recovery files left for this workbook by a crash, oldest first.
    pub fn recoveries(&self) -> Vec<PathBuf> {
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        backup::stamped(&self.dir.join("recovery"), &stem)
    }

    /// Keeps the file as it is now in `backups/`, before a recovery file replaces it.
    pub fn keep_before_restore(&self, now: DateTime<Local>) -> io::Result<()> {
        backup::keep_named(&self.dir, &self.path, "pre-restore", now)
    }

    /// Sets a recovery file aside in `backups/` (declined, or taken in and saved).
    pub fn retire_recovery(&self, recovery: &Path) -> io::Result<()> {
        backup::retire(&self.dir, recovery)
    }
}

/// Makes a file of ours private (0600) if it is looser. Errors are left to the save.
fn tighten(path: &Path) {
    if let Ok(meta) = fs::metadata(path)
        && meta.permissions().mode() & 0o077 != 0
    {
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o600));
    }
}

/// Makes the data folder private (0700) if it is looser; used for the default folder.
pub fn secure_dir(dir: &Path) -> io::Result<()> {
    let meta = fs::metadata(dir)?;
    if meta.permissions().mode() & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// The folder a workbook file lives in.
fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The careful read of a whole file: a damaged one is refused with where and why, and the
/// newest backup to fall back on.
fn decode_file(path: &Path, bytes: Vec<u8>) -> Result<Decoded, OpenError> {
    decode(&bytes).map_err(|e| OpenError::Decode {
        path: path.to_path_buf(),
        error: e,
        backup: backup::newest(&dir_of(path), path),
    })
}

/// Reads and decodes a workbook without locking or changing anything: for exports and
/// `check`. Saves replace the file by renaming, so a read never sees half a save.
pub fn read_only(path: &Path) -> Result<Decoded, OpenError> {
    let bytes = fs::read(path).map_err(|e| OpenError::Io(path.to_path_buf(), e))?;
    decode_file(path, bytes)
}

/// A symlinked workbook file is followed once, so saves replace the target and keep the link.
fn resolve_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

/// A hash and the length of encoded data, to notice a save that would change nothing.
pub(crate) fn fingerprint(data: &[u8]) -> (u64, usize) {
    let mut h = DefaultHasher::new();
    h.write(data);
    (h.finish(), data.len())
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Removes temp files left by a save (or a conflict, recovery or backup copy) that was
/// killed halfway: only names this workbook's saves use. Only called under the lock.
fn sweep_temp_files(dir: &Path, file_name: &str) {
    let stem = Path::new(file_name)
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let ours = |name: &str| {
        (name.starts_with(&format!(".{file_name}.")) && name.ends_with(".tmp"))
            || (name.starts_with(&format!(".{stem}.conflict-")) && name.ends_with(".tmp"))
            || (name.starts_with(&format!(".{stem}-")) && name.ends_with(".tmp"))
            || name == format!(".{stem}.partial")
    };
    for folder in [dir.to_path_buf(), dir.join("recovery"), dir.join("backups")] {
        for entry in fs::read_dir(folder).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if ours(&name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
