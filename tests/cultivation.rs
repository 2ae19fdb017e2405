//! Conversations, check-ins and the journal as a user drives them, and snapshots of each
//! screen and part at 80x24 and 120x40.

mod common;

use common::{fixed_now, focus, press, saved_app_at as at};
use mentorbook::app::App;
use mentorbook::field::{CheckInPart, Choice, ConversationPart, Field, ListKind};
use mentorbook::model::{ConversationKind, Owner, Workbook};
use mentorbook::msg::Effect;
use mentorbook::nav::{Confirm, Creates, Exercise, Mode, PickWhat, Record, Screen, Target};

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), common::body(app, w, h));
    }
}

// ---- conversations ----

#[test]
fn a_new_conversation_starts_now_with_a_suggested_agenda() {
    let mut app = at(Screen::Exercise(Exercise::Conversations));
    let before = app.workbook.conversations.len();
    assert_eq!(press(&mut app, "a"), Some(Effect::Save));
    let c = before;
    assert_eq!(app.screen, Screen::Conversation(c));
    let conv = &app.workbook.conversations[c];
    assert_eq!(
        conv.at.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-24 09:15"
    );
    // The check-in is overdue in the sample, so this one is a check-in.
    assert_eq!(conv.kind, ConversationKind::CheckIn);
    assert_eq!(
        conv.prep.purpose,
        "Agreed last time: Plan the December review together."
    );
    let agenda: Vec<&str> = conv.agenda.iter().map(|a| a.text.as_str()).collect();
    assert!(
        agenda.contains(&"Carried over: Send Ben my next summary draft (mentee, due 2026-11-26)"),
        "{agenda:?}"
    );
    assert!(agenda.contains(&"Still open from 2026-11-19: Budget for the facilitation course"));
    assert!(
        agenda
            .iter()
            .any(|a| a.starts_with("Overdue step: Draft a one-page review template"))
    );
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("suggested agenda items")
    );
    // Nothing is added later: a new overdue step does not reach this agenda.
    let n = conv.agenda.len();
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Conversations));
    press(&mut app, "<Enter>");
    assert_eq!(app.workbook.conversations[c].agenda.len(), n);
}

#[test]
fn the_agenda_is_kept_reordered_ticked_and_trimmed_by_keys() {
    let mut app = at(Screen::Conversation(1));
    focus(&mut app, Target::Field(Field::Agenda(1, 2)));
    press(&mut app, "K");
    let texts = |app: &App| -> Vec<String> {
        app.workbook.conversations[1]
            .agenda
            .iter()
            .map(|a| a.text.clone())
            .collect()
    };
    assert_eq!(texts(&app)[1], "Budget for the facilitation course");
    press(&mut app, "x");
    assert!(app.workbook.conversations[1].agenda[1].done);
    press(&mut app, "dy");
    assert_eq!(texts(&app).len(), 2);
    focus(&mut app, Target::Add(ListKind::Agenda(1)));
    press(&mut app, "<Enter>Ask about the course budget<Enter><Esc>");
    assert_eq!(texts(&app)[2], "Ask about the course budget");
}

#[test]
fn the_kind_is_picked_and_its_guide_follows() {
    let mut app = at(Screen::Conversation(1));
    focus(&mut app, Target::Choice(Choice::ConvKind(1)));
    press(&mut app, "<Enter>");
    assert!(matches!(app.mode, Mode::Pick(p) if p.what == PickWhat::Kind(1)));
    press(&mut app, "<Esc>");
    assert_eq!(
        app.workbook.conversations[1].kind,
        ConversationKind::Feedback,
        "Esc keeps it"
    );
    press(&mut app, "<Enter>kkkkk<Enter>");
    assert!(
        matches!(app.mode, Mode::Confirm(Confirm::ArcOrder(1, _))),
        "no exploration is recorded: preparing out of order is asked"
    );
    press(&mut app, "y");
    assert_eq!(
        app.workbook.conversations[1].kind,
        ConversationKind::Preparation
    );
    let screen = common::screen_text(&app, 120, 40);
    assert!(screen.contains("A preparation conversation"), "{screen}");
    assert!(
        screen.contains("• Which next steps are needed?"),
        "{screen}"
    );
}

