//! One check-in: a step back from the goals to look at the partnership itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{CheckInPart as K, Field};
use crate::keys::{Binding, ENTER, MOVE, back_to};
use crate::model::Workbook;
use crate::nav::Target;
use crate::screens::sheet::{self, Item};

/// Keys of this screen.
pub const KEYS: &[Binding] = &[MOVE, ENTER, back_to("back to the conversation log")];

fn items(wb: &Workbook, i: usize) -> Vec<Item<'static>> {
    if i >= wb.check_ins.len() {
        return vec![Item::Prompt(
            "This check-in is no longer in the workbook. Esc goes back.".into(),
        )];
    }
    let mut items = vec![Item::Prompt(
        format!(
            "On the rhythm you agreed, look at how the partnership works rather than at the \
             goals. A good moment to reread {} and change it if needed.",
            crate::lifecycle::Exercise::Agreement.named()
        )
        .into(),
    )];
    items.extend(K::ALL.iter().map(|p| Item::Field(Field::CheckIn(i, *p))));
    items
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook, i: usize) -> Vec<Target> {
    sheet::targets(&items(wb, i))
}

/// Draws the screen.
pub fn render(app: &App, i: usize, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook, i));
}
