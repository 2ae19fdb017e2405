//! Reviewing together and call mode: snapshots of the split view (each pane focused, stacked,
//! with call mode on) and canary tests that nothing private reaches a call-mode screen.

mod common;

use common::{app_at, fixed_now, fixture, press, saved_at, screen_text};
use mentorbook::app::{App, ReviewView};
use mentorbook::field::ConversationPart;
use mentorbook::model::{JournalEntry, PlanArea, Topic, Workbook};
use mentorbook::nav::Exercise;
use mentorbook::nav::{Mode, Pane, Screen};

/// In a string nothing else in the workbook contains.
const CANARY: &str = "Zanzibar-canary";

/// The sample workbook with the canary in every private place: each answer of the
/// conversation with yourself, a private topic in each area, a private conversation (notes,
/// next goal, a commitment), and private journal entries (one linked to a goal, one tagged).
fn with_canaries() -> Workbook {
    let mut wb = fixture();
    let r = &mut wb.self_reflection;
    for (n, s) in [
        &mut r.why,
        &mut r.contribute,
        &mut r.gain,
        &mut r.partner_attributes,
        &mut r.past_lessons,
    ]
    .into_iter()
    .enumerate()
    {
        *s = format!("{CANARY} reflection {n}");
    }
    for area in [
        PlanArea::Career,
        PlanArea::Development,
        PlanArea::Workplace,
        PlanArea::Other,
    ] {
        let id = wb.fresh_id();
        wb.mentoring_plan.topics.push(Topic {
            id,
            area,
            text: format!("{CANARY} topic {area:?}"),
            notes: format!("{CANARY} notes"),
            private: true,
            discussed: false,
            source: Some(mentorbook::model::NeedSource::Review),
            evidence: format!("{CANARY} evidence"),
            mentor_help: format!("{CANARY} help"),
        });
        // Every goal serves the private need: its page must not name it in a call.
        for g in &mut wb.goals {
            g.needs.push(id);
        }
    }
    // A private conversation: its notes, next goal and a commitment.
    let mut talk = wb.conversations[0].clone();
    talk.id = wb.fresh_id();
    talk.private = true;
    talk.notes = format!("{CANARY} conversation notes");
    talk.next_goal = format!("{CANARY} next goal");
    talk.commitments.push(mentorbook::model::Commitment {
        text: format!("{CANARY} promise"),
        ..Default::default()
    });
    wb.conversations.push(talk);
    let goal = wb.goals.first().map(|g| g.id);
    for n in 0..2 {
        let id = wb.fresh_id();
        wb.journal.push(JournalEntry {
            id,
            at: fixed_now().fixed_offset(),
            text: format!("{CANARY} entry {n}"),
            tags: vec![format!("{CANARY}-tag")],
            goal,
            private: true,
            ..JournalEntry::default()
        });
    }
    wb
}

fn app_with_canaries(screen: Screen) -> App {
    let mut app = App::new(with_canaries());
    app.screen = screen;
    app.today = fixed_now().date_naive();
    app.status = saved_at();
    app
}

fn snap(name: &str, app: &App, sizes: &[(u16, u16)]) {
    for (w, h) in sizes {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), common::body(app, *w, *h));
    }
}

/// The sample opened on the overview, `R` pressed and `y` to start today's conversation.
fn review() -> App {
    let mut app = app_at(Screen::Home);
    app.status = saved_at();
    press(&mut app, "Ry");
    app
}

#[test]
fn review_creates_todays_conversation_once_and_opens_on_the_notes() {
    let mut app = review();
    let n = app.workbook.conversations.len();
    let Screen::Review(c) = app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(c, n - 1);
    assert_eq!(
        app.workbook.conversations[c].at.date_naive(),
        fixed_now().date_naive()
    );
    assert_eq!(app.review.pane, Pane::Notes);
    // Back out and in again: the same conversation, no second one.
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Home);
    press(&mut app, "R");
    assert_eq!(app.screen, Screen::Review(c));
    assert_eq!(app.workbook.conversations.len(), n);
}

#[test]
fn the_notes_pane_edits_todays_conversation() {
    let mut app = review();
    let Screen::Review(c) = app.screen else {
        panic!()
    };
    let notes = mentorbook::nav::Target::Field(mentorbook::field::Field::Conversation(
        c,
        ConversationPart::Notes,
    ));
    common::focus(&mut app, notes);
    press(&mut app, "<Enter>Agreed: Ana chairs in January.<Esc>");
    assert_eq!(
        app.workbook.conversations[c].notes,
        "Agreed: Ana chairs in January."
    );
}

