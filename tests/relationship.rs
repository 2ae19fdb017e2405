//! The relationship exercises through the state machine: role switch, choices, dates,
//! the mentoring plan's topics, closure checks and the lifecycle's soft gate.

mod common;

use chrono::NaiveDate;
use common::{app_at, focus, press};
use mentorbook::app::App;
use mentorbook::field::{AgreementPart, Choice, Field, ProspectPart};
use mentorbook::model::{Fit, Phase, PlanArea, Role, Workbook};
use mentorbook::msg::Effect;
use mentorbook::nav::Exercise;
use mentorbook::nav::{Mode, Screen, Target};

fn today() -> NaiveDate {
    common::fixed_now().date_naive()
}

#[test]
fn the_role_is_switched_on_the_overview_and_changes_the_prompts() {
    let mut app = app_at(Screen::Home);
    focus(&mut app, Target::Choice(Choice::Role));
    press(&mut app, "2");
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Field(Field::Prospect(
            ProspectPart::LearnWhatAndWhy
        )))
    );
    // Back on the overview the focus is still on the role.
    assert_eq!(press(&mut app, "<Esc><Enter>"), Some(Effect::Save));
    assert_eq!(app.workbook.role, Role::Mentor);
    press(&mut app, "2");
    let targets = mentorbook::screens::focus_targets(&app);
    assert_eq!(
        targets[0],
        Target::Field(Field::Prospect(ProspectPart::MenteeMotivations))
    );
    assert_eq!(
        targets[1],
        Target::Choice(Choice::MentorFit),
        "a mentor's own decision comes first"
    );
    assert!(!targets.contains(&Target::Field(Field::Prospect(
        ProspectPart::LearnWhatAndWhy
    ))));
}

#[test]
fn enter_moves_a_fit_decision_through_its_options() {
    let mut app = App::new(Workbook::default());
    press(&mut app, "2");
    focus(&mut app, Target::Choice(Choice::MenteeFit));
    press(&mut app, "<Enter>");
    assert_eq!(app.workbook.prospect.mentee_fit.verdict, Some(Fit::Good));
    press(&mut app, "<Enter><Enter><Enter>");
    assert_eq!(
        app.workbook.prospect.mentee_fit.verdict, None,
        "round again to undecided"
    );
}

#[test]
fn a_date_that_does_not_parse_keeps_the_editor_open_and_loses_nothing() {
    let mut app = app_at(Screen::Exercise(Exercise::Agreement));
    let agreed = Field::Agreement(AgreementPart::AgreedOn);
    let i = mentorbook::screens::focus_targets(&app)
        .iter()
        .position(|t| *t == Target::Field(agreed))
        .unwrap();
    mentorbook::screens::set_focus(&mut app, i);
    press(&mut app, "<Enter><C-a><C-k>the 3rd");
    assert_eq!(press(&mut app, "<Esc>"), None);
    match &app.mode {
        Mode::Edit(e) => {
            assert_eq!(e.text(), "the 3rd", "what was typed is still there");
            assert!(e.error.as_deref().unwrap().contains("is not a date"));
        }
        other => panic!("left the editor: {other:?}"),
    }
    assert_eq!(
        app.workbook.agreement.agreed_on,
        NaiveDate::from_ymd_opt(2026, 9, 3),
        "unchanged"
    );
    press(&mut app, "<C-a><C-k>");
    assert!(
        matches!(&app.mode, Mode::Edit(e) if e.error.is_none()),
        "typing clears the error"
    );
    assert_eq!(press(&mut app, "tomorrow<Enter>"), Some(Effect::Save));
    assert_eq!(app.workbook.agreement.agreed_on, today().succ_opt());
    assert!(matches!(app.mode, Mode::Browse));
}

