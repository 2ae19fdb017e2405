//! Journals from elsewhere, read into entries: jrnl's JSON export, tui-journal's JSON export
//! and a Markdown file with one dated heading per entry. Pure: text in, entries out (the
//! command in `cli/import.rs` reads the file and saves); each reader says where a file is
//! wrong. Entries arrive private, and one already in the journal (same minute, same text) is
//! not added twice.

mod jrnl;
mod markdown;
mod tui_journal;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Timelike, Utc};

use crate::model::{JournalEntry, Workbook, fold};

/// Where a journal comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Source {
    /// `jrnl --export json` (tags lose their `@`; a starred entry gets the tag `starred`).
    Jrnl,
    /// tui-journal's JSON export (the title becomes the first line).
    TuiJournal,
    /// Markdown: each entry under a heading holding its date (`## 2025-06-01 21:00 Title`).
    Markdown,
}

/// An entry as read, before it joins the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub at: DateTime<FixedOffset>,
    pub text: String,
    pub tags: Vec<String>,
}

/// What a file held: its entries, and what was left out and why.
#[derive(Debug, Default)]
pub struct Read {
    pub entries: Vec<Incoming>,
    pub notes: Vec<String>,
}

/// The clock times are read on: the reader's local time, for the command; a fixed offset,
/// for the tests.
pub trait Clock {
    /// A wall-clock time without a zone, on this clock (`None`: it does not exist here, as
    /// in the hour a clock skips in spring).
    fn local(&self, t: NaiveDateTime) -> Option<DateTime<FixedOffset>>;
    /// A moment, on this clock.
    fn of(&self, t: DateTime<Utc>) -> DateTime<FixedOffset>;
}

impl Clock for FixedOffset {
    fn local(&self, t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        t.and_local_timezone(*self).single()
    }
    fn of(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        t.with_timezone(self)
    }
}

/// How the readers are given the clock.
type Zone<'a> = &'a dyn Clock;

/// Reads `text` as `source`. The error says where the file is wrong.
pub fn read(source: Source, text: &str, zone: &dyn Clock) -> Result<Read, String> {
    match source {
        Source::Jrnl => jrnl::read(text, zone),
        Source::TuiJournal => tui_journal::read(text, zone),
        Source::Markdown => markdown::read(text, zone),
    }
}

/// What joining the entries did (or, for a dry run, would do).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Joined {
    pub added: usize,
    pub duplicates: usize,
    pub first: Option<DateTime<FixedOffset>>,
    pub last: Option<DateTime<FixedOffset>>,
}

/// How two entries are the same one: the same minute (jrnl keeps no seconds) and the same
/// text, trimmed and in any case.
fn key(at: &DateTime<FixedOffset>, text: &str) -> (i64, String) {
    let minute = at.with_second(0).unwrap_or(*at).timestamp();
    (minute, fold(text.trim()))
}

/// Adds `entries` to the journal (private unless `shared`), skipping those already in it or
/// earlier in the file.
pub fn join(wb: &mut Workbook, entries: Vec<Incoming>, shared: bool) -> Joined {
    let mut seen: std::collections::HashSet<(i64, String)> =
        wb.journal.iter().map(|e| key(&e.at, &e.text)).collect();
    let mut out = Joined::default();
    for e in entries {
        if !seen.insert(key(&e.at, &e.text)) {
            out.duplicates += 1;
            continue;
        }
        out.added += 1;
        out.first = Some(out.first.map_or(e.at, |f| f.min(e.at)));
        out.last = Some(out.last.map_or(e.at, |l| l.max(e.at)));
        let id = wb.fresh_id();
        wb.journal.push(JournalEntry {
            id,
            at: e.at,
            text: e.text,
            tags: e.tags,
            private: !shared,
            ..JournalEntry::default()
        });
    }
    out
}

/// A tag as the journal keeps it: without the sign another tool writes before it, and
/// without spaces.
fn tag(raw: &str) -> Option<String> {
    let t = raw.trim().trim_start_matches(['@', '#']);
    let t: String = t.split_whitespace().collect::<Vec<_>>().join("-");
    (!t.is_empty()).then_some(t)
}

/// Each tag once (any case), in the order first seen.
fn tags(raw: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in raw.into_iter().filter_map(|t| tag(&t)) {
        if !out.iter().any(|o| crate::model::same_folded(o, &t)) {
            out.push(t);
        }
    }
    out
}

/// A JSON file's error, with where it is (a field's path, or a line and column).
fn json_error(e: serde_path_to_error::Error<serde_json::Error>) -> String {
    let path = e.path().to_string();
    let inner = e.into_inner();
    if path.is_empty() || path == "." {
        format!("line {}, column {}: {inner}", inner.line(), inner.column())
    } else {
        format!("at {path}: {inner}")
    }
}

#[cfg(test)]
mod tests;
