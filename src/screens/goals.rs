//! SMART goals: the list by priority, each goal's page, its Mentoring Action Plan worksheet
//! and the worksheet at a glance. What the goals' fields are called, the keys of the four
//! pages, the exercise's progress rule and its parts of the documents.

mod glance;
mod goal;
mod list;
mod report;
mod view;
mod wins;
mod worksheet;

use super::{Handled, choose, focus_on, focused, focused_field, go, start_edit};
use crate::app::App;
use crate::field::{Choice, Field, GoalPart as G, Kind, Spec};
use crate::model::{GoalStatus, Progress, Role, StepStatus, Workbook};
use crate::msg::{Effect, Msg};
use crate::nav::{Mode, Pick, PickWhat, Screen, Target};

pub use glance::{KEYS as GLANCE_KEYS, render as render_glance, targets as glance_targets};
pub use goal::{KEYS as GOAL_KEYS, render as render_goal, targets as goal_targets};
pub use list::{KEYS as LIST_KEYS, render as render_list, targets as list_targets};
pub use report::{goals as goals_report, plans as plans_report};
pub use wins::{WIN, WIN_DATE, WIN_EVIDENCE, summary as wins_summary};
pub use worksheet::{
    KEYS as WORKSHEET_KEYS, render as render_worksheet, targets as worksheet_targets,
};

/// Each of a goal's own parts and its worksheet's. The goals are the mentee's: a mentor's
/// workbook asks about them in the third person, and the mentor's view is "mine".
pub fn spec(part: G, role: Role) -> Spec {
    let text = |label, hint| Spec::new(Kind::Text, label, hint);
    let date = |label| Spec::new(Kind::Date, label, "a date: 2027-03-31, +3m, next month");
    if role == Role::Mentor {
        match part {
            G::Specific => {
                return text(
                    "Specific: what exactly will the mentee do?",
                    "One precise, focused aim that takes a stretch to reach",
                );
            }
            G::Attainable => {
                return text(
                    "Attainable: why is it within their reach, with a stretch?",
                    "What they already have going for them, and what you both agree to",
                );
            }
            G::Relevant => {
                return text(
                    "Relevant: how does it serve their vision?",
                    "The link between this goal and the mentee's vision statement",
                );
            }
            G::MentorComment => {
                return text(
                    "My view: does it stretch without breaking?",
                    "Too easy, about right, or a setup for frustration? Why?",
                );
            }
            G::Skills => {
                return text(
                    "1. Skills or knowledge to acquire",
                    "What the mentee needs to know or be able to do that they cannot yet",
                );
            }
            G::ReviewedOn => {
                return Spec::new(
                    Kind::Date,
                    "Reviewed together",
                    "a date, or press r on this screen to record today",
                );
            }
            G::Roadblocks => {
                return text(
                    "Pitfalls and obstacles, and how to get round them",
                    "What usually gets in their way, and what they will do about it",
                );
            }
            G::Title
            | G::Deadline
            | G::TargetWords
            | G::Outcome
            | G::TargetDate
            | G::RoadblocksMet => {}
        }
    }
    match part {
        G::Title => Spec::new(Kind::Line, "Goal", "a short name for the goal"),
        G::Specific => text(
            "Specific: what exactly will you do?",
            "One precise, focused aim that takes a stretch to reach",
        ),
        G::Attainable => text(
            "Attainable: why is it within reach, with a stretch?",
            "What you already have going for you, and what you both agree to",
        ),
        G::Relevant => text(
            "Relevant: how does it serve your vision?",
            "The link between this goal and your vision statement",
        ),
        G::Deadline => date("Deadline"),
        G::TargetWords => Spec::new(
            Kind::Line,
            "Target, in words",
            "as you would say it: spring 2027, in 4-6 months, before the review",
        ),
        G::MentorComment => text(
            "The mentor's view: does it stretch without breaking?",
            "Mentor: too easy, about right, or a setup for frustration?",
        ),
        G::Skills => text(
            "1. Skills or knowledge to acquire",
            "What you need to know or be able to do that you cannot yet",
        ),
        G::Outcome => text(
            "2. Outcome: how you will know the goal is met",
            "What will be true, visible or different once it is done",
        ),
        G::TargetDate => date("5. Target date"),
        G::ReviewedOn => Spec::new(
            Kind::Date,
            "Reviewed with mentor",
            "a date, or press r on this screen to record today",
        ),
        G::Roadblocks => text(
            "Pitfalls and obstacles, and how to get round them",
            "What usually gets in the way, and what you will do about it",
        ),
        G::RoadblocksMet => text(
            "Roadblocks met (a log)",
            "One per line, dated: what got in the way, and what changed in the plan",
        ),
    }
}