#[test]
fn the_time_of_a_conversation_reads_dates_and_times() {
    let mut app = at(Screen::Conversation(1));
    press(&mut app, "<Enter><C-a><C-k>fri 14:00<Enter>");
    let at = app.workbook.conversations[1].at;
    assert_eq!(at.format("%Y-%m-%d %H:%M").to_string(), "2026-11-27 14:00");
    press(&mut app, "<Enter><C-a><C-k>09:45<Enter>");
    let at = app.workbook.conversations[1].at;
    assert_eq!(
        at.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-27 09:45",
        "date kept"
    );
    press(&mut app, "<Enter><C-a><C-k>someday<Enter>");
    assert!(
        matches!(&app.mode, Mode::Edit(e) if e.field() == Some(Field::Conversation(1, ConversationPart::At)))
    );
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("not a date and time")
    );
}

#[test]
fn a_commitment_becomes_a_step_with_its_owner_and_date() {
    let mut app = at(Screen::Conversation(1));
    focus(&mut app, Target::Field(Field::Commitment(1, 0)));
    press(&mut app, "o");
    assert_eq!(
        app.workbook.conversations[1].commitments[0].owner,
        Owner::Mentor
    );
    press(&mut app, "oo");
    press(&mut app, "c");
    assert!(matches!(app.mode, Mode::Pick(p) if p.what == PickWhat::StepGoal(1, 0)));
    press(&mut app, "<Enter>");
    let steps = &app.workbook.goals[0].plan.steps;
    let step = steps.last().unwrap();
    assert_eq!(step.text, "Send Ben my next summary draft");
    assert_eq!(step.owner, Owner::Mentee);
    assert_eq!(step.due, Some("2026-11-26".parse().unwrap()));
    assert_eq!(
        app.workbook.conversations[1].commitments[0].step,
        Some(step.id)
    );
    assert!(app.notice.as_deref().unwrap().contains("step 5 of"));
    press(&mut app, "c");
    assert_eq!(
        app.notice.as_deref(),
        Some("This commitment is a step already.")
    );
    assert_eq!(app.workbook.goals[0].plan.steps.len(), 5);
}

#[test]
fn judging_feedback_earns_a_hint() {
    let mut app = at(Screen::Conversation(1));
    focus(
        &mut app,
        Target::Field(Field::Feedback(1, mentorbook::field::FeedbackPart::Given)),
    );
    press(&mut app, "<Enter><C-a>Honestly, you were lazy. <Esc>");
    let screen = common::screen_text(&app, 120, 40);
    assert!(
        screen.contains("reads like a verdict on the person"),
        "{screen}"
    );
}

#[test]
fn check_ins_are_dated_today_and_deleting_asks() {
    let mut app = at(Screen::Exercise(Exercise::Conversations));
    press(&mut app, "i");
    assert_eq!(app.screen, Screen::CheckIn(1));
    assert_eq!(
        app.workbook.check_ins[1].date,
        Some(fixed_now().date_naive())
    );
    assert!(
        app.workbook.check_in_overdue(fixed_now().date_naive()),
        "an empty record is not a check-in held"
    );
    focus(
        &mut app,
        Target::Field(Field::CheckIn(1, CheckInPart::ProcessWorking)),
    );
    press(&mut app, "<Enter>Working well<Esc><Esc>");
    assert_eq!(app.workbook.check_ins[1].process_working, "Working well");
    assert!(
        !app.workbook.check_in_overdue(fixed_now().date_naive()),
        "on schedule again"
    );
    focus(&mut app, Target::Open(Screen::CheckIn(1)));
    press(&mut app, "d");
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::DeleteRecord(Record::CheckIn(1)))
    ));
    press(&mut app, "y");
    assert_eq!(app.workbook.check_ins.len(), 1);
    focus(&mut app, Target::Create(Creates::Conversation));
}

// ---- journal ----

#[test]
fn n_writes_a_new_entry_from_anywhere_and_an_empty_one_disappears() {
    let mut app = at(Screen::Goal(0));
    let before = app.workbook.journal.len();
    press(&mut app, "n");
    assert_eq!(app.screen, Screen::Entry(before));
    assert!(matches!(&app.mode, Mode::Edit(e) if e.field() == Some(Field::Entry(before))));
    let e = &app.workbook.journal[before];
    assert!(e.private, "private by default");
    assert_eq!(e.at, fixed_now().fixed_offset());
    press(&mut app, "<Esc>");
    assert_eq!(
        app.workbook.journal.len(),
        before,
        "nothing written, nothing kept"
    );
    assert_eq!(app.screen, Screen::Exercise(Exercise::Journal));

    press(&mut app, "nFirst line<Enter>second line<Esc>");
    focus(&mut app, Target::Field(Field::EntryTags(before)));
    press(&mut app, "<Enter>reviews, #Mood reviews<Enter>");
    let e = &app.workbook.journal[before];
    assert_eq!(e.text, "First line\nsecond line");
    assert_eq!(e.tags, ["reviews", "Mood"]);
    press(&mut app, "p");
    assert!(!app.workbook.journal[before].private);
    focus(&mut app, Target::Choice(Choice::EntryLink(before)));
    press(&mut app, "<Enter>j<Enter>");
    assert_eq!(
        app.workbook.journal[before].goal,
        Some(app.workbook.goals[0].id)
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Journal));
    assert_eq!(
        app.journal.selected_entry(),
        Some(before),
        "the list opens on it"
    );
}

