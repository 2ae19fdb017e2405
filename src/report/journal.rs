//! The journal out of the app: as a diary (one heading per entry, its tags and link, the
//! text as paragraphs), oldest first, or as JSON for scripts. Entries come as they are given:
//! what is private is left out, and a filter applied, before they get here.

use serde::Serialize;

use super::Block;
use crate::model::{JournalEntry, Workbook};

/// The entries, oldest first (by time, then id: the order they were written in).
fn in_order(wb: &Workbook) -> Vec<&JournalEntry> {
    let mut entries: Vec<&JournalEntry> = wb.journal.iter().collect();
    entries.sort_by_key(|e| (e.at, e.id));
    entries
}

/// What an entry is linked to, in words.
fn link(wb: &Workbook, e: &JournalEntry) -> Option<String> {
    if let Some(g) = e.goal.and_then(|id| wb.goals.iter().find(|g| g.id == id)) {
        return Some(format!("about the goal “{}”", g.name()));
    }
    let c = e.conversation?;
    let c = wb.conversations.iter().find(|x| x.id == c)?;
    Some(format!(
        "about the conversation of {}",
        c.at.format("%Y-%m-%d")
    ))
}

/// The journal section of a document: a heading per entry, a line with its tags, link and
/// (when private ones are included) whether it is private, then its text.
pub fn diary(wb: &Workbook, include_private: bool) -> Vec<Block> {
    let mut out = Vec::new();
    for e in in_order(wb) {
        out.push(Block::Subheading(
            e.at.format("%A %Y-%m-%d %H:%M").to_string(),
        ));
        let mut about: Vec<String> = Vec::new();
        if !e.tags.is_empty() {
            about.push(
                e.tags
                    .iter()
                    .map(|t| format!("#{t}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        about.extend(link(wb, e));
        if include_private && e.private {
            about.push("private".into());
        }
        if !about.is_empty() {
            out.push(Block::Note(about.join(" · ")));
        }
        if !e.text.trim().is_empty() {
            out.push(Block::Para(e.text.clone()));
        }
    }
    out
}

/// One entry as the JSON export writes it: readable fields, links by name.
#[derive(Serialize)]
struct EntryOut<'a> {
    /// RFC 3339, with the offset it was written in.
    at: String,
    tags: &'a [String],
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    private: bool,
}

/// The journal as JSON: `{"entries": [...]}`, oldest first.
pub fn journal_json(wb: &Workbook, include_private: bool) -> String {
    let entries: Vec<EntryOut> = in_order(wb)
        .into_iter()
        .map(|e| EntryOut {
            at: e.at.to_rfc3339(),
            tags: &e.tags,
            text: &e.text,
            about: link(wb, e),
            private: include_private && e.private,
        })
        .collect();
    let doc = serde_json::json!({ "entries": entries });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