#[test]
fn the_reference_pane_scrolls_swaps_and_resizes() {
    let mut app = review();
    press(&mut app, "<Tab>");
    assert_eq!(app.review.pane, Pane::Reference);
    press(&mut app, "jjj");
    assert_eq!(app.review.scroll, 3);
    press(&mut app, "k");
    assert_eq!(app.review.scroll, 2);
    // Enter on the reference changes nothing: it is read-only.
    let before = app.workbook.clone();
    press(&mut app, "<Enter>ad");
    assert!(app.workbook == before, "the reference changed the workbook");
    assert!(matches!(app.mode, Mode::Browse));
    press(&mut app, "]");
    assert_eq!(app.review.reference, ReviewView::REFERENCES[1]);
    assert_eq!(app.review.scroll, 0, "a new part starts at its top");
    press(&mut app, "[[");
    assert_eq!(
        app.review.reference,
        *ReviewView::REFERENCES.last().unwrap()
    );
    press(&mut app, ">>>>>>");
    assert_eq!(app.review.split, ReviewView::SPLIT_MAX);
    press(&mut app, "<<<<<<<<");
    assert_eq!(app.review.split, ReviewView::SPLIT_MIN);
    // Scrolling never runs past the last line, however often the key is pressed.
    for _ in 0..50 {
        press(&mut app, "<PageDown>");
    }
    let last = mentorbook::screens::reference_lines(&app).len() as u16 - 1;
    assert_eq!(app.review.scroll, last);
    press(&mut app, "<Tab>");
    assert_eq!(app.review.pane, Pane::Notes);
}

#[test]
fn review_side_by_side_notes_focused() {
    snap("review_notes", &review(), &[(120, 40), (160, 48)]);
}

#[test]
fn review_side_by_side_reference_focused() {
    let mut app = review();
    press(&mut app, "<Tab>jj");
    snap("review_reference", &app, &[(120, 40)]);
}

#[test]
fn review_stacked_when_narrow() {
    let mut app = review();
    press(&mut app, "]");
    snap("review_stacked", &app, &[(80, 24), (99, 30)]);
}

#[test]
fn review_help_lists_both_panes() {
    let mut app = review();
    press(&mut app, "?");
    snap("review_help", &app, &[(120, 40)]);
}

#[test]
fn review_in_call_mode() {
    let mut app = app_with_canaries(Screen::Home);
    press(&mut app, "CRy");
    // The mentoring plan's topics: only the shareable ones.
    while app.review.reference != mentorbook::report::Section::Topics {
        press(&mut app, "]");
    }
    snap("review_call_mode", &app, &[(120, 40), (80, 24)]);
}

#[test]
fn call_mode_banner_and_hidden_pages() {
    let mut app = app_with_canaries(Screen::Home);
    press(&mut app, "C");
    snap("call_mode_home", &app, &[(80, 24), (120, 40)]);
    press(&mut app, "1");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Reflection));
    snap("call_mode_reflection", &app, &[(80, 24)]);
    // Nothing on a hidden page can be changed or opened.
    let before = app.workbook.clone();
    press(&mut app, "<Enter>xyzdpa");
    assert!(app.workbook == before, "a hidden page changed the workbook");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Reflection));
    press(&mut app, "C");
    assert!(!app.call_mode);
    assert!(screen_text(&app, 120, 40).contains(CANARY));
}

#[test]
fn call_mode_refuses_a_new_private_entry() {
    let mut app = app_with_canaries(Screen::Home);
    let n = app.workbook.journal.len();
    press(&mut app, "Cn");
    assert_eq!(app.workbook.journal.len(), n);
    assert!(matches!(app.mode, Mode::Browse));
    assert!(app.notice.as_deref().unwrap_or("").contains("call"));
}

