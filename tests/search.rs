//! The search across the whole workbook (`Ctrl-f`) as a person uses it: words found in any
//! kind of text, in any case and without their accents, listed with where they are; Enter
//! goes to the page and the field; during a call no private place is looked in.

mod common;

use common::{app_at, body, fixture, press, with_private_canaries};
use mentorbook::app::App;
use mentorbook::field::{ConversationPart, Field, GoalPart};
use mentorbook::nav::{Mode, Screen, Target};
use mentorbook::screens::search::{LIMIT, find, places};

/// The labels of what a search for `query` finds.
fn found(app: &App, query: &str) -> Vec<String> {
    let all = places(app);
    let (hits, _) = find(&all, query);
    hits.iter().map(|k| all[*k].label.clone()).collect()
}

#[test]
fn words_are_found_in_every_kind_of_text_in_any_case_and_without_accents() {
    let mut wb = fixture();
    wb.goals[0].specific = "Chair the Café review, then update my Résumé".into();
    wb.conversations[0].feedback.received = "The SUMMARY read well".into();
    wb.check_ins.push(mentorbook::model::CheckIn {
        id: wb.next_id + 1,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        progress: "Budget talks started".into(),
        ..Default::default()
    });
    let app = App::new(wb);
    let hits = found(&app, "RESUME cafe");
    assert!(
        hits.iter()
            .any(|l| l.contains("SMART goal") && l.contains("Specific")),
        "{hits:?}"
    );
    let hits = found(&app, "summary well");
    assert!(
        hits.iter().any(|l| l.contains("Feedback I received")),
        "{hits:?}"
    );
    assert!(found(&app, "summary nowhere-else").is_empty());
    // Typed key by key (each key only narrows what the last found), the same places.
    let mut typing = App::new(app.workbook.clone());
    press(&mut typing, "<C-f>summary wel");
    press(&mut typing, "l");
    let Mode::Search(s) = &typing.mode else {
        panic!()
    };
    assert_eq!(s.found, find(&places(&typing), "summary well").0);
    assert!(!s.found.is_empty());
    let hits = found(&app, "BUDGET TALKS");
    assert!(hits.iter().any(|l| l.starts_with("Check-in")), "{hits:?}");
    // The journal and its tags.
    let tag = app.workbook.journal[0]
        .tags
        .first()
        .cloned()
        .expect("a tagged entry");
    let hits = found(&app, &format!("#{tag}"));
    assert!(hits.iter().any(|l| l == "Journal entry"), "{hits:?}");
}

/// Ctrl-f, words, Enter: the page of the place found, its field focused; Esc closes
/// without moving.
#[test]
fn enter_goes_to_the_page_and_the_field() {
    let mut app = app_at(Screen::Home);
    app.workbook.conversations[1].notes = "We spoke about the zanzibar offsite".into();
    press(&mut app, "<C-f>zanzibar");
    let Mode::Search(s) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert_eq!(s.found.len(), 1);
    insta::assert_snapshot!("search_found_120x40", body(&app, 120, 40));
    insta::assert_snapshot!("search_found_80x24", body(&app, 80, 24));
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Conversation(1));
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Field(Field::Conversation(
            1,
            ConversationPart::Notes
        )))
    );
    let mut app = app_at(Screen::Exercise(mentorbook::nav::Exercise::Vision));
    press(&mut app, "<C-f>platform<Esc>");
    assert!(matches!(app.mode, Mode::Browse));
    assert_eq!(
        app.screen,
        Screen::Exercise(mentorbook::nav::Exercise::Vision)
    );
    // A goal's title (also its brainstorm candidate's words, listed first): down to the
    // goal's own, then Enter opens its page.
    let mut app = app_at(Screen::Home);
    let title = app.workbook.goals[1].title.clone();
    press(&mut app, &format!("<C-f>{title}"));
    let hits = found(&app, &title);
    let k = (hits.iter())
        .position(|l| l.starts_with("SMART goal") && l.ends_with("· Goal"))
        .unwrap_or_else(|| panic!("{hits:?}"));
    press(&mut app, &"<Down>".repeat(k));
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Goal(1));
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Field(Field::Goal(1, GoalPart::Title)))
    );
}

/// The user's own search finds their private places, marked; during a call none of them is
/// looked in, so not even a count gives them away.
#[test]
fn a_private_match_is_hidden_during_a_call() {
    const CANARY: &str = "Quetzal";
    let mut app = App::new(with_private_canaries(fixture(), CANARY));
    let mine = found(&app, "quetzal");
    assert!(mine.len() >= 4, "{mine:?}");
    press(&mut app, "<C-f>quetzal");
    assert!(body(&app, 120, 40).contains("· private"));
    press(&mut app, "<Esc>C");
    assert!(app.call_mode);
    assert_eq!(found(&app, "quetzal"), Vec::<String>::new());
    press(&mut app, "<C-f>quetzal");
    let shown = body(&app, 120, 40);
    assert!(shown.contains("Nothing holds"), "{shown}");
    assert!(!shown.contains(CANARY), "{shown}");
}

/// Past [`LIMIT`] places the list stops and says more words narrow it.
#[test]
fn a_common_word_lists_the_first_places_and_says_so() {
    let mut wb = fixture();
    let at = common::fixed_now().fixed_offset();
    for k in 0..LIMIT + 20 {
        let id = wb.fresh_id();
        wb.journal.push(mentorbook::model::JournalEntry {
            id,
            at,
            text: format!("Standup note {k}"),
            ..Default::default()
        });
    }
    let mut app = App::new(wb);
    press(&mut app, "<C-f>standup");
    let Mode::Search(s) = &app.mode else { panic!() };
    assert_eq!((s.found.len(), s.more), (LIMIT, true));
    assert!(body(&app, 120, 40).contains("more words narrow it"));
    press(&mut app, " 219");
    let Mode::Search(s) = &app.mode else { panic!() };
    assert_eq!((s.found.len(), s.more), (1, false));
    // Backspace returns to what the shorter query found, the same as searching for it.
    press(&mut app, "<Backspace><Backspace><Backspace>");
    let Mode::Search(s) = &app.mode else { panic!() };
    assert_eq!((s.query.as_str(), s.found.len()), ("standup ", LIMIT));
    assert_eq!(s.found, find(&places(&app), "standup").0);
}
