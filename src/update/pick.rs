//! Picking from a short list: a goal's status, and which active goal makes room when a
//! fourth would become active.

use super::Effect;
use crate::app::App;
use crate::keys::Msg;
use crate::model::{ConversationKind, GoalStatus, Workbook};
use crate::nav::{Mode, Pick, PickWhat};

/// The status picker for goal `g`, on its current status.
pub fn status(wb: &Workbook, g: usize) -> Pick {
    let current = wb.goals.get(g).map_or(Default::default(), |x| x.status);
    Pick {
        what: PickWhat::Status(g),
        selected: (GoalStatus::ALL.iter())
            .position(|s| *s == current)
            .unwrap_or(0),
    }
}

/// The kind picker for conversation `c`, on its current kind.
pub fn kind(wb: &Workbook, c: usize) -> Pick {
    let current = wb
        .conversations
        .get(c)
        .map_or(Default::default(), |x| x.kind);
    Pick {
        what: PickWhat::Kind(c),
        selected: (ConversationKind::ALL.iter())
            .position(|k| *k == current)
            .unwrap_or(0),
    }
}

/// The goals that can make room: the active ones, in list order.
pub fn active_goals(wb: &Workbook) -> Vec<usize> {
    (0..wb.goals.len())
        .filter(|&k| wb.goals[k].status == GoalStatus::Active)
        .collect()
}

/// How many options the picker offers.
pub fn option_count(app: &App, what: PickWhat) -> usize {
    match what {
        PickWhat::Status(_) => GoalStatus::ALL.len(),
        PickWhat::MakeRoom(_) => active_goals(&app.workbook).len(),
        PickWhat::Kind(_) => ConversationKind::ALL.len(),
        PickWhat::StepGoal(..) => super::cultivation::step_goals(app).len(),
        PickWhat::Link(_) => super::cultivation::link_options(app).len(),
    }
}

/// Keys while a picker is open.
pub fn update(app: &mut App, mut pick: Pick, msg: Msg) -> Option<Effect> {
    let n = option_count(app, pick.what);
    match msg {
        Msg::Up => pick.selected = pick.selected.saturating_sub(1),
        Msg::Down => pick.selected = (pick.selected + 1).min(n.saturating_sub(1)),
        Msg::Back => {
            app.mode = Mode::Browse;
            return None;
        }
        Msg::SaveAndQuit => {
            app.mode = Mode::Browse;
            return Some(Effect::Quit);
        }
        Msg::Activate => {
            let k = pick.selected.min(n.saturating_sub(1));
            app.mode = Mode::Browse;
            return match pick.what {
                PickWhat::Status(g) => set_status(app, g, GoalStatus::ALL[k]),
                PickWhat::Kind(c) => {
                    let conv = app.workbook.conversations.get_mut(c)?;
                    conv.kind = ConversationKind::ALL[k];
                    app.touch();
                    Some(Effect::Save)
                }
                PickWhat::StepGoal(c, i) => {
                    let g = *super::cultivation::step_goals(app).get(k)?;
                    super::cultivation::add_step(app, c, i, g)
                }
                PickWhat::Link(e) => {
                    let (goal, conversation) = *super::cultivation::link_options(app).get(k)?;
                    let entry = app.workbook.entry_mut(e)?;
                    entry.goal = goal;
                    entry.conversation = conversation;
                    app.touch();
                    Some(Effect::Save)
                }
                PickWhat::MakeRoom(_) => None,
            };
        }
        Msg::MakeRoom(status) => {
            if let PickWhat::MakeRoom(g) = pick.what {
                return make_room(app, g, pick.selected, status);
            }
        }
        _ => return None,
    }
    app.mode = Mode::Pick(pick);
    None
}

fn set_status(app: &mut App, g: usize, status: GoalStatus) -> Option<Effect> {
    match app.workbook.set_goal_status(g, status) {
        Ok(changed) => {
            app.mode = Mode::Browse;
            if changed {
                app.touch();
            }
            Some(Effect::Save)
        }
        Err(_) => {
            // Three goals are active already: ask which one gives way.
            app.mode = Mode::Pick(Pick {
                what: PickWhat::MakeRoom(g),
                selected: 0,
            });
            None
        }
    }
}

fn make_room(app: &mut App, g: usize, selected: usize, status: GoalStatus) -> Option<Effect> {
    let active = active_goals(&app.workbook);
    let &other = active.get(selected)?;
    let wb = &mut app.workbook;
    wb.set_goal_status(other, status).ok()?;
    wb.set_goal_status(g, GoalStatus::Active).ok()?;
    app.notice = Some(format!(
        "“{}” is {} now; “{}” is active.",
        wb.goals[other].name(),
        status.name(),
        wb.goals[g].name()
    ));
    app.mode = Mode::Browse;
    app.touch();
    Some(Effect::Save)
}
