//! Conversations and check-ins: the log, each conversation's page (the 4 Ps, agenda, notes,
//! feedback, commitments, the next meeting) and each check-in. What their fields are called,
//! their keys, making new records, the exercise's progress rule and the agenda document.

mod arc;
mod check_in;
mod conversation;
mod kinds;
mod log;
mod records;
mod report;

use super::document::{fields, filled};
use super::{Handled, choose, focused_field, start_edit};
use crate::app::App;
use crate::field::{
    CheckInPart as K, Choice, ConversationPart as C, FeedbackPart as F, Field, Kind, PrepPart as P,
    Spec,
};
use crate::lifecycle::Exercise;
use crate::model::{ConversationKind, Progress, Role, Workbook};
use crate::msg::{Effect, Msg};
use crate::nav::{Mode, Pick, PickWhat};
use crate::report::{Block, Options};

pub use arc::{order_question, set_kind, spec as arc_spec, take_kind};
pub use check_in::{KEYS as CHECK_IN_KEYS, render as render_check_in, targets as check_in_targets};
pub use conversation::{KEYS as CONVERSATION_KEYS, NOTES_KEYS, render, targets};
pub use kinds::kind_summary;
pub use log::{KEYS as LOG_KEYS, check_in_line, render as render_log, targets as log_targets};
pub use records::{
    add_step, create_conversation, delete, delete_check_in, new_check_in, new_conversation,
    step_goals, when_changed,
};
pub use report::{
    check_ins_report, conversations_report, find as find_conversation, last_conversation_report,
    minutes_document, open_commitments_report,
};

const DATE_HINT: &str = "a date: 2026-12-01, +2w, fri";
/// An agenda item.
pub const AGENDA_ITEM: Spec = Spec::new(Kind::Line, "Agenda item", "something to talk about");
/// A commitment, and its due date.
pub const COMMITMENT: Spec = Spec::new(Kind::Line, "Commitment", "who does what next");
pub const COMMITMENT_DUE: Spec = Spec::new(Kind::Date, "Due", DATE_HINT);

/// A conversation's own values.
pub fn spec(part: C) -> Spec {
    match part {
        C::At => Spec::new(Kind::DateTime, "When", "2026-12-01 08:30, fri 14:00, 14:00"),
        C::Length => Spec::new(
            Kind::Minutes,
            "How long",
            "e.g. 45m or 1h30 (empty: the agreed length)",
        ),
        C::Notes => Spec::new(Kind::Text, "Notes", "What was said, decided, discovered"),
        C::NextMeeting => Spec::new(
            Kind::DateTime,
            "Next meeting",
            "2026-12-03 09:00, fri 14:00, fri",
        ),
        C::NextGoal => Spec::new(
            Kind::Line,
            "Its goal",
            "what the next meeting should achieve",
        ),
    }
}

/// The 4 Ps (their questions, which follow the role, are on the page).
pub fn prep_spec(part: P, _role: Role) -> Spec {
    let text = |label, hint| Spec::new(Kind::Text, label, hint);
    match part {
        P::Purpose => text(
            "Purpose: why we meet, and what success looks like",
            "What this meeting is for, and where that came from",
        ),
        P::Preparation => text(
            "Preparation: what I want from this conversation",
            "What you want out of it; what is still open from last time",
        ),
        P::PartnerWants => text(
            "What my partner wants from it",
            "Ask ahead, or note your best guess to check at the start",
        ),
        P::Participation => text(
            "Participation: how I will be fully present",
            "Distractions to put away, the mindset to bring",
        ),
        P::AskWork => text(
            "Feedback to ask on the work",
            "A question about something specific you did or made",
        ),
        P::AskRelationship => text(
            "Feedback to ask on us",
            "A question about how the partnership itself is going",
        ),
        P::Plan => text(
            "Plan: where this leads, and what I need next",
            "How it serves your goals; your next steps",
        ),
    }
}

/// Feedback given and received.
pub fn feedback_spec(part: F) -> Spec {
    let text = |label, hint| Spec::new(Kind::Text, label, hint);
    match part {
        F::Given => text(
            "Feedback I gave",
            "What they did, when, and its effect: behaviour, with an example",
        ),
        F::Received => text(
            "Feedback I received",
            "What you heard; ask until it is specific",
        ),
        F::OnFeedback => text(
            "Feedback on the feedback",
            "Was it understood and agreed? How did it land?",
        ),
    }
}

/// A check-in's questions.
pub fn check_in_spec(part: K) -> Spec {
    let q = |label| Spec::new(Kind::Text, label, "A few honest sentences");
    match part {
        K::Date => Spec::new(Kind::Date, "Date", DATE_HINT),
        K::ProcessWorking => q("Is the way we work together working for both of us?"),
        K::Progress => q("How much progress since the last check-in?"),
        K::Relationship => q("How is the relationship going?"),
        K::Adjustments => q("How is the time used? What would make it more productive?"),
    }
}

/// At least one conversation, the latest prepared with the 4 Ps and ending with the next
/// meeting's date and goal, and a check-in rhythm that has been used. (Whether a check-in is
/// overdue depends on the day; the overview says so beside it.) `include_private` false
/// (call mode): of the shared conversations only, so a private one leaves no trace.
pub fn progress(wb: &Workbook, include_private: bool) -> Progress {
    let last = if include_private {
        wb.latest_conversation()
    } else {
        wb.latest_shared_conversation()
    };
    let prepared = last.is_some_and(|c| P::FOUR.iter().all(|p| p.slot(&c.prep).filled()));
    Progress::count([
        last.is_some(),
        prepared,
        last.is_some_and(|c| c.next_meeting.is_some() && filled(&c.next_goal)),
        wb.agreement.check_in_every_days.is_some() && wb.last_check_in().is_some(),
    ])
}

