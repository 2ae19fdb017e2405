//! The overview: who the partnership is, its role and phase, every exercise grouped by the
//! stage of the relationship it belongs to, and what to do next.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::sheet::{self, Item, Note};
use super::{Handled, progress};
use crate::app::App;
use crate::field::{Choice, Field, Kind, Spec, WorkbookPart as W};
use crate::keys::{Binding, MOVE, Msg, code, explained, plain};
use crate::lifecycle::{Exercise, Stage};
use crate::model::Workbook;
use crate::nav::Target;

/// Overview keys.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[code(crossterm::event::KeyCode::Enter)],
        "Enter",
        "open / edit",
        "open an exercise, edit a name, change a choice",
        Msg::Activate,
    ),
    explained(
        &[plain('p')],
        "p",
        "next phase",
        "move the relationship phase on (it wraps round)",
        Msg::CyclePhase,
    ),
    explained(
        &[plain('P')],
        "P",
        "partner view",
        "your partner's plan from their last packet",
        Msg::OpenPartner,
    ),
    explained(
        &[plain('m')],
        "m",
        "merge choices",
        "choose what to keep where a merge collided",
        Msg::OpenMerge,
    ),
];

/// The workbook's names.
pub fn spec(part: W) -> Spec {
    match part {
        W::Title => Spec::new(Kind::Line, "Workbook", "a name for this workbook"),
        W::Mentee => Spec::new(Kind::Line, "Mentee", "who is being mentored"),
        W::Mentor => Spec::new(Kind::Line, "Mentor", "who is mentoring"),
    }
}

/// Short tips for a mentee, in our own words.
const TIPS: [&str; 6] = [
    "• Drive it: propose the agenda and book the next meeting yourself.",
    "• Prepare: ten minutes on the 4 Ps saves the hour you meet.",
    "• Ask for specific feedback, and thank the giver, even when it stings.",
    "• Keep your word and its date; when you cannot, say so early.",
    "• What is said in confidence stays between you.",
    "• Log wins and lessons as they happen: memory fades, the workbook does not.",
];

/// The overview's items: names, role and phase, then the stages with their exercises.
fn items<'a>(
    wb: &Workbook,
    location: Option<&std::path::Path>,
    today: chrono::NaiveDate,
    loading: bool,
    call_mode: bool,
) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    if !wb.conflicts.is_empty() {
        let n = wb.conflicts.len();
        let s = if n == 1 { "" } else { "s" };
        items.push(Item::Heading("Merged with another copy"));
        items.push(Item::Lines(vec![ratatui::text::Line::styled(
            format!("{n} collision{s} to choose: m shows each side by side"),
            crate::theme::THEME.warning,
        )]));
    }
    items.push(Item::Heading("This workbook"));
    items.extend(W::ALL.iter().map(|p| Item::Field(Field::Workbook(*p))));
    items.push(Item::Choice(Choice::Role));
    if wb.role == crate::model::Role::Mentor {
        items.push(Item::Choice(Choice::MentorNotes));
    }
    items.extend([
        Item::Choice(Choice::Phase),
        Item::Heading("Exercises, stage by stage"),
    ]);
    for stage in Stage::ALL {
        let now = if stage.in_focus(wb) { "  ◆ now" } else { "" };
        items.push(Item::Prompt(format!("{}{now}", stage.name()).into()));
        for exercise in stage.exercises() {
            items.push(Item::Exercise(
                exercise,
                exercise_note(wb, exercise, today, loading, call_mode),
            ));
        }
    }
    items.push(Item::Heading("Next step"));
    items.push(Item::Info(next_step(wb, !call_mode)));
    if wb.role == crate::model::Role::Mentee {
        items.push(Item::Heading("Tips for mentees"));
        items.push(Item::Info(TIPS.join("\n")));
    }
    items.push(Item::Heading("Where the ideas come from"));
    items.push(Item::Prompt(
        "Mentoring is intentional work, and no single standard way to do it exists: this \
         workbook gives yours a shape and keeps bringing it back to purpose and goals. The \
         phases and the kinds of support follow Kram (1983, 1988); the four core skills \
         (a journal template) follow Stoeger, Balestrini & Ziegler (2020)."
            .into(),
    ));
    items.push(Item::Heading("During a call"));
    items.push(Item::Prompt(
        "R puts a reference (the action plans, the goals, the agreement…) beside today's \
         conversation notes. C is call mode, for a shared screen: the conversation with \
         yourself, private journal entries and private topics stay hidden until C again."
            .into(),
    ));
    if let Some(path) = location {
        let dir = path.parent().unwrap_or(path);
        items.push(Item::Heading("Your data"));
        items.push(Item::Prompt(
            format!(
                "Saved as you type to {}. Earlier versions are kept in {}.",
                path.display(),
                dir.join("backups").display()
            )
            .into(),
        ));
    }
    items
}

