//! The screens. Each module has `KEYS`, `targets` and `render`; this file dispatches to them
//! with exhaustive matches, so a new screen cannot be half wired.

mod home;
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
        Screen::Vision => vision::KEYS,
    }
}

/// What the focus can rest on, top to bottom.
pub fn targets(screen: Screen, wb: &Workbook) -> Vec<Target> {
    match screen {
        Screen::Home => home::targets(wb),
        Screen::Vision => vision::targets(wb),
    }
}

/// Draws a screen's body.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    match app.screen {
        Screen::Home => home::render(app, area, buf),
        Screen::Vision => vision::render(app, area, buf),
    }
}

/// How far along an exercise is, for the overview.
pub fn progress(screen: Screen, wb: &Workbook) -> Option<crate::model::Progress> {
    match screen {
        Screen::Home => None,
        Screen::Vision => Some(wb.vision.progress()),
    }
}
