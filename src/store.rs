//! The only code that touches the file system: where the workbook lives, opening it under a
//! lock, and saving it atomically with rotated backups.

mod backup;
mod envelope;
mod error;
mod files;
mod progressive;
mod save;

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Local};

use crate::model::Workbook;
pub use envelope::{DecodeError, Decoded, SCHEMA_VERSION, data_slice, decode, encode, encode_data};
pub use error::{OpenError, SaveError};
use files::{dir_of, resolve_link, sweep_temp_files, tighten, write_private};
pub use files::{secure_dir, write_file_private};
pub use progressive::PendingJournal;
#[cfg(feature = "test-hooks")]
pub use save::Faults;
pub use save::{SaveDone, SaveJob, SaveStep, Saved};

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
    #[cfg(feature = "test-hooks")]
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
            #[cfg(feature = "test-hooks")]
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
            #[cfg(feature = "test-hooks")]
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
    #[cfg(feature = "test-hooks")]
    pub fn inject_faults(&mut self, faults: Option<Faults>) {
        self.faults = faults;
    }
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

/// A hash and the length of encoded data, to notice a save that would change nothing.
pub(crate) fn fingerprint(data: &[u8]) -> (u64, usize) {
    let mut h = DefaultHasher::new();
    h.write(data);
    (h.finish(), data.len())
}
