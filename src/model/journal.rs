//! The journal: every entry, kept in the order it arrived (lists sort by time), plus what is
//! known of the months not read yet. A large journal is read after the first frame, month by
//! month; until then the months on disk are known by their count and latest entry, so counts
//! stay right, and nothing depends on the journal being complete except what says so.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Index;
use std::str::FromStr;
use std::sync::Arc;

use chrono::{DateTime, Datelike, FixedOffset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Id, JournalEntry};

mod heads;
pub use heads::head_of;

/// A calendar month, as entries are grouped on disk: the wall-clock month of the entry's
/// own time (with the offset it was written in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// The month `at` falls in, on its own clock.
    pub fn of(at: &DateTime<FixedOffset>) -> Month {
        Month {
            year: at.year(),
            month: at.month(),
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = String;
    /// `2026-11`.
    fn from_str(s: &str) -> Result<Month, String> {
        let bad = || format!("“{s}” is not a month like 2026-11");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if y.len() != 4 || m.len() != 2 || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What is known of a month not read yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthSummary {
    pub entries: usize,
    pub latest: Option<DateTime<FixedOffset>>,
}

/// Every journal entry. Positions are stable: entries are only added at the end (a new one,
/// or a month arriving from disk) or removed, so a page's `Entry(e)` keeps pointing at its
/// entry while the rest of the journal is read. Entries are shared: a snapshot for saving
/// costs a reference count per entry, and changing one copies only that one.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    entries: Vec<Arc<JournalEntry>>,
    /// Per entry: only its head is in memory (time, tags, links and the first line of its
    /// text); the whole text is in its month's file, read when the entry is opened or
    /// searched. A head cannot be changed, and is never written (see `heads.rs`).
    head: Vec<bool>,
    /// How many entries are heads.
    heads: usize,
    /// Months still on disk, not read yet.
    unread: BTreeMap<Month, MonthSummary>,
    /// Of those, the ones whose file could not be read: they stay on disk as they are.
    unreadable: BTreeSet<Month>,
    /// Goals and conversations deleted while months were unread: their links are dropped
    /// from those months' entries when they arrive.
    dropped: Vec<Link>,
}

/// Something a journal entry can be linked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    Goal(Id),
    Conversation(Id),
}

impl Journal {
    /// A journal of these entries, all read.
    pub fn from_entries(entries: Vec<Arc<JournalEntry>>) -> Journal {
        Journal {
            head: vec![false; entries.len()],
            entries,
            ..Journal::default()
        }
    }

    /// The entries read so far.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No entry read (see [`Journal::total`] for the months still on disk).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry `i`: its time, tags and links, and its text, which for a head is only the
    /// first line (what a list row shows). See [`Journal::whole`] for the text itself.
    pub fn get(&self, i: usize) -> Option<&JournalEntry> {
        self.entries.get(i).map(|e| &**e)
    }

    /// Entry `i` with its whole text: `None` while only its head is in memory.
    pub fn whole(&self, i: usize) -> Option<&JournalEntry> {
        self.entries.get(i).filter(|_| !self.head[i]).map(|e| &**e)
    }

    /// Entry `i`, to change: copied first if a save still holds it. `None` for a head: an
    /// entry is changed only once its whole text is in.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut JournalEntry> {
        if self.head.get(i).copied().unwrap_or(true) {
            return None;
        }
        self.entries.get_mut(i).map(Arc::make_mut)
    }

    /// The entries read so far, in the order they arrived.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &JournalEntry> + ExactSizeIterator {
        self.entries.iter().map(|e| &**e)
    }

    /// The entries read so far that are not private: all that call mode may count.
    pub fn not_private(&self) -> impl Iterator<Item = &JournalEntry> {
        self.iter().filter(|e| !e.private)
    }

    /// The shared entries, for the store (which compares them with the ones it last saved).
    pub fn shared(&self) -> &[Arc<JournalEntry>] {
        &self.entries
    }

    /// Adds an entry at the end; its position.
    pub fn push(&mut self, entry: JournalEntry) -> usize {
        self.entries.push(Arc::new(entry));
        self.head.push(false);
        self.entries.len() - 1
    }

    /// Removes entry `i` (later positions move down by one).
    pub fn remove(&mut self, i: usize) -> Option<Arc<JournalEntry>> {
        if i >= self.entries.len() {
            return None;
        }
        if self.head.remove(i) {
            self.heads -= 1;
        }
        Some(self.entries.remove(i))
    }

    /// Keeps only the entries `keep` says yes to (the months still on disk are forgotten:
    /// for a copy that is not saved over the workbook, such as an export).
    pub fn retain(&mut self, mut keep: impl FnMut(&JournalEntry) -> bool) {
        let kept: Vec<bool> = self.entries.iter().map(|e| keep(e)).collect();
        let mut k = kept.iter();
        self.entries.retain(|_| *k.next().unwrap_or(&false));
        let mut k = kept.iter();
        self.head.retain(|_| *k.next().unwrap_or(&false));
        self.heads = self.head.iter().filter(|h| **h).count();
        self.unread.clear();
        self.unreadable.clear();
    }

    /// Entries linked to goal `id` lose the link, also those of months read later.
    pub fn unlink_goal(&mut self, id: Id) {
        self.unlink(Link::Goal(id));
    }

    /// Entries linked to conversation `id` lose the link, also those of months read later.
    pub fn unlink_conversation(&mut self, id: Id) {
        self.unlink(Link::Conversation(id));
    }

    fn unlink(&mut self, link: Link) {
        for e in &mut self.entries {
            if links(e, link) {
                drop_link(Arc::make_mut(e), link);
            }
        }
        if !self.unread.is_empty() {
            self.dropped.push(link);
        }
    }

    /// Every entry, on disk or read: what counts show.
    pub fn total(&self) -> usize {
        self.entries.len() + self.unread.values().map(|m| m.entries).sum::<usize>()
    }

    /// The time of the latest entry, on disk or read.
    pub fn latest(&self) -> Option<DateTime<FixedOffset>> {
        let read = self.entries.iter().map(|e| e.at).max();
        let unread = self.unread.values().filter_map(|m| m.latest).max();
        read.max(unread)
    }

    /// Whether every month is read.
    pub fn is_complete(&self) -> bool {
        self.unread.is_empty()
    }

    /// Whether `month` is still on disk.
    pub fn is_unread(&self, month: Month) -> bool {
        self.unread.contains_key(&month)
    }

    /// The months still on disk.
    pub fn unread_months(&self) -> impl Iterator<Item = Month> + '_ {
        self.unread.keys().copied()
    }

    /// Notes that `month`'s file could not be read: it stays unread (and so untouched by
    /// saves) for the rest of the session.
    pub fn mark_unreadable(&mut self, month: Month) {
        if self.unread.contains_key(&month) {
            self.unreadable.insert(month);
        }
    }

    /// Whether `month`'s file could not be read (nothing can be added to it).
    pub fn is_unreadable(&self, month: Month) -> bool {
        self.unreadable.contains(&month)
    }

    /// Entries in months that could not be read.
    pub fn in_unreadable(&self) -> usize {
        (self.unreadable.iter())
            .filter_map(|m| self.unread.get(m))
            .map(|m| m.entries)
            .sum()
    }

    /// Notes a month that is on disk and will be read later.
    pub fn expect(&mut self, month: Month, summary: MonthSummary) {
        self.unread.insert(month, summary);
    }

    /// Takes in a month read from disk. Links to goals or conversations deleted meanwhile
    /// are dropped. Returns whether the month was expected.
    pub fn take_in(&mut self, month: Month, entries: Vec<Arc<JournalEntry>>) -> bool {
        self.take_in_heads(month, entries.into_iter().map(|e| (e, false)).collect())
    }

    /// [`Journal::take_in`] of entries each whole or only a head (see `heads.rs`).
    pub fn take_in_heads(&mut self, month: Month, entries: Vec<(Arc<JournalEntry>, bool)>) -> bool {
        if self.unread.remove(&month).is_none() {
            return false;
        }
        for (mut e, head) in entries {
            for &link in &self.dropped {
                if links(&e, link) {
                    drop_link(Arc::make_mut(&mut e), link);
                }
            }
            self.entries.push(e);
            self.head.push(head);
            self.heads += usize::from(head);
        }
        if self.unread.is_empty() {
            self.dropped.clear();
        }
        true
    }
}

