//! The workbook on disk in parts: a small manifest at the workbook's own path, the plan
//! (everything but the journal) and one file per month of journal, in a folder beside it.
//!
//! ```text
//! workbook.json                        the manifest: which parts, written by which save
//! workbook.parts/plan.json             goals, plans, conversations, agreement, …
//! workbook.parts/journal-2026-11.json  that month's entries, oldest first
//! ```
//!
//! Every part says which save wrote it (`generation`); the manifest, renamed last, says which
//! generation of each part belongs to the workbook. Names never change, so the folder diffs
//! well in git. Pure functions of bytes; the file system is `save.rs`' and `load.rs`'.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::envelope::DecodeError;
use super::strict;
use crate::model::{JournalEntry, Month, MonthSummary};

/// The manifest's `format`.
pub const MANIFEST: &str = "mentorbook";
/// The schema of a workbook in parts (a whole workbook in one file is schema 1).
pub const PARTS_VERSION: u64 = 2;
/// The plan's and a month's `format`.
pub const PLAN: &str = "mentorbook-plan";
pub const MONTH: &str = "mentorbook-journal";

/// The folder of a workbook's parts: `workbook.parts` beside `workbook.json`.
pub fn parts_dir(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    super::dir_of(path).join(format!("{stem}.parts"))
}

/// The plan's file name in the parts folder.
pub const PLAN_FILE: &str = "plan.json";

/// A month's file name in the parts folder.
pub fn month_file(month: Month) -> String {
    format!("journal-{month}.json")
}

/// The month a file name in the parts folder holds, if it is a month's.
pub fn month_of_file(name: &str) -> Option<Month> {
    name.strip_prefix("journal-")?
        .strip_suffix(".json")?
        .parse()
        .ok()
}

/// Which save wrote a part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartRef {
    pub file: String,
    pub generation: u64,
}

/// A month in the manifest: which save wrote its file, and how many entries it holds (so
/// counts are right before the month is read). Its file is named after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRef {
    pub month: Month,
    pub generation: u64,
    pub entries: usize,
}

impl MonthRef {
    /// Its file's name in the parts folder.
    pub fn file(&self) -> String {
        month_file(self.month)
    }

    /// What the journal knows of the month before reading it: its count, and the journal's
    /// latest entry if that is in this month.
    pub fn summary(&self, latest: Option<DateTime<FixedOffset>>) -> MonthSummary {
        MonthSummary {
            entries: self.entries,
            latest: latest.filter(|at| Month::of(at) == self.month),
        }
    }
}

/// The manifest: the workbook's own file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub schema_version: u64,
    pub generation: u64,
    /// The workbook's next id: here rather than in the plan, so that a new journal entry
    /// (which takes an id) leaves the plan's file as it is.
    #[serde(default)]
    pub next_id: u64,
    /// When the latest journal entry was written (shown before its month is read). One
    /// value here rather than one per month: the manifest is written by every save.
    #[serde(default, deserialize_with = "crate::model::stamp::strict_opt")]
    pub latest: Option<DateTime<FixedOffset>>,
    #[serde(deserialize_with = "crate::model::stamp::strict")]
    pub saved_at: DateTime<FixedOffset>,
    pub app_version: String,
    pub plan: PartRef,
    pub journal: Vec<MonthRef>,
    /// Written by git's merge driver (`mentorbook merge`), which merges each file apart:
    /// which generation each part is, and each month's count, are read from the parts at
    /// the next open, which writes a true manifest.
    #[serde(default)]
    pub merged: bool,
    /// The saves this one descends from, newest first, this one included (`7@2026-12-02T…`,
    /// a generation and when it was saved: two machines never write the same pair). Two
    /// copies' newest common save is their common ancestor, for a merge.
    #[serde(default)]
    pub history: Vec<String>,
}

impl Manifest {
    /// The manifest of save `generation`.
    pub fn new(
        generation: u64,
        next_id: u64,
        latest: Option<DateTime<FixedOffset>>,
        saved_at: DateTime<FixedOffset>,
        plan: PartRef,
        journal: Vec<MonthRef>,
    ) -> Manifest {
        Manifest {
            format: MANIFEST.into(),
            schema_version: PARTS_VERSION,
            generation,
            next_id,
            latest,
            saved_at,
            app_version: env!("CARGO_PKG_VERSION").into(),
            plan,
            journal,
            merged: false,
            history: Vec::new(),
        }
    }

    /// This save's mark in a history: its generation and when it was saved.
    pub fn token(&self) -> String {
        token(self.generation, self.saved_at)
    }

    /// Which generation of `file` belongs to the workbook, if it is one of its parts.
    pub fn generation_of(&self, file: &str) -> Option<u64> {
        if self.plan.file == file {
            return Some(self.plan.generation);
        }
        let month = month_of_file(file)?;
        (self.journal.iter())
            .find(|m| m.month == month)
            .map(|m| m.generation)
    }
}

