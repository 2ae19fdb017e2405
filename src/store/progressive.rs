//! Opening a large workbook without waiting for its journal: the parts before and after the
//! journal are read and parsed at once (enough to draw the first frame), the journal on a
//! thread of its own. Only for files laid out as `encode` writes them; anything else, and
//! any file that fails to parse, goes through the careful full read, which names the fault.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Arc;

use super::OpenError;
use super::envelope::{Decoded, decode};
use super::load::{Arrival, PendingJournal};
use crate::model::JournalEntry;

/// Below this size the file is simply read whole.
const SMALL: u64 = 1 << 20;
/// Read in steps of this much while looking for the journal.
const CHUNK: usize = 256 << 10;

const JOURNAL_KEY: &[u8] = b"\n    \"journal\": ";
const AFTER_JOURNAL: &[u8] = b"\n    ],\n    \"closure\": ";

/// What was read: the whole workbook, or all of it but the journal, which follows.
pub enum Opened {
    /// With the fingerprint of its data, so the first save knows what is on disk.
    Whole(Decoded, (u64, usize)),
    Partial(Decoded, PendingJournal),
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(haystack, needle)
}

/// Reads `path`, whole or in two parts. `full` turns the whole file's bytes into the
/// outcome (the careful path, with its errors).
pub fn read(
    path: &Path,
    full: fn(&Path, Vec<u8>) -> Result<Decoded, OpenError>,
) -> Result<Opened, OpenError> {
    let io_err = |e| OpenError::Io(path.to_path_buf(), e);
    let mut file = File::open(path).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    let whole = |mut file: File| -> Result<Opened, OpenError> {
        let mut bytes = Vec::with_capacity(len as usize);
        file.seek(SeekFrom::Start(0)).map_err(io_err)?;
        file.read_to_end(&mut bytes).map_err(io_err)?;
        let bytes = super::crypt::open_bytes(path, bytes).map_err(io_err)?;
        let print = super::fingerprint(super::data_slice(&bytes));
        full(path, bytes).map(|d| Opened::Whole(d, print))
    };
    // A sealed file has no layout to find the journal in: it is decrypted whole.
    if len < SMALL || super::crypt::file_is_sealed(path) {
        return whole(file);
    }
    // The head: everything up to the journal's opening bracket.
    let mut head = Vec::new();
    let start = loop {
        let mut chunk = vec![0; CHUNK];
        let n = file.read(&mut chunk).map_err(io_err)?;
        if n == 0 {
            return whole(file);
        }
        let from = head.len().saturating_sub(JOURNAL_KEY.len());
        head.extend_from_slice(&chunk[..n]);
        if let Some(i) = find(&head[from..], JOURNAL_KEY) {
            break from + i + JOURNAL_KEY.len();
        }
        if head.len() as u64 >= len {
            return whole(file);
        }
    };
    // The tail: from the journal's closing bracket to the end, found from the back.
    let tail_len = (CHUNK as u64).min(len);
    let tail_at = len - tail_len;
    let mut tail = vec![0; tail_len as usize];
    file.read_exact_at(&mut tail, tail_at).map_err(io_err)?;
    let Some(close) = rfind(&tail, AFTER_JOURNAL) else {
        return whole(file);
    };
    // Just after the `]` that closes the journal.
    let end = tail_at as usize + close + 6;
    if end <= start || start >= head.len() || head[start] != b'[' || tail_at as usize <= start {
        return whole(file);
    }
    let mut rest = head[..start].to_vec();
    rest.extend_from_slice(b"[]");
    rest.extend_from_slice(&tail[end - tail_at as usize..]);
    // The journal is read on a thread of its own, once the first frame is drawn.
    let path_buf = path.to_path_buf();
    let reader = file.try_clone().map_err(io_err)?;
    let journal = PendingJournal::spawn(1, true, move |tx| {
        let read = || -> Result<Vec<Arc<JournalEntry>>, OpenError> {
            let mut span = vec![0; end - start];
            reader
                .read_exact_at(&mut span, start as u64)
                .map_err(|e| OpenError::Io(path_buf.clone(), e))?;
            match super::strict::quietly::<Vec<Arc<JournalEntry>>>(&span) {
                Some(journal) => Ok(journal),
                // Read it all again the careful way: that names the line and field at fault.
                _ => {
                    let bytes = super::crypt::read(&path_buf)
                        .map_err(|e| OpenError::Io(path_buf.clone(), e))?;
                    full(&path_buf, bytes).map(|d| d.workbook.journal.shared().to_vec())
                }
            }
        };
        let _ = tx.send(read().map(Arrival::Whole));
    });
    match decode(&rest) {
        Ok(decoded) => Ok(Opened::Partial(decoded, journal)),
        // The careful path says what is wrong; the journal thread's answer is not needed.
        Err(_) => {
            drop(journal);
            whole(file)
        }
    }
}
