//! The workbook as its sources mean it (issue 18): the arc of awareness, exploration and
//! preparation; the career context; the frameworks' prompts and ticks; goals, wins and the
//! people of a relationship. Flows through the state machine, and snapshots at 80x24 and
//! 120x40.

mod common;

use common::{fixed_now, focus, press};
use mentorbook::app::App;
use mentorbook::field::{
    AgreementPart, ArcPart, CareerPart, Choice, ClosurePart, Field, GoalPart, PrepPart,
};
use mentorbook::model::{
    CareerState, Change, Conversation, ConversationKind, CoreSkill, NeedSource, PersonRole, Phase,
    PlanArea, Pledge, Shown, Sign, Support, WinKind, Workbook,
};
use mentorbook::nav::{Confirm, Exercise, Mode, PickWhat, Screen, Target};

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), common::body(app, w, h));
    }
}

/// The document of these sections, without private content, as Markdown.
fn document(app: &App, sections: &[mentorbook::report::Section]) -> String {
    let opts = mentorbook::report::Options {
        include_private: false,
        today: app.today,
    };
    mentorbook::report::markdown(&mentorbook::screens::document(
        &app.workbook,
        sections,
        opts,
    ))
}

/// Conversation `c`'s minutes, as Markdown.
fn minutes(app: &App, c: usize) -> String {
    let conv = &app.workbook.conversations[c];
    mentorbook::report::markdown(&mentorbook::screens::minutes_document(&app.workbook, conv))
}

/// A workbook with conversations of these kinds, a day apart, on the first one's page.
fn with_conversations(kinds: &[ConversationKind]) -> App {
    let mut wb = Workbook {
        mentee: "Ana".into(),
        mentor: "Bo".into(),
        ..Workbook::default()
    };
    for (k, kind) in kinds.iter().enumerate() {
        wb.conversations.push(Conversation {
            id: 100 + k as u64,
            at: fixed_now().fixed_offset() + chrono::Duration::days(k as i64),
            kind: *kind,
            ..Conversation::default()
        });
    }
    wb.next_id = 200;
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
    p.selected = ConversationKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap();
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
    let page = common::body(&app, 120, 80);
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
    assert!(
        plan.contains("Team lead (why: I like growing people)"),
        "{plan}"
    );
    // Minutes carry what the arc recorded.
    let minutes = minutes(&app, 1);
    assert!(minutes.contains("Direction chosen") && minutes.contains("Team lead"));
}

#[test]
fn preparation_signs_and_commitment_are_ticked_with_x() {
    let mut app =
        with_conversations(&[ConversationKind::Exploration, ConversationKind::Preparation]);
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
    let minutes = minutes(&app, 1);
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
            .find(|t| {
                matches!(
                    t,
                    Target::Field(Field::Arc(..)) | Target::Choice(Choice::Sign(..))
                )
            })
            .unwrap();
        focus(&mut app, first);
        snap(&format!("arc_{c}"), &app);
    }
}

// ---- the frameworks: the 4 Ps asked apart, commitments, Kram, phases, sources (seed 001) ----

#[test]
fn the_four_ps_ask_apart_and_commitments_are_ticked() {
    let mut app = with_conversations(&[ConversationKind::Goal]);
    let targets = mentorbook::screens::focus_targets(&app);
    for part in [
        PrepPart::PartnerWants,
        PrepPart::AskWork,
        PrepPart::AskRelationship,
    ] {
        assert!(
            targets.contains(&Target::Field(Field::Prep(0, part))),
            "{part:?}"
        );
    }
    common::go_to(&mut app, Field::Prep(0, PrepPart::AskWork));
    press(&mut app, "<Enter>Was the budget memo clear?<Esc>");
    common::go_to(&mut app, Field::Prep(0, PrepPart::AskRelationship));
    press(&mut app, "<Enter>Do we meet often enough?<Esc>");
    assert_eq!(
        app.workbook.conversations[0].prep.ask_work,
        "Was the budget memo clear?"
    );
    for k in [0, 3] {
        focus(&mut app, Target::Choice(Choice::Pledge(0, k)));
        press(&mut app, "x");
    }
    assert_eq!(
        app.workbook.conversations[0].prep.pledges,
        vec![Pledge::Listen, Pledge::Thank]
    );
    focus(&mut app, Target::Choice(Choice::Understood(0)));
    press(&mut app, "x");
    assert!(app.workbook.conversations[0].feedback.understood);
    let page = common::body(&app, 120, 40);
    assert!(page.contains("[x] checked with each other"), "{page}");
    // The minutes keep the two questions apart.
    let minutes = minutes(&app, 0);
    assert!(minutes.contains("Feedback to ask on the work") && minutes.contains("on us"));
    focus(&mut app, Target::Choice(Choice::Pledge(0, 0)));
    snap("four_ps_apart", &app);
}

