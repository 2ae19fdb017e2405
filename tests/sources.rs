//! The workbook as its sources mean it (issue 18): the arc of awareness, exploration and
//! preparation; the career context; the frameworks' prompts and ticks; goals, wins and the
//! people of a relationship. Flows through the state machine, and snapshots at 80x24 and
//! 120x40.

mod common;

use common::{fixed_now, focus, press};
use mentorbook::app::App;
use mentorbook::field::{ArcPart, CareerPart, Choice, Field};
use mentorbook::model::{CareerState, Change, Conversation, ConversationKind, Sign, Workbook};
use mentorbook::nav::{Confirm, Exercise, Mode, Screen, Target};

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), common::body(app, w, h));
    }
}

/// A workbook with conversations of these kinds, a day apart, on the first one's page.
fn with_conversations(kinds: &[ConversationKind]) -> App {
    let mut wb = Workbook::default();
    wb.mentee = "Ana".into();
    wb.mentor = "Bo".into();
    for (k, kind) in kinds.iter().enumerate() {
        wb.conversations.push(Conversation {
            id: 100 + k as u64,
            at: fixed_now().fixed_offset() + chrono::Duration::days(k as i64),
            kind: *kind,
            ..Conversation::default()
        });
    }
    let mut app = App::new(wb);
    app.today = fixed_now().date_naive();
    app.screen = Screen::Conversation(0);
    app
}

/// Opens the kind picker on conversation `c` and picks `kind`.
fn pick_kind(app: &mut App, c: usize, kind: ConversationKind) {
    app.screen = Screen::Conversation(c);
    focus(app, Target::Choice(Choice::ConvKind(c)));
    press(app, "<Enter>");
    let Mode::Pick(p) = &mut app.mode else {
        panic!("no picker: {:?}", app.mode)
    };
    p.selected = ConversationKind::ALL.iter().position(|k| *k == kind).unwrap();
    press(app, "<Enter>");
}

// ---- the arc: awareness, exploration, preparation (seed 000) ----

#[test]
fn exploring_before_any_awareness_is_asked_explained_and_recorded() {
    let mut app = with_conversations(&[ConversationKind::Goal]);
    pick_kind(&mut app, 0, ConversationKind::Exploration);
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::ArcOrder(0, ConversationKind::Exploration))
    ));
    let asked = common::screen_text(&app, 120, 40);
    assert!(
        asked.contains("No awareness conversation is recorded yet") && asked.contains("trust"),
        "the question says why the order matters:\n{asked}"
    );
    press(&mut app, "n");
    assert_eq!(app.workbook.conversations[0].kind, ConversationKind::Goal);
    pick_kind(&mut app, 0, ConversationKind::Exploration);
    press(&mut app, "y");
    let conv = &app.workbook.conversations[0];
    assert_eq!(conv.kind, ConversationKind::Exploration);
    assert!(conv.arc.out_of_order, "the override is recorded");
    let page = common::body(&app, 120, 40);
    assert!(page.contains("Held before any awareness conversation, on purpose."));
    // Back in order: the note goes.
    pick_kind(&mut app, 0, ConversationKind::Goal);
    assert!(!app.workbook.conversations[0].arc.out_of_order);
}

#[test]
fn in_order_the_arc_asks_nothing_and_preparation_needs_exploration() {
    let mut app = with_conversations(&[
        ConversationKind::Awareness,
        ConversationKind::Goal,
        ConversationKind::Goal,
    ]);
    pick_kind(&mut app, 1, ConversationKind::Exploration);
    assert!(matches!(app.mode, Mode::Browse), "awareness came first");
    assert_eq!(
        app.workbook.conversations[1].kind,
        ConversationKind::Exploration
    );
    pick_kind(&mut app, 2, ConversationKind::Preparation);
    assert!(matches!(app.mode, Mode::Browse), "exploration came first");
    // Without the exploration, preparation is asked about.
    pick_kind(&mut app, 1, ConversationKind::Goal);
    pick_kind(&mut app, 2, ConversationKind::Goal);
    pick_kind(&mut app, 2, ConversationKind::Preparation);
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::ArcOrder(2, ConversationKind::Preparation))
    ));
    assert!(common::screen_text(&app, 120, 40).contains("No exploration conversation"));
}