fn links(e: &JournalEntry, link: Link) -> bool {
    match link {
        Link::Goal(id) => e.goal == Some(id),
        Link::Conversation(id) => e.conversation == Some(id),
    }
}

fn drop_link(e: &mut JournalEntry, link: Link) {
    match link {
        Link::Goal(_) => e.goal = None,
        Link::Conversation(_) => e.conversation = None,
    }
}

impl Index<usize> for Journal {
    type Output = JournalEntry;
    fn index(&self, i: usize) -> &JournalEntry {
        &self.entries[i]
    }
}

/// Two journals are equal when they hold the same entries, in whatever order they arrived
/// (what is still on disk does not count: it is not part of this copy).
impl PartialEq for Journal {
    fn eq(&self, other: &Journal) -> bool {
        fn sorted(j: &Journal) -> Vec<&JournalEntry> {
            let mut v: Vec<&JournalEntry> = j.iter().collect();
            v.sort_by_key(|e| (e.at, e.id));
            v
        }
        self.len() == other.len() && sorted(self) == sorted(other)
    }
}

/// Written as a plain list, oldest first (by time, then id): the file stays readable and a
/// workbook written whole diffs well.
impl Serialize for Journal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A head written as an entry would cut its text to the first line.
        if self.heads > 0 {
            return Err(serde::ser::Error::custom(
                "the journal holds entries whose text is not read",
            ));
        }
        let mut sorted: Vec<&JournalEntry> = self.iter().collect();
        sorted.sort_by_key(|e| (e.at, e.id));
        s.collect_seq(sorted)
    }
}

impl<'de> Deserialize<'de> for Journal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Journal, D::Error> {
        Vec::<Arc<JournalEntry>>::deserialize(d).map(Journal::from_entries)
    }
}

impl From<Vec<Arc<JournalEntry>>> for Journal {
    fn from(entries: Vec<Arc<JournalEntry>>) -> Journal {
        Journal::from_entries(entries)
    }
}

impl FromIterator<JournalEntry> for Journal {
    fn from_iter<I: IntoIterator<Item = JournalEntry>>(iter: I) -> Journal {
        Journal::from_entries(iter.into_iter().map(Arc::new).collect())
    }
}

#[cfg(test)]
mod tests;