#[test]
fn a_prospective_mentee_ticks_what_they_showed() {
    let mut app = App::new(Workbook::default());
    press(&mut app, "2");
    focus(&mut app, Target::Choice(Choice::Shown(1)));
    press(&mut app, "<Enter>");
    assert_eq!(app.workbook.prospect.shown, vec![Shown::Commitment]);
    assert!(common::body(&app, 120, 40).contains("[x] I showed I invest in my own growth"));
    snap("prospect_shown", &app);
    app.workbook.role = mentorbook::model::Role::Mentor;
    assert!(
        !mentorbook::screens::focus_targets(&app).contains(&Target::Choice(Choice::Shown(1))),
        "the mentee's own ticks"
    );
}

#[test]
fn kram_support_tags_goals_and_steps_and_the_goals_page_sums_it() {
    let mut app = App::new(Workbook::default());
    app.today = fixed_now().date_naive();
    app.workbook.add_goal();
    app.workbook.goals[0].title = "Lead the platform team".into();
    app.screen = Screen::Goal(0);
    focus(&mut app, Target::Choice(Choice::Support(0, 2)));
    press(&mut app, "<Enter>");
    assert_eq!(app.workbook.goals[0].support, vec![Support::Psychosocial]);
    app.screen = Screen::Worksheet(0);
    focus(&mut app, Target::Add(mentorbook::field::ListKind::Steps(0)));
    press(&mut app, "<Enter>Shadow a team lead<Enter><Esc>");
    common::go_to(&mut app, Field::Step(0, 0));
    press(&mut app, "uu");
    assert_eq!(
        app.workbook.goals[0].plan.steps[0].support,
        Some(Support::CareerLater)
    );
    assert!(common::body(&app, 120, 40).contains("career, long term"));
    app.screen = Screen::Exercise(Exercise::Goals);
    let list = common::body(&app, 120, 40);
    assert!(list.contains("Support this relationship gives"), "{list}");
    assert!(list.contains("Kram (1983, 1988)"));
    let doc = document(&app, &[mentorbook::report::Section::Goals]);
    assert!(
        doc.contains("Support asked (Kram)") && doc.contains("psychosocial"),
        "{doc}"
    );
    // The COREFour skills tag a goal too.
    app.screen = Screen::Goal(0);
    focus(&mut app, Target::Choice(Choice::CoreSkill(0, 2)));
    press(&mut app, "<Enter>");
    assert_eq!(app.workbook.goals[0].skills, vec![CoreSkill::Feedback]);
    assert!(common::body(&app, 120, 60).contains("[x] ask for and give objective feedback"));
    let doc = document(&app, &[mentorbook::report::Section::Goals]);
    assert!(
        doc.contains("COREFour skills") && doc.contains("Feedback"),
        "{doc}"
    );
}

