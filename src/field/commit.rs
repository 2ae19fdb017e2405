//! Turning edited text back into a value: words are kept as typed, dates, intervals, times
//! and tags are parsed. A value that does not read is refused with the reason and nothing
//! changes.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime, TimeZone};

use crate::model::{SlotMut, parse_date, parse_days};

/// Stores `text` in `slot`. `Ok(true)` if the value changed.
pub fn store(slot: SlotMut<'_>, text: &str, today: NaiveDate) -> Result<bool, String> {
    match slot {
        SlotMut::Text(s) => Ok(replace(s, text.to_string())),
        SlotMut::Date(d) => Ok(replace(d, parse_date(text, today)?)),
        SlotMut::Days(d) => Ok(replace(d, parse_days(text)?)),
        SlotMut::Minutes(m) => Ok(replace(m, parse_length(text)?)),
        SlotMut::Stamp(at) => {
            let new = parse_stamp(text, *at, today)?;
            Ok(replace(at, new))
        }
        SlotMut::Meeting(m) => {
            let new = crate::model::Meeting::parse(text, *m, today)?;
            Ok(replace(m, new))
        }
        SlotMut::Tags(tags) => Ok(replace(tags, parse_tags(text))),
    }
}

/// A length of time: empty for none, else what `parse_minutes` reads (a minute to a day).
fn parse_length(text: &str) -> Result<Option<u32>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match crate::model::parse_minutes(text) {
        Some(m) => Ok(Some(m)),
        _ => Err(format!(
            "“{}” is not a length: try 45, 45m, 1h or 1h30",
            text.trim()
        )),
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}

/// Reads `2026-12-01 08:30`, `fri 14:00`, `today`, or a time alone (`14:00`, the date kept).
/// A missing time keeps the old one. The offset is the local one for that day, so a meeting
/// planned across a clock change shows the wall time agreed.
pub fn parse_stamp(
    text: &str,
    old: DateTime<FixedOffset>,
    today: NaiveDate,
) -> Result<DateTime<FixedOffset>, String> {
    let text = text.trim();
    let (date_text, time) = split_time(text);
    let date = match date_text.trim() {
        "" => old.date_naive(),
        d => parse_date(d, today)
            .map_err(|_| {
                format!(
                    "{} is not a date and time. Try 2026-12-01 08:30, fri 14:00, 14:00",
                    crate::model::quoted(text)
                )
            })?
            .unwrap_or(old.date_naive()),
    };
    let naive = date.and_time(time.unwrap_or(old.time()));
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.fixed_offset())
        .or_else(|| old.offset().from_local_datetime(&naive).single())
        .ok_or_else(|| format!("{naive} does not exist on this clock"))
}

/// `fri 14:00` → (`fri`, 14:00); `14:00` → (``, 14:00); `fri` → (`fri`, none).
fn split_time(text: &str) -> (&str, Option<NaiveTime>) {
    let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").ok();
    if let Some(t) = time(text) {
        return ("", Some(t));
    }
    match text.rsplit_once(' ') {
        Some((d, t)) if time(t).is_some() => (d, time(t)),
        _ => (text, None),
    }
}

/// Tags typed with commas or spaces, with or without `#`; repeats (in any case) dropped.
fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text
        .split([',', ' '])
        .map(|t| t.trim().trim_start_matches('#'))
    {
        if !t.is_empty() && !tags.iter().any(|x| crate::model::same_folded(x, t)) {
            tags.push(t.to_string());
        }
    }
    tags
}
