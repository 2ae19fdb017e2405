//! The partnership agreement: why you meet, how, what stays between you, how it ends.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::sheet::{self, Item, Row};
use super::{Handled, document};
use crate::app::App;
use crate::field::{AgreementPart as A, Field, Kind, Spec};
use crate::keys::{BACK, Binding, ENTER, MOVE, Msg, explained, plain};
use crate::model::{Progress, Workbook};
use crate::msg::Effect;
use crate::nav::Target;
use crate::report::Block;

/// A person of the relationship, as a list item.
pub const PERSON: Spec = Spec::new(
    Kind::Line,
    "Person",
    "a co-mentor, a committee member, the programme's coordinator, a sponsor",
);

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    explained(
        &[plain('r')],
        "r",
        "reviewed today",
        "record a review of the agreement today",
        Msg::MarkReviewed,
    ),
    explained(
        &[plain('a')],
        "a",
        "add",
        "add someone to the relationship",
        Msg::Add,
    ),
    explained(
        &[plain('o')],
        "o",
        "role",
        "a person's role: co-mentor, committee…",
        Msg::Cycle,
    ),
    explained(
        &[plain('d')],
        "d",
        "delete",
        "take someone off (asks unless unnamed)",
        Msg::Delete,
    ),
    BACK,
];

/// Each ground rule's name and hint.
pub fn spec(part: A) -> Spec {
    let text = |label, hint| Spec::new(Kind::Text, label, hint);
    let line = |label, hint| Spec::new(Kind::Line, label, hint);
    let date = |label| Spec::new(Kind::Date, label, "a date: 2026-12-01, today, +2w, fri");
    match part {
        A::Purpose => text(
            "What the partnership is for",
            "What should be different when the partnership ends?",
        ),
        A::Meetings => text(
            "When, where and how often we meet",
            "e.g. every other Thursday, 08:30, by video, 45 minutes",
        ),
        A::MeetingLength => line(
            "How long we meet",
            "e.g. 45 minutes, 1h, 1h30 (the calendar's length)",
        ),
        A::MeetingPlace => line("Where we meet", "a room, an address or a call link"),
        A::Scheduling => line("Who schedules", "who sends the invitation and the agenda"),
        A::CheckInEvery => Spec::new(Kind::Days, "Check in", "e.g. 30, 2w or 1m"),
        A::Confidentiality => text(
            "What confidentiality means for us",
            "What stays between you, and what may be shared?",
        ),
        A::Boundaries => text("Off limits", "Topics or behaviour you agree to keep out"),
        A::MenteeHotButtons => text(
            "Mentee's hot buttons",
            "Behaviour in others that sets this person off",
        ),
        A::MentorHotButtons => text(
            "Mentor's hot buttons",
            "Behaviour in others that sets this person off",
        ),
        A::PlannedLength => line("Planned length", "e.g. nine months, reviewed after three"),
        A::ClosingPlan => text(
            "How we will bring it to a close",
            "A closing conversation, a written summary, a celebration…",
        ),
        A::Programme => line(
            "Programme",
            "the mentoring programme you are part of, if any",
        ),
        A::ProgrammeEnds => date("The programme ends on"),
        A::ReevaluateOn => date("We re-evaluate on"),
        A::Mandatory => text(
            "Events and trainings we must attend",
            "Kick-off, trainings, mid-point and closing events the programme asks for",
        ),
        A::TimeCommitment => line(
            "Time each of us commits",
            "e.g. two hours a month, plus the programme's events",
        ),
        A::NoFaultExit => text(
            "Leaving without blame",
            "How either of you can end it early, no questions asked, and whom to tell",
        ),
        A::AgreedOn => date("Agreed on"),
        A::SignedBy => line(
            "Signed by",
            "who signed it: both of you, and the programme?",
        ),
        A::ReviewedOn => date("Last reviewed"),
    }
}

/// Everyone in the relationship: the two partners (named on the overview), then the
/// others, each with a role.
fn people(wb: &Workbook) -> Vec<Item<'_>> {
    let name = |n: &str| {
        let n = n.trim();
        if n.is_empty() {
            "(not named yet)".to_string()
        } else {
            n.to_string()
        }
    };
    let mut items = vec![
        Item::Heading("Everyone in the relationship"),
        Item::Info(format!(
            "Mentee: {} · Mentor: {} (names on the overview)",
            name(&wb.mentee),
            name(&wb.mentor)
        )),
        Item::Prompt(
            "Others who matter to the plan: co-mentors, a committee, the programme's \
             coordinator, a co-mentee, a sponsor. o sets a role. Steps, commitments and \
             resources can then name them (o), and conversations who was there."
                .into(),
        ),
    ];
    for (i, p) in wb.people.iter().enumerate() {
        items.push(Row::field(
            Field::Person(i),
            "• ".into(),
            p.name.as_str(),
            p.role.name().into(),
            false,
        ));
    }
    items.push(Item::Add(crate::field::ListKind::People));
    items
}