/// Every screen and page, each focus position, each help overlay and each review
/// reference, at two sizes: the canary never shows in call mode. Outside call mode it does
/// (the check would catch nothing otherwise).
#[test]
fn no_private_canary_on_any_call_mode_screen() {
    let wb = with_canaries();
    let mut screens: Vec<Screen> = Screen::top_level().collect();
    for g in 0..wb.goals.len() {
        screens.extend([Screen::Goal(g), Screen::Worksheet(g), Screen::Glance(g)]);
    }
    screens.extend((0..wb.conversations.len()).map(Screen::Conversation));
    screens.extend((0..wb.check_ins.len()).map(Screen::CheckIn));
    screens.extend((0..wb.journal.len()).map(Screen::Entry));
    let mut frames = 0;
    let mut seen_outside_call_mode = 0;
    for screen in screens {
        let mut app = app_with_canaries(screen);
        let private_here = [
            Screen::Exercise(Exercise::Journal),
            Screen::Exercise(Exercise::Plan),
            Screen::Exercise(Exercise::Reflection),
            Screen::Conversation(wb.conversations.len() - 1),
        ]
        .contains(&screen);
        // Tall enough to hold each page whole: the canary is somewhere on it.
        if private_here && screen_text(&app, 120, 80).contains(CANARY) {
            seen_outside_call_mode += 1;
        }
        // Entering call mode from the screen itself, as a user would.
        press(&mut app, "C");
        assert!(app.call_mode);
        let steps = mentorbook::screens::focus_targets(&app).len().max(1);
        for step in 0..=steps {
            for (w, h) in [(80, 24), (120, 40)] {
                let text = screen_text(&app, w, h);
                assert!(
                    !text.contains(CANARY) && !text.contains("Zanzibar"),
                    "{screen:?} step {step} at {w}x{h}:\n{text}"
                );
                frames += 1;
            }
            press(&mut app, "j");
        }
        press(&mut app, "?");
        assert!(
            !screen_text(&app, 120, 40).contains(CANARY),
            "{screen:?} help"
        );
        press(&mut app, "<Esc>");
    }
    // The review, with every reference.
    let mut app = app_with_canaries(Screen::Home);
    press(&mut app, "CRy<Tab>");
    for _ in ReviewView::REFERENCES {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let text = screen_text(&app, w, h);
            assert!(
                !text.contains(CANARY),
                "review {:?}:\n{text}",
                app.review.reference
            );
            frames += 1;
        }
        press(&mut app, "]");
    }
    assert_eq!(
        seen_outside_call_mode, 4,
        "the canary shows without call mode"
    );
    assert!(frames > 200, "{frames}");
}

/// An agenda suggested for a new conversation only points at a private topic.
#[test]
fn a_new_conversations_agenda_never_copies_a_private_topic() {
    let mut app = app_with_canaries(Screen::Exercise(Exercise::Conversations));
    press(&mut app, "a");
    let Screen::Conversation(c) = app.screen else {
        panic!("{:?}", app.screen)
    };
    let agenda = &app.workbook.conversations[c].agenda;
    assert!(
        agenda.iter().all(|a| !a.text.contains(CANARY)),
        "{agenda:#?}"
    );
    assert!(agenda.iter().any(|a| a.text.contains("private topic")));
}

/// The journal list in call mode leaves the private entries out, and takes them back after.
#[test]
fn the_journal_list_follows_call_mode() {
    let mut app = app_with_canaries(Screen::Exercise(Exercise::Journal));
    let all = app.journal.matches.len();
    press(&mut app, "C");
    let shared = app.journal.matches.len();
    assert!(shared < all);
    assert!(
        (app.journal.matches.iter()).all(|&e| !app.workbook.journal[e].private),
        "only shareable entries"
    );
    press(&mut app, "C");
    assert_eq!(app.journal.matches.len(), all);
}

/// The reference is kept between frames (drawing it is most of a frame's work): a change to
/// what it shows, or to call mode, shows at once all the same.
#[test]
fn the_reference_shows_a_change_at_the_next_frame() {
    let mut app = review();
    let title = app.workbook.goals[0].title.clone();
    // The reference pane alone (the notes' agenda names the goal too).
    let reference = |app: &App| -> String {
        let width = usize::from(app.review.split) * 160 / 100;
        (screen_text(app, 160, 50).lines())
            .map(|l| l.chars().take(width).collect::<String>() + "\n")
            .collect()
    };
    assert!(reference(&app).contains(&title));
    app.workbook.goals[0].title = "Renamed while the review was open".into();
    let after = reference(&app);
    assert!(
        after.contains("Renamed while the review was open"),
        "{after}"
    );
    assert!(!after.contains(&title));
    // The same document again: the very same lines, not drawn twice.
    let a = mentorbook::screens::reference_lines(&app);
    let b = mentorbook::screens::reference_lines(&app);
    assert!(std::sync::Arc::ptr_eq(&a, &b));
}

/// The review shows what was said last time and what is still promised, as references: the
/// minutes of the last conversation before today, and every open commitment with its owner
/// and due date. In a call, a private conversation is neither.
#[test]
fn last_time_and_open_commitments_are_a_key_away() {
    let mut app = review();
    press(&mut app, "<Tab>]]");
    assert_eq!(
        app.review.reference,
        mentorbook::report::Section::LastConversation
    );
    let screen = screen_text(&app, 160, 50);
    assert!(screen.contains("Last conversation (3/9)"), "{screen}");
    assert!(
        screen.contains("Feedback conversation, Thursday 2026-11-19 08:30"),
        "{screen}"
    );
    assert!(screen.contains("Shadowing went well."), "{screen}");
    press(&mut app, "]");
    let screen = screen_text(&app, 160, 50);
    assert!(screen.contains("Open commitments (4/9)"), "{screen}");
    assert!(
        screen.contains("Send Ben my next summary draft · who: mentee"),
        "{screen}"
    );
    assert!(screen.contains("due: 2026-11-26"), "{screen}");
    assert!(
        screen.contains("step, doing"),
        "the one made a step, with its state"
    );
    // The last conversation made private: in a call it is not the reference, nor are its
    // commitments; the one before it is shown instead.
    let c = app
        .workbook
        .conversations
        .iter()
        .position(|c| c.notes.starts_with("Shadowing"))
        .unwrap();
    app.workbook.conversations[c].private = true;
    press(&mut app, "C");
    let screen = screen_text(&app, 160, 50);
    assert!(
        !screen.contains("Send Ben my next summary draft · who"),
        "{screen}"
    );
    press(&mut app, "[");
    let screen = screen_text(&app, 160, 50);
    assert!(!screen.contains("Shadowing went well."), "{screen}");
    assert!(
        screen.contains("Goal conversation, Thursday 2026-11-05 08:30"),
        "{screen}"
    );
}

