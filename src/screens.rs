//! The screens. Each module has `KEYS`, `targets` and `render`; this file dispatches to them
//! with exhaustive matches, so a new screen cannot be half wired.

mod agreement;
mod brainstorm;
mod check_in;
mod closure;
mod conversation;
mod conversations;
mod entry;
mod glance;
mod goal;
mod goal_view;
mod goals;
mod home;
mod journal;
mod kinds;
mod plan;
mod prospect;
mod reflection;
mod review;
mod vision;
mod worksheet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::keys::Binding;
use crate::model::Workbook;
use crate::nav::{Screen, Target};

/// The browse-mode keys of a screen.
pub fn keys(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Home => home::KEYS,
        Screen::Reflection => reflection::KEYS,
        Screen::Prospect => prospect::KEYS,
        Screen::Agreement => agreement::KEYS,
        Screen::Plan => plan::KEYS,
        Screen::Vision => vision::KEYS,
        Screen::Brainstorm => brainstorm::KEYS,
        Screen::Goals => goals::KEYS,
        Screen::Conversations => conversations::KEYS,
        Screen::Closure => closure::KEYS,
        Screen::Journal => journal::KEYS,
        Screen::Conversation(_) => conversation::KEYS,
        Screen::CheckIn(_) => check_in::KEYS,
        Screen::Entry(_) => entry::KEYS,
        Screen::Goal(_) => goal::KEYS,
        Screen::Worksheet(_) => worksheet::KEYS,
        Screen::Glance(_) => glance::KEYS,
        Screen::Review(_) => review::KEYS,
    }
}

/// What the focus can rest on, top to bottom.
pub fn targets(screen: Screen, wb: &Workbook) -> Vec<Target> {
    match screen {
        Screen::Home => home::targets(wb),
        Screen::Reflection => reflection::targets(wb),
        Screen::Prospect => prospect::targets(wb),
        Screen::Agreement => agreement::targets(wb),
        Screen::Plan => plan::targets(wb),
        Screen::Vision => vision::targets(wb),
        Screen::Brainstorm => brainstorm::targets(wb),
        Screen::Goals => goals::targets(wb),
        Screen::Conversations => conversations::targets(wb),
        Screen::Closure => closure::targets(wb),
        Screen::Journal => journal::targets(),
        Screen::Conversation(c) => conversation::targets(wb, c),
        Screen::CheckIn(i) => check_in::targets(wb, i),
        Screen::Entry(e) => entry::targets(wb, e),
        Screen::Goal(g) => goal::targets(wb, g),
        Screen::Worksheet(g) => worksheet::targets(wb, g),
        Screen::Glance(g) => glance::targets(wb, g),
        Screen::Review(c) => review::targets(wb, c),
    }
}

/// Draws a screen's body.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    match app.screen {
        Screen::Home => home::render(app, area, buf),
        Screen::Reflection => reflection::render(app, area, buf),
        Screen::Prospect => prospect::render(app, area, buf),
        Screen::Agreement => agreement::render(app, area, buf),
        Screen::Plan => plan::render(app, area, buf),
        Screen::Vision => vision::render(app, area, buf),
        Screen::Brainstorm => brainstorm::render(app, area, buf),
        Screen::Goals => goals::render(app, area, buf),
        Screen::Conversations => conversations::render(app, area, buf),
        Screen::Closure => closure::render(app, area, buf),
        Screen::Journal => journal::render(app, area, buf),
        Screen::Conversation(c) => conversation::render(app, c, area, buf),
        Screen::CheckIn(i) => check_in::render(app, i, area, buf),
        Screen::Entry(e) => entry::render(app, e, area, buf),
        Screen::Goal(g) => goal::render(app, g, area, buf),
        Screen::Worksheet(g) => worksheet::render(app, g, area, buf),
        Screen::Glance(g) => glance::render(app, g, area, buf),
        Screen::Review(c) => review::render(app, c, area, buf),
    }
}

pub use closure::achieved_summary;
pub use conversation::NOTES_KEYS;
pub use conversations::check_in_line;
pub use home::next_step;
pub use kinds::kind_summary;
pub use review::{STACK_BELOW, reference_lines};
