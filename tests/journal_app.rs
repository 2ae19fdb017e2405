//! The journal for years, in the app: an entry's time set back, the tags in use, on this
//! day, the month view, templates, the preview beside the list. Driven by keys through
//! `resolve` and `update`, as a person types.

mod common;

use chrono::{DateTime, NaiveDate};
use common::{fixed_now, focus, press, saved_app_at as at};
use mentorbook::app::App;
use mentorbook::field::Field;
use mentorbook::model::JournalEntry;
use mentorbook::nav::{Exercise, Mode, PickWhat, Screen, Target};

const JOURNAL: Screen = Screen::Exercise(Exercise::Journal);

fn journal() -> App {
    let mut app = at(JOURNAL);
    app.refresh_journal();
    app
}

/// The sample, plus entries written on the 24th of November in 2025 and 2024.
fn with_anniversaries() -> App {
    let mut app = journal();
    for (id, at_, text) in [
        (
            900,
            "2025-11-24T20:00:00+01:00",
            "A year ago: the first review I chaired.",
        ),
        (
            901,
            "2024-11-24T08:00:00+01:00",
            "Two years ago: thinking about a mentor.",
        ),
        (
            902,
            "2025-11-23T08:00:00+01:00",
            "The day before, a year ago.",
        ),
        (
            903,
            "2026-11-24T07:00:00+01:00",
            "This morning: not a memory yet.",
        ),
    ] {
        app.workbook.journal.push(JournalEntry {
            id,
            at: DateTime::parse_from_rfc3339(at_).unwrap(),
            text: text.into(),
            ..JournalEntry::default()
        });
    }
    app.refresh_journal();
    app
}

fn listed_texts(app: &App) -> Vec<String> {
    (app.journal.matches.iter())
        .map(|&e| app.workbook.journal[e].text.chars().take(20).collect())
        .collect()
}

#[test]
fn an_entry_is_set_back_in_time_and_the_list_follows() {
    let mut app = journal();
    press(&mut app, "G<Enter>"); // the oldest entry
    let Screen::Entry(e) = app.screen else {
        panic!("{:?}", app.screen)
    };
    focus(&mut app, Target::Field(Field::EntryAt(e)));
    press(&mut app, "<Enter><C-a><C-k>2026-10-30 21:00<Enter>");
    let at = app.workbook.journal[e].at;
    assert_eq!(at.format("%Y-%m-%d %H:%M").to_string(), "2026-10-30 21:00");
    press(&mut app, "<Enter><C-a><C-k>yesterday 07:05<Enter>");
    assert_eq!(
        app.workbook.journal[e]
            .at
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        "2026-11-23 07:05"
    );
    press(&mut app, "<Enter><C-a><C-k>someday<Enter>");
    let Mode::Edit(editing) = &app.mode else {
        panic!("a time that does not read keeps the editor open")
    };
    assert!(
        editing
            .error
            .as_deref()
            .unwrap_or("")
            .contains("not a date")
    );
    press(&mut app, "<C-a><C-k>-3d<Enter><Esc>");
    assert_eq!(
        app.workbook.journal[e].at.date_naive().to_string(),
        "2026-11-21"
    );
    assert!(app.unsaved);
    // Back on the list, the entry sits where its new time puts it.
    assert_eq!(app.screen, JOURNAL);
    assert_eq!(app.journal.selected_entry(), Some(e));
    assert_eq!(app.journal.selected, 1, "between the 22nd and the 20th");
}

#[test]
fn the_tags_in_use_filter_the_list_and_add_up() {
    let mut app = journal();
    press(&mut app, "t");
    let Mode::Pick(pick) = app.mode else {
        panic!("{:?}", app.mode)
    };
    assert_eq!(pick.what, PickWhat::Tag);
    let view = mentorbook::screens::pick_view(&app, PickWhat::Tag);
    assert!(view.options[0].starts_with("#mood") && view.options[0].ends_with('2'));
    assert!(view.options[1].starts_with("#reviews") && view.options[1].ends_with('2'));
    assert_eq!(view.options.len(), 4, "mood, reviews, goals, network");
    press(&mut app, "<Enter>");
    assert_eq!(app.journal.query, "#mood");
    assert_eq!(app.journal.matches.len(), 2);
    // A second tag joins the first: entries with both.
    press(&mut app, "tj<Enter>");
    assert_eq!(app.journal.query, "#mood #reviews");
    assert_eq!(app.journal.matches.len(), 1);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("#mood and #reviews"),
        "{:?}",
        app.notice
    );
}

