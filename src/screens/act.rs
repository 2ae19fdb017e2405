//! The moves every screen shares: opening a screen, starting an edit, moving a choice on.
//! Screens call these from their own key handling; `update` calls them for the shared keys.

use std::borrow::Cow;

use super::editor::new_editor;
use super::focus::{focus_on, set_focus};
use crate::app::App;
use crate::field::{Choice, Field, Spec};
use crate::lifecycle::Exercise;
use crate::msg::Effect;
use crate::nav::{Editable, Editing, Mode, Screen, Target};

/// Changes screen, saving on the way (leaving a screen is a natural checkpoint). Opening an
/// exercise ahead of the relationship's phase only earns a word of warning (in the footer,
/// beside the keys).
pub fn go(app: &mut App, screen: Screen) -> Option<Effect> {
    // A record's page opens at its top (the pages of one kind share one focus slot); coming
    // back up from the page below keeps the place.
    let from = app.screen;
    let back_up = from.parent() == screen;
    let fresh = !back_up && screen != from && screen.is_page();
    app.screen = screen;
    if fresh {
        set_focus(app, 0);
    }
    if screen == Screen::Exercise(Exercise::Journal) {
        super::journal::enter(app, from);
    }
    app.mode = Mode::Browse;
    Some(Effect::Save)
}

/// Opens the editor on `field` with its value, the focus on it. A field past the end of a
/// list (gone meanwhile) is left alone.
pub fn start_edit(app: &mut App, field: Field, new_item: bool) {
    let Some(text) = field.value(&app.workbook).map(Cow::into_owned) else {
        return;
    };
    focus_on(app, Target::Field(field));
    // Typed ahead onto a page not yet shown: a private text is opened only on purpose. A
    // new item the same keys just made is empty, and the key that made it says so.
    if app.blind && !new_item && crate::privacy::field(&app.workbook, field) {
        app.notice = Some(
            "Not opened: keys typed before this page showed, and this field is private. \
             What followed was dropped; press Enter to write here."
                .into(),
        );
        app.dropping_typed_ahead = true;
        return;
    }
    let spec = super::spec(field, &app.workbook);
    start_editing(app, Editable::Field(field), &text, spec, new_item);
}

/// Opens the editor on any text: a field, or something beside the workbook (the filter).
pub fn start_editing(app: &mut App, what: Editable, text: &str, spec: Spec, new_item: bool) {
    app.mode = Mode::Edit(Box::new(Editing {
        what,
        editor: new_editor(text, spec),
        new_item,
        error: None,
    }));
}

/// Moves a choice on, or opens the list to pick it from (a goal's status, a conversation's
/// kind, an entry's link).
pub fn choose(app: &mut App, choice: Choice) -> Option<Effect> {
    let picker = match choice {
        Choice::GoalStatus(g) => Some(super::goals::status_picker(&app.workbook, g)),
        Choice::ConvKind(c) => Some(super::conversations::kind_picker(&app.workbook, c)),
        Choice::EntryLink(e) => Some(super::journal::link_picker(app, e)),
        Choice::Phase => Some(crate::nav::Pick {
            what: crate::nav::PickWhat::Phase,
            selected: (crate::model::Phase::ALL.iter())
                .position(|p| *p == app.workbook.phase)
                .unwrap_or(0),
        }),
        _ => None,
    };
    if let Some(p) = picker {
        app.mode = Mode::Pick(p);
        return None;
    }
    choice.cycle(&mut app.workbook);
    app.touch();
    Some(Effect::Save)
}

/// The focused field, if the focus is on one.
pub fn focused_field(app: &App) -> Option<Field> {
    match super::focus::focused(app)? {
        Target::Field(f) => Some(f),
        _ => None,
    }
}