/// A few words after an exercise, and whether they need attention: when the agreement was
/// last looked at, when the next check-in is due, how the journal is going.
fn exercise_note(
    wb: &Workbook,
    e: Exercise,
    today: chrono::NaiveDate,
    loading: bool,
    call_mode: bool,
) -> Note {
    match e {
        Exercise::Agreement => {
            let a = &wb.agreement;
            let Some(last) = a.reviewed_on.or(a.agreed_on) else {
                return Note::default();
            };
            let verb = if a.reviewed_on.is_some() {
                "reviewed"
            } else {
                "agreed"
            };
            Note::plain(match (today - last).num_days() {
                0 => format!("{verb} today"),
                1 => format!("{verb} yesterday"),
                d if d > 1 => format!("{verb} {d} days ago"),
                _ => format!("{verb} {last}"),
            })
        }
        Exercise::Conversations => {
            // A call counts only what it may show: a private conversation's promises too.
            let overdue = (wb.conversations.iter())
                .filter(|c| !(call_mode && c.private))
                .flat_map(|c| &c.commitments)
                .filter(|x| x.overdue(today))
                .count();
            let mut note = match wb.next_check_in_due() {
                Some(due) if due < today => Note {
                    text: format!("check-in overdue since {due}"),
                    alert: true,
                },
                Some(due) => Note::plain(format!("next check-in {due}")),
                None => Note::default(),
            };
            if overdue > 0 {
                let promises = match overdue {
                    1 => "1 commitment overdue".to_string(),
                    n => format!("{n} commitments overdue"),
                };
                note.text = match note.text.is_empty() {
                    true => promises,
                    false => format!("{promises} · {}", note.text),
                };
                note.alert = true;
            }
            note
        }
        Exercise::Journal if loading => Note::plain("reading the journal…".into()),
        // A call counts only what it may show: how many private entries there are, and when
        // the last was written, are private too.
        Exercise::Journal if call_mode => {
            let shared = wb.journal.not_private().count();
            match wb.journal.not_private().map(|e| e.at).max() {
                Some(last) => Note::plain(format!(
                    "{shared} shared {}, the latest {}",
                    if shared == 1 { "entry" } else { "entries" },
                    last.format("%Y-%m-%d")
                )),
                None => Note::plain("no shared entries".into()),
            }
        }
        Exercise::Journal => match wb.journal.latest() {
            Some(last) => Note::plain(format!(
                "{} entries, the latest {}",
                wb.journal.total(),
                last.format("%Y-%m-%d")
            )),
            None => Note::plain("no entries yet: n writes one, from anywhere".into()),
        },
        Exercise::Goals => Note::plain(super::goals::note(wb)),
        Exercise::Reflection
        | Exercise::Prospect
        | Exercise::Plan
        | Exercise::Vision
        | Exercise::Brainstorm
        | Exercise::Closure => Note::default(),
    }
}

/// `p`: the phase moves on. From the last phase the next is the first again: a
/// relationship rarely starts over, so that is asked, not done.
fn next_phase(app: &mut App) -> Option<crate::msg::Effect> {
    if app.workbook.phase.next() == crate::model::Phase::ALL[0] {
        app.mode = crate::nav::Mode::Confirm(crate::nav::Confirm::FirstPhase);
        return None;
    }
    let next = app.workbook.phase.next();
    set_phase(app, next)
}

/// The phase picked from the list (Enter on the phase): going back is allowed, and asked,
/// since phases overlap rather than end.
pub fn pick_phase(app: &mut App, phase: crate::model::Phase) -> Option<crate::msg::Effect> {
    let at = |p| crate::model::Phase::ALL.iter().position(|x| *x == p);
    if at(phase) < at(app.workbook.phase) {
        app.mode = crate::nav::Mode::Confirm(crate::nav::Confirm::PhaseBack(phase));
        return None;
    }
    set_phase(app, phase)
}

/// Sets the phase.
pub fn set_phase(app: &mut App, phase: crate::model::Phase) -> Option<crate::msg::Effect> {
    if app.workbook.phase != phase {
        app.workbook.phase = phase;
        app.touch();
    }
    Some(crate::msg::Effect::Save)
}

/// `p`: the relationship's phase moves on.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    match msg {
        Msg::CyclePhase => Handled::Yes(next_phase(app)),
        _ => Handled::No,
    }
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb, None, chrono::NaiveDate::default(), false, false))
}

/// Draws the overview.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut items = items(
        &app.workbook,
        app.location.as_deref(),
        app.today,
        app.loading_journal,
        app.call_mode,
    );
    if let Some(partner) = &app.partner {
        // Before "Your data", which comes last when the workbook has a place.
        let at = items.len() - usize::from(app.location.is_some()) * 2;
        items.splice(
            at..at,
            [
                Item::Heading("Your partner"),
                Item::Prompt(
                    format!(
                        "{} shared their plan on {}. P shows it (a note or a tick on any \
                         item goes back in your next `mentorbook share`); in the review, P \
                         puts it beside today's notes.",
                        super::partner_name(partner),
                        partner.shared_at.format("%Y-%m-%d %H:%M")
                    )
                    .into(),
                ),
            ],
        );
    }
    sheet::render(app, area, buf, &items);
}

