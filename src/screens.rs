//! The screens. Each module has `KEYS`, `targets` and `render`; this file dispatches to them
//! with exhaustive matches, so a new screen cannot be half wired.

mod agreement;
mod closure;
mod home;
mod plan;
mod prospect;
mod reflection;
mod vision;

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
        Screen::Closure => closure::KEYS,
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
        Screen::Closure => closure::targets(wb),
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
        Screen::Closure => closure::render(app, area, buf),
    }
}

pub use closure::achieved_summary;
pub use home::next_step;
