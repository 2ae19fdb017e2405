//! A prospective partner: what each side wants, and the fit decision both make. The prompts
//! follow the workbook's role.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::sheet::{self, Item};
use crate::app::App;
use crate::field::{Choice, Field, Kind, ProspectPart as P, Spec};
use crate::keys::{BACK, Binding, ENTER, MOVE};
use crate::model::{Progress, Role, Workbook};
use crate::nav::Target;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[MOVE, ENTER, BACK];

/// Each part's name and hint.
pub fn spec(part: P) -> Spec {
    match part {
        P::LearnWhatAndWhy => Spec::new(
            Kind::Text,
            "What exactly I want to learn, and why",
            "Be precise: a skill, a role, a situation, and what it changes",
        ),
        P::Readiness => Spec::new(
            Kind::Text,
            "How I show I am ready and committed",
            "Your enthusiasm for your work, what you already do to grow",
        ),
        P::MenteeMotivations => Spec::new(
            Kind::Text,
            "The mentee's motivations and goals, as I understand them",
            "What drives them, where they want to go",
        ),
        P::MenteeFitNote => Spec::new(Kind::Line, "Mentee's note", "why, in a line"),
        P::MentorFitNote => Spec::new(Kind::Line, "Mentor's note", "why, in a line"),
    }
}

fn items(wb: &Workbook) -> Vec<Item<'static>> {
    let f = |p| Item::Field(Field::Prospect(p));
    let mut items = Vec::new();
    match wb.role {
        Role::Mentee => {
            items.push(Item::Prompt(
                "As the mentee: say exactly what you want to learn, and show why you are worth a \
                 mentor's time."
                    .into(),
            ));
            items.push(f(P::LearnWhatAndWhy));
            items.push(f(P::Readiness));
            items.push(Item::Prompt(
                "Worth showing: real enthusiasm for your work, a commitment to your own growth, \
                 and proof that you learn and follow through. Enter ticks what you showed."
                    .into(),
            ));
            for k in 0..crate::model::Shown::ALL.len() {
                items.push(Item::Choice(crate::field::Choice::Shown(k)));
            }
        }
        Role::Mentor => {
            items.push(Item::Prompt(
                "As the mentor: before you agree, be clear about what drives this person and \
                 where they want to go."
                    .into(),
            ));
            items.push(f(P::MenteeMotivations));
        }
    }
    items.push(Item::Heading("Is this a good match?"));
    items.push(Item::Prompt(
        "Each of you decides for yourself: Enter moves a decision on (a good fit, not yet, not a \
         fit)."
            .into(),
    ));
    let mentee = [Item::Choice(Choice::MenteeFit), f(P::MenteeFitNote)];
    let mentor = [Item::Choice(Choice::MentorFit), f(P::MentorFitNote)];
    // Your own decision first.
    match wb.role {
        Role::Mentee => items.extend(mentee.into_iter().chain(mentor)),
        Role::Mentor => items.extend(mentor.into_iter().chain(mentee)),
    }
    items
}

/// From this workbook's side: a mentee says what they want to learn and how they show
/// readiness; a mentor what drives the mentee; each decides on fit.
pub fn progress(wb: &Workbook) -> Progress {
    let p = &wb.prospect;
    let filled = |part| Field::Prospect(part).filled(wb);
    match wb.role {
        Role::Mentee => Progress::count([
            filled(P::LearnWhatAndWhy),
            filled(P::Readiness),
            p.mentee_fit.verdict.is_some(),
        ]),
        Role::Mentor => {
            Progress::count([filled(P::MenteeMotivations), p.mentor_fit.verdict.is_some()])
        }
    }
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
    use crate::model::Fit;

    #[test]
    fn progress_follows_the_role() {
        let mut wb = Workbook::default();
        wb.prospect.learn_what_and_why = "lead".into();
        wb.prospect.mentee_fit.verdict = Some(Fit::Good);
        assert_eq!(progress(&wb), Progress { done: 2, total: 3 });
        wb.role = Role::Mentor;
        assert_eq!(progress(&wb), Progress { done: 0, total: 2 });
        wb.prospect.mentor_fit.verdict = Some(Fit::NotYet);
        assert_eq!(progress(&wb), Progress { done: 1, total: 2 });
    }
}
