//! The rules of the cultivation phase: when the next check-in is due, the agenda suggested
//! for a new conversation, and journal filtering. Pure functions of the model and a "today".

use chrono::{Days, NaiveDate};

use super::{
    AgendaItem, ConversationKind, Goal, GoalStatus, Id, JournalEntry, StepStatus, Workbook,
    parse_date,
};

/// How far ahead the agenda looks when no next meeting is set, and how close a milestone's
/// date must be to make the agenda.
pub const LOOK_AHEAD_DAYS: u64 = 14;
/// An active goal not reviewed for this long is suggested for the agenda (unless the agreed
/// check-in cadence says otherwise).
pub const STALE_GOAL_DAYS: u64 = 30;

impl Workbook {
    /// The last day a check-in took place: a check-in record or a check-in conversation
    /// with something written in it (one only made ready does not count yet).
    pub fn last_check_in(&self) -> Option<NaiveDate> {
        let records = (self.check_ins.iter())
            .filter(|c| c.held())
            .filter_map(|c| c.date);
        let talks = (self.conversations.iter())
            .filter(|c| c.kind == ConversationKind::CheckIn && c.held())
            .map(|c| c.at.date_naive());
        records.chain(talks).max()
    }

    /// When the next check-in is due, from the agreed cadence: that many days after the last
    /// check-in, or after the agreement if there has been none. `None` without a cadence.
    pub fn next_check_in_due(&self) -> Option<NaiveDate> {
        let every = self.agreement.check_in_every_days?;
        let from = self.last_check_in().or(self.agreement.agreed_on)?;
        from.checked_add_days(Days::new(u64::from(every)))
    }

    /// Whether the next check-in's day has passed.
    pub fn check_in_overdue(&self, today: NaiveDate) -> bool {
        self.next_check_in_due().is_some_and(|d| d < today)
    }

    /// The agenda suggested for a conversation on `today`, whose next meeting (if known) is
    /// `until`. Built once when the conversation is created; the user keeps, removes or
    /// reorders the items, and nothing is added later.
    pub fn suggest_agenda(&self, today: NaiveDate, until: Option<NaiveDate>) -> Vec<AgendaItem> {
        let horizon = until
            .or_else(|| today.checked_add_days(Days::new(LOOK_AHEAD_DAYS)))
            .unwrap_or(today);
        let mut items: Vec<AgendaItem> = Vec::new();
        macro_rules! add {
            ($text:expr) => {
                items.push(AgendaItem {
                    text: $text,
                    done: false,
                })
            };
        }
        let live = |s: GoalStatus| matches!(s, GoalStatus::Active | GoalStatus::Draft);
        for goal in self.goals.iter().filter(|g| live(g.status)) {
            for step in &goal.plan.steps {
                if step.status == StepStatus::Done {
                    continue;
                }
                match step.due {
                    Some(d) if d < today => add!(format!(
                        "Overdue step: {} ({}, due {d})",
                        step.text.trim(),
                        goal.name()
                    )),
                    Some(d) if d <= horizon => add!(format!(
                        "Step due {d}: {} ({})",
                        step.text.trim(),
                        goal.name()
                    )),
                    _ => {}
                }
            }
            for m in goal.milestones.iter().filter(|m| !m.done) {
                if let Some(d) = m.date.filter(|d| *d <= horizon) {
                    let when = if d < today { "passed" } else { "coming" };
                    add!(format!(
                        "Milestone {when} ({d}): {} ({})",
                        m.text.trim(),
                        goal.name()
                    ));
                }
            }
        }
        let last = self.latest_shared_conversation();
        for c in last
            .iter()
            .flat_map(|l| &l.commitments)
            .filter(|c| c.step.is_none())
        {
            add!(format!("Carried over: {}", c.text.trim()));
        }
        // Last time's open items go here, once the rest is known (see below).
        let carried_at = items.len();
        // The agenda is shown during calls and exported: a private topic is only pointed at.
        for t in (self.mentoring_plan.topics.iter()).filter(|t| !t.discussed) {
            if t.text.trim().is_empty() {
                continue;
            } else if t.private {
                add!("A private topic (see your mentoring plan)".into());
            } else {
                add!(format!("Topic: {}", t.text.trim()));
            }
        }
        let stale = (self.agreement.check_in_every_days)
            .map_or(STALE_GOAL_DAYS, u64::from)
            .max(1);
        for goal in self.goals.iter().filter(|g| g.status == GoalStatus::Active) {
            let quiet = match goal.plan.reviewed_on {
                None => true,
                Some(d) => d
                    .checked_add_days(Days::new(stale))
                    .is_some_and(|d| d <= today),
            };
            if quiet {
                add!(format!(
                    "How is “{}” going? Not reviewed lately.",
                    goal.name()
                ));
            }
        }
        if let Some(last) = last {
            let open = still_open(last, &items);
            items.splice(carried_at..carried_at, open);
        }
        let mut seen = std::collections::HashSet::new();
        items.retain(|a| seen.insert(a.text.clone()));
        items
    }

