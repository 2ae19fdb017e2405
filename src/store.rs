//! The only code that touches the file system: where the workbook lives, opening it under a
//! lock, and saving it atomically with rotated backups. A workbook is kept in parts (a small
//! manifest, the plan, a file per month of journal: see `parts.rs`); a save writes only the
//! parts that changed, and the manifest last.

mod backup;
mod convert;
mod copies;
pub mod crypt;
mod envelope;
mod error;
mod files;
mod id;
pub mod inbox;
mod load;
mod partner;
mod parts;
mod pieces;
mod progressive;
mod reading;
mod rebuild;
mod recovery;
mod reread;
mod save;
mod steps;
mod strict;

use std::collections::BTreeMap;
use std::fs::{self, DirBuilder, File, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use chrono::{DateTime, Local};

use crate::model::{Journal, JournalEntry, Month, Workbook};
pub use convert::files_of as workbook_files;
pub use copies::{Found, Other, copy_of, find as find_copies, retire as retire_copy};
pub use envelope::{DecodeError, Decoded, SCHEMA_VERSION, data_slice, decode, encode, encode_data};
pub use error::{OpenError, SaveError};
use files::{dir_of, probe_writable, resolve_link, sweep_temp_files, tighten};
pub use files::{secure_dir, write_file_private};
pub use id::{ensure_id, new_workbook_id};
pub use load::{Arrival, PendingJournal, Taken};
pub use partner::{decode_packet, encode_packet, keep_partner, partner_path, read_partner};
use parts::Manifest;
pub use parts::{PARTS_VERSION, common_ancestor, parts_dir};
pub use pieces::{Piece, merge_manifests, read_piece, write_piece};
pub use reading::{read_only, read_plan};
#[cfg(feature = "test-hooks")]
pub use save::Faults;
pub use save::{SaveDone, SaveJob, SaveStep, Saved};

/// The default workbook file: `<platform data dir>/mentorbook/workbook.json`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "mentorbook")
        .map(|d| d.data_local_dir().join("workbook.json"))
}

/// An open workbook, locked against other instances for as long as this value lives.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    dir: PathBuf,
    parts: PathBuf,
    /// Held for the session: the lock is released when the file is closed.
    _lock: File,
    generation: u64,
    /// What is on disk, as this session last read or wrote it.
    disk: Arc<OnDisk>,
    /// Once the workbook was changed by another program, saves go to this copy instead.
    conflict: Option<PathBuf>,
    /// An encrypted workbook's recipient: every file written is encrypted to it.
    seal: Option<crypt::Recipient>,
    /// Inbox files whose entries were taken in, removed once a save holds them.
    jotted: Vec<PathBuf>,
    #[cfg(feature = "test-hooks")]
    faults: Option<Faults>,
}

/// What this session knows is on disk: enough to write only what changed, and to notice
/// another program's change.
#[derive(Debug, Clone, Default)]
pub struct OnDisk {
    /// The file at the workbook's path is a whole workbook in one file: the next save writes
    /// it in parts (keeping the whole file in `backups/`).
    whole: bool,
    /// The manifest last read or written.
    manifest: Option<Manifest>,
    /// The plan (the workbook without its journal) as last read or written.
    plan: Option<Arc<Workbook>>,
    /// Each month's entries as last read or written: the journal's own shared entries, so an
    /// unchanged month is known by identity, without encoding it.
    months: BTreeMap<Month, Vec<Arc<JournalEntry>>>,
    /// Each file as last read or written: the workbook's own under "", the parts by name.
    files: BTreeMap<String, Known>,
    /// A save stopped half way: parts moved aside are put back before the next one.
    unsettled: bool,
}

/// A file as we last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    stamp: Option<Stamp>,
    /// The content's fingerprint; unknown for a large whole workbook (not hashed at start).
    print: Option<(u64, usize)>,
}

/// `path` as it is now, holding `bytes`.
fn known_of(path: &Path, bytes: &[u8]) -> Known {
    Known {
        stamp: stamp_of(path),
        print: Some(fingerprint(bytes)),
    }
}

/// Size, modification time and inode of a file: if any differs at save time, someone else
/// wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    ino: u64,
}