#[test]
fn in_a_call_the_tag_list_counts_only_what_may_be_shown() {
    let mut app = journal();
    press(&mut app, "C");
    press(&mut app, "t");
    let view = mentorbook::screens::pick_view(&app, PickWhat::Tag);
    assert_eq!(view.options.len(), 1, "{:?}", view.options);
    assert!(view.options[0].starts_with("#network"));
}

#[test]
fn on_this_day_shows_the_same_day_in_earlier_years() {
    let mut app = with_anniversaries();
    press(&mut app, "o");
    assert_eq!(
        listed_texts(&app),
        ["A year ago: the firs", "Two years ago: think"]
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("2 entries from November 24 in earlier years. Esc clears the filter.")
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.journal.matches.len(), 9, "the filter cleared");
    let mut quiet = journal();
    press(&mut quiet, "o");
    assert!(
        quiet
            .notice
            .as_deref()
            .unwrap()
            .starts_with("Nothing was written on November 24")
    );
}

#[test]
fn the_month_view_moves_by_day_week_and_month_and_jumps() {
    let mut app = with_anniversaries();
    press(&mut app, "m");
    let day = |app: &App| match app.mode {
        Mode::Calendar(d) => d,
        ref m => panic!("{m:?}"),
    };
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    assert_eq!(day(&app), d("2026-11-22"), "on the selected entry's day");
    press(&mut app, "l");
    assert_eq!(day(&app), d("2026-11-23"));
    press(&mut app, "<Up>");
    assert_eq!(day(&app), d("2026-11-16"));
    press(&mut app, "<PageUp>[[[[[[[[[[[");
    assert_eq!(day(&app), d("2025-11-16"));
    press(&mut app, "jh");
    assert_eq!(day(&app), d("2025-11-22"));
    // No entry on the 22nd: the one before it is selected, and the notice says so.
    press(&mut app, "<Enter>");
    assert!(matches!(app.mode, Mode::Browse));
    let e = app.journal.selected_entry().unwrap();
    assert_eq!(
        app.workbook.journal[e].text,
        "Two years ago: thinking about a mentor."
    );
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("Nothing on 2025-11-22")
    );
    press(&mut app, "m<PageDown>");
    assert_eq!(day(&app), d("2024-12-24"), "from the entry now selected");
    press(&mut app, "<Esc>");
    assert!(matches!(app.mode, Mode::Browse));
    assert_eq!(app.journal.selected_entry(), Some(e), "Esc jumps nowhere");
}

#[test]
fn the_month_view_marks_the_days_with_entries() {
    let mut app = journal();
    press(&mut app, "m");
    let screen = common::screen_text(&app, 100, 30);
    assert!(screen.contains("November 2026"), "{screen}");
    assert!(
        screen.contains(" Mo   Tu   We   Th   Fr   Sa   Su"),
        "{screen}"
    );
    assert!(screen.contains(" 22•"), "{screen}");
    assert!(screen.contains(" 21 "), "{screen}");
    assert!(screen.contains("2026-11-22: 1 entry"), "{screen}");
}

