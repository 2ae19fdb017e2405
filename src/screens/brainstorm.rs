//! Brainstorming development goals: nine questions, then candidate goals in priority order,
//! each of which can become a SMART goal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{BrainPart, Field, ListKind};
use crate::keys::{BACK, Binding, ENTER, MOVE, MOVE_DOWN, MOVE_UP, Msg, bind, explained, plain};
use crate::model::Workbook;
use crate::nav::Target;
use crate::ui::sheet::{self, Item, Row};

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    explained(&[plain('a')], "a", "add", "add a candidate goal", Msg::Add),
    explained(
        &[plain('g')],
        "g",
        "make it a goal",
        "turn the candidate into a SMART goal (linked)",
        Msg::Promote,
    ),
    MOVE_UP,
    MOVE_DOWN,
    bind(&[plain('d')], "d", "delete", Msg::Delete),
    BACK,
];

fn items(wb: &Workbook) -> Vec<Item<'_>> {
    let mut items = vec![
        Item::Prompt(
            "Think about every part of your working life that could be better. Write freely: \
             nothing here is a promise yet. Your last performance review and the job \
             descriptions of roles you want in a few years are good places to look for gaps."
                .into(),
        ),
        Item::Heading("Questions"),
    ];
    items.extend(BrainPart::ALL.map(|p| Item::Field(Field::Brainstorm(p))));
    items.push(Item::Heading("Candidate goals, most important first"));
    items.push(Item::Prompt(
        "Name the development areas your answers point to and give each a priority: K and J \
         move a candidate up and down. When one is worth pursuing, g makes it a SMART goal."
            .into(),
    ));
    for (i, c) in wb.brainstorm.candidates.iter().enumerate() {
        let goal = c.goal.and_then(|id| wb.goal_position(id));
        let suffix = match goal {
            Some(g) => format!("→ goal, {}", wb.goals[g].status.name()),
            None => String::new(),
        };
        items.push(Row::field(
            Field::Candidate(i),
            format!("{}. ", i + 1),
            c.text.as_str(),
            suffix,
            false,
        ));
    }
    items.push(Item::Add(ListKind::Candidates));
    items
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook));
}
