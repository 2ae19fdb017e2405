//! The planning core as a user drives it: brainstorm candidates become goals, the cap of three
//! active goals asks which one makes room, steps wait for each other, and every screen and
//! mode of it is snapshotted at 80x24 and 120x40.

mod common;

use common::{focus, press, saved_app_at as at};
use mentorbook::app::App;
use mentorbook::field::{Field, GoalPart, ListKind};
use mentorbook::model::{GoalStatus, MeasureKind, Owner, StepStatus, Workbook};
use mentorbook::msg::Effect;
use mentorbook::nav::Exercise;
use mentorbook::nav::{Confirm, Mode, PickWhat, Record, Screen, Target};

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), common::body(app, w, h));
    }
}

/// Moves the focus onto `target` (it must be on the screen).

// ---- flows ----

#[test]
fn a_candidate_becomes_a_linked_draft_goal_once() {
    let mut app = at(Screen::Exercise(Exercise::Brainstorm));
    focus(&mut app, Target::Field(Field::Candidate(1)));
    assert_eq!(press(&mut app, "g"), Some(Effect::Save));
    let g = app.workbook.goals.len() - 1;
    assert_eq!(app.screen, Screen::Goal(g));
    let goal = &app.workbook.goals[g];
    assert_eq!(goal.title, "Give feedback early");
    assert_eq!(goal.status, GoalStatus::Draft);
    assert_eq!(
        goal.candidate,
        Some(app.workbook.brainstorm.candidates[1].id)
    );
    assert_eq!(app.workbook.brainstorm.candidates[1].goal, Some(goal.id));
    // Again from the brainstorm: the same goal opens, no copy is made.
    press(&mut app, "<Esc>6");
    focus(&mut app, Target::Field(Field::Candidate(1)));
    press(&mut app, "g");
    assert_eq!(app.screen, Screen::Goal(g));
    assert_eq!(app.workbook.goals.len(), g + 1);
}

#[test]
fn candidates_reorder_and_their_priorities_follow() {
    let mut app = at(Screen::Exercise(Exercise::Brainstorm));
    focus(&mut app, Target::Field(Field::Candidate(2)));
    press(&mut app, "K");
    let c = &app.workbook.brainstorm.candidates;
    assert_eq!(c[1].text, "Meet the other leads");
    assert_eq!((c[0].priority, c[1].priority, c[2].priority), (1, 2, 3));
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Field(Field::Candidate(1)))
    );
    press(&mut app, "JJJ");
    assert_eq!(
        app.workbook.brainstorm.candidates[2].text,
        "Meet the other leads"
    );
}

#[test]
fn a_fourth_active_goal_asks_which_one_makes_room() {
    let mut app = at(Screen::Exercise(Exercise::Goals));
    // Two active in the sample; activate the paused one, then a new one.
    focus(&mut app, Target::Open(Screen::Goal(2)));
    press(&mut app, "s");
    assert!(matches!(app.mode, Mode::Pick(p) if p.what == PickWhat::Status(2)));
    press(&mut app, "k<Enter>");
    assert_eq!(app.workbook.goals[2].status, GoalStatus::Active);
    assert_eq!(app.workbook.active_goals(), 3);

    press(&mut app, "j");
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Add(ListKind::Goals))
    );
    press(&mut app, "<Enter>Speak at the guild<Esc><Esc>");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Goals));
    focus(&mut app, Target::Open(Screen::Goal(3)));
    press(&mut app, "sj<Enter>");
    assert!(
        matches!(app.mode, Mode::Pick(p) if p.what == PickWhat::MakeRoom(3)),
        "{:?}",
        app.mode
    );
    assert_eq!(app.workbook.goals[3].status, GoalStatus::Draft, "not yet");
    // Esc leaves everything as it was.
    press(&mut app, "<Esc>");
    assert!(matches!(app.mode, Mode::Browse));
    assert_eq!(app.workbook.active_goals(), 3);
    // Finish the second active goal to make room.
    press(&mut app, "sj<Enter>jf");
    assert_eq!(app.workbook.goals[1].status, GoalStatus::Achieved);
    assert_eq!(app.workbook.goals[3].status, GoalStatus::Active);
    assert_eq!(app.workbook.active_goals(), 3);
    assert!(app.notice.as_deref().unwrap().contains("achieved now"));
}

#[test]
fn a_new_goal_left_without_a_name_disappears() {
    let mut app = at(Screen::Exercise(Exercise::Goals));
    let before = app.workbook.goals.len();
    press(&mut app, "a");
    assert_eq!(app.screen, Screen::Goal(before));
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Goals));
    assert_eq!(app.workbook.goals.len(), before);
}

#[test]
fn deleting_a_goal_asks_and_clears_its_candidate_link() {
    let mut app = at(Screen::Exercise(Exercise::Goals));
    press(&mut app, "d");
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::DeleteRecord(Record::Goal(0)))
    ));
    press(&mut app, "n");
    assert_eq!(app.workbook.goals.len(), 3);
    press(&mut app, "dy");
    assert_eq!(app.workbook.goals.len(), 2);
    assert_eq!(app.workbook.brainstorm.candidates[0].goal, None);
    assert_eq!(app.workbook.goals[0].priority, 1, "priorities renumbered");
}

