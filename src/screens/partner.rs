//! The partner view: the other partner's goals, action steps and commitments as their last
//! share packet holds them, read-only, with a note and a tick of mine on any of them. My
//! notes go back in my own packet (`mentorbook share`) and show on their items.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Handled, go, start_edit};
use crate::app::App;
use crate::field::{Field, Kind, Spec};
use crate::keys::{Binding, MOVE, Msg, back_to, code, explained, plain};
use crate::model::{PartnerNote, PartnerView, Role, StepStatus, Workbook};
use crate::msg::Effect;
use crate::nav::Screen;
use crate::theme::THEME;

/// Keys of the partner view.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[code(KeyCode::Enter)],
        "Enter",
        "note",
        "write a note for your partner on this item",
        Msg::Activate,
    ),
    explained(
        &[plain('x')],
        "x",
        "agreed",
        "tick the item: seen and agreed (again: untick)",
        Msg::Toggle,
    ),
    back_to("back to the overview"),
];

/// A note's field: what it is called and how it is edited.
pub const NOTE: Spec = Spec::new(
    Kind::Text,
    "Your note",
    "what you want your partner to read beside this item",
);

/// One item of the partner's that can be noted: its id there, its name, how it is shown.
struct Item {
    id: u64,
    about: String,
    line: String,
    indent: bool,
}

/// The partner's goals with their steps, then the commitments of their conversations.
fn items(wb: &Workbook) -> Vec<Item> {
    let mut out = Vec::new();
    for g in &wb.goals {
        let due = g.deadline.map(|d| format!(" · by {d}")).unwrap_or_default();
        out.push(Item {
            id: g.id,
            about: format!("goal “{}”", g.name()),
            line: format!("Goal: {} ({}){due}", g.name(), g.status.name()),
            indent: false,
        });
        for s in &g.plan.steps {
            let mark = match s.status {
                StepStatus::Done => "☑",
                StepStatus::Doing => "◐",
                StepStatus::Todo => "☐",
            };
            let due = s.due.map(|d| format!(" · due {d}")).unwrap_or_default();
            out.push(Item {
                id: s.id,
                about: format!("step “{}” of “{}”", s.text.trim(), g.name()),
                line: format!("{mark} {} · {}{due}", s.text.trim(), s.owner.name()),
                indent: true,
            });
        }
    }
    for c in &wb.conversations {
        for k in c.commitments.iter().filter(|k| k.id != 0) {
            let due = k.due.map(|d| format!(" · due {d}")).unwrap_or_default();
            out.push(Item {
                id: k.id,
                about: format!("commitment “{}”", k.text.trim()),
                line: format!(
                    "Commitment ({}): {} · {}{due}",
                    c.at.format("%Y-%m-%d"),
                    k.text.trim(),
                    k.owner.name()
                ),
                indent: false,
            });
        }
    }
    out
}

fn selected(app: &App, n: usize) -> usize {
    app.focus_slot().min(n.saturating_sub(1))
}

/// Who the partner is, in words: "Ben Okafor (mentor)".
pub fn who(view: &PartnerView) -> String {
    let wb = &view.workbook;
    let (name, role) = match wb.role {
        Role::Mentor => (&wb.mentor, "mentor"),
        Role::Mentee => (&wb.mentee, "mentee"),
    };
    if name.trim().is_empty() {
        format!("your partner ({role})")
    } else {
        format!("{} ({role})", name.trim())
    }
}

/// `P` on the overview: the partner view, if there is one.
pub fn open(app: &mut App) -> Option<Effect> {
    if app.partner.is_none() {
        app.notice = Some(
            "No partner view yet: `mentorbook partner FILE` keeps the packet your partner \
             shares."
                .into(),
        );
        return None;
    }
    let effect = go(app, Screen::Partner);
    app.set_focus_slot(0);
    effect
}

/// My note on the partner's item `id`, made (empty) if there is none yet; its position.
fn note_for(app: &mut App, view: &PartnerView, item: &Item) -> usize {
    let wb = &mut app.workbook;
    let id = &view.workbook.id;
    if let Some(i) =
        (wb.notes_for_partner.iter()).position(|n| n.id == item.id && n.workbook == *id)
    {
        return i;
    }
    // Notes left empty and unticked say nothing: they go before a new one is made.
    wb.notes_for_partner
        .retain(|n| !n.text.trim().is_empty() || n.agreed);
    wb.notes_for_partner.push(PartnerNote {
        id: item.id,
        workbook: id.clone(),
        about: item.about.clone(),
        text: String::new(),
        agreed: false,
    });
    wb.notes_for_partner.len() - 1
}

