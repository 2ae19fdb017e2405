//! Reading a workbook: which layout the file at its path is (a manifest of parts, or a whole
//! workbook in one file, as before the journal was kept in months), putting back what a save
//! cut short left, reading the plan at once and the months of journal afterwards, newest
//! first, on a thread of its own.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use super::envelope::{Decoded, Kind, decode_as};
use super::parts::{
    Manifest, MonthRef, decode_manifest, decode_month, generation_in_head, month_of_file,
};
use super::{Known, OpenError, backup, dir_of, known_of};
use crate::model::{JournalEntry, Month, Workbook};

/// A manifest is never this large (it takes seven thousand months); a file that is, is a
/// whole workbook.
const MANIFEST_MAX: u64 = 1 << 20;

/// What is at a workbook's path.
#[derive(Debug)]
pub enum Layout {
    /// A manifest: the workbook is in parts.
    Parts(Box<Manifest>, Known),
    /// A whole workbook in one file.
    Whole,
}

/// Tells the layouts apart without reading a large whole workbook.
pub fn layout(path: &Path) -> Result<Layout, OpenError> {
    let io_err = |e| OpenError::Io(path.to_path_buf(), e);
    let len = fs::metadata(path).map_err(io_err)?.len();
    if len >= MANIFEST_MAX {
        return Ok(Layout::Whole);
    }
    let bytes = super::crypt::read(path).map_err(io_err)?;
    #[derive(serde::Deserialize)]
    struct Head {
        schema_version: Option<serde_json::Value>,
    }
    // A byte-order mark is read past (and an encoding not UTF-8 is named by the careful read).
    let text = super::strict::utf8_text(&bytes).unwrap_or(&bytes);
    let version = serde_json::from_slice::<Head>(text)
        .ok()
        .and_then(|h| h.schema_version?.as_u64());
    if version.is_none_or(|v| v < super::parts::PARTS_VERSION) {
        // A whole workbook (or not one at all: the careful read says what is wrong).
        return Ok(Layout::Whole);
    }
    let manifest = decode_manifest(&bytes).map_err(|error| OpenError::Decode {
        path: path.to_path_buf(),
        error,
        backup: backup::newest(&dir_of(path), path),
    })?;
    Ok(Layout::Parts(Box::new(manifest), known_of(path, &bytes)))
}

/// A part's bytes as the manifest wants them: the file if it was written by `generation`,
/// else the copy a save cut short left beside it (`.prev`), else an error saying the two
/// are out of step.
pub fn read_part(dir: &Path, file: &str, generation: u64) -> Result<(Vec<u8>, Known), OpenError> {
    let path = dir.join(file);
    let bytes = super::crypt::read(&path).map_err(|e| OpenError::Io(path.clone(), e));
    let found = match &bytes {
        Ok(b) => generation_in_head(&b[..b.len().min(4096)]),
        Err(_) => None,
    };
    if found == Some(generation) {
        let bytes = bytes?;
        let known = known_of(&path, &bytes);
        return Ok((bytes, known));
    }
    let prev = dir.join(format!("{file}.prev"));
    if let Ok(b) = super::crypt::read(&prev)
        && generation_in_head(&b[..b.len().min(4096)]) == Some(generation)
    {
        let known = known_of(&path, &b);
        return Ok((b, known));
    }
    match (bytes, found) {
        (Err(e), _) => Err(e),
        (Ok(_), Some(found)) => Err(OpenError::OutOfStep {
            path,
            found,
            expected: generation,
        }),
        (Ok(b), None) => {
            // No generation to read: let the decoder say what is wrong with it.
            let error = match super::parts::decode_month(&b) {
                Err(e) => e,
                Ok(_) => super::DecodeError::NotMentorbook {
                    reason: "it does not say which save wrote it".into(),
                },
            };
            Err(OpenError::Decode {
                path,
                error,
                backup: None,
            })
        }
    }
}

/// Under the lock: puts back what a save cut short left. A part renamed aside (`.prev`)
/// that is the one the manifest names goes back in place of the newer, uncommitted one; any
/// other `.prev`, temporary file, or month file newer than the manifest (a save that never
/// committed) is removed. Parts copied in with a looser mode are made private. The folder
/// is flushed only if something changed in it (a start must not wait for the disk).
pub fn settle(dir: &Path, manifest: &Manifest) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    let mut changed = false;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if let Some(part) = name.strip_suffix(".prev") {
            let wanted = manifest.generation_of(part);
            let head = head_of(&path);
            if wanted.is_some() && wanted == head.as_deref().and_then(generation_in_head) {
                fs::rename(&path, dir.join(part))?;
            } else {
                fs::remove_file(&path)?;
            }
            changed = true;
        } else if name.starts_with('.') && name.ends_with(".tmp") {
            fs::remove_file(&path)?;
            changed = true;
        } else if month_of_file(&name).is_some() && manifest.generation_of(&name).is_none() {
            let newer = head_of(&path)
                .as_deref()
                .and_then(generation_in_head)
                .is_some_and(|g| g > manifest.generation);
            if newer {
                fs::remove_file(&path)?;
                changed = true;
            }
        } else if let Ok(meta) = entry.metadata()
            && meta.is_file()
            && meta.permissions().mode() & 0o077 != 0
        {
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600))?;
        }
    }
    if changed {
        super::files::sync_dir(dir)?;
    }
    Ok(())
}

