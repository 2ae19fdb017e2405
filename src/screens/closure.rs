//! Closure and redefinition: plan the ending, take the four closing checks, look back, and
//! decide what the relationship becomes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{Choice, ClosurePart as C, Field};
use crate::keys::{BACK, Binding, ENTER, MOVE};
use crate::model::Workbook;
use crate::nav::Target;
use crate::ui::sheet::{self, Item};

/// Keys of this screen.
pub const KEYS: &[Binding] = &[MOVE, ENTER, BACK];

/// The goals achieved, pulled from the goals themselves.
pub fn achieved_summary(wb: &Workbook) -> String {
    let lines: Vec<String> = wb
        .achieved_goals()
        .map(|g| {
            let done = g.milestones.iter().filter(|m| m.done).count();
            let by = g.deadline.map(|d| format!(", due {d}")).unwrap_or_default();
            format!(
                "✓ {} ({done}/{} milestones{by})",
                g.title,
                g.milestones.len()
            )
        })
        .collect();
    if lines.is_empty() {
        "No goal is marked achieved yet. Achieved goals appear here straight from the goals, \
         with their milestones."
            .to_string()
    } else {
        lines.join("\n")
    }
}

fn items(wb: &Workbook) -> Vec<Item<'static>> {
    let f = |p| Item::Field(Field::Closure(p));
    let mut items = vec![
        Item::Prompt(
            "Plan the ending well before it comes, so the partnership closes on purpose rather \
             than fading out."
                .into(),
        ),
        Item::Heading("Plan the closing"),
        f(C::PlannedWhen),
        f(C::PlannedHow),
        Item::Heading("The closing conversation"),
        Item::Prompt("Enter ticks a check; note what you said beneath it.".into()),
    ];
    for k in 0..4 {
        items.push(Item::Choice(Choice::Check(k)));
        items.push(f(C::CheckNotes(k)));
    }
    items.extend([
        Item::Heading("Goals achieved"),
        Item::Info(achieved_summary(wb)),
        Item::Heading("Looking back"),
        f(C::Learned),
        f(C::WhatWorked),
        f(C::ApplyInFuture),
        f(C::Celebration),
        Item::Heading("What comes next"),
        Item::Choice(Choice::ContinueTogether),
        f(C::WhatStays),
        f(C::WhatChanges),
        f(C::StayInTouch),
        Item::Choice(Choice::MenteeWillMentor),
    ]);
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