/// Whether `exercise` is still to finish; with `include_private` false (call mode), a
/// private exercise or private item never counts either way.
fn incomplete(exercise: Exercise, wb: &Workbook, include_private: bool) -> bool {
    (include_private || !exercise.private())
        && progress(exercise, wb, include_private).is_some_and(|p| !p.is_complete())
}

/// The exercise to work on next: the first unfinished one of the stages in focus, else the
/// first unfinished one before them, else after them. `None` when everything is complete.
/// `include_private` false for call mode (see [`incomplete`]).
pub fn next_exercise(wb: &Workbook, include_private: bool) -> Option<Exercise> {
    let first_focus = Stage::ALL.iter().position(|s| s.in_focus(wb)).unwrap_or(0);
    let unfinished = |stages: &[Stage]| {
        stages
            .iter()
            .flat_map(|s| s.exercises())
            .find(|e| incomplete(*e, wb, include_private))
    };
    let (before, from) = Stage::ALL.split_at(first_focus);
    let focus: Vec<Stage> = from.iter().copied().filter(|s| s.in_focus(wb)).collect();
    let after: Vec<Stage> = from.iter().copied().filter(|s| !s.in_focus(wb)).collect();
    unfinished(&focus)
        .or_else(|| unfinished(before))
        .or_else(|| unfinished(&after))
}

/// A suggestion for what to do next, from the phase and what is still missing.
pub fn next_step(wb: &Workbook, include_private: bool) -> String {
    let mentees_own = matches!(
        next_exercise(wb, include_private),
        Some(Exercise::Plan | Exercise::Vision | Exercise::Brainstorm | Exercise::Goals)
    );
    match next_exercise(wb, include_private) {
        // The plan, the vision and the goals are the mentee's to write: a mentor goes
        // through them with the mentee and keeps what they agree.
        Some(exercise) if wb.role == crate::model::Role::Mentor && mentees_own => {
            let who = match wb.mentee.trim() {
                "" => "your mentee",
                name => name,
            };
            format!(
                "Go through “{}” with {who} next (press {}): it is theirs to write; keep here \
                 what you agree. In the {} phase you are {}.",
                exercise.title(),
                exercise.key(),
                wb.phase.name().to_lowercase(),
                wb.phase.about()
            )
        }
        Some(exercise) => format!(
            "Work on “{}” next (press {}). In the {} phase you are {}.",
            exercise.title(),
            exercise.key(),
            wb.phase.name().to_lowercase(),
            wb.phase.about()
        ),
        None => "Every exercise is complete. Look back over them with your partner: do they \
                 still describe where you are?"
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Phase;

    #[test]
    fn next_step_names_an_exercise_and_its_key() {
        let mut wb = Workbook::default();
        assert!(
            next_step(&wb, true).starts_with("Work on “Conversation with yourself” next (press 1)")
        );
        wb.phase = Phase::Initiation;
        assert!(next_step(&wb, true).contains("“Partnership agreement” next (press 3)"));
    }

    #[test]
    fn a_mentor_is_sent_through_the_mentees_own_exercises_with_them() {
        let mut wb = Workbook {
            role: crate::model::Role::Mentor,
            mentee: "Ana Ruiz".into(),
            ..Workbook::default()
        };
        assert!(next_step(&wb, true).starts_with("Work on “Conversation with yourself”"));
        wb.phase = Phase::Cultivation;
        let step = next_step(&wb, true);
        assert_eq!(next_exercise(&wb, true), Some(Exercise::Plan), "{step}");
        assert!(
            step.starts_with("Go through “Mentoring plan” with Ana Ruiz next (press 4)"),
            "{step}"
        );
    }

    #[test]
    fn next_exercise_follows_the_phase_then_looks_back() {
        let mut wb = Workbook::default();
        assert_eq!(next_exercise(&wb, true), Some(Exercise::Reflection));
        wb.phase = Phase::Initiation;
        assert_eq!(next_exercise(&wb, true), Some(Exercise::Agreement));
        wb.phase = Phase::Separation;
        assert_eq!(next_exercise(&wb, true), Some(Exercise::Closure));
        // Closure done: go back to what was skipped.
        let c = &mut wb.closure;
        c.planned_how = "x".into();
        for check in [
            &mut c.accomplishments_acknowledged,
            &mut c.learning_evaluated,
            &mut c.application_discussed,
            &mut c.milestones_celebrated,
        ] {
            check.done = true;
        }
        for s in [
            &mut c.learned,
            &mut c.what_worked,
            &mut c.apply_in_future,
            &mut c.celebration,
            &mut c.stay_in_touch,
        ] {
            *s = "x".into();
        }
        c.continue_together = Some(true);
        assert_eq!(next_exercise(&wb, true), Some(Exercise::Reflection));
    }
}
