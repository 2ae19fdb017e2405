//! Defects a real mentee met typing a real mentoring history (issue 16), one test per defect,
//! named after its number there.

mod common;
use common::{disk, markdown};
#[path = "common/pty.rs"]
mod driver;

use assert_cmd::Command;
use common::*;
use mentorbook::cli::{Format, export_text, show_text};
use mentorbook::field::ListKind;
use mentorbook::model::{ConversationKind, Phase};
use mentorbook::nav::{Exercise, Screen};
use mentorbook::report::Section;

/// Defect 5: the tense check's phrase was printed alone ("I will") in `show vision`, the
/// Markdown and the review's reference, without the sentence that says what is wrong.
#[test]
fn defect_05_a_future_phrase_is_never_printed_without_its_hint() {
    let mut wb = fixture();
    wb.vision.statement = "I will lead a calm platform team.".into();
    let shown = show_text(&wb, Section::Vision, false, fixed_now(), false);
    let md = export_text(&wb, Format::Markdown, &[], false, fixed_now());
    for text in [&shown, &md] {
        assert!(text.contains("“I will …” sounds like the future"), "{text}");
        let alone = text.lines().any(|l| l.trim().trim_matches('*') == "I will");
        assert!(!alone, "a bare “I will” line:\n{text}");
    }
}

/// Defect 6: a blank line inside an answer ended the Markdown bullet it was in; the rest
/// floated as loose paragraphs.
#[test]
fn defect_06_a_blank_line_inside_an_answer_stays_in_its_list_item() {
    let mut wb = fixture();
    wb.agreement.purpose = "Prepare Ana for the lead role.\n\nAnd meet the other leads.".into();
    wb.vision.strengths[0] = "Clear writer.\n\nCalm on call.".into();
    let md = export_text(&wb, Format::Markdown, &[], false, fixed_now());
    for (first, second) in [
        (
            "Prepare Ana for the lead role.",
            "And meet the other leads.",
        ),
        ("Clear writer.", "Calm on call."),
    ] {
        // The list item whose text holds `first` holds `second` too.
        let found = markdown::list_items(&md, pulldown_cmark::Options::empty())
            .into_iter()
            .find(|item| item.contains(first));
        let found = found.unwrap_or_else(|| panic!("no item holds {first:?}:\n{md}"));
        assert!(found.contains(second), "{second:?} left its item:\n{md}");
    }
}

