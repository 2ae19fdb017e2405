//! After git merged a workbook file by file (`mentorbook merge` as its driver), the manifest
//! says so (`merged`) and cannot know which generation each part is or how many entries a
//! month holds. This reads the parts as they are and makes the true manifest. A journal
//! entry whose id another item took on the other machine gets a new one (nothing links to
//! an entry, so nothing else changes).

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use super::OpenError;
use super::envelope::{Kind, decode_as};
use super::parts::{
    Manifest, MonthRef, PLAN_FILE, PartRef, decode_month, encode_manifest, encode_month,
    month_of_file,
};
use crate::model::{JournalEntry, Month};

/// The true manifest (each part's generation as it is on disk), and the months whose
/// entries had to take new ids (with their generation), to be written or used in place of
/// their files.
pub struct Rebuilt {
    pub manifest: Manifest,
    pub renumbered: Vec<(Month, Vec<Arc<JournalEntry>>, u64)>,
    /// The plan, when the merge driver wrote it (generation 0): written again with the
    /// manifest's generation, so the next open needs no rebuild.
    plan: Option<crate::model::Workbook>,
    /// The other months the driver wrote, likewise.
    driven: Vec<(Month, Vec<Arc<JournalEntry>>)>,
}

/// Reads every part in `dir` and makes the manifest `merged` stands for.
pub fn rebuild(dir: &Path, merged: &Manifest) -> Result<Rebuilt, OpenError> {
    let bad = |path: &Path, error| OpenError::Decode {
        path: path.to_path_buf(),
        error,
        backup: None,
    };
    let plan_path = dir.join(PLAN_FILE);
    let bytes = super::crypt::read(&plan_path).map_err(|e| OpenError::Io(plan_path.clone(), e))?;
    let plan = decode_as(&bytes, Kind::Plan).map_err(|e| bad(&plan_path, e))?;
    let mut seen: HashSet<u64> = plan.workbook.own_ids().into_iter().collect();
    let mut top = seen.iter().copied().max().unwrap_or(0).max(merged.next_id);
    let mut names: Vec<(Month, String)> = (fs::read_dir(dir))
        .map_err(|e| OpenError::Io(dir.to_path_buf(), e))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| Some((month_of_file(&name)?, name)))
        .collect();
    names.sort();
    let mut months = Vec::new();
    let mut parts = Vec::new();
    for (month, name) in &names {
        let path = dir.join(name);
        let bytes = super::crypt::read(&path).map_err(|e| OpenError::Io(path.clone(), e))?;
        let part = decode_month(&bytes).map_err(|e| bad(&path, e))?;
        top = top.max(part.entries.iter().map(|e| e.id).max().unwrap_or(0));
        parts.push((*month, part));
    }
    let mut renumbered = Vec::new();
    let mut driven = Vec::new();
    let mut latest = None;
    for (month, part) in parts {
        let mut entries = part.entries;
        let mut changed = false;
        for e in &mut entries {
            if !seen.insert(e.id) {
                top += 1;
                Arc::make_mut(e).id = top;
                seen.insert(top);
                changed = true;
            }
            latest = latest.max(Some(e.at));
        }
        months.push(MonthRef {
            month,
            generation: part.generation,
            entries: entries.len(),
        });
        if changed {
            renumbered.push((month, entries, part.generation));
        } else if part.generation == 0 {
            driven.push((month, entries));
        }
    }
    let mut manifest = Manifest::new(
        merged.generation,
        top,
        latest,
        merged.saved_at,
        PartRef {
            file: PLAN_FILE.into(),
            generation: plan.generation,
        },
        months,
    );
    manifest.merged = false;
    manifest.history = merged.history.clone();
    Ok(Rebuilt {
        manifest,
        renumbered,
        plan: (plan.generation == 0).then_some(plan.workbook),
        driven,
    })
}

/// Whether git merged any file of the workbook at `path`: the manifest says so, or a part
/// written by the merge driver says generation 0 (which no save writes), for when both
/// sides' manifests came out alike and git kept one without asking the driver. A save
/// renames the manifest last, so only a part changed since it (or in the same tick) can be
/// such a part: only those are read, a few hundred bytes each.
pub fn needed(path: &Path, dir: &Path, manifest: &Manifest) -> bool {
    if manifest.merged {
        return true;
    }
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some(saved) = modified(path) else {
        return false;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    (entries.flatten())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name == PLAN_FILE || month_of_file(&name).is_some()
        })
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= saved)
        })
        .any(|e| {
            super::load::head_of(&e.path())
                .as_deref()
                .and_then(super::parts::generation_in_head)
                == Some(0)
        })
}

/// Git merged the workbook whose manifest at `path` is `manifest` (see [`needed`]): writes
/// the true manifest (and the months whose entries took new ids) before the workbook is
/// read. Called under the lock.
pub fn settle(path: &Path, dir: &Path, manifest: &Manifest) -> Result<(), OpenError> {
    let mut rebuilt = rebuild(dir, manifest)?;
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| OpenError::Io(p, e)
    };
    let seal = super::crypt::recipient_of(path).map_err(io(path))?;
    let write_private = |dir: &Path, file: &Path, bytes: &[u8]| {
        super::files::write_sealed(dir, file, bytes, seal.as_ref())
    };
    // Every part written here, and the manifest, take one generation above both sides'.
    let generation = rebuilt.manifest.generation.max(1);
    let at = rebuilt.manifest.saved_at;
    let months = (rebuilt.renumbered.iter().map(|(m, e, _)| (m, e)))
        .chain(rebuilt.driven.iter().map(|(m, e)| (m, e)));
    for (month, entries) in months {
        let file = dir.join(super::parts::month_file(*month));
        let bytes = encode_month(*month, entries, generation, at);
        write_private(dir, &file, &bytes).map_err(io(&file))?;
        if let Some(r) = rebuilt
            .manifest
            .journal
            .iter_mut()
            .find(|r| r.month == *month)
        {
            r.generation = generation;
        }
    }
    if let Some(plan) = &rebuilt.plan {
        let file = dir.join(PLAN_FILE);
        let piece = super::Piece::Plan(plan.clone(), generation);
        write_private(dir, &file, &super::write_piece(&piece, at)).map_err(io(&file))?;
        rebuilt.manifest.plan.generation = generation;
    }
    rebuilt.manifest.generation = generation;
    let folder = super::dir_of(path);
    write_private(&folder, path, &encode_manifest(&rebuilt.manifest)).map_err(io(path))
}
