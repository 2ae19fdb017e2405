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
            "New conversation with {n} suggested agenda items: keep, move (K/J) or delete (d) them; a past date clears them."
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
    let mut agenda = wb.suggest_agenda(app.today, None);
    agenda.iter_mut().for_each(|a| a.id = wb.fresh_id());
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
    app.fresh_agenda = Some((id, wb.conversations[c].agenda.clone()));
    app.touch();
    (c, n)
}

/// After conversation `c`'s When changed: moved to a past day with the agenda suggested
/// for today still untouched, that agenda was for the wrong day and is cleared (`S`
/// suggests again). What makes entering past meetings quick.
pub fn when_changed(app: &mut App, c: usize) {
    let Some(conv) = app.workbook.conversations.get_mut(c) else {
        return;
    };
    let untouched = (app.fresh_agenda.as_ref())
        .is_some_and(|(id, agenda)| *id == conv.id && *agenda == conv.agenda);
    if untouched && !conv.agenda.is_empty() && conv.at.date_naive() < app.today {
        conv.agenda.clear();
        app.fresh_agenda = None;
        app.notice = Some(
            "A past meeting: the agenda suggested for today was taken off (S suggests again)."
                .into(),
        );
    }
}

/// `S`: the suggested items conversation `c`'s agenda does not hold yet, added at its end.
/// Suggested as from its own day, carrying over from the conversations before it.
pub fn suggest_again(app: &mut App, c: usize) -> Option<Effect> {
    let conv = app.workbook.conversations.get(c)?;
    let day = conv.at.date_naive();
    let mut before = app.workbook.clone();
    before
        .conversations
        .retain(|x| x.at < conv.at && x.id != conv.id);
    let next = conv.next_meeting.map(|m| m.date);
    let held: Vec<String> = conv.agenda.iter().map(|a| a.text.clone()).collect();
    let mut new: Vec<_> = (before.suggest_agenda(day, next).into_iter())
        .filter(|a| !held.contains(&a.text))
        .collect();
    new.iter_mut().for_each(|a| a.id = app.workbook.fresh_id());
    let n = new.len();
    app.notice = Some(match n {
        0 => "The agenda already holds every suggestion.".into(),
        1 => "1 suggested item added at the end of the agenda.".into(),
        n => format!("{n} suggested items added at the end of the agenda."),
    });
    if n == 0 {
        return None;
    }
    app.workbook.conversations[c].agenda.extend(new);
    app.touch();
    Some(Effect::Save)
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
        // Items carried over from it keep their words and lose the link.
        for a in wb
            .conversations
            .iter_mut()
            .flat_map(|c| c.agenda.iter_mut())
        {
            if a.from == Some(id) {
                a.from = None;
            }
        }
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
