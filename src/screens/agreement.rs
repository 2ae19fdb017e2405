//! The partnership agreement: why you meet, how, what stays between you, how it ends.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{AgreementPart as A, Field};
use crate::keys::{BACK, Binding, ENTER, Key, MOVE, Msg};
use crate::model::Workbook;
use crate::nav::Target;
use crate::ui::sheet::{self, Item};

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    Binding {
        keys: &[Key(KeyCode::Char('r'), KeyModifiers::NONE)],
        label: "r",
        hint: "reviewed today",
        help: "record a review of the agreement today",
        msg: Some(Msg::MarkReviewed),
        footer: true,
    },
    BACK,
];

fn items(_wb: &Workbook) -> Vec<Item<'static>> {
    let f = |p| Item::Field(Field::Agreement(p));
    vec![
        Item::Prompt(
            "Draft it together at your first meeting. The form matters less than agreeing, \
             in writing, on what you want and how you will work."
                .into(),
        ),
        Item::Heading("Why we meet"),
        f(A::Purpose),
        Item::Heading("How we meet"),
        f(A::Meetings),
        f(A::Scheduling),
        f(A::CheckInEvery),
        Item::Heading("Trust"),
        f(A::Confidentiality),
        f(A::Boundaries),
        f(A::MenteeHotButtons),
        f(A::MentorHotButtons),
        Item::Heading("How long, and how it ends"),
        f(A::PlannedLength),
        f(A::ClosingPlan),
        Item::Heading("Agreed"),
        f(A::AgreedOn),
        f(A::ReviewedOn),
        Item::Prompt("Revisit it at your check-ins; r records a review today.".into()),
    ]
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook));
}
