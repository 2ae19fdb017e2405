//! The journal's query language, one for the filter line, `export --filter` and "on this
//! day": tags, words, "quoted phrases", `-` for NOT, `OR` between alternatives, the goal an
//! entry is linked to, and dates. Pure: a query and a "today" in, a filter out.

use chrono::{Datelike, NaiveDate};

use super::{Goal, Id, JournalEntry, Workbook, fold, parse_date, quoted, same_folded};

/// From how many entries a search is shared between threads.
const PARALLEL_FROM: usize = 4096;

impl Workbook {
    /// Positions of the journal entries `filter` lets through, newest first.
    pub fn journal_matches(&self, filter: &JournalFilter) -> Vec<usize> {
        // A head's text is only its first line: it is searched once its text is in.
        let words = filter.needs_text();
        let keep =
            |k: &usize| !(words && self.journal.is_head(*k)) && filter.matches(&self.journal[*k]);
        let n = self.journal.len();
        // Years of entries are read by the machine's cores, a share each (the entries are
        // apart in memory: even comparing tags waits on it).
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
        let mut found: Vec<usize> = if n >= PARALLEL_FROM && cores > 1 {
            let share = n.div_ceil(cores);
            std::thread::scope(|s| {
                let parts: Vec<_> = (0..cores)
                    .map(|c| {
                        let keep = &keep;
                        s.spawn(move || {
                            (c * share..((c + 1) * share).min(n))
                                .filter(keep)
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|p| p.join().unwrap_or_default())
                    .collect()
            })
        } else {
            (0..n).filter(keep).collect()
        };
        // Newest first; of two written in the same second, the later one (higher id) first.
        found.sort_by_key(|&k| std::cmp::Reverse((self.journal[k].at, self.journal[k].id)));
        found
    }

    /// The tags in use in the entries read so far, with how many entries carry each, most
    /// used first (then by name). `shared_only` counts only entries that are not private.
    pub fn tags_in_use(&self, shared_only: bool) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut at: std::collections::HashMap<String, usize> = Default::default();
        for e in self.journal.iter().filter(|e| !(shared_only && e.private)) {
            let mut seen: Vec<String> = Vec::new();
            for t in &e.tags {
                if seen.contains(&fold(t)) {
                    continue;
                }
                seen.push(fold(t));
                let k = *at.entry(fold(t)).or_insert_with(|| {
                    counts.push((t.clone(), 0));
                    counts.len() - 1
                });
                counts[k].1 += 1;
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| fold(&a.0).cmp(&fold(&b.0))));
        counts
    }
}

/// What the journal list shows: every clause must hold, and the dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalFilter {
    /// Each clause holds when any of its terms does (`#a OR #b` is one clause of two).
    pub clauses: Vec<Vec<Term>>,
    /// From this day on, up to that day (both included).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// This month and day, in any year (`day:12-02`): "on this day".
    pub day: Option<(u32, u32)>,
}

/// One condition on an entry, or its opposite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub not: bool,
    pub what: Match,
}

/// What a term looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// A tag, folded, without its `#`.
    Tag(String),
    /// A word (folded) anywhere in the text, also inside a longer word.
    Word(String),
    /// Words in this order (folded, single spaces), across line breaks.
    Phrase(String),
    /// Linked to this goal.
    Goal(Id),
}

/// A year (`2025`) or a month (`2025-06`) as its first and last day.
fn period(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, month) = match text.split_once('-') {
        Some((y, m)) if m.len() == 2 => (y, Some(m.parse::<u32>().ok()?)),
        Some(_) => return None,
        None => (text, None),
    };
    if year.len() != 4 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let first = NaiveDate::from_ymd_opt(year, month.unwrap_or(1), 1)?;
    let next = match month {
        Some(_) => first.checked_add_months(chrono::Months::new(1))?,
        None => NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
    };
    Some((first, next.pred_opt()?))
}

/// A month and day (`12-02`, `today`, or any date: its month and day).
fn month_day(text: &str, today: NaiveDate) -> Result<(u32, u32), String> {
    if let Some((m, d)) = text.split_once('-')
        && m.len() == 2
        && d.len() == 2
        && let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>())
        // 2024 is a leap year: 02-29 is a day some years have.
        && NaiveDate::from_ymd_opt(2024, m, d).is_some()
    {
        return Ok((m, d));
    }
    match parse_date(text, today) {
        Ok(Some(date)) => Ok((date.month(), date.day())),
        _ => Err(format!(
            "day:{} is not a day of the year. Try day:12-02 or day:today",
            quoted(text)
        )),
    }
}

