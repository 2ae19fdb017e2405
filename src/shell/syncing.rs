//! Other copies of the workbook, merged into it: at start, the conflict copies a sync tool
//! (or an earlier session) left beside it; during a session, what another program saved
//! over the file meanwhile. Merged copies go to `backups/`; what collides waits on the merge
//! screen.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::Session;
use crate::merge::{self, Merged};
use crate::model::{Journal, JournalEntry, Workbook};
use crate::nav::{Mode, Screen};
use crate::store::{self, Found};

/// `live` with each entry it holds as a head (its first lines) whole from `copy`, which
/// holds every text; fails if one is not there.
fn with_texts(live: &Workbook, copy: &Workbook) -> Result<Workbook, String> {
    let mut ours = live.clone();
    if !ours.journal.has_heads() {
        return Ok(ours);
    }
    let whole: HashMap<u64, &Arc<JournalEntry>> =
        (copy.journal.shared().iter()).map(|e| (e.id, e)).collect();
    let journal = &live.journal;
    let entries = (journal.shared().iter().enumerate())
        .map(|(i, e)| match journal.is_head(i) {
            false => Ok(Arc::clone(e)),
            true => (whole.get(&e.id).map(|w| Arc::clone(w)))
                .ok_or_else(|| "a journal entry's text could not be read".to_string()),
        })
        .collect::<Result<Vec<_>, _>>()?;
    ours.journal = Journal::from_entries(entries);
    Ok(ours)
}

