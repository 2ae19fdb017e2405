//! The arc of a direction on a conversation's page: the common ground an awareness
//! conversation finds, the options and decision of an exploration, the signs, commitment,
//! confidence and readiness of a preparation; and the order the three are meant to come in.

use ratatui::text::{Line, Span};

use crate::app::App;
use crate::field::{ArcPart as A, Choice, Field, Kind, Spec, by_role};
use crate::model::{ConversationKind, Role, Sign, Workbook};
use crate::msg::Effect;
use crate::nav::{Confirm, Mode};
use crate::screens::sheet::Item;
use crate::theme::THEME;

/// Each part's name and hint.
pub fn spec(part: A, role: Role) -> Spec {
    let text = |label, hint| Spec::new(Kind::Text, label, hint);
    match part {
        A::CommonGround => text(
            "Common ground we found",
            "Shared work, places, interests, values: what made talking easy",
        ),
        A::Options => text(
            "Options on the table",
            "Every direction that is really open, one per line",
        ),
        A::Weighing => text(
            "How we weighed them",
            "What speaks for and against each: fit, cost, timing, appetite",
        ),
        A::Direction => Spec::new(
            Kind::Line,
            "Direction chosen",
            "The one direction you settled on, in a few words",
        ),
        A::DirectionWhy => text("Why this one", "What tipped the balance"),
        A::Confidence => text(
            by_role(role, "What worries me", "What worries them"),
            by_role(
                role,
                "Doubts about being ready or good enough, said plainly",
                "Where their confidence wobbles, as they put it",
            ),
        ),
        A::Support => text(
            "Support asked for and given",
            by_role(
                role,
                "What you asked your mentor for, and what they offered",
                "What they asked you for, and what you offered",
            ),
        ),
        A::Readiness => text(
            "How ready it feels",
            "Getting prepared shows how ready you are: what did it show?",
        ),
    }
}

fn field(c: usize, part: A) -> Item<'static> {
    Item::Field(Field::Arc(c, part))
}

fn warning(text: String) -> Item<'static> {
    Item::Lines(vec![Line::from(Span::styled(text, THEME.warning))])
}

/// The arc's items for conversation `c`: nothing for a kind outside the arc. A private
/// exploration's direction shows only with `include_private` (not in call mode).
pub fn items(wb: &Workbook, c: usize, include_private: bool) -> Vec<Item<'static>> {
    let Some(conv) = wb.conversations.get(c) else {
        return Vec::new();
    };
    let mut items = Vec::new();
    if conv.arc.out_of_order
        && let Some(before) = conv.kind.comes_after()
    {
        items.push(Item::Info(format!(
            "Held before any {} conversation, on purpose.",
            before.name()
        )));
    }
    match conv.kind {
        ConversationKind::Awareness => {
            items.push(Item::Heading("Awareness: common ground"));
            items.push(Item::Prompt(
                "Trust grows from what you find you share. Note it: later conversations build \
                 on it."
                    .into(),
            ));
            items.push(field(c, A::CommonGround));
        }
        ConversationKind::Exploration => {
            items.push(Item::Heading("Exploration: options and the choice"));
            items.push(Item::Prompt(
                "List what is open, weigh it together, then record the one direction you choose: \
                 preparation conversations and the mentoring plan show it."
                    .into(),
            ));
            for part in [A::Options, A::Weighing, A::Direction, A::DirectionWhy] {
                items.push(field(c, part));
            }
        }
        ConversationKind::Preparation => {
            items.push(Item::Heading("Preparation: getting ready"));
            match wb.chosen_direction(include_private) {
                Some(x) => items.push(Item::Info(format!(
                    "Heading for: {} (chosen {})",
                    x.arc.direction.trim(),
                    x.at.format("%Y-%m-%d")
                ))),
                None => items.push(warning(
                    "No direction is chosen yet: preparing needs a destination. Record one \
                     in an exploration conversation (Direction chosen)."
                        .into(),
                )),
            }
            items.push(Item::Prompt(
                "What makes this conversation due? x ticks each sign that applies.".into(),
            ));
            for k in 0..Sign::ALL.len() {
                items.push(Item::Choice(Choice::Sign(c, k)));
            }
            items.push(Item::Choice(Choice::Committed(c)));
            if !conv.arc.committed {
                items.push(Item::Prompt(
                    "Intending is not yet preparing: tick it once you both commit to the \
                     course of action."
                        .into(),
                ));
            }
            items.push(Item::Prompt(
                "Then work in order on the goal's action plan: identify the activities, \
                 sequence them, set the measures that show success."
                    .into(),
            ));
            for part in [A::Confidence, A::Support, A::Readiness] {
                items.push(field(c, part));
            }
        }
        _ => {}
    }
    items
}

/// A kind picked for conversation `c`: taken at once, or, when it would skip a step of the
/// arc, asked first.
pub fn set_kind(app: &mut App, c: usize, kind: ConversationKind) -> Option<Effect> {
    let conv = app.workbook.conversations.get(c)?;
    if conv.kind != kind && app.workbook.skips_arc(c, kind).is_some() {
        app.mode = Mode::Confirm(Confirm::ArcOrder(c, kind));
        return None;
    }
    take_kind(app, c, kind, false)
}

/// Sets the kind; `skipped` records that the arc's order was set aside on purpose.
pub fn take_kind(app: &mut App, c: usize, kind: ConversationKind, skipped: bool) -> Option<Effect> {
    let conv = app.workbook.conversations.get_mut(c)?;
    conv.kind = kind;
    conv.arc.out_of_order = skipped;
    app.touch();
    Some(Effect::Save)
}

/// The question `set_kind` asks.
pub fn order_question(wb: &Workbook, c: usize, kind: ConversationKind) -> String {
    let before = wb.skips_arc(c, kind).unwrap_or(ConversationKind::Awareness);
    let why = match before {
        ConversationKind::Awareness => {
            "exploring directions works on the trust an awareness conversation builds"
        }
        _ => "preparing needs the direction an exploration conversation chooses",
    };
    format!(
        "No {} conversation is recorded yet, and {why}. Make this an {} conversation anyway? \
         (It is noted as held out of order.)",
        before.name(),
        kind.name()
    )
}

/// The arc as a document: under the conversation's notes.
pub fn report(role: Role, conv: &crate::model::Conversation) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = (A::ALL.iter())
        .filter(|p| p.kind() == conv.kind)
        .map(|p| (spec(*p, role).label.to_string(), p.slot(&conv.arc)))
        .filter_map(|(label, slot)| match slot {
            crate::model::Slot::Text(t) if !t.trim().is_empty() => Some((label, t.clone())),
            _ => None,
        })
        .collect();
    if conv.kind == ConversationKind::Preparation {
        let signs: Vec<&str> = (Sign::ALL.iter())
            .filter(|s| conv.arc.signs.contains(s))
            .map(|s| s.label())
            .collect();
        if !signs.is_empty() {
            out.insert(0, ("Why it was due".into(), signs.join("; ")));
        }
        if conv.arc.committed {
            out.insert(0, ("Course of action".into(), "committed".into()));
        }
    }
    out
}
