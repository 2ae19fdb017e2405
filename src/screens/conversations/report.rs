//! Conversations and check-ins as documents: the minutes of one conversation (to send right
//! after a call), every conversation in the relationship's order, and the check-ins. The
//! labels are the page's own, so a document reads like the screen it came from.

use super::{check_in_spec, feedback_spec, prep_spec, spec};
use crate::field::{CheckInPart as K, ConversationPart as C, FeedbackPart as F, PrepPart as P};
use crate::model::{CheckIn, Conversation, Slot, Workbook};
use crate::report::Block;
use crate::screens::document::{fields, filled};

/// The words of a text part (other parts have none).
fn text_of(slot: Slot<'_>) -> String {
    match slot {
        Slot::Text(s) => s.clone(),
        _ => String::new(),
    }
}

/// Who took part, by name where the workbook has them.
pub fn who(wb: &Workbook) -> String {
    let name = |n: &str, role: &str| match n.trim() {
        "" => format!("the {role}"),
        n => format!("{n} ({role})"),
    };
    format!(
        "{} and {}",
        name(&wb.mentee, "mentee"),
        name(&wb.mentor, "mentor")
    )
}

/// A conversation's heading: its kind and when.
pub fn title(c: &Conversation) -> String {
    let kind = c.kind.name();
    let mut kind: Vec<char> = kind.chars().collect();
    if let Some(first) = kind.first_mut() {
        *first = first.to_ascii_uppercase();
    }
    let kind: String = kind.into_iter().collect();
    let length = c.minutes.map_or(String::new(), |m| {
        format!(" ({})", crate::model::describe_minutes(m))
    });
    format!(
        "{kind} conversation, {}{length}",
        c.at.format("%A %Y-%m-%d %H:%M")
    )
}

/// What was prepared, the agenda with what was dealt with, the notes, the feedback, the
/// commitments with owner and due date, and the next meeting with its goal: the parts with
/// something in them.
pub fn minutes(wb: &Workbook, c: &Conversation) -> Vec<Block> {
    let mut out = Vec::new();
    let with: Vec<String> = (c.with.iter())
        .filter_map(|id| wb.person(*id))
        .map(|p| format!("{} ({})", p.name.trim(), p.role.name()))
        .collect();
    if !with.is_empty() {
        out.push(Block::Fields(vec![("Also there".into(), with.join(", "))]));
    }
    let prep = P::ALL.iter().map(|p| {
        let text = text_of(p.slot(&c.prep));
        (prep_spec(*p, wb.role).label, text)
    });
    out.extend(fields(prep));
    if !c.agenda.is_empty() {
        out.push(Block::Label("Agenda".into()));
        out.push(Block::Checklist(
            (c.agenda.iter())
                .filter(|a| filled(&a.text))
                .map(|a| (a.done, a.text.trim().to_string()))
                .collect(),
        ));
    }
    if filled(&c.notes) {
        out.push(Block::Label(spec(C::Notes).label.into()));
        out.push(Block::Para(c.notes.clone()));
    }
    let arc = super::arc::report(wb.role, c);
    if !arc.is_empty() {
        out.push(Block::Label(super::kinds::arc_heading(c.kind).into()));
        out.push(Block::Fields(arc));
    }
    let feedback = F::ALL.iter().map(|f| {
        let text = text_of(f.slot(&c.feedback));
        (feedback_spec(*f).label, text)
    });
    if let Some(b) = fields(feedback) {
        out.push(Block::Label("Feedback".into()));
        out.push(b);
    }
    let commitments: Vec<Vec<String>> = (c.commitments.iter())
        .filter(|x| filled(&x.text))
        .map(|x| {
            let step = match x.step.and_then(|id| {
                wb.goals
                    .iter()
                    .find(|g| g.plan.steps.iter().any(|s| s.id == id))
            }) {
                Some(g) => format!("a step of “{}”", g.name()),
                None => String::new(),
            };
            vec![
                x.text.trim().to_string(),
                wb.carrier(x.owner, x.who).into_owned(),
                x.due.map(|d| d.to_string()).unwrap_or_default(),
                step,
            ]
        })
        .collect();
    if !commitments.is_empty() {
        out.push(Block::Label("Commitments".into()));
        // The plan's column only when a commitment became a step.
        let steps = commitments.iter().any(|r| !r[3].is_empty());
        let (head, rows) = if steps {
            (vec!["Commitment", "Who", "Due", "In the plan"], commitments)
        } else {
            let rows = commitments.into_iter().map(|mut r| {
                r.truncate(3);
                r
            });
            (vec!["Commitment", "Who", "Due"], rows.collect())
        };
        out.push(Block::Table { head, rows });
    }
    let next = [
        (
            spec(C::NextMeeting).label,
            c.next_meeting.map(|m| m.to_string()).unwrap_or_default(),
        ),
        ("Its goal", c.next_goal.clone()),
    ];
    out.extend(fields(next));
    out
}

/// The minutes as a document of their own: a title, who and when, then [`minutes`].
pub fn minutes_document(wb: &Workbook, c: &Conversation) -> Vec<Block> {
    let mut out = vec![
        Block::Title(format!("Minutes: {}", title(c))),
        Block::Note(format!("{} · {}", workbook_name(wb), who(wb))),
    ];
    let body = minutes(wb, c);
    if body.is_empty() {
        out.push(Block::Note(
            "Nothing was written in this conversation yet.".into(),
        ));
    }
    out.extend(body);
    out
}