/// The first 512 bytes of a part's content (decrypted, for a sealed one).
pub(super) fn head_of(path: &Path) -> Option<Vec<u8>> {
    super::crypt::head(path, 512)
}

/// Reads the plan a manifest names.
pub fn read_plan(dir: &Path, manifest: &Manifest) -> Result<(Decoded, Known), OpenError> {
    let (bytes, known) = read_part(dir, &manifest.plan.file, manifest.plan.generation)?;
    let path = dir.join(&manifest.plan.file);
    let mut decoded = decode_as(&bytes, Kind::Plan).map_err(|error| OpenError::Decode {
        path,
        error,
        backup: None,
    })?;
    // The next id is kept in the manifest (see `Manifest::next_id`).
    let wb = &mut decoded.workbook;
    wb.next_id = wb.next_id.max(manifest.next_id);
    Ok((decoded, known))
}

/// Reads one month a manifest names, checking it holds what the manifest says.
pub fn read_month(dir: &Path, m: &MonthRef) -> Result<(Vec<Arc<JournalEntry>>, Known), OpenError> {
    let (bytes, known) = read_part(dir, &m.file(), m.generation)?;
    let path = dir.join(m.file());
    let part = decode_month(&bytes).map_err(|error| OpenError::Decode {
        path: path.clone(),
        error,
        backup: None,
    })?;
    if part.month != m.month || part.entries.len() != m.entries || part.generation != m.generation {
        return Err(OpenError::Decode {
            path,
            error: super::DecodeError::NotMentorbook {
                reason: format!(
                    "it holds {} entries of {}, the workbook expects {} of {}",
                    part.entries.len(),
                    part.month,
                    m.entries,
                    m.month
                ),
            },
            backup: None,
        });
    }
    Ok((part.entries, known))
}

/// A whole workbook in parts, read at once (for commands: no thread, no lock).
pub fn read_all(path: &Path, manifest: &Manifest) -> Result<Workbook, OpenError> {
    let dir = super::parts::parts_dir(path);
    let (decoded, _) = read_plan(&dir, manifest)?;
    let mut wb = decoded.workbook;
    for m in &manifest.journal {
        let (entries, _) = read_month(&dir, m)?;
        wb.journal.expect(m.month, m.summary(manifest.latest));
        wb.journal.take_in(m.month, entries);
    }
    Ok(wb)
}

/// What arrives from the journal's thread.
#[derive(Debug)]
pub enum Arrival {
    /// One month of a workbook in parts, as it is on disk: each entry whole or only its
    /// head (see `model/journal/heads.rs`).
    Month {
        month: Month,
        entries: Vec<(Arc<JournalEntry>, bool)>,
        file: Known,
    },
    /// The whole texts of a month whose heads were taken in before (for a search).
    Texts {
        month: Month,
        entries: Vec<Arc<JournalEntry>>,
    },
    /// The whole journal of a workbook in one file.
    Whole(Vec<Arc<JournalEntry>>),
    /// A month that could not be read (the others still come). Never among
    /// [`Taken::arrivals`]: it is in [`Taken::unreadable`].
    Unreadable { month: Month, error: OpenError },
}

type Sent = Result<Arrival, OpenError>;

/// The journal still to be read. Its thread starts when asked (or when waited for): the
/// first frame comes first, since on a machine with few cores the two would slow each other.
pub struct PendingJournal {
    rx: mpsc::Receiver<Sent>,
    go: Option<mpsc::Sender<()>>,
    /// Arrivals still to come.
    left: usize,
    /// The whole journal of a workbook in one file: nothing of it is known until it is in.
    whole: bool,
}

impl std::fmt::Debug for PendingJournal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PendingJournal({} to come)", self.left)
    }
}

