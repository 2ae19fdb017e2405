//! A save, detached from the store so it can run on its own thread. Only the parts that
//! changed are written: the plan if it differs from the one on disk, a month if its entries
//! are not the very ones last saved. Each goes to a temporary file, flushed and read back;
//! then each replaced part is renamed aside (`.prev`) and the new one into place, and the
//! manifest is renamed last: that rename is the save. A save cut short before it leaves the
//! previous workbook, put back by the next save or the next start (`load::settle`).

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Local};
use tempfile::NamedTempFile;

use super::envelope::{Kind, encode_as};
use super::files::sync_dir;
use super::parts::{
    Manifest, MonthRef, PLAN_FILE, PartRef, encode_manifest, encode_month, month_file,
};
#[cfg(feature = "test-hooks")]
pub use super::steps::Faults;
pub use super::steps::{SaveStep, Saved};
use super::{Known, OnDisk, SaveError, backup, encode_data, known_of};
use crate::model::{Journal, JournalEntry, Month, Workbook};

mod months;
mod outside;
use months::{by_month, same_entries};
use outside::conflict_name;

/// A save, detached from the store (see [`Store::job`]).
#[derive(Debug, Clone)]
pub struct SaveJob {
    pub(super) path: PathBuf,
    pub(super) dir: PathBuf,
    pub(super) parts: PathBuf,
    pub(super) generation: u64,
    pub(super) disk: Arc<OnDisk>,
    pub(super) conflict: Option<PathBuf>,
    pub(super) seal: Option<super::crypt::Recipient>,
    /// Inbox files taken in before this save: it holds their entries, so they go after it.
    pub(super) jotted: Vec<PathBuf>,
    #[cfg(feature = "test-hooks")]
    pub(super) faults: Option<Faults>,
}

/// What a finished [`SaveJob`] did.
#[derive(Debug, Clone)]
pub struct SaveDone {
    pub saved: Saved,
    /// Something the user should know although the save worked.
    pub note: Option<&'static str>,
    pub(super) generation: u64,
    pub(super) disk: Arc<OnDisk>,
    /// The inbox files this save removed (their entries are in it).
    pub(super) retired: Vec<PathBuf>,
}

/// A part to write: its file name in the parts folder and its bytes.
struct Part {
    file: String,
    bytes: Vec<u8>,
}

