//! One conversation: before (the 4 Ps), during (agenda, notes, feedback) and after
//! (commitments, the next meeting). The chosen kind's purpose and questions stay beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::kinds::guide_text;
use crate::app::App;
use crate::field::{
    Choice, ConversationPart as C, FeedbackPart as F, Field, ListKind, PrepPart as P,
};
use crate::keys::{Binding, ENTER, MOVE, MOVE_DOWN, MOVE_UP, Msg, back_to, explained, more, plain};
use crate::model::{Pledge, Role, Workbook, judges_the_person};
use crate::nav::Target;
use crate::screens::form::guidance;
use crate::screens::sheet::{self, Item, Row, date};
use crate::theme::THEME;

const ADD: Binding = explained(
    &[plain('a')],
    "a",
    "add",
    "add an agenda item or commitment (at the focus)",
    Msg::Add,
);
const TICK: Binding = explained(
    &[plain('x')],
    "x",
    "tick",
    "an agenda item, commitment or sign done",
    Msg::Toggle,
);
const TO_STEP: Binding = explained(
    &[plain('c')],
    "c",
    "to a step",
    "make the commitment an action step on a goal",
    Msg::ToStep,
);
const OWNER: Binding = explained(
    &[plain('o')],
    "o",
    "owner",
    "who carries the commitment",
    Msg::Cycle,
);
const DUE: Binding = explained(
    &[plain('t')],
    "t",
    "due",
    "the commitment's due date",
    Msg::EditDate,
);
const DELETE: Binding = more(
    &[plain('d')],
    "d",
    "delete the agenda item or commitment",
    Msg::Delete,
);

const PRIVATE: Binding = explained(
    &[plain('p')],
    "p",
    "private",
    "hide the conversation in calls and exports",
    Msg::TogglePrivate,
);

const NOTES: Binding = explained(
    &[plain('N')],
    "N",
    "notes",
    "write the notes, from anywhere on the page",
    Msg::WriteNotes,
);
const MINUTES: Binding = explained(
    &[plain('M')],
    "M",
    "minutes",
    "write the minutes to a Markdown file, to send",
    Msg::WriteMinutes,
);
const CLEAR: Binding = more(
    &[plain('X')],
    "X",
    "take every item off the agenda (asks)",
    Msg::ClearAgenda,
);
const SUGGEST: Binding = more(
    &[plain('S')],
    "S",
    "add the suggested items the agenda lacks",
    Msg::SuggestAgenda,
);

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    ADD,
    TICK,
    PRIVATE,
    TO_STEP,
    OWNER,
    DUE,
    MOVE_UP,
    MOVE_DOWN,
    DELETE,
    NOTES,
    MINUTES,
    CLEAR,
    SUGGEST,
    back_to("back to the conversation log"),
];

/// The keys that work on a conversation's items wherever it is shown (also in the review).
pub const NOTES_KEYS: &[Binding] = &[
    ADD, TICK, TO_STEP, OWNER, DUE, MOVE_UP, MOVE_DOWN, DELETE, NOTES, MINUTES, CLEAR, SUGGEST,
];

/// The side panel goes beside the sheet from this width.
const SIDE_PANEL: u16 = 100;

/// Role-dependent questions for each of the 4 Ps (what a P asks apart has none of its own).
fn prep_prompt(part: P, role: Role) -> Option<&'static str> {
    Some(match (part, role) {
        (P::PartnerWants | P::AskWork | P::AskRelationship, _) => return None,
        (P::Purpose, Role::Mentee) => {
            "What is this meeting for? Which goal or challenge is in progress, and is it a \
             follow-up, the original goal, or something new? What would success look like?"
        }
        (P::Purpose, Role::Mentor) => {
            "What is this meeting for? What can you offer that nobody else can: resources, \
             contacts, feedback? Unsure what they need? Prepare questions to find out."
        }
        (P::Preparation, _) => {
            "What do you want from this conversation? Recall the last one and what is still \
             open. Draft the questions that could bring new insight or a closer bond."
        }
        (P::Participation, _) => {
            "How will you stay present from start to end, and which distractions go away? \
             Plan one question for feedback on the work and another on the relationship, and \
             tick (x) the commitments you kept."
        }
        (P::Plan, Role::Mentee) => {
            "How does this conversation move your goals on? Name what you will do before you \
             meet again, and the help you will ask your mentor for."
        }
        (P::Plan, Role::Mentor) => {
            "How does this conversation serve the partnership's goals? How will you hold \
             the mentee to their commitments and keep them moving?"
        }
    })
}

fn warning(text: &str) -> Item<'static> {
    Item::Lines(vec![Line::from(Span::styled(
        text.to_string(),
        THEME.warning,
    ))])
}

