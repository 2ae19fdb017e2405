//! Pieces the goal screens share: the SMART check, the progress gauge, a step's status line.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::model::{ActionPlan, Goal, Progress, SMART};
use crate::screens::sheet::Item;
use crate::theme::THEME;

/// What a goal page shows if its goal is gone (a page is only reachable from the list, so
/// this is a guard, not a flow).
pub fn missing_goal() -> Item<'static> {
    Item::Prompt("This goal is no longer in the workbook. Esc goes back.".into())
}

/// `S✓ M✗ A✓ R✓ T✗`, compact, for a list row.
pub fn smart_marks(goal: &Goal) -> String {
    let ok = goal.smart();
    (SMART.iter().zip(ok))
        .map(|(l, ok)| format!("{}{}", l.letter, if ok { '✓' } else { '·' }))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One line per letter: the mark, the expanded word list, and what is missing.
pub fn smart_check(goal: &Goal) -> Vec<Line<'static>> {
    (SMART.iter().zip(goal.smart()))
        .map(|(l, ok)| {
            let (mark, style) = if ok {
                ("✓", THEME.done)
            } else {
                ("✗", THEME.warning)
            };
            let mut spans = vec![
                Span::styled(format!("{} {mark} ", l.letter), style),
                Span::styled(l.words, THEME.text),
            ];
            if !ok {
                spans.push(Span::styled(format!("  (needs: {})", l.needs), THEME.hint));
            }
            Line::from(spans)
        })
        .collect()
}

/// `■■■□□ 60%` in `cells` cells.
pub fn gauge(p: Progress, cells: usize) -> String {
    let filled = (p.done * cells + p.total / 2)
        .checked_div(p.total)
        .unwrap_or(0);
    let bar: String = (0..cells)
        .map(|k| if k < filled { '■' } else { '□' })
        .collect();
    let pct = (p.done * 100).checked_div(p.total).unwrap_or(0);
    format!("{bar} {pct:>3}%")
}

/// The progress line of a goal, with what it counts.
pub fn progress_line(goal: &Goal) -> Line<'static> {
    let p = goal.progress();
    let achieved = goal.status == crate::model::GoalStatus::Achieved;
    let style = if p.is_complete() || achieved {
        THEME.done
    } else {
        THEME.text
    };
    let what = if achieved && p.total == 0 {
        "achieved".to_string()
    } else if achieved {
        format!(
            "achieved, with {} of {} milestones and steps ticked",
            p.done, p.total
        )
    } else if p.total == 0 {
        "no milestones or steps yet".to_string()
    } else {
        format!("{} of {} milestones and steps done", p.done, p.total)
    };
    Line::from(vec![
        Span::styled("Progress  ", THEME.label),
        Span::styled(gauge(p, 10), style),
        Span::styled(format!("  {what}"), THEME.hint),
    ])
}

pub use crate::screens::sheet::date;

/// Step `i`'s suffix: status, due date, owner, what it waits for; and whether it is late.
pub fn step_suffix(
    wb: &crate::model::Workbook,
    goal: &Goal,
    i: usize,
    today: NaiveDate,
) -> (String, bool) {
    let plan = &goal.plan;
    let s = &plan.steps[i];
    let mut parts = vec![s.status.name().to_string()];
    let mut late = s.overdue(today);
    if let Some(d) = s.due {
        // A step due after its goal's deadline cannot be on the way to it (said first: a
        // narrow row cuts from the end).
        if s.status != crate::model::StepStatus::Done && goal.deadline.is_some_and(|g| d > g) {
            parts.push("LATE FOR GOAL".into());
            late = true;
        }
        if s.overdue(today) {
            parts.push(format!("OVERDUE {}", d.format("%Y-%m-%d")));
        } else {
            parts.push(format!("due {}", d.format("%Y-%m-%d")));
        }
    }
    parts.push(wb.carrier(s.owner, s.who).into_owned());
    if let Some(kind) = s.support {
        parts.push(kind.name().to_string());
    }
    let after = plan.dependencies_text(i);
    if !after.is_empty() {
        parts.push(format!("after {after}"));
    }
    (parts.join(" · "), late)
}

/// The order of the steps in one line: `1 + 2 → 3 → 4` (steps joined by `+` can run at the
/// same time).
pub fn sequence_line(plan: &ActionPlan) -> String {
    plan.stages()
        .iter()
        .map(|stage| {
            stage
                .iter()
                .map(|k| (k + 1).to_string())
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect::<Vec<_>>()
        .join("  →  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauge_rounds_and_handles_nothing() {
        assert_eq!(gauge(Progress { done: 0, total: 0 }, 4), "□□□□   0%");
        assert_eq!(gauge(Progress { done: 1, total: 3 }, 6), "■■□□□□  33%");
        assert_eq!(gauge(Progress { done: 2, total: 2 }, 4), "■■■■ 100%");
    }

    #[test]
    fn marks_show_each_letter() {
        let g = Goal {
            specific: "x".into(),
            ..Goal::default()
        };
        assert_eq!(smart_marks(&g), "S✓ M· A· R· T·");
    }
}
