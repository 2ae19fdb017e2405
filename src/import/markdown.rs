//! A Markdown journal: each entry starts at a heading holding its date, and maybe a time and
//! a title (`## 2025-06-01 21:00 A good day`, `### Sunday 2025-06-01`, jrnl's `--export md`,
//! mentorbook's own diary). A line of tags in emphasis or of tags alone right below the
//! heading gives the entry's tags. Headings holding only a year or a month (how jrnl groups
//! entries) are left out; any other heading stays in the entry it is in.

use chrono::{NaiveDate, NaiveTime};

use super::{Incoming, Read, Zone, tags};

/// The time of an entry whose heading has none (as jrnl's default).
const DEFAULT_TIME: (u32, u32) = (9, 0);

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The text of an ATX heading (`## text ##`), if the line is one.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let level = t.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &t[level..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim())
}

/// Markdown's backslash escapes undone: `\*` is a star.
fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&n) = chars.peek()
            && n.is_ascii_punctuation()
        {
            out.push(n);
            chars.next();
        } else {
            out.push(c);
        }
    }
    out
}

/// A heading's date, time and title, if it holds a date among its first words. `Err` for a
/// date that looks like one but is not (2025-02-30).
fn dated(text: &str) -> Result<Option<(NaiveDate, Option<NaiveTime>, String)>, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let looks_like_date = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-'
    };
    let Some(k) = words.iter().take(3).position(|w| looks_like_date(w)) else {
        return Ok(None);
    };
    let raw = words[k].trim_matches(|c: char| !c.is_ascii_digit());
    let date =
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| format!("{raw} is not a date"))?;
    let mut rest = &words[k + 1..];
    let mut time = None;
    if let Some(w) = rest.first() {
        let w = w.trim_end_matches([',', '.']);
        let parsed = NaiveTime::parse_from_str(w, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(w, "%H:%M:%S"));
        if let Ok(t) = parsed {
            time = Some(t);
            rest = &rest[1..];
        } else if w.contains(':') && w.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(format!("{w} is not a time like 21:05"));
        }
    }
    let title = rest.join(" ");
    let title = title.trim_start_matches(['-', '–', '—', ':']).trim();
    Ok(Some((date, time, unescape(title))))
}

/// A year or a month name alone: how jrnl's Markdown groups its entries.
fn grouping(text: &str) -> bool {
    let t = unescape(text).to_lowercase();
    (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())) || MONTHS.contains(&t.as_str())
}

/// The tags of a line of tags under a heading (`*#work #mood*`, `#work @home`,
/// `_\#a · private_`), or `None` when the line is text.
fn tag_line(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let emphasised = t.len() > 2
        && ((t.starts_with('*') && t.ends_with('*')) || (t.starts_with('_') && t.ends_with('_')));
    let inner = if emphasised { &t[1..t.len() - 1] } else { t };
    let inner = unescape(inner);
    let is_tag = |w: &str| w.len() > 1 && w.starts_with(['#', '@']);
    let mut found = Vec::new();
    let mut all_tags = true;
    for part in inner.split(" · ") {
        let words: Vec<&str> = part.split_whitespace().collect();
        if !words.is_empty() && words.iter().all(|w| is_tag(w)) {
            found.extend(words.iter().map(|w| w.to_string()));
        } else if part.trim() != "private" {
            all_tags = false;
        }
    }
    (!found.is_empty() && (all_tags || emphasised)).then(|| tags(found))
}

/// One entry while its lines are read.
struct Open {
    at: chrono::DateTime<chrono::FixedOffset>,
    title: String,
    tags: Vec<String>,
    lines: Vec<String>,
    /// Whether a line below the heading has been seen (only the first can be tags).
    started: bool,
}

impl Open {
    fn close(self) -> Incoming {
        let mut lines = self.lines;
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        let first = lines
            .iter()
            .position(|l| !l.trim().is_empty())
            .unwrap_or(lines.len());
        let body = lines[first..].join("\n");
        let text = match (self.title.is_empty(), body.is_empty()) {
            (true, _) => body,
            (false, true) => self.title,
            (false, false) => format!("{}\n{body}", self.title),
        };
        Incoming {
            at: self.at,
            text,
            tags: self.tags,
        }
    }
}

pub fn read(text: &str, zone: Zone) -> Result<Read, String> {
    let mut out = Read::default();
    let mut open: Option<Open> = None;
    let mut fence: Option<&str> = None;
    let mut before = 0usize;
    for (n, line) in text.lines().enumerate() {
        let at_line = |what: String| format!("line {}: {what}", n + 1);
        let trimmed = line.trim_start();
        // Inside a fenced block nothing is a heading, and the text stays as it is.
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            match &mut open {
                Some(e) => e.lines.push(line.trim_end().to_string()),
                None => before += 1,
            }
            continue;
        }
        if let Some(f) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
            fence = Some(f);
            match &mut open {
                Some(e) => e.lines.push(line.trim_end().to_string()),
                None => before += 1,
            }
            continue;
        }
        if let Some(h) = heading(line) {
            if let Some((date, time, title)) = dated(h).map_err(at_line)? {
                let time = time.unwrap_or_else(|| {
                    NaiveTime::from_hms_opt(DEFAULT_TIME.0, DEFAULT_TIME.1, 0).unwrap_or_default()
                });
                let at = (zone.local(date.and_time(time))).ok_or_else(|| {
                    at_line(format!("{date} {time} does not exist on this clock"))
                })?;
                out.entries.extend(open.take().map(Open::close));
                open = Some(Open {
                    at,
                    title,
                    tags: Vec::new(),
                    lines: Vec::new(),
                    started: false,
                });
                continue;
            }
            if grouping(h) {
                continue;
            }
        }
        let Some(e) = &mut open else {
            before += usize::from(!line.trim().is_empty());
            continue;
        };
        if !e.started && !line.trim().is_empty() {
            e.started = true;
            if let Some(t) = tag_line(line) {
                e.tags = t;
                continue;
            }
        }
        // Markdown's hard line break (two spaces) is only a line break here.
        e.lines.push(unescape(line.trim_end()));
    }
    out.entries.extend(open.map(Open::close));
    if out.entries.is_empty() {
        return Err(
            "no heading with a date (like ## 2025-06-01 21:00) was found: nothing to import".into(),
        );
    }
    if before > 0 {
        out.notes.push(format!(
            "{before} lines before the first dated heading were left out"
        ));
    }
    Ok(out)
}