const DATE_HINT: &str = "a date: 2026-12-01, +2w, fri";
/// A measure of a goal, as a list item.
pub const MEASURE: Spec = Spec::new(
    Kind::Line,
    "Measure",
    "how you will see progress, e.g. explain the budget unaided",
);
/// A milestone, and its date.
pub const MILESTONE: Spec = Spec::new(Kind::Line, "Milestone", "a checkpoint on the way");
pub const MILESTONE_DATE: Spec = Spec::new(Kind::Date, "Date", DATE_HINT);
/// An action step, its due date, and the steps it waits for.
pub const STEP: Spec = Spec::new(Kind::Line, "Step", "one concrete thing to do");
pub const STEP_DUE: Spec = Spec::new(Kind::Date, "Due", DATE_HINT);
pub const STEP_AFTER: Spec = Spec::new(
    Kind::Steps,
    "After steps",
    "step numbers, e.g. 1, 3 (empty: none)",
);
/// A resource of the action plan.
pub const RESOURCE: Spec = Spec::new(Kind::Line, "Resource", "a tool, a course, a person, time");

/// The page a goal's part is on: the goal's own words on its page, the plan's on the
/// worksheet.
pub fn page_of(g: usize, part: G) -> Screen {
    match part {
        G::Title
        | G::Specific
        | G::Attainable
        | G::Relevant
        | G::Deadline
        | G::TargetWords
        | G::MentorComment => Screen::Goal(g),
        G::Skills
        | G::Outcome
        | G::TargetDate
        | G::ReviewedOn
        | G::Roadblocks
        | G::RoadblocksMet => Screen::Worksheet(g),
    }
}

/// At least one goal active, and each active goal passes the SMART check, has a milestone,
/// and has an action plan with steps and a target date.
pub fn progress(wb: &Workbook) -> Progress {
    // Each goal being worked on or reached counts once: an achieved goal is done, an active
    // one when it is SMART, has milestones, and a plan with steps and a target date.
    let ready = |g: &crate::model::Goal| {
        g.smart().iter().all(|ok| *ok)
            && !g.milestones.is_empty()
            && !g.plan.steps.is_empty()
            && g.plan.target_date.is_some()
    };
    let in_play =
        (wb.goals.iter()).filter(|g| matches!(g.status, GoalStatus::Active | GoalStatus::Achieved));
    let (done, total) = in_play.fold((0, 0), |(done, total), g| {
        let ok = g.status == GoalStatus::Achieved || ready(g);
        (done + usize::from(ok), total + 1)
    });
    Progress {
        done,
        total: total.max(1),
    }
}

/// The overview's words on the goals: how many are active and how many reached.
pub fn note(wb: &Workbook) -> String {
    let count = |s: GoalStatus| wb.goals.iter().filter(|g| g.status == s).count();
    let (active, achieved) = (count(GoalStatus::Active), count(GoalStatus::Achieved));
    match (active, achieved) {
        (0, 0) => String::new(),
        (a, 0) => format!("{a} active"),
        (0, r) => format!("{r} achieved"),
        (a, r) => format!("{a} active, {r} achieved"),
    }
}

/// The status picker for goal `g`, on its current status.
pub fn status_picker(wb: &Workbook, g: usize) -> Pick {
    let current = wb.goals.get(g).map_or(Default::default(), |x| x.status);
    Pick {
        what: PickWhat::Status(g),
        selected: (GoalStatus::ALL.iter())
            .position(|s| *s == current)
            .unwrap_or(0),
    }
}

/// The goals that can make room: the active ones, in list order.
pub fn active_goals(wb: &Workbook) -> Vec<usize> {
    (0..wb.goals.len())
        .filter(|&k| wb.goals[k].status == GoalStatus::Active)
        .collect()
}

/// A goal's deadline was just typed: one already past is questioned (goals look ahead).
pub fn deadline_set(app: &mut App, g: usize, before: Option<chrono::NaiveDate>) {
    let past = (app.workbook.goals.get(g))
        .and_then(|x| x.deadline)
        .is_some_and(|d| d < app.today);
    if past {
        app.mode = Mode::Confirm(crate::nav::Confirm::PastDeadline(g, before));
    }
}

/// The question [`deadline_set`] asks.
pub fn past_deadline_question(wb: &Workbook, g: usize) -> String {
    let d = wb.goals.get(g).and_then(|x| x.deadline);
    format!(
        "{} is already past. A goal looks ahead: keep this deadline anyway (y), or put back \
         the one before (n)?",
        d.map_or(String::new(), |d| d.to_string())
    )
}

/// Deletes goal `g` with its plan, and the links to it.
pub fn delete(app: &mut App, g: usize) {
    if app.workbook.remove_goal(g) {
        app.touch();
    }
}