/// The partner's notes on my items `ids`, one line each: theirs, read-only here.
pub fn notes_on(wb: &Workbook, ids: &[u64]) -> Vec<Line<'static>> {
    (wb.notes_from_partner.iter())
        .filter(|n| ids.contains(&n.id))
        .map(|n| {
            let tick = if n.agreed { "✓ agreed · " } else { "" };
            let text = n.text.trim().replace('\n', " / ");
            Line::from(Span::styled(
                format!("{} — {tick}{text}", n.about),
                THEME.done,
            ))
        })
        .collect()
}

/// The partner view's keys.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    let Some(view) = app.partner.clone() else {
        return match msg {
            Msg::Back => Handled::Yes(go(app, Screen::Home)),
            _ => Handled::No,
        };
    };
    let all = items(&view.workbook);
    let at = selected(app, all.len());
    match msg {
        Msg::Up => app.set_focus_slot(at.saturating_sub(1)),
        Msg::Down => app.set_focus_slot((at + 1).min(all.len().saturating_sub(1))),
        Msg::First => app.set_focus_slot(0),
        Msg::Last => app.set_focus_slot(all.len().saturating_sub(1)),
        Msg::Back => return Handled::Yes(go(app, Screen::Home)),
        Msg::Activate | Msg::Toggle if all.is_empty() => {
            app.notice = Some("Your partner's packet holds no goal or commitment yet.".into());
        }
        Msg::Activate => {
            let i = note_for(app, &view, &all[at]);
            start_edit(app, Field::PartnerNote(i), false);
        }
        Msg::Toggle => {
            let i = note_for(app, &view, &all[at]);
            let note = &mut app.workbook.notes_for_partner[i];
            note.agreed = !note.agreed;
            app.notice = Some(if note.agreed {
                "Ticked: your partner sees it as agreed in your next packet.".into()
            } else {
                "Unticked.".into()
            });
            app.touch();
            return Handled::Yes(Some(Effect::Save));
        }
        _ => return Handled::No,
    }
    Handled::Yes(None)
}

/// The partner's items, each with my note below it.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = &app.partner else {
        Paragraph::new("No partner view yet: `mentorbook partner FILE` keeps one.")
            .render(area, buf);
        return;
    };
    let all = items(&view.workbook);
    let at = selected(app, all.len());
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "{}, as shared {} · read-only",
                who(view),
                view.shared_at.format("%Y-%m-%d %H:%M")
            ),
            THEME.heading,
        )),
        Line::from(Span::styled(
            "Enter writes a note, x ticks it agreed: both go back in your next `mentorbook share`.",
            THEME.hint,
        )),
        Line::default(),
    ];
    let mut focus_line = 0;
    for (i, item) in all.iter().enumerate() {
        let style = if i == at { THEME.focus_row } else { THEME.text };
        if i == at {
            focus_line = lines.len();
        }
        let lead = if item.indent { "    " } else { "" };
        lines.push(Line::from(Span::styled(
            format!("{lead}{}", item.line),
            style,
        )));
        let note = (app.workbook.notes_for_partner.iter())
            .find(|n| n.id == item.id && n.workbook == view.workbook.id);
        if let Some(n) = note.filter(|n| !n.text.trim().is_empty() || n.agreed) {
            let tick = if n.agreed { "✓ agreed  " } else { "" };
            let text = n.text.trim().replace('\n', " / ");
            lines.push(Line::from(Span::styled(
                format!("{lead}  ↳ {tick}{text}"),
                THEME.done,
            )));
        }
    }
    if all.is_empty() {
        lines.push(Line::from(Span::styled(
            "Their packet holds no goal or commitment yet.",
            THEME.hint,
        )));
    }
    // Keep the focused row in sight.
    let rows = usize::from(area.height);
    let scroll = focus_line.saturating_sub(rows.saturating_sub(3)) as u16;
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(area, buf);
}
