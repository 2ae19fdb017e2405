//! The mentoring plan: topics to bring to the mentor, in three areas plus your own.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::document::filled;
use super::sheet::{self, Item};
use super::{Handled, focused_field};
use crate::app::App;
use crate::field::{Field, Kind, ListKind, Spec, by_role};
use crate::keys::{BACK, Binding, ENTER, MOVE, Msg, explained, plain};
use crate::model::{PlanArea, Progress, Role, Workbook};
use crate::msg::Effect;
use crate::nav::Target;
use crate::report::Block;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    explained(
        &[plain('a')],
        "a",
        "add",
        "add a topic to the area at the focus",
        Msg::Add,
    ),
    explained(
        &[plain('d')],
        "d",
        "delete",
        "delete the topic (asks unless it is empty)",
        Msg::Delete,
    ),
    explained(
        &[plain('x')],
        "x",
        "discussed",
        "mark the topic discussed, or open again",
        Msg::Toggle,
    ),
    explained(
        &[plain('p')],
        "p",
        "private",
        "mark the topic private, or shareable",
        Msg::TogglePrivate,
    ),
    BACK,
];

/// A topic, as a list item.
pub fn topic(role: Role) -> Spec {
    let hint = by_role(
        role,
        "a question or subject to bring to your mentor",
        "a question the mentee brings, or one you will raise",
    );
    Spec::new(Kind::Line, "Topic", hint)
}

/// The areas in the plan's order, with a heading, a name for documents and what belongs
/// there.
const AREAS: [(PlanArea, &str, &str, &str); 4] = [
    (
        PlanArea::Career,
        "1. Your career",
        "Career",
        "Where next, and how to get there: what the next level involves and its duties, how to \
         prepare, whether to finish a degree or move sideways. No idea yet? Map a path together.",
    ),
    (
        PlanArea::Development,
        "2. Your development needs",
        "Development needs",
        "Aiming higher opens gaps. Which knowledge, skills and abilities are missing, what did \
         evaluations point out, and how can your mentor help close each gap?",
    ),
    (
        PlanArea::Workplace,
        "3. The workplace now",
        "The workplace now",
        "Trouble with a manager or peers, nowhere left to move, changes nobody explained. \
         Confidential: new topics here start private.",
    ),
    (
        PlanArea::Other,
        "Your own topics",
        "Other topics",
        "Anything else worth a conversation: the quality of your working life, how the \
         partnership itself is going.",
    ),
];

/// A mentor's workbook names the areas from beside the mentee (the same order as `AREAS`).
const MENTOR_AREAS: [(&str, &str); 4] = [
    (
        "1. Their career",
        "Where they want to go next and how to get there: the next level and its duties, how \
         to prepare, a degree to finish, a move sideways. No idea yet? Map a path together.",
    ),
    (
        "2. Their development needs",
        "Aiming higher opens gaps. Which knowledge, skills and abilities are they missing, what \
         did their evaluations point out, and where can you help close each gap?",
    ),
    (
        "3. The workplace now",
        "Trouble with a manager or peers, nowhere left to move, changes nobody explained. \
         Confidential: new topics here start private.",
    ),
    (
        "Other topics",
        "Anything else worth a conversation, from either of you: the quality of their working \
         life, how the partnership itself is going.",
    ),
];

fn items(wb: &Workbook) -> Vec<Item<'static>> {
    let mut items = vec![Item::Prompt(
        "The roadmap of your conversations. Open topics are the ones still to discuss.".into(),
    )];
    for (k, (area, mut title, _, mut guidance)) in AREAS.into_iter().enumerate() {
        if wb.role == Role::Mentor {
            (title, guidance) = MENTOR_AREAS[k];
        }
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

/// At least one topic in each of the three areas.
/// Which areas have a topic; `include_private` false for call mode, where a private topic
/// must not show even as a count.
pub fn progress(wb: &Workbook, include_private: bool) -> Progress {
    let has = |area| {
        (wb.mentoring_plan.topics.iter())
            .any(|t| t.area == area && filled(&t.text) && (include_private || !t.private))
    };
    Progress::count([
        has(PlanArea::Career),
        has(PlanArea::Development),
        has(PlanArea::Workplace),
    ])
}

/// The topics as a document, area by area, ticked when discussed.
pub fn report(wb: &Workbook, include_private: bool) -> Vec<Block> {
    let mut out = Vec::new();
    for (area, _, name, _) in AREAS {
        let items: Vec<(bool, String)> = (wb.mentoring_plan.topics.iter())
            .filter(|t| t.area == area && filled(&t.text))
            .filter(|t| include_private || !t.private)
            .map(|t| {
                let private = if t.private { " (private)" } else { "" };
                (t.discussed, format!("{}{private}", t.text.trim()))
            })
            .collect();
        if !items.is_empty() {
            out.push(Block::Subheading(name.to_string()));
            out.push(Block::Checklist(items));
        }
    }
    out
}

/// `x` and `p` on a topic: discussed, private.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    let toggle: fn(&mut crate::model::Topic) = match msg {
        Msg::Toggle => |t| t.discussed = !t.discussed,
        Msg::TogglePrivate => |t| t.private = !t.private,
        _ => return Handled::No,
    };
    let Some(Field::Topic(i)) = focused_field(app) else {
        app.notice = Some("Move to a topic first.".into());
        return Handled::Yes(None);
    };
    let Some(topic) = app.workbook.mentoring_plan.topics.get_mut(i) else {
        return Handled::Yes(None);
    };
    toggle(topic);
    app.touch();
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
    use crate::model::Topic;

    #[test]
    fn progress_needs_a_topic_in_each_area() {
        let mut wb = Workbook::default();
        for (area, text) in [
            (PlanArea::Career, "next level"),
            (PlanArea::Other, "x"),
            (PlanArea::Workplace, " "),
        ] {
            wb.mentoring_plan.topics.push(Topic {
                area,
                text: text.into(),
                ..Topic::default()
            });
        }
        assert_eq!(progress(&wb, true), Progress { done: 1, total: 3 });
    }
}
