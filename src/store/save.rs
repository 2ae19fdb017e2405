//! A save, detached from the store so it can run on its own thread: encode, compare with
//! what is on disk, notice another program's change (a conflict copy instead), write the
//! temporary file, flush it, read it back, keep a backup, rename, flush the folder.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
#[cfg(feature = "test-hooks")]
use std::sync::Arc;

use chrono::{DateTime, Local};

use super::files::{dir_of, sync_dir, write_private};
use super::{SaveError, Stamp, backup, encode, encode_data, envelope, fingerprint, stamp_of};
use crate::model::Workbook;

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
    pub(super) fn words(self) -> &'static str {
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
/// an error there fails the save as if the step had. Tests also damage the file here. A
/// test hook: only in builds with the `test-hooks` feature (`cargo test` turns it on).
#[cfg(feature = "test-hooks")]
#[derive(Clone)]
#[allow(clippy::type_complexity)]
pub struct Faults(pub Arc<dyn Fn(SaveStep, &Path) -> io::Result<()> + Send + Sync>);

#[cfg(feature = "test-hooks")]
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

/// A save, detached from the store (see [`Store::job`]).
#[derive(Debug, Clone)]
pub struct SaveJob {
    pub(super) path: PathBuf,
    pub(super) dir: PathBuf,
    pub(super) generation: u64,
    pub(super) last: Option<(u64, usize)>,
    pub(super) disk: Option<Stamp>,
    pub(super) conflict: Option<PathBuf>,
    #[cfg(feature = "test-hooks")]
    pub(super) faults: Option<Faults>,
}

/// What a finished [`SaveJob`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveDone {
    pub saved: Saved,
    /// Something the user should know although the save worked.
    pub note: Option<&'static str>,
    pub(super) generation: u64,
    pub(super) last: (u64, usize),
    pub(super) disk: Option<Stamp>,
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

    /// Where a test may make a step fail (a no-op without the `test-hooks` feature).
    #[cfg_attr(not(feature = "test-hooks"), allow(unused_variables))]
    fn step(&self, step: SaveStep, at: &Path) -> Result<(), SaveError> {
        #[cfg(feature = "test-hooks")]
        if let Some(f) = &self.faults {
            return (f.0)(step, at).map_err(|e| SaveError::new(step.words(), e));
        }
        Ok(())
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
