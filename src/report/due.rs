//! What is due, for `mentorbook due`: overdue and coming steps, milestones, goal deadlines
//! and plan targets, every commitment not ticked done (nor made a step), the next meeting
//! and an overdue check-in, soonest first. Worked out from the workbook and a day; no I/O.

use chrono::{Days, NaiveDate, NaiveTime};
use serde::Serialize;

use super::calendar::{self, DueKind};
use crate::model::{Owner, Workbook};

/// One thing due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    pub date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
    /// What it is: "step due", "milestone", "commitment", "meeting", "check-in", …
    pub kind: &'static str,
    pub text: String,
    /// The goal it belongs to, if any.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// Its day has passed and it is not done.
    pub overdue: bool,
    /// In a mentor's workbook: the mentor's own (or both partners'), what the mentor owes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub yours: bool,
}

/// Everything not done that is overdue on `today` or falls within `within` days after it.
/// A planned meeting is never overdue (a past one simply took place, or not): only the
/// coming ones are listed.
pub fn due(wb: &Workbook, today: NaiveDate, within: u32) -> Vec<DueItem> {
    let horizon = today
        .checked_add_days(Days::new(u64::from(within)))
        .unwrap_or(NaiveDate::MAX);
    let mut out: Vec<DueItem> = Vec::new();
    // In a mentor's workbook, what the mentor owes is marked.
    let mentor = wb.role == crate::model::Role::Mentor;
    for d in calendar::dates(wb) {
        let overdue = d.date < today && d.kind != DueKind::Meeting;
        let coming = d.date >= today && d.date <= horizon;
        if d.done || !(overdue || coming) {
            continue;
        }
        let yours = mentor && matches!(d.owner, Some(Owner::Mentor | Owner::Both));
        out.push(DueItem {
            date: d.date,
            time: d.time,
            kind: d.kind.name(),
            text: d.text,
            goal: d.goal,
            overdue,
            yours,
        });
    }
    if let Some(date) = wb.next_check_in_due()
        && date <= horizon
    {
        out.push(DueItem {
            date,
            time: None,
            kind: "check-in",
            text: "Check-in on how the partnership works".into(),
            goal: String::new(),
            overdue: date < today,
            yours: false,
        });
    }
    out.sort_by(|a, b| (a.date, a.time, a.kind, &a.text).cmp(&(b.date, b.time, b.kind, &b.text)));
    out
}

/// One line per item: `OVERDUE 2026-11-21  step due     Draft the template (mentee) · goal`.
pub fn lines(items: &[DueItem], today: NaiveDate, within: u32) -> String {
    if items.is_empty() {
        return format!("Nothing overdue and nothing due in the next {within} days.\n");
    }
    let mut out = String::new();
    for i in items {
        let when = match i.time {
            Some(t) => format!("{} {}", i.date, t.format("%H:%M")),
            None => i.date.to_string(),
        };
        let state = if i.overdue {
            "OVERDUE"
        } else if i.date == today {
            "today  "
        } else {
            "       "
        };
        let mut goal = if i.goal.is_empty() {
            String::new()
        } else {
            format!(" · {}", i.goal)
        };
        if i.yours {
            goal.push_str(" · yours");
        }
        out.push_str(&format!(
            "{state} {when:<16}  {:<13} {}{goal}\n",
            i.kind, i.text
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Workbook {
        crate::store::decode(include_bytes!("../../assets/sample-workbook.json"))
            .unwrap()
            .workbook
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn overdue_and_coming_items_soonest_first_and_nothing_done() {
        let today = day("2026-11-24");
        let items = due(&sample(), today, 7);
        let said: Vec<(String, &str, bool)> = (items.iter())
            .map(|i| (i.date.to_string(), i.kind, i.overdue))
            .collect();
        assert_eq!(
            said,
            [
                ("2026-11-07".into(), "check-in", true),
                ("2026-11-21".into(), "step due", true),
                ("2026-11-26".into(), "commitment", false),
                ("2026-11-27".into(), "step due", false),
            ],
            "{items:#?}"
        );
        // Further ahead: the planned meeting (never overdue) and the next milestone.
        let later = due(&sample(), today, 30);
        assert!(later.iter().any(|i| i.kind == "meeting" && !i.overdue));
        assert!(later.iter().any(|i| i.kind == "milestone"));
        // Ticked milestones and finished steps are never listed.
        assert!(!later.iter().any(|i| i.text.contains("Shadow two reviews")));
        assert!(!later.iter().any(|i| i.text.contains("Read the last ten")));
        let text = lines(&items, today, 7);
        assert!(text.starts_with("OVERDUE 2026-11-07"), "{text}");
        assert_eq!(
            lines(&[], today, 7),
            "Nothing overdue and nothing due in the next 7 days.\n"
        );
    }
}