#[test]
fn the_phase_is_picked_and_going_back_is_asked() {
    let mut app = App::new(Workbook::default());
    app.workbook.phase = Phase::Cultivation;
    focus(&mut app, Target::Choice(Choice::Phase));
    press(&mut app, "<Enter>");
    assert!(matches!(&app.mode, Mode::Pick(p) if p.what == PickWhat::Phase && p.selected == 2));
    snap("phase_picker", &app);
    press(&mut app, "<Down><Enter>");
    assert_eq!(
        app.workbook.phase,
        Phase::Separation,
        "forward: no question"
    );
    press(&mut app, "<Enter><Up><Up><Enter>");
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::PhaseBack(Phase::Initiation))
    ));
    let asked = common::screen_text(&app, 120, 40);
    assert!(
        asked.contains("Move back from Separation to Initiation?"),
        "{asked}"
    );
    press(&mut app, "n");
    assert_eq!(app.workbook.phase, Phase::Separation);
    press(&mut app, "<Enter><Up><Up><Enter>y");
    assert_eq!(
        app.workbook.phase,
        Phase::Initiation,
        "going back is allowed"
    );
    // `p` still moves on one phase at a time.
    press(&mut app, "p");
    assert_eq!(app.workbook.phase, Phase::Cultivation);
}

#[test]
fn sources_are_named_and_the_core_skills_have_a_template() {
    let mut app = App::new(Workbook::default());
    let home = common::body(&app, 120, 80);
    assert!(home.contains("intentional work"), "{home}");
    assert!(
        home.contains("Kram (1983, 1988)") && home.contains("Stoeger, Balestrini & Ziegler (2020)")
    );
    let four = mentorbook::model::shipped_templates()
        .into_iter()
        .find(|t| t.name == "Four core skills")
        .expect("the COREFour template");
    assert_eq!(four.text.matches('?').count(), 4);
    assert!(four.tags.contains(&"corefour".to_string()));
    press(&mut app, "0T");
    assert!(common::screen_text(&app, 120, 40).contains("Four core skills"));
}

// ---- goals and plan: deadlines, approximate targets, roadblocks (seeds 002-004) ----

fn one_goal() -> App {
    let mut app = App::new(Workbook::default());
    app.today = fixed_now().date_naive();
    app.workbook.add_goal();
    app.workbook.goals[0].title = "Give a conference talk".into();
    app.screen = Screen::Goal(0);
    app
}

#[test]
fn a_deadline_typed_in_the_past_is_questioned() {
    let mut app = one_goal();
    common::go_to(&mut app, Field::Goal(0, GoalPart::Deadline));
    press(&mut app, "<Enter>2027-03-01<Enter>");
    assert!(
        matches!(app.mode, Mode::Browse),
        "a future date is taken as it is"
    );
    press(&mut app, "<Enter><C-u>2026-01-10<Enter>");
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::PastDeadline(0, _))
    ));
    assert!(common::screen_text(&app, 120, 40).contains("2026-01-10 is already past"));
    press(&mut app, "n");
    assert_eq!(
        app.workbook.goals[0].deadline,
        chrono::NaiveDate::from_ymd_opt(2027, 3, 1),
        "n puts back the deadline before"
    );
    press(&mut app, "<Enter><C-u>2026-01-10<Enter>y");
    assert_eq!(
        app.workbook.goals[0].deadline,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 10),
        "y keeps it: an old goal recorded late"
    );
    let page = common::body(&app, 120, 40);
    assert!(page.contains("The deadline passed on 2026-01-10"), "{page}");
    app.screen = Screen::Exercise(Exercise::Goals);
    assert!(common::body(&app, 120, 40).contains("LATE 2026-01-10"));
    // Achieved: no longer late.
    app.workbook.goals[0].status = mentorbook::model::GoalStatus::Achieved;
    assert!(!common::body(&app, 120, 40).contains("LATE"));
}

#[test]
fn steps_due_after_their_goals_deadline_are_flagged() {
    let mut app = one_goal();
    let d = |m, day| chrono::NaiveDate::from_ymd_opt(2027, m, day);
    app.workbook.goals[0].deadline = d(3, 1);
    app.workbook.goals[0].plan.steps = vec![
        mentorbook::model::ActionStep {
            id: 50,
            text: "Submit the abstract".into(),
            due: d(2, 1),
            ..Default::default()
        },
        mentorbook::model::ActionStep {
            id: 51,
            text: "Rehearse".into(),
            due: d(4, 1),
            ..Default::default()
        },
    ];
    let page = common::body(&app, 120, 40);
    assert!(
        page.contains("1 open step is due after this deadline"),
        "{page}"
    );
    app.screen = Screen::Worksheet(0);
    let sheet = common::body(&app, 120, 40);
    assert_eq!(sheet.matches("LATE FOR GOAL").count(), 1, "{sheet}");
    snap("worksheet_flags", &app);
}