impl Session {
    /// Every text of the journal in memory: the months still on their way, and the texts
    /// of entries read as heads (a merge compares whole entries).
    fn whole_journal(&mut self) -> Result<(), String> {
        self.finish_loading()?;
        if let Some(why) = &self.load_failed {
            return Err(why.clone());
        }
        for month in self.app.workbook.journal.months_with_heads() {
            (self.store.fill_month(&mut self.app.workbook, month)).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// At start: merges the conflict copies beside the workbook, if there are any.
    pub fn merge_copies(&mut self) {
        // The copy this session saves to (another program changed the file) is merged by
        // `merge_outside`, once no text is being written.
        let current = self.store.conflict().map(Path::to_path_buf);
        let mut copies = store::find_copies(self.store.path());
        copies.retain(|c| Some(&c.path) != current.as_ref());
        if copies.is_empty() || self.app.mode.editing().is_some() {
            return;
        }
        if let Err(why) = self.whole_journal() {
            self.app.notice = Some(format!("Conflict copies wait beside the workbook: {why}"));
            return;
        }
        // One conflict's copies: the first copy of the workbook's own file with every copy
        // of a part; each further copy of the workbook's file on its own.
        let own = self
            .store
            .path()
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        let (tops, parts): (Vec<Found>, Vec<Found>) = copies.into_iter().partition(|c| c.of == own);
        let mut groups: Vec<Vec<Found>> = Vec::new();
        let mut parts = Some(parts);
        for top in tops {
            let mut group = vec![top];
            group.extend(parts.take().unwrap_or_default());
            groups.push(group);
        }
        if let Some(rest) = parts.filter(|p| !p.is_empty()) {
            groups.push(rest);
        }
        let mut said = Vec::new();
        if let Err(e) = (self.store).keep_before_merge(&self.app.workbook, (self.clock)()) {
            self.app.notice = Some(format!(
                "Conflict copies wait beside the workbook: it could not be kept in backups/ first ({e})"
            ));
            return;
        }
        for group in groups {
            let ours = self.app.workbook.clone();
            let done = (self.store.other(&ours, &group))
                .map_err(|e| e.to_string())
                .and_then(|other| {
                    merge::merge(&other.base, &ours, &other.theirs, &other.from)
                        .map_err(|e| e.to_string())
                });
            match done {
                Ok(merged) => {
                    said.push(self.take_merged(merged, group[0].by, &group[0].name()));
                    // Into backups/ once the merged workbook is on disk, not before.
                    self.retire_after_save.extend(group);
                }
                Err(why) => said.push(format!("{} was not merged: {why}", group[0].name())),
            }
        }
        self.app.notice = Some(said.join("; "));
        self.show_collisions();
    }

    /// A save found the workbook changed by another program and kept ours in `copy`: the
    /// two are merged against what this session last read or wrote, and saves go to the
    /// workbook again. While a text is being edited this waits: saves go on to the copy,
    /// and the next one after the editor closes (leaving it saves) merges.
    pub(super) fn merge_outside(&mut self, copy: &Path) {
        if self.app.mode.editing().is_some() {
            return;
        }
        // Ours is the session's workbook as it is now (it may have changed since the copy
        // was written), with the texts it holds only the first lines of from the copy.
        self.app.flush_editor();
        let outcome = store::read_only(copy)
            .map_err(|e| e.to_string())
            .and_then(|copy| with_texts(&self.app.workbook, &copy.workbook))
            .and_then(|ours| {
                let exact = self.store.base(&self.app.workbook, &ours);
                let ours_history = self.store.history();
                let theirs = self.store.reread().map_err(|e| e.to_string())?;
                (self.store.keep_before_merge(&theirs, (self.clock)()))
                    .map_err(|e| format!("their version could not be kept in backups/: {e}"))?;
                let theirs_history = self.store.history();
                // What this session last saw is the ancestor only if the other program's
                // save came after it; otherwise the newest save both histories hold.
                let base = match ours_history.first() {
                    Some(mine) if theirs_history.contains(mine) => exact,
                    _ => match store::common_ancestor(&ours_history, &theirs_history) {
                        Some(g) => self.store.ancestor(g, &ours),
                        None => Workbook::default(),
                    },
                };
                merge::merge(&base, &ours, &theirs, "another program's save")
                    .map_err(|e| e.to_string())
            });
        match outcome {
            Ok(merged) => {
                let name = copy.file_name().unwrap_or_default().to_string_lossy();
                let found = Found {
                    path: copy.to_path_buf(),
                    of: String::new(),
                    by: "mentorbook",
                };
                self.app.notice = Some(self.take_merged(merged, "another program", &name));
                self.retire_after_save.push(found);
                self.show_collisions();
            }
            Err(why) => {
                self.store.keep_saving_to(copy);
                let name = copy.file_name().unwrap_or_default().to_string_lossy();
                self.app.notice = Some(format!(
                    "Changed outside mentorbook; yours is in {name} (not merged: {why})"
                ));
            }
        }
    }

    /// Makes the merged workbook the session's, to be saved; what to say about it.
    fn take_merged(&mut self, merged: Merged, by: &str, name: &str) -> String {
        let Merged {
            workbook,
            conflicts,
            ..
        } = merged;
        let app = &mut self.app;
        app.workbook = workbook;
        // Positions may have moved: every page starts again from the overview.
        if app.screen.is_page() {
            app.screen = Screen::Home;
        }
        app.mode = Mode::Browse;
        app.refresh_journal();
        app.touch();
        self.autosave.touch(std::time::Instant::now());
        match conflicts {
            0 => format!("Merged {by}'s changes ({name})"),
            1 => format!("Merged {by}'s changes ({name}): 1 collision to choose (m)"),
            n => format!("Merged {by}'s changes ({name}): {n} collisions to choose (m)"),
        }
    }

    /// Opens the merge screen when collisions wait (never during a call).
    fn show_collisions(&mut self) {
        if !self.app.workbook.conflicts.is_empty() && !self.app.call_mode {
            crate::screens::open_merge(&mut self.app);
        }
    }

    /// A save landed: the copies merged into it go to `backups/` (never deleted).
    pub(super) fn retire_merged(&mut self) {
        for copy in std::mem::take(&mut self.retire_after_save) {
            if let Err(e) = store::retire_copy(self.store.path(), &copy) {
                self.app.notice = Some(format!(
                    "{} is merged but stays beside the workbook: {e}",
                    copy.name()
                ));
            }
        }
    }
}