#[test]
fn a_template_starts_an_entry_and_an_entry_becomes_one() {
    let mut app = journal();
    let before = app.workbook.journal.len();
    press(&mut app, "T");
    assert!(matches!(app.mode, Mode::Pick(p) if p.what == PickWhat::Template));
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Entry(before));
    let e = &app.workbook.journal[before];
    assert!(
        e.text
            .starts_with("Weekly reflection\n\nWhat moved forward"),
        "{}",
        e.text
    );
    assert_eq!(e.tags, ["reflection", "weekly"]);
    assert!(e.private);
    assert!(matches!(&app.mode, Mode::Edit(x) if x.field() == Some(Field::Entry(before))));
    // The cursor waits below the first prompt.
    press(&mut app, "Shipped the review.");
    let text = app.mode.editing().unwrap().text();
    assert!(
        text.starts_with(
            "Weekly reflection\n\nWhat moved forward this week?\nShipped the review.\n"
        ),
        "{text}"
    );
    // Made one's own: the first line changed, kept as a template named by it.
    press(&mut app, "<Up><Up><Up><C-a><C-k>Monthly money check<Esc>");
    press(&mut app, "T");
    assert_eq!(
        app.workbook.templates.len(),
        1,
        "{:?} {:?}",
        app.notice,
        app.mode
    );
    assert_eq!(app.workbook.templates[0].name, "Monthly money check");
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("Kept as the template")
    );
    // It is offered after the shipped ones; the shipped ones cannot be deleted.
    press(&mut app, "<Esc>T");
    let view = mentorbook::screens::pick_view(&app, PickWhat::Template);
    let shipped = mentorbook::model::shipped_templates().len();
    assert_eq!(view.options.len(), shipped + 1);
    assert!(
        view.options[shipped].starts_with("Monthly money check")
            && view.options[shipped].ends_with("yours")
    );
    press(&mut app, "d");
    assert_eq!(
        app.notice.as_deref(),
        Some("The templates that come with mentorbook stay.")
    );
    press(&mut app, &format!("{}d", "j".repeat(shipped)));
    assert!(app.workbook.templates.is_empty());
    assert!(matches!(app.mode, Mode::Pick(_)), "the list stays open");
}

#[test]
fn own_templates_are_saved_with_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.json");
    let (mut store, mut wb) = mentorbook::store::Store::open(&path).unwrap();
    wb.templates.push(mentorbook::model::Template {
        name: "Before a hard talk".into(),
        text: "Before a hard talk\n\nWhat do I want from it?\n".into(),
        tags: vec!["prep".into()],
    });
    store.save(&wb, fixed_now()).unwrap();
    drop(store);
    let back = mentorbook::store::read_only(&path).unwrap().workbook;
    assert_eq!(back.templates, wb.templates);
}

#[test]
fn the_preview_shows_the_selected_entry_beside_or_below_the_list() {
    let mut app = journal();
    let wide = common::screen_text(&app, 120, 40);
    assert!(wide.contains("Preview"), "{wide}");
    assert!(
        wide.contains("Nervous about chairing. Wrote down three phrases to"),
        "{wide}"
    );
    press(&mut app, "j");
    let tall = common::screen_text(&app, 100, 30);
    assert!(tall.contains("Preview"));
    assert!(
        tall.contains("Read the review summaries. The good ones all end with a"),
        "{tall}"
    );
    let small = common::screen_text(&app, 80, 20);
    assert!(
        !small.contains("Preview"),
        "no room: the list alone\n{small}"
    );
}

#[test]
fn templates_wait_until_the_call_ends() {
    let mut app = journal();
    press(&mut app, "C");
    press(&mut app, "T");
    assert!(!matches!(app.mode, Mode::Pick(_)));
    assert!(app.notice.as_deref().unwrap().contains("off during a call"));
}

/// In a call `n` is off (a new entry starts private), so neither the footer nor the help
/// offers it; out of the call both do.
#[test]
fn a_call_offers_no_new_entry_key() {
    let mut app = at(Screen::Home);
    assert!(common::footer(&app, 160, 40).contains("n new entry"));
    press(&mut app, "?");
    assert!(common::screen_text(&app, 120, 40).contains("a new journal entry, from anywhere"));
    press(&mut app, "<Esc>C");
    assert!(
        !common::footer(&app, 160, 40).contains("new entry"),
        "{}",
        common::footer(&app, 160, 40)
    );
    press(&mut app, "?");
    let help = common::screen_text(&app, 120, 40);
    assert!(!help.contains("new journal entry"), "{help}");
    // The key itself still says why it is off.
    press(&mut app, "<Esc>n");
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .contains("off during a call")
    );
}
