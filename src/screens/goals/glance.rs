//! One goal's worksheet on a single read-only page, made to be read during a call: the goal
//! and its SMART words on the left, the steps in the order they can be done on the right
//! (one column on narrow screens). Steps can still be ticked off here.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::view::{date, gauge, missing_goal, smart_marks, step_suffix};
use crate::app::App;
use crate::field::Field;
use crate::keys::{Binding, MOVE, Msg, code, explained, plain};
use crate::model::{Goal, Workbook};
use crate::nav::Target;
use crate::screens::sheet::{self, Item, Row};
use crate::theme::THEME;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[plain('x')],
        "x",
        "step on",
        "move the step on: to do, doing, done",
        Msg::Toggle,
    ),
    explained(
        &[plain('v'), code(crossterm::event::KeyCode::Esc)],
        "v/Esc",
        "back",
        "back to the editable worksheet",
        Msg::Back,
    ),
];

/// Side by side from this width.
const TWO_COLUMNS: u16 = 100;

fn text_or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "–".into()
    } else {
        text.trim().to_string()
    }
}

/// `• text  (note)` per item with words, or a dash when there is none.
fn bullets<'a, N: std::fmt::Display>(items: impl Iterator<Item = (&'a str, N)>) -> Item<'static> {
    let lines: Vec<Line<'static>> = items
        .filter(|(text, _)| !text.trim().is_empty())
        .map(|(text, note)| {
            Line::from(vec![
                Span::raw(format!("• {}", text.trim())),
                Span::styled(format!("  ({note})"), THEME.hint),
            ])
        })
        .collect();
    if lines.is_empty() {
        Item::Info("–".into())
    } else {
        Item::Lines(lines)
    }
}

fn about<'a>(wb: &Workbook, goal: &'a Goal) -> Vec<Item<'a>> {
    let plan = &goal.plan;
    let mut items = vec![
        Item::Lines(vec![
            Line::from(Span::styled(goal.name().to_string(), THEME.heading)),
            Line::from(Span::styled(
                format!("{} · {}", goal.status.name(), goal.horizon.name()),
                THEME.hint,
            )),
            Line::from(Span::styled(
                format!(
                    "deadline {} · target {}",
                    date(goal.deadline),
                    date(plan.target_date)
                ),
                THEME.hint,
            )),
            Line::from(vec![
                Span::styled("Progress  ", THEME.label),
                Span::styled(gauge(goal.progress(), 10), THEME.text),
            ]),
            Line::from(vec![
                Span::styled("SMART     ", THEME.label),
                Span::styled(smart_marks(goal), THEME.text),
            ]),
        ]),
        Item::Heading("What exactly"),
        Item::Info(text_or_dash(&goal.specific)),
        Item::Heading("Measures"),
    ];
    items.push(bullets(
        (goal.measures.iter()).map(|m| (m.text.as_str(), m.kind.name())),
    ));
    items.push(Item::Heading("1. Skills or knowledge"));
    items.push(Item::Info(text_or_dash(&plan.skills)));
    items.push(Item::Heading("2. Outcome"));
    items.push(Item::Info(text_or_dash(&plan.outcome)));
    items.push(Item::Heading("4. Resources"));
    items.push(bullets(
        (plan.resources.iter()).map(|r| (r.text.as_str(), wb.helper(r))),
    ));
    items.push(Item::Heading("Milestones"));
    let milestones: Vec<Line> = (goal.milestones.iter())
        .map(|m| {
            Line::from(vec![
                Span::raw(format!(
                    "{} {}",
                    if m.done { "[x]" } else { "[ ]" },
                    m.text.trim()
                )),
                Span::styled(format!("  {}", date(m.date)), THEME.hint),
            ])
        })
        .collect();
    items.push(if milestones.is_empty() {
        Item::Info("–".into())
    } else {
        Item::Lines(milestones)
    });
    items.push(Item::Info(format!(
        "Reviewed with the mentor: {}",
        date(plan.reviewed_on)
    )));
    items
}

fn steps<'a>(wb: &Workbook, goal: &'a Goal, g: usize, today: chrono::NaiveDate) -> Vec<Item<'a>> {
    let plan = &goal.plan;
    let mut items = vec![Item::Heading("3. Steps, in order")];
    if plan.steps.is_empty() {
        items.push(Item::Info("No steps yet.".into()));
    }
    for (n, stage) in plan.stages().iter().enumerate() {
        let together = if stage.len() > 1 {
            " · these can run at the same time"
        } else {
            ""
        };
        items.push(Item::Lines(vec![Line::from(Span::styled(
            format!("Stage {}{together}", n + 1),
            THEME.label,
        ))]));
        for &i in stage {
            // The details go on a line of their own: the step's words come first on a call.
            let (details, late) = step_suffix(wb, goal, i, today);
            let (status, rest) = details.split_once(" · ").unwrap_or((&details, ""));
            items.push(Item::Row(Row {
                target: Target::Field(Field::Step(g, i)),
                lead: format!("{}. ", i + 1),
                text: plan.steps[i].text.as_str().into(),
                placeholder: "(no text)",
                suffix: status.to_string(),
                alert: false,
            }));
            if !rest.is_empty() {
                let style = if late { THEME.warning } else { THEME.hint };
                items.push(Item::Lines(vec![Line::from(Span::styled(
                    format!("     {rest}"),
                    style,
                ))]));
            }
        }
    }
    items
}

/// Where the focus can rest: the steps, in the order shown.
pub fn targets(wb: &Workbook, g: usize) -> Vec<Target> {
    wb.goals.get(g).map_or_else(Vec::new, |goal| {
        sheet::targets(&steps(wb, goal, g, chrono::NaiveDate::MIN))
    })
}

/// Draws the screen.
pub fn render(app: &App, g: usize, area: Rect, buf: &mut Buffer) {
    let Some(goal) = app.workbook.goals.get(g) else {
        sheet::render(app, area, buf, &[missing_goal()]);
        return;
    };
    if area.width >= TWO_COLUMNS {
        let [left, _, right] = area.layout(&Layout::horizontal([
            Constraint::Percentage(45),
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        sheet::render(app, left, buf, &about(&app.workbook, goal));
        sheet::render(app, right, buf, &steps(&app.workbook, goal, g, app.today));
    } else {
        let mut all = about(&app.workbook, goal);
        all.extend(steps(&app.workbook, goal, g, app.today));
        sheet::render(app, area, buf, &all);
    }
}
