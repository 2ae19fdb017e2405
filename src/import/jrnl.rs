//! jrnl's `--export json`: `{"tags": {...}, "entries": [{"title", "body", "date", "time",
//! "tags", "starred"}]}`. Dates are wall-clock times without a zone.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::{Incoming, Read, Zone, json_error, tags};

#[derive(Deserialize)]
struct Export {
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    date: String,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

pub fn read(text: &str, zone: Zone) -> Result<Read, String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let export: Export = serde_path_to_error::deserialize(de).map_err(json_error)?;
    let mut out = Read::default();
    for (k, e) in export.entries.into_iter().enumerate() {
        let at = |what: &str| format!("entries[{k}]: {what}");
        let date = NaiveDate::parse_from_str(e.date.trim(), "%Y-%m-%d")
            .map_err(|_| at(&format!("{:?} is not a date like 2025-06-01", e.date)))?;
        let time = match e.time.as_deref().map(str::trim) {
            None | Some("") => NaiveTime::MIN,
            Some(t) => NaiveTime::parse_from_str(t, "%H:%M")
                .map_err(|_| at(&format!("{t:?} is not a time like 21:05")))?,
        };
        let when = (zone.local(date.and_time(time)))
            .ok_or_else(|| at(&format!("{date} {time} does not exist on this clock")))?;
        // jrnl cuts the first sentence off as the title: a title ending a sentence was on
        // the same line as the body, any other title was a line of its own.
        let title = e.title.trim_end();
        let body = e.body.trim();
        let text = match (title.is_empty(), body.is_empty()) {
            (_, true) => title.to_string(),
            (true, false) => body.to_string(),
            _ if title.ends_with(['.', '?', '!']) => format!("{title} {body}"),
            _ => format!("{title}\n{body}"),
        };
        let mut raw = e.tags;
        if e.starred {
            raw.push("starred".into());
        }
        out.entries.push(Incoming {
            at: when,
            text,
            tags: tags(raw),
        });
    }
    Ok(out)
}
