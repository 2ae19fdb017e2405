//! When another program saved the workbook during a session: what it left, read whole, and
//! what this session last read or wrote (the version both come from), so the two can be
//! merged instead of one going to a copy.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Local};

use super::{Manifest, OpenError, Store};
use crate::model::{Journal, JournalEntry, Workbook};

impl Store {
    /// Reads the workbook as another program left it, journal texts and all, and takes it
    /// as what is on disk: the next save writes over it, not to a conflict copy.
    pub fn reread(&mut self) -> Result<Workbook, OpenError> {
        let (mut wb, pending) = self.read_in(false)?;
        if let Some(journal) = pending {
            let mut arrived = journal.wait().all()?;
            arrived.reverse();
            self.take_in(&mut wb, arrived);
        }
        self.conflict = None;
        Ok(wb)
    }

    /// The workbook as this session last read or wrote it: the ancestor of a merge with
    /// what another program saved since. `live` is the session's workbook and `complete` the
    /// same with every text read: an entry the session has not changed (still the one read)
    /// takes its whole text from there.
    pub fn base(&self, live: &Workbook, complete: &Workbook) -> Workbook {
        let mut base = match &self.disk.plan {
            Some(plan) => (**plan).clone(),
            None => return Workbook::default(),
        };
        base.next_id = self
            .disk
            .manifest
            .as_ref()
            .map_or(0, |m: &Manifest| m.next_id);
        let unchanged: HashSet<*const JournalEntry> =
            (live.journal.shared().iter()).map(Arc::as_ptr).collect();
        let whole: HashMap<u64, &Arc<JournalEntry>> = (complete.journal.shared().iter())
            .map(|e| (e.id, e))
            .collect();
        let entries = (self.disk.months.values().flatten())
            .map(|e| match whole.get(&e.id) {
                Some(w) if unchanged.contains(&Arc::as_ptr(e)) => Arc::clone(w),
                _ => Arc::clone(e),
            })
            .collect();
        base.journal = Journal::from_entries(entries);
        base
    }

    /// Saves go on to the conflict copy `copy` (a merge with what is on disk failed).
    pub fn keep_saving_to(&mut self, copy: &std::path::Path) {
        self.conflict = Some(copy.to_path_buf());
    }

    /// Keeps `wb` whole in `backups/` as `<name>.before-merge-<time>.json` (outside the
    /// rotation, kept until the person removes it): what a merge is about to write over,
    /// so a merge never loses a version, whatever it decides.
    pub fn keep_before_merge(&self, wb: &Workbook, now: DateTime<Local>) -> std::io::Result<()> {
        let bdir = self.dir.join("backups");
        if !bdir.exists() {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new().mode(0o700).create(&bdir)?;
        }
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        let target = bdir.join(format!(
            "{stem}.before-merge-{}.json",
            now.format("%Y%m%d-%H%M%S")
        ));
        let bytes = super::encode(&super::encode_data(wb), self.generation, now.fixed_offset());
        super::files::write_sealed(&bdir, &target, &bytes, self.seal.as_ref())
    }

    /// The history of the save this session last read or wrote (see `Manifest::history`).
    pub fn history(&self) -> Vec<String> {
        (self.disk.manifest.as_ref()).map_or_else(Vec::new, |m| {
            let mut h = m.history.clone();
            if h.is_empty() {
                h.push(m.token());
            }
            h
        })
    }

    /// The workbook as save `generation` left it, from its parts' versions at hand (the
    /// months `like` holds): the ancestor of a merge when histories are all that is known.
    pub fn ancestor(&self, generation: u64, like: &Workbook) -> Workbook {
        let mut months: Vec<crate::model::Month> = (like.journal.iter())
            .map(|e| crate::model::Month::of(&e.at))
            .collect();
        months.sort();
        months.dedup();
        super::copies::base_at(&self.path, generation, &months)
    }

    /// What the conflict copies `copies` stand for, beside `ours` (this workbook with its
    /// journal read whole), and the version both come from.
    pub fn other(
        &self,
        ours: &Workbook,
        copies: &[super::Found],
    ) -> Result<super::Other, OpenError> {
        super::copies::other(&self.path, self.disk.manifest.as_ref(), ours, copies)
    }
}
