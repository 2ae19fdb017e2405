//! Which months a save writes, and with what: a month is written when its entries are not
//! the ones last saved, and entries held as heads get their whole text from its file first.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io;
use std::sync::Arc;

use super::{SaveError, SaveJob};
use crate::model::{JournalEntry, Month, Workbook};

impl SaveJob {
    /// `entries` of `month` with the heads at `heads` given their whole text from the
    /// month's file as the last save left it. A head is never changed, so that text is its
    /// own; if the file cannot be read the save fails rather than cut a text short.
    pub(super) fn with_texts(
        &self,
        month: Month,
        entries: &[Arc<JournalEntry>],
        heads: &BTreeSet<usize>,
    ) -> Result<Vec<Arc<JournalEntry>>, SaveError> {
        let failed = |e: io::Error| SaveError::new("reading the journal's texts", e);
        let m = (self.disk.manifest.as_ref())
            .and_then(|m| m.journal.iter().find(|r| r.month == month))
            .ok_or_else(|| failed(io::Error::other(format!("{month} is not on disk"))))?;
        let (on_disk, _) = super::super::load::read_month(&self.parts, m)
            .map_err(|e| failed(io::Error::other(e.to_string())))?;
        let texts: HashMap<u64, &str> = on_disk.iter().map(|e| (e.id, e.text.as_str())).collect();
        entries
            .iter()
            .enumerate()
            .map(|(k, e)| {
                if !heads.contains(&k) {
                    return Ok(Arc::clone(e));
                }
                let text = texts.get(&e.id).ok_or_else(|| {
                    failed(io::Error::other(format!(
                        "entry {} is not in {month}",
                        e.id
                    )))
                })?;
                Ok(Arc::new(JournalEntry {
                    text: (*text).to_string(),
                    ..(**e).clone()
                }))
            })
            .collect()
    }
}

/// The journal's entries read so far, by month, in the journal's order, and for the months
/// holding heads, which of their entries are heads. Months still unread are left out: their
/// file stays as it is (entries added to one meanwhile wait for it).
pub(super) fn by_month(wb: &Workbook) -> (BTreeMap<Month, Vec<Arc<JournalEntry>>>, Heads) {
    let mut out: BTreeMap<Month, Vec<Arc<JournalEntry>>> = BTreeMap::new();
    let mut heads = Heads::new();
    for (e, head) in wb.journal.held() {
        let month = Month::of(&e.at);
        if !wb.journal.is_unread(month) {
            let list = out.entry(month).or_default();
            if head {
                heads.entry(month).or_default().insert(list.len());
            }
            list.push(Arc::clone(e));
        }
    }
    (out, heads)
}

/// Per month, the positions (in `by_month`'s list) of the entries that are heads.
pub(super) type Heads = BTreeMap<Month, BTreeSet<usize>>;

/// The same entries in the same order: nothing in the month changed. Changing an entry
/// copies it first, so the app's unchanged months are the very same (shared) entries and
/// compare at once; content is compared only where they are not (a month just edited, or
/// a workbook built afresh with the same entries).
pub(super) fn same_entries(a: &[Arc<JournalEntry>], b: &[Arc<JournalEntry>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y) || x == y)
}
