//! One SMART goal: its words letter by letter, measures, milestones, the mentor's view, and
//! the way to its action plan. The SMART check and the progress gauge sit on top.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::view::{date, missing_goal, progress_line, smart_check};
use crate::app::App;
use crate::field::{Choice, Field, GoalPart as G, ListKind};
use crate::keys::{
    Binding, ENTER, MOVE, MOVE_DOWN, MOVE_UP, Msg, back_to, bind, explained, more, plain,
};
use crate::model::Workbook;
use crate::nav::{Screen, Target};
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
        "add a measure or milestone (where the focus is)",
        Msg::Add,
    ),
    explained(
        &[plain('x')],
        "x",
        "done",
        "tick the milestone done, or not",
        Msg::Toggle,
    ),
    explained(
        &[plain('t')],
        "t",
        "date",
        "set the milestone's date",
        Msg::EditDate,
    ),
    explained(
        &[plain('o')],
        "o",
        "kind",
        "measure: performance gain or outcome",
        Msg::Cycle,
    ),
    bind(&[plain('s')], "s", "status", Msg::PickStatus),
    explained(
        &[plain('w')],
        "w",
        "worksheet",
        "the Mentoring Action Plan worksheet",
        Msg::OpenWorksheet,
    ),
    more(
        &[plain('v')],
        "v",
        "the worksheet and step order on one page",
        Msg::OpenGlance,
    ),
    MOVE_UP,
    MOVE_DOWN,
    more(
        &[plain('d')],
        "d",
        "delete the measure or milestone",
        Msg::Delete,
    ),
    back_to("back to the list of goals"),
];

/// The partner's notes on this goal and its steps.
fn partner_notes(wb: &Workbook, g: usize) -> Vec<Line<'static>> {
    let Some(goal) = wb.goals.get(g) else {
        return Vec::new();
    };
    let ids: Vec<u64> = std::iter::once(goal.id)
        .chain(goal.plan.steps.iter().map(|s| s.id))
        .collect();
    crate::screens::partner_notes_on(wb, &ids)
}