#[test]
fn a_target_keeps_the_words_people_use() {
    let mut app = one_goal();
    common::go_to(&mut app, Field::Goal(0, GoalPart::TargetWords));
    press(&mut app, "<Enter>before the annual review<Enter>");
    assert_eq!(
        app.workbook.goals[0].deadline_words,
        "before the annual review"
    );
    assert_eq!(app.workbook.goals[0].deadline, None, "no date is made up");
    assert_eq!(
        app.workbook.goals[0].target_text(),
        "before the annual review"
    );
    app.workbook.goals[0].deadline = chrono::NaiveDate::from_ymd_opt(2027, 4, 1);
    assert_eq!(
        app.workbook.goals[0].target_text(),
        "before the annual review (2027-04-01)"
    );
    focus(&mut app, Target::Choice(Choice::Support(0, 0)));
    snap("goal_target_and_support", &app);
}

#[test]
fn roadblocks_met_are_logged_beside_the_pitfalls() {
    let mut app = one_goal();
    common::go_to(&mut app, Field::Goal(0, GoalPart::RoadblocksMet));
    assert_eq!(app.screen, Screen::Worksheet(0));
    press(
        &mut app,
        "<Enter>2026-11-02 the venue moved the deadline<Esc>",
    );
    let doc = document(&app, &[mentorbook::report::Section::Plan]);
    assert!(
        doc.contains("Roadblocks met") && doc.contains("the venue moved"),
        "{doc}"
    );
}

// ---- wins and outputs ----

#[test]
fn wins_are_logged_with_kind_date_evidence_and_goal_and_closure_celebrates_them() {
    let mut app = one_goal();
    app.screen = Screen::Exercise(Exercise::Goals);
    focus(&mut app, Target::Add(mentorbook::field::ListKind::Wins));
    press(&mut app, "<Enter>Talk at RustConf<Enter><Esc>");
    assert_eq!(app.workbook.wins.len(), 1);
    let id = app.workbook.wins[0].id;
    assert!(id != 0, "a win has an id, for merges");
    common::go_to(&mut app, Field::Win(0));
    press(&mut app, "o");
    press(&mut app, "t2026-11-20<Enter>");
    press(&mut app, "ehttps://example.org/talk<Enter>");
    press(&mut app, "l");
    let w = &app.workbook.wins[0];
    assert_eq!(
        w.kind,
        WinKind::Promotion,
        "o moves the kind on from deliverable"
    );
    assert_eq!(w.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 20));
    assert_eq!(w.evidence, "https://example.org/talk");
    assert_eq!(w.goal, Some(app.workbook.goals[0].id));
    press(&mut app, "oo");
    assert_eq!(app.workbook.wins[0].kind, WinKind::Talk, "round again");
    let list = common::body(&app, 120, 40);
    assert!(
        list.contains("talk · 2026-11-20 · → Give a conference talk · evidence:"),
        "{list}"
    );
    snap("goals_with_wins", &app);
    // Closure celebrates them; the documents list them.
    app.screen = Screen::Exercise(Exercise::Closure);
    let closure = common::body(&app, 120, 80);
    assert!(
        closure.contains("★ Talk at RustConf (talk, 2026-11-20)"),
        "{closure}"
    );
    let doc = document(
        &app,
        &[
            mentorbook::report::Section::Goals,
            mentorbook::report::Section::Closure,
        ],
    );
    assert!(doc.contains("Wins along the way"), "{doc}");
    assert!(
        doc.contains("| Talk at RustConf | talk | 2026-11-20 | Give a conference talk |"),
        "{doc}"
    );
    // A goal removed takes the link with it, not the win.
    app.workbook.remove_goal(0);
    assert_eq!(app.workbook.wins[0].goal, None);
    assert!(app.workbook.problems().is_empty());
    // Deleting a written win asks.
    app.screen = Screen::Exercise(Exercise::Goals);
    focus(&mut app, Target::Field(Field::Win(0)));
    press(&mut app, "d");
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::Delete(Field::Win(0)))
    ));
    press(&mut app, "y");
    assert!(app.workbook.wins.is_empty());
}

