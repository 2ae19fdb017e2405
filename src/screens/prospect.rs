//! A prospective partner: what each side wants, and the fit decision both make. The prompts
//! follow the workbook's role.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{Choice, Field, ProspectPart as P};
use crate::keys::{BACK, Binding, ENTER, MOVE};
use crate::model::{Role, Workbook};
use crate::nav::Target;
use crate::ui::sheet::{self, Item};

/// Keys of this screen.
pub const KEYS: &[Binding] = &[MOVE, ENTER, BACK];

fn items(wb: &Workbook) -> Vec<Item<'static>> {
    let mut items = Vec::new();
    match wb.role {
        Role::Mentee => {
            items.push(Item::Prompt(
                "As the mentee: say exactly what you want to learn, and show why you are worth a \
                 mentor's time."
                    .into(),
            ));
            items.push(Item::Field(Field::Prospect(P::LearnWhatAndWhy)));
            items.push(Item::Field(Field::Prospect(P::Readiness)));
            items.push(Item::Prompt(
                "Worth showing: real enthusiasm for your work, a commitment to your own growth, \
                 and proof that you learn and follow through."
                    .into(),
            ));
        }
        Role::Mentor => {
            items.push(Item::Prompt(
                "As the mentor: before you agree, be clear about what drives this person and \
                 where they want to go."
                    .into(),
            ));
            items.push(Item::Field(Field::Prospect(P::MenteeMotivations)));
        }
    }
    items.push(Item::Heading("Is this a good match?"));
    items.push(Item::Prompt(
        "Each of you decides for yourself: Enter moves a decision on (a good fit, not yet, not a \
         fit)."
            .into(),
    ));
    let mentee = [
        Item::Choice(Choice::MenteeFit),
        Item::Field(Field::Prospect(P::MenteeFitNote)),
    ];
    let mentor = [
        Item::Choice(Choice::MentorFit),
        Item::Field(Field::Prospect(P::MentorFitNote)),
    ];
    // Your own decision first.
    match wb.role {
        Role::Mentee => items.extend(mentee.into_iter().chain(mentor)),
        Role::Mentor => items.extend(mentor.into_iter().chain(mentee)),
    }
    items
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook));
}
