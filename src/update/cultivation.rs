//! Conversations, check-ins and the journal: creating dated records, the journal list and its
//! filter, and commitments that become action steps.

use chrono::{DateTime, Local, Timelike};

use super::{Effect, go, start_edit};
use crate::app::App;
use crate::field::Field;
use crate::keys::Msg;
use crate::model::{
    ActionStep, CheckIn, Conversation, ConversationKind, FourPs, GoalStatus, JournalEntry,
    JournalFilter,
};
use crate::nav::{Confirm, Mode, Pick, PickWhat, Record, Screen, Target};

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
    let purpose = (wb.latest_conversation())
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

/// `n`: a journal entry stamped now (local time, with its offset), the editor open on it.
pub fn new_entry(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    let wb = &mut app.workbook;
    let id = wb.fresh_id();
    // To the second: the file stays readable, and nobody journals twice in one.
    let at = now.with_nanosecond(0).unwrap_or(now);
    wb.journal.push(std::sync::Arc::new(JournalEntry {
        id,
        at: at.fixed_offset(),
        ..JournalEntry::default()
    }));
    let e = wb.journal.len() - 1;
    app.touch();
    go(app, Screen::Entry(e));
    start_edit(app, Field::Entry(e), true);
    None
}

/// Keys on the journal list, which keeps its own selection (see `JournalView`).
pub fn journal_key(app: &mut App, msg: &Msg) -> Option<Option<Effect>> {
    let view = &mut app.journal;
    let last = view.matches.len().saturating_sub(1);
    match msg {
        Msg::Up => view.selected = view.selected.saturating_sub(1),
        Msg::Down => view.selected = (view.selected + 1).min(last),
        Msg::PageUp => view.selected = view.selected.saturating_sub(10),
        Msg::PageDown => view.selected = (view.selected + 10).min(last),
        Msg::First => view.selected = 0,
        Msg::Last => view.selected = last,
        Msg::Activate => {
            let Some(e) = view.selected_entry() else {
                app.notice = Some("No entry here: n writes one.".into());
                return Some(None);
            };
            return Some(go(app, Screen::Entry(e)));
        }
        Msg::Delete => {
            if let Some(e) = view.selected_entry() {
                app.mode = Mode::Confirm(Confirm::DeleteRecord(Record::Entry(e)));
            }
        }
        Msg::Filter => start_edit(app, Field::JournalQuery, false),
        Msg::Back if !view.query.is_empty() => {
            view.query.clear();
            view.filter = JournalFilter::default();
            app.refresh_journal();
            app.notice = Some("Filter cleared.".into());
        }
        _ => return None,
    }
    Some(None)
}

/// Leaving the filter's editor: the filter applies (once, not per keystroke). A part that does
/// not read keeps the editor open with the reason.
pub fn commit_query(app: &mut App, text: &str) -> Result<(), String> {
    let filter = JournalFilter::parse(text, app.today, &app.workbook.goals)?;
    let view = &mut app.journal;
    view.query = text.trim().to_string();
    view.filter = filter;
    app.refresh_journal();
    let view = &mut app.journal;
    view.selected = 0;
    app.notice = Some(if view.query.is_empty() {
        "Showing every entry.".into()
    } else {
        format!(
            "{} entries match. Esc clears the filter.",
            view.matches.len()
        )
    });
    Ok(())
}

/// `c`: ask which goal's plan the focused commitment joins.
pub fn to_step(app: &mut App) -> Option<Effect> {
    let Some(Target::Field(Field::Commitment(c, k))) = app.focused() else {
        app.notice = Some("c makes a commitment an action step: move to one first.".into());
        return None;
    };
    let commitment = app.workbook.conversations.get(c)?.commitments.get(k)?;
    if commitment.text.trim().is_empty() {
        app.notice = Some("Write the commitment first.".into());
        return None;
    }
    if commitment.step.is_some() {
        app.notice = Some("This commitment is a step already.".into());
        return None;
    }
    if step_goals(app).is_empty() {
        app.notice = Some("No goal to add it to: goals are on exercise 7.".into());
        return None;
    }
    app.mode = Mode::Pick(Pick {
        what: PickWhat::StepGoal(c, k),
        selected: 0,
    });
    None
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

/// The options of the link picker: nothing, each goal, the newest conversations.
pub fn link_options(app: &App) -> Vec<(Option<u64>, Option<u64>)> {
    let wb = &app.workbook;
    let mut out = vec![(None, None)];
    out.extend(wb.goals.iter().map(|g| (Some(g.id), None)));
    let mut talks: Vec<&Conversation> = wb.conversations.iter().collect();
    talks.sort_by_key(|c| std::cmp::Reverse(c.at));
    out.extend(talks.iter().take(8).map(|c| (None, Some(c.id))));
    out
}

/// Deletes a record and the links to it.
pub fn delete_record(app: &mut App, record: Record) -> Option<Effect> {
    let wb = &mut app.workbook;
    let gone = match record {
        Record::Goal(g) => wb.remove_goal(g),
        Record::Conversation(c) if c < wb.conversations.len() => {
            let id = wb.conversations.remove(c).id;
            for e in wb.journal.iter_mut().filter(|e| e.conversation == Some(id)) {
                std::sync::Arc::make_mut(e).conversation = None;
            }
            true
        }
        Record::CheckIn(i) if i < wb.check_ins.len() => {
            wb.check_ins.remove(i);
            true
        }
        Record::Entry(e) if e < wb.journal.len() => {
            wb.journal.remove(e);
            true
        }
        _ => false,
    };
    if gone {
        app.touch();
    }
    if let Record::Entry(_) = record {
        app.refresh_journal();
    }
    let focus = app.focus();
    app.set_focus(focus);
    Some(Effect::Save)
}