#[test]
fn closure_points_to_the_wins_while_there_are_none() {
    let mut app = App::new(Workbook::default());
    app.screen = Screen::Exercise(Exercise::Closure);
    assert!(common::body(&app, 120, 80).contains("No win logged yet"));
}

// ---- the agreement's programme frame; open items carried with their meeting ----

#[test]
fn a_programme_frame_fits_in_the_agreement_and_its_dates_reach_the_calendar() {
    let mut app = App::new(Workbook::default());
    app.today = fixed_now().date_naive();
    for (part, typed) in [
        (AgreementPart::Programme, "Women in Tech 2027"),
        (AgreementPart::ProgrammeEnds, "2027-06-30"),
        (AgreementPart::ReevaluateOn, "2027-02-15"),
        (AgreementPart::Mandatory, "Kick-off and closing events"),
        (AgreementPart::TimeCommitment, "2 hours a month"),
        (
            AgreementPart::NoFaultExit,
            "Either of us tells the coordinator",
        ),
        (AgreementPart::SignedBy, "Ana, Ben and the coordinator"),
    ] {
        common::go_to(&mut app, Field::Agreement(part));
        press(&mut app, &format!("<Enter>{typed}<Esc>"));
        assert!(
            matches!(app.mode, Mode::Browse),
            "{part:?}: {:?}",
            app.notice
        );
    }
    let a = &app.workbook.agreement;
    assert_eq!(a.programme, "Women in Tech 2027");
    assert_eq!(
        a.programme_ends,
        chrono::NaiveDate::from_ymd_opt(2027, 6, 30)
    );
    let doc = document(&app, &[mentorbook::report::Section::Agreement]);
    assert!(doc.contains("Either of us tells the coordinator"), "{doc}");
    let dates = mentorbook::report::calendar::dates(&app.workbook);
    let kinds: Vec<&str> = dates.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(kinds, ["Re-evaluate the partnership", "The programme ends"]);
    common::go_to(&mut app, Field::Agreement(AgreementPart::Programme));
    snap("agreement_programme", &app);
}

#[test]
fn open_items_carried_over_name_the_meeting_they_came_from() {
    let mut app = with_conversations(&[ConversationKind::Goal]);
    app.workbook.conversations[0].at = fixed_now().fixed_offset() - chrono::Duration::days(14);
    app.workbook.conversations[0]
        .agenda
        .push(mentorbook::model::AgendaItem {
            id: 300,
            text: "Budget question".into(),
            ..Default::default()
        });
    app.workbook.conversations[0]
        .commitments
        .push(mentorbook::model::Commitment {
            id: 301,
            text: "Send the draft".into(),
            ..Default::default()
        });
    mentorbook::screens::new_conversation(&mut app, fixed_now());
    let Screen::Conversation(c) = app.screen else {
        panic!()
    };
    let agenda = &app.workbook.conversations[c].agenda;
    let carried: Vec<_> = agenda.iter().filter(|a| a.from == Some(100)).collect();
    assert_eq!(carried.len(), 2, "{agenda:?}");
    common::focus(&mut app, Target::Field(Field::Agenda(c, 0)));
    let page = common::body(&app, 120, 40);
    assert_eq!(
        page.matches("from the 2026-11-10 meeting").count(),
        2,
        "{page}"
    );
    snap("agenda_carried", &app);
    // The earlier meeting deleted: the items keep their words, the link goes.
    mentorbook::screens::delete_record(&mut app, mentorbook::nav::Record::Conversation(0));
    assert!(
        app.workbook.conversations[0]
            .agenda
            .iter()
            .all(|a| a.from.is_none())
    );
    assert!(
        app.workbook.problems().is_empty(),
        "{:?}",
        app.workbook.problems()
    );
}

