//! tui-journal's JSON export: `{"version": 100, "entries": [{"date", "title", "content",
//! "tags", "priority"}]}`, dates in UTC. The title becomes the entry's first line.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Incoming, Read, Zone, json_error, tags};

#[derive(Deserialize)]
struct Export {
    #[serde(default)]
    version: Option<u16>,
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    date: DateTime<Utc>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    priority: Option<u32>,
}

pub fn read(text: &str, zone: Zone) -> Result<Read, String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let export: Export = serde_path_to_error::deserialize(de).map_err(json_error)?;
    let mut out = Read::default();
    if let Some(v) = export.version.filter(|v| *v != 100) {
        out.notes.push(format!(
            "the file says it is version {v} of tui-journal's export (100 is the one known); \
             its entries read all the same"
        ));
    }
    let mut with_priority = 0;
    for e in export.entries {
        // On the reader's clock, as tui-journal shows it.
        let at = zone.of(e.date);
        let title = e.title.trim();
        let content = e.content.trim_end();
        let text = match (title.is_empty(), content.trim().is_empty()) {
            (true, _) => content.trim_start().to_string(),
            (false, true) => title.to_string(),
            (false, false) => format!("{title}\n\n{}", content.trim_start()),
        };
        with_priority += usize::from(e.priority.is_some());
        out.entries.push(Incoming {
            at,
            text,
            tags: tags(e.tags),
        });
    }
    if with_priority > 0 {
        out.notes.push(format!(
            "{with_priority} entries had a priority, which the journal does not keep"
        ));
    }
    Ok(out)
}
