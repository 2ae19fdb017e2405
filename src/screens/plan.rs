//! The mentoring plan: topics to bring to the mentor, in three areas plus your own.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::App;
use crate::field::{Field, ListKind};
use crate::keys::{BACK, Binding, ENTER, Key, MOVE, Msg};
use crate::model::{PlanArea, Workbook};
use crate::nav::Target;
use crate::ui::sheet::{self, Item};

const fn key(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    Binding {
        keys: &[key('a')],
        label: "a",
        hint: "add",
        help: "add a topic to the area at the focus",
        msg: Some(Msg::Add),
        footer: true,
    },
    Binding {
        keys: &[key('d')],
        label: "d",
        hint: "delete",
        help: "delete the topic (asks unless it is empty)",
        msg: Some(Msg::Delete),
        footer: true,
    },
    Binding {
        keys: &[key('x')],
        label: "x",
        hint: "discussed",
        help: "mark the topic discussed, or open again",
        msg: Some(Msg::Toggle),
        footer: true,
    },
    Binding {
        keys: &[key('p')],
        label: "p",
        hint: "private",
        help: "mark the topic private, or shareable",
        msg: Some(Msg::TogglePrivate),
        footer: true,
    },
    BACK,
];

/// The areas in the plan's order, with a heading and what belongs there.
const AREAS: [(PlanArea, &str, &str); 4] = [
    (
        PlanArea::Career,
        "1. Your career",
        "Where next, and how to get there: what the next level involves and its duties, how to \
         prepare, whether to finish a degree or move sideways. No idea yet? Map a path together.",
    ),
    (
        PlanArea::Development,
        "2. Your development needs",
        "Aiming higher opens gaps. Which knowledge, skills and abilities are missing, what did \
         evaluations point out, and how can your mentor help close each gap?",
    ),
    (
        PlanArea::Workplace,
        "3. The workplace now",
        "Trouble with a manager or peers, nowhere left to move, changes nobody explained. \
         Confidential: new topics here start private.",
    ),
    (
        PlanArea::Other,
        "Your own topics",
        "Anything else worth a conversation: the quality of your working life, how the \
         partnership itself is going.",
    ),
];

fn items(wb: &Workbook) -> Vec<Item<'static>> {
    let mut items = vec![Item::Prompt(
        "The roadmap of your conversations. Open topics are the ones still to discuss.".into(),
    )];
    for (area, title, guidance) in AREAS {
        items.push(Item::Heading(title));
        items.push(Item::Prompt(guidance.into()));
        let list = ListKind::Topics(area);
        for field in list.fields(wb) {
            let Field::Topic(i) = field else { continue };
            let t = &wb.mentoring_plan.topics[i];
            let state = if t.discussed { "discussed" } else { "open" };
            let flags = if t.private {
                format!("private · {state}")
            } else {
                state.to_string()
            };
            items.push(Item::ListRow(field, flags));
        }
        items.push(Item::Add(list));
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
