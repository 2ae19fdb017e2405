//! Text a crash left behind: offered at the next start, restored or set aside; and written
//! when the user quits after a failed save.

use super::Session;
use crate::nav::{Confirm, Mode};
use crate::store::{decode, encode_data};

impl Session {
    /// Looks for text a crash left in `recovery/` and, if it differs from the workbook, asks
    /// whether to take it back. Older recovery files are set aside in `backups/`.
    pub fn offer_recovery(&mut self) {
        let mut found = self.store.recoveries();
        let Some(newest) = found.pop() else {
            return;
        };
        // What the recovery file holds is compared with the whole workbook.
        if self.finish_loading().is_err() {
            return;
        }
        for old in found {
            let _ = self.store.retire_recovery(&old);
        }
        let Ok(decoded) = crate::store::crypt::read(&newest)
            .map_err(|_| ())
            .and_then(|b| decode(&b).map_err(|_| ()))
        else {
            // Unreadable: kept aside for a person to look at, never loaded.
            let _ = self.store.retire_recovery(&newest);
            return;
        };
        let ours = self.store.complete(&self.app.workbook);
        if ours.is_ok_and(|ours| encode_data(&decoded.workbook) == encode_data(&ours)) {
            let _ = std::fs::remove_file(&newest);
            return;
        }
        let when = written_at(&newest.file_stem().unwrap_or_default().to_string_lossy());
        self.recovery = Some((newest, decoded.workbook));
        self.app.mode = Mode::Confirm(Confirm::Recover(when));
    }

    /// The answer to [`Session::offer_recovery`]: restore (the current file is kept in
    /// `backups/` first, the recovery file removed once saved) or set it aside.
    pub(super) fn recover(&mut self, restore: bool) {
        let Some((path, workbook)) = self.recovery.take() else {
            return;
        };
        if !restore {
            if let Err(e) = self.store.retire_recovery(&path) {
                self.app.notice = Some(format!("Could not move the recovery file: {e}"));
            }
            return;
        }
        let now = (self.clock)();
        if let Err(e) = self.store.keep_before_restore(now) {
            // Without the copy the current file would be lost: keep things as they are.
            self.app.notice = Some(format!("Not restored: keeping a backup failed ({e})."));
            self.recovery = Some((path, workbook));
            return;
        }
        self.app.workbook = workbook;
        self.app.refresh_journal();
        self.app.unsaved = true;
        if self.save() {
            let _ = std::fs::remove_file(&path);
            self.app.notice = Some("Restored the text from the recovery file.".into());
        }
    }

    /// Quitting after a failed save: what is only in memory goes to `recovery/` first.
    /// `Err` with the reason when the changes could not be kept anywhere: quitting then
    /// would lose them.
    pub(super) fn keep_unsaved(&mut self) -> Result<(), String> {
        if !self.app.unsaved {
            return Ok(());
        }
        self.app.flush_editor();
        let p = (self.store)
            .write_recovery(&self.app.to_save(), (self.clock)())
            .map_err(|e| e.to_string())?;
        self.recovery_written = Some(p);
        Ok(())
    }
}

/// "2026-11-24 09:12" from `workbook-20261124-091200`, or the name itself.
fn written_at(name: &str) -> String {
    let stamp = name
        .rsplit_once('-')
        .and_then(|(a, t)| a.rsplit_once('-').map(|(_, d)| format!("{d}-{t}")));
    chrono::NaiveDateTime::parse_from_str(stamp.as_deref().unwrap_or(""), "%Y%m%d-%H%M%S")
        .map_or_else(
            |_| name.to_string(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
}