// ---- development needs: the gap analysis, and goals that serve them ----

#[test]
fn a_development_need_is_analysed_and_goals_tick_the_needs_they_serve() {
    let mut app = one_goal();
    app.screen = Screen::Exercise(Exercise::Plan);
    focus(
        &mut app,
        Target::Add(mentorbook::field::ListKind::Topics(PlanArea::Development)),
    );
    press(&mut app, "<Enter>Public speaking<Enter><Esc>");
    let i = app.workbook.mentoring_plan.topics.len() - 1;
    focus(&mut app, Target::Choice(Choice::TopicSource(i)));
    press(&mut app, "<Enter><Enter>");
    common::go_to(&mut app, Field::TopicEvidence(i));
    press(
        &mut app,
        "<Enter>The lead role asks for conference talks<Enter>",
    );
    common::go_to(&mut app, Field::TopicHelp(i));
    press(&mut app, "<Enter>Dry runs with Ben's team<Enter>");
    let t = &app.workbook.mentoring_plan.topics[i];
    assert_eq!(t.source, Some(NeedSource::JobDescription));
    assert_eq!(t.mentor_help, "Dry runs with Ben's team");
    snap("plan_gap_analysis", &app);
    let doc = document(&app, &[mentorbook::report::Section::Topics]);
    assert!(
        doc.contains("| Public speaking | a job description I aim for | The lead role asks for conference talks | Dry runs with Ben's team |"),
        "{doc}"
    );
    // The goal ticks the need it serves.
    app.screen = Screen::Goal(0);
    focus(&mut app, Target::Choice(Choice::GoalNeed(0, i)));
    press(&mut app, "<Enter>");
    let id = app.workbook.mentoring_plan.topics[i].id;
    assert_eq!(app.workbook.goals[0].needs, vec![id]);
    assert!(common::body(&app, 120, 40).contains("[x] Public speaking"));
    let goals = document(&app, &[mentorbook::report::Section::Goals]);
    assert!(goals.contains("Serves the development needs") && goals.contains("Public speaking"));
    // Deleting the need unlinks it from the goal.
    app.screen = Screen::Exercise(Exercise::Plan);
    focus(&mut app, Target::Field(Field::Topic(i)));
    press(&mut app, "dy");
    assert!(app.workbook.goals[0].needs.is_empty());
    assert!(app.workbook.problems().is_empty());
}

// ---- tips, and paying it forward as a plan ----

#[test]
fn a_mentee_finds_tips_and_plans_paying_it_forward() {
    let mut app = App::new(Workbook::default());
    let home = common::body(&app, 120, 80);
    assert!(
        home.contains("Tips for mentees") && home.contains("Drive it"),
        "{home}"
    );
    app.workbook.role = mentorbook::model::Role::Mentor;
    assert!(!common::body(&app, 120, 80).contains("Tips for mentees"));
    app.workbook.role = mentorbook::model::Role::Mentee;
    common::go_to(&mut app, Field::Closure(ClosurePart::PayItForward));
    press(&mut app, "<Enter>Mentor a graduate next spring<Esc>");
    assert_eq!(
        app.workbook.closure.pay_it_forward,
        "Mentor a graduate next spring"
    );
    assert!(common::body(&app, 120, 40).contains("F starts your own workbook as a mentor"));
    // F asks the shell to start the other workbook (tests/switch_pty.rs runs it for real);
    // not during a call.
    assert_eq!(
        press(&mut app, "F"),
        Some(mentorbook::msg::Effect::StartAsMentor)
    );
    press(&mut app, "C");
    assert_eq!(press(&mut app, "F"), None);
    assert!(app.notice.as_deref().unwrap().contains("Not during a call"));
}

// ---- everyone in the relationship ----

