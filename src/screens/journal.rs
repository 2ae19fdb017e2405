//! The journal: the list of entries with its filter, and each entry's page. Its keys, new
//! entries from anywhere, the filter (kept beside the workbook, never saved) and links.

mod entry;
mod list;
mod recall;
mod templates;

use chrono::{DateTime, Local, Timelike};

use super::{Handled, choose, go, start_edit, start_editing};
use crate::app::App;
use crate::field::{Choice, Field, Kind, Spec};
use crate::model::{Conversation, Id, JournalEntry, JournalFilter};
use crate::msg::{Effect, Msg};
use crate::nav::{Confirm, Editable, Mode, Pick, PickWhat, Record, Screen};

pub use entry::{KEYS as ENTRY_KEYS, render as render_entry, targets as entry_targets};
pub use list::{KEYS as LIST_KEYS, render as render_list};
pub use recall::{
    CALENDAR_KEYS, calendar_box, calendar_key, pick_tag, render_calendar, tags,
    update as update_calendar,
};
pub use templates::{
    all as templates, delete as delete_template, start_from as start_from_template,
};

/// An entry's text.
pub const ENTRY: Spec = Spec::new(
    Kind::Text,
    "Entry",
    "Write freely. Esc when done; it is saved as you type.",
);
/// An entry's tags.
pub const ENTRY_TAGS: Spec = Spec::new(Kind::Tags, "Tags", "e.g. reviews, mood (commas or spaces)");
/// When an entry was written: it can be set back (or corrected).
pub const ENTRY_AT: Spec = Spec::new(
    Kind::DateTime,
    "Written",
    "2026-11-30 21:00, yesterday 21:00, -3d, or a time alone (the day kept)",
);
/// The filter line.
const FILTER: Spec = Spec::new(
    Kind::Line,
    "Filter",
    "#tag \"a phrase\" -word #a OR #b goal:1 from:2025-06 to:today day:12-02",
);

/// The list is worked out again on the way in (entries may have changed on their pages),
/// keeping the entry just left selected.
pub fn enter(app: &mut App, from: Screen) {
    app.refresh_journal();
    if let Screen::Entry(e) = from {
        app.journal.select_entry(e);
    }
}

/// `n`: a journal entry stamped now (local time, with its offset), the editor open on it.
pub fn new_entry(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    if app.call_mode {
        app.notice = Some(
            "Journal entries start private, so n is off during a call: C ends call mode.".into(),
        );
        return None;
    }
    if (app.workbook.journal).is_unreadable(crate::model::Month::of(&now.fixed_offset())) {
        app.notice = Some(
            "This month's journal file cannot be read, so a new entry could not be saved. \
             `mentorbook check` says what is wrong with it."
                .into(),
        );
        return None;
    }
    let wb = &mut app.workbook;
    let id = wb.fresh_id();
    // To the second: the file stays readable, and nobody journals twice in one.
    let at = now.with_nanosecond(0).unwrap_or(now);
    let e = wb.journal.push(JournalEntry {
        id,
        at: at.fixed_offset(),
        ..JournalEntry::default()
    });
    app.touch();
    go(app, Screen::Entry(e));
    start_edit(app, Field::Entry(e), true);
    None
}

/// Keys on the journal list, which keeps its own selection (see `JournalView`).
pub fn handle_list(app: &mut App, msg: &Msg) -> Handled {
    let view = &mut app.journal;
    let last = view.matches.len().saturating_sub(1);
    match msg {
        Msg::Up => view.selected = view.selected.saturating_sub(1),
        Msg::Down => view.selected = (view.selected + 1).min(last),
        Msg::PageUp => view.selected = view.selected.saturating_sub(10),
        Msg::PageDown => view.selected = (view.selected + 10).min(last),
        Msg::First => view.selected = 0,
        Msg::Last => view.selected = last,
        Msg::Activate => {
            let Some(e) = view.selected_entry() else {
                app.notice = Some("No entry here: n writes one.".into());
                return Handled::Yes(None);
            };
            return Handled::Yes(go(app, Screen::Entry(e)));
        }
        Msg::Delete => {
            if let Some(e) = view.selected_entry() {
                app.mode = Mode::Confirm(Confirm::DeleteRecord(Record::Entry(e)));
            }
        }
        Msg::Filter => {
            let query = view.query.clone();
            start_editing(app, Editable::JournalFilter, &query, FILTER, false);
        }
        Msg::TagList => recall::open_tags(app),
        Msg::OnThisDay => recall::on_this_day(app),
        Msg::MonthView => recall::open_month(app),
        Msg::Template => templates::open(app),
        Msg::Back if !view.query.is_empty() => {
            view.query.clear();
            view.filter = JournalFilter::default();
            app.refresh_journal();
            app.notice = Some("Filter cleared.".into());
        }
        _ => return Handled::No,
    }
    Handled::Yes(None)
}