/// Looking changes nothing: with no conversation today, `R` asks. `n` reviews beside the
/// last conversation and creates nothing (the workbook equal, nothing to save), and the
/// reference walks to the next agenda, suggested from the plan; `y` starts today's.
#[test]
fn r_asks_before_starting_todays_conversation_and_review_only_creates_nothing() {
    let mut app = app_at(Screen::Home);
    let before = app.workbook.clone();
    press(&mut app, "R");
    assert!(matches!(
        app.mode,
        Mode::Confirm(mentorbook::nav::Confirm::StartToday)
    ));
    assert!(screen_text(&app, 120, 40).contains("review only"));
    press(&mut app, "n");
    assert_eq!(app.workbook, before, "reviewing only changed the workbook");
    assert!(!app.unsaved);
    let last = (0..before.conversations.len())
        .max_by_key(|&c| before.conversations[c].at)
        .unwrap();
    assert_eq!(app.screen, Screen::Review(last));
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("nothing was created")
    );
    press(&mut app, "<Tab>");
    while app.review.reference != mentorbook::report::Section::Agenda {
        press(&mut app, "]");
    }
    let shown = screen_text(&app, 160, 50);
    assert!(shown.contains("Suggested for"), "{shown}");
    assert!(
        shown.contains("Carried over: Send Ben my next summary draft"),
        "{shown}"
    );
    assert_eq!(app.workbook, before);
    // Out, and in again saying yes: today's conversation is started.
    press(&mut app, "<Esc>R");
    press(&mut app, "y");
    let Screen::Review(c) = app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(
        app.workbook.conversations.len(),
        before.conversations.len() + 1
    );
    assert_eq!(
        app.workbook.conversations[c].at.date_naive(),
        fixed_now().date_naive()
    );
}

/// After a call, the agenda looks ahead: a conversation held today (notes written) is over,
/// so `show agenda` previews the next one's suggested agenda, carrying what the call left
/// open; before it is held it shows that conversation's own agenda. Showing it leaves every
/// file byte for byte as it was.
#[test]
fn show_agenda_previews_the_next_one_after_a_call_and_changes_no_file() {
    let mut app = app_at(Screen::Home);
    press(&mut app, "Ry");
    let Screen::Review(c) = app.screen else {
        panic!("{:?}", app.screen)
    };
    let agenda = |wb: &Workbook| {
        mentorbook::cli::show_text(
            wb,
            mentorbook::report::Section::Agenda,
            false,
            fixed_now(),
            false,
        )
    };
    let before_call = agenda(&app.workbook);
    assert!(
        before_call.contains("check-in conversation, 2026-11-24"),
        "{before_call}"
    );
    app.workbook.conversations[c].notes = "We talked it all through.".into();
    app.workbook.conversations[c]
        .commitments
        .push(mentorbook::model::Commitment {
            text: "Book the December room".into(),
            ..Default::default()
        });
    let after_call = agenda(&app.workbook);
    assert!(
        !after_call.contains("check-in conversation, 2026-11-24"),
        "{after_call}"
    );
    assert!(after_call.contains("Suggested for"), "{after_call}");
    assert!(
        after_call.contains("Carried over: Book the December room (mentee)"),
        "{after_call}"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workbook.json");
    let (mut store, _) = mentorbook::store::Store::open(&file).unwrap();
    store.save(&app.workbook, fixed_now()).unwrap();
    drop(store);
    let bytes = |p: &std::path::Path| {
        let mut all: Vec<(std::path::PathBuf, Vec<u8>)> = Vec::new();
        for d in [
            p.parent().unwrap().to_path_buf(),
            mentorbook::store::parts_dir(p),
        ] {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                if e.path().is_file() {
                    all.push((e.path(), std::fs::read(e.path()).unwrap()));
                }
            }
        }
        all.sort();
        all
    };
    let before = bytes(&file);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(["show", "agenda", "--file"])
        .arg(&file)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Suggested for"));
    assert_eq!(bytes(&file), before, "show agenda changed a file");
}
