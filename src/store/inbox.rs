//! Journal entries written from the shell (`mentorbook jot`) while the workbook is open in
//! the app, or encrypted: each waits in `inbox/` beside the workbook, one small file each
//! (encrypted to the workbook's recipient, which needs no passphrase), until a session takes
//! it in. The file goes once a save holds its entry; a file left by a save cut short is
//! recognised at the next take-in (same time, same text) and goes without a duplicate.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::{Store, crypt, dir_of, files};
use crate::model::{JournalEntry, Month, Workbook};

/// `<folder of the workbook>/inbox`.
pub fn inbox_dir(workbook: &Path) -> PathBuf {
    dir_of(workbook).join("inbox")
}

/// One jotted entry, as its file holds it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Jotted {
    mentorbook_jot: u32,
    entry: JournalEntry,
}

fn stem(workbook: &Path) -> String {
    (workbook.file_stem().unwrap_or_default().to_string_lossy()).into_owned()
}

/// Leaves `entry` in the workbook's inbox (encrypted when the workbook is), without reading
/// or locking the workbook. The file's name is unique: two jots never meet.
pub fn drop_in(workbook: &Path, entry: &JournalEntry, now: DateTime<Local>) -> io::Result<PathBuf> {
    let workbook = super::resolve_link(workbook);
    let seal = crypt::recipient_of(&workbook)?;
    let dir = inbox_dir(&workbook);
    super::make_private_dir(&dir)?;
    let bytes = serde_json::to_vec_pretty(&Jotted {
        mentorbook_jot: 1,
        entry: JournalEntry {
            id: 0,
            ..entry.clone()
        },
    })
    .map_err(io::Error::other)?;
    let unique: u32 = rand_u32();
    let target = dir.join(format!(
        "{}-{}-{unique:08x}.json",
        stem(&workbook),
        now.format("%Y%m%d-%H%M%S")
    ));
    files::write_sealed(&dir, &target, &bytes, seal.as_ref())?;
    Ok(target)
}

/// A number nobody else picks at the same second: from the clock's nanoseconds and the
/// process id, mixed.
fn rand_u32() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish() as u32
}

/// An entry waiting in the inbox.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub file: PathBuf,
    pub entry: JournalEntry,
}

/// The entries waiting for the workbook at `workbook`, oldest first, and the files that do
/// not read (left where they are, named for the person).
pub fn waiting(workbook: &Path) -> (Vec<Waiting>, Vec<(PathBuf, String)>) {
    waiting_but(workbook, &[])
}

/// [`waiting`], leaving out (unread) the files in `taken`.
fn waiting_but(workbook: &Path, taken: &[PathBuf]) -> (Vec<Waiting>, Vec<(PathBuf, String)>) {
    let dir = inbox_dir(workbook);
    let stem = stem(workbook);
    let mut names = files::listed(&dir, |name| {
        files::stamped_for(&stem, name) && name.ends_with(".json")
    });
    names.retain(|f| !taken.contains(f));
    let (mut found, mut bad) = (Vec::new(), Vec::new());
    for file in names {
        let read = crypt::read(&file)
            .map_err(|e| e.to_string())
            .and_then(|b| super::strict::from_slice::<Jotted>(&b).map_err(|e| format!("{e:?}")));
        match read {
            Ok(j) if j.mentorbook_jot == 1 => found.push(Waiting {
                file,
                entry: j.entry,
            }),
            Ok(j) => bad.push((file, format!("version {} is newer", j.mentorbook_jot))),
            Err(e) => bad.push((file, e)),
        }
    }
    (found, bad)
}

/// What [`Store::take_inbox`] did.
#[derive(Debug, Default)]
pub struct TakenIn {
    /// Entries added to the journal.
    pub added: usize,
    /// Files that do not read, and why: left in the inbox.
    pub unreadable: Vec<(PathBuf, String)>,
}

impl Store {
    /// Takes the entries waiting in the inbox into `workbook`, whose journal must be whole
    /// (every month read): each gets an id, and its file goes once a save holds it. An entry
    /// the journal holds already (its file outlived the save that took it in) is not added
    /// twice.
    pub fn take_inbox(&mut self, workbook: &mut Workbook) -> TakenIn {
        // Files taken in already wait only for a save: they are not read again.
        let (found, unreadable) = waiting_but(&self.path, &self.jotted);
        let mut added = 0;
        for w in found {
            let month = Month::of(&w.entry.at);
            if workbook.journal.months_with_heads().contains(&month)
                && self.fill_month(workbook, month).is_err()
            {
                continue;
            }
            let there =
                (workbook.journal.iter()).any(|e| e.at == w.entry.at && e.text == w.entry.text);
            if !there {
                let id = workbook.fresh_id();
                workbook.journal.push(JournalEntry { id, ..w.entry });
                added += 1;
            }
            self.jotted.push(w.file);
        }
        TakenIn { added, unreadable }
    }
}

/// Removes inbox files whose entries a save now holds.
pub fn retire(files: &[PathBuf]) {
    for f in files {
        let _ = fs::remove_file(f);
    }
    if let Some(dir) = files.first().and_then(|f| f.parent()) {
        let _ = files::sync_dir(dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_dropped_in_is_waiting_and_retired_once_saved() {
        let dir = tempfile::tempdir().unwrap();
        let wb = dir.path().join("work.json");
        let entry = JournalEntry {
            id: 9,
            text: "from the shell #idea".into(),
            tags: vec!["idea".into()],
            ..JournalEntry::default()
        };
        let now = Local::now();
        let a = drop_in(&wb, &entry, now).unwrap();
        let b = drop_in(&wb, &entry, now).unwrap();
        assert_ne!(a, b, "two jots in one second keep two files");
        // Another workbook's inbox files in the same folder are not ours.
        fs::write(inbox_dir(&wb).join("work-log-20261201-000000-0.json"), "{}").unwrap();
        let (found, bad) = waiting(&wb);
        assert_eq!(found.len(), 2);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(found[0].entry.text, "from the shell #idea");
        assert_eq!(found[0].entry.id, 0, "ids are given when taken in");
        retire(&[a, b]);
        assert!(waiting(&wb).0.is_empty());
    }
}
