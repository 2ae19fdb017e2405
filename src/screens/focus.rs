//! Where the focus is: the current screen's targets (without anything private in call mode),
//! and the focused one. The app keeps one raw index per screen; the layouts say what it
//! points at.

use crate::app::App;
use crate::nav::Target;
use crate::privacy;

/// What the focus can rest on, on the current screen (in call mode, nothing private).
pub fn targets(app: &App) -> Vec<Target> {
    let mut targets = super::targets(app.screen, &app.workbook);
    if app.call_mode {
        targets.retain(|t| !privacy::target(&app.workbook, *t));
    }
    targets
}

/// Index of the focused target on the current screen (always in range).
pub fn focus(app: &App) -> usize {
    let n = targets(app).len();
    app.focus_slot().min(n.saturating_sub(1))
}

/// Moves the focus on the current screen, clamped to the targets.
pub fn set_focus(app: &mut App, i: usize) {
    let n = targets(app).len();
    app.set_focus_slot(i.min(n.saturating_sub(1)));
}

/// The focused target, if the screen has any.
pub fn focused(app: &App) -> Option<Target> {
    let targets = targets(app);
    let i = app.focus_slot().min(targets.len().saturating_sub(1));
    targets.get(i).copied()
}

/// Puts the focus on `target` if the screen shows it. Returns whether it does.
pub fn focus_on(app: &mut App, target: Target) -> bool {
    match targets(app).iter().position(|t| *t == target) {
        Some(i) => {
            app.set_focus_slot(i);
            true
        }
        None => false,
    }
}