/// Defect 11: "A awareness conversation", "you are goals met or needs changed", "1
/// check-ins", and the conversation list's "Enter edit" where Enter opens.
#[test]
fn defect_11_the_words_read_right() {
    let titles = [
        (ConversationKind::Awareness, "An awareness conversation"),
        (ConversationKind::Exploration, "An exploration conversation"),
        (
            ConversationKind::Accountability,
            "An accountability conversation",
        ),
        (ConversationKind::Goal, "A goal conversation"),
        (
            ConversationKind::WithYourself,
            "A conversation with yourself",
        ),
    ];
    for (kind, title) in titles {
        assert_eq!(kind.title(), title);
    }
    let mut wb = fixture();
    wb.phase = Phase::Separation;
    let next = mentorbook::screens::next_step(&wb, true);
    assert!(
        next.contains("In the separation phase you are closing well"),
        "{next}"
    );
    let out = Command::cargo_bin("mentorbook")
        .unwrap()
        .args(["--file", "assets/sample-workbook.json", "check"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("(3 goals, 2 conversations, 1 check-in, 5 journal entries)"),
        "{said}"
    );
    let app = app_at(Screen::Exercise(Exercise::Conversations));
    assert!(
        footer(&app, 120, 40).contains("Enter open / edit"),
        "{}",
        footer(&app, 120, 40)
    );
}

/// Defect 1: the suggested agenda carried last time's suggestions over as "Still open from
/// last time: Topic: …" beside the topic suggested afresh, and nested the prefix once more
/// with every new conversation.
#[test]
fn defect_01_the_suggested_agenda_holds_each_open_item_once() {
    let mut wb = mentorbook::model::Workbook::default();
    wb.mentoring_plan.topics.push(mentorbook::model::Topic {
        id: 1,
        text: "Ask about the budget".into(),
        ..Default::default()
    });
    let mut app = mentorbook::app::App::new(wb);
    app.today = fixed_now().date_naive();
    let mut agendas = Vec::new();
    for hour in 0..3 {
        let now = fixed_now() + chrono::Duration::hours(hour);
        mentorbook::screens::new_conversation(&mut app, now);
        let Screen::Conversation(c) = app.screen else {
            panic!("not on the new conversation: {:?}", app.screen)
        };
        if hour == 0 {
            // The partners' own item, left open.
            let agenda = &mut app.workbook.conversations[c].agenda;
            agenda.push(mentorbook::model::AgendaItem {
                text: "Bring the draft".into(),
                ..Default::default()
            });
        }
        let texts: Vec<String> = (app.workbook.conversations[c].agenda.iter())
            .map(|a| a.text.clone())
            .collect();
        agendas.push(texts);
        if hour == 1 {
            // Talked about at the second conversation: the third does not bring it back.
            app.workbook.mentoring_plan.topics[0].discussed = true;
        }
    }
    assert!(agendas[0].contains(&"Topic: Ask about the budget".to_string()));
    for (k, agenda) in agendas.iter().enumerate() {
        let budget = agenda
            .iter()
            .filter(|t| t.contains("Ask about the budget"))
            .count();
        let want = if k < 2 { 1 } else { 0 };
        assert_eq!(budget, want, "conversation {k}: {agenda:?}");
        for t in agenda {
            assert!(t.matches("Still open from").count() <= 1, "nested: {t}");
        }
    }
    for agenda in &agendas[1..] {
        let draft: Vec<_> = agenda
            .iter()
            .filter(|t| t.contains("Bring the draft"))
            .collect();
        assert_eq!(
            draft,
            ["Still open from 2026-11-24: Bring the draft"],
            "{agenda:?}"
        );
    }
}

/// Defect 8: entering a filled date or time and typing a new one appended to the old
/// ("2026-12-01 16:272021-02-16 09:00 … is not a date and time").
#[test]
fn defect_08_typing_into_a_filled_date_replaces_it() {
    use mentorbook::field::{ConversationPart, Field, GoalPart};
    let mut app = app_at(Screen::Conversation(0));
    go_to(&mut app, Field::Conversation(0, ConversationPart::At));
    press(&mut app, "<Enter>2021-02-16 09:00<Esc>");
    assert_eq!(app.notice, None);
    let at = app.workbook.conversations[0].at;
    assert_eq!(at.format("%Y-%m-%d %H:%M").to_string(), "2021-02-16 09:00");
    go_to(&mut app, Field::Goal(0, GoalPart::Deadline));
    press(&mut app, "<Enter>2027-03-01<Esc>");
    let deadline = app.workbook.goals[0].deadline.map(|d| d.to_string());
    assert_eq!(deadline.as_deref(), Some("2027-03-01"));
    // An arrow key first keeps the value to change in place.
    press(&mut app, "<Enter><End><Backspace>2<Esc>");
    let deadline = app.workbook.goals[0].deadline.map(|d| d.to_string());
    assert_eq!(deadline.as_deref(), Some("2027-03-02"));
}

/// Defect 7: a "+ add" row starts a new item at once; left empty with Esc it goes, but a quit
/// (or an autosave, or a crash) while its editor was open kept an empty item on disk.
#[test]
fn defect_07_an_item_added_and_left_empty_is_never_saved() {
    use mentorbook::nav::Target;
    // An autosave while the new item is empty leaves it out; the live model keeps it open.
    for (screen, list) in [
        (Screen::Exercise(Exercise::Vision), ListKind::Strengths),
        (Screen::Goal(0), ListKind::Milestones(0)),
        (Screen::Conversation(0), ListKind::Agenda(0)),
        (Screen::Exercise(Exercise::Goals), ListKind::Goals),
    ] {
        // An id handed out for the item is not content.
        let content = |wb: &mentorbook::model::Workbook| {
            let mut v = serde_json::to_value(wb).unwrap();
            v["next_id"] = 0.into();
            v
        };
        let mut app = app_at(screen);
        let before = content(&app.workbook);
        focus(&mut app, Target::Add(list));
        press(&mut app, "<Enter>  ");
        assert!(app.mode.editing().is_some(), "{list:?}");
        let saved = content(&app.to_save());
        assert!(saved == before, "{list:?}: an empty new item was saved");
        press(&mut app, "x");
        let saved = content(&app.to_save());
        assert!(saved != before, "{list:?}: a word typed is saved");
    }
    // The real binary: add a strength, quit with Ctrl-c at once.
    let (home, file) = driver::setup();
    let mut pty = driver::Pty::spawn(home.path(), &file);
    pty.type_("5");
    pty.wait_for("Guidance");
    pty.type_("a");
    pty.wait_for("Esc done");
    pty.type_("\x03");
    assert_eq!(pty.wait_exit(), 0);
    let wb = disk::saved(&file);
    assert!(wb.vision.strengths.is_empty(), "{:?}", wb.vision.strengths);
}

/// Defect 12: the order and state of things. Same-minute conversations were listed oldest
/// first under "newest first"; `p` wrapped from the last phase to the first unasked; the
/// ahead-of-phase warning took the footer's keys' place; an empty check-in made with `R`
/// cleared "check-in overdue"; the goals' count said "1/4" for two active and three achieved
/// goals; an achieved goal without milestones read "1 of 1 (100 %)" and "Still needs …"; a
/// long workbook name vanished from the title bar.
#[test]
fn defect_12_order_and_state_read_true() {
    use mentorbook::model::{Goal, GoalStatus};
    use mentorbook::nav::Target;

    // Two conversations in the same minute: the one added later is listed first.
    let mut app = app_at(Screen::Exercise(Exercise::Conversations));
    for _ in 0..2 {
        mentorbook::screens::new_conversation(&mut app, fixed_now());
        press(&mut app, "<Esc>");
    }
    app.screen = Screen::Exercise(Exercise::Conversations);
    let first = mentorbook::screens::focus_targets(&app)
        .into_iter()
        .find(|t| matches!(t, Target::Open(Screen::Conversation(_))));
    let newest = app.workbook.conversations.len() - 1;
    assert_eq!(first, Some(Target::Open(Screen::Conversation(newest))));

    // `p` on the last phase asks before starting over; n keeps it.
    let mut app = app_at(Screen::Home);
    app.workbook.phase = Phase::Redefinition;
    press(&mut app, "p");
    assert!(screen_text(&app, 100, 30).contains("Start again at"));
    press(&mut app, "n");
    assert_eq!(app.workbook.phase, Phase::Redefinition);
    press(&mut app, "py");
    assert_eq!(app.workbook.phase, Phase::Preparing);

    // Ahead of the phase: the warning stands above the keys, which stay.
    let mut app = app_at(Screen::Exercise(Exercise::Closure));
    app.workbook.phase = Phase::Preparing;
    let shown = screen_text(&app, 100, 30);
    let bottom: Vec<&str> = shown.lines().rev().take(3).collect();
    assert!(
        bottom.iter().any(|l| l.contains("Ahead of your phase")),
        "{shown}"
    );
    assert!(bottom[0].contains("? help"), "{shown}");

    // `R` starts today's conversation as a check-in (one is overdue), and `i` a check-in
    // record: neither is a check-in held until something is written in it.
    let mut app = app_at(Screen::Exercise(Exercise::Conversations));
    let today = app.today;
    assert!(app.workbook.check_in_overdue(today));
    mentorbook::update::update(&mut app, mentorbook::msg::Msg::Review, fixed_now());
    mentorbook::update::update(&mut app, mentorbook::msg::Msg::Answer(true), fixed_now());
    let c = app.workbook.conversations.len() - 1;
    assert_eq!(
        app.workbook.conversations[c].kind,
        ConversationKind::CheckIn
    );
    assert!(app.workbook.check_in_overdue(today), "R cleared it");
    app.workbook.conversations[c].notes = "How the process works for us.".into();
    assert!(!app.workbook.check_in_overdue(today));
    let mut app = app_at(Screen::Exercise(Exercise::Conversations));
    press(&mut app, "i");
    assert!(
        app.workbook.check_in_overdue(today),
        "an empty record cleared it"
    );
    let i = app.workbook.check_ins.len() - 1;
    app.workbook.check_ins[i].progress = "Going well.".into();
    assert!(!app.workbook.check_in_overdue(today));

    // Two active goals and three achieved: the count is of goals, and says so.
    let mut wb = fixture();
    wb.goals.truncate(2);
    for k in 0..3 {
        wb.goals.push(Goal {
            id: 100 + k,
            title: format!("Reached {k}"),
            status: GoalStatus::Achieved,
            ..Goal::default()
        });
    }
    // The first active goal is worked out in full, the second has no milestones yet.
    let p = mentorbook::screens::progress(Exercise::Goals, &wb, true).unwrap();
    assert_eq!((p.done, p.total), (4, 5));
    let mut app = mentorbook::app::App::new(wb.clone());
    app.today = fixed_now().date_naive();
    let overview = screen_text(&app, 120, 40);
    assert!(
        overview.contains("4/5 · 2 active, 3 achieved"),
        "{overview}"
    );

    // An achieved goal without milestones: no made-up "1 of 1", nothing it "still needs".
    let md = export_text(&wb, Format::Markdown, &[], false, fixed_now());
    let reached = &md[md.find("Reached 0").unwrap()..md.find("Reached 1").unwrap()];
    assert!(reached.contains("Progress: achieved"), "{reached}");
    assert!(!reached.contains("1 of 1"), "{reached}");
    assert!(!reached.contains("Still needs"), "{reached}");
    let mut app = mentorbook::app::App::new(wb.clone());
    app.screen = Screen::Exercise(Exercise::Closure);
    let closure = screen_text(&app, 120, 40);
    let line = closure.lines().find(|l| l.contains("✓ Reached 0")).unwrap();
    assert_eq!(line.trim_end_matches(['█', '║', ' ']).trim(), "✓ Reached 0");

    // A long workbook name is shortened beside "saved HH:MM:SS", never dropped.
    let mut app = saved_app_at(Screen::Home);
    app.workbook.title =
        "Ana Ruiz and Ben Okafor: the platform team-lead year, 2026 to 2027".into();
    let top = screen_text(&app, 80, 24)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(top.contains("│ Ana Ruiz and"), "{top}");
    assert!(top.contains("…"), "{top}");
    assert!(top.contains("saved 09:15:02"), "{top}");
}

/// Defect 9: "Next meeting on" refused a time ("2021-03-02 09:00" is "not a date"), so every
/// planned meeting was all day in the calendar.
#[test]
fn defect_09_the_next_meeting_takes_a_time() {
    use mentorbook::field::{ConversationPart, Field};
    let mut app = app_at(Screen::Conversation(1));
    go_to(
        &mut app,
        Field::Conversation(1, ConversationPart::NextMeeting),
    );
    press(&mut app, "<Enter>2026-12-03 09:00<Esc>");
    assert_eq!(app.notice, None);
    let next = app.workbook.conversations[1].next_meeting.unwrap();
    assert_eq!(next.to_string(), "2026-12-03 09:00");
    // Saved with its time, read back the same; a day alone saves as it always did.
    let json = serde_json::to_value(&app.workbook).unwrap();
    assert_eq!(json["conversations"][1]["next_meeting"], "2026-12-03T09:00");
    assert_eq!(json["conversations"][0]["next_meeting"], "2026-11-19");
    // In the calendar, a timed event in UTC, as long as the agreement says (45 minutes).
    let utc = |t: chrono::NaiveDateTime| {
        let paris = chrono::FixedOffset::east_opt(3600).unwrap();
        t.and_local_timezone(paris).single().map(|t| t.to_utc())
    };
    let opts = mentorbook::report::calendar::CalendarOptions {
        since: None,
        alarm: None,
        zone: &utc,
    };
    let ics = mentorbook::report::calendar::ics(&app.workbook, fixed_now().to_utc(), &opts);
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("conversation-16-next"))
        .unwrap();
    assert!(event.contains("DTSTART:20261203T080000Z\r\n"), "{event}");
    assert!(event.contains("DTEND:20261203T084500Z\r\n"), "{event}");
    // A time alone keeps the day; a day alone drops the time.
    press(&mut app, "<Enter>14:30<Esc>");
    let next = app.workbook.conversations[1].next_meeting.unwrap();
    assert_eq!(next.to_string(), "2026-12-03 14:30");
    press(&mut app, "<Enter>2026-12-04<Esc>");
    let next = app.workbook.conversations[1].next_meeting.unwrap();
    assert_eq!(next.to_string(), "2026-12-04");
}

