//! Reading a workbook without opening it: no lock, nothing changed (exports, `check`,
//! `show`). Saves rename the manifest last, so a read sees one save or the other.

use std::path::Path;
use std::sync::Arc;

use super::{Decoded, OpenError, decode_file, load, parts_dir, rebuild};
use crate::model::Month;

/// Reads a whole workbook, journal included, without locking or changing anything: for
/// exports and `check`. Saves rename the manifest last, so a read sees one save or the other.
pub fn read_only(path: &Path) -> Result<Decoded, OpenError> {
    read(path, true)
}

/// Reads a workbook without its journal (whose entries are counted, not read): for the
/// commands whose output holds no journal entry.
pub fn read_plan(path: &Path) -> Result<Decoded, OpenError> {
    read(path, false)
}

fn read(path: &Path, journal: bool) -> Result<Decoded, OpenError> {
    match load::layout(path)? {
        load::Layout::Parts(mut manifest, _) => {
            // Merged by git and not opened since: read as the next open will settle it.
            let mut renumbered = Vec::new();
            if rebuild::needed(path, &parts_dir(path), &manifest) {
                let rebuilt = rebuild::rebuild(&parts_dir(path), &manifest)?;
                *manifest = rebuilt.manifest;
                renumbered = rebuilt.renumbered;
            }
            let workbook = if journal {
                let mut wb = load::read_all(path, &manifest)?;
                for (month, entries, _) in renumbered {
                    wb.journal.retain(|e| Month::of(&e.at) != month);
                    for e in entries {
                        wb.journal.push(Arc::unwrap_or_clone(e));
                    }
                }
                // Entries jotted while the workbook was open or encrypted are part of it.
                for w in super::inbox::waiting(path).0 {
                    let there =
                        (wb.journal.iter()).any(|e| e.at == w.entry.at && e.text == w.entry.text);
                    if !there {
                        let id = wb.fresh_id();
                        wb.journal
                            .push(crate::model::JournalEntry { id, ..w.entry });
                    }
                }
                wb
            } else {
                let (plan, _) = load::read_plan(&parts_dir(path), &manifest)?;
                let mut wb = plan.workbook;
                for m in &manifest.journal {
                    wb.journal.expect(m.month, m.summary(manifest.latest));
                }
                wb
            };
            Ok(Decoded {
                workbook,
                generation: manifest.generation,
            })
        }
        load::Layout::Whole => {
            let bytes =
                super::crypt::read(path).map_err(|e| OpenError::Io(path.to_path_buf(), e))?;
            decode_file(path, bytes)
        }
    }
}
