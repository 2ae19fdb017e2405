//! The workbook as a document: each exercise writes its own sections (its `report`); this
//! puts them together in the order a document takes them, and holds what they share. The
//! same blocks become the Markdown export, `mentorbook show` and the review's reference.

use chrono::NaiveDate;

use super::sheet::Item;
use super::{agreement, brainstorm, closure, conversations, goals, plan, spec, vision};
use crate::field::{CheckInPart, ConversationPart, Field, GoalPart, PrepPart};
use crate::model::Workbook;
use crate::report::{Block, Options, Section, calendar};

/// A whole document: a title line with the partners' names, then the sections asked for.
pub fn document(wb: &Workbook, sections: &[Section], opts: Options) -> Vec<Block> {
    let title = if wb.title.trim().is_empty() {
        "Mentoring workbook".to_string()
    } else {
        wb.title.trim().to_string()
    };
    let mut out = vec![Block::Title(title)];
    let names = [("Mentee", &wb.mentee), ("Mentor", &wb.mentor)]
        .into_iter()
        .filter(|(_, n)| !n.trim().is_empty())
        .map(|(l, n)| format!("{l}: {}", n.trim()))
        .chain([format!("As of {}", opts.today)])
        .collect::<Vec<_>>()
        .join(" · ");
    out.push(Block::Note(names));
    for s in sections {
        out.push(Block::Heading(s.title().to_string()));
        out.extend(section(wb, *s, opts));
    }
    out
}

/// One section's blocks (without its heading).
pub fn section(wb: &Workbook, section: Section, opts: Options) -> Vec<Block> {
    let blocks = match section {
        Section::Plan => goals::plans_report(wb, opts.today),
        Section::Goals => goals::goals_report(wb),
        Section::Agreement => agreement::report(wb),
        Section::Agenda => conversations::agenda_report(wb, opts),
        Section::Vision => vision::report(wb),
        Section::Topics => plan::report(wb, opts.include_private),
        Section::Deadlines => deadlines(wb, opts.today),
        Section::Brainstorm => brainstorm::report(wb),
        Section::Conversations => conversations::conversations_report(wb),
        Section::CheckIns => conversations::check_ins_report(wb),
        Section::Closure => closure::report(wb),
        Section::Journal => crate::report::diary(wb, opts.include_private),
        Section::LastConversation => conversations::last_conversation_report(wb, opts),
        Section::OpenCommitments => conversations::open_commitments_report(wb, opts),
    };
    if blocks.is_empty() {
        vec![Block::Note("Nothing written here yet.".into())]
    } else {
        blocks
    }
}

/// The section of a document a field's value is in, if any: what the exports show of it.
pub fn section_of(field: Field) -> Option<Section> {
    use GoalPart as G;
    match field {
        Field::Agreement(_) | Field::Person(_) => Some(Section::Agreement),
        Field::Vision(_) | Field::Strength(_) | Field::Limitation(_) => Some(Section::Vision),
        Field::Topic(_) | Field::Career(_) | Field::TopicEvidence(_) | Field::TopicHelp(_) => {
            Some(Section::Topics)
        }
        Field::Goal(
            _,
            G::Specific | G::Attainable | G::Relevant | G::Deadline | G::TargetWords,
        )
        | Field::Goal(_, G::MentorComment | G::Title)
        | Field::Measure(..)
        | Field::Milestone(..)
        | Field::MilestoneDate(..)
        | Field::Win(_)
        | Field::WinDate(_)
        | Field::WinEvidence(_) => Some(Section::Goals),
        Field::Goal(
            _,
            G::Skills
            | G::Outcome
            | G::TargetDate
            | G::ReviewedOn
            | G::Roadblocks
            | G::RoadblocksMet,
        )
        | Field::Step(..)
        | Field::StepDue(..)
        | Field::StepAfter(..)
        | Field::Resource(..) => Some(Section::Plan),
        Field::Agenda(..) | Field::Prep(_, PrepPart::Purpose) => Some(Section::Agenda),
        Field::Brainstorm(_) | Field::Candidate(_) => Some(Section::Brainstorm),
        Field::Conversation(_, ConversationPart::Notes | ConversationPart::NextGoal)
        | Field::Prep(..)
        | Field::Feedback(..)
        | Field::Arc(..)
        | Field::Commitment(..)
        | Field::CommitmentDue(..) => Some(Section::Conversations),
        Field::CheckIn(_, CheckInPart::Date) => None,
        Field::CheckIn(..) => Some(Section::CheckIns),
        Field::Closure(_) => Some(Section::Closure),
        // The journal has its own section, only when asked for; the workbook's names head
        // every document; the conversation with yourself and the prospect stay private; a
        // conversation's time and next meeting are in its heading and the Dates.
        Field::Workbook(_)
        | Field::Reflect(_)
        | Field::Prospect(_)
        | Field::Conversation(..)
        | Field::Entry(_)
        | Field::EntryTags(_)
        | Field::EntryAt(_) => None,
        // Written for the partner: it travels in the share packet, not in documents.
        Field::PartnerNote(_) => None,
    }
}

