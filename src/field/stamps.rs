//! Conversation times and journal tags: read and written as text like every other field.

use chrono::{Local, NaiveDate, NaiveTime, TimeZone};

use super::Field;
use crate::model::{Workbook, parse_date};

/// `2026-11-20 08:30`, as the conversation's time is shown and edited.
pub fn at_value(f: Field, wb: &Workbook) -> Option<String> {
    let Field::ConvAt(c) = f else { return None };
    let at = wb.conversations.get(c)?.at;
    Some(at.format("%Y-%m-%d %H:%M").to_string())
}

/// Reads `2026-12-01 08:30`, `fri 14:00`, `today`, or a time alone (`14:00`, today's date
/// kept). A missing time keeps the old one. The offset is the local one for that day, so a
/// meeting planned across a clock change shows the wall time agreed.
pub fn commit_at(
    f: Field,
    wb: &mut Workbook,
    text: &str,
    today: NaiveDate,
) -> Result<bool, String> {
    let Field::ConvAt(c) = f else {
        return Err("not a time field".into());
    };
    let conv = wb
        .conversations
        .get_mut(c)
        .ok_or("That conversation is gone.")?;
    let old = conv.at;
    let text = text.trim();
    let (date_text, time) = split_time(text);
    let date = match date_text.trim() {
        "" => old.date_naive(),
        d => parse_date(d, today)
            .map_err(|_| {
                format!("“{text}” is not a date and time. Try 2026-12-01 08:30, fri 14:00, 14:00")
            })?
            .unwrap_or(old.date_naive()),
    };
    let naive = date.and_time(time.unwrap_or(old.time()));
    let at = Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.fixed_offset())
        .or_else(|| old.offset().from_local_datetime(&naive).single())
        .ok_or_else(|| format!("{naive} does not exist on this clock"))?;
    conv.at = at;
    Ok(at != old)
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

/// `reviews, mood`.
pub fn tags_value(f: Field, wb: &Workbook) -> Option<String> {
    let Field::EntryTags(i) = f else { return None };
    Some(wb.journal.get(i)?.tags.join(", "))
}

/// Tags typed with commas or spaces, with or without `#`; repeats (in any case) dropped.
pub fn commit_tags(f: Field, wb: &mut Workbook, text: &str) -> Result<bool, String> {
    let Field::EntryTags(i) = f else {
        return Err("not a tag field".into());
    };
    let entry = wb.entry_mut(i).ok_or("That entry is gone.")?;
    let mut tags: Vec<String> = Vec::new();
    for t in text
        .split([',', ' '])
        .map(|t| t.trim().trim_start_matches('#'))
    {
        if !t.is_empty() && !tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            tags.push(t.to_string());
        }
    }
    let changed = entry.tags != tags;
    entry.tags = tags;
    Ok(changed)
}