/// On an entry's page: `p` private or not; `]` and `[` read on through the list as it is
/// filtered (Esc goes back to the list on the entry last read).
pub fn handle_entry(app: &mut App, msg: &Msg) -> Handled {
    match (msg, app.screen) {
        (Msg::TogglePrivate, Screen::Entry(e)) => {
            Handled::Yes(choose(app, Choice::EntryPrivate(e)))
        }
        (Msg::Template, Screen::Entry(e)) => Handled::Yes(templates::keep(app, e)),
        (Msg::NextEntry(older), Screen::Entry(e)) => {
            let view = &app.journal;
            let Some(at) = view.matches.iter().position(|&m| m == e) else {
                app.notice = Some("This entry is not in the list as filtered.".into());
                return Handled::Yes(None);
            };
            let next = if *older {
                at.checked_add(1).filter(|&n| n < view.matches.len())
            } else {
                at.checked_sub(1)
            };
            let Some(next) = next else {
                app.notice = Some(if *older {
                    "This is the oldest entry of the list.".into()
                } else {
                    "This is the newest entry of the list.".into()
                });
                return Handled::Yes(None);
            };
            // Back on the list, `enter` selects the entry last read.
            let entry = view.matches[next];
            Handled::Yes(go(app, Screen::Entry(entry)))
        }
        _ => Handled::No,
    }
}

/// Leaving the filter's editor: the filter applies (once, not per keystroke). A part that does
/// not read keeps the editor open with the reason.
pub fn commit_filter(app: &mut App, text: &str) -> Result<(), String> {
    let filter = JournalFilter::parse(text, app.today, &app.workbook.goals)?;
    let view = &mut app.journal;
    view.query = text.trim().to_string();
    view.filter = filter;
    app.refresh_journal();
    let view = &mut app.journal;
    view.selected = 0;
    let searching = view.filter.needs_text() && app.workbook.journal.has_heads();
    app.notice = Some(if view.query.is_empty() {
        "Showing every entry.".into()
    } else if searching {
        format!(
            "{} entries match so far; searching the rest of the journal…",
            view.matches.len()
        )
    } else {
        found_notice(app)
    });
    Ok(())
}

/// What the filter found, in words: "6 entries match #reflection and #goals. …".
pub fn found_notice(app: &App) -> String {
    let found = match app.journal.matches.len() {
        1 => "1 entry matches".to_string(),
        n => format!("{n} entries match"),
    };
    let what = app.journal.filter.describe(&app.workbook.goals);
    format!("{found} {what}. Esc clears the filter.")
}

/// What an entry can be linked to: nothing, each goal, the newest conversations.
pub fn link_options(app: &App) -> Vec<(Option<Id>, Option<Id>)> {
    let wb = &app.workbook;
    let mut out = vec![(None, None)];
    out.extend(wb.goals.iter().map(|g| (Some(g.id), None)));
    let mut talks: Vec<&Conversation> = wb.conversations.iter().collect();
    talks.sort_by_key(|c| std::cmp::Reverse((c.at, c.id)));
    out.extend(talks.iter().take(8).map(|c| (None, Some(c.id))));
    out
}

/// The link picker for entry `e`, on its current link.
pub fn link_picker(app: &App, e: usize) -> Pick {
    let current = (app.workbook.journal.get(e)).map(|x| (x.goal, x.conversation));
    Pick {
        what: PickWhat::Link(e),
        selected: (link_options(app).iter())
            .position(|o| Some(*o) == current)
            .unwrap_or(0),
    }
}

/// Links entry `e` to option `k` of [`link_options`].
pub fn link(app: &mut App, e: usize, k: usize) -> Option<Effect> {
    let (goal, conversation) = *link_options(app).get(k)?;
    let entry = app.workbook.entry_mut(e)?;
    entry.goal = goal;
    entry.conversation = conversation;
    app.touch();
    Some(Effect::Save)
}

/// Deletes entry `e`.
pub fn delete(app: &mut App, e: usize) {
    if e < app.workbook.journal.len() {
        app.workbook.journal.remove(e);
        app.touch();
    }
    app.refresh_journal();
}
