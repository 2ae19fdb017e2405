use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::model::{
    ActionStep, CheckIn, Commitment, Conversation, Goal, Milestone, Topic, Workbook,
};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-24")
}

#[test]
fn the_next_check_in_follows_the_cadence_from_the_last_one() {
    let mut wb = Workbook::default();
    assert_eq!(wb.next_check_in_due(), None, "no cadence, no rule");
    wb.agreement.check_in_every_days = Some(30);
    assert_eq!(wb.next_check_in_due(), None, "nothing to count from yet");
    wb.agreement.agreed_on = Some(day("2026-09-03"));
    assert_eq!(wb.next_check_in_due(), Some(day("2026-10-03")));
    assert!(wb.check_in_overdue(today()));
    wb.check_ins.push(CheckIn {
        date: Some(day("2026-11-01")),
        progress: "On track.".into(),
        ..CheckIn::default()
    });
    wb.conversations.push(Conversation {
        at: at("2026-11-10T08:30:00+01:00"),
        kind: ConversationKind::CheckIn,
        notes: "The rhythm suits us.".into(),
        ..Conversation::default()
    });
    wb.conversations.push(Conversation {
        at: at("2026-11-20T08:30:00+01:00"),
        kind: ConversationKind::Goal,
        notes: "Worked on the first goal.".into(),
        ..Conversation::default()
    });
    // Made ready but with nothing written: not held, so not counted.
    wb.conversations.push(Conversation {
        at: at("2026-11-24T08:30:00+01:00"),
        kind: ConversationKind::CheckIn,
        ..Conversation::default()
    });
    wb.check_ins.push(CheckIn {
        date: Some(day("2026-11-24")),
        ..CheckIn::default()
    });
    assert_eq!(
        wb.last_check_in(),
        Some(day("2026-11-10")),
        "goal talks and empty check-ins do not count"
    );
    assert_eq!(wb.next_check_in_due(), Some(day("2026-12-10")));
    assert!(!wb.check_in_overdue(today()));
    assert!(
        !wb.check_in_overdue(day("2026-12-10")),
        "due that day is not late"
    );
    assert!(wb.check_in_overdue(day("2026-12-11")));
}

fn planning_workbook() -> Workbook {
    let mut wb = Workbook::default();
    let step = |text: &str, due: &str, status| ActionStep {
        text: text.into(),
        due: Some(day(due)),
        status,
        ..ActionStep::default()
    };
    wb.goals.push(Goal {
        title: "Chair reviews".into(),
        status: GoalStatus::Active,
        milestones: vec![
            Milestone {
                text: "Chair one".into(),
                date: Some(day("2026-12-01")),
                done: false,
                ..Milestone::default()
            },
            Milestone {
                text: "Far away".into(),
                date: Some(day("2027-03-01")),
                done: false,
                ..Milestone::default()
            },
        ],
        ..Goal::default()
    });
    wb.goals[0].plan.steps = vec![
        step("Late one", "2026-11-20", StepStatus::Todo),
        step("Soon", "2026-12-03", StepStatus::Doing),
        step("Done already", "2026-11-21", StepStatus::Done),
        step("Later", "2027-01-10", StepStatus::Todo),
    ];
    wb.goals[0].plan.reviewed_on = Some(day("2026-11-20"));
    wb.goals.push(Goal {
        title: "Dropped".into(),
        status: GoalStatus::Dropped,
        plan: crate::model::ActionPlan {
            steps: vec![step("Ignore me", "2026-11-01", StepStatus::Todo)],
            ..Default::default()
        },
        ..Goal::default()
    });
    wb.goals.push(Goal {
        title: "Know the leads".into(),
        status: GoalStatus::Active,
        ..Goal::default()
    });
    wb.mentoring_plan.topics = vec![
        Topic {
            text: "Next level".into(),
            ..Topic::default()
        },
        Topic {
            text: "Talked about".into(),
            discussed: true,
            ..Topic::default()
        },
    ];
    wb.conversations.push(Conversation {
        at: at("2026-11-10T08:30:00+01:00"),
        commitments: vec![
            Commitment {
                text: "Send the template".into(),
                ..Commitment::default()
            },
            Commitment {
                text: "Became a step".into(),
                step: Some(9),
                ..Commitment::default()
            },
        ],
        agenda: vec![
            AgendaItem {
                text: "Ask about budget".into(),
                ..AgendaItem::default()
            },
            AgendaItem {
                text: "Settled".into(),
                done: true,
                ..AgendaItem::default()
            },
        ],
        ..Conversation::default()
    });
    wb
}

#[test]
fn the_agenda_gathers_what_is_due_open_and_quiet() {
    let wb = planning_workbook();
    let texts: Vec<String> = (wb.suggest_agenda(today(), None).into_iter())
        .map(|a| a.text)
        .collect();
    assert_eq!(
        texts,
        [
            "Overdue step: Late one (Chair reviews, due 2026-11-20)",
            "Step due 2026-12-03: Soon (Chair reviews)",
            "Milestone coming (2026-12-01): Chair one (Chair reviews)",
            "Carried over: Send the template (mentee)",
            "Still open from 2026-11-10: Ask about budget",
            "Topic: Next level",
            "How is “Know the leads” going? Not reviewed lately.",
        ]
    );
}

/// A commitment is carried until it is ticked done, from whichever conversation it came,
/// with its owner and its date (overdue said as such).
#[test]
fn open_commitments_are_carried_with_owner_and_date_until_done() {
    let carried = |wb: &Workbook| -> Vec<String> {
        (wb.suggest_agenda(today(), None).into_iter())
            .map(|a| a.text)
            .filter(|t| t.starts_with("Carried over"))
            .collect()
    };
    let mut wb = planning_workbook();
    wb.conversations[0].commitments.push(Commitment {
        text: "Introduce Ana to the CTO".into(),
        owner: crate::model::Owner::Mentor,
        due: Some(day("2026-11-09")),
        ..Commitment::default()
    });
    wb.conversations[0].commitments.push(Commitment {
        text: "Already done".into(),
        done: true,
        ..Commitment::default()
    });
    let texts = carried(&wb);
    assert_eq!(
        texts,
        [
            "Carried over: Send the template (mentee)",
            "Carried over: Introduce Ana to the CTO (mentor, overdue since 2026-11-09)",
        ]
    );
    wb.conversations[0].commitments[0].done = true;
    let texts = carried(&wb);
    assert_eq!(
        texts,
        ["Carried over: Introduce Ana to the CTO (mentor, overdue since 2026-11-09)"]
    );
}

#[test]
fn the_next_meeting_sets_how_far_the_agenda_looks() {
    let wb = planning_workbook();
    let texts: Vec<String> = (wb
        .suggest_agenda(today(), Some(day("2026-11-30")))
        .into_iter())
    .map(|a| a.text)
    .collect();
    assert!(
        !texts.iter().any(|t| t.contains("Soon")),
        "due after the meeting"
    );
    assert!(!texts.iter().any(|t| t.contains("Chair one")));
    let far = wb.suggest_agenda(today(), Some(day("2027-01-31")));
    assert!(far.iter().any(|a| a.text.contains("Later")));
    // A goal reviewed long enough ago is asked about again.
    let mut wb = planning_workbook();
    wb.goals[0].plan.reviewed_on = Some(day("2026-10-01"));
    let texts: Vec<String> = wb
        .suggest_agenda(today(), None)
        .into_iter()
        .map(|a| a.text)
        .collect();
    assert!(texts.iter().any(|t| t.contains("“Chair reviews” going")));
}
