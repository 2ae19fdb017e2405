//! Every date the partners work towards (goal deadlines, plan target dates, milestones,
//! action-step due dates, planned meetings, the closing conversation) and their iCalendar
//! form (RFC 5545). UIDs are built from the items' ids and the partners' names, so importing
//! again updates the events instead of adding copies, and two mentees' calendars never clash.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

use crate::model::{GoalStatus, StepStatus, Workbook};

/// What a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueKind {
    Deadline,
    TargetDate,
    Milestone,
    Step,
    Meeting,
    Closing,
}

impl DueKind {
    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            DueKind::Deadline => "goal deadline",
            DueKind::TargetDate => "plan target",
            DueKind::Milestone => "milestone",
            DueKind::Step => "step due",
            DueKind::Meeting => "meeting",
            DueKind::Closing => "closing",
        }
    }
}

/// One dated item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub date: NaiveDate,
    /// The time of day, for a meeting whose time is agreed; otherwise all day.
    pub time: Option<NaiveTime>,
    pub kind: DueKind,
    pub text: String,
    /// The goal it belongs to (empty for meetings).
    pub goal: String,
    /// Done already (a ticked milestone, a finished step, an achieved goal).
    pub done: bool,
    /// Unique within the workbook and stable across edits of the text.
    pub key: String,
}

/// Every dated item, by date (then kind, then text, so the order is stable).
pub fn dates(wb: &Workbook) -> Vec<Due> {
    let mut out = Vec::new();
    for g in wb.goals.iter().filter(|g| g.status != GoalStatus::Dropped) {
        let achieved = g.status == GoalStatus::Achieved;
        let goal = g.name().to_string();
        let mut add = |date: Option<NaiveDate>, kind, text: String, done, key: String| {
            if let Some(date) = date {
                out.push(Due {
                    date,
                    time: None,
                    kind,
                    text,
                    goal: goal.clone(),
                    done: done || achieved,
                    key,
                });
            }
        };
        add(
            g.deadline,
            DueKind::Deadline,
            format!("Deadline: {}", g.name()),
            false,
            format!("goal-{}-deadline", g.id),
        );
        if g.plan.target_date != g.deadline {
            add(
                g.plan.target_date,
                DueKind::TargetDate,
                format!("Action plan target: {}", g.name()),
                false,
                format!("goal-{}-target", g.id),
            );
        }
        for (i, m) in g.milestones.iter().enumerate() {
            // A milestone from before milestones had ids is known by its place in the goal.
            let key = match m.id {
                0 => format!("goal-{}-milestone-{i}", g.id),
                id => format!("milestone-{id}"),
            };
            add(
                m.date,
                DueKind::Milestone,
                m.text.trim().to_string(),
                m.done,
                key,
            );
        }
        for s in &g.plan.steps {
            add(
                s.due,
                DueKind::Step,
                format!("{} ({})", s.text.trim(), s.owner.name()),
                s.status == StepStatus::Done,
                format!("step-{}", s.id),
            );
        }
    }
    let mut meetings: Vec<NaiveDate> = Vec::new();
    for c in &wb.conversations {
        // One meeting a day: the same plan written in two conversations is one event.
        if let Some(m) = c.next_meeting
            && !meetings.contains(&m.date)
        {
            meetings.push(m.date);
            let goal = if c.next_goal.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", c.next_goal.trim())
            };
            out.push(Due {
                date: m.date,
                time: m.time,
                kind: DueKind::Meeting,
                text: format!("Mentoring conversation{goal}"),
                goal: String::new(),
                done: false,
                key: format!("conversation-{}-next", c.id),
            });
        }
    }
    if let Some(d) = wb.closure.planned_when {
        out.push(Due {
            date: d,
            time: None,
            kind: DueKind::Closing,
            text: "Closing conversation".into(),
            goal: String::new(),
            done: false,
            key: "closure".into(),
        });
    }
    out.sort_by(|a, b| {
        (a.date, a.time, a.kind as u8, &a.text, &a.key).cmp(&(
            b.date,
            b.time,
            b.kind as u8,
            &b.text,
            &b.key,
        ))
    });
    out
}

/// The partners' names as a UID domain part: letters and digits, dashes between words.
fn slug(wb: &Workbook) -> String {
    let names = format!("{} {}", wb.mentee, wb.mentor);
    let mut out = String::new();
    for c in names.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "workbook".into()
    } else {
        out.into()
    }
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // RFC 5545 allows no other control character in text but a tab: each shows as
            // its visible stand-in, as on a terminal.
            c if c.is_control() && c != '\t' => {
                out.push_str(&super::printable(c.encode_utf8(&mut [0; 4])))
            }
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a character (RFC 5545 3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// The calendar: one event per dated item, all day unless a meeting's time is agreed (then
/// an hour from that wall time, in the reader's own zone). `now` is the DTSTAMP.
pub fn ics(wb: &Workbook, now: DateTime<Utc>) -> String {
    let domain = slug(wb);
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    let mut line = |s: &str| fold(s, &mut out);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//mentorbook//mentorbook//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    let whose = [wb.mentee.trim(), wb.title.trim()]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("mentorbook");
    line(&format!(
        "X-WR-CALNAME:{}",
        escape(&format!("Mentoring: {whose}"))
    ));
    for d in dates(wb) {
        let end = d.date.checked_add_days(Days::new(1)).unwrap_or(d.date);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}.{domain}@mentorbook", d.key));
        line(&format!("DTSTAMP:{stamp}"));
        match d.time {
            Some(t) => {
                let start = d.date.and_time(t);
                line(&format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
                line("DURATION:PT1H");
            }
            None => {
                line(&format!("DTSTART;VALUE=DATE:{}", d.date.format("%Y%m%d")));
                line(&format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
            }
        }
        // A finished item stays in the calendar, ticked, rather than vanishing.
        let tick = if d.done { "✓ " } else { "" };
        line(&format!("SUMMARY:{tick}{}", escape(&d.text)));
        let mut about = d.kind.name().to_string();
        if !d.goal.is_empty() {
            about.push_str(&format!(" · goal: {}", d.goal));
        }
        line(&format!("DESCRIPTION:{}", escape(&about)));
        line(&format!("CATEGORIES:{}", escape(d.kind.name())));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(80)), &mut out);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(80)));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn the_slug_keeps_mentees_apart() {
        let mut wb = Workbook::default();
        assert_eq!(slug(&wb), "workbook");
        wb.mentee = "Ana Ruiz".into();
        wb.mentor = "Ben O'Kafor".into();
        assert_eq!(slug(&wb), "ana-ruiz-ben-o-kafor");
    }
}