impl SaveJob {
    /// Writes what changed (see the module's description). Touches only files.
    pub fn run(self, workbook: &Workbook, now: DateTime<Local>) -> Result<SaveDone, SaveError> {
        if let Some(copy) = &self.conflict {
            return Err(self.keep_conflict(workbook, copy.clone(), now));
        }
        let note = match self.outside_change() {
            Ok(note) => note,
            Err(()) => {
                let copy = conflict_name(&self.path, now);
                return Err(self.keep_conflict(workbook, copy, now));
            }
        };
        let next_gen = self.generation + 1;
        let at = now.fixed_offset();
        let mut plan = workbook.clone();
        plan.journal = Journal::default();
        // The next id goes in the manifest (see `Manifest::next_id`).
        plan.next_id = 0;
        let mut writes = Vec::new();
        let plan_changed = self.disk.whole || self.disk.plan.as_deref() != Some(&plan);
        if plan_changed {
            let data = encode_data(&plan);
            writes.push(Part {
                file: PLAN_FILE.into(),
                bytes: encode_as(Kind::Plan, &data, next_gen, at),
            });
        }
        let (months, with_heads) = by_month(workbook);
        for (month, entries) in &months {
            let same =
                (self.disk.months.get(month)).is_some_and(|saved| same_entries(saved, entries));
            if self.disk.whole || !same {
                // Heads are written with their whole text, read from the month's file.
                let whole = match with_heads.get(month) {
                    Some(heads) => self.with_texts(*month, entries, heads)?,
                    None => entries.clone(),
                };
                writes.push(Part {
                    file: month_file(*month),
                    bytes: encode_month(*month, &whole, next_gen, at),
                });
            }
        }
        // Months read (or written) before and emptied since: their file goes.
        let gone: Vec<Month> = (self.disk.months.keys())
            .filter(|m| !months.contains_key(m) && !workbook.journal.is_unread(**m))
            .copied()
            .collect();
        // A part changed by another program since we read or wrote it is never written over.
        if writes.iter().any(|p| self.part_changed_outside(&p.file)) {
            let copy = conflict_name(&self.path, now);
            return Err(self.keep_conflict(workbook, copy, now));
        }
        let manifest_there = self.disk.manifest.is_some() && self.path.exists();
        let same_ids = (self.disk.manifest.as_ref()).is_some_and(|m| m.next_id == workbook.next_id);
        if writes.is_empty() && gone.is_empty() && manifest_there && same_ids && !self.disk.whole {
            super::inbox::retire(&self.jotted);
            return Ok(SaveDone {
                saved: Saved::Unchanged,
                note,
                generation: self.generation,
                disk: self.disk.clone(),
                retired: self.jotted.clone(),
            });
        }
        let manifest = self.next_manifest(next_gen, workbook.next_id, now, &writes, &months, &gone);
        let written = self.commit(&writes, &gone, &manifest, now)?;
        let mut disk = (*self.disk).clone();
        disk.whole = false;
        disk.unsettled = written.unsettled;
        if plan_changed {
            disk.plan = Some(Arc::new(plan));
        }
        for part in &writes {
            if let Some(month) = super::parts::month_of_file(&part.file) {
                disk.months.insert(month, months[&month].clone());
            }
        }
        for month in &gone {
            disk.months.remove(month);
            disk.files.remove(&month_file(*month));
        }
        disk.files.extend(written.files);
        disk.manifest = Some(manifest);
        super::inbox::retire(&self.jotted);
        Ok(SaveDone {
            saved: Saved::Written,
            note,
            generation: next_gen,
            disk: Arc::new(disk),
            retired: self.jotted.clone(),
        })
    }

