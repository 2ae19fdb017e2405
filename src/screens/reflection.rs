//! The conversation with yourself: why you want mentoring and what you bring. Private.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{Field, ReflectPart as R};
use crate::keys::{BACK, Binding, ENTER, MOVE};
use crate::model::Workbook;
use crate::nav::Target;
use crate::ui::sheet::{self, Item};

/// Keys of this screen.
pub const KEYS: &[Binding] = &[MOVE, ENTER, BACK];

fn items(_wb: &Workbook) -> Vec<Item<'static>> {
    let mut items = vec![Item::Prompt(
        "Before you look for a partner, talk it through with yourself. These answers are for \
         you alone: they are private."
            .into(),
    )];
    items.extend(
        [
            R::Why,
            R::Contribute,
            R::Gain,
            R::PartnerAttributes,
            R::PastLessons,
        ]
        .map(|p| Item::Field(Field::Reflect(p))),
    );
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
