//! Turning a workbook's encryption on and off: every file that belongs to it — the
//! manifest, the parts, backups, recovery files, conflict and merged copies, the partner
//! view, jotted entries — rewritten in place, atomically, one by one. A rewrite replaces the
//! file (a new inode renamed over it), so no copy of the old content stays under any name.
//! An `encrypt` cut short leaves a marker that the next open (or `encrypt` again) follows to
//! finish; readers meanwhile read both kinds.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{DateTime, Local};

use super::{Store, crypt, dir_of, files, inbox, parts_dir};
use crate::model::Workbook;

/// Every file that belongs to the workbook at `path` (not its lock, key or recipient), the
/// workbook's own file (the manifest) last: rewritten last, it stays newer than its parts,
/// as after a save, so an open does not read every part's head to look for a git merge
/// (`rebuild::needed`).
pub fn files_of(path: &Path) -> Vec<PathBuf> {
    let dir = dir_of(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let not_keys = [
        format!("{stem}.lock"),
        format!("{stem}.key.age"),
        format!("{stem}.recipient"),
        format!("{stem}.encrypting"),
    ];
    // An editor's file that outlived its session (`shell/outside.rs`) holds text too.
    let beside = |n: &str| {
        (n.starts_with(&format!("{stem}.")) || n.starts_with(".mentorbook-edit-"))
            && n != name
            && !not_keys.iter().any(|k| k == n)
    };
    let stamped = |n: &str| files::stamped_for(&stem, n) || n.starts_with(&format!("{stem}."));
    let mut all = files::listed(&dir, beside);
    all.extend(files::listed(&parts_dir(path), |n| !n.starts_with('.')));
    for folder in ["backups", "recovery"] {
        all.extend(files::listed(&dir.join(folder), stamped));
    }
    all.extend(files::listed(&inbox::inbox_dir(path), |n| {
        files::stamped_for(&stem, n)
    }));
    if path.is_file() {
        all.push(path.to_path_buf());
    }
    all
}

/// Rewrites `file` sealed to `seal` (or opened, without one), unless it already is.
fn rewrite(file: &Path, seal: Option<&crypt::Recipient>) -> io::Result<bool> {
    if crypt::file_is_sealed(file) == seal.is_some() {
        return Ok(false);
    }
    let plain = crypt::read(file)?;
    let folder = dir_of(file);
    files::write_sealed(&folder, file, &plain, seal)?;
    Ok(true)
}

/// Seals every file of the workbook that is not yet; how many were rewritten.
fn seal_all(path: &Path, seal: &crypt::Recipient) -> io::Result<usize> {
    let mut n = 0;
    for file in files_of(path) {
        n += usize::from(rewrite(&file, Some(seal))?);
    }
    Ok(n)
}

/// Finishes an `encrypt` cut short (its marker is there): under the lock, at open.
pub(super) fn finish_if_cut_short(path: &Path, seal: Option<&crypt::Recipient>) -> io::Result<()> {
    let marker = crypt::marker_path(path);
    if let Some(seal) = seal
        && marker.exists()
    {
        seal_all(path, seal)?;
        fs::remove_file(&marker)?;
        files::sync_dir(&dir_of(path))?;
    }
    Ok(())
}

impl Store {
    /// Whether this workbook is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.seal.is_some()
    }

    /// Encrypts the workbook: a new key sealed with `passphrase`, then every file of the
    /// workbook rewritten encrypted. A workbook still in one whole file is saved in parts
    /// first. How many files were encrypted.
    pub fn encrypt(
        &mut self,
        workbook: &Workbook,
        passphrase: &SecretString,
        now: DateTime<Local>,
    ) -> Result<usize, String> {
        if self.seal.is_some() {
            return Err(format!("{} is encrypted already", self.path.display()));
        }
        if self.disk.whole || !self.path.exists() {
            self.save(workbook, now).map_err(|e| e.to_string())?;
        }
        let io = |e: io::Error| e.to_string();
        files::write_private(&self.dir, &crypt::marker_path(&self.path), b"").map_err(io)?;
        let seal = crypt::create(&self.path, passphrase).map_err(io)?;
        let n = seal_all(&self.path, &seal).map_err(io)?;
        self.seal = Some(seal);
        fs::remove_file(crypt::marker_path(&self.path)).map_err(io)?;
        files::sync_dir(&self.dir).map_err(io)?;
        self.forget_stamps();
        Ok(n)
    }

    /// Writes every file of the (unlocked) workbook back in plain text and removes its key.
    /// How many files were decrypted.
    pub fn decrypt(&mut self) -> Result<usize, String> {
        if self.seal.is_none() {
            return Err(format!("{} is not encrypted", self.path.display()));
        }
        let io = |e: io::Error| e.to_string();
        let mut n = 0;
        for file in files_of(&self.path) {
            n += usize::from(rewrite(&file, None).map_err(io)?);
        }
        self.seal = None;
        // The key first: a recipient left alone says the workbook was encrypted, and
        // `decrypt` again finishes (see `cli/crypt.rs`).
        for gone in [
            crypt::key_path(&self.path),
            crypt::recipient_path(&self.path),
        ] {
            fs::remove_file(&gone)
                .or_else(|e| match e.kind() {
                    io::ErrorKind::NotFound => Ok(()),
                    _ => Err(e),
                })
                .map_err(io)?;
        }
        let _ = fs::remove_file(crypt::marker_path(&self.path));
        files::sync_dir(&self.dir).map_err(io)?;
        self.forget_stamps();
        Ok(n)
    }

    /// After files were rewritten: what is on disk is the same content under new inodes.
    /// The stamps are taken again so the next save does not see another program's change.
    fn forget_stamps(&mut self) {
        let disk = std::sync::Arc::make_mut(&mut self.disk);
        for (name, known) in &mut disk.files {
            let path = if name.is_empty() {
                self.path.clone()
            } else {
                self.parts.join(name)
            };
            known.stamp = super::stamp_of(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_of_a_workbook_leave_out_its_keys_and_other_workbooks() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "work.json",
            "work.lock",
            "work.key.age",
            "work.recipient",
            "work.conflict-20261201-101010.json",
            "work.partner.json",
            "work-log.json",
            "workshop.json",
            "work.parts/plan.json",
            "backups/work-20261201-1010.json",
            "backups/work.plan-20261201-1010.json",
            "backups/work-log-20261201-1010.json",
            "recovery/work-20261201-101010.json",
            "inbox/work-20261201-101010-0000abcd.json",
        ] {
            let p = d.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let names: Vec<String> = files_of(&d.join("work.json"))
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "work.conflict-20261201-101010.json",
                "work.partner.json",
                "work.parts/plan.json",
                "backups/work-20261201-1010.json",
                "backups/work.plan-20261201-1010.json",
                "recovery/work-20261201-101010.json",
                "inbox/work-20261201-101010-0000abcd.json",
                "work.json",
            ]
        );
    }
}