    /// The conversation with the latest date.
    pub fn latest_conversation(&self) -> Option<&super::Conversation> {
        self.conversations.iter().max_by_key(|c| c.at)
    }

    /// The latest conversation that is not private: what the next one carries over from
    /// (a private conversation's items never travel into a shared agenda).
    pub fn latest_shared_conversation(&self) -> Option<&super::Conversation> {
        (self.conversations.iter())
            .filter(|c| !c.private)
            .max_by_key(|c| c.at)
    }

    /// Positions of the journal entries `filter` lets through, newest first.
    pub fn journal_matches(&self, filter: &JournalFilter) -> Vec<usize> {
        // A head's text is only its first line: it is searched once its text is in.
        let words = !filter.words.is_empty();
        let mut found: Vec<usize> = (0..self.journal.len())
            .filter(|&k| !(words && self.journal.is_head(k)) && filter.matches(&self.journal[k]))
            .collect();
        // Newest first; of two written in the same second, the later one (higher id) first.
        found.sort_by_key(|&k| std::cmp::Reverse((self.journal[k].at, self.journal[k].id)));
        found
    }
}

/// What the journal list shows: every condition must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalFilter {
    /// Entries with every one of these tags (without the `#`, any case).
    pub tags: Vec<String>,
    /// Entries linked to this goal.
    pub goal: Option<Id>,
    /// From this day on, up to that day (both included).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Words that must all appear in the text (any case).
    pub words: Vec<String>,
}

/// How the items the agenda suggests begin: what the plan still says is open is suggested
/// afresh from the plan, never carried over as last time's text.
const SUGGESTED: [&str; 7] = [
    "Overdue step: ",
    "Step due ",
    "Milestone ",
    "Carried over: ",
    "Topic: ",
    "A private topic",
    "How is “",
];

/// The items of `last` still open that `fresh` does not already hold: the partners' own
/// items, each once, with the date they are from, and never a second "Still open from".
fn still_open(last: &super::Conversation, fresh: &[AgendaItem]) -> Vec<AgendaItem> {
    let from = last.at.format("%Y-%m-%d");
    (last.agenda.iter())
        .filter(|a| !a.done)
        .map(|a| without_still_open(a.text.trim()))
        .filter(|core| {
            !core.is_empty()
                && !SUGGESTED.iter().any(|p| core.starts_with(p))
                && !fresh.iter().any(|f| f.text == *core)
        })
        .map(|core| AgendaItem {
            text: format!("Still open from {from}: {core}"),
            done: false,
        })
        .collect()
}

/// `text` without the "Still open from …: " it was carried over with, however many times.
fn without_still_open(mut text: &str) -> &str {
    while let Some((_, rest)) = text
        .strip_prefix("Still open from ")
        .and_then(|r| r.split_once(": "))
    {
        text = rest.trim_start();
    }
    text
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

impl JournalFilter {
    /// Reads a query as typed: `#tag` (several: all of them), `from:`/`to:` with any date, a
    /// year (`2025`) or a month (`2025-06`), `goal:2` (the goal's number in the list of goals),
    /// `from:2026-01-01`, `to:today`, and plain words. The error names the part that does not
    /// read.
    pub fn parse(query: &str, today: NaiveDate, goals: &[Goal]) -> Result<JournalFilter, String> {
        let mut f = JournalFilter::default();
        for word in query.split_whitespace() {
            if let Some(n) = word.strip_prefix("goal:") {
                let g = n
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| goals.get(n.checked_sub(1)?))
                    .ok_or_else(|| {
                        format!(
                            "{}: there is no such goal (goals are 1 to {})",
                            super::quoted(word),
                            goals.len()
                        )
                    })?;
                f.goal = Some(g.id);
            } else if let Some(tag) = word.strip_prefix('#') {
                // Several tags all apply: `#reviews #mood` is what is tagged both.
                f.tags.push(super::fold(tag));
            } else if let Some(d) = word.strip_prefix("from:") {
                f.from = match period(d) {
                    Some((first, _)) => Some(first),
                    None => parse_date(d, today)?,
                };
            } else if let Some(d) = word.strip_prefix("to:") {
                f.to = match period(d) {
                    Some((_, last)) => Some(last),
                    None => parse_date(d, today)?,
                };
            } else {
                f.words.push(super::fold(word));
            }
        }
        Ok(f)
    }

    /// Whether the filter keeps nothing out.
    pub fn is_empty(&self) -> bool {
        *self == JournalFilter::default()
    }

    /// Whether `entry` passes.
    pub fn matches(&self, entry: &JournalEntry) -> bool {
        let day = entry.at.date_naive();
        (self.tags.iter()).all(|t| entry.tags.iter().any(|x| super::same_folded(x, t)))
            && self.goal.is_none_or(|g| entry.goal == Some(g))
            && self.from.is_none_or(|d| day >= d)
            && self.to.is_none_or(|d| day <= d)
            && (self.words.is_empty() || {
                let text = super::fold(&entry.text);
                self.words.iter().all(|w| text.contains(w.as_str()))
            })
    }
}

#[cfg(test)]
mod tests;