/// A form's fields as labelled values, in the form's order (headings and guidance left
/// out): what an exercise that is one form shows in a document.
pub fn form(wb: &Workbook, items: &[Item]) -> Vec<Block> {
    let pairs = items.iter().filter_map(|item| match item {
        Item::Field(f) => Some((
            spec(*f, wb).label,
            f.display(wb).map(|v| v.into_owned()).unwrap_or_default(),
        )),
        _ => None,
    });
    fields(pairs).into_iter().collect()
}

/// Whether something is written.
pub fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Labelled values, leaving out the empty ones.
pub fn fields<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> Option<Block> {
    let kept: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(_, v)| filled(v))
        .map(|(l, v)| (l.to_string(), v.trim().to_string()))
        .collect();
    (!kept.is_empty()).then_some(Block::Fields(kept))
}

/// A date as a document writes it, or nothing.
pub fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Every date still open, and the conversations already held: each item named once (a
/// goal's deadline names the goal in "What" and leaves "Goal" empty), soonest first.
fn deadlines(wb: &Workbook, today: NaiveDate) -> Vec<Block> {
    use crate::report::calendar::DueKind;
    let held: Vec<NaiveDate> = (wb.conversations.iter())
        .filter(|c| c.held())
        .map(|c| c.at.date_naive())
        .collect();
    let mut dated: Vec<(NaiveDate, Option<chrono::NaiveTime>, Vec<String>)> = calendar::dates(wb)
        .into_iter()
        .filter(|d| !d.done)
        // A planned meeting that took place is listed once, as held.
        .filter(|d| !(d.kind == DueKind::Meeting && held.contains(&d.date)))
        .map(|d| {
            let mut when = d.date.to_string();
            if let Some(t) = d.time {
                when.push_str(&format!(" {}", t.format("%H:%M")));
            }
            if d.date < today {
                when.push_str(" (passed)");
            }
            let (what, goal) = match d.kind {
                DueKind::Deadline | DueKind::TargetDate => (d.goal, String::new()),
                DueKind::Meeting => (meeting_goal(&d.text), String::new()),
                _ => (d.text, d.goal),
            };
            (
                d.date,
                d.time,
                vec![when, d.kind.name().to_string(), what, goal],
            )
        })
        .collect();
    for c in wb.conversations.iter().filter(|c| c.held()) {
        let at = c.at.naive_local();
        dated.push((
            at.date(),
            Some(at.time()),
            vec![
                c.at.format("%Y-%m-%d %H:%M").to_string(),
                "conversation".into(),
                format!("{} conversation (held)", c.kind.name()),
                String::new(),
            ],
        ));
    }
    dated.sort_by_key(|d| (d.0, d.1));
    let rows: Vec<Vec<String>> = dated.into_iter().map(|(_, _, row)| row).collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![Block::Table {
        head: vec!["Date", "Kind", "What", "Goal"],
        rows,
    }]
}

/// What a planned meeting is for, from its calendar text ("Mentoring conversation: goal").
fn meeting_goal(text: &str) -> String {
    match text.split_once(": ") {
        Some((_, goal)) => format!("meeting to {}", lower_first(goal)),
        None => "meeting, its goal not set yet".into(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_workbook_says_so_in_every_section() {
        let wb = Workbook::default();
        let opts = Options {
            include_private: false,
            today: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        };
        for s in Section::ALL {
            let blocks = section(&wb, s, opts);
            assert!(!blocks.is_empty(), "{s:?}");
        }
    }
}