#[test]
fn a_step_cannot_be_done_before_the_steps_it_waits_for() {
    let mut app = at(Screen::Worksheet(0));
    focus(&mut app, Target::Field(Field::Step(0, 2)));
    press(&mut app, "x");
    assert_eq!(
        app.workbook.goals[0].plan.steps[2].status,
        StepStatus::Doing
    );
    press(&mut app, "x");
    assert_eq!(
        app.notice.as_deref(),
        Some("Step 3 waits for step 2 to be done first.")
    );
    assert_eq!(
        app.workbook.goals[0].plan.steps[2].status,
        StepStatus::Doing
    );
    focus(&mut app, Target::Field(Field::Step(0, 1)));
    press(&mut app, "x");
    focus(&mut app, Target::Field(Field::Step(0, 2)));
    press(&mut app, "x");
    assert_eq!(app.workbook.goals[0].plan.steps[2].status, StepStatus::Done);
}

#[test]
fn a_step_gets_a_due_date_an_owner_and_what_it_waits_for() {
    let mut app = at(Screen::Worksheet(0));
    focus(&mut app, Target::Add(ListKind::Steps(0)));
    press(&mut app, "<Enter>Write the agenda template<Enter><Esc>");
    let plan = &app.workbook.goals[0].plan;
    assert_eq!(plan.steps.len(), 5, "the empty follow-up step went away");
    focus(&mut app, Target::Field(Field::Step(0, 4)));
    press(&mut app, "tfri<Enter>");
    assert_eq!(
        app.workbook.goals[0].plan.steps[4].due,
        Some("2026-11-27".parse().unwrap()),
        "the Friday after Tuesday 24 November"
    );
    press(&mut app, "tsoon<Enter>");
    assert!(matches!(&app.mode, Mode::Edit(e) if e.field() == Some(Field::StepDue(0, 4))));
    assert!(app.notice.as_deref().unwrap().contains("not a date"));
    press(&mut app, "<C-a><C-k>+1w<Esc>");
    assert_eq!(
        app.workbook.goals[0].plan.steps[4].due,
        Some("2026-12-01".parse().unwrap())
    );
    press(&mut app, "b5<Enter>");
    assert!(app.notice.as_deref().unwrap().contains("itself"));
    press(&mut app, "<C-a><C-k>4, 1<Enter>");
    assert_eq!(app.workbook.goals[0].plan.dependencies_text(4), "1, 4");
    press(&mut app, "oo");
    assert_eq!(app.workbook.goals[0].plan.steps[4].owner, Owner::Both);
    // Moving it first keeps the links, by id.
    press(&mut app, "KKKK");
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Field(Field::Step(0, 0)))
    );
    assert_eq!(app.workbook.goals[0].plan.dependencies_text(0), "2, 5");
}

#[test]
fn measures_milestones_and_the_outcome_only_warning() {
    let mut app = at(Screen::Goal(1));
    assert!(app.workbook.goals[1].outcome_only());
    focus(&mut app, Target::Field(Field::Measure(1, 0)));
    press(&mut app, "o");
    assert_eq!(
        app.workbook.goals[1].measures[0].kind,
        MeasureKind::Performance
    );
    focus(&mut app, Target::Add(ListKind::Milestones(1)));
    press(&mut app, "<Enter>Coffee with two leads<Enter><Esc>");
    assert_eq!(app.workbook.goals[1].milestones.len(), 1);
    press(&mut app, "k");
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Field(Field::Milestone(1, 0)))
    );
    press(&mut app, "t2026-12-18<Enter>x");
    let m = &app.workbook.goals[1].milestones[0];
    assert!(m.done);
    assert_eq!(m.date, Some("2026-12-18".parse().unwrap()));
}

#[test]
fn goal_screens_lead_down_and_esc_leads_back_up() {
    let mut app = at(Screen::Exercise(Exercise::Goals));
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Goal(0));
    press(&mut app, "w");
    assert_eq!(app.screen, Screen::Worksheet(0));
    press(&mut app, "v");
    assert_eq!(app.screen, Screen::Glance(0));
    press(&mut app, "v");
    assert_eq!(app.screen, Screen::Worksheet(0));
    press(&mut app, "r");
    assert_eq!(
        app.workbook.goals[0].plan.reviewed_on,
        Some("2026-11-24".parse().unwrap())
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Goal(0));
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Goals));
    press(&mut app, "<Esc>");
    assert_eq!(app.screen, Screen::Home);
    // w from the list opens the focused goal's worksheet directly.
    press(&mut app, "7");
    focus(&mut app, Target::Open(Screen::Goal(1)));
    press(&mut app, "w");
    assert_eq!(app.screen, Screen::Worksheet(1));
    press(&mut app, "<Tab>");
    assert_eq!(
        app.screen,
        Screen::Exercise(Exercise::Conversations),
        "Tab walks the exercises"
    );
}