fn stamp_of(path: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::metadata(path).ok()?;
    Some(Stamp {
        len: m.len(),
        modified: m.modified().ok(),
        ino: m.ino(),
    })
}

/// Creates a folder of ours, private (0700).
fn make_private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

impl Store {
    /// Locks and reads the workbook at `path`, journal included. A missing file gives an
    /// empty workbook (created on the first save). A file that cannot be read is never
    /// touched: the error says why.
    pub fn open(path: &Path) -> Result<(Store, Workbook), OpenError> {
        let (mut store, mut workbook, pending) = Store::open_with(path, false)?;
        if let Some(journal) = pending {
            // Months arrive newest first; taken in oldest first, the journal is in time order.
            let mut arrived = journal.wait().all()?;
            arrived.reverse();
            store.take_in(&mut workbook, arrived);
        }
        Ok((store, workbook))
    }

    /// Like [`Store::open`], but the journal may still be on its way: the app can draw and
    /// handle keys meanwhile, taking the journal in as it arrives ([`Store::take_in`]).
    /// Of the months, only each entry's head is read into memory (see
    /// `model/journal/heads.rs`); [`Store::fill_month`] reads the rest when it is needed.
    pub fn open_progressive(
        path: &Path,
    ) -> Result<(Store, Workbook, Option<PendingJournal>), OpenError> {
        Store::open_with(path, true)
    }

