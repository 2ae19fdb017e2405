//! The overview: who the partnership is, its role and phase, every exercise grouped by the
//! stage of the relationship it belongs to, and what to do next.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{Choice, Field};
use crate::keys::{Binding, Key, MOVE, Msg};
use crate::lifecycle::{Stage, next_exercise};
use crate::model::Workbook;
use crate::nav::{Screen, Target};
use crate::ui::sheet::{self, Item, Note};

const fn key(code: KeyCode) -> Key {
    Key(code, KeyModifiers::NONE)
}

/// Overview keys.
pub const KEYS: &[Binding] = &[
    MOVE,
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        hint: "open / edit",
        help: "open an exercise, edit a name, change a choice",
        msg: Some(Msg::Activate),
        footer: true,
    },
    Binding {
        keys: &[key(KeyCode::Char('p'))],
        label: "p",
        hint: "next phase",
        help: "move the relationship phase on (it wraps round)",
        msg: Some(Msg::CyclePhase),
        footer: true,
    },
];

/// The overview's items: names, role and phase, then the stages with their exercises.
pub fn items<'a>(
    wb: &Workbook,
    location: Option<&std::path::Path>,
    today: chrono::NaiveDate,
    loading: bool,
) -> Vec<Item<'a>> {
    let mut items = vec![
        Item::Heading("This workbook"),
        Item::Field(Field::Title),
        Item::Field(Field::Mentee),
        Item::Field(Field::Mentor),
        Item::Choice(Choice::Role),
        Item::Choice(Choice::Phase),
        Item::Heading("Exercises, stage by stage"),
    ];
    for stage in Stage::ALL {
        let now = if stage.in_focus(wb) { "  ◆ now" } else { "" };
        items.push(Item::Prompt(format!("{}{now}", stage.name()).into()));
        for screen in stage.exercises() {
            items.push(Item::Exercise(
                *screen,
                exercise_note(wb, *screen, today, loading),
            ));
        }
    }
    items.push(Item::Heading("Next step"));
    items.push(Item::Info(next_step(wb)));
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
fn exercise_note(wb: &Workbook, screen: Screen, today: chrono::NaiveDate, loading: bool) -> Note {
    match screen {
        Screen::Agreement => {
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
        Screen::Conversations => match wb.next_check_in_due() {
            Some(due) if due < today => Note {
                text: format!("check-in overdue since {due}"),
                alert: true,
            },
            Some(due) => Note::plain(format!("next check-in {due}")),
            None => Note::default(),
        },
        Screen::Journal if loading => Note::plain("reading the journal…".into()),
        Screen::Journal => match wb.journal.iter().map(|e| e.at).max() {
            Some(last) => Note::plain(format!(
                "{} entries, the latest {}",
                wb.journal.len(),
                last.format("%Y-%m-%d")
            )),
            None => Note::plain("no entries yet: n writes one, from anywhere".into()),
        },
        _ => Note::default(),
    }
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb, None, chrono::NaiveDate::default(), false))
}

/// Draws the overview.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let items = items(
        &app.workbook,
        app.location.as_deref(),
        app.today,
        app.loading_journal,
    );
    sheet::render(app, area, buf, &items);
}

/// A suggestion for what to do next, from the phase and what is still missing.
pub fn next_step(wb: &Workbook) -> String {
    match next_exercise(wb) {
        Some(screen) => {
            let number = crate::nav::Screen::EXERCISES
                .iter()
                .position(|s| *s == screen)
                .map_or(0, |i| i + 1);
            format!(
                "Work on “{}” next (press {number}). In the {} phase you are {}.",
                screen.title(),
                wb.phase.name().to_lowercase(),
                wb.phase.about()
            )
        }
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
        assert!(next_step(&wb).starts_with("Work on “Conversation with yourself” next (press 1)"));
        wb.phase = Phase::Initiation;
        assert!(next_step(&wb).contains("“Partnership agreement” next (press 3)"));
    }
}