#[test]
fn the_journal_filters_by_tag_goal_date_and_words() {
    let mut app = at(Screen::Exercise(Exercise::Journal));
    assert_eq!(app.journal.matches.len(), 5);
    press(&mut app, "/#mood<Enter>");
    assert_eq!(app.journal.matches.len(), 2);
    assert!(!app.unsaved, "a filter is not a change to the workbook");
    press(&mut app, "/<C-a><C-k>goal:1 chairing<Enter>");
    assert_eq!(app.journal.matches.len(), 1);
    press(&mut app, "/<C-a><C-k>from:2026-11-15 to:2026-11-20<Enter>");
    assert_eq!(app.journal.matches.len(), 2);
    press(&mut app, "/<C-a><C-k>goal:9<Enter>");
    assert!(
        matches!(&app.mode, Mode::Edit(e) if e.what == mentorbook::nav::Editable::JournalFilter)
    );
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("“goal:9”: there is no such goal")
    );
    // Esc always leaves the filter line; a query that does not read changes nothing.
    press(&mut app, "<Esc>");
    assert!(matches!(app.mode, Mode::Browse));
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("The filter stays as it was")
    );
    assert_eq!(
        app.journal.matches.len(),
        2,
        "the last filter still applies"
    );
    // Several tags: entries with all of them (one entry has both #reviews and #mood).
    press(&mut app, "/<C-a><C-k>#reviews #mood<Enter>");
    assert_eq!(app.journal.matches.len(), 1);
    press(&mut app, "/<C-a><C-k><Enter>");
    assert_eq!(app.journal.matches.len(), 5);
    press(&mut app, "/priya<Enter><Esc>");
    assert_eq!(app.journal.matches.len(), 5, "Esc clears the filter");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Journal));
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn the_journal_list_moves_opens_and_deletes() {
    let mut app = at(Screen::Exercise(Exercise::Journal));
    press(&mut app, "jj");
    assert_eq!(app.journal.selected, 2);
    press(&mut app, "G");
    assert_eq!(app.journal.selected, 4);
    press(&mut app, "g");
    assert_eq!(app.journal.selected, 0);
    press(&mut app, "<End><Up><PageUp>");
    assert_eq!(app.journal.selected, 0);
    press(&mut app, "<PageDown>");
    assert_eq!(app.journal.selected, 4, "stops at the end");
    press(&mut app, "<Home>");
    let newest = app.journal.selected_entry().unwrap();
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Entry(newest));
    press(&mut app, "<Esc>d");
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::DeleteRecord(Record::Entry(_)))
    ));
    press(&mut app, "y");
    assert_eq!(app.workbook.journal.len(), 4);
    assert_eq!(app.journal.matches.len(), 4);
}

#[test]
fn thousands_of_entries_page_without_building_rows_for_all() {
    let mut wb = common::fixture();
    let base = wb.journal[0].clone();
    for k in 0..5000 {
        let mut e = base.clone();
        e.id = 1000 + k;
        e.at += chrono::Duration::minutes(k as i64);
        e.text = format!("Entry {k}");
        wb.journal.push(e);
    }
    let mut app = App::new(wb);
    app.screen = Screen::Exercise(Exercise::Journal);
    assert_eq!(app.journal.matches.len(), 5005);
    press(&mut app, "<PageDown><PageDown>");
    assert_eq!(app.journal.selected, 20);
    let screen = common::screen_text(&app, 80, 24);
    assert!(screen.contains("Entry 4979"), "{screen}");
}

// ---- snapshots ----

#[test]
fn conversations_screen() {
    snap(
        "conversations",
        &at(Screen::Exercise(Exercise::Conversations)),
    );
    let mut empty = App::new(Workbook::default());
    empty.screen = Screen::Exercise(Exercise::Conversations);
    snap("conversations_empty", &empty);
}