/// How many saves a history keeps: enough to find the common ancestor of two copies that
/// went apart for a while.
pub const HISTORY: usize = 64;

/// A save's mark: `7@2026-12-02T09:30:00+01:00`.
pub fn token(generation: u64, saved_at: DateTime<FixedOffset>) -> String {
    format!(
        "{generation}@{}",
        saved_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    )
}

/// The history of `new`, a save made after `old`.
pub fn history_after(old: Option<&Manifest>, new: &Manifest) -> Vec<String> {
    let mut out = vec![new.token()];
    if let Some(old) = old {
        if old.history.is_empty() {
            out.push(old.token());
        }
        out.extend(old.history.iter().cloned());
    }
    out.truncate(HISTORY);
    out
}

/// The newest save in both histories, as its generation.
pub fn common_ancestor(a: &[String], b: &[String]) -> Option<u64> {
    let theirs: std::collections::HashSet<&String> = b.iter().collect();
    a.iter()
        .find(|t| theirs.contains(t))
        .and_then(|t| t.split('@').next()?.parse().ok())
}

/// The manifest as it is written: pretty, fields in a fixed order, one month per line.
pub fn encode_manifest(m: &Manifest) -> Vec<u8> {
    let mut extra = String::new();
    if !m.history.is_empty() {
        extra.push_str(&format!("\n  \"history\": {},", json(&m.history)));
    }
    if m.merged {
        extra.push_str("\n  \"merged\": true,");
    }
    let mut out = format!(
        "{{\n  \"format\": \"{}\",\n  \"schema_version\": {},\n  \"generation\": {},\n  \
         \"next_id\": {},\n  \"latest\": {},\n  \"saved_at\": \"{}\",\n  \"app_version\": {},{}\n  \"plan\": {},\n  \"journal\": [",
        m.format,
        m.schema_version,
        m.generation,
        m.next_id,
        json(&m.latest),
        m.saved_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        json(&m.app_version),
        extra,
        json(&m.plan),
    );
    for (i, month) in m.journal.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&json(month));
    }
    out.push_str(if m.journal.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out.into_bytes()
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| unreachable!("plain values serialize"))
}

/// Reads a manifest: the format and schema first (a newer one is refused as such), then
/// every key, none unknown, each of its shape.
pub fn decode_manifest(bytes: &[u8]) -> Result<Manifest, DecodeError> {
    let bytes = strict::utf8_text(bytes)?;
    let head: Head = strict::object_head(bytes)?;
    head.check(MANIFEST)?;
    strict::from_slice(bytes)
}

/// What a part's first keys say it is.
#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
    schema_version: Option<serde_json::Value>,
}

impl Head {
    /// A part of `format`, of a version this app reads.
    fn check(&self, format: &str) -> Result<(), DecodeError> {
        let (f, v) = (self.format.as_ref(), self.schema_version.as_ref());
        strict::check_head(f, v, format, PARTS_VERSION).map(|_| ())
    }
}

/// A month's file: the envelope, then its entries oldest first.
pub fn encode_month(
    month: Month,
    entries: &[Arc<JournalEntry>],
    generation: u64,
    saved_at: DateTime<FixedOffset>,
) -> Vec<u8> {
    let mut sorted: Vec<&JournalEntry> = entries.iter().map(|e| &**e).collect();
    sorted.sort_by_key(|e| (e.at, e.id));
    let mut body = Vec::with_capacity(sorted.iter().map(|e| e.text.len() + 256).sum());
    let mut ser = serde_json::Serializer::with_formatter(
        &mut body,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    if sorted.serialize(&mut ser).is_err() {
        unreachable!("journal entries always serialize");
    }
    let head = format!(
        "{{\n  \"format\": \"{MONTH}\",\n  \"schema_version\": {PARTS_VERSION},\n  \
         \"generation\": {generation},\n  \"saved_at\": \"{}\",\n  \"month\": \"{month}\",\n  \
         \"entries\": ",
        saved_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    );
    let mut out = Vec::with_capacity(head.len() + body.len() + body.len() / 8 + 4);
    out.extend_from_slice(head.as_bytes());
    // Every raw newline is structural (JSON escapes those in strings): indent after it.
    for b in body {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(b"  ");
        }
    }
    out.extend_from_slice(b"\n}\n");
    out
}

/// A month's file, read.
#[derive(Debug)]
pub struct MonthPart {
    pub generation: u64,
    pub month: Month,
    pub entries: Vec<Arc<JournalEntry>>,
}

