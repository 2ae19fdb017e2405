//! Every date the partners work towards (goal deadlines, plan target dates, milestones,
//! action-step due dates, planned meetings, the closing conversation) and their iCalendar
//! form (RFC 5545). UIDs are built from the items' ids and the workbook's own random id, so
//! importing again updates the events instead of adding copies, renaming a partner changes
//! none, and two mentees' calendars never clash.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::model::{GoalStatus, Owner, StepStatus, Workbook};

/// What a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueKind {
    Deadline,
    TargetDate,
    Milestone,
    Step,
    Meeting,
    Closing,
    /// A commitment from a conversation, not made a step (a step is dated as the step).
    Commitment,
    /// A programme's fixed end or re-evaluation date (the agreement's).
    Programme,
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
            DueKind::Commitment => "commitment",
            DueKind::Programme => "programme",
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
    /// The item's own words (a step's text, a meeting's goal, a deadline's goal).
    pub bare: String,
    /// Who it is up to (steps).
    pub owner: Option<Owner>,
}

/// Every dated item, by date (then kind, then text, so the order is stable).
pub fn dates(wb: &Workbook) -> Vec<Due> {
    let mut out = Vec::new();
    for g in wb.goals.iter().filter(|g| g.status != GoalStatus::Dropped) {
        let achieved = g.status == GoalStatus::Achieved;
        let goal = g.name().to_string();
        let mut add =
            |date: Option<NaiveDate>, kind, text: String, done, key: String, bare: &str, owner| {
                if let Some(date) = date {
                    out.push(Due {
                        date,
                        time: None,
                        kind,
                        text,
                        goal: goal.clone(),
                        done: done || achieved,
                        key,
                        bare: bare.trim().to_string(),
                        owner,
                    });
                }
            };
        add(
            g.deadline,
            DueKind::Deadline,
            format!("Deadline: {}", g.name()),
            false,
            format!("goal-{}-deadline", g.id),
            g.name(),
            None,
        );
        if g.plan.target_date != g.deadline {
            add(
                g.plan.target_date,
                DueKind::TargetDate,
                format!("Action plan target: {}", g.name()),
                false,
                format!("goal-{}-target", g.id),
                g.name(),
                None,
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
                &m.text,
                None,
            );
        }
        for s in &g.plan.steps {
            add(
                s.due,
                DueKind::Step,
                format!("{} ({})", s.text.trim(), wb.carrier(s.owner, s.who)),
                s.status == StepStatus::Done,
                format!("step-{}", s.id),
                &s.text,
                Some(s.owner),
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
                bare: c.next_goal.trim().to_string(),
                owner: None,
            });
        }
    }
    for c in &wb.conversations {
        for (k, x) in c.commitments.iter().enumerate() {
            if x.step.is_some() || x.text.trim().is_empty() {
                continue;
            }
            if let Some(date) = x.due {
                out.push(Due {
                    date,
                    time: None,
                    kind: DueKind::Commitment,
                    text: format!("{} ({})", x.text.trim(), wb.carrier(x.owner, x.who)),
                    goal: String::new(),
                    done: x.done,
                    key: format!("conversation-{}-commitment-{k}", c.id),
                    bare: x.text.trim().to_string(),
                    owner: Some(x.owner),
                });
            }
        }
    }
    let programme = [
        (
            wb.agreement.reevaluate_on,
            "Re-evaluate the partnership",
            "reevaluate",
        ),
        (
            wb.agreement.programme_ends,
            "The programme ends",
            "programme-end",
        ),
    ];
    for (date, text, key) in programme {
        if let Some(date) = date {
            out.push(Due {
                date,
                time: None,
                kind: DueKind::Programme,
                text: text.into(),
                goal: String::new(),
                done: false,
                key: key.into(),
                bare: text.into(),
                owner: None,
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
            bare: String::new(),
            owner: None,
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

/// The partners' first names, as calendar titles use them ("Ana & Ben").
fn first_names(wb: &Workbook) -> (String, String) {
    let first = |name: &str, role: &str| {
        name.split_whitespace()
            .next()
            .map_or(role.to_string(), str::to_string)
    };
    (first(&wb.mentee, "mentee"), first(&wb.mentor, "mentor"))
}

/// Who an item is up to, by first name.
fn owner_name(owner: Owner, names: &(String, String)) -> String {
    match owner {
        Owner::Mentee => names.0.clone(),
        Owner::Mentor => names.1.clone(),
        Owner::Both => format!("{} & {}", names.0, names.1),
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

/// How the calendar is made: from which day, with what reminder, and how a wall time
/// becomes a moment (the reader's zone, for the command; a fixed one, for the tests).
pub struct CalendarOptions<'a> {
    /// Events before this day are left out (old history clutters a calendar).
    pub since: Option<NaiveDate>,
    /// A reminder this many minutes before each event.
    pub alarm: Option<u32>,
    /// A planned meeting's wall time as a moment, or `None` where the clock has no such time.
    pub zone: &'a dyn Fn(NaiveDateTime) -> Option<DateTime<Utc>>,
}

/// How long a meeting lasts when the agreement does not say (or says it unreadably).
pub const DEFAULT_MEETING_MINUTES: u32 = 60;

/// One event, before it is written.
struct Event {
    uid: String,
    start: Start,
    summary: String,
    description: String,
    category: &'static str,
    location: Option<String>,
    /// Done already: shown ticked, without a reminder.
    done: bool,
}

enum Start {
    Day(NaiveDate),
    At(DateTime<Utc>, u32),
}

/// The events: every dated item of the plan, the commitments not made steps, each meeting
/// at its time when one is agreed.
fn events(wb: &Workbook, opts: &CalendarOptions) -> Vec<Event> {
    let names = first_names(wb);
    let both = format!("{} & {}", names.0, names.1);
    let id = if wb.id.is_empty() {
        "workbook"
    } else {
        wb.id.as_str()
    };
    let minutes = crate::model::parse_minutes(&wb.agreement.meeting_length)
        .unwrap_or(DEFAULT_MEETING_MINUTES);
    let place = Some(wb.agreement.meeting_place.trim().to_string()).filter(|p| !p.is_empty());
    let keep = |d: NaiveDate| opts.since.is_none_or(|s| d >= s);
    let mut out = Vec::new();
    // Commitments follow, with where they were agreed.
    let dated = dates(wb)
        .into_iter()
        .filter(|d| d.kind != DueKind::Commitment);
    for d in dated.filter(|d| keep(d.date)) {
        let tick = if d.done { "✓ " } else { "" };
        let (summary, description) = match d.kind {
            DueKind::Meeting | DueKind::Closing => {
                let what = match (d.kind, d.bare.as_str()) {
                    (DueKind::Closing, _) => "closing conversation".to_string(),
                    (_, "") => "conversation".to_string(),
                    (_, goal) => goal.to_string(),
                };
                (format!("Mentoring: {both} — {what}"), String::new())
            }
            DueKind::Step => {
                let who = d.owner.map(|o| format!(" ({})", owner_name(o, &names)));
                (
                    format!("Due: {}{}", d.bare, who.unwrap_or_default()),
                    format!("An action step of the goal “{}”", d.goal),
                )
            }
            DueKind::Milestone => (
                format!("Milestone: {}", d.bare),
                format!("A milestone of the goal “{}”", d.goal),
            ),
            DueKind::Deadline => (format!("Deadline: {}", d.bare), "A goal's deadline".into()),
            DueKind::TargetDate => (
                format!("Plan target: {}", d.bare),
                "The action plan's target date".into(),
            ),
            DueKind::Commitment => (format!("Due: {}", d.text), String::new()),
            DueKind::Programme => (
                format!("Mentoring: {both} — {}", d.bare.to_lowercase()),
                wb.agreement.programme.trim().to_string(),
            ),
        };
        let meeting = matches!(d.kind, DueKind::Meeting | DueKind::Closing);
        let start = match d.time.and_then(|t| (opts.zone)(d.date.and_time(t))) {
            Some(at) => Start::At(at, minutes),
            None => Start::Day(d.date),
        };
        out.push(Event {
            uid: format!("{}.{id}@mentorbook", d.key),
            start,
            summary: format!("{tick}{summary}"),
            description,
            category: d.kind.name(),
            location: if meeting { place.clone() } else { None },
            done: d.done,
        });
    }
    for c in &wb.conversations {
        for (k, x) in c.commitments.iter().enumerate() {
            let Some(due) = x.due.filter(|d| keep(*d)) else {
                continue;
            };
            // One made a step is in the calendar as the step.
            if x.step.is_some() || x.text.trim().is_empty() {
                continue;
            }
            let tick = if x.done { "✓ " } else { "" };
            out.push(Event {
                uid: format!("conversation-{}-commitment-{k}.{id}@mentorbook", c.id),
                start: Start::Day(due),
                summary: format!(
                    "{tick}Due: {} ({})",
                    x.text.trim(),
                    owner_name(x.owner, &names)
                ),
                description: format!(
                    "Committed in the {} conversation of {}",
                    c.kind.name(),
                    c.at.format("%Y-%m-%d")
                ),
                category: "commitment",
                location: None,
                done: x.done,
            });
        }
    }
    out
}

/// The calendar: one event per dated item, all day unless a meeting's time is agreed (then
/// in UTC, as long as the agreement says meetings last, where it says they take place).
/// UIDs are the item's key and the workbook's id: renaming a partner or the workbook keeps
/// every one. `now` is the DTSTAMP.
pub fn ics(wb: &Workbook, now: DateTime<Utc>, opts: &CalendarOptions) -> String {
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
    for e in events(wb, opts) {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", e.uid));
        line(&format!("DTSTAMP:{stamp}"));
        match e.start {
            Start::At(at, minutes) => {
                let end = at + chrono::Duration::minutes(i64::from(minutes));
                line(&format!("DTSTART:{}", at.format("%Y%m%dT%H%M%SZ")));
                line(&format!("DTEND:{}", end.format("%Y%m%dT%H%M%SZ")));
                line("TRANSP:OPAQUE");
            }
            Start::Day(day) => {
                let end = day.checked_add_days(Days::new(1)).unwrap_or(day);
                line(&format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
                line(&format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
                line("TRANSP:TRANSPARENT");
            }
        }
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if let Some(place) = &e.location {
            line(&format!("LOCATION:{}", escape(place)));
        }
        line(&format!("CATEGORIES:{}", escape(e.category)));
        if let Some(m) = opts.alarm.filter(|_| !e.done) {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line(&format!("DESCRIPTION:{}", escape(&e.summary)));
            line(&format!("TRIGGER:-PT{m}M"));
            line("END:VALARM");
        }
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
}
