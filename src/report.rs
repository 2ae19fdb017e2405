//! The workbook as a document to read: the parts partners look at together (action plans,
//! goals, the agreement, the agenda, the vision, the topics, the dates). One structure feeds
//! the Markdown export, `mentorbook show` and the review's reference pane, so they always say
//! the same thing. Pure: the caller passes today's date.

pub mod calendar;
mod markdown;
mod terminal;

use chrono::NaiveDate;

use crate::field::{AgreementPart as A, Field};
use crate::model::{
    Conversation, GoalStatus, PlanArea, SMART, Workbook, describe_days, reads_as_future,
};

pub use markdown::markdown;
pub use terminal::{lines, plain};

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title.
    Title(String),
    /// A section.
    Heading(String),
    /// A part of a section (one goal, one plan).
    Subheading(String),
    /// Running text.
    Para(String),
    /// Guidance or a remark, set apart from the user's words.
    Note(String),
    /// Labelled values; empty values are left out by the writer of the block.
    Fields(Vec<(String, String)>),
    Bullets(Vec<String>),
    /// Items with a tick box.
    Checklist(Vec<(bool, String)>),
    Table {
        head: Vec<&'static str>,
        rows: Vec<Vec<String>>,
    },
}

/// The parts a document can hold, in the order a full export gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    /// Every goal's action plan, as tables.
    Plan,
    /// The SMART goals with their check and progress.
    Goals,
    /// The partnership agreement.
    Agreement,
    /// The agenda of the coming conversation.
    Agenda,
    /// The personal vision statement.
    Vision,
    /// The mentoring plan's topics.
    Topics,
    /// Deadlines, milestones, step due dates and planned meetings.
    Deadlines,
}

impl Section {
    /// Everything, in the order of a full export.
    pub const ALL: [Section; 7] = [
        Section::Goals,
        Section::Plan,
        Section::Agenda,
        Section::Deadlines,
        Section::Agreement,
        Section::Vision,
        Section::Topics,
    ];

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Plan => "Action plans",
            Section::Goals => "SMART goals",
            Section::Agreement => "Partnership agreement",
            Section::Agenda => "Agenda",
            Section::Vision => "Personal vision",
            Section::Topics => "Mentoring plan",
            Section::Deadlines => "Dates",
        }
    }
}