fn items(wb: &Workbook) -> Vec<Item<'_>> {
    let f = |p| Item::Field(Field::Agreement(p));
    let mut items = vec![Item::Prompt(
        "Draft it together at your first meeting. The form matters less than agreeing, in \
         writing, on what you want and how you will work."
            .into(),
    )];
    items.extend([
        Item::Heading("Why we meet"),
        f(A::Purpose),
        Item::Heading("How we meet"),
        f(A::Meetings),
        f(A::MeetingLength),
        f(A::MeetingPlace),
        f(A::Scheduling),
        f(A::CheckInEvery),
        Item::Heading("Trust"),
        f(A::Confidentiality),
        f(A::Boundaries),
        f(A::MenteeHotButtons),
        f(A::MentorHotButtons),
        Item::Heading("How long, and how it ends"),
        f(A::PlannedLength),
        f(A::ClosingPlan),
        Item::Heading("Part of a programme? (optional)"),
        f(A::Programme),
        f(A::ProgrammeEnds),
        f(A::ReevaluateOn),
        f(A::Mandatory),
        f(A::TimeCommitment),
        f(A::NoFaultExit),
    ]);
    items.extend(people(wb));
    items.extend([
        Item::Heading("Agreed"),
        f(A::AgreedOn),
        f(A::SignedBy),
        f(A::ReviewedOn),
        Item::Prompt("Revisit it at your check-ins; r records a review today.".into()),
    ]);
    items
}

/// Whether a part counts towards the agreement's progress, and if so whether it is done.
/// Either partner's hot buttons will do; the last review is a record, not a rule.
fn done(part: A, wb: &Workbook) -> Option<bool> {
    let filled = |p| Field::Agreement(p).filled(wb);
    match part {
        A::MenteeHotButtons => Some(filled(A::MenteeHotButtons) || filled(A::MentorHotButtons)),
        A::MentorHotButtons
        | A::ReviewedOn
        | A::MeetingLength
        | A::MeetingPlace
        | A::Programme
        | A::ProgrammeEnds
        | A::ReevaluateOn
        | A::Mandatory
        | A::TimeCommitment
        | A::NoFaultExit
        | A::SignedBy => None,
        A::Purpose
        | A::Meetings
        | A::Scheduling
        | A::CheckInEvery
        | A::Confidentiality
        | A::Boundaries
        | A::PlannedLength
        | A::ClosingPlan
        | A::AgreedOn => Some(filled(part)),
    }
}

/// The ground rules, and the date both agreed.
pub fn progress(wb: &Workbook) -> Progress {
    Progress::count(A::ALL.iter().filter_map(|p| done(*p, wb)))
}

/// The agreement as a document: every ground rule written, in the screen's order.
pub fn report(wb: &Workbook) -> Vec<Block> {
    let mut out = Vec::new();
    let named: Vec<String> = (wb.people.iter())
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| format!("{} ({})", p.name.trim(), p.role.name()))
        .collect();
    if !named.is_empty() {
        out.push(Block::Label("Everyone else in the relationship".into()));
        out.push(Block::Bullets(named));
    }
    out.extend(document::form(wb, &items(wb)));
    out
}

/// `r`: the agreement was reviewed today; `o`: a person's role.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    if *msg == Msg::Cycle {
        return Handled::Yes(match super::focused_field(app) {
            Some(Field::Person(i)) => super::choose(app, crate::field::Choice::PersonRole(i)),
            _ => {
                app.notice = Some("o sets a person's role: move to one first.".into());
                None
            }
        });
    }
    if *msg != Msg::MarkReviewed {
        return Handled::No;
    }
    app.workbook.agreement.reviewed_on = Some(app.today);
    app.touch();
    app.notice = Some(format!(
        "Agreement marked as reviewed today ({}).",
        app.today
    ));
    Handled::Yes(Some(Effect::Save))
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_the_rules() {
        let mut wb = Workbook::default();
        assert_eq!(progress(&wb), Progress { done: 0, total: 10 });
        wb.agreement.mentor_hot_buttons = "lateness".into();
        wb.agreement.check_in_every_days = Some(30);
        assert_eq!(progress(&wb).done, 2);
    }
}