impl PendingJournal {
    /// A journal arriving in `left` parts from a thread that runs `read` once started;
    /// `whole` if nothing of it is known before it arrives.
    pub fn spawn(
        left: usize,
        whole: bool,
        read: impl FnOnce(&mpsc::Sender<Sent>) + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel::<Sent>();
        let (go, started) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            // Until asked. A sender dropped unused means nobody will ever ask for it.
            if started.recv().is_ok() {
                read(&tx);
            }
        });
        PendingJournal {
            rx,
            go: Some(go),
            left,
            whole,
        }
    }

    /// The months of a manifest, newest first; of each entry only its head if `heads`.
    pub fn months(dir: PathBuf, mut months: Vec<MonthRef>, heads: bool) -> Self {
        months.sort_by_key(|m| std::cmp::Reverse(m.month));
        PendingJournal::spawn(months.len(), false, move |tx| {
            for m in months {
                let sent = match read_month(&dir, &m) {
                    Ok((entries, file)) => Arrival::Month {
                        month: m.month,
                        entries: entries
                            .into_iter()
                            .map(
                                |e| match heads.then(|| crate::model::head_of(&e)).flatten() {
                                    Some(head) => (Arc::new(head), true),
                                    None => (e, false),
                                },
                            )
                            .collect(),
                        file,
                    },
                    Err(error) => Arrival::Unreadable {
                        month: m.month,
                        error,
                    },
                };
                // A damaged month is said and the older ones still come: they are readable.
                if tx.send(Ok(sent)).is_err() {
                    return;
                }
            }
            if heads {
                give_back_free_memory();
            }
        })
    }

    /// The whole texts of these months (newest first), for entries taken in as heads. A
    /// month saved again meanwhile is read as it is now: a head's text does not change, and
    /// heads are matched by id.
    pub fn texts(dir: PathBuf, months: Vec<MonthRef>) -> Self {
        PendingJournal::spawn(months.len(), false, move |tx| {
            for m in months {
                let path = dir.join(m.file());
                let read = super::crypt::read(&path)
                    .map_err(|e| OpenError::Io(path.clone(), e))
                    .and_then(|b| {
                        decode_month(&b).map_err(|error| OpenError::Decode {
                            path: path.clone(),
                            error,
                            backup: None,
                        })
                    });
                let sent = match read.map(|part| part.entries) {
                    Ok(entries) => Arrival::Texts {
                        month: m.month,
                        entries,
                    },
                    Err(error) => Arrival::Unreadable {
                        month: m.month,
                        error,
                    },
                };
                if tx.send(Ok(sent)).is_err() {
                    return;
                }
            }
        })
    }

    /// Lets the reading start (the first frame is up).
    pub fn start(&mut self) {
        if let Some(go) = self.go.take() {
            let _ = go.send(());
        }
    }

    /// Whether this is a whole file's journal, of which nothing is known before it arrives
    /// (the app then waits for it before handling keys, as it did before months).
    pub fn is_whole(&self) -> bool {
        self.whole
    }

    /// Whether everything has arrived.
    pub fn is_done(&self) -> bool {
        self.left == 0
    }

    /// What has arrived so far, without waiting, and the first part that could not be read
    /// (the others still arrive).
    pub fn take(&mut self) -> Taken {
        self.start();
        let mut taken = Taken::default();
        while self.left > 0 {
            match self.rx.try_recv() {
                Ok(sent) => {
                    self.left -= 1;
                    taken.add(sent);
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.left = 0;
                    taken.add(Err(stopped()));
                }
            }
        }
        taken
    }

    /// Everything still to come, waiting for it.
    pub fn wait(mut self) -> Taken {
        self.start();
        let mut taken = Taken::default();
        while self.left > 0 {
            self.left -= 1;
            taken.add(self.rx.recv().unwrap_or_else(|_| Err(stopped())));
        }
        taken
    }
}

/// What a [`PendingJournal`] handed over: the parts read, the months that could not be,
/// and the first error.
#[derive(Debug, Default)]
pub struct Taken {
    pub arrivals: Vec<Arrival>,
    pub unreadable: Vec<Month>,
    pub failed: Option<OpenError>,
}

impl Taken {
    fn add(&mut self, sent: Sent) {
        match sent {
            Ok(Arrival::Unreadable { month, error }) => {
                self.unreadable.push(month);
                self.failed.get_or_insert(error);
            }
            Ok(a) => self.arrivals.push(a),
            Err(e) => {
                self.failed.get_or_insert(e);
            }
        }
    }

    /// Everything, or the first failure.
    pub fn all(self) -> Result<Vec<Arrival>, OpenError> {
        match self.failed {
            Some(e) => Err(e),
            None => Ok(self.arrivals),
        }
    }
}

/// Each month was parsed whole and its texts dropped, keeping only the heads: the freed
/// texts leave holes between the heads that the allocator keeps. Handing those pages back
/// keeps memory near the heads' size, and a quit does not spend time tearing them down.
fn give_back_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system; no pointer is touched.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn stopped() -> OpenError {
    OpenError::Io(
        PathBuf::new(),
        io::Error::other("the journal reader stopped"),
    )
}
