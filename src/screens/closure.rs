//! Closure and redefinition: plan the ending, take the four closing checks, look back, and
//! decide what the relationship becomes.

use crate::report::Block;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::sheet::{self, Item};
use crate::app::App;
use crate::field::{Choice, ClosurePart as C, Field, Kind, Spec, by_role, closure_check};
use crate::keys::{BACK, Binding, ENTER, MOVE};
use crate::model::{Progress, Role, Workbook};
use crate::nav::Target;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    crate::keys::explained(
        &[crate::keys::plain('F')],
        "F",
        "pay it forward",
        "start your own workbook as a mentor",
        crate::msg::Msg::PayItForward,
    ),
    BACK,
];

/// `F`: this workbook is saved and a new one, where the mentee is the mentor, opens.
pub fn handle(app: &mut App, msg: &crate::msg::Msg) -> super::Handled {
    if *msg != crate::msg::Msg::PayItForward {
        return super::Handled::No;
    }
    if app.call_mode {
        app.notice = Some("Not during a call: C ends call mode first.".into());
        return super::Handled::Yes(None);
    }
    if app.flush_editor() {
        app.touch();
    }
    super::Handled::Yes(Some(crate::msg::Effect::StartAsMentor))
}

/// Each part's name and hint.
pub fn spec(part: C, role: Role) -> Spec {
    let text = |label, hint| Spec::new(Kind::Text, label, hint);
    let note = Spec::new(Kind::Line, "Notes", "what you said or decided");
    match part {
        C::PlannedWhen => Spec::new(
            Kind::Date,
            "Closing conversation on",
            "a date: 2027-06-01, +3m, next month",
        ),
        C::PlannedHow => text(
            "How we will close",
            "The last meeting, a summary, who you will thank…",
        ),
        C::AcknowledgedNotes | C::EvaluatedNotes | C::ApplicationNotes | C::CelebratedNotes => note,
        C::Learned => text("What I learned", "The learning this partnership produced"),
        C::WhatWorked => text(
            "What made the mentoring work",
            "Habits, tools, attitudes that made the difference",
        ),
        C::ApplyInFuture => text(
            "How I will use it in future relationships",
            by_role(
                role,
                "As a mentee again, or as a mentor",
                "With your next mentee, or as a mentee yourself",
            ),
        ),
        C::Celebration => text(
            "How we celebrate",
            "Something that means something to both of you: the wins above are a start",
        ),
        C::WhatStays => text(
            "What stays the same",
            "If you continue: what you keep doing",
        ),
        C::WhatChanges => text("What changes", "If you continue: what you do differently"),
        C::StayInTouch => text("How we stay in touch", "How often, and how"),
        C::PayItForward => text(
            "Paying it forward: my plan",
            "Whom you could mentor, in what setting, and when you will start",
        ),
    }
}

/// The note that goes with closing check `k`.
const CHECK_NOTES: [C; 4] = [
    C::AcknowledgedNotes,
    C::EvaluatedNotes,
    C::ApplicationNotes,
    C::CelebratedNotes,
];

/// The goals achieved, pulled from the goals themselves.
pub fn achieved_summary(wb: &Workbook) -> String {
    let lines: Vec<String> = wb
        .achieved_goals()
        .map(|g| {
            let done = g.milestones.iter().filter(|m| m.done).count();
            let mut about = Vec::new();
            if !g.milestones.is_empty() {
                about.push(format!("{done} of {} milestones", g.milestones.len()));
            }
            if let Some(d) = g.deadline {
                about.push(format!("due {d}"));
            }
            if about.is_empty() {
                format!("✓ {}", g.title)
            } else {
                format!("✓ {} ({})", g.title, about.join(", "))
            }
        })
        .collect();
    if lines.is_empty() {
        "No goal is marked achieved yet. Achieved goals appear here straight from the goals, \
         with their milestones."
            .to_string()
    } else {
        lines.join("\n")
    }
}

