//! Other copies of the workbook beside it: our own conflict copies (`workbook.conflict-…`)
//! and those of the sync tools: Syncthing's `*.sync-conflict-*`, Dropbox's and Nextcloud's
//! "(… conflicted copy …)". For each, the workbook it stands for and the version both it and
//! ours come from (the newest save in both histories, found among the files and
//! `backups/`), so the merge can tell an edit from what was there before. Reading only;
//! `retire` moves a merged copy into `backups/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::envelope::{Kind, decode_as};
use super::parts::{
    MONTH, Manifest, PLAN, PLAN_FILE, common_ancestor, decode_month, generation_in_head,
    month_file, month_of_file,
};
use super::{OpenError, dir_of, parts_dir};
use crate::model::{Journal, JournalEntry, Month, Workbook};

/// A copy found beside the workbook (or beside one of its parts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// The file it is a copy of: `workbook.json`, `plan.json`, `journal-2026-11.json`.
    pub of: String,
    /// Who made it, in words: "a sync conflict (Syncthing)".
    pub by: &'static str,
}

impl Found {
    /// The copy's file name, for messages.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    }
}

/// Which file `name` is a conflict copy of, and who made it.
pub fn copy_of(name: &str) -> Option<(String, &'static str)> {
    let stem = name.strip_suffix(".json")?;
    if let Some(i) = stem.find(".sync-conflict-") {
        return Some((format!("{}.json", &stem[..i]), "Syncthing"));
    }
    if let Some(i) = stem.find(" (")
        && stem.ends_with(')')
        && stem[i..].contains("conflicted copy")
    {
        let by = if stem[i..].contains("'s conflicted copy") {
            "Dropbox"
        } else {
            "Nextcloud"
        };
        return Some((format!("{}.json", &stem[..i]), by));
    }
    let (base, stamp) = stem.rsplit_once(".conflict-")?;
    let digits = stamp.replace('-', "");
    (digits.len() == 14 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| (format!("{base}.json"), "mentorbook"))
}

