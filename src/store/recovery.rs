//! Recovery files: the workbook written whole to `recovery/` beside it when a save cannot
//! be trusted (a crash, a failed save on quitting), offered at the next start, and set
//! aside in `backups/` once answered.

use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use super::{Store, backup, encode, encode_data, files};
use crate::model::Workbook;

impl Store {
    /// Writes the workbook to `recovery/` beside it (never over it), as one whole file, for
    /// a crash: the months not read yet come from disk as they are.
    pub fn write_recovery(&self, workbook: &Workbook, now: DateTime<Local>) -> io::Result<PathBuf> {
        let dir = self.dir.join("recovery");
        if !dir.exists() {
            DirBuilder::new().mode(0o700).create(&dir)?;
        }
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        let target = dir.join(format!("{stem}-{}.json", now.format("%Y%m%d-%H%M%S")));
        let whole = self.job().complete(workbook)?;
        let bytes = encode(&encode_data(&whole), self.generation, now.fixed_offset());
        files::write_sealed(&dir, &target, &bytes, self.seal.as_ref())?;
        Ok(target)
    }

    /// Recovery files left for this workbook by a crash, oldest first.
    pub fn recoveries(&self) -> Vec<PathBuf> {
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        backup::stamped(&self.dir.join("recovery"), &stem)
    }

    /// Keeps the workbook file as it is now in `backups/`, before a recovery replaces it.
    pub fn keep_before_restore(&self, now: DateTime<Local>) -> io::Result<()> {
        backup::keep_named(&self.dir, &self.path, "pre-restore", now)
    }

    /// Sets a recovery file aside in `backups/` (declined, or taken in and saved).
    pub fn retire_recovery(&self, recovery: &Path) -> io::Result<()> {
        backup::retire(&self.dir, recovery)
    }
}