fn items(
    wb: &Workbook,
    c: usize,
    narrow: bool,
    today: chrono::NaiveDate,
    include_private: bool,
) -> Vec<Item<'_>> {
    let Some(conv) = wb.conversations.get(c) else {
        return vec![Item::Prompt(
            "This conversation is no longer in the workbook. Esc goes back.".into(),
        )];
    };
    let mut items = vec![
        Item::Field(Field::Conversation(c, C::At)),
        Item::Choice(Choice::ConvKind(c)),
        Item::Choice(Choice::ConversationPrivate(c)),
    ];
    // Who else took part, from the agreement's people (x or Enter ticks).
    items.extend((0..wb.people.len()).map(|i| Item::Choice(Choice::Present(c, i))));
    if narrow {
        items.push(Item::Prompt(guide_text(conv.kind).into()));
    }
    items.push(Item::Heading("Before: the 4 Ps"));
    for &part in P::ALL {
        if let Some(prompt) = prep_prompt(part, wb.role) {
            items.push(Item::Prompt(prompt.into()));
        }
        items.push(Item::Field(Field::Prep(c, part)));
        if part == P::AskRelationship {
            for k in 0..Pledge::ALL.len() {
                items.push(Item::Choice(Choice::Pledge(c, k)));
            }
        }
    }
    items.push(Item::Heading("Agenda"));
    items.push(Item::Prompt(
        "Suggested when the conversation was created, from what is due, open or quiet. Keep, \
         move (K/J), tick (x) or delete (d) items; X clears them all, S suggests again. A \
         past meeting starts empty once its date is set."
            .into(),
    ));
    for (k, a) in conv.agenda.iter().enumerate() {
        // Carried over: where from, so the earlier meeting can be looked up.
        let from = a
            .from
            .and_then(|id| wb.conversations.iter().find(|x| x.id == id));
        items.push(Row::field(
            Field::Agenda(c, k),
            if a.done { "[x] " } else { "[ ] " }.into(),
            a.text.as_str(),
            from.map_or(String::new(), |x| {
                format!("from the {} meeting", x.at.format("%Y-%m-%d"))
            }),
            false,
        ));
    }
    items.push(Item::Add(ListKind::Agenda(c)));
    items.push(Item::Heading("During: notes"));
    items.push(Item::Field(Field::Conversation(c, C::Notes)));
    items.push(Item::Field(Field::Conversation(c, C::Length)));
    items.extend(super::arc::items(wb, c, include_private));
    items.push(Item::Heading("Feedback"));
    items.push(Item::Prompt(
        "Be specific and describe behaviour, with an example. Check it was understood, and \
         ask what the other makes of your feedback."
            .into(),
    ));
    let judging =
        "This reads like a verdict on the person: say what they did, when, and its effect.";
    items.push(Item::Field(Field::Feedback(c, F::Given)));
    if judges_the_person(&conv.feedback.given) {
        items.push(warning(judging));
    }
    items.push(Item::Field(Field::Feedback(c, F::Received)));
    if judges_the_person(&conv.feedback.received) {
        items.push(warning(judging));
    }
    items.push(Item::Choice(Choice::Understood(c)));
    items.push(Item::Field(Field::Feedback(c, F::OnFeedback)));
    items.push(Item::Heading("After: commitments"));
    items.push(Item::Prompt(
        "Who does what next. o sets the owner (a new one is the same person's as the one \
         above it; the first is the mentee's), t the due date, x ticks it done; c adds it to \
         a goal's action plan as a step."
            .into(),
    ));
    for (k, x) in conv.commitments.iter().enumerate() {
        let overdue = x.overdue(today);
        let mut suffix = vec![match x.due {
            Some(d) if overdue => format!("OVERDUE since {d}"),
            due => format!("due {}", date(due)),
        }];
        if let Some(step) = x.step {
            let goal = wb.goals.iter().find(|g| g.plan.position(step).is_some());
            suffix.push(match goal {
                Some(g) => format!("→ step of “{}”", g.name()),
                None => "→ step (since removed)".into(),
            });
        }
        items.push(Row::field(
            Field::Commitment(c, k),
            format!(
                "{} {:<7}",
                if x.done { "[x]" } else { "[ ]" },
                wb.carrier(x.owner, x.who)
            ),
            x.text.as_str(),
            suffix.join(" · "),
            overdue,
        ));
    }
    items.push(Item::Add(ListKind::Commitments(c)));
    let ids: Vec<u64> = conv
        .commitments
        .iter()
        .map(|k| k.id)
        .filter(|id| *id != 0)
        .collect();
    let from_partner = crate::screens::partner_notes_on(wb, &ids);
    if !from_partner.is_empty() {
        items.push(Item::Heading(
            "Your partner's notes (from their last packet)",
        ));
        items.push(Item::Lines(from_partner));
    }
    items.push(Item::Heading("Next meeting"));
    items.push(Item::Field(Field::Conversation(c, C::NextMeeting)));
    items.push(Item::Field(Field::Conversation(c, C::NextGoal)));
    if conv.next_meeting.is_none() || conv.next_goal.trim().is_empty() {
        items.push(warning(
            "Agree the next meeting's date and what it should achieve before you part.",
        ));
    }
    items
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook, c: usize) -> Vec<Target> {
    sheet::targets(&items(wb, c, false, chrono::NaiveDate::default(), true))
}

/// Draws the screen: the sheet, and the kind's guide beside it when there is room.
pub fn render(app: &App, c: usize, area: Rect, buf: &mut Buffer) {
    let wb = &app.workbook;
    if area.width < SIDE_PANEL {
        sheet::render(
            app,
            area,
            buf,
            &items(wb, c, true, app.today, !app.call_mode),
        );
        return;
    }
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(38),
    ]));
    sheet::render(
        app,
        left,
        buf,
        &items(wb, c, false, app.today, !app.call_mode),
    );
    if let Some(conv) = wb.conversations.get(c) {
        let title = conv.kind.title();
        let text = format!("{title}\n\n{}", guide_text(conv.kind));
        guidance(right, buf, &text);
    }
}