/// Every conflict copy of the workbook at `path` or of its parts, oldest name first.
pub fn find(path: &Path) -> Vec<Found> {
    let own = path.file_name().unwrap_or_default().to_string_lossy();
    let mut out = Vec::new();
    for (dir, wanted) in [(dir_of(path), true), (parts_dir(path), false)] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some((of, by)) = copy_of(&name) else {
                continue;
            };
            let ours = if wanted {
                of == own
            } else {
                of == PLAN_FILE || month_of_file(&of).is_some()
            };
            if ours {
                out.push(Found {
                    path: e.path(),
                    of,
                    by,
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The workbook the copies of one conflict stand for, and the one both sides come from.
pub struct Other {
    pub theirs: Workbook,
    pub base: Workbook,
    /// What it was made from, for the merge screen: the copies' names.
    pub from: String,
}

/// What `copies` (of one workbook in parts, or one whole copy) stand for, beside `ours` (the
/// workbook as it is at `path`, journal read whole, with its manifest when in parts).
pub fn other(
    path: &Path,
    manifest: Option<&Manifest>,
    ours: &Workbook,
    copies: &[Found],
) -> Result<Other, OpenError> {
    let read = |p: &Path| super::crypt::read(p).map_err(|e| OpenError::Io(p.to_path_buf(), e));
    let bad = |p: &Path, error| OpenError::Decode {
        path: p.to_path_buf(),
        error,
        backup: None,
    };
    let from = (copies.iter().map(Found::name))
        .collect::<Vec<_>>()
        .join(", ");
    let own = path.file_name().unwrap_or_default().to_string_lossy();
    let top = copies.iter().find(|c| c.of == own);
    // A whole workbook in one file: ours after a conflict, or a copy of a whole layout.
    if let Some(top) = top {
        let bytes = read(&top.path)?;
        if let Ok(whole) = decode_as(&bytes, Kind::Whole) {
            return Ok(Other {
                theirs: whole.workbook,
                base: Workbook::default(),
                from,
            });
        }
    }
    let theirs_manifest = match top {
        Some(top) => {
            Some(super::parts::decode_manifest(&read(&top.path)?).map_err(|e| bad(&top.path, e))?)
        }
        None => None,
    };
    // The version both come from: the newest save in both histories (none known: an
    // empty ancestor, which keeps everything both sides hold and asks where they differ).
    let ancestor = match (manifest, &theirs_manifest) {
        (Some(m), Some(t)) => common_ancestor(&m.history, &t.history),
        _ => None,
    };
    let copy_of_part = |file: &str| copies.iter().find(|c| c.of == file).map(|c| &c.path);
    let mut theirs = ours.clone();
    if let Some(p) = copy_of_part(PLAN_FILE) {
        let plan = decode_as(&read(p)?, Kind::Plan).map_err(|e| bad(p, e))?;
        theirs = Workbook {
            journal: std::mem::take(&mut theirs.journal),
            next_id: theirs.next_id.max(plan.workbook.next_id),
            ..plan.workbook
        };
    }
    // Months: theirs has its copy's where there is one.
    let mut months: Vec<Month> = ours.journal.iter().map(|e| Month::of(&e.at)).collect();
    if let Some(t) = &theirs_manifest {
        months.extend(t.journal.iter().map(|m| m.month));
    }
    months.extend(copies.iter().filter_map(|c| month_of_file(&c.of)));
    months.sort();
    months.dedup();
    let mut theirs_entries: Vec<Arc<JournalEntry>> = Vec::new();
    for &month in &months {
        let file = month_file(month);
        match copy_of_part(&file) {
            Some(p) => {
                let part = decode_month(&read(p)?).map_err(|e| bad(p, e))?;
                theirs_entries.extend(part.entries);
            }
            None => theirs_entries.extend(
                (ours.journal.shared().iter())
                    .filter(|e| Month::of(&e.at) == month)
                    .cloned(),
            ),
        }
    }
    theirs.journal = Journal::from_entries(theirs_entries);
    let base = ancestor.map_or_else(Workbook::default, |g| base_at(path, g, &months));
    if let Some(t) = &theirs_manifest {
        theirs.next_id = theirs.next_id.max(t.next_id);
    }
    Ok(Other { theirs, base, from })
}

/// The workbook as save `generation` left it, from the versions of its parts at hand (the
/// files, their conflict copies, `backups/`): for each part, the newest written by that save
/// or before, which both sides descend from. A part with no such version is left empty.
pub fn base_at(path: &Path, generation: u64, months: &[Month]) -> Workbook {
    let dir = parts_dir(path);
    let read = |p: Option<PathBuf>| super::crypt::read(&p?).ok();
    let mut base = read(newest_at_most(path, &dir, PLAN_FILE, PLAN, generation))
        .and_then(|b| decode_as(&b, Kind::Plan).ok())
        .map(|d| d.workbook)
        .unwrap_or_default();
    let entries = (months.iter())
        .filter_map(|m| {
            read(newest_at_most(
                path,
                &dir,
                &month_file(*m),
                MONTH,
                generation,
            ))
        })
        .filter_map(|b| decode_month(&b).ok())
        .flat_map(|part| part.entries)
        .collect();
    base.journal = Journal::from_entries(entries);
    base
}

/// Of the versions of part `file` at hand (the file, its conflict copies, its backups), the
/// newest written by generation `at_most` or before: one both sides descend from.
fn newest_at_most(
    path: &Path,
    dir: &Path,
    file: &str,
    format: &str,
    at_most: u64,
) -> Option<PathBuf> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let part = file.trim_end_matches(".json");
    let mut candidates = vec![dir.join(file)];
    candidates.extend(
        (fs::read_dir(dir).into_iter().flatten().flatten())
            .map(|e| e.path())
            .filter(|p| {
                let n = p.file_name().unwrap_or_default().to_string_lossy();
                copy_of(&n).is_some_and(|(of, _)| of == file)
            }),
    );
    let backups = dir_of(path).join("backups");
    let prefix = format!("{stem}.{part}-");
    let named = format!("{stem}.{part}.");
    candidates.extend(
        (fs::read_dir(&backups).into_iter().flatten().flatten())
            .map(|e| e.path())
            .filter(|p| {
                let n = p.file_name().unwrap_or_default().to_string_lossy();
                (n.starts_with(&prefix) || n.starts_with(&named)) && n.ends_with(".json")
            }),
    );
    let format_key = format!("\"format\": \"{format}\"");
    (candidates.into_iter())
        .filter_map(|p| {
            let head = super::load::head_of(&p)?;
            let text = String::from_utf8_lossy(&head);
            let g = generation_in_head(&head)?;
            (text.contains(&format_key) && g <= at_most).then_some((g, p))
        })
        .max_by_key(|(g, _)| *g)
        .map(|(_, p)| p)
}

/// Moves a merged copy into `backups/` (never deleted), as `<its name>.merged.json`.
pub fn retire(path: &Path, copy: &Found) -> std::io::Result<()> {
    let bdir = dir_of(path).join("backups");
    if !bdir.exists() {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new().mode(0o700).create(&bdir)?;
    }
    let name = copy.name();
    let stem = name.trim_end_matches(".json");
    fs::rename(&copy.path, bdir.join(format!("{stem}.merged.json")))?;
    super::files::sync_dir(&bdir)
}

#[cfg(test)]
mod tests {
    use super::copy_of;

    #[test]
    fn every_tools_copy_names_are_known_and_others_are_not() {
        let cases = [
            (
                "workbook.sync-conflict-20261202-101010-ABCDEFG.json",
                Some(("workbook.json", "Syncthing")),
            ),
            (
                "plan.sync-conflict-20261202-101010-ABCDEFG.json",
                Some(("plan.json", "Syncthing")),
            ),
            (
                "workbook (Ana's conflicted copy 2026-12-02).json",
                Some(("workbook.json", "Dropbox")),
            ),
            (
                "journal-2026-11 (conflicted copy 2026-12-02 101010).json",
                Some(("journal-2026-11.json", "Nextcloud")),
            ),
            (
                "workbook.conflict-20261202-101010.json",
                Some(("workbook.json", "mentorbook")),
            ),
            ("workbook.json", None),
            ("workbook.conflict-notes.json", None),
            ("workbook (draft).json", None),
        ];
        for (name, want) in cases {
            let got = copy_of(name);
            assert_eq!(
                got.as_ref().map(|(of, by)| (of.as_str(), *by)),
                want,
                "{name}"
            );
        }
    }
}
