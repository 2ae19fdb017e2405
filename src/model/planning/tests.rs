use chrono::NaiveDate;

use super::*;
use crate::model::{Measure, Milestone};

fn plan_of(n: usize) -> ActionPlan {
    ActionPlan {
        steps: (0..n)
            .map(|k| ActionStep {
                id: 100 + k as Id,
                text: format!("step {}", k + 1),
                ..ActionStep::default()
            })
            .collect(),
        ..ActionPlan::default()
    }
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn smart_check_needs_each_letter() {
    let mut g = Goal::default();
    assert_eq!(g.smart(), [false; 5]);
    g.specific = "Lead the quarterly review".into();
    g.measures.push(Measure::default());
    assert_eq!(
        g.smart(),
        [true, false, false, false, false],
        "an empty measure is none"
    );
    g.measures[0].text = "Run it without notes".into();
    g.attainable = "I co-led the last one".into();
    g.relevant = "Visible leadership".into();
    g.deadline = Some(day("2027-03-01"));
    assert_eq!(g.smart(), [true; 5]);
    assert!(SMART[0].words.contains("stretching"));
    assert!(SMART[2].words.contains("action-oriented"));
}

#[test]
fn outcome_only_warns_only_when_every_named_measure_is_an_outcome() {
    let mut g = Goal::default();
    assert!(!g.outcome_only(), "no measures: nothing to warn about");
    g.measures.push(Measure {
        text: "Get promoted".into(),
        kind: MeasureKind::Outcome,
    });
    assert!(g.outcome_only());
    g.measures.push(Measure {
        text: "Explain the budget without help".into(),
        kind: MeasureKind::Performance,
    });
    assert!(!g.outcome_only());
}

#[test]
fn progress_counts_milestones_and_steps_whatever_the_status() {
    let mut g = Goal {
        milestones: vec![
            Milestone {
                done: true,
                ..Milestone::default()
            },
            Milestone::default(),
        ],
        plan: plan_of(2),
        ..Goal::default()
    };
    g.plan.steps[0].status = StepStatus::Done;
    assert_eq!(g.progress(), Progress { done: 2, total: 4 });
    // Reaching a goal ticks nothing: what was ticked is what is counted.
    g.status = GoalStatus::Achieved;
    assert_eq!(g.progress(), Progress { done: 2, total: 4 });
}

#[test]
fn a_step_is_not_done_while_its_dependency_is_open() {
    let mut p = plan_of(3);
    p.set_dependencies(2, "1, 2").unwrap();
    assert_eq!(p.advance(2), Ok(StepStatus::Doing), "doing is allowed");
    let err = p.advance(2).unwrap_err();
    assert_eq!(err, "Step 3 waits for step 1 and step 2 to be done first.");
    assert_eq!(p.steps[2].status, StepStatus::Doing, "unchanged");
    p.steps[0].status = StepStatus::Done;
    p.steps[1].status = StepStatus::Done;
    assert_eq!(p.advance(2), Ok(StepStatus::Done));
    assert_eq!(p.advance(2), Ok(StepStatus::Todo), "done wraps to to do");
}

#[test]
fn dependencies_are_typed_as_step_numbers_and_checked() {
    let mut p = plan_of(3);
    assert_eq!(p.set_dependencies(1, "1"), Ok(true));
    assert_eq!(p.dependencies_text(1), "1");
    assert_eq!(p.set_dependencies(1, "1"), Ok(false), "unchanged");
    assert!(p.set_dependencies(1, "2").unwrap_err().contains("itself"));
    assert!(
        p.set_dependencies(1, "4")
            .unwrap_err()
            .contains("no step 4")
    );
    assert!(
        p.set_dependencies(1, "x")
            .unwrap_err()
            .contains("not a step number")
    );
    assert!(p.set_dependencies(0, "2").unwrap_err().contains("circle"));
    p.set_dependencies(2, "2").unwrap();
    assert!(
        p.set_dependencies(0, "3").unwrap_err().contains("circle"),
        "indirect circles too"
    );
    assert_eq!(p.set_dependencies(2, "1 2"), Ok(true));
    assert_eq!(p.dependencies_text(2), "1, 2");
    assert_eq!(p.set_dependencies(2, ""), Ok(true));
    assert!(p.steps[2].depends_on.is_empty());
}

#[test]
fn dependencies_follow_steps_when_they_move_and_vanish_with_them() {
    let mut p = plan_of(3);
    p.set_dependencies(2, "1").unwrap();
    move_item(&mut p.steps, 0, false);
    assert_eq!(p.dependencies_text(2), "2", "step 1 moved to place 2");
    assert!(p.remove_step(1));
    assert!(p.steps.iter().all(|s| s.depends_on.is_empty()));
    assert!(!p.remove_step(9));
}

#[test]
fn stages_group_steps_that_can_run_together() {
    let mut p = plan_of(4);
    assert_eq!(p.stages(), vec![vec![0, 1, 2, 3]]);
    p.set_dependencies(2, "1").unwrap();
    p.set_dependencies(3, "2, 3").unwrap();
    assert_eq!(p.stages(), vec![vec![0, 1], vec![2], vec![3]]);
    // A circle written by hand into the file still shows every step.
    p.steps[0].depends_on = vec![p.steps[3].id];
    let stages = p.stages();
    assert_eq!(stages.concat().len(), 4);
}

#[test]
fn overdue_means_open_and_past_due() {
    let today = day("2026-11-24");
    let mut s = ActionStep {
        due: Some(day("2026-11-23")),
        ..ActionStep::default()
    };
    assert!(s.overdue(today));
    s.status = StepStatus::Done;
    assert!(!s.overdue(today));
    s.status = StepStatus::Doing;
    s.due = Some(today);
    assert!(!s.overdue(today), "due today is not late yet");
    s.due = None;
    assert!(!s.overdue(today));
}

#[test]
fn at_most_three_goals_are_active() {
    let mut wb = Workbook::default();
    for _ in 0..4 {
        wb.add_goal();
    }
    for g in 0..3 {
        assert_eq!(wb.set_goal_status(g, GoalStatus::Active), Ok(true));
    }
    let err = wb.set_goal_status(3, GoalStatus::Active).unwrap_err();
    assert!(err.contains("no more than 3"), "{err}");
    assert_eq!(wb.goals[3].status, GoalStatus::Draft);
    assert_eq!(wb.set_goal_status(0, GoalStatus::Paused), Ok(true));
    assert_eq!(wb.set_goal_status(3, GoalStatus::Active), Ok(true));
    assert_eq!(wb.active_goals(), 3);
    assert_eq!(wb.set_goal_status(3, GoalStatus::Active), Ok(false));
}

#[test]
fn promoting_a_candidate_links_both_ways_once() {
    let mut wb = Workbook::default();
    let id = wb.fresh_id();
    wb.brainstorm.candidates.push(crate::model::Candidate {
        id,
        text: " Public speaking ".into(),
        priority: 1,
        goal: None,
    });
    let g = wb.promote_candidate(0).unwrap();
    assert_eq!(wb.goals[g].title, "Public speaking");
    assert_eq!(wb.goals[g].candidate, Some(id));
    assert_eq!(wb.goals[g].priority, 1);
    assert_eq!(wb.brainstorm.candidates[0].goal, Some(wb.goals[g].id));
    assert_eq!(wb.promote_candidate(0), Some(g), "no second goal");
    assert_eq!(wb.goals.len(), 1);
    assert!(wb.remove_goal(g));
    assert_eq!(wb.brainstorm.candidates[0].goal, None, "link cleared");
}

#[test]
fn priorities_follow_the_order() {
    let mut wb = Workbook::default();
    let a = wb.add_goal();
    let b = wb.add_goal();
    assert_eq!((wb.goals[a].priority, wb.goals[b].priority), (1, 2));
    assert_eq!(move_item(&mut wb.goals, 1, true), Some(0));
    wb.renumber_goals();
    assert_eq!(wb.goals[0].priority, 1);
    assert_eq!(move_item(&mut wb.goals, 0, true), None, "already first");
    assert_eq!(move_item(&mut wb.goals, 1, false), None, "already last");
}
