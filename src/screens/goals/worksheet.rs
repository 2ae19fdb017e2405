//! The Mentoring Action Plan worksheet of one goal: skills, outcome, steps, resources and the
//! target date, in the worksheet's order, plus when it was gone through with the mentor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::view::{date, missing_goal, progress_line, sequence_line, step_suffix};
use crate::app::App;
use crate::field::{Field, GoalPart as G, ListKind};
use crate::keys::{Binding, ENTER, MOVE, MOVE_DOWN, MOVE_UP, Msg, back_to, explained, more, plain};
use crate::model::Workbook;
use crate::nav::Target;
use crate::screens::sheet::{self, Item, Row};
use crate::theme::THEME;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    explained(
        &[plain('a')],
        "a",
        "add",
        "add a step or resource (where the focus is)",
        Msg::Add,
    ),
    explained(
        &[plain('x')],
        "x",
        "step on",
        "move the step on: to do, doing, done",
        Msg::Toggle,
    ),
    explained(
        &[plain('t')],
        "t",
        "due",
        "set the step's due date",
        Msg::EditDate,
    ),
    explained(
        &[plain('b')],
        "b",
        "waits for",
        "the steps this one waits for (numbers)",
        Msg::EditAfter,
    ),
    explained(
        &[plain('o')],
        "o",
        "who",
        "step: who carries it; resource: who helps",
        Msg::Cycle,
    ),
    explained(
        &[plain('v')],
        "v",
        "at a glance",
        "the whole worksheet and step order on one page",
        Msg::OpenGlance,
    ),
    more(
        &[plain('r')],
        "r",
        "record that you went through it today",
        Msg::MarkReviewed,
    ),
    explained(
        &[plain('u')],
        "u",
        "support",
        "the kind of mentor support a step asks (Kram)",
        Msg::CycleSupport,
    ),
    MOVE_UP,
    MOVE_DOWN,
    more(
        &[plain('d')],
        "d",
        "delete the step or resource (asks first)",
        Msg::Delete,
    ),
    back_to("back to the goal"),
];

fn items(wb: &Workbook, g: usize, today: chrono::NaiveDate) -> Vec<Item<'_>> {
    let Some(goal) = wb.goals.get(g) else {
        return vec![missing_goal()];
    };
    let mut items = vec![
        Item::Lines(vec![
            Line::from(vec![
                Span::styled("Goal  ", THEME.label),
                Span::styled(goal.name().to_string(), THEME.heading),
            ]),
            Line::from(Span::styled(
                format!(
                    "{} · deadline {} · {}",
                    goal.status.name(),
                    date(goal.deadline),
                    goal.horizon.name()
                ),
                THEME.hint,
            )),
            progress_line(goal),
        ]),
        Item::Prompt(
            "Plan backwards: start from the finished result and work back to the first concrete \
             step. Name the activities, put them in order, then agree how you will both know \
             it worked."
                .into(),
        ),
        Item::Field(Field::Goal(g, G::Skills)),
        Item::Field(Field::Goal(g, G::Outcome)),
        Item::Heading("3. Action steps: identify, sequence, measure"),
        Item::Prompt(
            "Identify the activities (a adds one), sequence them (b names the steps one waits \
             for; steps with nothing to wait for run side by side), then check the measures. \
             x moves a step on, o says who carries it, t dates it."
                .into(),
        ),
    ];
    let plan = &goal.plan;
    for (i, s) in plan.steps.iter().enumerate() {
        let (suffix, late) = step_suffix(wb, goal, i, today);
        items.push(Row::field(
            Field::Step(g, i),
            format!("{}. ", i + 1),
            s.text.as_str(),
            suffix,
            late,
        ));
    }
    items.push(Item::Add(ListKind::Steps(g)));
    if plan.steps.len() > 1 {
        items.push(Item::Lines(vec![Line::from(vec![
            Span::styled("Order  ", THEME.label),
            Span::styled(sequence_line(plan), THEME.text),
            Span::styled("   (+ : at the same time)", THEME.hint),
        ])]));
    }
    items.push(measure_line(goal));
    items.push(Item::Heading("4. Resources needed"));
    items.push(Item::Prompt(
        crate::field::by_role(
            wb.role,
            "Tools, time, training, people. Your mentor may be able to open doors: o says who \
             will help obtain each one.",
            "Tools, time, training, people. You may be able to open doors: o says who will \
             help obtain each one.",
        )
        .into(),
    ));
    for (i, r) in plan.resources.iter().enumerate() {
        items.push(Row::field(
            Field::Resource(g, i),
            "• ".into(),
            r.text.as_str(),
            wb.helper(r).into_owned(),
            false,
        ));
    }
    items.push(Item::Add(ListKind::Resources(g)));
    items.push(Item::Heading("5. When"));
    items.push(Item::Field(Field::Goal(g, G::TargetDate)));
    items.push(Item::Field(Field::Goal(g, G::ReviewedOn)));
    items.push(Item::Field(Field::Goal(g, G::Roadblocks)));
    items.push(Item::Field(Field::Goal(g, G::RoadblocksMet)));
    items
}

/// The last of identify, sequence, measure: the goal's measures, from its page.
fn measure_line(goal: &crate::model::Goal) -> Item<'static> {
    let named: Vec<String> = (goal.measures.iter())
        .filter(|m| !m.text.trim().is_empty())
        .map(|m| format!("{} ({})", m.text.trim(), m.kind.name()))
        .collect();
    let (text, style) = if named.is_empty() {
        (
            "none yet: a plan without measures is not finished (add them on the goal's page)"
                .to_string(),
            THEME.warning,
        )
    } else {
        (named.join("; "), THEME.text)
    };
    Item::Lines(vec![Line::from(vec![
        Span::styled("Measure  ", THEME.label),
        Span::styled(text, style),
    ])])
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook, g: usize) -> Vec<Target> {
    sheet::targets(&items(wb, g, chrono::NaiveDate::MIN))
}

/// Draws the screen.
pub fn render(app: &App, g: usize, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook, g, app.today));
}