#[test]
fn conversation_in_each_part() {
    snap("conversation_before", &at(Screen::Conversation(1)));
    let mut during = at(Screen::Conversation(1));
    focus(
        &mut during,
        Target::Field(Field::Conversation(1, ConversationPart::Notes)),
    );
    snap("conversation_during", &during);
    let mut after = at(Screen::Conversation(1));
    focus(&mut after, Target::Field(Field::Commitment(1, 0)));
    snap("conversation_after", &after);
    let mut kind = at(Screen::Conversation(1));
    focus(&mut kind, Target::Choice(Choice::ConvKind(1)));
    press(&mut kind, "<Enter>");
    snap("conversation_pick_kind", &kind);
    let mut role = at(Screen::Conversation(1));
    role.workbook.role = mentorbook::model::Role::Mentor;
    snap("conversation_mentor", &role);
}

#[test]
fn check_in_screen() {
    snap("check_in", &at(Screen::CheckIn(0)));
}

#[test]
fn journal_screens() {
    snap("journal", &at(Screen::Exercise(Exercise::Journal)));
    let mut filtered = at(Screen::Exercise(Exercise::Journal));
    press(&mut filtered, "/#reviews<Enter>");
    snap("journal_filtered", &filtered);
    let mut typing = at(Screen::Exercise(Exercise::Journal));
    press(&mut typing, "/goal:1 from:");
    snap("journal_filter_editing", &typing);
    let mut empty = App::new(Workbook::default());
    empty.screen = Screen::Exercise(Exercise::Journal);
    snap("journal_empty", &empty);
    snap("entry", &at(Screen::Entry(0)));
    let mut writing = at(Screen::Home);
    press(
        &mut writing,
        "nNervous before the review, but prepared.<Enter>Three phrases ready.",
    );
    snap("entry_writing", &writing);
    let mut link = at(Screen::Entry(0));
    focus(&mut link, Target::Choice(Choice::EntryLink(0)));
    press(&mut link, "<Enter>");
    snap("entry_pick_link", &link);
}

/// Reading on: `]` and `[` on an entry go through the list as filtered, one key per entry,
/// and Esc goes back to the list on the entry last read.
#[test]
fn entries_are_read_on_with_brackets_through_the_filtered_list() {
    let mut app = at(Screen::Exercise(Exercise::Journal));
    let order = app.journal.matches.clone();
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Entry(order[0]));
    press(&mut app, "[");
    assert_eq!(app.screen, Screen::Entry(order[0]));
    assert!(app.notice.as_deref().unwrap().contains("newest"));
    press(&mut app, "]]");
    assert_eq!(app.screen, Screen::Entry(order[2]));
    press(&mut app, "[");
    assert_eq!(app.screen, Screen::Entry(order[1]));
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Journal));
    assert_eq!(
        app.journal.selected, 1,
        "the list is on the entry last read"
    );
    // Through a filter: only what it lets through.
    press(&mut app, "/#reviews<Enter>");
    let reviews = app.journal.matches.clone();
    assert_eq!(reviews.len(), 2);
    press(&mut app, "g<Enter>]");
    assert_eq!(app.screen, Screen::Entry(reviews[1]));
    press(&mut app, "]");
    assert!(app.notice.as_deref().unwrap().contains("oldest"));
}