/// Defect 10: conversations could not be private: a note about sick leave stayed on screen
/// in call mode, in the review and in every export.
#[test]
fn defect_10_a_conversation_can_be_private() {
    let secret = "Shadowing went well";
    let mut app = app_at(Screen::Conversation(1));
    press(&mut app, "p");
    assert!(app.workbook.conversations[1].private);
    assert!(screen_text(&app, 120, 40).contains("never in call mode"));
    // Saved only where set: files without a private conversation read as before.
    let json = serde_json::to_value(&app.workbook).unwrap();
    assert_eq!(json["conversations"][1]["private"], true);
    assert!(json["conversations"][0].get("private").is_none());

    // Call mode: not in the log, its page hidden, the review opens on another.
    press(&mut app, "<Esc>C");
    let log = screen_text(&app, 120, 40);
    assert!(!log.contains(secret), "{log}");
    assert!(!log.contains("2026-11-19 08:30"), "{log}");
    assert!(log.contains("2026-11-05 08:30"), "{log}");
    app.screen = Screen::Conversation(1);
    let page = screen_text(&app, 120, 40);
    assert!(!page.contains(secret) && page.contains("This conversation is private"));
    let mut app = app_at(Screen::Home);
    app.workbook.conversations[1].private = true;
    app.workbook.conversations[1].at = fixed_now().fixed_offset();
    press(&mut app, "C");
    mentorbook::update::update(&mut app, mentorbook::msg::Msg::Review, fixed_now());
    mentorbook::update::update(&mut app, mentorbook::msg::Msg::Answer(true), fixed_now());
    assert_ne!(app.screen, Screen::Review(1));
    let review = screen_text(&app, 120, 40);
    assert!(!review.contains(secret), "{review}");

    // Exports leave it out unless private content is asked for.
    let mut wb = fixture();
    wb.conversations[1].private = true;
    // (Its open item would reach the suggested agenda; its next meeting, the dates.)
    let open_item = "Budget for the facilitation course";
    let planned = "Plan the December review together";
    let md = export_text(&wb, Format::Markdown, &[], false, fixed_now());
    for text in [secret, open_item, planned] {
        assert!(!md.contains(text), "{text}: {md}");
    }
    let all = export_text(&wb, Format::Markdown, &[], true, fixed_now());
    assert!(all.contains(planned), "{all}");

    // The next agenda carries nothing over from it.
    let mut app = mentorbook::app::App::new(wb);
    app.today = fixed_now().date_naive();
    mentorbook::screens::new_conversation(&mut app, fixed_now());
    let c = app.workbook.conversations.len() - 1;
    let agenda = &app.workbook.conversations[c].agenda;
    assert!(
        !agenda
            .iter()
            .any(|a| a.text.contains("facilitation course")),
        "{agenda:?}"
    );
    assert!(
        !app.workbook.conversations[c]
            .prep
            .purpose
            .contains("December review")
    );
}

