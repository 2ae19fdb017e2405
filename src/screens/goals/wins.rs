//! The ledger of wins on the goals page: what the mentee achieved along the way, each with
//! its kind, date, evidence and the goal it serves.

use crate::field::{Field, Kind, ListKind, Spec};
use crate::model::Workbook;
use crate::report::Block;
use crate::screens::sheet::{Item, Row};

/// A win, its date and its evidence.
pub const WIN: Spec = Spec::new(
    Kind::Line,
    "Win",
    "a talk given, a paper out, funding won, a deliverable shipped",
);
pub const WIN_DATE: Spec = Spec::new(Kind::Date, "Date", "a date: 2026-11-20, yesterday, -3d");
pub const WIN_EVIDENCE: Spec = Spec::new(
    Kind::Line,
    "Evidence",
    "a link, a reference, where the proof is",
);

/// One win's details after its words: kind, date, goal, evidence.
fn suffix(wb: &Workbook, i: usize) -> String {
    let w = &wb.wins[i];
    let mut parts = vec![w.kind.name().to_string()];
    parts.push(w.date.map_or("undated".into(), |d| d.to_string()));
    if let Some(g) = wb.win_goal(w) {
        parts.push(format!("→ {}", g.name()));
    }
    if !w.evidence.trim().is_empty() {
        parts.push(format!("evidence: {}", w.evidence.trim()));
    }
    parts.join(" · ")
}

/// The section's items, in the order the wins were logged.
pub fn items(wb: &Workbook) -> Vec<Item<'_>> {
    let mut items = vec![
        Item::Heading("Wins along the way"),
        Item::Prompt(
            "Talks, papers, funding, awards, deliverables, promotions: log each as it happens. \
             o sets the kind, t the date, e the evidence, l the goal it serves. Closure \
             celebrates them."
                .into(),
        ),
    ];
    for (i, w) in wb.wins.iter().enumerate() {
        items.push(Row::field(
            Field::Win(i),
            "★ ".into(),
            w.what.as_str(),
            suffix(wb, i),
            false,
        ));
    }
    items.push(Item::Add(ListKind::Wins));
    items
}

/// The wins written, newest first (undated last).
fn logged(wb: &Workbook) -> impl Iterator<Item = &crate::model::Win> {
    (wb.wins_by_date().into_iter())
        .map(|i| &wb.wins[i])
        .filter(|w| !w.what.trim().is_empty())
}

/// The wins as a table, newest first: for the documents.
pub fn report(wb: &Workbook) -> Vec<Block> {
    let rows: Vec<Vec<String>> = logged(wb)
        .map(|w| {
            vec![
                w.what.trim().to_string(),
                w.kind.name().to_string(),
                w.date.map(|d| d.to_string()).unwrap_or_default(),
                wb.win_goal(w)
                    .map(|g| g.name().to_string())
                    .unwrap_or_default(),
                w.evidence.trim().to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Subheading("Wins along the way".into()),
        Block::Table {
            head: vec!["Win", "Kind", "Date", "Goal", "Evidence"],
            rows,
        },
    ]
}

/// The wins in a few lines, newest first: closure's celebration draws on them.
pub fn summary(wb: &Workbook) -> Option<String> {
    let lines: Vec<String> = logged(wb)
        .map(|w| {
            let date = w.date.map_or(String::new(), |d| format!(", {d}"));
            format!("★ {} ({}{date})", w.what.trim(), w.kind.name())
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}