#[test]
fn each_kind_of_the_arc_records_its_own_and_the_direction_travels() {
    let mut app = with_conversations(&[
        ConversationKind::Awareness,
        ConversationKind::Exploration,
        ConversationKind::Preparation,
    ]);
    let targets = mentorbook::screens::focus_targets(&app);
    assert!(targets.contains(&Target::Field(Field::Arc(0, ArcPart::CommonGround))));
    assert!(!targets.contains(&Target::Field(Field::Arc(0, ArcPart::Options))));
    common::go_to(&mut app, Field::Arc(0, ArcPart::CommonGround));
    press(&mut app, "<Enter>both ran marathons<Esc>");
    assert_eq!(
        app.workbook.conversations[0].arc.common_ground,
        "both ran marathons"
    );
    // Preparation without a chosen direction says so.
    app.screen = Screen::Conversation(2);
    assert!(common::body(&app, 120, 40).contains("No direction is chosen yet"));
    // The exploration's decision.
    common::go_to(&mut app, Field::Arc(1, ArcPart::Options));
    press(&mut app, "<Enter>team lead<Enter>architect<Esc>");
    common::go_to(&mut app, Field::Arc(1, ArcPart::Direction));
    press(&mut app, "<Enter>Team lead<Enter>");
    common::go_to(&mut app, Field::Arc(1, ArcPart::DirectionWhy));
    press(&mut app, "<Enter>I like growing people<Esc>");
    app.screen = Screen::Conversation(2);
    let prep = common::body(&app, 120, 40);
    assert!(prep.contains("Heading for: Team lead"), "{prep}");
    app.screen = Screen::Exercise(Exercise::Plan);
    let plan = common::body(&app, 120, 40);
    assert!(plan.contains("Team lead (why: I like growing people)"), "{plan}");
    // Minutes carry what the arc recorded.
    let minutes = mentorbook::report::markdown(&mentorbook::screens::minutes_document(
        &app.workbook,
        &app.workbook.conversations[1],
    ));
    assert!(minutes.contains("Direction chosen") && minutes.contains("Team lead"));
}

#[test]
fn preparation_signs_and_commitment_are_ticked_with_x() {
    let mut app = with_conversations(&[
        ConversationKind::Exploration,
        ConversationKind::Preparation,
    ]);
    app.screen = Screen::Conversation(1);
    focus(&mut app, Target::Choice(Choice::Sign(1, 2)));
    press(&mut app, "x");
    focus(&mut app, Target::Choice(Choice::Sign(1, 0)));
    press(&mut app, "x");
    focus(&mut app, Target::Choice(Choice::Committed(1)));
    let before = common::body(&app, 120, 40);
    assert!(before.contains("Intending is not yet preparing"));
    press(&mut app, "x");
    let arc = &app.workbook.conversations[1].arc;
    assert_eq!(arc.signs, vec![Sign::EstimateEffort, Sign::WeighOptions]);
    assert!(arc.committed);
    let after = common::body(&app, 120, 40);
    assert!(after.contains("[x] committed") && !after.contains("Intending is not yet"));
    press(&mut app, "x");
    assert!(!app.workbook.conversations[1].arc.committed);
    // The signs in words, in the minutes.
    press(&mut app, "x");
    let minutes = mentorbook::report::markdown(&mentorbook::screens::minutes_document(
        &app.workbook,
        &app.workbook.conversations[1],
    ));
    assert!(minutes.contains("I want to size the time and effort a goal takes"));
    assert!(minutes.contains("committed"));
}

#[test]
fn the_career_context_is_chosen_and_written_on_the_plan() {
    let mut app = App::new(Workbook::default());
    press(&mut app, "4");
    focus(&mut app, Target::Choice(Choice::CareerChange));
    press(&mut app, "<Enter><Enter>");
    assert_eq!(
        app.workbook.mentoring_plan.career.change,
        Some(Change::OtherOrganisation)
    );
    focus(&mut app, Target::Choice(Choice::CareerState));
    press(&mut app, "<Enter>");
    assert_eq!(
        app.workbook.mentoring_plan.career.state,
        Some(CareerState::NoIdeaYet)
    );
    common::go_to(&mut app, Field::Career(CareerPart::LeadingOthers));
    press(&mut app, "<Enter>Delegating, not doing<Esc>");
    let page = common::body(&app, 120, 40);
    assert!(page.contains("move to another organisation"));
    assert!(page.contains("no idea yet: we design a path together"));
    snap("plan_career", &app);
}

#[test]
fn arc_pages() {
    let mut app = with_conversations(&[
        ConversationKind::Awareness,
        ConversationKind::Exploration,
        ConversationKind::Preparation,
    ]);
    app.workbook.conversations[1].arc.direction = "Team lead".into();
    app.workbook.conversations[2].arc.signs = vec![Sign::RehearseSkills];
    for c in 0..3 {
        app.screen = Screen::Conversation(c);
        let first = mentorbook::screens::focus_targets(&app)
            .into_iter()
            .find(|t| matches!(t, Target::Field(Field::Arc(..)) | Target::Choice(Choice::Sign(..))))
            .unwrap();
        focus(&mut app, first);
        snap(&format!("arc_{c}"), &app);
    }
}