/// Defect 13: the review's conversation pane was narrow (about 58 columns at 120x40, agenda
/// items cut at ~50 characters) and which pane had the keys showed only in colour.
#[test]
fn defect_13_the_review_gives_the_notes_room_and_says_where_the_keys_are() {
    let item = "Ask whether the December review can move to the big room";
    let mut app = app_at(Screen::Home);
    mentorbook::update::update(&mut app, mentorbook::msg::Msg::Review, fixed_now());
    mentorbook::update::update(&mut app, mentorbook::msg::Msg::Answer(true), fixed_now());
    let Screen::Review(c) = app.screen else {
        panic!("{:?}", app.screen)
    };
    app.workbook.conversations[c]
        .agenda
        .push(mentorbook::model::AgendaItem {
            text: item.into(),
            ..Default::default()
        });
    let k = app.workbook.conversations[c].agenda.len() - 1;
    let agenda_item = mentorbook::field::Field::Agenda(c, k);
    focus(&mut app, mentorbook::nav::Target::Field(agenda_item));
    let shown = screen_text(&app, 120, 40);
    assert!(shown.contains(item), "{shown}");
    let titles = shown.lines().nth(1).unwrap().to_string();
    // The notes pane starts at the second top-left corner.
    let second = titles.chars().skip(1).position(|ch| ch == '┌').unwrap() + 1;
    let notes_width = titles.chars().count() - second;
    assert!(
        notes_width >= 72,
        "the notes pane is {notes_width} wide: {titles}"
    );
    let (reference, notes) = titles.split_at(titles.find("┐┌").unwrap() + 3);
    assert!(
        notes.contains("▶") && notes.contains("keys here"),
        "{titles}"
    );
    assert!(!reference.contains("keys here"), "{titles}");
    press(&mut app, "<Tab>");
    let titles = screen_text(&app, 120, 40)
        .lines()
        .nth(1)
        .unwrap()
        .to_string();
    let (reference, notes) = titles.split_at(titles.find("┐┌").unwrap() + 3);
    assert!(reference.contains("▶ Action plans"), "{titles}");
    assert!(!notes.contains("keys here"), "{titles}");
}

