//! Making and removing the records of the conversation log: a conversation (with its
//! suggested agenda), a check-in, a commitment turned into an action step.

use chrono::{DateTime, Local, Timelike};

use crate::app::App;
use crate::model::{ActionStep, CheckIn, Conversation, ConversationKind, FourPs, GoalStatus};
use crate::msg::Effect;
use crate::nav::Screen;
use crate::screens::go;

/// A new conversation now, with the suggested agenda, and its page open.
pub fn new_conversation(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    let (c, n) = create_conversation(app, now);
    go(app, Screen::Conversation(c));
    app.notice = Some(match n {
        0 => "New conversation. Nothing is due or open, so the agenda starts empty.".into(),
        n => format!(
            "New conversation with {n} suggested agenda items: keep, move (K/J) or delete (d) them."
        ),
    });
    Some(Effect::Save)
}

/// Adds a conversation at `now` with the suggested agenda; returns its position and how
/// many agenda items were suggested.
pub fn create_conversation(app: &mut App, now: DateTime<Local>) -> (usize, usize) {
    let wb = &mut app.workbook;
    let at = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    let agenda = wb.suggest_agenda(app.today, None);
    // What was agreed as the goal of this meeting last time is where its purpose starts.
    let purpose = (wb.latest_shared_conversation())
        .map(|c| c.next_goal.trim())
        .filter(|g| !g.is_empty())
        .map(|g| format!("Agreed last time: {g}"))
        .unwrap_or_default();
    let kind = if wb.check_in_overdue(app.today) {
        ConversationKind::CheckIn
    } else {
        ConversationKind::Goal
    };
    let n = agenda.len();
    let id = wb.fresh_id();
    wb.conversations.push(Conversation {
        id,
        at: at.fixed_offset(),
        kind,
        prep: FourPs {
            purpose,
            ..FourPs::default()
        },
        agenda,
        ..Conversation::default()
    });
    let c = wb.conversations.len() - 1;
    app.touch();
    (c, n)
}

/// A new check-in record dated today, its page open.
pub fn new_check_in(app: &mut App) -> Option<Effect> {
    let wb = &mut app.workbook;
    let id = wb.fresh_id();
    wb.check_ins.push(CheckIn {
        id,
        date: Some(app.today),
        ..CheckIn::default()
    });
    let i = wb.check_ins.len() - 1;
    app.touch();
    go(app, Screen::CheckIn(i))
}

/// Goals a commitment can join: those still being worked towards.
pub fn step_goals(app: &App) -> Vec<usize> {
    let open = |s: GoalStatus| !matches!(s, GoalStatus::Achieved | GoalStatus::Dropped);
    (0..app.workbook.goals.len())
        .filter(|&g| open(app.workbook.goals[g].status))
        .collect()
}

/// Adds commitment `k` of conversation `c` to goal `g`'s plan, owner and due date kept.
pub fn add_step(app: &mut App, c: usize, k: usize, g: usize) -> Option<Effect> {
    let wb = &mut app.workbook;
    let commitment = wb.conversations.get(c)?.commitments.get(k)?.clone();
    let id = wb.fresh_id();
    let goal = wb.goals.get_mut(g)?;
    goal.plan.steps.push(ActionStep {
        id,
        text: commitment.text.trim().to_string(),
        due: commitment.due,
        owner: commitment.owner,
        ..ActionStep::default()
    });
    let n = goal.plan.steps.len();
    let name = goal.name().to_string();
    wb.conversations[c].commitments[k].step = Some(id);
    app.notice = Some(format!("Added as step {n} of “{name}”."));
    app.touch();
    Some(Effect::Save)
}

/// Deletes conversation `c`; journal entries linked to it lose the link.
pub fn delete(app: &mut App, c: usize) {
    let wb = &mut app.workbook;
    if c < wb.conversations.len() {
        let id = wb.conversations.remove(c).id;
        wb.journal.unlink_conversation(id);
        app.touch();
    }
}

/// Deletes check-in `i`.
pub fn delete_check_in(app: &mut App, i: usize) {
    if i < app.workbook.check_ins.len() {
        app.workbook.check_ins.remove(i);
        app.touch();
    }
}