/// `include_private` false in call mode: a private development need is not even hinted at.
fn items(
    wb: &Workbook,
    g: usize,
    today: chrono::NaiveDate,
    include_private: bool,
) -> Vec<Item<'_>> {
    let Some(goal) = wb.goals.get(g) else {
        return vec![missing_goal()];
    };
    let mut items = vec![
        Item::Field(Field::Goal(g, G::Title)),
        Item::Prompt(
            "A goal is a state of things you work to reach: it keeps your effort pointed one \
             way."
                .into(),
        ),
        Item::Choice(Choice::GoalStatus(g)),
        Item::Lines(vec![progress_line(goal)]),
        Item::Heading("SMART check"),
        Item::Lines(smart_check(goal)),
        Item::Heading("S · Specific"),
        Item::Field(Field::Goal(g, G::Specific)),
        Item::Heading("M · Measurable"),
        Item::Prompt(
            crate::field::by_role(
                wb.role,
                "How will you both see progress? Prefer gains in performance (you understand \
                 more, you can do more) over outcomes such as a promotion. o switches a \
                 measure's kind.",
                "How will you both see progress? Prefer gains in performance (they understand \
                 more, they can do more) over outcomes such as a promotion. o switches a \
                 measure's kind.",
            )
            .into(),
        ),
    ];
    for (i, m) in goal.measures.iter().enumerate() {
        items.push(Row::field(
            Field::Measure(g, i),
            "• ".into(),
            m.text.as_str(),
            m.kind.name().into(),
            false,
        ));
    }
    items.push(Item::Add(ListKind::Measures(g)));
    if goal.outcome_only() {
        items.push(Item::Lines(vec![Line::from(Span::styled(
            "Every measure is an outcome: add one that tracks how your performance grows.",
            THEME.warning,
        ))]));
    }
    items.push(Item::Heading("A · Attainable"));
    items.push(Item::Field(Field::Goal(g, G::Attainable)));
    items.push(Item::Heading("R · Relevant"));
    let vision = wb.vision.statement.lines().find(|l| !l.trim().is_empty());
    items.push(Item::Prompt(match vision {
        Some(v) => format!(
            "{}: “{}”",
            crate::field::by_role(wb.role, "Your vision", "The mentee's vision"),
            v.trim()
        )
        .into(),
        None => format!(
            "No vision statement yet: {} is where goals get their direction.",
            crate::lifecycle::Exercise::Vision.named()
        )
        .into(),
    }));
    items.push(Item::Field(Field::Goal(g, G::Relevant)));
    let needs: Vec<usize> = (wb.mentoring_plan.topics.iter().enumerate())
        .filter(|(_, t)| t.area == crate::model::PlanArea::Development && !t.text.trim().is_empty())
        .filter(|(_, t)| include_private || !t.private)
        .map(|(i, _)| i)
        .collect();
    if needs.is_empty() {
        items.push(Item::Prompt(
            format!(
                "Goals serve development needs: name them in {} (2. development needs), then \
                 tick here which this goal serves.",
                crate::lifecycle::Exercise::Plan.named()
            )
            .into(),
        ));
    } else {
        items.push(Item::Prompt(
            "The development needs it serves (Enter ticks one):".into(),
        ));
        items.extend(
            needs
                .into_iter()
                .map(|i| Item::Choice(Choice::GoalNeed(g, i))),
        );
    }
    items.push(Item::Heading("T · Time-bound"));
    items.push(Item::Field(Field::Goal(g, G::Deadline)));
    items.push(Item::Field(Field::Goal(g, G::TargetWords)));
    if let Some(late) = goal.late(today) {
        items.push(Item::Lines(vec![Line::from(Span::styled(
            format!(
                "The deadline passed on {late}: set a new one, or mark the goal achieved or \
                 dropped (s)."
            ),
            THEME.warning,
        ))]));
    }
    let after = (goal.plan.steps.iter())
        .filter(|s| s.status != crate::model::StepStatus::Done)
        .filter(|s| s.due.zip(goal.deadline).is_some_and(|(d, end)| d > end))
        .count();
    if after > 0 {
        items.push(Item::Lines(vec![Line::from(Span::styled(
            format!(
                "{after} open step{} due after this deadline: see the worksheet (w).",
                if after == 1 { " is" } else { "s are" }
            ),
            THEME.warning,
        ))]));
    }
    items.push(Item::Choice(Choice::Horizon(g)));
    items.push(Item::Heading("Support it asks of the mentor"));
    items.push(Item::Prompt(
        "Kram's kinds of mentoring support: Enter ticks each this goal needs.".into(),
    ));
    for k in 0..crate::model::Support::ALL.len() {
        items.push(Item::Choice(Choice::Support(g, k)));
    }
    items.push(Item::Heading("Skills it exercises"));
    items.push(Item::Prompt(
        "The four COREFour skills (Stoeger, Balestrini & Ziegler, 2020), for both of you: \
         Enter ticks each this goal trains. The journal's \"Four core skills\" template \
         reflects on them."
            .into(),
    ));
    for k in 0..crate::model::CoreSkill::ALL.len() {
        items.push(Item::Choice(Choice::CoreSkill(g, k)));
    }
    items.push(Item::Heading("Milestones"));
    items.push(Item::Prompt(
        "Checkpoints that show the goal moving: x ticks one, t gives it a date.".into(),
    ));
    for (i, m) in goal.milestones.iter().enumerate() {
        let late = !m.done && m.date.is_some_and(|d| d < today);
        let suffix = if late {
            format!("OVERDUE {}", date(m.date))
        } else {
            date(m.date)
        };
        let lead = if m.done { "[x] " } else { "[ ] " };
        items.push(Row::field(
            Field::Milestone(g, i),
            lead.into(),
            &m.text,
            suffix,
            late,
        ));
    }
    items.push(Item::Add(ListKind::Milestones(g)));
    if goal.milestones.is_empty() {
        items.push(Item::Lines(vec![Line::from(Span::styled(
            "No milestone yet: without one, progress only shows when it is all over.",
            THEME.warning,
        ))]));
    }
    items.push(Item::Heading(crate::field::by_role(
        wb.role,
        "The mentor's view",
        "My view",
    )));
    items.push(Item::Field(Field::Goal(g, G::MentorComment)));
    let from_partner = partner_notes(wb, g);
    if !from_partner.is_empty() {
        items.push(Item::Heading(
            "Your partner's notes (from their last packet)",
        ));
        items.push(Item::Lines(from_partner));
    }
    items.push(Item::Heading("Action plan"));
    let steps = goal.plan.steps.len();
    let done = (goal.plan.steps.iter())
        .filter(|s| s.status == crate::model::StepStatus::Done)
        .count();
    items.push(Item::Row(Row {
        target: Target::Open(Screen::Worksheet(g)),
        lead: "→ ".into(),
        text: "Open the Mentoring Action Plan worksheet".into(),
        placeholder: "",
        suffix: format!(
            "{steps} steps, {done} done · target {}",
            date(goal.plan.target_date)
        ),
        alert: false,
    }));
    items
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook, g: usize) -> Vec<Target> {
    sheet::targets(&items(wb, g, chrono::NaiveDate::MIN, true))
}

/// Draws the screen.
pub fn render(app: &App, g: usize, area: Rect, buf: &mut Buffer) {
    sheet::render(
        app,
        area,
        buf,
        &items(&app.workbook, g, app.today, !app.call_mode),
    );
}