/// The query cut into its parts: whitespace apart, except inside "quotes".
fn tokens(query: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted_part = false;
    for c in query.chars() {
        match c {
            '"' | '“' | '”' => {
                current.push('"');
                quoted_part = !quoted_part;
            }
            c if c.is_whitespace() && !quoted_part => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if quoted_part {
        return Err("a \"phrase\" needs its closing quote".into());
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Single spaces between words, folded: how phrases compare.
fn squeezed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    fold(&out)
}

impl JournalFilter {
    /// Reads a query as typed. Parts: `#tag`, a word, `"a phrase"`, `goal:2` (the goal's
    /// number in the list of goals), each of them turned round by a leading `-` (`-#draft`,
    /// `-"not yet"`); `OR` between two of them (`#mood OR #energy`); `from:` and `to:` with
    /// any date, a year (`2025`) or a month (`2025-06`); `day:12-02` for that day in any year.
    /// Everything else must all hold. The error names the part that does not read.
    pub fn parse(query: &str, today: NaiveDate, goals: &[Goal]) -> Result<JournalFilter, String> {
        let mut f = JournalFilter::default();
        // Whether the last part was an `OR`, waiting for its right-hand side.
        let mut joining = false;
        let or_misplaced = || "OR goes between two tags, words, phrases or goals".to_string();
        for token in tokens(query)? {
            // A dash on its own (as in "notes - draft") says nothing.
            if token == "-" {
                continue;
            }
            if token == "OR" {
                if joining || f.clauses.is_empty() {
                    return Err(or_misplaced());
                }
                joining = true;
                continue;
            }
            let date_part = ["from:", "to:", "day:"]
                .iter()
                .find_map(|p| token.strip_prefix(p).map(|rest| (*p, rest)));
            if let Some((part, rest)) = date_part {
                if joining {
                    return Err(or_misplaced());
                }
                // `from:"last year"` or `from:last-year`: the filter line splits at spaces.
                let rest = rest.trim_matches('"');
                let spaced;
                let rest = if rest.starts_with(char::is_alphabetic) {
                    spaced = rest.replace(['-', '_'], " ");
                    spaced.as_str()
                } else {
                    rest
                };
                match part {
                    "from:" => {
                        f.from = match period(rest) {
                            Some((first, _)) => Some(first),
                            None => parse_date(rest, today)?,
                        }
                    }
                    "to:" => {
                        f.to = match period(rest) {
                            Some((_, last)) => Some(last),
                            None => parse_date(rest, today)?,
                        }
                    }
                    _ => f.day = Some(month_day(rest, today)?),
                }
                continue;
            }
            let term = term(&token, goals)?;
            match f.clauses.last_mut() {
                Some(clause) if joining => clause.push(term),
                _ => f.clauses.push(vec![term]),
            }
            joining = false;
        }
        if joining {
            return Err(or_misplaced());
        }
        Ok(f)
    }

    /// Whether the filter keeps nothing out.
    pub fn is_empty(&self) -> bool {
        *self == JournalFilter::default()
    }

    /// Whether the filter looks into entries' texts (so needs them read, not only heads).
    pub fn needs_text(&self) -> bool {
        (self.clauses.iter().flatten()).any(|t| matches!(t.what, Match::Word(_) | Match::Phrase(_)))
    }

    /// Whether `entry` passes.
    pub fn matches(&self, entry: &JournalEntry) -> bool {
        let day = entry.at.date_naive();
        if self.from.is_some_and(|d| day < d)
            || self.to.is_some_and(|d| day > d)
            || self.day.is_some_and(|md| (day.month(), day.day()) != md)
        {
            return false;
        }
        // The text is read only for a term that needs it. Words typed in ASCII (most are)
        // are found in the text as it is, in any case, without a copy: no other byte of
        // UTF-8 can match them, and only two characters outside ASCII fold into ASCII (the
        // Kelvin sign and the dotted capital I), which send the entry the long way. Other
        // words are looked for in the text folded (for phrases, squeezed) as Unicode says.
        let mut plain: Option<bool> = None;
        let mut text: Option<String> = None;
        let mut phrased: Option<String> = None;
        let mut holds = |t: &Term| {
            let found = match &t.what {
                Match::Tag(tag) => entry.tags.iter().any(|x| same_folded(x, tag)),
                Match::Goal(g) => entry.goal == Some(*g),
                Match::Word(w) | Match::Phrase(w) => {
                    let quick = w.is_ascii()
                        && *plain.get_or_insert_with(|| !folds_into_ascii(&entry.text));
                    match (quick, &t.what) {
                        (true, _) => ascii_phrase(entry.text.as_bytes(), w),
                        (false, Match::Word(_)) => text
                            .get_or_insert_with(|| fold(&entry.text))
                            .contains(w.as_str()),
                        (false, _) => phrased
                            .get_or_insert_with(|| squeezed(&entry.text))
                            .contains(w.as_str()),
                    }
                }
            };
            found != t.not
        };
        self.clauses.iter().all(|c| c.iter().any(&mut holds))
    }

    /// The filter in words, for the line that says what the list holds: `#a and #b`,
    /// `(#a or #b)`, `not “draft”`, `from 2026-01-01`, `on 12-02 of any year`.
    pub fn describe(&self, goals: &[Goal]) -> String {
        let term = |t: &Term| {
            let what = match &t.what {
                Match::Tag(tag) => format!("#{tag}"),
                Match::Word(w) => format!("“{w}”"),
                Match::Phrase(p) => format!("“{p}”"),
                Match::Goal(g) => match goals.iter().position(|x| x.id == *g) {
                    Some(k) => format!("goal {}", k + 1),
                    None => "a deleted goal".into(),
                },
            };
            if t.not { format!("not {what}") } else { what }
        };
        let mut parts: Vec<String> = (self.clauses.iter())
            .map(|c| match c.as_slice() {
                [one] => term(one),
                many => format!(
                    "({})",
                    many.iter().map(term).collect::<Vec<_>>().join(" or ")
                ),
            })
            .collect();
        if let Some(d) = self.from {
            parts.push(format!("from {d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to {d}"));
        }
        if let Some((m, d)) = self.day {
            parts.push(format!("on {m:02}-{d:02} of any year"));
        }
        parts.join(" and ")
    }
}

/// Whether `text` holds a character outside ASCII whose lower case is ASCII (the Kelvin
/// sign, the dotted capital I).
fn folds_into_ascii(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find(b, "\u{212A}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{130}".as_bytes()).is_some()
}

/// How common a byte is in text, roughly (English letter frequencies; higher is rarer): the
/// search starts from the needle's rarest byte, so it stops at few places.
fn rarity(b: u8) -> u8 {
    match b.to_ascii_lowercase() {
        b' ' | b'e' | b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'h' | b'r' => 0,
        b'd' | b'l' | b'c' | b'u' | b'm' | b'w' | b'f' | b'g' => 1,
        b'y' | b'p' | b'b' | b',' | b'.' => 2,
        b'v' | b'k' => 3,
        _ => 4,
    }
}

/// Where `needle` (lower case ASCII) starts in `text`, in any case, as an iterator.
fn find_any_case<'a>(text: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let (r, &b) = (needle.iter().enumerate())
        .max_by_key(|(_, b)| rarity(**b))
        .unwrap_or((0, &b' '));
    let room = text.len().checked_sub(needle.len());
    memchr::memchr2_iter(b.to_ascii_lowercase(), b.to_ascii_uppercase(), text)
        .filter_map(move |p| p.checked_sub(r))
        .filter(move |&s| room.is_some_and(|room| s <= room))
        .filter(move |&s| text[s..s + needle.len()].eq_ignore_ascii_case(needle))
}

/// Whether `phrase` (folded and squeezed: words with one space between, ASCII) is in
/// `text`: its words in order, in any case, with any whitespace between, as [`squeezed`]
/// text compares (the first word may end a longer one, the last begin one). The search
/// starts at the phrase's rarest word and checks the words around each place it is found.
fn ascii_phrase(text: &[u8], phrase: &str) -> bool {
    let words: Vec<&[u8]> = phrase.split(' ').map(str::as_bytes).collect();
    if words.iter().any(|w| w.is_empty()) {
        return words.len() == 1;
    }
    let k = (0..words.len())
        .max_by_key(|&k| (words[k].iter().map(|b| rarity(*b)).max(), words[k].len()))
        .unwrap_or(0);
    let gap_after = |at: usize| {
        (text[at..].iter())
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let gap_before = |at: usize| {
        (text[..at].iter().rev())
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    find_any_case(text, words[k]).any(|p| {
        let mut at = p + words[k].len();
        let after = words[k + 1..].iter().all(|w| {
            let gap = gap_after(at);
            at += gap;
            let ok =
                gap > 0 && (text.get(at..at + w.len())).is_some_and(|t| t.eq_ignore_ascii_case(w));
            at += w.len();
            ok
        });
        let mut start = p;
        after
            && words[..k].iter().rev().all(|w| {
                let gap = gap_before(start);
                let end = start - gap;
                let Some(s) = end.checked_sub(w.len()).filter(|_| gap > 0) else {
                    return false;
                };
                start = s;
                text[s..end].eq_ignore_ascii_case(w)
            })
    })
}

/// One part that is not a date: `#tag`, `goal:N`, `"phrase"` or a word, with its `-`.
fn term(token: &str, goals: &[Goal]) -> Result<Term, String> {
    let (not, body) = match token.strip_prefix('-') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, token),
    };
    let what = if let Some(n) = body.strip_prefix("goal:") {
        let g = n
            .parse::<usize>()
            .ok()
            .and_then(|n| goals.get(n.checked_sub(1)?))
            .ok_or_else(|| {
                format!(
                    "{}: there is no such goal (goals are 1 to {})",
                    quoted(token),
                    goals.len()
                )
            })?;
        Match::Goal(g.id)
    } else if let Some(tag) = body.strip_prefix('#') {
        Match::Tag(fold(tag))
    } else if let Some(phrase) = body.strip_prefix('"') {
        let phrase = squeezed(phrase.trim_end_matches('"'));
        if phrase.is_empty() {
            return Err(
                "an empty \"\" phrase matches nothing: write words between the quotes".into(),
            );
        }
        Match::Phrase(phrase)
    } else {
        Match::Word(fold(body))
    };
    Ok(Term { not, what })
}

#[cfg(test)]
mod tests;
