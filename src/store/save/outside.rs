//! Another program's changes: a save never writes over a file someone else changed since
//! we read or wrote it; our version goes to a conflict copy beside it instead.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use super::super::crypt;
use super::super::files::write_sealed;
use super::super::{Known, SaveError, encode, encode_data, fingerprint, stamp_of};
use super::SaveJob;
use crate::model::Workbook;

impl SaveJob {
    /// Whether another program changed the workbook since we last read or wrote it: its
    /// file (the manifest, or a whole workbook) differs, by more than a touch. A deleted one
    /// is not someone else's version: it is written again, with a note to say so.
    pub(super) fn outside_change(&self) -> Result<Option<&'static str>, ()> {
        let known = (self.disk.files.get("").copied()).unwrap_or(Known {
            stamp: None,
            print: None,
        });
        match (known.stamp, stamp_of(&self.path)) {
            (None, None) => Ok(None),
            // Not there when we looked, there now: someone else made it.
            (None, Some(_)) => Err(()),
            (Some(_), None) => Ok(Some(
                "The workbook file had been deleted by another program; saved it again.",
            )),
            (Some(a), Some(b)) if a == b => Ok(None),
            // Touched or copied back unchanged: the content is still what we know.
            (Some(_), Some(_)) => match (known.print, crypt::read(&self.path)) {
                (Some(print), Ok(bytes)) if fingerprint(&bytes) == print => Ok(None),
                _ => Err(()),
            },
        }
    }

    /// Whether the part `file` differs from what we last read or wrote of it, by more than a
    /// touch. A part we never saw, or one deleted since, is not someone else's.
    pub(super) fn part_changed_outside(&self, file: &str) -> bool {
        let Some(known) = self.disk.files.get(file) else {
            return false;
        };
        let path = self.parts.join(file);
        match stamp_of(&path) {
            None => false,
            Some(now) if Some(now) == known.stamp => false,
            Some(_) => !matches!(
                (known.print, crypt::read(&path)),
                (Some(print), Ok(bytes)) if fingerprint(&bytes) == print
            ),
        }
    }

    /// Writes our version beside the workbook that someone else changed, as one whole file
    /// (it opens with `--file`), and says where.
    pub(super) fn keep_conflict(
        &self,
        workbook: &Workbook,
        copy: PathBuf,
        now: DateTime<Local>,
    ) -> SaveError {
        let written = self.complete(workbook).and_then(|whole| {
            let bytes = encode(
                &encode_data(&whole),
                self.generation + 1,
                now.fixed_offset(),
            );
            write_sealed(&self.dir, &copy, &bytes, self.seal.as_ref())
        });
        let (error, conflict) = match written {
            Ok(()) => (io::Error::other("changed by another program"), Some(copy)),
            // No copy to point at: the next save tries again.
            Err(e) => (e, None),
        };
        SaveError {
            step: "saving a copy",
            error,
            conflict,
            landed: None,
            unsettled: false,
        }
    }

    /// The workbook with the months still unread taken from disk as they are, and every
    /// head given its whole text (for a copy that must stand on its own). Fails if a month
    /// it needs cannot be read: a copy with texts cut short must never be written.
    pub(in crate::store) fn complete(&self, workbook: &Workbook) -> io::Result<Workbook> {
        let mut whole = workbook.clone();
        let Some(manifest) = &self.disk.manifest else {
            return Ok(whole);
        };
        let with_heads = whole.journal.months_with_heads();
        for m in &manifest.journal {
            let unread = whole.journal.is_unread(m.month);
            if !unread && !with_heads.contains(&m.month) {
                continue;
            }
            match super::super::load::read_month(&self.parts, m) {
                Ok((entries, _)) if unread => {
                    whole.journal.take_in(m.month, entries);
                }
                Ok((entries, _)) => {
                    whole.journal.fill(m.month, &entries);
                }
                // A month that cannot be read stays out of a copy, as it stays out of saves;
                // a head that cannot be filled is not written cut short.
                Err(_) if unread => {}
                Err(e) => return Err(io::Error::other(e.to_string())),
            }
        }
        if whole.journal.has_heads() {
            return Err(io::Error::other("a journal entry's text could not be read"));
        }
        Ok(whole)
    }
}

/// `workbook.conflict-20261124-091502.json` beside `workbook.json`.
pub(super) fn conflict_name(path: &Path, now: DateTime<Local>) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    super::super::dir_of(path).join(format!(
        "{stem}.conflict-{}.json",
        now.format("%Y%m%d-%H%M%S")
    ))
}