/// Defect 2, by hand: a past date at creation takes today's suggestions off, `S` suggests
/// again, `X` clears the agenda (asking), and the long page is crossed with Home, End,
/// PgUp, PgDn, g and G.
#[test]
fn defect_02_an_agenda_is_offered_not_imposed_and_long_pages_have_ends() {
    use mentorbook::field::{ConversationPart, Field};
    let mut app = app_at(Screen::Exercise(Exercise::Conversations));
    mentorbook::screens::new_conversation(&mut app, fixed_now());
    let Screen::Conversation(c) = app.screen else {
        panic!("{:?}", app.screen)
    };
    let suggested = app.workbook.conversations[c].agenda.len();
    assert!(suggested > 0);
    // Today's date again keeps them; a past one takes them off.
    press(&mut app, "<Enter>2026-11-24 10:00<Enter>");
    assert_eq!(app.workbook.conversations[c].agenda.len(), suggested);
    press(&mut app, "<Enter>2021-03-02 09:00<Enter>");
    assert!(app.workbook.conversations[c].agenda.is_empty());
    assert!(app.notice.as_deref().unwrap().contains("S suggests again"));
    // S brings back what suits that day; a second S adds nothing twice.
    press(&mut app, "S");
    let again = app.workbook.conversations[c].agenda.len();
    assert!(again > 0);
    press(&mut app, "S");
    assert_eq!(app.workbook.conversations[c].agenda.len(), again);
    // X asks first; n keeps, y clears.
    press(&mut app, "Xn");
    assert_eq!(app.workbook.conversations[c].agenda.len(), again);
    press(&mut app, "Xy");
    assert!(app.workbook.conversations[c].agenda.is_empty());
    // An agenda someone touched is theirs: a past date then leaves it alone.
    mentorbook::screens::new_conversation(&mut app, fixed_now());
    let Screen::Conversation(d) = app.screen else {
        panic!()
    };
    common::focus(
        &mut app,
        mentorbook::nav::Target::Field(Field::Agenda(d, 0)),
    );
    press(&mut app, "dy");
    let kept = app.workbook.conversations[d].agenda.len();
    go_to(&mut app, Field::Conversation(d, ConversationPart::At));
    press(&mut app, "<Enter>2021-03-09 09:00<Enter>");
    assert_eq!(app.workbook.conversations[d].agenda.len(), kept);

    // The ends of a long page, and pages of ten.
    let targets = mentorbook::screens::focus_targets(&app);
    let at = |app: &mentorbook::app::App| mentorbook::screens::focused(app).unwrap();
    press(&mut app, "<End>");
    assert_eq!(at(&app), *targets.last().unwrap());
    press(&mut app, "<Home>");
    assert_eq!(at(&app), targets[0]);
    press(&mut app, "G");
    assert_eq!(at(&app), *targets.last().unwrap());
    press(&mut app, "g<PageDown>");
    assert_eq!(at(&app), targets[10]);
    press(&mut app, "<PageUp>");
    assert_eq!(at(&app), targets[0]);
    // N writes the notes from anywhere on the page; a after them adds a commitment.
    press(&mut app, "NTalked it through.<Esc>a");
    assert_eq!(
        app.mode.editing().and_then(|e| e.field()),
        Some(Field::Commitment(d, 0))
    );
    assert_eq!(app.workbook.conversations[d].notes, "Talked it through.");
}