/// Commitments as things to track: `x` ticks one done (and back); one past its date and
/// open says OVERDUE on its row, on the overview, in the review's open commitments, in
/// `show deadlines` and `due`, from whichever conversation it came; a ticked one leaves them
/// all. A new commitment is the same person's as the one above it (the first: the mentee's).
#[test]
fn commitments_tick_done_flag_overdue_and_follow_the_speaker() {
    let mut app = at(Screen::Exercise(Exercise::Conversations));
    let (c, k) = (0..app.workbook.conversations.len())
        .find_map(|c| {
            let k = app.workbook.conversations[c]
                .commitments
                .iter()
                .position(|x| x.step.is_none() && x.due.is_some())?;
            Some((c, k))
        })
        .expect("the sample has a dated commitment");
    // Two meetings ago, past its day, the mentor's: the kind a mentor forgets.
    app.workbook.conversations[c].commitments[k].due =
        Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 9).unwrap());
    app.workbook.conversations[c].commitments[k].owner = Owner::Mentor;
    let text = app.workbook.conversations[c].commitments[k].text.clone();
    let today = fixed_now().date_naive();
    let overview = |app: &App| {
        let mut home = App::new(app.workbook.clone());
        home.today = app.today;
        common::screen_text(&home, 120, 40)
    };
    assert!(
        overview(&app).contains("1 commitment overdue"),
        "{}",
        overview(&app)
    );
    app.screen = Screen::Conversation(c);
    focus(&mut app, Target::Field(Field::Commitment(c, k)));
    assert!(common::body(&app, 120, 40).contains("OVERDUE since 2026-11-09"));
    let wb = &app.workbook;
    let deadlines = mentorbook::cli::show_text(
        wb,
        mentorbook::report::Section::Deadlines,
        false,
        fixed_now(),
        false,
    );
    assert!(deadlines.contains(&text), "{deadlines}");
    let due = mentorbook::report::due::due(wb, today, 7);
    assert!(
        due.iter()
            .any(|i| i.kind == "commitment" && i.overdue && i.text.starts_with(&text)),
        "{due:?}"
    );
    let open = mentorbook::cli::show_text(
        wb,
        mentorbook::report::Section::OpenCommitments,
        false,
        fixed_now(),
        false,
    );
    assert!(open.contains("2026-11-09 (overdue)"), "{open}");

    // Ticked done: gone from every list, the overview quiet again; x again reopens it.
    assert_eq!(press(&mut app, "x"), Some(Effect::Save));
    assert!(app.workbook.conversations[c].commitments[k].done);
    let page = common::body(&app, 120, 40);
    assert!(
        page.contains("[x] mentor") && page.contains(&text),
        "{page}"
    );
    assert!(!overview(&app).contains("commitment overdue"));
    let wb = &app.workbook;
    assert!(
        !mentorbook::report::due::due(wb, today, 7)
            .iter()
            .any(|i| i.text.starts_with(&text))
    );
    let agenda = wb.suggest_agenda(today, None);
    assert!(!agenda.iter().any(|a| a.text.contains(&text)));
    press(&mut app, "x");
    assert!(!app.workbook.conversations[c].commitments[k].done);
    let agenda = app.workbook.suggest_agenda(today, None);
    assert!(
        agenda
            .iter()
            .any(|a| a.text == format!("Carried over: {text} (mentor, overdue since 2026-11-09)")),
        "{agenda:?}"
    );

    // The speaker convention: after the mentor's, a new one is the mentor's too.
    let before = app.workbook.conversations[c].commitments.len();
    focus(&mut app, Target::Add(ListKind::Commitments(c)));
    press(&mut app, "<Enter>Book the room<Esc>");
    let added = &app.workbook.conversations[c].commitments[before];
    assert_eq!(added.text, "Book the room");
    assert_eq!(
        added.owner,
        app.workbook.conversations[c].commitments[before - 1].owner
    );
    // The first of a conversation is the mentee's, in a mentor's workbook too.
    app.workbook.role = mentorbook::model::Role::Mentor;
    let empty = app.workbook.conversations.len();
    press(&mut app, "<Esc><Esc>8a");
    assert_eq!(app.screen, Screen::Conversation(empty));
    focus(&mut app, Target::Add(ListKind::Commitments(empty)));
    press(&mut app, "<Enter>First one<Esc>");
    assert_eq!(
        app.workbook.conversations[empty].commitments[0].owner,
        Owner::Mentee
    );
}

/// A meeting's length is typed on its page (digits start the edit, as on a date), read in
/// hours and minutes, refused when it does not read, and emptied back to the agreed length.
#[test]
fn a_meeting_has_its_own_length() {
    let mut app = at(Screen::Conversation(0));
    let length = Field::Conversation(0, ConversationPart::Length);
    focus(&mut app, Target::Field(length));
    press(&mut app, "1h30<Enter>");
    assert_eq!(app.workbook.conversations[0].minutes, Some(90));
    assert_eq!(length.value(&app.workbook).unwrap(), "1h30");
    press(&mut app, "<Enter>long<Enter>");
    assert_eq!(app.workbook.conversations[0].minutes, Some(90), "refused");
    assert!(matches!(app.mode, Mode::Edit(_)), "the editor stays open");
    press(
        &mut app,
        "<Backspace><Backspace><Backspace><Backspace>2h<Enter>",
    );
    assert_eq!(app.workbook.conversations[0].minutes, Some(120));
    press(&mut app, "45<Enter>");
    assert_eq!(app.workbook.conversations[0].minutes, Some(45));
    press(&mut app, "<Enter><Backspace><Backspace><Backspace><Enter>");
    assert_eq!(app.workbook.conversations[0].minutes, None);
}
