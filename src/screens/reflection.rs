//! The conversation with yourself: why you want mentoring and what you bring; for a mentor,
//! why mentor, what they bring and what they want to learn. Private.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::sheet::{self, Item};
use crate::app::App;
use crate::field::{Field, Kind, ReflectPart as R, Spec};
use crate::keys::{BACK, Binding, ENTER, MOVE};
use crate::model::{Progress, Role, Workbook};
use crate::nav::Target;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[MOVE, ENTER, BACK];

/// Each question and its hint, as the workbook's owner asks it of themselves.
pub fn spec(part: R, role: Role) -> Spec {
    let text = |label, hint| Spec::new(Kind::Text, label, hint);
    if role == Role::Mentor {
        return match part {
            R::Why => text(
                "Why do I want to mentor?",
                "What draws you to it, and why with this person, now?",
            ),
            R::Contribute => text(
                "What can I bring to it?",
                "Experience, contacts, time, patience, a listening ear…",
            ),
            R::Gain => text(
                "What do I want to learn from it?",
                "Mentors learn too: a new view, a skill, fresh energy…",
            ),
            R::PartnerAttributes => text(
                "What do I look for in a mentee?",
                "Drive, openness, aims you are able to help with…",
            ),
            R::PastLessons => text(
                "What did earlier mentoring teach me?",
                "As mentor or mentee: what worked, what would you change?",
            ),
        };
    }
    match part {
        R::Why => text(
            "Why do I want a mentoring relationship?",
            "What is pushing you to look for a mentor now?",
        ),
        R::Contribute => text(
            "What can I bring to it?",
            "Time, energy, questions, a different point of view…",
        ),
        R::Gain => text(
            "What do I hope to get from it?",
            "Skills, perspective, contacts, confidence…",
        ),
        R::PartnerAttributes => text(
            "What do I look for in a partner?",
            "Experience, style, values: what would make it work?",
        ),
        R::PastLessons => text(
            "What did earlier mentoring teach me?",
            "What worked before, and what would you do differently?",
        ),
    }
}

fn items(role: Role) -> Vec<Item<'static>> {
    let intro = match role {
        Role::Mentee => {
            "Before you look for a partner, talk it through with yourself. These answers are \
             for you alone: they are private."
        }
        Role::Mentor => {
            "Before you take someone on, ask yourself why you mentor and what you hope to \
             learn. These answers are for you alone: they are private."
        }
    };
    let mut items = vec![Item::Prompt(intro.into())];
    items.extend(R::ALL.iter().map(|p| Item::Field(Field::Reflect(*p))));
    items
}

/// Every question answered.
pub fn progress(wb: &Workbook) -> Progress {
    Progress::count(R::ALL.iter().map(|p| Field::Reflect(*p).filled(wb)))
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb.role))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(app.workbook.role));
}
