//! The conversation log, newest first, and the check-ins, with when the next check-in is due.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crossterm::event::KeyCode;

use crate::keys::{BACK, Binding, MOVE, Msg, code, explained, plain};
use crate::model::{Workbook, describe_days};
use crate::nav::{Creates, Screen, Target};
use crate::screens::sheet::{self, Item, Row};
use crate::theme::THEME;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    explained(
        &[code(KeyCode::Enter)],
        "Enter",
        "open / edit",
        "open the conversation or check-in; edit a field",
        Msg::Activate,
    ),
    explained(
        &[plain('a')],
        "a",
        "new conversation",
        "a conversation now, with a suggested agenda",
        Msg::Add,
    ),
    explained(
        &[plain('i')],
        "i",
        "new check-in",
        "a check-in record dated today",
        Msg::AddCheckIn,
    ),
    explained(
        &[plain('d')],
        "d",
        "delete",
        "delete the conversation or check-in (asks)",
        Msg::Delete,
    ),
    BACK,
];

/// When the next check-in is due, in one line (highlighted when late).
pub fn check_in_line(wb: &Workbook, today: chrono::NaiveDate) -> Line<'static> {
    let Some(every) = wb.agreement.check_in_every_days else {
        return Line::from(Span::styled(
            format!(
                "No check-in rhythm agreed yet: set one in {}.",
                crate::lifecycle::Exercise::Agreement.named()
            ),
            THEME.hint,
        ));
    };
    let rhythm = Span::styled(format!("Check in {}", describe_days(every)), THEME.label);
    match wb.next_check_in_due() {
        None => Line::from(vec![
            rhythm,
            Span::styled(
                "  · counted from the agreement's date, which is not set yet",
                THEME.hint,
            ),
        ]),
        Some(due) if due < today => Line::from(vec![
            rhythm,
            Span::styled(
                format!(
                    "  · CHECK-IN OVERDUE: due {due}, {} days ago",
                    (today - due).num_days()
                ),
                THEME.warning,
            ),
        ]),
        Some(due) => Line::from(vec![
            rhythm,
            Span::styled(
                format!("  · next due {due}, in {} days", (due - today).num_days()),
                THEME.hint,
            ),
        ]),
    }
}

fn items(wb: &Workbook, today: chrono::NaiveDate) -> Vec<Item<'_>> {
    let mut items = vec![
        Item::Prompt(
            "Mentoring moves forward one focused conversation at a time. Prepare each with the \
             4 Ps, keep its notes and feedback, and leave with commitments and the next date."
                .into(),
        ),
        Item::Lines(vec![check_in_line(wb, today)]),
        Item::Heading("Conversations, newest first"),
    ];
    for c in by_date(wb) {
        let conv = &wb.conversations[c];
        // A mentor's 4 Ps are their own notes: the row names the conversation otherwise.
        let own = crate::privacy::mentor_notes_private(wb);
        let about = [&conv.prep.purpose, &conv.next_goal, &conv.notes]
            .into_iter()
            .skip(usize::from(own))
            .find_map(|t| t.lines().find(|l| !l.trim().is_empty()))
            .unwrap_or("")
            .trim();
        let mut suffix = vec![format!("{} agenda", conv.agenda.len())];
        if !conv.commitments.is_empty() {
            let n = conv.commitments.len();
            suffix.push(format!("{n} commitment{}", if n == 1 { "" } else { "s" }));
        }
        if let Some(next) = conv.next_meeting {
            suffix.push(format!("next {next}"));
        }
        if conv.private {
            suffix.push("private".into());
        }
        items.push(Item::Row(Row {
            target: Target::Open(Screen::Conversation(c)),
            lead: format!(
                "{}  {:<12} ",
                conv.at.format("%Y-%m-%d %H:%M"),
                conv.kind.name()
            ),
            text: about.into(),
            placeholder: "",
            suffix: suffix.join(" · "),
            alert: false,
        }));
    }
    items.push(Item::Row(Row {
        target: Target::Create(Creates::Conversation),
        lead: String::new(),
        text: "+ add a conversation".into(),
        placeholder: "",
        suffix: String::new(),
        alert: false,
    }));
    items.push(Item::Heading("Check-ins"));
    for i in check_ins_by_date(wb) {
        let r = &wb.check_ins[i];
        let about = [
            &r.progress,
            &r.process_working,
            &r.relationship,
            &r.adjustments,
        ]
        .into_iter()
        .find_map(|t| t.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("")
        .trim();
        items.push(Item::Row(Row {
            target: Target::Open(Screen::CheckIn(i)),
            lead: format!(
                "{}  ",
                r.date.map_or("no date   ".to_string(), |d| d.to_string())
            ),
            text: about.into(),
            placeholder: "",
            suffix: String::new(),
            alert: false,
        }));
    }
    items.push(Item::Row(Row {
        target: Target::Create(Creates::CheckIn),
        lead: String::new(),
        text: "+ add a check-in".into(),
        placeholder: "",
        suffix: String::new(),
        alert: false,
    }));
    items
}

/// Conversations newest first, as positions; of two at the same time the one added later
/// is the newer.
fn by_date(wb: &Workbook) -> Vec<usize> {
    let mut order: Vec<usize> = (0..wb.conversations.len()).collect();
    order.sort_by_key(|c| std::cmp::Reverse((wb.conversations[*c].at, *c)));
    order
}

/// Check-ins newest first, as positions (the one added later first on the same day).
fn check_ins_by_date(wb: &Workbook) -> Vec<usize> {
    let mut order: Vec<usize> = (0..wb.check_ins.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse((wb.check_ins[*i].date, *i)));
    order
}

/// Where the focus can rest: worked out without the rows' text, since a long log is asked
/// for its targets several times per key.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    let talks = by_date(wb)
        .into_iter()
        .map(|c| Target::Open(Screen::Conversation(c)));
    let checks = check_ins_by_date(wb)
        .into_iter()
        .map(|i| Target::Open(Screen::CheckIn(i)));
    talks
        .chain([Target::Create(Creates::Conversation)])
        .chain(checks)
        .chain([Target::Create(Creates::CheckIn)])
        .collect()
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook, app.today));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_targets_are_the_rows_on_screen() {
        let file = include_bytes!("../../../assets/sample-workbook.json");
        let wb = crate::store::decode(file).unwrap().workbook;
        assert!(wb.conversations.len() > 1 && !wb.check_ins.is_empty());
        assert_eq!(
            targets(&wb),
            sheet::targets(&items(&wb, chrono::NaiveDate::MIN))
        );
        let empty = Workbook::default();
        assert_eq!(
            targets(&empty),
            sheet::targets(&items(&empty, chrono::NaiveDate::MIN))
        );
    }
}