/// Keys pressed in the real binary, counted two ways: every key, and the keys that are not
/// the record's own words (commands and moves: what entering history costs on top of the
/// text). A paste counts as one key.
struct Typist {
    pty: driver::Pty,
    keys: usize,
    text: usize,
}

impl Typist {
    /// Commands and moves, sent at once (no lone Esc among them: the app reads its input in
    /// order, so only an Esc, which could merge with what follows, waits).
    fn keys(&mut self, keys: &str) {
        self.pty.send(keys.as_bytes());
        self.keys += keys.chars().count();
    }
    /// The record's own words, typed.
    fn typed(&mut self, text: &str) {
        self.pty.send(text.as_bytes());
        self.text += text.chars().count();
    }
    /// The record's own words, pasted.
    fn paste(&mut self, text: &str) {
        self.pty
            .send(format!("\x1b[200~{text}\x1b[201~").as_bytes());
        self.text += 1;
    }
    fn escape_to(&mut self, next: &str) {
        self.pty.escape_to(next);
        self.keys += 1;
    }
}

/// Ten past sessions: a date and time, a kind, notes of about 120 words, two commitments.
fn past_session(k: usize) -> (String, String, [String; 2]) {
    let when = format!("2021-{:02}-{:02} 09:00", 1 + k % 12, 2 + k);
    let words: Vec<String> = (0..120).map(|w| format!("w{k}x{w}")).collect();
    let notes = format!("Session {k} notes: {}", words.join(" "));
    let commitments = [
        format!("Session {k}: send the summary"),
        format!("Session {k}: read the chapter"),
    ];
    (when, notes, commitments)
}