/// Reads a month's file: a key this version does not know is refused (saving would drop it),
/// and an entry dated in another month is refused (it belongs to another file).
pub fn decode_month(bytes: &[u8]) -> Result<MonthPart, DecodeError> {
    #[derive(Deserialize)]
    struct File {
        #[allow(dead_code)]
        format: String,
        #[allow(dead_code)]
        schema_version: u64,
        generation: u64,
        #[allow(dead_code)]
        saved_at: Option<serde_json::Value>,
        month: Month,
        entries: Vec<Arc<JournalEntry>>,
    }
    let bytes = strict::utf8_text(bytes)?;
    let head: Head = strict::object_head(bytes)?;
    head.check(MONTH)?;
    let file: File = strict::from_slice(bytes)?;
    if let Some((k, e)) =
        (file.entries.iter().enumerate()).find(|(_, e)| Month::of(&e.at) != file.month)
    {
        return Err(DecodeError::NotMentorbook {
            reason: format!(
                "entry {} is dated {}, not in {}",
                k + 1,
                e.at.format("%Y-%m-%d"),
                file.month
            ),
        });
    }
    Ok(MonthPart {
        generation: file.generation,
        month: file.month,
        entries: file.entries,
    })
}

/// The generation a part's file says wrote it, read from its first lines (every part starts
/// with its envelope), without reading the rest.
pub fn generation_in_head(head: &[u8]) -> Option<u64> {
    let key = b"\n  \"generation\": ";
    let at = memchr::memmem::find(head, key)? + key.len();
    let digits: String = head[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .map(|b| *b as char)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn nov() -> Month {
        Month {
            year: 2026,
            month: 11,
        }
    }

    fn entry(id: u64, when: &str, text: &str) -> Arc<JournalEntry> {
        Arc::new(JournalEntry {
            id,
            at: at(when),
            text: text.into(),
            ..JournalEntry::default()
        })
    }

    #[test]
    fn a_month_round_trips_oldest_first_and_says_its_generation_up_front() {
        let entries = vec![
            entry(2, "2026-11-20T21:00:00+01:00", "second\nline \"two\""),
            entry(1, "2026-11-02T08:00:00+01:00", "first"),
        ];
        let bytes = encode_month(nov(), &entries, 7, at("2026-11-24T09:00:00+01:00"));
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"mentorbook-journal\""));
        assert!(text.find("\"first\"").unwrap() < text.find("second").unwrap());
        assert_eq!(generation_in_head(&bytes[..200]), Some(7));
        let back = decode_month(&bytes).unwrap();
        assert_eq!((back.generation, back.month), (7, nov()));
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.entries[1].text, "second\nline \"two\"");
        assert_eq!(
            encode_month(nov(), &back.entries, 7, at("2026-11-24T09:00:00+01:00")),
            bytes
        );
    }

    #[test]
    fn a_month_with_a_stranger_or_an_unknown_key_is_refused() {
        let stray = vec![entry(1, "2026-10-31T08:00:00+01:00", "October")];
        let bytes = encode_month(nov(), &stray, 1, at("2026-11-24T09:00:00+01:00"));
        assert!(matches!(
            decode_month(&bytes),
            Err(DecodeError::NotMentorbook { .. })
        ));
        let text = String::from_utf8(encode_month(nov(), &[], 1, at("2026-11-24T09:00:00+01:00")))
            .unwrap()
            .replace("\"month\"", "\"mood\": 1,\n  \"month\"");
        assert_eq!(
            decode_month(text.as_bytes()).unwrap_err(),
            DecodeError::UnknownField {
                field: "mood".into()
            }
        );
    }

    #[test]
    fn the_manifest_is_strict_and_stable() {
        let m = Manifest::new(
            3,
            42,
            Some(at("2026-11-20T21:00:00+01:00")),
            at("2026-11-24T09:00:00+01:00"),
            PartRef {
                file: PLAN_FILE.into(),
                generation: 3,
            },
            vec![MonthRef {
                month: nov(),
                generation: 2,
                entries: 4,
            }],
        );
        let bytes = encode_manifest(&m);
        assert_eq!(decode_manifest(&bytes).unwrap(), m);
        assert_eq!(m.generation_of("journal-2026-11.json"), Some(2));
        assert_eq!(month_of_file("journal-2026-11.json"), Some(nov()));
        let extra = String::from_utf8(bytes)
            .unwrap()
            .replace("\"plan\"", "\"sync_rev\": \"1\",\n  \"plan\"");
        assert!(matches!(
            decode_manifest(extra.as_bytes()),
            Err(DecodeError::UnknownField { .. })
        ));
        let future = br#"{"format":"mentorbook","schema_version":3,"generation":1,"saved_at":"2026-11-24T09:00:00+01:00","app_version":"9","plan":{"file":"plan.json","generation":1},"journal":[]}"#;
        assert_eq!(
            decode_manifest(future).unwrap_err(),
            DecodeError::FutureVersion { found: 3 }
        );
    }
}