/// The conversation the agenda is for: the first one dated today or later.
/// The conversation still to come: dated today or later and not held yet (one held today
/// is over: the agenda is then the next one's).
fn coming(wb: &Workbook, today: chrono::NaiveDate) -> Option<&crate::model::Conversation> {
    (wb.conversations.iter())
        .filter(|c| c.at.date_naive() >= today && !c.held())
        .min_by_key(|c| c.at)
}

/// The agenda of the coming conversation, or the one suggested for the next.
pub fn agenda_report(wb: &Workbook, opts: Options) -> Vec<Block> {
    if let Some(c) = coming(wb, opts.today) {
        let mut out = vec![Block::Para(format!(
            "{} conversation, {}",
            c.kind.name(),
            c.at.format("%Y-%m-%d %H:%M")
        ))];
        out.extend(fields([("Purpose", c.prep.purpose.clone())]));
        if c.agenda.is_empty() {
            out.push(Block::Note("No agenda items yet.".into()));
        } else {
            out.push(Block::Checklist(
                (c.agenda.iter())
                    .map(|a| (a.done, a.text.trim().to_string()))
                    .collect(),
            ));
        }
        return out;
    }
    let next = wb.latest_conversation().and_then(|c| c.next_meeting);
    let items = wb.suggest_agenda(opts.today, next.map(|m| m.date));
    if items.is_empty() {
        return Vec::new();
    }
    let when = next.map_or("the next conversation".to_string(), |d| {
        format!("the conversation of {d}")
    });
    vec![
        Block::Note(format!("Suggested for {when}, from the plan's open items.")),
        Block::Checklist(items.into_iter().map(|a| (false, a.text)).collect()),
    ]
}

/// The kind picker for conversation `c`, on its current kind.
pub fn kind_picker(wb: &Workbook, c: usize) -> Pick {
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

/// The log's keys: `a` a conversation now, `i` a check-in today.
pub fn handle_log(app: &mut App, msg: &Msg, now: chrono::DateTime<chrono::Local>) -> Handled {
    match msg {
        Msg::Add => Handled::Yes(new_conversation(app, now)),
        Msg::AddCheckIn => Handled::Yes(new_check_in(app)),
        _ => Handled::No,
    }
}

/// A conversation's item keys (also in the review's notes pane): tick an agenda item, a
/// commitment's owner and due date, a commitment to a step.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    let field = focused_field(app);
    if let (Msg::TogglePrivate, crate::nav::Screen::Conversation(c)) = (msg, app.screen) {
        return Handled::Yes(choose(app, Choice::ConversationPrivate(c)));
    }
    if let (Msg::Toggle, Some(crate::nav::Target::Choice(tick))) = (msg, super::focused(app))
        && matches!(
            tick,
            Choice::Sign(..)
                | Choice::Committed(_)
                | Choice::Pledge(..)
                | Choice::Understood(_)
                | Choice::Present(..)
        )
    {
        return Handled::Yes(choose(app, tick));
    }
    let here = match app.screen {
        crate::nav::Screen::Conversation(c) | crate::nav::Screen::Review(c) => Some(c),
        _ => None,
    };
    match (msg, here) {
        (Msg::ClearAgenda, Some(c)) => {
            if app
                .workbook
                .conversations
                .get(c)
                .is_some_and(|x| x.agenda.is_empty())
            {
                app.notice = Some("The agenda is empty already.".into());
            } else {
                app.mode = Mode::Confirm(crate::nav::Confirm::ClearAgenda(c));
            }
            return Handled::Yes(None);
        }
        (Msg::SuggestAgenda, Some(c)) => return Handled::Yes(records::suggest_again(app, c)),
        (Msg::WriteMinutes, Some(c)) => return Handled::Yes(Some(Effect::WriteMinutes(c))),
        (Msg::WriteNotes, Some(c)) => {
            start_edit(
                app,
                Field::Conversation(c, crate::field::ConversationPart::Notes),
                false,
            );
            return Handled::Yes(None);
        }
        _ => {}
    }
    Handled::Yes(match (msg, field) {
        (Msg::Toggle, Some(Field::Agenda(c, k))) => choose(app, Choice::AgendaDone(c, k)),
        (Msg::Toggle, Some(Field::Commitment(c, k))) => choose(app, Choice::CommitmentDone(c, k)),
        (Msg::Toggle, _) => {
            app.notice = Some(
                "x ticks an agenda item, a commitment or a preparation sign: move to one first."
                    .into(),
            );
            None
        }
        (Msg::Cycle, Some(Field::Commitment(c, k))) => choose(app, Choice::CommitmentOwner(c, k)),
        (Msg::Cycle, _) => {
            app.notice = Some("o changes a commitment's owner: move to one first.".into());
            None
        }
        (Msg::EditDate, Some(Field::Commitment(c, k))) => {
            start_edit(app, Field::CommitmentDue(c, k), false);
            None
        }
        (Msg::EditDate, _) => {
            app.notice = Some("t dates a commitment: move to one first.".into());
            None
        }
        (Msg::ToStep, Some(Field::Commitment(c, k))) => to_step(app, c, k),
        (Msg::ToStep, _) => {
            app.notice = Some("c makes a commitment an action step: move to one first.".into());
            None
        }
        _ => return Handled::No,
    })
}

/// `c`: ask which goal's plan the commitment joins.
fn to_step(app: &mut App, c: usize, k: usize) -> Option<Effect> {
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
        app.notice = Some(format!(
            "No goal to add it to: goals are on {}.",
            Exercise::Goals.named()
        ));
        return None;
    }
    app.mode = Mode::Pick(Pick {
        what: PickWhat::StepGoal(c, k),
        selected: 0,
    });
    None
}
