//! Heads: journal entries of which only what a list shows is in memory (time, tags, links
//! and the first line). Years of journal then cost a few megabytes, not the text of every
//! entry; an entry's whole text is read from its month's file when it is opened, searched
//! or written. A head cannot be changed ([`Journal::get_mut`] refuses it) and cannot be
//! written (the journal refuses to serialize while it holds one), so a text cut to its
//! first line never reaches a file.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::{Journal, Month};
use crate::model::{Id, JournalEntry};

/// The longest first line a head keeps: wider than any terminal's row.
const HEAD_CHARS: usize = 400;

/// The head of `e`: the same entry with its text cut to its first non-empty line (what a
/// list row shows). `None` when that is the whole text already.
pub fn head_of(e: &JournalEntry) -> Option<JournalEntry> {
    let first = (e.text.lines())
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let cut = first
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(first, |(at, _)| &first[..at]);
    (cut != e.text).then(|| JournalEntry {
        text: cut.to_string(),
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
