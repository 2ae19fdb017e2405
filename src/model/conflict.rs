//! What a merge could not settle alone: one value changed differently on two machines (or
//! an item deleted on one and edited on the other). Kept in the workbook until the person
//! chooses, so the losing side's text is never dropped.

use serde::{Deserialize, Serialize};

use super::Id;

/// One real collision. The workbook holds one side's value (`kept`); both are kept here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conflict {
    pub id: Id,
    /// Where the value lives: object keys and `#id` for an item in a list, joined by `/`
    /// (`goals/#51/specific`).
    pub at: String,
    /// The same place in words (`goal “Speak up” › specific`).
    pub what: String,
    /// This side's value; `None` where this side deleted the item.
    pub ours: Option<serde_json::Value>,
    /// The other side's value; `None` where it deleted the item.
    pub theirs: Option<serde_json::Value>,
    /// Which of the two the workbook holds now.
    pub kept: Side,
    /// Where the other side came from (a file name, "git", "the file on disk").
    pub from: String,
}

impl Default for Conflict {
    fn default() -> Self {
        Conflict {
            id: 0,
            at: String::new(),
            what: String::new(),
            ours: None,
            theirs: None,
            kept: Side::Ours,
            from: String::new(),
        }
    }
}

/// One side of a merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    #[default]
    Ours,
    Theirs,
}

impl Conflict {
    /// A side's value, in a line or a few for a person to read.
    pub fn shown(value: &Option<serde_json::Value>) -> String {
        match value {
            None => "(deleted)".into(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) => "(empty)".into(),
            Some(v @ serde_json::Value::Object(_)) => (["title", "text", "at"].iter())
                .find_map(|k| v.get(k).and_then(|t| t.as_str()))
                .filter(|t| !t.trim().is_empty())
                .map(|t| format!("(the item) {t}"))
                .unwrap_or_else(|| "(the item)".into()),
            Some(v) => v.to_string(),
        }
    }

    /// Whether both sides hold text, so "keep both" can join them.
    pub fn both_texts(&self) -> bool {
        matches!(
            (&self.ours, &self.theirs),
            (
                Some(serde_json::Value::String(_)),
                Some(serde_json::Value::String(_))
            )
        )
    }
}