#[test]
fn people_with_roles_carry_steps_commitments_and_resources_and_take_part() {
    let mut app = with_conversations(&[ConversationKind::Goal]);
    app.workbook.add_goal();
    app.workbook.goals[0].title = "Lead the team".into();
    app.screen = Screen::Exercise(Exercise::Agreement);
    focus(&mut app, Target::Add(mentorbook::field::ListKind::People));
    press(&mut app, "<Enter>Kim Park<Enter>Lee Chan<Enter><Esc>");
    assert_eq!(app.workbook.people.len(), 2);
    focus(&mut app, Target::Field(Field::Person(1)));
    press(&mut app, "ooo");
    assert_eq!(app.workbook.people[1].role, PersonRole::CoMentee);
    assert!(common::body(&app, 120, 40).contains("Lee Chan"));
    snap("agreement_people", &app);
    let (kim, lee) = (app.workbook.people[0].id, app.workbook.people[1].id);
    // A step goes round: mentor, both, Kim, Lee, mentee.
    app.screen = Screen::Worksheet(0);
    focus(&mut app, Target::Add(mentorbook::field::ListKind::Steps(0)));
    press(&mut app, "<Enter>Shadow Kim's stand-up<Enter><Esc>");
    common::go_to(&mut app, Field::Step(0, 0));
    press(&mut app, "ooo");
    assert_eq!(app.workbook.goals[0].plan.steps[0].who, Some(kim));
    assert!(common::body(&app, 120, 40).contains("Kim Park"));
    // A resource's helper can be a person too.
    focus(
        &mut app,
        Target::Add(mentorbook::field::ListKind::Resources(0)),
    );
    press(&mut app, "<Enter>A team to shadow<Enter><Esc>");
    common::go_to(&mut app, Field::Resource(0, 0));
    press(&mut app, "ooooo");
    assert_eq!(app.workbook.goals[0].plan.resources[0].who, Some(lee));
    // A commitment, and who was there.
    app.screen = Screen::Conversation(0);
    focus(
        &mut app,
        Target::Add(mentorbook::field::ListKind::Commitments(0)),
    );
    press(
        &mut app,
        "<Enter>Introduce Ana to the committee<Enter><Esc>",
    );
    common::go_to(&mut app, Field::Commitment(0, 0));
    press(&mut app, "ooo");
    assert_eq!(app.workbook.conversations[0].commitments[0].who, Some(kim));
    focus(&mut app, Target::Choice(Choice::Present(0, 0)));
    press(&mut app, "x");
    assert_eq!(app.workbook.conversations[0].with, vec![kim]);
    let minutes = minutes(&app, 0);
    assert!(minutes.contains("Kim Park (co-mentor)"), "{minutes}");
    assert!(
        minutes.contains("| Introduce Ana to the committee | Kim Park |"),
        "{minutes}"
    );
    let agreement = document(&app, &[mentorbook::report::Section::Agreement]);
    assert!(agreement.contains("Lee Chan (co-mentee)"), "{agreement}");
    // Ids of people travel through a merge's renumbering with every link.
    let mut wb = app.workbook.clone();
    wb.next_id = 10_000;
    let map = std::collections::HashMap::from([(kim, 9_000), (lee, 9_001)]);
    wb.renumber(&map);
    assert_eq!(wb.goals[0].plan.steps[0].who, Some(9_000));
    assert_eq!(wb.goals[0].plan.resources[0].who, Some(9_001));
    assert_eq!(wb.conversations[0].commitments[0].who, Some(9_000));
    assert_eq!(wb.conversations[0].with, vec![9_000]);
    assert!(wb.problems().is_empty(), "{:?}", wb.problems());
    // Taking a person off takes every link with them.
    app.screen = Screen::Exercise(Exercise::Agreement);
    focus(&mut app, Target::Field(Field::Person(0)));
    press(&mut app, "dy");
    assert_eq!(app.workbook.people.len(), 1);
    assert_eq!(app.workbook.goals[0].plan.steps[0].who, None);
    assert!(app.workbook.conversations[0].with.is_empty());
    assert!(
        app.workbook.problems().is_empty(),
        "{:?}",
        app.workbook.problems()
    );
}
