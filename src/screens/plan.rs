//! The mentoring plan: topics to bring to the mentor, in three areas plus your own.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::document::filled;
use super::sheet::{self, Item};
use super::{Handled, focused_field};
use crate::app::App;
use crate::field::{CareerPart, Choice, Field, Kind, ListKind, Spec, by_role};
use crate::keys::{BACK, Binding, ENTER, MOVE, Msg, explained, plain};
use crate::model::{PlanArea, Progress, Role, Topic, Workbook};
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

/// A development need's evidence.
pub const EVIDENCE: Spec = Spec::new(
    Kind::Line,
    "  Evidence",
    "what the review, the job description or the feedback said",
);

/// How the mentor helps close a development need's gap.
pub fn help_spec(role: Role) -> Spec {
    Spec::new(
        Kind::Line,
        "  How the mentor helps",
        by_role(
            role,
            "an introduction, practice, feedback, a stretch assignment",
            "what you can offer: an introduction, practice, feedback",
        ),
    )
}

/// The career context's words.
pub fn career_spec(part: CareerPart, role: Role) -> Spec {
    match part {
        CareerPart::LeadingOthers => Spec::new(
            Kind::Text,
            "Leading others: what it demands",
            by_role(
                role,
                "From doing the work to leading those who do: what changes for you",
                "From doing the work to leading those who do: what changes for them",
            ),
        ),
    }
}

/// The career context, then the direction an exploration chose: at the head of the career
/// area.
fn career_items(wb: &Workbook, include_private: bool) -> Vec<Item<'static>> {
    let mut items = vec![
        Item::Choice(Choice::CareerChange),
        Item::Choice(Choice::CareerState),
        Item::Field(Field::Career(CareerPart::LeadingOthers)),
    ];
    if let Some(c) = wb.chosen_direction(include_private) {
        let why = c.arc.direction_why.trim();
        items.push(Item::Info(format!(
            "Direction chosen {}: {}{}",
            c.at.format("%Y-%m-%d"),
            c.arc.direction.trim(),
            if why.is_empty() {
                String::new()
            } else {
                format!(" (why: {why})")
            }
        )));
    }
    items
}

/// An area's written topics; `include_private` false (call mode) leaves the private ones
/// out, so that not even a count betrays them.
fn written(wb: &Workbook, area: PlanArea, include_private: bool) -> Vec<&Topic> {
    (wb.mentoring_plan.topics.iter())
        .filter(|t| t.area == area && filled(&t.text) && (include_private || !t.private))
        .collect()
}

/// How many of an area's topics were discussed, shown under its heading.
fn discussed_line(wb: &Workbook, area: PlanArea, include_private: bool) -> Option<String> {
    let topics = written(wb, area, include_private);
    if topics.is_empty() {
        return None;
    }
    let done = topics.iter().filter(|t| t.discussed).count();
    Some(format!("{done} of {} topics discussed", topics.len()))
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

fn items(wb: &Workbook, include_private: bool) -> Vec<Item<'static>> {
    let mut items = vec![Item::Prompt(
        "The roadmap of your conversations. Open topics are the ones still to discuss.".into(),
    )];
    for (k, (area, mut title, _, mut guidance)) in AREAS.into_iter().enumerate() {
        if wb.role == Role::Mentor {
            (title, guidance) = MENTOR_AREAS[k];
        }
        items.push(Item::Heading(title));
        items.push(Item::Prompt(guidance.into()));
        if area == PlanArea::Career {
            items.extend(career_items(wb, include_private));
        }
        if let Some(line) = discussed_line(wb, area, include_private) {
            items.push(Item::Info(line));
        }
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
            // A development need is a gap: where it showed, the evidence, the mentor's help.
            if area == PlanArea::Development {
                items.push(Item::Choice(Choice::TopicSource(i)));
                items.push(Item::Field(Field::TopicEvidence(i)));
                items.push(Item::Field(Field::TopicHelp(i)));
            }
        }
        items.push(Item::Add(list));
    }
    items
}

/// Per area of the three: a topic written, and every topic written discussed (the plan is
/// a roadmap: it is done when its topics were talked through). `include_private` false for
/// call mode, where a private topic must not show even as a count.
pub fn progress(wb: &Workbook, include_private: bool) -> Progress {
    let counts = [PlanArea::Career, PlanArea::Development, PlanArea::Workplace].map(|area| {
        let topics = written(wb, area, include_private);
        let any = !topics.is_empty();
        [any, any && topics.iter().all(|t| t.discussed)]
    });
    Progress::count(counts.into_iter().flatten())
}

