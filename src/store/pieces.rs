//! One file of a workbook on its own, whichever it is (a whole workbook, a manifest, the
//! plan, a month): what git's merge driver is handed, three at a time. Reading tells the
//! kinds apart by their `format`; writing gives the result the envelope of its kind.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::envelope::{DecodeError, Kind, decode_as, encode_as, encode_data};
use super::parts::{
    MANIFEST, MONTH, Manifest, MonthRef, PLAN, decode_manifest, decode_month, encode_manifest,
    encode_month,
};
use crate::model::{Journal, JournalEntry, Month, Workbook};

/// One file of a workbook, read.
#[derive(Debug)]
pub enum Piece {
    /// A whole workbook in one file, with its generation.
    Whole(Workbook, u64),
    Manifest(Box<Manifest>),
    /// The plan (the workbook without its journal), with its generation.
    Plan(Workbook, u64),
    /// A month's entries.
    Month(Month, Vec<Arc<JournalEntry>>, u64),
}

impl Piece {
    /// Which kind of file this is, in words.
    pub fn kind(&self) -> &'static str {
        match self {
            Piece::Whole(..) => "a workbook",
            Piece::Manifest(_) => "a workbook's manifest",
            Piece::Plan(..) => "a workbook's plan",
            Piece::Month(..) => "a month of journal",
        }
    }

    /// The workbook this piece holds (a month: a workbook of only that journal).
    pub fn workbook(&self) -> Option<Workbook> {
        match self {
            Piece::Whole(wb, _) | Piece::Plan(wb, _) => Some(wb.clone()),
            Piece::Month(_, entries, _) => Some(Workbook {
                journal: Journal::from_entries(entries.clone()),
                ..Workbook::default()
            }),
            Piece::Manifest(_) => None,
        }
    }

    /// The generation that wrote it.
    pub fn generation(&self) -> u64 {
        match self {
            Piece::Whole(_, g) | Piece::Plan(_, g) | Piece::Month(_, _, g) => *g,
            Piece::Manifest(m) => m.generation,
        }
    }

    /// The same kind of file holding `wb` instead, written by `generation`.
    pub fn with(&self, wb: Workbook, generation: u64) -> Piece {
        match self {
            Piece::Whole(..) => Piece::Whole(wb, generation),
            Piece::Plan(..) => Piece::Plan(wb, generation),
            Piece::Month(month, ..) => {
                let entries = wb.journal.shared().to_vec();
                Piece::Month(*month, entries, generation)
            }
            Piece::Manifest(m) => Piece::Manifest(m.clone()),
        }
    }
}

/// Reads any file of a workbook.
pub fn read_piece(bytes: &[u8]) -> Result<Piece, DecodeError> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<String>,
        schema_version: Option<u64>,
    }
    let text = super::strict::utf8_text(bytes)?;
    let head: Option<Head> = super::strict::object_head(text).ok();
    let format = head
        .as_ref()
        .and_then(|h| h.format.clone())
        .unwrap_or_default();
    let version = head.and_then(|h| h.schema_version).unwrap_or(0);
    Ok(match format.as_str() {
        MANIFEST if version >= super::parts::PARTS_VERSION => {
            Piece::Manifest(Box::new(decode_manifest(bytes)?))
        }
        PLAN => {
            let d = decode_as(bytes, Kind::Plan)?;
            Piece::Plan(d.workbook, d.generation)
        }
        MONTH => {
            let m = decode_month(bytes)?;
            Piece::Month(m.month, m.entries, m.generation)
        }
        _ => {
            let d = decode_as(bytes, Kind::Whole)?;
            Piece::Whole(d.workbook, d.generation)
        }
    })
}

/// The file's bytes, as a save would write them.
pub fn write_piece(piece: &Piece, saved_at: DateTime<FixedOffset>) -> Vec<u8> {
    match piece {
        Piece::Whole(wb, g) => super::encode(&encode_data(wb), *g, saved_at),
        Piece::Plan(wb, g) => {
            let mut plan = wb.clone();
            plan.journal = Journal::default();
            plan.next_id = 0;
            encode_as(Kind::Plan, &encode_data(&plan), *g, saved_at)
        }
        Piece::Month(month, entries, g) => encode_month(*month, entries, *g, saved_at),
        Piece::Manifest(m) => encode_manifest(m),
    }
}

/// Two manifests made one. Which generation of each part, and how many entries a month
/// holds, cannot be known here (each part is merged on its own): the result says it was
/// merged, and the next open reads the parts as they are and writes a true manifest.
pub fn merge_manifests(ours: &Manifest, theirs: &Manifest) -> Manifest {
    let mut months: BTreeMap<Month, MonthRef> = BTreeMap::new();
    for m in theirs.journal.iter().chain(&ours.journal) {
        months.insert(m.month, m.clone());
    }
    let mut out = ours.clone();
    out.generation = ours.generation.max(theirs.generation) + 1;
    out.next_id = ours.next_id.max(theirs.next_id);
    out.latest = ours.latest.max(theirs.latest);
    out.journal = months.into_values().collect();
    out.merged = true;
    // Descended from both: a later merge finds its ancestor in either line.
    let mut history = ours.history.clone();
    history.extend(
        theirs
            .history
            .iter()
            .filter(|t| !ours.history.contains(t))
            .cloned(),
    );
    history.truncate(super::parts::HISTORY);
    out.history = history;
    out
}
