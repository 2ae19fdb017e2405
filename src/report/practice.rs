//! The mentor's practice, for `mentorbook report`: per workbook, the meetings held and their
//! hours, goals achieved, commitments kept and still open, and check-ins held against the
//! agreed rhythm — what a mentoring programme asks its mentors for. Counts only: no text of
//! the workbook is in it. Worked out from the workbook, a start day and today; no I/O.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{ConversationKind, GoalStatus, StepStatus, Workbook};

/// A meeting's length when the agreement does not say ("How long we meet").
pub const DEFAULT_MINUTES: u32 = 60;

/// One workbook's figures over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Practice {
    /// The first day counted (the `--since` day, else the agreement's or the first
    /// conversation's), and the last (today).
    pub from: Option<NaiveDate>,
    pub to: NaiveDate,
    /// Conversations held in the period (something written or ticked in them).
    pub meetings: usize,
    /// The agreed length, for the meetings that do not give their own.
    pub minutes_per_meeting: u32,
    /// Their hours: each meeting's own length, else the agreed one.
    pub hours: f64,
    pub goals_achieved: usize,
    pub goals: usize,
    /// Commitments from the period's conversations: ticked done, or made a step now done.
    pub commitments_kept: usize,
    /// Those still to do (their step not done either).
    pub commitments_open: usize,
    /// Check-ins held in the period (records and check-in conversations).
    pub check_ins: usize,
    /// How many the agreed rhythm asks for over the period, if one is agreed.
    pub check_ins_agreed: Option<usize>,
}

/// The figures of `wb` from `since` (or its beginning) to `today`.
pub fn practice(wb: &Workbook, since: Option<NaiveDate>, today: NaiveDate) -> Practice {
    let in_period = |d: NaiveDate| since.is_none_or(|s| d >= s) && d <= today;
    let held: Vec<_> = (wb.conversations.iter())
        .filter(|c| c.held() && in_period(c.at.date_naive()))
        .collect();
    let minutes =
        crate::model::parse_minutes(&wb.agreement.meeting_length).unwrap_or(DEFAULT_MINUTES);
    let step_done = |id| {
        (wb.goals.iter())
            .flat_map(|g| &g.plan.steps)
            .any(|s| s.id == id && s.status == StepStatus::Done)
    };
    let (mut kept, mut open) = (0, 0);
    for x in (held.iter())
        .flat_map(|c| &c.commitments)
        .filter(|x| !x.text.trim().is_empty())
    {
        if x.done || x.step.is_some_and(step_done) {
            kept += 1;
        } else {
            open += 1;
        }
    }
    let records = (wb.check_ins.iter())
        .filter(|c| c.held() && c.date.is_some_and(in_period))
        .count();
    let talks = (held.iter())
        .filter(|c| c.kind == ConversationKind::CheckIn)
        .count();
    let first = (wb.agreement.agreed_on.into_iter())
        .chain(wb.conversations.iter().map(|c| c.at.date_naive()))
        .min();
    let from = since.or(first);
    let check_ins_agreed = match (wb.agreement.check_in_every_days, from) {
        (Some(every), Some(from)) if every > 0 && from <= today => {
            Some(((today - from).num_days() / i64::from(every)) as usize)
        }
        _ => None,
    };
    Practice {
        from,
        to: today,
        meetings: held.len(),
        minutes_per_meeting: minutes,
        hours: {
            let total: u32 = held.iter().map(|c| c.minutes.unwrap_or(minutes)).sum();
            (f64::from(total) / 60.0 * 10.0).round() / 10.0
        },
        goals_achieved: (wb.goals.iter())
            .filter(|g| g.status == GoalStatus::Achieved)
            .count(),
        goals: (wb.goals.iter())
            .filter(|g| g.status != GoalStatus::Dropped)
            .count(),
        commitments_kept: kept,
        commitments_open: open,
        check_ins: records + talks,
        check_ins_agreed,
    }
}

/// One workbook's figures as lines of text (`name` heads them).
pub fn text(name: &str, p: &Practice) -> String {
    let from = p.from.map_or("the start".to_string(), |d| d.to_string());
    let rhythm = p.check_ins_agreed.map_or(String::new(), |n| {
        format!(" of {n} the agreed rhythm asks for")
    });
    format!(
        "{name}, {from} to {}:\n  meetings held      {} ({} h; {} min unless one says)\n  goals achieved     {} of {}\n  \
         commitments        {} kept, {} open\n  check-ins held     {}{rhythm}\n",
        p.to,
        p.meetings,
        p.hours,
        p.minutes_per_meeting,
        p.goals_achieved,
        p.goals,
        p.commitments_kept,
        p.commitments_open,
        p.check_ins,
    )
}

/// Several workbooks' figures as one Markdown table.
pub fn markdown(rows: &[(String, Practice)]) -> String {
    let mut out = String::from(
        "| workbook | from | to | meetings | hours | goals achieved | commitments kept | commitments open | check-ins | agreed |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    for (name, p) in rows {
        let cell = |s: &str| s.replace('|', "\\|");
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} of {} | {} | {} | {} | {} |\n",
            cell(name),
            p.from.map_or(String::new(), |d| d.to_string()),
            p.to,
            p.meetings,
            p.hours,
            p.goals_achieved,
            p.goals,
            p.commitments_kept,
            p.commitments_open,
            p.check_ins,
            p.check_ins_agreed.map_or(String::new(), |n| n.to_string()),
        ));
    }
    out
}