fn workbook_name(wb: &Workbook) -> String {
    match wb.title.trim() {
        "" => "Mentoring workbook".into(),
        t => t.into(),
    }
}

/// Every conversation, oldest first, each with its minutes.
pub fn conversations_report(wb: &Workbook) -> Vec<Block> {
    let mut talks: Vec<&Conversation> = wb.conversations.iter().collect();
    talks.sort_by_key(|c| (c.at, c.id));
    let mut out = Vec::new();
    for c in talks {
        out.push(Block::Subheading(title(c)));
        let body = minutes(wb, c);
        if body.is_empty() {
            out.push(Block::Note("Nothing written yet.".into()));
        }
        out.extend(body);
    }
    out
}

/// Every check-in, oldest first, with its four answers.
pub fn check_ins_report(wb: &Workbook) -> Vec<Block> {
    let mut records: Vec<&CheckIn> = wb.check_ins.iter().collect();
    records.sort_by_key(|c| (c.date, c.id));
    let mut out = Vec::new();
    for c in records {
        let when = c.date.map_or("undated".to_string(), |d| d.to_string());
        out.push(Block::Subheading(format!("Check-in, {when}")));
        let answers = [
            K::ProcessWorking,
            K::Progress,
            K::Relationship,
            K::Adjustments,
        ]
        .into_iter()
        .map(|k| {
            let text = text_of(k.slot(c));
            (check_in_spec(k).label, text)
        });
        match fields(answers) {
            Some(b) => out.push(b),
            None => out.push(Block::Note("Nothing written yet.".into())),
        }
    }
    out
}

/// The conversation `which` names: `latest`, a day (any date form: the last one held that
/// day), or its id (as the JSON export shows it).
pub fn find<'a>(
    wb: &'a Workbook,
    which: &str,
    today: chrono::NaiveDate,
) -> Result<&'a Conversation, String> {
    let which = which.trim();
    if which.eq_ignore_ascii_case("latest") {
        return wb
            .latest_conversation()
            .ok_or_else(|| "there is no conversation yet".to_string());
    }
    if let Ok(id) = which.parse::<u64>() {
        return (wb.conversations.iter())
            .find(|c| c.id == id)
            .ok_or_else(|| format!("there is no conversation with the id {id}"));
    }
    let day = crate::model::parse_date(which, today)
        .map_err(|_| format!("{which:?} is not latest, a date or a conversation's id"))?
        .ok_or_else(|| "name a conversation: latest, a date or its id".to_string())?;
    (wb.conversations.iter())
        .filter(|c| c.at.date_naive() == day)
        .max_by_key(|c| (c.at, c.id))
        .ok_or_else(|| format!("there is no conversation on {day}"))
}

/// The minutes of the last conversation before today (private ones only when they may
/// show): the review's "what we said last time".
pub fn last_conversation_report(wb: &Workbook, opts: crate::report::Options) -> Vec<Block> {
    let last = (wb.conversations.iter())
        .filter(|c| opts.include_private || !c.private)
        .filter(|c| c.at.date_naive() < opts.today)
        .max_by_key(|c| (c.at, c.id));
    let Some(c) = last else {
        return Vec::new();
    };
    let mut out = vec![Block::Subheading(title(c))];
    let body = minutes(wb, c);
    if body.is_empty() {
        out.push(Block::Note("Nothing was written in it.".into()));
    }
    out.extend(body);
    out
}

/// Every commitment not yet done, across all conversations: those not made steps and not
/// ticked done, and those whose step is not done; soonest due first, with who and where it
/// was agreed.
pub fn open_commitments_report(wb: &Workbook, opts: crate::report::Options) -> Vec<Block> {
    let step_of = |id| {
        (wb.goals.iter())
            .flat_map(|g| g.plan.steps.iter())
            .find(|s| s.id == id)
    };
    let mut rows: Vec<(Option<chrono::NaiveDate>, Vec<String>)> = Vec::new();
    for c in wb
        .conversations
        .iter()
        .filter(|c| opts.include_private || !c.private)
    {
        for x in c.commitments.iter().filter(|x| filled(&x.text) && !x.done) {
            let step = x.step.and_then(step_of);
            if step.is_some_and(|s| s.status == crate::model::StepStatus::Done) {
                continue;
            }
            let due = match x.due {
                Some(d) if d < opts.today => format!("{d} (overdue)"),
                Some(d) => d.to_string(),
                None => String::new(),
            };
            let state = step.map_or("agreed".to_string(), |s| {
                format!("step, {}", s.status.name())
            });
            rows.push((
                x.due,
                vec![
                    x.text.trim().to_string(),
                    wb.carrier(x.owner, x.who).into_owned(),
                    due,
                    c.at.format("%Y-%m-%d").to_string(),
                    state,
                ],
            ));
        }
    }
    if rows.is_empty() {
        return Vec::new();
    }
    // Soonest due first; those without a date last.
    rows.sort_by_key(|(d, _)| (d.is_none(), *d));
    vec![Block::Table {
        head: vec!["Commitment", "Who", "Due", "Agreed on", "Now"],
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    }]
}
