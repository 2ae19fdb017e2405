//! The SMART goals, in priority order: status, the SMART check, progress and deadline at a
//! glance. At most three are active; Enter opens one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::view::{date, gauge, smart_marks};
use crate::app::App;
use crate::field::ListKind;
use crate::keys::{BACK, Binding, MOVE, MOVE_DOWN, MOVE_UP, Msg, bind, code, explained, plain};
use crate::model::{GoalStatus, MAX_ACTIVE, SMART, Workbook};
use crate::nav::{Screen, Target};
use crate::screens::sheet::{self, Item, Row};
use crate::theme::THEME;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[code(crossterm::event::KeyCode::Enter)],
        "Enter",
        "open",
        "open a goal, write a win; on an add row: add",
        Msg::Activate,
    ),
    bind(&[plain('a')], "a", "add", Msg::Add),
    explained(
        &[plain('s')],
        "s",
        "status",
        "draft, active, paused, achieved or dropped",
        Msg::PickStatus,
    ),
    explained(
        &[plain('w')],
        "w",
        "worksheet",
        "the goal's Mentoring Action Plan worksheet",
        Msg::OpenWorksheet,
    ),
    MOVE_UP,
    MOVE_DOWN,
    explained(
        &[plain('d')],
        "d",
        "delete",
        "delete the goal and its plan, or a win (asks)",
        Msg::Delete,
    ),
    explained(
        &[plain('o')],
        "o",
        "kind of win",
        "a win's kind: talk, paper, funding, award…",
        Msg::Cycle,
    ),
    explained(
        &[plain('t')],
        "t",
        "date",
        "the date of the win",
        Msg::EditDate,
    ),
    explained(
        &[plain('e')],
        "e",
        "evidence",
        "a win's evidence: a link, a reference",
        Msg::EditEvidence,
    ),
    explained(
        &[plain('l')],
        "l",
        "goal served",
        "link the win to each goal in turn",
        Msg::LinkGoal,
    ),
    BACK,
];

fn items(wb: &Workbook, today: chrono::NaiveDate) -> Vec<Item<'_>> {
    let active = wb.active_goals();
    let cap_style = if active >= MAX_ACTIVE {
        THEME.warning
    } else {
        THEME.text
    };
    let mut items = vec![
        Item::Prompt(
            crate::field::by_role(
                wb.role,
                "Spend your mentoring time on what you want to learn, written as SMART goals \
                 that look ahead, fit your development needs and take a stretch to reach.",
                "The mentee's goals, in their words: SMART goals that look ahead, fit their \
                 development needs and take a stretch to reach. Your view goes on each goal.",
            )
            .into(),
        ),
        Item::Lines(vec![Line::from(vec![
            Span::styled(
                format!("Active: {active} of at most {MAX_ACTIVE}"),
                cap_style,
            ),
            Span::styled("   work on no more than three goals at a time", THEME.hint),
        ])]),
        Item::Lines(
            SMART
                .iter()
                .map(|l| {
                    Line::from(vec![
                        Span::styled(format!("{}  ", l.letter), THEME.key),
                        Span::styled(l.words, THEME.hint),
                    ])
                })
                .collect(),
        ),
        Item::Heading("Goals, by priority"),
    ];
    if wb.goals.is_empty() {
        items.push(Item::Prompt(
            format!(
                "No goals yet. Add one here, or turn a brainstormed candidate into a goal (g on \
                 {}).",
                crate::lifecycle::Exercise::Brainstorm.named()
            )
            .into(),
        ));
    }
    for (g, goal) in wb.goals.iter().enumerate() {
        let status = match goal.status {
            GoalStatus::Active => "ACTIVE  ",
            GoalStatus::Draft => "draft   ",
            GoalStatus::Paused => "paused  ",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Dropped => "dropped ",
        };
        items.push(Item::Row(Row {
            target: Target::Open(Screen::Goal(g)),
            lead: format!("{}. ", g + 1),
            text: goal.title.as_str().into(),
            placeholder: "untitled goal",
            suffix: format!(
                "{status}  {}  {}  {}",
                gauge(goal.progress(), 5),
                match goal.late(today) {
                    Some(d) => format!("LATE {d}"),
                    None => format!("due {:<10}", date(goal.deadline)),
                },
                smart_marks(goal)
            ),
            alert: goal.late(today).is_some(),
        }));
    }
    items.push(Item::Add(ListKind::Goals));
    items.extend(super::wins::items(wb));
    let support = wb.support_given();
    if support.iter().any(|n| *n > 0) {
        items.push(Item::Heading("Support this relationship gives"));
        items.push(Item::Prompt(
            "After Kram (1983, 1988): goals and steps tagged with the kind of support they ask."
                .into(),
        ));
        items.push(Item::Lines(
            (crate::model::Support::ALL.iter().zip(support))
                .map(|(s, n)| {
                    Line::from(vec![
                        Span::styled(format!("{:<20}", s.name()), THEME.label),
                        Span::styled(format!("{n:>3}  "), THEME.text),
                        Span::styled(s.about(), THEME.hint),
                    ])
                })
                .collect(),
        ));
    }
    items
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb, chrono::NaiveDate::MIN))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook, app.today));
}