    /// The manifest of this save: the plan and the months as they will be on disk.
    fn next_manifest(
        &self,
        next_gen: u64,
        next_id: u64,
        now: DateTime<Local>,
        writes: &[Part],
        months: &BTreeMap<Month, Vec<Arc<JournalEntry>>>,
        gone: &[Month],
    ) -> Manifest {
        let old = self.disk.manifest.as_ref();
        let wrote = |file: &str| writes.iter().any(|p| p.file == file);
        let plan = PartRef {
            file: PLAN_FILE.into(),
            generation: match old {
                Some(m) if !wrote(PLAN_FILE) => m.plan.generation,
                _ => next_gen,
            },
        };
        let mut refs: BTreeMap<Month, MonthRef> = old
            .map(|m| m.journal.iter().map(|r| (r.month, r.clone())).collect())
            .unwrap_or_default();
        for month in gone {
            refs.remove(month);
        }
        for (month, entries) in months {
            let file = month_file(*month);
            if wrote(&file) {
                refs.insert(
                    *month,
                    MonthRef {
                        month: *month,
                        generation: next_gen,
                        entries: entries.len(),
                    },
                );
            }
        }
        // The latest entry: of those read, or (while months are still on disk) the one the
        // last manifest named if it is in a month not read yet.
        let read = months.values().flatten().map(|e| e.at).max();
        let on_disk = old
            .and_then(|m| m.latest)
            .filter(|at| refs.contains_key(&Month::of(at)) && !months.contains_key(&Month::of(at)));
        let mut manifest = Manifest::new(
            next_gen,
            next_id,
            read.max(on_disk),
            now.fixed_offset(),
            plan,
            refs.into_values().collect(),
        );
        manifest.history = super::parts::history_after(old, &manifest);
        manifest
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

    /// A temporary file beside `target` holding `bytes` (encrypted, for an encrypted
    /// workbook), flushed and read back.
    fn stage(&self, dir: &Path, target: &Path, bytes: &[u8]) -> Result<NamedTempFile, SaveError> {
        let failed = |step: SaveStep| move |e| SaveError::new(step.words(), e);
        let sealed =
            super::crypt::seal(self.seal.as_ref(), bytes).map_err(failed(SaveStep::Write))?;
        let bytes = &sealed[..];
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        self.step(SaveStep::CreateTemp, dir)?;
        // tempfile creates the file 0600 whatever the umask, and removes it if dropped
        // before `persist`: a failed save leaves nothing behind.
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(dir)
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
        Ok(tmp)
    }

    /// Keeps the file as it is in `backups/` (one per ten minutes), and always when the new
    /// version would more than halve it.
    fn keep_backup(
        &self,
        file: &Path,
        stem: &str,
        new_len: usize,
        now: DateTime<Local>,
    ) -> Result<(), SaveError> {
        let failed = |e| SaveError::new(SaveStep::Backup.words(), e);
        self.step(SaveStep::Backup, file)?;
        backup::keep_as(&self.dir, file, stem, now).map_err(failed)?;
        let shrinks = fs::metadata(file).is_ok_and(|m| m.len() / 2 > new_len as u64);
        if shrinks {
            backup::keep_named_as(&self.dir, file, stem, "before-shrink", now).map_err(failed)?;
        }
        Ok(())
    }

    /// Writes the parts and then the manifest; removes what is gone once the manifest is in.
    fn commit(
        &self,
        writes: &[Part],
        gone: &[Month],
        manifest: &Manifest,
        now: DateTime<Local>,
    ) -> Result<Written, SaveError> {
        let failed = |step: SaveStep| move |e| SaveError::new(step.words(), e);
        let stem = self
            .path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !writes.is_empty() && !self.parts.exists() {
            self.step(SaveStep::CreateTemp, &self.parts)?;
            super::make_private_dir(&self.parts).map_err(failed(SaveStep::CreateTemp))?;
        }
        if self.disk.unsettled
            && let Some(m) = &self.disk.manifest
        {
            super::load::settle(&self.parts, m).map_err(failed(SaveStep::Rename))?;
        }
        let mut staged = Vec::with_capacity(writes.len());
        for part in writes {
            let target = self.parts.join(&part.file);
            let tmp = self.stage(&self.parts, &target, &part.bytes)?;
            staged.push((target, tmp, &part.bytes));
        }
        let manifest_bytes = encode_manifest(manifest);
        let manifest_tmp = self.stage(&self.dir, &self.path, &manifest_bytes)?;
        for (target, _, bytes) in &staged {
            let name = target.file_name().unwrap_or_default().to_string_lossy();
            let part_stem = format!("{stem}.{}", name.trim_end_matches(".json"));
            self.keep_backup(target, &part_stem, bytes.len(), now)?;
        }
        if self.disk.whole && self.path.exists() {
            // The first save in parts keeps the whole file as it was, outside the rotation.
            self.step(SaveStep::Backup, &self.path)?;
            backup::keep_named_as(&self.dir, &self.path, &stem, "whole", now)
                .map_err(failed(SaveStep::Backup))?;
        } else {
            self.keep_backup(&self.path, &stem, manifest_bytes.len(), now)?;
        }
        // From here until the manifest is in place, a failure puts back what was moved; if
        // even that fails, the next save (or start) does.
        let mut moved: Vec<(PathBuf, bool)> = Vec::with_capacity(staged.len());
        let mut files = BTreeMap::new();
        let renamed = (|| -> Result<(), SaveError> {
            for (target, tmp, bytes) in staged {
                self.step(SaveStep::Rename, tmp.path())?;
                let existed = target.exists();
                if existed {
                    fs::rename(&target, prev_of(&target)).map_err(failed(SaveStep::Rename))?;
                }
                moved.push((target.clone(), existed));
                tmp.persist(&target)
                    .map_err(|e| SaveError::new(SaveStep::Rename.words(), e.error))?;
                let name = target.file_name().unwrap_or_default().to_string_lossy();
                files.insert(name.into_owned(), known_of(&target, bytes));
            }
            if !writes.is_empty() {
                self.step(SaveStep::SyncDir, &self.parts)?;
                sync_dir(&self.parts).map_err(failed(SaveStep::SyncDir))?;
            }
            // The save: the manifest renamed over the old one.
            self.step(SaveStep::Rename, manifest_tmp.path())?;
            manifest_tmp
                .persist(&self.path)
                .map_err(|e| SaveError::new(SaveStep::Rename.words(), e.error))?;
            Ok(())
        })();
        if let Err(mut e) = renamed {
            e.unsettled = !put_back(&moved);
            return Err(e);
        }
        files.insert(String::new(), known_of(&self.path, &manifest_bytes));
        // Committed. What is left is tidying: a failure there is put right by the next save.
        let mut tidy = true;
        for (target, existed) in &moved {
            if *existed {
                tidy &= fs::remove_file(prev_of(target)).is_ok();
            }
        }
        for month in gone {
            let file = self.parts.join(month_file(*month));
            let part_stem = format!("{stem}.journal-{month}");
            tidy &= backup::keep_named_as(&self.dir, &file, &part_stem, "before-shrink", now)
                .is_ok()
                && fs::remove_file(&file).or_else(missing_is_fine).is_ok();
        }
        if !gone.is_empty() || !writes.is_empty() {
            tidy &= sync_dir(&self.parts).is_ok();
        }
        if let Err(e) = self
            .step(SaveStep::SyncDir, &self.dir)
            .and_then(|()| sync_dir(&self.dir).map_err(failed(SaveStep::SyncDir)))
        {
            return Err(self.landed(e, manifest, &files));
        }
        Ok(Written {
            files,
            unsettled: !tidy,
        })
    }

    /// A failure after the manifest was renamed: the save is on disk, and the next one must
    /// not take it for someone else's.
    fn landed(
        &self,
        mut e: SaveError,
        manifest: &Manifest,
        files: &BTreeMap<String, Known>,
    ) -> SaveError {
        let mut disk = (*self.disk).clone();
        disk.whole = false;
        disk.unsettled = true;
        disk.manifest = Some(manifest.clone());
        disk.files.extend(files.clone());
        // Matches no content: the next save writes again rather than trusting a file whose
        // folder entry may not be on disk.
        disk.plan = None;
        disk.months.clear();
        e.landed = Some(Box::new(SaveDone {
            saved: Saved::Written,
            note: None,
            generation: manifest.generation,
            disk: Arc::new(disk),
            retired: Vec::new(),
        }));
        e
    }
}

/// What `commit` wrote.
struct Written {
    files: BTreeMap<String, Known>,
    /// Tidying after the save failed somewhere: the next save settles first.
    unsettled: bool,
}

fn missing_is_fine(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(e)
    }
}

/// Undoes the renames of a save that failed before its manifest was in: each new part is
/// removed and the one moved aside put back. Whether it all went back.
fn put_back(moved: &[(PathBuf, bool)]) -> bool {
    let mut ok = true;
    for (target, existed) in moved.iter().rev() {
        ok &= if *existed {
            fs::rename(prev_of(target), target).is_ok()
        } else {
            fs::remove_file(target).is_ok()
        };
    }
    ok && moved
        .first()
        .and_then(|(t, _)| t.parent())
        .is_none_or(|d| sync_dir(d).is_ok())
}

/// `journal-2026-11.json.prev` beside `journal-2026-11.json`.
pub(super) fn prev_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".prev");
    path.with_file_name(name)
}
