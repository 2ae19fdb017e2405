//! Picking one option from a short list: what each list holds (a goal's status, the active
//! goal that makes room for another, a conversation's kind, the goal a commitment joins,
//! what an entry is linked to), moving through it and taking the choice.

use super::{conversations, goals, journal, kind_summary};
use crate::app::App;
use crate::field::link_name;
use crate::model::{ConversationKind, GoalStatus};
use crate::msg::{Effect, Msg};
use crate::nav::{Mode, Pick, PickWhat};

/// A picker as it is drawn: its title, a sentence of explanation and the options.
pub struct PickView {
    pub title: &'static str,
    pub intro: String,
    pub options: Vec<String>,
}

/// What the picker for `what` shows.
pub fn pick_view(app: &App, what: PickWhat) -> PickView {
    let wb = &app.workbook;
    let goal_name = |g: usize| wb.goals.get(g).map_or("", |x| x.name()).to_string();
    match what {
        PickWhat::Status(g) => PickView {
            title: "Goal status",
            intro: format!("Where does “{}” stand?", goal_name(g)),
            options: GoalStatus::ALL
                .iter()
                .map(|s| {
                    let about = match s {
                        GoalStatus::Draft => "still taking shape",
                        GoalStatus::Active => "worked on now (three at most)",
                        GoalStatus::Paused => "on hold, to pick up later",
                        GoalStatus::Achieved => "reached",
                        GoalStatus::Dropped => "no longer pursued",
                    };
                    format!("{:<9} {about}", s.name())
                })
                .collect(),
        },
        PickWhat::MakeRoom(g) => PickView {
            title: "Make room",
            intro: format!(
                "Three goals are active already, and working on more at once spreads you \
                 thin. To make “{}” active, choose one to pause (p), mark finished (f) or \
                 drop (d).",
                goal_name(g)
            ),
            options: (goals::active_goals(wb).into_iter())
                .map(|k| wb.goals[k].name().to_string())
                .collect(),
        },
        PickWhat::Kind(_) => PickView {
            title: "Kind of conversation",
            intro: "What is this conversation mainly about?".into(),
            options: ConversationKind::ALL
                .iter()
                .map(|k| format!("{:<19}{}", k.name(), kind_summary(*k)))
                .collect(),
        },
        PickWhat::StepGoal(c, k) => {
            let what = (wb.conversations.get(c).and_then(|c| c.commitments.get(k)))
                .map_or("", |x| x.text.trim());
            PickView {
                title: "Commitment to step",
                intro: format!(
                    "Add “{what}” as an action step of which goal? Owner and due date come \
                     along."
                ),
                options: (conversations::step_goals(app).into_iter())
                    .map(|g| format!("{} ({})", wb.goals[g].name(), wb.goals[g].status.name()))
                    .collect(),
            }
        }
        PickWhat::Phase => PickView {
            title: "Phase",
            intro: "Where does the relationship stand? Phases (after Kram, 1983) overlap: \
                    going back is allowed, and asked."
                .into(),
            options: (crate::model::Phase::ALL.iter())
                .map(|p| format!("{:<14}{}", p.name(), p.about()))
                .collect(),
        },
        PickWhat::Link(_) => PickView {
            title: "Link the entry",
            intro: "Which goal or conversation is this entry about?".into(),
            options: (journal::link_options(app).into_iter())
                .map(|(g, c)| link_name(wb, g, c))
                .collect(),
        },
        PickWhat::Tag => PickView {
            title: "Tags in use",
            intro: "Filter the journal by a tag (it joins the tags already in the filter: \
                    entries must have them all)."
                .into(),
            options: (journal::tags(app).into_iter())
                .map(|(t, n)| format!("#{t:<30} {n:>5}"))
                .collect(),
        },
        PickWhat::Template => {
            let shipped = crate::model::shipped_templates().len();
            PickView {
                title: "New entry from a template",
                intro: "Start an entry from prompts. T on an entry keeps its text as a \
                        template of your own; d here lets one of yours go."
                    .into(),
                options: (journal::templates(app).into_iter().enumerate())
                    .map(|(k, t)| {
                        let whose = if k < shipped {
                            "comes with mentorbook"
                        } else {
                            "yours"
                        };
                        format!("{:<34} {whose}", t.name)
                    })
                    .collect(),
            }
        }
    }
}

/// How many options the picker offers.
fn option_count(app: &App, what: PickWhat) -> usize {
    match what {
        PickWhat::Status(_) => GoalStatus::ALL.len(),
        PickWhat::MakeRoom(_) => goals::active_goals(&app.workbook).len(),
        PickWhat::Kind(_) => ConversationKind::ALL.len(),
        PickWhat::Phase => crate::model::Phase::ALL.len(),
        PickWhat::StepGoal(..) => conversations::step_goals(app).len(),
        PickWhat::Link(_) => journal::link_options(app).len(),
        PickWhat::Tag => journal::tags(app).len(),
        PickWhat::Template => journal::templates(app).len(),
    }
}

/// Keys while a picker is open.
pub fn update(
    app: &mut App,
    mut pick: Pick,
    msg: Msg,
    now: chrono::DateTime<chrono::Local>,
) -> Option<Effect> {
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
                PickWhat::Phase => super::home::pick_phase(app, crate::model::Phase::ALL[k]),
                PickWhat::Kind(c) => conversations::set_kind(app, c, ConversationKind::ALL[k]),
                PickWhat::StepGoal(c, i) => {
                    let g = *conversations::step_goals(app).get(k)?;
                    conversations::add_step(app, c, i, g)
                }
                PickWhat::Link(e) => journal::link(app, e, k),
                PickWhat::Tag => journal::pick_tag(app, k),
                PickWhat::Template => journal::start_from_template(app, k, now),
                PickWhat::MakeRoom(_) => None,
            };
        }
        Msg::Delete if pick.what == PickWhat::Template => {
            let effect = journal::delete_template(app, pick.selected);
            let n = journal::templates(app).len();
            pick.selected = pick.selected.min(n.saturating_sub(1));
            app.mode = Mode::Pick(pick);
            return effect;
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
    let active = goals::active_goals(&app.workbook);
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
