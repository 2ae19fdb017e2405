//! Errors from opening and saving, written for the person who has to act on them.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::envelope::{DecodeError, SCHEMA_VERSION};

/// Why a workbook could not be opened. Nothing was written when this is returned.
#[derive(Debug)]
pub enum OpenError {
    /// The path names no file.
    BadPath(PathBuf),
    /// Another mentorbook has this workbook open.
    Locked(PathBuf),
    /// The workbook is encrypted and its key was not unlocked with the passphrase.
    Encrypted(PathBuf),
    /// Reading the file or its folder failed.
    Io(PathBuf, io::Error),
    /// The file is there but is not a workbook this version can read.
    Decode {
        path: PathBuf,
        error: DecodeError,
        /// The newest backup, if any, to offer instead.
        backup: Option<PathBuf>,
    },
    /// A part of the workbook was written by another save than the one the workbook names
    /// (copied in from elsewhere, or left half way by something other than mentorbook).
    OutOfStep {
        path: PathBuf,
        found: u64,
        expected: u64,
    },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::BadPath(p) => write!(f, "{} is not a file name.", p.display()),
            OpenError::Locked(p) => write!(
                f,
                "{} is already open in another mentorbook.\n\
                 Only one can write to a workbook at a time. Switch to that window, or quit it \
                 and try again.",
                p.display()
            ),
            OpenError::Encrypted(p) => write!(
                f,
                "{} is encrypted: its passphrase is needed to read it (asked on the terminal, \
                 or --passphrase-file FILE).",
                p.display()
            ),
            OpenError::Io(p, e) => write!(f, "cannot use {}: {}.", p.display(), io_reason(e)),
            OpenError::OutOfStep {
                path,
                found,
                expected,
            } => write!(
                f,
                "cannot open the workbook: {} was written by save {found}, but the workbook \
                 names save {expected} of it. It may have been copied in from another copy of \
                 the workbook. Nothing was changed; put back the matching file (the backups \
                 folder keeps earlier ones) or copy the whole workbook again.",
                path.display()
            ),
            OpenError::Decode {
                path,
                error,
                backup,
            } => {
                write!(f, "cannot open {}\n  ", path.display())?;
                match error {
                    DecodeError::Empty => write!(f, "the file is empty.")?,
                    DecodeError::NotUtf8 { found } => write!(
                        f,
                        "the file is {found} text; a workbook is UTF-8. If it was saved from \
                         a text editor, save it again as UTF-8."
                    )?,
                    DecodeError::Syntax {
                        line,
                        column,
                        reason,
                    } => write!(
                        f,
                        "line {line}, column {column}: {reason} (the file is damaged or cut short)."
                    )?,
                    DecodeError::NotMentorbook { reason } => {
                        write!(f, "this is not a mentorbook workbook: {reason}.")?
                    }
                    DecodeError::FutureVersion { found } => write!(
                        f,
                        "it was written by a newer mentorbook (schema version {found}; this \
                         version reads up to {SCHEMA_VERSION}). Update mentorbook to open it."
                    )?,
                    DecodeError::UnknownField { field } => write!(
                        f,
                        "it holds a field this version does not know (`{field}`), probably \
                         written by a newer mentorbook. Saving would drop it, so the file is not \
                         opened. Update mentorbook to open it."
                    )?,
                    DecodeError::Field {
                        field,
                        line,
                        column,
                        reason,
                    } if field.is_empty() => write!(f, "line {line}, column {column}: {reason}.")?,
                    DecodeError::Field {
                        field,
                        line,
                        column,
                        reason,
                    } => write!(
                        f,
                        "line {line}, column {column}: field `{field}`: {reason}."
                    )?,
                }
                write!(f, "\nThe file was left exactly as it is.")?;
                if !matches!(
                    error,
                    DecodeError::FutureVersion { .. } | DecodeError::UnknownField { .. }
                ) {
                    match backup {
                        Some(b) => write!(
                            f,
                            "\nTo go back to the last good copy, replace it with the backup\n  {}",
                            b.display()
                        )?,
                        None => write!(
                            f,
                            "\nRepair it in a text editor, or move it away to start a new workbook."
                        )?,
                    }
                }
                write!(
                    f,
                    "\nTo use another file meanwhile: mentorbook --file PATH (or MENTORBOOK_FILE=PATH)."
                )
            }
        }
    }
}

impl std::error::Error for OpenError {}

/// Why a save failed: the step and the reason, short enough for the status line.
#[derive(Debug)]
pub struct SaveError {
    pub step: &'static str,
    pub error: io::Error,
    /// Another program changed the workbook file: it was left alone and our version went to
    /// this copy (if `error` says writing the copy failed, it is not there).
    pub conflict: Option<PathBuf>,
    /// The new file did reach its place before the failure (see [`super::Store::failed`]).
    pub landed: Option<Box<super::SaveDone>>,
    /// Parts were moved aside before the failure: the next save puts them back first.
    pub unsettled: bool,
}

impl SaveError {
    /// A failure at `step` (words for the status line: "writing", "flushing to disk"…).
    pub fn new(step: &'static str, error: io::Error) -> Self {
        SaveError {
            step,
            error,
            conflict: None,
            landed: None,
            unsettled: false,
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.conflict {
            Some(copy) if self.error.kind() == io::ErrorKind::Other => {
                let name = copy.file_name().unwrap_or_default().to_string_lossy();
                write!(f, "changed outside mentorbook; yours: {name}")
            }
            _ => write!(f, "{} ({})", io_reason(&self.error), self.step),
        }
    }
}

impl std::error::Error for SaveError {}

/// A short, plain reason for an I/O error.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        io::ErrorKind::NotFound => "the folder is gone".into(),
        io::ErrorKind::QuotaExceeded => "the disk quota is used up".into(),
        _ => e.to_string(),
    }
}
