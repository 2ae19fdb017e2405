//! `mentorbook merge BASE OURS THEIRS`: git's merge driver (`merge=` in `.gitattributes`).
//! Any file of a workbook: a whole one, the manifest, the plan, a month. The result goes
//! over OURS; the exit code is git's contract: 0 merged cleanly, 1 collisions remain (kept
//! inside the file, which loads), 2 nothing could be merged (OURS left as it was).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Local};
use clap::Args;

use super::say;
use crate::merge::{self, Merged};
use crate::model::{Conflict, Workbook};
use crate::store::{self, Piece};

/// The arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The version both sides come from (git's %O; an empty file when there is none).
    pub base: PathBuf,
    /// This side (git's %A): the merged result is written over it.
    pub ours: PathBuf,
    /// The other side (git's %B).
    pub theirs: PathBuf,
    /// The file's path in the working tree (git's %P): needed for an encrypted workbook,
    /// whose key and recipient are found beside it.
    pub path: Option<PathBuf>,
}

/// Runs `merge`.
pub fn run(cli: &super::Cli, args: &MergeArgs, now: DateTime<Local>) -> ExitCode {
    match merge_files(cli, args, now) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(n) => {
            say(&format!(
                "mentorbook merge: {}: {n} collision(s) kept in the file; open it in mentorbook to choose",
                args.ours.display()
            ));
            ExitCode::from(1)
        }
        Err(msg) => {
            say(&format!("mentorbook merge: {msg}"));
            ExitCode::from(2)
        }
    }
}

fn read(path: &Path) -> Result<Option<Piece>, String> {
    let bytes = store::crypt::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    store::read_piece(&bytes).map(Some).map_err(|error| {
        let path = path.to_path_buf();
        (store::OpenError::Decode {
            path,
            error,
            backup: None,
        })
        .to_string()
    })
}

/// Merges the three files; how many collisions remain.
fn merge_files(cli: &super::Cli, args: &MergeArgs, now: DateTime<Local>) -> Result<usize, String> {
    let seal = encryption(cli, args)?;
    let base = read(&args.base)?;
    let ours = read(&args.ours)?.ok_or_else(|| format!("{} is empty", args.ours.display()))?;
    let theirs =
        read(&args.theirs)?.ok_or_else(|| format!("{} is empty", args.theirs.display()))?;
    if std::mem::discriminant(&ours) != std::mem::discriminant(&theirs) {
        return Err(format!(
            "{} is {} and {} is {}",
            args.ours.display(),
            ours.kind(),
            args.theirs.display(),
            theirs.kind()
        ));
    }
    // A part the driver wrote says generation 0 (no save writes it): the next open reads
    // the parts as they are and writes a true manifest (`store/rebuild.rs`).
    let generation = match ours {
        Piece::Whole(..) => ours.generation().max(theirs.generation()) + 1,
        _ => 0,
    };
    let (merged, found) = match (&ours, &theirs) {
        (Piece::Manifest(o), Piece::Manifest(t)) => {
            (Piece::Manifest(Box::new(store::merge_manifests(o, t))), 0)
        }
        _ => {
            let of = |p: &Piece| p.workbook().unwrap_or_default();
            let b = base.as_ref().map(of).unwrap_or_default();
            let Merged {
                mut workbook,
                conflicts,
                ..
            } = merge::merge(&b, &of(&ours), &of(&theirs), "git").map_err(|e| e.to_string())?;
            if matches!(ours, Piece::Month(..)) {
                keep_in_entries(&mut workbook);
            }
            (ours.with(workbook, generation), conflicts)
        }
    };
    let bytes = store::write_piece(&merged, now.fixed_offset());
    let bytes = store::crypt::seal(seal.as_ref(), &bytes).map_err(|e| e.to_string())?;
    store::write_file_private(&args.ours, &bytes)
        .map_err(|e| format!("{}: {e}", args.ours.display()))?;
    Ok(found)
}

/// For files of an encrypted workbook (any of the three sealed): the workbook they belong
/// to (found from git's %P: the manifest itself, or a part in its `.parts` folder) is
/// unlocked, and its recipient seals the result.
fn encryption(
    cli: &super::Cli,
    args: &MergeArgs,
) -> Result<Option<store::crypt::Recipient>, String> {
    let sealed = [&args.base, &args.ours, &args.theirs]
        .iter()
        .any(|p| store::crypt::file_is_sealed(p));
    let workbook = args.path.as_ref().map(|p| match p.parent() {
        Some(dir) if dir.extension().is_some_and(|e| e == "parts") => dir.with_extension("json"),
        _ => p.clone(),
    });
    let Some(workbook) = workbook.filter(|w| store::crypt::is_encrypted(w)) else {
        return match sealed {
            true => Err(
                "these files are encrypted: give git's %P as a fourth argument \
                 (merge.mentorbook.driver = mentorbook merge %O %A %B %P)"
                    .into(),
            ),
            false => Ok(None),
        };
    };
    super::crypt::unlock(cli, &workbook)?;
    store::crypt::recipient_of(&workbook).map_err(|e| e.to_string())
}

/// A month's file holds entries only: a collision in an entry is kept in its text, the
/// other side's words after a line that says so, for the person to tidy.
fn keep_in_entries(wb: &mut Workbook) {
    for c in std::mem::take(&mut wb.conflicts) {
        let Some(merge::Step::Id(id)) = merge::parse_path(&c.at).get(1).cloned() else {
            continue;
        };
        let Some(i) = wb.journal.iter().position(|e| e.id == id) else {
            continue;
        };
        let field = c.at.rsplit('/').next().unwrap_or_default().to_string();
        if let Some(e) = wb.journal.get_mut(i) {
            let theirs = match (&c.theirs, field.as_str()) {
                (Some(serde_json::Value::String(t)), "text") => t.clone(),
                _ => format!("{field}: {}", Conflict::shown(&c.theirs)),
            };
            e.text = format!(
                "{}\n\n--- merged: the other machine had ---\n{theirs}",
                e.text.trim_end()
            );
        }
    }
}
