//! Heads: journal entries of which everything but the text is in memory (time, tags,
//! links, privacy). Years of journal then cost a few megabytes, not the text of every entry;
//! a month's texts are read from its file when one of its entries is shown (a list row, the
//! entry itself), searched or written. A head cannot be changed ([`Journal::get_mut`] refuses it) and cannot be
//! written (the journal refuses to serialize while it holds one), so a text cut to its
//! first line never reaches a file.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::{Journal, Month};
use crate::model::{Id, JournalEntry};

/// The head of `e`: the same entry without its text. `None` when it has no text to leave
/// out.
pub fn head_of(e: &JournalEntry) -> Option<JournalEntry> {
    (!e.text.is_empty()).then(|| JournalEntry {
        text: String::new(),
        ..e.clone()
    })
}

impl Journal {
    /// Whether only entry `i`'s head is in memory.
    pub fn is_head(&self, i: usize) -> bool {
        self.head.get(i).copied().unwrap_or(false)
    }

    /// Whether any entry is only a head.
    pub fn has_heads(&self) -> bool {
        self.heads > 0
    }

    /// How many entries are only heads.
    pub fn head_count(&self) -> usize {
        self.heads
    }

    /// The months that hold heads, newest first.
    pub fn months_with_heads(&self) -> Vec<Month> {
        let months: BTreeSet<Month> = (self.entries.iter().zip(&self.head))
            .filter(|(_, h)| **h)
            .map(|(e, _)| Month::of(&e.at))
            .collect();
        months.into_iter().rev().collect()
    }

    /// The months holding heads among the entries at `positions` (say, the rows a list can
    /// show), newest first.
    pub fn months_with_heads_among(&self, positions: impl Iterator<Item = usize>) -> Vec<Month> {
        let months: BTreeSet<Month> = positions
            .filter(|&i| self.is_head(i))
            .map(|i| Month::of(&self.entries[i].at))
            .collect();
        months.into_iter().rev().collect()
    }

    /// The entries with, for each, whether it is only a head (for the store, which fills
    /// heads from disk before it writes their month).
    pub fn held(&self) -> impl Iterator<Item = (&Arc<JournalEntry>, bool)> {
        self.entries.iter().zip(self.head.iter().copied())
    }

    /// Gives the heads of `month` their whole text from `whole` (the month as it is on
    /// disk), matched by id. An unchanged head becomes the entry from disk itself; one
    /// changed since (a link dropped) keeps its changes and takes the text. Returns each
    /// head as it was with the entry now in its place, for the store's record of what is
    /// on disk.
    pub fn fill(
        &mut self,
        month: Month,
        whole: &[Arc<JournalEntry>],
    ) -> Vec<(Arc<JournalEntry>, Arc<JournalEntry>)> {
        let by_id: HashMap<Id, &Arc<JournalEntry>> = whole.iter().map(|e| (e.id, e)).collect();
        let mut swapped = Vec::new();
        for i in 0..self.entries.len() {
            let e = &self.entries[i];
            if !self.head[i] || Month::of(&e.at) != month {
                continue;
            }
            let Some(full) = by_id.get(&e.id) else {
                continue;
            };
            let now = if head_of(full).as_ref() == Some(&**e) {
                Arc::clone(full)
            } else {
                Arc::new(JournalEntry {
                    text: full.text.clone(),
                    ..(**e).clone()
                })
            };
            let was = std::mem::replace(&mut self.entries[i], Arc::clone(&now));
            self.head[i] = false;
            self.heads -= 1;
            swapped.push((was, now));
        }
        swapped
    }
}
