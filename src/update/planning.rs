//! The planning screens' item keys: ticking, cycling, dates, dependencies, order, promotion.
//! Each works on the focused row and says plainly when the focus is elsewhere.

use super::{Effect, choose, go};
use crate::app::App;
use crate::field::{Choice, Field};
use crate::keys::Msg;
use crate::model::StepStatus;
use crate::nav::{Mode, Screen, Target};

fn focused_field(app: &App) -> Option<Field> {
    match app.focused()? {
        Target::Field(f) => Some(f),
        _ => None,
    }
}

/// `x`: a topic discussed, a milestone done, a step moved on (to do → doing → done), refused
/// while a step it waits for is open.
pub fn toggle(app: &mut App) -> Option<Effect> {
    match focused_field(app) {
        Some(Field::Topic(i)) => {
            let topic = app.workbook.mentoring_plan.topics.get_mut(i)?;
            topic.discussed = !topic.discussed;
        }
        Some(Field::Milestone(g, i)) => return choose(app, Choice::MilestoneDone(g, i)),
        Some(Field::Agenda(c, k)) => return choose(app, Choice::AgendaDone(c, k)),
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
        }
        _ => {
            app.notice = Some(
                "x ticks a topic, a milestone, a step or an agenda item: move to one first.".into(),
            );
            return None;
        }
    }
    app.touch();
    Some(Effect::Save)
}

/// `o`: a step's owner, a resource's helper, a measure's kind.
pub fn cycle(app: &mut App) -> Option<Effect> {
    let choice = match focused_field(app) {
        Some(Field::Step(g, i)) => Choice::Owner(g, i),
        Some(Field::Resource(g, i)) => Choice::Helper(g, i),
        Some(Field::Measure(g, i)) => Choice::MeasureKind(g, i),
        Some(Field::Commitment(c, k)) => Choice::CommitmentOwner(c, k),
        _ => {
            app.notice =
                Some("o changes an owner, a helper or a measure's kind: move to one first.".into());
            return None;
        }
    };
    choose(app, choice)
}

/// `t` and `b`: the date or the dependencies of the focused milestone or step.
pub fn sub_field(app: &mut App, msg: &Msg) -> Option<Field> {
    let field = match (msg, focused_field(app)) {
        (Msg::EditDate, Some(Field::Milestone(g, i))) => Field::MilestoneDate(g, i),
        (Msg::EditDate, Some(Field::Step(g, i))) => Field::StepDue(g, i),
        (Msg::EditDate, Some(Field::Commitment(c, k))) => Field::CommitmentDue(c, k),
        (Msg::EditAfter, Some(Field::Step(g, i))) => Field::StepAfter(g, i),
        (Msg::EditDate, _) => {
            app.notice =
                Some("t dates a milestone, a step or a commitment: move to one first.".into());
            return None;
        }
        _ => {
            app.notice = Some("b says which steps a step waits for: move to a step first.".into());
            return None;
        }
    };
    Some(field)
}

/// `K` / `J`: move the focused item (or goal) and keep the focus on it.
pub fn move_focused(app: &mut App, up: bool) -> Option<Effect> {
    let target = app.focused()?;
    let moved = match target {
        Target::Open(Screen::Goal(g)) => {
            let j = crate::model::move_item(&mut app.workbook.goals, g, up)?;
            app.workbook.renumber_goals();
            Target::Open(Screen::Goal(j))
        }
        Target::Field(f) => {
            let Some(list) = f.list(&app.workbook) else {
                app.notice = Some("Only list items move.".into());
                return None;
            };
            Target::Field(list.move_item(&mut app.workbook, f, up)?)
        }
        _ => return None,
    };
    app.touch();
    if let Some(i) = app.targets().iter().position(|t| *t == moved) {
        app.set_focus(i);
    }
    Some(Effect::Save)
}

/// `g`: the focused candidate becomes a draft goal (or opens the goal it became).
pub fn promote(app: &mut App) -> Option<Effect> {
    let Some(Field::Candidate(c)) = focused_field(app) else {
        app.notice = Some("g turns a candidate into a goal: move to a candidate first.".into());
        return None;
    };
    let cand = app.workbook.brainstorm.candidates.get(c)?;
    if cand.text.trim().is_empty() {
        app.notice = Some("Write the candidate first, then make it a goal.".into());
        return None;
    }
    let before = app.workbook.goals.len();
    let g = app.workbook.promote_candidate(c)?;
    let fresh = app.workbook.goals.len() > before;
    if fresh {
        app.touch();
    }
    go(app, Screen::Goal(g));
    app.notice = Some(if fresh {
        "A draft goal, linked to its candidate. Now make it SMART.".into()
    } else {
        "This candidate is a goal already: here it is.".into()
    });
    Some(Effect::Save)
}

/// The goal the focus or the screen is about.
fn current_goal(app: &App) -> Option<usize> {
    match (app.screen, app.focused()) {
        (Screen::Goal(g) | Screen::Worksheet(g) | Screen::Glance(g), _) => Some(g),
        (Screen::Goals, Some(Target::Open(Screen::Goal(g)))) => Some(g),
        _ => None,
    }
}

/// `w` and `v`: where they lead from here.
pub fn goal_screen(app: &mut App, msg: &Msg) -> Option<Screen> {
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

/// `s`: pick a status for the goal at hand.
pub fn pick_status(app: &mut App) {
    match current_goal(app) {
        Some(g) => app.mode = Mode::Pick(super::pick::status(&app.workbook, g)),
        None => app.notice = Some("Move to a goal first.".into()),
    }
}
