//! The goals as documents: the SMART goals with their check and progress, and every action
//! plan as tables.

use chrono::NaiveDate;

use crate::field::GoalPart;
use crate::model::{GoalStatus, SMART, Workbook};
use crate::report::Block;
use crate::screens::document::{date, fields, filled};

/// Goals worth showing: everything but dropped ones.
fn shown_goals(wb: &Workbook) -> impl Iterator<Item = &crate::model::Goal> {
    wb.goals.iter().filter(|g| g.status != GoalStatus::Dropped)
}

/// The SMART goals with their check, progress and milestones.
pub fn goals(wb: &Workbook) -> Vec<Block> {
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
            // Private needs stay out: the goals are shown during calls.
            (
                "Serves the development needs",
                (wb.mentoring_plan.topics.iter())
                    .filter(|t| g.needs.contains(&t.id) && !t.private)
                    .map(|t| t.text.trim())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            ("Deadline", date(g.deadline)),
            ("Target, in words", g.deadline_words.clone()),
            ("Horizon", g.horizon.name().to_string()),
            (
                "COREFour skills",
                (crate::model::CoreSkill::ALL.iter())
                    .filter(|s| g.skills.contains(s))
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                "Support asked (Kram)",
                (crate::model::Support::ALL.iter())
                    .filter(|s| g.support.contains(s))
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
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
        // A goal reached or dropped needs nothing more.
        let open = !matches!(g.status, GoalStatus::Achieved | GoalStatus::Dropped);
        if open && !missing.is_empty() {
            status.push(format!("Still needs: {}", missing.join("; ")));
        }
        if g.status == GoalStatus::Achieved {
            status.push(if p.total == 0 {
                "Progress: achieved".to_string()
            } else {
                format!(
                    "Progress: achieved, with {} of {} milestones and steps ticked",
                    p.done, p.total
                )
            });
        } else if p.total > 0 {
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
    out.extend(super::wins::report(wb));
    out
}

/// Every goal's action plan, as tables.
pub fn plans(wb: &Workbook, today: NaiveDate) -> Vec<Block> {
    let mut out = Vec::new();
    for g in shown_goals(wb) {
        let p = &g.plan;
        // Nothing on the worksheet: none of its parts written, no steps, no resources.
        let on_worksheet =
            |part: &&GoalPart| super::page_of(0, **part) == crate::nav::Screen::Worksheet(0);
        let empty = (GoalPart::ALL.iter().filter(on_worksheet)).all(|part| !part.slot(g).filled())
            && p.steps.is_empty()
            && p.resources.is_empty();
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
                        wb.carrier(s.owner, s.who).into_owned(),
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
                .map(|r| vec![r.text.trim().to_string(), wb.helper(r).into_owned()])
                .collect();
            out.push(Block::Table {
                head: vec!["Resource", "Support"],
                rows,
            });
        }
        out.extend(fields([
            ("Obstacles", p.roadblocks.clone()),
            ("Roadblocks met", p.roadblocks_met.clone()),
        ]));
    }
    out
}
