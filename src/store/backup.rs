//! Rotated backups in `backups/` beside the workbook: the file as it was before a save, at most
//! one per ten minutes; the newest 20 are kept, plus the newest of each day for 30 days.

use std::fs::{self, DirBuilder};
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate, Timelike};

const KEEP_RECENT: usize = 20;
const KEEP_DAYS: usize = 30;

fn backup_dir(dir: &Path) -> PathBuf {
    dir.join("backups")
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// Keeps the current file (if any) as the backup of this ten-minute slot under the name
/// `stem`, then prunes: each part of a workbook has a rotation of its own (`workbook-…`,
/// `workbook.plan-…`, `workbook.journal-2026-11-…`).
pub fn keep_as(dir: &Path, file: &Path, stem: &str, now: DateTime<Local>) -> io::Result<()> {
    if !file.exists() {
        return Ok(());
    }
    let bdir = ensure(dir)?;
    let slot = now.with_minute(now.minute() / 10 * 10).unwrap_or(now);
    let target = bdir.join(format!("{stem}-{}.json", slot.format("%Y%m%d-%H%M")));
    if target.exists() {
        return Ok(());
    }
    // A copy, not a hard link: a program that rewrites the file in place must not change
    // the backup too.
    copy_private(&bdir, file, &target, stem)?;
    prune(&bdir, stem);
    Ok(())
}

/// Keeps the current file (if any) as `backups/<stem>.<why>-<time>.json`, outside the
/// rotation: kept until the user removes it.
pub fn keep_named(dir: &Path, file: &Path, why: &str, now: DateTime<Local>) -> io::Result<()> {
    keep_named_as(dir, file, &stem(file), why, now)
}

/// [`keep_named`] under the name `stem`.
pub fn keep_named_as(
    dir: &Path,
    file: &Path,
    stem: &str,
    why: &str,
    now: DateTime<Local>,
) -> io::Result<()> {
    if !file.exists() {
        return Ok(());
    }
    let bdir = ensure(dir)?;
    let target = bdir.join(format!("{stem}.{why}-{}.json", now.format("%Y%m%d-%H%M%S")));
    copy_private(&bdir, file, &target, stem)
}

/// Moves a recovery file into `backups/` as `<its name without .json>.recovered.json`, out
/// of the way of the next start but not destroyed.
pub fn retire(dir: &Path, recovery: &Path) -> io::Result<()> {
    let bdir = ensure(dir)?;
    let name = recovery.file_stem().unwrap_or_default().to_string_lossy();
    fs::rename(recovery, bdir.join(format!("{name}.recovered.json")))
}

fn ensure(dir: &Path) -> io::Result<PathBuf> {
    let bdir = backup_dir(dir);
    if !bdir.exists() {
        DirBuilder::new().mode(0o700).create(&bdir)?;
    }
    Ok(bdir)
}

/// Copies under a temporary name, flushed to the disk before it takes its name (and the
/// folder after), so neither a crash nor a power cut leaves half a backup; 0600. A failure
/// removes the partial copy.
fn copy_private(bdir: &Path, file: &Path, target: &Path, stem: &str) -> io::Result<()> {
    let partial = bdir.join(format!(".{stem}.partial"));
    let done = fs::copy(file, &partial)
        .and_then(|_| fs::set_permissions(&partial, fs::Permissions::from_mode(0o600)))
        .and_then(|()| fs::File::open(&partial)?.sync_all())
        .and_then(|()| fs::rename(&partial, target))
        .and_then(|()| super::files::sync_dir(bdir));
    if done.is_err() {
        let _ = fs::remove_file(&partial);
    }
    done
}

/// Backups of `stem`, oldest first (the timestamp in the name sorts).
fn list(bdir: &Path, stem: &str) -> Vec<PathBuf> {
    stamped(bdir, stem)
        .into_iter()
        .filter(|p| slot_day(&p.file_name().unwrap_or_default().to_string_lossy()).is_some())
        .collect()
}

/// The `<stem>-<time>.json` files in `dir`, oldest first (the time in the name sorts).
pub fn stamped(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let prefix = format!("{stem}-");
    super::files::listed(dir, |name| {
        name.starts_with(&prefix) && name.ends_with(".json")
    })
}

/// The day a backup's name says it was taken: `workbook-20261124-0910.json`.
fn slot_day(name: &str) -> Option<NaiveDate> {
    let stamp = name.strip_suffix(".json")?.rsplit('-').nth(1)?;
    NaiveDate::parse_from_str(stamp, "%Y%m%d").ok()
}

fn prune(bdir: &Path, stem: &str) {
    let all = list(bdir, stem);
    let recent_from = all.len().saturating_sub(KEEP_RECENT);
    let mut kept_days: Vec<NaiveDate> = Vec::new();
    // Walk newest first so the newest backup of each day is the one kept.
    for (i, path) in all.iter().enumerate().rev() {
        if i >= recent_from {
            continue;
        }
        let day = slot_day(&path.file_name().unwrap_or_default().to_string_lossy());
        match day {
            Some(d) if !kept_days.contains(&d) && kept_days.len() < KEEP_DAYS => kept_days.push(d),
            _ => {
                let _ = fs::remove_file(path);
            }
        }
    }
}

/// The newest backup of `file`, to suggest when the file itself cannot be read.
pub fn newest(dir: &Path, file: &Path) -> Option<PathBuf> {
    list(&backup_dir(dir), &stem(file)).pop()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, h: u32, m: u32) -> DateTime<Local> {
        Local.with_ymd_and_hms(2026, 11, day, h, m, 0).unwrap()
    }

    #[test]
    fn one_backup_per_ten_minute_slot() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("workbook.json");
        fs::write(&file, "first").unwrap();
        keep_as(tmp.path(), &file, "workbook", at(24, 9, 11)).unwrap();
        fs::write(&file, "second").unwrap();
        keep_as(tmp.path(), &file, "workbook", at(24, 9, 19)).unwrap();
        let all = list(&backup_dir(tmp.path()), "workbook");
        assert_eq!(all.len(), 1);
        assert_eq!(fs::read_to_string(&all[0]).unwrap(), "first");
        assert!(all[0].ends_with("workbook-20261124-0910.json"));
    }

    #[test]
    fn rotation_keeps_twenty_recent_and_one_per_older_day() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("workbook.json");
        fs::write(&file, "x").unwrap();
        // Three old days with three backups each, then 25 recent slots today.
        for day in 1..=3 {
            for h in [8, 12, 16] {
                keep_as(tmp.path(), &file, "workbook", at(day, h, 0)).unwrap();
            }
        }
        for i in 0..25 {
            keep_as(
                tmp.path(),
                &file,
                "workbook",
                at(24, 9 + i / 6, (i % 6) * 10),
            )
            .unwrap();
        }
        let all = list(&backup_dir(tmp.path()), "workbook");
        let names: Vec<String> = all
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(names.contains(&"workbook-20261101-1600.json".to_string()));
        assert!(!names.contains(&"workbook-20261101-0800.json".to_string()));
        assert_eq!(all.len(), KEEP_RECENT + 3 + 1, "{names:?}");
        assert_eq!(newest(tmp.path(), &file).unwrap(), *all.last().unwrap());
    }
}