    fn open_with(
        path: &Path,
        heads: bool,
    ) -> Result<(Store, Workbook, Option<PendingJournal>), OpenError> {
        let path = resolve_link(path);
        let file_name = path
            .file_name()
            .ok_or_else(|| OpenError::BadPath(path.clone()))?;
        let dir = dir_of(&path);
        if !dir.exists() {
            make_private_dir(&dir).map_err(|e| OpenError::Io(dir.clone(), e))?;
        }
        let lock_path = dir.join(Path::new(file_name).with_extension("lock"));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&lock_path)
            .map_err(|e| OpenError::Io(lock_path.clone(), e))?;
        // A lock let go a moment ago can still be held for an instant: by a mentorbook just
        // quitting, or by a child process between its fork and its exec (which inherits the
        // lock until then). A fifth of a second of patience tells those from another
        // mentorbook that has the workbook open.
        let mut tries = 0;
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if tries < 10 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(fs::TryLockError::WouldBlock) => return Err(OpenError::Locked(path.clone())),
                Err(fs::TryLockError::Error(e)) => return Err(OpenError::Io(lock_path, e)),
            }
        }
        let seal = crypt::recipient_of(&path).map_err(|e| OpenError::Io(path.clone(), e))?;
        if let Some(r) = &seal
            && !crypt::unlocked(r)
        {
            return Err(OpenError::Encrypted(path.clone()));
        }
        convert::finish_if_cut_short(&path, seal.as_ref())
            .map_err(|e| OpenError::Io(path.clone(), e))?;
        probe_writable([&dir, &parts_dir(&path)], &file_name.to_string_lossy())
            .map_err(|(folder, e)| OpenError::Io(folder, e))?;
        sweep_temp_files(&dir, &file_name.to_string_lossy());
        // Files from an older version or copied in with a looser mode are made private.
        tighten(&lock_path);
        tighten(&path);
        let mut store = Store {
            parts: parts_dir(&path),
            path: path.clone(),
            dir,
            _lock: lock,
            generation: 0,
            disk: Arc::default(),
            conflict: None,
            seal,
            jotted: Vec::new(),
            #[cfg(feature = "test-hooks")]
            faults: None,
        };
        let (wb, pending) = store.read_in(heads)?;
        Ok((store, wb, pending))
    }

    /// Reads what is at the workbook's path into this store (what is on disk, the
    /// generation): at open, and again to merge what another program saved meanwhile.
    fn read_in(&mut self, heads: bool) -> Result<(Workbook, Option<PendingJournal>), OpenError> {
        let store = self;
        let path = store.path.clone();
        // Taken before reading: a change in between shows as a conflict, never as ours.
        let stamp = stamp_of(&path);
        let layout = match load::layout(&path) {
            Err(OpenError::Io(_, e)) if e.kind() == io::ErrorKind::NotFound => {
                store.disk = Arc::new(OnDisk {
                    files: BTreeMap::from([(
                        String::new(),
                        Known {
                            stamp: None,
                            print: None,
                        },
                    )]),
                    ..OnDisk::default()
                });
                return Ok((Workbook::default(), None));
            }
            other => other?,
        };
        match layout {
            // Merged by git file by file: settled, then read as any workbook.
            load::Layout::Parts(manifest, _) if rebuild::needed(&path, &store.parts, &manifest) => {
                rebuild::settle(&path, &store.parts, &manifest)?;
                store.read_in(heads)
            }
            load::Layout::Parts(manifest, known) => {
                load::settle(&store.parts, &manifest)
                    .map_err(|e| OpenError::Io(store.parts.clone(), e))?;
                let (plan, plan_known) = load::read_plan(&store.parts, &manifest)?;
                let mut wb = plan.workbook;
                for m in &manifest.journal {
                    wb.journal.expect(m.month, m.summary(manifest.latest));
                }
                let pending = (!manifest.journal.is_empty()).then(|| {
                    PendingJournal::months(store.parts.clone(), manifest.journal.clone(), heads)
                });
                store.generation = manifest.generation;
                let mut plan_only = wb.clone();
                plan_only.journal = Journal::default();
                plan_only.next_id = 0;
                store.disk = Arc::new(OnDisk {
                    files: BTreeMap::from([
                        (String::new(), Known { stamp, ..known }),
                        (manifest.plan.file.clone(), plan_known),
                    ]),
                    manifest: Some(*manifest),
                    plan: Some(Arc::new(plan_only)),
                    ..OnDisk::default()
                });
                Ok((wb, pending))
            }
            load::Layout::Whole => {
                let (decoded, print, pending) = match progressive::read(&path, decode_file)? {
                    progressive::Opened::Whole(d, print) => (d, Some(print), None),
                    progressive::Opened::Partial(d, journal) => (d, None, Some(journal)),
                };
                store.generation = decoded.generation;
                store.disk = Arc::new(OnDisk {
                    whole: true,
                    files: BTreeMap::from([(String::new(), Known { stamp, print })]),
                    ..OnDisk::default()
                });
                Ok((decoded.workbook, pending))
            }
        }
    }

    /// Takes in journal that arrived: into the workbook, and as what is on disk (so an
    /// unchanged month is never written again).
    pub fn take_in(&mut self, workbook: &mut Workbook, arrivals: Vec<Arrival>) {
        let disk = Arc::make_mut(&mut self.disk);
        for arrival in arrivals {
            match arrival {
                Arrival::Month {
                    month,
                    entries,
                    file,
                } => {
                    disk.months
                        .insert(month, entries.iter().map(|(e, _)| e.clone()).collect());
                    disk.files.insert(parts::month_file(month), file);
                    workbook.journal.take_in_heads(month, entries);
                }
                Arrival::Texts { month, entries } => {
                    Store::record_filled(disk, month, workbook.journal.fill(month, &entries));
                }
                Arrival::Whole(entries) => {
                    for e in entries {
                        workbook.journal.push(Arc::unwrap_or_clone(e));
                    }
                }
                Arrival::Unreadable { month, .. } => workbook.journal.mark_unreadable(month),
            }
        }
    }

    /// Reads the whole texts of `month`'s heads from its file, now (an entry is opened).
    pub fn fill_month(&mut self, workbook: &mut Workbook, month: Month) -> Result<(), OpenError> {
        let Some(m) = (self.disk.manifest.as_ref())
            .and_then(|m| m.journal.iter().find(|r| r.month == month))
            .cloned()
        else {
            return Ok(());
        };
        let (entries, _) = load::read_month(&self.parts, &m)?;
        let swapped = workbook.journal.fill(month, &entries);
        Store::record_filled(Arc::make_mut(&mut self.disk), month, swapped);
        Ok(())
    }

    /// The whole texts of every month that holds heads, read on their own thread (a search).
    pub fn read_texts(&self, workbook: &Workbook) -> Option<PendingJournal> {
        let manifest = self.disk.manifest.as_ref()?;
        let months: Vec<_> = (workbook.journal.months_with_heads().into_iter())
            .filter_map(|month| manifest.journal.iter().find(|r| r.month == month).cloned())
            .collect();
        (!months.is_empty()).then(|| PendingJournal::texts(self.parts.clone(), months))
    }

    /// What is on disk for `month` is now the filled entries: the heads they replace were
    /// the same entries, so the month is still unchanged.
    fn record_filled(
        disk: &mut OnDisk,
        month: Month,
        swapped: Vec<(Arc<JournalEntry>, Arc<JournalEntry>)>,
    ) {
        if let Some(saved) = disk.months.get_mut(&month) {
            for (was, now) in swapped {
                if let Some(slot) = saved.iter_mut().find(|e| Arc::ptr_eq(e, &was)) {
                    *slot = now;
                }
            }
        }
    }

    /// The workbook file this store writes (the manifest of a workbook in parts).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder of the workbook file (the private data folder for the default one).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The number of successful saves ever made to this workbook.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Saves what changed, atomically (see `save.rs`). On any error the workbook on disk is
    /// the previous one; the caller keeps the workbook in memory and tries again later.
    pub fn save(&mut self, workbook: &Workbook, now: DateTime<Local>) -> Result<Saved, SaveError> {
        match self.job().run(workbook, now) {
            Ok(done) => {
                let saved = done.saved;
                self.finish(&done);
                Ok(saved)
            }
            Err(e) => {
                self.failed(&e);
                Err(e)
            }
        }
    }

    /// What a save needs besides the workbook, so that it can run on another thread while the
    /// app goes on. Run one job at a time and hand its result to [`Store::finish`].
    pub fn job(&self) -> SaveJob {
        SaveJob {
            path: self.path.clone(),
            dir: self.dir.clone(),
            parts: self.parts.clone(),
            generation: self.generation,
            disk: Arc::clone(&self.disk),
            conflict: self.conflict.clone(),
            seal: self.seal.clone(),
            jotted: self.jotted.clone(),
            #[cfg(feature = "test-hooks")]
            faults: self.faults.clone(),
        }
    }

    /// Takes in a finished job: the new generation and what is now on disk.
    pub fn finish(&mut self, done: &SaveDone) {
        self.generation = done.generation;
        self.disk = Arc::clone(&done.disk);
        self.jotted.retain(|f| !done.retired.contains(f));
    }

    /// Takes in a failed job: after a conflict, every later save goes to the same copy; parts
    /// left moved aside are put back before the next save.
    pub fn failed(&mut self, error: &SaveError) {
        if let Some(copy) = &error.conflict {
            self.conflict = Some(copy.clone());
        }
        if let Some(done) = &error.landed {
            self.finish(done);
        } else if error.unsettled {
            Arc::make_mut(&mut self.disk).unsettled = true;
        }
    }

    /// The copy saves go to since another program changed the workbook, if that happened.
    pub fn conflict(&self) -> Option<&Path> {
        self.conflict.as_deref()
    }

    /// For tests: `faults` runs before each step of every later save and can fail it.
    #[cfg(feature = "test-hooks")]
    pub fn inject_faults(&mut self, faults: Option<Faults>) {
        self.faults = faults;
    }

    /// The workbook whole: months not read yet and the texts of heads taken from disk.
    pub fn complete(&self, workbook: &Workbook) -> io::Result<Workbook> {
        self.job().complete(workbook)
    }
}

/// The careful read of a whole file: a damaged one is refused with where and why, and the
/// newest backup to fall back on.
fn decode_file(path: &Path, bytes: Vec<u8>) -> Result<Decoded, OpenError> {
    decode(&bytes).map_err(|e| OpenError::Decode {
        path: path.to_path_buf(),
        error: e,
        backup: backup::newest(&dir_of(path), path),
    })
}

/// A hash and the length of encoded data, to notice a file that did not change.
pub(crate) fn fingerprint(data: &[u8]) -> (u64, usize) {
    let mut h = DefaultHasher::new();
    h.write(data);
    (h.finish(), data.len())
}