/// The topics as a document, area by area, ticked when discussed.
pub fn report(wb: &Workbook, include_private: bool) -> Vec<Block> {
    let mut out = Vec::new();
    let career = &wb.mentoring_plan.career;
    let mut context = Vec::new();
    if let Some(c) = career.change {
        context.push((Choice::CareerChange.label(), c.name().to_string()));
    }
    if career.state.is_some() {
        context.push((Choice::CareerState.label(), Choice::CareerState.value(wb)));
    }
    if filled(&career.leading_others) {
        let label = career_spec(CareerPart::LeadingOthers, wb.role).label;
        context.push((label.to_string(), career.leading_others.trim().to_string()));
    }
    if let Some(c) = wb.chosen_direction(include_private) {
        context.push((
            "Direction chosen".into(),
            c.arc.direction.trim().to_string(),
        ));
    }
    if !context.is_empty() {
        out.push(Block::Subheading("Career context".into()));
        out.push(Block::Fields(context));
    }
    for (area, _, name, _) in AREAS {
        let items: Vec<(bool, String)> = (written(wb, area, include_private).into_iter())
            .map(|t| {
                let private = if t.private { " (private)" } else { "" };
                (t.discussed, format!("{}{private}", t.text.trim()))
            })
            .collect();
        if !items.is_empty() {
            out.push(Block::Subheading(name.to_string()));
            out.push(Block::Checklist(items));
        }
        if area == PlanArea::Development {
            out.extend(gap_analysis(wb, include_private));
        }
    }
    out
}

/// The development needs' gap analysis as a table, where any of it is written.
fn gap_analysis(wb: &Workbook, include_private: bool) -> Option<Block> {
    let rows: Vec<Vec<String>> = (written(wb, PlanArea::Development, include_private).into_iter())
        .filter(|t| t.source.is_some() || filled(&t.evidence) || filled(&t.mentor_help))
        .map(|t| {
            vec![
                t.text.trim().to_string(),
                t.source.map_or(String::new(), |s| s.name().to_string()),
                t.evidence.trim().to_string(),
                t.mentor_help.trim().to_string(),
            ]
        })
        .collect();
    (!rows.is_empty()).then(|| Block::Table {
        head: vec!["Gap", "Where it showed", "Evidence", "How the mentor helps"],
        rows,
    })
}

/// `x` and `p` on a topic: discussed, private.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    let toggle: fn(&mut crate::model::Topic) = match msg {
        Msg::Toggle => |t| t.discussed = !t.discussed,
        Msg::TogglePrivate => |t| t.private = !t.private,
        _ => return Handled::No,
    };
    let Some(Field::Topic(i) | Field::TopicEvidence(i) | Field::TopicHelp(i)) = focused_field(app)
    else {
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
    sheet::targets(&items(wb, true))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook, !app.call_mode));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_needs_a_topic_in_each_area_and_them_discussed() {
        let mut wb = Workbook::default();
        for (area, text, discussed) in [
            (PlanArea::Career, "next level", true),
            (PlanArea::Other, "x", true),
            (PlanArea::Workplace, " ", true),
            (PlanArea::Development, "writing", false),
        ] {
            wb.mentoring_plan.topics.push(Topic {
                area,
                text: text.into(),
                discussed,
                ..Topic::default()
            });
        }
        assert_eq!(progress(&wb, true), Progress { done: 3, total: 6 });
        wb.mentoring_plan.topics[3].discussed = true;
        assert_eq!(progress(&wb, true), Progress { done: 4, total: 6 });
    }

    #[test]
    fn each_area_says_how_much_of_it_was_discussed() {
        let mut wb = Workbook::default();
        assert_eq!(discussed_line(&wb, PlanArea::Career, true), None);
        for discussed in [true, false, false] {
            wb.mentoring_plan.topics.push(Topic {
                text: "t".into(),
                discussed,
                ..Topic::default()
            });
        }
        assert_eq!(
            discussed_line(&wb, PlanArea::Career, true).as_deref(),
            Some("1 of 3 topics discussed")
        );
        wb.mentoring_plan.topics[0].private = true;
        assert_eq!(
            discussed_line(&wb, PlanArea::Career, false).as_deref(),
            Some("0 of 2 topics discussed"),
            "call mode counts only what it may show"
        );
    }
}