#[test]
fn editing_the_title_keeps_the_goal_in_the_list() {
    let mut app = at(Screen::Goal(0));
    press(&mut app, "<Enter><C-a><C-k>Chair design reviews<Esc>");
    assert_eq!(app.workbook.goals[0].title, "Chair design reviews");
    assert_eq!(
        app.workbook.goals[0].title,
        *Field::Goal(0, GoalPart::Title).text(&app.workbook).unwrap()
    );
}

// ---- snapshots ----

#[test]
fn brainstorm_screen() {
    snap("brainstorm", &at(Screen::Exercise(Exercise::Brainstorm)));
    let mut app = at(Screen::Exercise(Exercise::Brainstorm));
    focus(&mut app, Target::Field(Field::Candidate(2)));
    snap("brainstorm_candidates", &app);
}

#[test]
fn goals_screen() {
    snap("goals", &at(Screen::Exercise(Exercise::Goals)));
    let mut empty = App::new(Workbook::default());
    empty.screen = Screen::Exercise(Exercise::Goals);
    snap("goals_empty", &empty);
}

#[test]
fn goal_screen() {
    snap("goal", &at(Screen::Goal(0)));
    let mut app = at(Screen::Goal(1));
    focus(&mut app, Target::Field(Field::Measure(1, 0)));
    snap("goal_warnings", &app);
    let mut help = at(Screen::Goal(0));
    press(&mut help, "?");
    snap("goal_help", &help);
}

#[test]
fn worksheet_screen() {
    let mut app = at(Screen::Worksheet(0));
    focus(&mut app, Target::Field(Field::Step(0, 3)));
    snap("worksheet", &app);
    press(&mut app, "t");
    snap("worksheet_edit_due", &app);
    let mut app = at(Screen::Worksheet(0));
    focus(&mut app, Target::Field(Field::Step(0, 2)));
    press(&mut app, "xx");
    snap("worksheet_blocked_step", &app);
    let mut help = at(Screen::Worksheet(0));
    press(&mut help, "?");
    snap("worksheet_help", &help);
}

#[test]
fn glance_screen() {
    snap("glance", &at(Screen::Glance(0)));
}

#[test]
fn pickers_and_confirmations() {
    let mut app = at(Screen::Exercise(Exercise::Goals));
    press(&mut app, "s");
    snap("goals_pick_status", &app);
    let mut app = at(Screen::Exercise(Exercise::Goals));
    app.workbook.goals[2].status = GoalStatus::Active;
    press(&mut app, "a");
    press(&mut app, "Speak at the guild<Esc><Esc>");
    focus(&mut app, Target::Open(Screen::Goal(3)));
    press(&mut app, "sj<Enter>");
    snap("goals_make_room", &app);
    let mut app = at(Screen::Exercise(Exercise::Goals));
    press(&mut app, "d");
    snap("goals_confirm_delete", &app);
}

#[test]
fn a_goal_page_opens_at_its_top_but_coming_back_up_keeps_the_place() {
    let mut app = at(Screen::Exercise(Exercise::Goals));
    press(&mut app, "<Enter>jjjj");
    let deep = mentorbook::screens::focus(&app);
    assert!(deep > 0);
    press(&mut app, "w<Esc>");
    assert_eq!(app.screen, Screen::Goal(0));
    assert_eq!(
        mentorbook::screens::focus(&app),
        deep,
        "back from the worksheet: same place"
    );
    press(&mut app, "<Esc>j<Enter>");
    assert_eq!(app.screen, Screen::Goal(1));
    assert_eq!(
        mentorbook::screens::focus(&app),
        0,
        "another goal starts at the top"
    );
    press(&mut app, "jjj<Esc><Esc>6");
    focus(&mut app, Target::Field(Field::Candidate(1)));
    press(&mut app, "g");
    assert_eq!(
        mentorbook::screens::focus(&app),
        0,
        "a promoted goal starts at the top too"
    );
}

/// A milestone gets an id when it is added (for its calendar event); one from an older file
/// has none and is saved back without one.
#[test]
fn new_milestones_get_ids_and_old_ones_save_back_unchanged() {
    let mut app = common::app_at(Screen::Goal(1));
    let before = app.workbook.next_id;
    common::focus(&mut app, Target::Add(ListKind::Milestones(1)));
    common::press(&mut app, "<Enter>Meet two leads<Esc>");
    let m = app.workbook.goals[1].milestones.last().unwrap();
    assert_eq!(m.text, "Meet two leads");
    assert_eq!(m.id, before + 1);
    assert!(
        app.workbook.problems().is_empty(),
        "{:?}",
        app.workbook.problems()
    );
    // The sample's milestones have no id, and none is written for them.
    let json = String::from_utf8(mentorbook::store::encode_data(&common::fixture())).unwrap();
    let goal = &json[json.find("Shadow two reviews").unwrap() - 80..];
    assert!(!goal[..120].contains("\"id\""), "{}", &goal[..120]);
}