#[test]
fn check_in_cadence_accepts_weeks_and_months() {
    let mut app = App::new(Workbook::default());
    press(&mut app, "3");
    focus(
        &mut app,
        Target::Field(Field::Agreement(AgreementPart::CheckInEvery)),
    );
    press(&mut app, "<Enter>2w<Enter>");
    assert_eq!(app.workbook.agreement.check_in_every_days, Some(14));
}

#[test]
fn r_records_a_review_today() {
    let mut app = app_at(Screen::Exercise(Exercise::Agreement));
    assert_eq!(press(&mut app, "r"), Some(Effect::Save));
    assert_eq!(app.workbook.agreement.reviewed_on, Some(today()));
    assert!(app.notice.as_deref().unwrap().contains("reviewed today"));
}

#[test]
fn plan_topics_are_added_per_area_and_flagged() {
    let mut app = App::new(Workbook::default());
    press(&mut app, "4");
    focus(
        &mut app,
        Target::Add(mentorbook::field::ListKind::Topics(PlanArea::Workplace)),
    );
    press(
        &mut app,
        "<Enter>Manager cancels our one-to-ones<Enter>Peers<Enter><Enter>",
    );
    let topics = &app.workbook.mentoring_plan.topics;
    assert_eq!(topics.len(), 2);
    assert!(
        topics
            .iter()
            .all(|t| t.area == PlanArea::Workplace && t.private)
    );
    assert_eq!(
        mentorbook::screens::focused(&app),
        Some(Target::Add(mentorbook::field::ListKind::Topics(
            PlanArea::Workplace
        )))
    );
    press(&mut app, "kxp");
    let t = &app.workbook.mentoring_plan.topics[1];
    assert!(t.discussed && !t.private);
    press(&mut app, "<Up>ka");
    assert_eq!(
        app.workbook.mentoring_plan.topics[2].area,
        PlanArea::Development
    );
    assert!(!app.workbook.mentoring_plan.topics[2].private);
    press(&mut app, "<Esc>");
    assert_eq!(
        app.workbook.mentoring_plan.topics.len(),
        2,
        "the empty new topic went away"
    );
    press(&mut app, "k");
    assert_eq!(press(&mut app, "x"), None);
    assert!(app.notice.as_deref().unwrap().contains("topic"));
}

#[test]
fn closure_checks_tick_and_redefinition_is_decided() {
    let mut app = App::new(Workbook::default());
    press(&mut app, "9");
    focus(&mut app, Target::Choice(Choice::Check(0)));
    press(&mut app, "<Enter>");
    assert!(app.workbook.closure.accomplishments_acknowledged.done);
    press(&mut app, "<Enter>");
    assert!(
        !app.workbook.closure.accomplishments_acknowledged.done,
        "Enter unticks"
    );
    let i = mentorbook::screens::focus_targets(&app)
        .iter()
        .position(|t| *t == Target::Choice(Choice::ContinueTogether))
        .unwrap();
    mentorbook::screens::set_focus(&mut app, i);
    press(&mut app, "<Enter><Enter>");
    assert_eq!(app.workbook.closure.continue_together, Some(false));
}

#[test]
fn opening_a_later_stage_warns_but_opens() {
    let mut app = App::new(Workbook::default());
    assert_eq!(app.workbook.phase, Phase::Preparing);
    press(&mut app, "9");
    assert_eq!(app.screen, Screen::Exercise(Exercise::Closure));
    let warned = |app: &App| common::screen_text(app, 80, 24).contains("Ahead of your phase");
    assert!(warned(&app));
    press(&mut app, "<Esc>1");
    assert!(!warned(&app));
}

#[test]
fn completion_feeds_the_overview_suggestion() {
    let mut wb = Workbook {
        phase: Phase::Initiation,
        ..Workbook::default()
    };
    assert!(mentorbook::screens::next_step(&wb, true).contains("Partnership agreement"));
    wb.agreement.purpose = "x".into();
    assert!(
        mentorbook::screens::next_step(&wb, true).contains("press 3"),
        "still incomplete"
    );
}
