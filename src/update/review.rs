//! The review: opening it on today's conversation, and the keys of its two panes.

use chrono::{DateTime, Local};

use super::cultivation::create_conversation;
use super::{Effect, go};
use crate::app::{App, ReviewView};
use crate::field::Field;
use crate::keys::Msg;
use crate::nav::{Pane, Screen, Target};
use crate::screens::reference_lines;

/// Rows a page key moves in the reference, and items in the notes.
const PAGE_LINES: u16 = 10;
const PAGE_ITEMS: usize = 5;

/// `R`: today's conversation (made now if there is none) beside the reference.
pub fn open(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    if matches!(app.screen, Screen::Review(_)) {
        return None;
    }
    let today = now.date_naive();
    let existing = (app.workbook.conversations.iter()).rposition(|c| c.at.date_naive() == today);
    let (c, created) = match existing {
        Some(c) => (c, false),
        None => (create_conversation(app, now).0, true),
    };
    app.review.from = app.screen;
    app.review.pane = Pane::Notes;
    app.review.scroll = 0;
    let effect = go(app, Screen::Review(c));
    // The notes are what gets written during a call: the pane opens on them.
    let notes = Target::Field(Field::Notes(c));
    if let Some(i) = app.targets().iter().position(|t| *t == notes) {
        app.set_focus(i);
    }
    app.notice = Some(if created {
        "Today's conversation was started, with the suggested agenda. Tab: the other pane.".into()
    } else {
        "Reviewing beside today's conversation. Tab: the other pane; [ ]: what it shows.".into()
    });
    effect
}

/// The review's own keys; `None` leaves the message to the usual handling (the notes pane
/// works like the conversation's page).
pub fn key(app: &mut App, msg: &Msg) -> Option<Option<Effect>> {
    let reference = app.review.pane == Pane::Reference;
    let last = |app: &App| (reference_lines(app).len() as u16).saturating_sub(1);
    let view = &mut app.review;
    match msg {
        Msg::SwitchPane => {
            view.pane = match view.pane {
                Pane::Reference => Pane::Notes,
                Pane::Notes => Pane::Reference,
            };
        }
        Msg::SwapReference(next) => {
            let all = ReviewView::REFERENCES;
            let i = all.iter().position(|s| *s == view.reference).unwrap_or(0);
            let j = if *next { i + 1 } else { i + all.len() - 1 };
            view.reference = all[j % all.len()];
            view.scroll = 0;
        }
        Msg::Split(wider) => {
            view.split = if *wider {
                (view.split + ReviewView::SPLIT_STEP).min(ReviewView::SPLIT_MAX)
            } else {
                (view.split.saturating_sub(ReviewView::SPLIT_STEP)).max(ReviewView::SPLIT_MIN)
            };
        }
        Msg::Up if reference => view.scroll = view.scroll.saturating_sub(1),
        Msg::Down if reference => app.review.scroll = (app.review.scroll + 1).min(last(app)),
        Msg::PageUp if reference => view.scroll = view.scroll.saturating_sub(PAGE_LINES),
        Msg::PageDown if reference => {
            app.review.scroll = (app.review.scroll + PAGE_LINES).min(last(app));
        }
        Msg::PageUp => app.set_focus(app.focus().saturating_sub(PAGE_ITEMS)),
        Msg::PageDown => app.set_focus(app.focus() + PAGE_ITEMS),
        Msg::Activate | Msg::Add | Msg::Delete if reference => {
            app.notice = Some("The reference is read-only: Tab moves to today's notes.".into());
        }
        Msg::Back => {
            let from = view.from;
            return Some(go(app, from));
        }
        _ => return None,
    }
    Some(None)
}