/// What goes in.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Private topics are included (marked as such).
    pub include_private: bool,
    /// For overdue marks and the agenda.
    pub today: NaiveDate,
}

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
        Section::Plan => plans(wb, opts.today),
        Section::Goals => goals(wb),
        Section::Agreement => agreement(wb),
        Section::Agenda => agenda(wb, opts),
        Section::Vision => vision(wb),
        Section::Topics => topics(wb, opts.include_private),
        Section::Deadlines => deadlines(wb, opts.today),
    };
    if blocks.is_empty() {
        vec![Block::Note("Nothing written here yet.".into())]
    } else {
        blocks
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Labelled values, leaving out the empty ones.
fn fields<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> Option<Block> {
    let kept: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(_, v)| filled(v))
        .map(|(l, v)| (l.to_string(), v.trim().to_string()))
        .collect();
    (!kept.is_empty()).then_some(Block::Fields(kept))
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Goals worth showing: everything but dropped ones.
fn shown_goals(wb: &Workbook) -> impl Iterator<Item = &crate::model::Goal> {
    wb.goals.iter().filter(|g| g.status != GoalStatus::Dropped)
}

fn goals(wb: &Workbook) -> Vec<Block> {
    let mut out = Vec::new();
    for (n, g) in shown_goals(wb).enumerate() {
        out.push(Block::Subheading(format!(
            "{}. {} ({})",
            n + 1,
            g.name(),
            g.status.name()
        )));
        let measures = (g.measures.iter())
            .filter(|m| filled(&m.text))
            .map(|m| format!("{} ({})", m.text.trim(), m.kind.name()))
            .collect::<Vec<_>>()
            .join("; ");
        out.extend(fields([
            ("Specific", g.specific.clone()),
            ("Measures", measures),
            ("Attainable", g.attainable.clone()),
            ("Relevant", g.relevant.clone()),
            ("Deadline", date(g.deadline)),
            ("Horizon", g.horizon.name().to_string()),
            ("Mentor's view", g.mentor_comment.clone()),
        ]));
        let smart = g.smart();
        let check = SMART
            .iter()
            .zip(smart)
            .map(|(l, ok)| format!("{} {}", l.letter, if ok { "✓" } else { "✗" }))
            .collect::<Vec<_>>()
            .join("  ");
        let missing: Vec<&str> = SMART
            .iter()
            .zip(smart)
            .filter(|(_, ok)| !ok)
            .map(|(l, _)| l.needs)
            .collect();
        let p = g.progress();
        let mut status = vec![format!("SMART check: {check}")];
        if !missing.is_empty() {
            status.push(format!("Still needs: {}", missing.join("; ")));
        }
        if p.total > 0 {
            status.push(format!(
                "Progress: {} of {} milestones and steps done ({} %)",
                p.done,
                p.total,
                p.done * 100 / p.total
            ));
        }
        out.push(Block::Bullets(status));
        if !g.milestones.is_empty() {
            out.push(Block::Checklist(
                g.milestones
                    .iter()
                    .map(|m| {
                        let when = m.date.map(|d| format!(" ({d})")).unwrap_or_default();
                        (m.done, format!("{}{when}", m.text.trim()))
                    })
                    .collect(),
            ));
        }
    }
    out
}

fn plans(wb: &Workbook, today: NaiveDate) -> Vec<Block> {
    let mut out = Vec::new();
    for g in shown_goals(wb) {
        let p = &g.plan;
        let empty = !filled(&p.skills)
            && !filled(&p.outcome)
            && p.steps.is_empty()
            && p.resources.is_empty()
            && p.target_date.is_none();
        if empty {
            continue;
        }
        out.push(Block::Subheading(g.name().to_string()));
        out.extend(fields([
            ("Skills to gain", p.skills.clone()),
            ("Outcome", p.outcome.clone()),
            ("Target date", date(p.target_date)),
            ("Reviewed", date(p.reviewed_on)),
        ]));
        if !p.steps.is_empty() {
            let rows = (p.steps.iter().enumerate())
                .map(|(i, s)| {
                    let mut due = date(s.due);
                    if s.overdue(today) {
                        due.push_str(" (overdue)");
                    }
                    vec![
                        (i + 1).to_string(),
                        s.text.trim().to_string(),
                        s.owner.name().to_string(),
                        due,
                        s.status.name().to_string(),
                        p.dependencies_text(i),
                    ]
                })
                .collect();
            out.push(Block::Table {
                head: vec!["#", "Step", "Who", "Due", "Status", "After"],
                rows,
            });
        }
        if !p.resources.is_empty() {
            let rows = (p.resources.iter())
                .map(|r| vec![r.text.trim().to_string(), r.helper.name().to_string()])
                .collect();
            out.push(Block::Table {
                head: vec!["Resource", "Support"],
                rows,
            });
        }
        out.extend(fields([("Obstacles", p.roadblocks.clone())]));
    }
    out
}

fn agreement(wb: &Workbook) -> Vec<Block> {
    let parts = [
        A::Purpose,
        A::Meetings,
        A::Scheduling,
        A::CheckInEvery,
        A::Confidentiality,
        A::Boundaries,
        A::MenteeHotButtons,
        A::MentorHotButtons,
        A::PlannedLength,
        A::ClosingPlan,
        A::AgreedOn,
        A::ReviewedOn,
    ];
    let value = |p: A| match p {
        A::CheckInEvery => wb
            .agreement
            .check_in_every_days
            .map(describe_days)
            .unwrap_or_default(),
        p => Field::Agreement(p)
            .value(wb)
            .map(|v| v.into_owned())
            .unwrap_or_default(),
    };
    fields(parts.map(|p| (Field::Agreement(p).label(), value(p))))
        .into_iter()
        .collect()
}

/// The conversation the agenda is for: the first one dated today or later.
fn coming(wb: &Workbook, today: NaiveDate) -> Option<&Conversation> {
    (wb.conversations.iter())
        .filter(|c| c.at.date_naive() >= today)
        .min_by_key(|c| c.at)
}

fn agenda(wb: &Workbook, opts: Options) -> Vec<Block> {
    if let Some(c) = coming(wb, opts.today) {
        let mut out = vec![Block::Para(format!(
            "{} conversation, {}",
            c.kind.name(),
            c.at.format("%Y-%m-%d %H:%M")
        ))];
        out.extend(fields([("Purpose", c.prep.purpose.clone())]));
        if c.agenda.is_empty() {
            out.push(Block::Note("No agenda items yet.".into()));
        } else {
            out.push(Block::Checklist(
                (c.agenda.iter())
                    .map(|a| (a.done, a.text.trim().to_string()))
                    .collect(),
            ));
        }
        return out;
    }
    let next = wb.latest_conversation().and_then(|c| c.next_meeting);
    let items = wb.suggest_agenda(opts.today, next);
    if items.is_empty() {
        return Vec::new();
    }
    let when = next.map_or("the next conversation".to_string(), |d| {
        format!("the conversation of {d}")
    });
    vec![
        Block::Note(format!("Suggested for {when}, from the plan's open items.")),
        Block::Checklist(items.into_iter().map(|a| (false, a.text)).collect()),
    ]
}

fn vision(wb: &Workbook) -> Vec<Block> {
    let v = &wb.vision;
    let mut out = Vec::new();
    if filled(&v.statement) {
        out.push(Block::Para(v.statement.trim().to_string()));
        if let Some(why) = reads_as_future(&v.statement) {
            out.push(Block::Note(why));
        }
    }
    let list = |xs: &[String]| -> String {
        xs.iter()
            .filter(|s| filled(s))
            .map(|s| s.trim())
            .collect::<Vec<_>>()
            .join("; ")
    };
    out.extend(fields([
        ("Strengths", list(&v.strengths)),
        ("Limitations", list(&v.limitations)),
        ("To develop", v.improvements.clone()),
    ]));
    out
}

fn topics(wb: &Workbook, include_private: bool) -> Vec<Block> {
    let areas = [
        (PlanArea::Career, "Career"),
        (PlanArea::Development, "Development needs"),
        (PlanArea::Workplace, "The workplace now"),
        (PlanArea::Other, "Other topics"),
    ];
    let mut out = Vec::new();
    for (area, name) in areas {
        let items: Vec<(bool, String)> = (wb.mentoring_plan.topics.iter())
            .filter(|t| t.area == area && filled(&t.text))
            .filter(|t| include_private || !t.private)
            .map(|t| {
                let private = if t.private { " (private)" } else { "" };
                (t.discussed, format!("{}{private}", t.text.trim()))
            })
            .collect();
        if !items.is_empty() {
            out.push(Block::Subheading(name.to_string()));
            out.push(Block::Checklist(items));
        }
    }
    out
}

fn deadlines(wb: &Workbook, today: NaiveDate) -> Vec<Block> {
    let rows: Vec<Vec<String>> = calendar::dates(wb)
        .into_iter()
        .filter(|d| !d.done)
        .map(|d| {
            let mut when = d.date.to_string();
            if d.date < today {
                when.push_str(" (passed)");
            }
            vec![when, d.kind.name().to_string(), d.text, d.goal]
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![Block::Table {
        head: vec!["Date", "Kind", "What", "Goal"],
        rows,
    }]
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