/// Records the ten sessions into the workbook at `file`, the way today's keys allow
/// (`quick`) or the way they allowed before (deleting each suggested agenda item with `d`
/// `y` and moving with the arrows). Returns the typist's counts.
fn record_history(quick: bool) -> (usize, usize, mentorbook::model::Workbook) {
    let (home, file) = driver::setup();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    // The sample with open topics enough for the 13 to 16 suggestions a real history met.
    let mut json: serde_json::Value =
        serde_json::from_slice(include_bytes!("../assets/sample-workbook.json")).unwrap();
    let topics = json["data"]["mentoring_plan"]["topics"]
        .as_array_mut()
        .unwrap();
    for k in 0..8 {
        topics.push(serde_json::json!({
            "id": 900 + k, "area": "career", "text": format!("Open question {k}"),
            "discussed": false, "private": false, "notes": ""
        }));
    }
    std::fs::write(&file, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let mut t = Typist {
        pty: driver::Pty::spawn(home.path(), &file),
        keys: 0,
        text: 0,
    };
    t.keys("8");
    t.pty.wait_for("newest first");
    for k in 0..10 {
        let (when, notes, [first, second]) = past_session(k);
        t.keys("a");
        t.pty.wait_for("suggested agenda items");
        let shown = t.pty.contents();
        let n: usize = shown[..shown.find(" suggested agenda items").unwrap()]
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!((13..=16).contains(&n), "{n} suggested");
        if quick {
            // The date first: a past one takes today's suggestions off.
            t.keys("\r");
            t.typed(&when);
            t.keys("\r");
            t.pty.wait_for("A past meeting");
            t.keys("j\rj\r");
            t.keys("N");
            t.paste(&notes);
            t.escape_to(&format!("Session {k} notes"));
            t.keys("a");
            t.paste(&first);
            t.keys("\r");
            t.paste(&second);
            t.escape_to(&second);
        } else {
            // Down to the agenda (past the kind, the privacy and the 4 Ps with what they
            // ask apart: fourteen rows), every item off, back up to the date.
            t.keys(&"j".repeat(14));
            t.keys(&"dy".repeat(n));
            t.keys(&format!("{}\r", "k".repeat(14)));
            t.typed(&when);
            t.keys("\rj\rj\r");
            t.keys(&format!("{}\r", "j".repeat(14)));
            t.paste(&notes);
            t.escape_to(&format!("Session {k} notes"));
            // Past how long it took, the three feedback fields and "understood", to the
            // commitments.
            t.keys("jjjjjj\r");
            t.paste(&first);
            t.keys("\r");
            t.paste(&second);
            t.escape_to(&second);
        }
        t.escape_to("newest first");
    }
    t.keys("q");
    assert_eq!(t.pty.wait_exit(), 0);
    (t.keys, t.text, disk::saved(&file))
}

/// Defect 2, measured: ten past sessions of a real history, typed into the real binary,
/// cost under a third of the keys (beyond the text itself) that they cost before.
#[test]
fn defect_02_ten_past_sessions_take_under_a_third_of_the_keys() {
    let (quick_keys, quick_text, quick) = record_history(true);
    let (old_keys, old_text, old) = record_history(false);
    for wb in [&quick, &old] {
        let added = &wb.conversations[2..];
        assert_eq!(added.len(), 10);
        for (k, c) in added.iter().enumerate() {
            let (when, notes, commitments) = past_session(k);
            assert_eq!(c.at.format("%Y-%m-%d %H:%M").to_string(), when);
            assert_eq!(c.notes, notes);
            assert!(c.agenda.is_empty(), "{:?}", c.agenda);
            let said: Vec<&str> = c.commitments.iter().map(|x| x.text.as_str()).collect();
            assert_eq!(said, commitments);
        }
    }
    assert_eq!(quick_text, old_text, "the same words in both");
    eprintln!(
        "ten past sessions: {quick_keys} keys now, {old_keys} before, beyond the text; \
         {} and {} with the dates typed and the notes and commitments pasted",
        quick_keys + quick_text,
        old_keys + old_text
    );
    assert!(quick_keys * 3 < old_keys, "{quick_keys} vs {old_keys}");
}

/// Defect 3: long text was clipped with no sign (notes showed 4 of 25 lines), a focused
/// text could not be read without editing it, and the editor was 7 lines on any screen.
#[test]
fn defect_03_a_long_text_says_how_much_more_and_reads_whole_when_focused() {
    use mentorbook::field::{ConversationPart, Field};
    let notes: Vec<String> = (1..=25)
        .map(|k| format!("Line {k} of the notes."))
        .collect();
    let mut app = app_at(Screen::Conversation(0));
    app.workbook.conversations[0].notes = notes.join("\n");
    // Not focused: a preview and how many lines more (on a window tall enough to reach
    // the notes without moving).
    let shown = screen_text(&app, 120, 60);
    assert!(shown.contains("Line 4 of the notes."), "{shown}");
    assert!(!shown.contains("Line 5 of the notes."), "{shown}");
    assert!(shown.contains("↓ 21 more lines"), "{shown}");
    // Focused: all of it, where the window has room.
    go_to(&mut app, Field::Conversation(0, ConversationPart::Notes));
    let shown = screen_text(&app, 120, 40);
    for line in &notes {
        assert!(shown.contains(line.as_str()), "{line}:\n{shown}");
    }
    assert!(!shown.contains("more lines"), "{shown}");
    // Editing: the editor takes the height the window has, not 7 rows.
    press(&mut app, "<Enter>");
    let shown = screen_text(&app, 120, 40);
    let visible = notes.iter().filter(|l| shown.contains(l.as_str())).count();
    assert!(visible >= 20, "{visible} lines in the editor:\n{shown}");
    // The vision statement's box at 120x40 says what it cannot show.
    let mut app = app_at(Screen::Exercise(Exercise::Vision));
    app.workbook.vision.statement = (1..=60)
        .map(|k| format!("Sentence {k} of the vision."))
        .collect::<Vec<_>>()
        .join("\n");
    let shown = screen_text(&app, 120, 40);
    assert!(shown.contains("more lines"), "{shown}");
}

/// Defect 4: one-line values were cut with no ellipsis (a strength, a topic running into its
/// status, a picker's options) and the footer dropped keys silently.
#[test]
fn defect_04_a_cut_value_ends_in_an_ellipsis() {
    let long = "Explains hard technical trade-offs to people outside engineering in plain words, \
                with examples from the platform team's own incidents";
    let mut app = app_at(Screen::Exercise(Exercise::Vision));
    app.workbook.vision.strengths[0] = long.into();
    let shown = screen_text(&app, 80, 24);
    let row = shown.lines().find(|l| l.contains("Explains hard")).unwrap();
    assert!(row.contains('…'), "{row}");
    let mut app = app_at(Screen::Exercise(Exercise::Plan));
    app.workbook.mentoring_plan.topics[0].text = long.into();
    let shown = screen_text(&app, 80, 24);
    let row = shown.lines().find(|l| l.contains("Explains hard")).unwrap();
    assert!(row.contains("…") && row.contains("discussed"), "{row}");
    // The worksheet's keys at 80 columns: those that give way leave a sign.
    let app = app_at(Screen::Worksheet(0));
    let keys = footer(&app, 80, 24);
    assert!(keys.contains('…') && keys.contains("? help"), "{keys}");
}

/// Defect 12, the editor: a soft-wrapped row began with the space it broke at whenever the
/// word before it filled the row exactly (ratatui-textarea's word wrap).
#[test]
fn defect_12_a_soft_wrapped_row_starts_at_its_word() {
    use mentorbook::field::{Kind, Spec};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    let spec = Spec::new(Kind::Text, "Notes", "");
    // "Ten chars." fills a ten-column row exactly; the space after it used to open row two.
    let mut editor = mentorbook::screens::new_editor("Ten chars. and more words here", spec);
    editor.move_cursor(ratatui_textarea::CursorMove::Top);
    let area = Rect::new(0, 0, 10, 4);
    let mut buf = Buffer::empty(area);
    mentorbook::screens::draw_editor(&editor, area, &mut buf);
    let rows: Vec<String> = (0..4)
        .map(|y| (0..10).map(|x| buf[(x, y)].symbol()).collect())
        .collect();
    assert_eq!(rows[0].trim_end(), "Ten chars.");
    for row in rows[1..].iter().filter(|r| !r.trim().is_empty()) {
        assert!(!row.starts_with(' '), "{rows:?}");
    }
    assert!(rows[1].starts_with("and more"), "{rows:?}");
    // The text itself keeps its space.
    assert_eq!(editor.lines()[0], "Ten chars. and more words here");
}