/// The keys of the goal screens: ticking, owners, dates, dependencies, order, the pages.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    Handled::Yes(match msg {
        Msg::Toggle => toggle(app),
        Msg::Cycle => cycle(app),
        Msg::EditEvidence | Msg::LinkGoal => match (msg, focused_field(app)) {
            (Msg::EditEvidence, Some(Field::Win(i))) => {
                start_edit(app, Field::WinEvidence(i), false);
                None
            }
            (Msg::LinkGoal, Some(Field::Win(i))) => choose(app, Choice::WinGoal(i)),
            _ => {
                app.notice = Some("e and l work on a win: move to one first.".into());
                None
            }
        },
        Msg::CycleSupport => match focused_field(app) {
            Some(Field::Step(g, i)) => choose(app, Choice::StepSupport(g, i)),
            _ => {
                app.notice = Some("u names a step's kind of support: move to a step first.".into());
                None
            }
        },
        Msg::EditDate | Msg::EditAfter => {
            if let Some(field) = sub_field(app, msg) {
                start_edit(app, field, false);
            }
            None
        }
        Msg::MoveItem(up) => match focused(app) {
            Some(Target::Open(Screen::Goal(g))) => move_goal(app, g, *up),
            _ => return Handled::No,
        },
        Msg::OpenWorksheet | Msg::OpenGlance => page(app, msg).and_then(|s| go(app, s)),
        Msg::PickStatus => {
            match current_goal(app) {
                Some(g) => app.mode = Mode::Pick(status_picker(&app.workbook, g)),
                None => app.notice = Some("Move to a goal first.".into()),
            }
            None
        }
        Msg::MarkReviewed => {
            let Screen::Worksheet(g) = app.screen else {
                return Handled::No;
            };
            let Some(goal) = app.workbook.goals.get_mut(g) else {
                return Handled::Yes(None);
            };
            goal.plan.reviewed_on = Some(app.today);
            app.touch();
            app.notice = Some(format!(
                "Action plan marked as reviewed today ({}).",
                app.today
            ));
            Some(Effect::Save)
        }
        _ => return Handled::No,
    })
}

/// `x`: a milestone done, a step moved on (to do → doing → done), refused while a step it
/// waits for is open.
fn toggle(app: &mut App) -> Option<Effect> {
    match focused_field(app) {
        Some(Field::Milestone(g, i)) => choose(app, Choice::MilestoneDone(g, i)),
        Some(Field::Step(g, i)) => {
            let plan = &mut app.workbook.goals.get_mut(g)?.plan;
            match plan.advance(i) {
                Ok(StepStatus::Done) => app.notice = Some(format!("Step {} done.", i + 1)),
                Ok(_) => {}
                Err(why) => {
                    app.notice = Some(why);
                    return None;
                }
            }
            app.touch();
            Some(Effect::Save)
        }
        _ => {
            app.notice = Some("x ticks a milestone or moves a step on: move to one first.".into());
            None
        }
    }
}

/// `o`: a step's owner, a resource's helper, a measure's kind.
fn cycle(app: &mut App) -> Option<Effect> {
    let choice = match focused_field(app) {
        Some(Field::Step(g, i)) => Choice::Owner(g, i),
        Some(Field::Resource(g, i)) => Choice::Helper(g, i),
        Some(Field::Measure(g, i)) => Choice::MeasureKind(g, i),
        Some(Field::Win(i)) => Choice::WinKind(i),
        _ => {
            app.notice = Some(
                "o changes an owner, a helper, a measure's or a win's kind: move to one first."
                    .into(),
            );
            return None;
        }
    };
    choose(app, choice)
}

/// `t` and `b`: the date or the dependencies of the focused milestone or step.
fn sub_field(app: &mut App, msg: &Msg) -> Option<Field> {
    let field = match (msg, focused_field(app)) {
        (Msg::EditDate, Some(Field::Milestone(g, i))) => Field::MilestoneDate(g, i),
        (Msg::EditDate, Some(Field::Step(g, i))) => Field::StepDue(g, i),
        (Msg::EditDate, Some(Field::Win(i))) => Field::WinDate(i),
        (Msg::EditAfter, Some(Field::Step(g, i))) => Field::StepAfter(g, i),
        (Msg::EditDate, _) => {
            app.notice = Some("t dates a milestone or a step: move to one first.".into());
            return None;
        }
        _ => {
            app.notice = Some("b says which steps a step waits for: move to a step first.".into());
            return None;
        }
    };
    Some(field)
}

/// `K` / `J` on the list: the goal moves, its priority with it, and keeps the focus.
fn move_goal(app: &mut App, g: usize, up: bool) -> Option<Effect> {
    let j = crate::model::move_item(&mut app.workbook.goals, g, up)?;
    app.workbook.renumber_goals();
    app.touch();
    focus_on(app, Target::Open(Screen::Goal(j)));
    Some(Effect::Save)
}

/// The goal the focus or the screen is about.
fn current_goal(app: &App) -> Option<usize> {
    match (app.screen, focused(app)) {
        (Screen::Goal(g) | Screen::Worksheet(g) | Screen::Glance(g), _) => Some(g),
        (_, Some(Target::Open(Screen::Goal(g)))) => Some(g),
        _ => None,
    }
}

/// `w` and `v`: where they lead from here.
fn page(app: &mut App, msg: &Msg) -> Option<Screen> {
    let Some(g) = current_goal(app) else {
        app.notice = Some("Move to a goal first.".into());
        return None;
    };
    Some(match (msg, app.screen) {
        (Msg::OpenGlance, Screen::Glance(_)) => Screen::Worksheet(g),
        (Msg::OpenGlance, _) => Screen::Glance(g),
        _ => Screen::Worksheet(g),
    })
}
