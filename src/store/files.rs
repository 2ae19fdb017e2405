//! The file-system helpers of the store: private atomic writes, the folder's flush, modes,
//! links, and the sweep of what a killed save left behind.

use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Writes a whole file atomically and private (0600), beside its target: exports use it.
pub fn write_file_private(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_private(&dir_of(target), target, bytes)
}

/// Writes `bytes` to `target` atomically, 0600, through a temp file in `dir` named like the
/// target (so the start-up sweep finds it if a crash leaves it).
pub(super) fn write_private(dir: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Like [`write_private`], encrypted to `seal` first when the workbook is encrypted.
pub(super) fn write_sealed(
    dir: &Path,
    target: &Path,
    bytes: &[u8],
    seal: Option<&super::crypt::Recipient>,
) -> io::Result<()> {
    write_private(dir, target, &super::crypt::seal(seal, bytes)?)
}

/// The files in `folder` whose names `keep` accepts, sorted by name (a missing folder has
/// none).
pub(super) fn listed(folder: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| keep(&p.file_name().unwrap_or_default().to_string_lossy()))
        .collect();
    found.sort();
    found
}

/// Whether `name` is a stamped file of the workbook `stem` (`<stem>-20261201-…`): a backup,
/// a recovery file, a jotted entry. Not `<stem>-log-…`, another workbook's.
pub(super) fn stamped_for(stem: &str, name: &str) -> bool {
    name.strip_prefix(stem)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|rest| {
            rest.len() > 9
                && rest.as_bytes()[..8].iter().all(u8::is_ascii_digit)
                && rest.as_bytes()[8] == b'-'
        })
}

/// Makes a file of ours private (0600) if it is looser. Errors are left to the save.
pub(super) fn tighten(path: &Path) {
    if let Ok(meta) = fs::metadata(path)
        && meta.permissions().mode() & 0o077 != 0
    {
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o600));
    }
}

/// Makes the data folder private (0700) if it is looser; used for the default folder.
pub fn secure_dir(dir: &Path) -> io::Result<()> {
    let meta = fs::metadata(dir)?;
    if meta.permissions().mode() & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// The folder a workbook file lives in.
pub(super) fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A symlinked workbook file is followed once, so saves replace the target and keep the link.
pub(super) fn resolve_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or(path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

/// Whether a file can be made in each of `folders` that exists, tried by making one (named
/// like a save's temporary file, so a kill in between leaves nothing the next start does
/// not sweep). The lock file of an earlier session opens in a folder since made read-only,
/// so opening it proves nothing; without this the app would start and every save fail.
pub(super) fn probe_writable<const N: usize>(
    folders: [&Path; N],
    file_name: &str,
) -> Result<(), (PathBuf, io::Error)> {
    for folder in folders.into_iter().filter(|f| f.exists()) {
        tempfile::Builder::new()
            .prefix(&format!(".{file_name}.probe-"))
            .suffix(".tmp")
            .tempfile_in(folder)
            .map_err(|e| (folder.to_path_buf(), e))?;
    }
    Ok(())
}

pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Removes temp files left by a save (or a conflict, recovery or backup copy) that was
/// killed halfway: only names this workbook's saves use. Only called under the lock.
pub(super) fn sweep_temp_files(dir: &Path, file_name: &str) {
    let stem = Path::new(file_name)
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let ours = |name: &str| {
        (name.starts_with(&format!(".{file_name}.")) && name.ends_with(".tmp"))
            || (name.starts_with(&format!(".{stem}.conflict-")) && name.ends_with(".tmp"))
            || (name.starts_with(&format!(".{stem}-")) && name.ends_with(".tmp"))
            || (name.starts_with(&format!(".{stem}.")) && name.ends_with(".tmp"))
            || (name.starts_with(&format!(".{stem}")) && name.ends_with(".partial"))
    };
    let folders = [
        dir.to_path_buf(),
        dir.join("recovery"),
        dir.join("backups"),
        dir.join("inbox"),
    ];
    for folder in folders {
        for entry in fs::read_dir(folder).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if ours(&name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