fn items(wb: &Workbook) -> Vec<Item<'static>> {
    let f = |p| Item::Field(Field::Closure(p));
    let mut items = vec![
        Item::Prompt(
            "Plan the ending well before it comes, so the partnership closes on purpose rather \
             than fading out."
                .into(),
        ),
        Item::Heading("Plan the closing"),
        f(C::PlannedWhen),
        f(C::PlannedHow),
        Item::Heading("The closing conversation"),
        Item::Prompt("Enter ticks a check; note what you said beneath it.".into()),
    ];
    for (k, note) in CHECK_NOTES.into_iter().enumerate() {
        items.push(Item::Choice(Choice::Check(k)));
        items.push(f(note));
    }
    items.extend([
        Item::Heading("Goals achieved"),
        Item::Info(achieved_summary(wb)),
        Item::Heading("Wins along the way"),
        Item::Info(crate::screens::goals::wins_summary(wb).unwrap_or_else(|| {
            format!(
                "No win logged yet: talks, papers, funding and deliverables go under the goals \
                 ({}), and show here to celebrate.",
                crate::lifecycle::Exercise::Goals.named()
            )
        })),
        Item::Heading("Looking back"),
        f(C::Learned),
        f(C::WhatWorked),
        f(C::ApplyInFuture),
        f(C::Celebration),
        Item::Heading("What comes next"),
        Item::Choice(Choice::ContinueTogether),
        f(C::WhatStays),
        f(C::WhatChanges),
        f(C::StayInTouch),
        Item::Choice(Choice::MenteeWillMentor),
        f(C::PayItForward),
        Item::Prompt(
            "F starts your own workbook as a mentor, beside this one (W switches between \
             them)."
                .into(),
        ),
    ]);
    items
}

/// Whether a part counts towards closure's progress, and if so whether it is done. The
/// plan counts once (a date or words); the notes, and what continuing changes, are optional.
fn done(part: C, wb: &Workbook) -> Option<bool> {
    let filled = |p| Field::Closure(p).filled(wb);
    match part {
        C::PlannedWhen => Some(filled(C::PlannedWhen) || filled(C::PlannedHow)),
        C::PlannedHow
        | C::AcknowledgedNotes
        | C::EvaluatedNotes
        | C::ApplicationNotes
        | C::CelebratedNotes
        | C::WhatStays
        | C::WhatChanges
        | C::PayItForward => None,
        C::Learned | C::WhatWorked | C::ApplyInFuture | C::Celebration | C::StayInTouch => {
            Some(filled(part))
        }
    }
}

/// Planned, the four checks, the reflection, and what comes next.
pub fn progress(wb: &Workbook) -> Progress {
    let parts = C::ALL.iter().filter_map(|p| done(*p, wb));
    let checks = (0..4).map(|k| closure_check(wb, k).is_some_and(|c| c.done));
    let decided = wb.closure.continue_together.is_some();
    Progress::count(parts.chain(checks).chain([decided]))
}

/// The closure as a document: the plan, each closing check done with its note, the goals
/// achieved, the look back and what comes next (choices only once made).
pub fn report(wb: &Workbook) -> Vec<Block> {
    let items = items(wb);
    let pairs = items.iter().filter_map(|item| match item {
        Item::Field(f) => Some((
            super::spec(*f, wb).label.to_string(),
            f.display(wb).map(|v| v.into_owned()).unwrap_or_default(),
        )),
        Item::Choice(c @ Choice::Check(k)) => closure_check(wb, *k)
            .filter(|x| x.done)
            .map(|_| (c.label(), "done".to_string())),
        Item::Choice(c @ (Choice::ContinueTogether | Choice::MenteeWillMentor)) => {
            let set = match c {
                Choice::ContinueTogether => wb.closure.continue_together,
                _ => wb.closure.mentee_will_mentor,
            };
            set.map(|_| (c.label(), c.value(wb)))
        }
        _ => None,
    });
    let kept: Vec<(String, String)> = pairs.filter(|(_, v)| !v.trim().is_empty()).collect();
    let mut out = Vec::new();
    if !kept.is_empty() {
        out.push(Block::Fields(kept));
    }
    if wb.achieved_goals().next().is_some() {
        out.push(Block::Label("Goals achieved".into()));
        out.push(Block::Para(achieved_summary(wb)));
    }
    if let Some(wins) = crate::screens::goals::wins_summary(wb) {
        out.push(Block::Label("Wins along the way".into()));
        out.push(Block::Para(wins));
    }
    out
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
    fn progress_counts_its_parts() {
        let mut wb = Workbook::default();
        assert_eq!(progress(&wb), Progress { done: 0, total: 11 });
        wb.closure.learning_evaluated.done = true;
        wb.closure.continue_together = Some(false);
        assert_eq!(progress(&wb), Progress { done: 2, total: 11 });
    }
}
