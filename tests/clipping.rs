//! Nothing hidden without a sign (issue 16, defects 3 and 4): every screen of a workbook
//! filled with long values (300-word answers, 130-character titles and items, 40-character
//! names) is drawn at 80x24 and 120x40 with the focus on each of its places in turn, and the
//! buffer is read: wherever a value shows, either all of it shows, or the place it stops
//! says so ("…" at the cut, or "↓ N more lines" just below). A value running off the top or
//! the bottom of a scrolling area is not cut: the scrollbar says there is more.

mod common;

use mentorbook::app::App;
use mentorbook::nav::Screen;
use serde_json::Value;

/// Words of value `v`: `v7w0 v7w1 …`, so a word on screen names its value and place.
fn words(v: usize, n: usize) -> String {
    (0..n)
        .map(|k| format!("v{v}w{k}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sample workbook with every piece of free text made long, each value numbered.
fn long_workbook() -> (mentorbook::model::Workbook, Vec<usize>) {
    let mut json = serde_json::to_value(common::fixture()).unwrap();
    let mut lengths = Vec::new();
    // `bare`: a string directly in a list (strengths, limitations); `item`: a field of an
    // object in a list (a step, a topic); `journal`: inside a journal entry.
    fn walk(
        v: &mut Value,
        key: &str,
        bare: bool,
        item: bool,
        journal: bool,
        lengths: &mut Vec<usize>,
    ) {
        match v {
            Value::Object(map) => {
                let journal = journal || map.contains_key("tags");
                for (k, x) in map.iter_mut() {
                    walk(x, k, false, bare || item, journal, lengths);
                }
            }
            Value::Array(items) => {
                for x in items {
                    walk(x, key, true, false, journal, lengths);
                }
            }
            Value::String(s) if key != "tags" && (s.contains(' ') || bare) => {
                let n = match key {
                    "mentee" | "mentor" => 6,
                    "title" if !item => 6,
                    "text" if journal => 300,
                    "text" | "title" | "strengths" | "limitations" => 22,
                    _ => 300,
                };
                let id = lengths.len();
                lengths.push(n);
                *s = words(id, n);
            }
            _ => {}
        }
    }
    walk(&mut json, "", false, false, false, &mut lengths);
    (serde_json::from_value(json).unwrap(), lengths)
}

/// Where the buffer cuts a value without a sign, as messages.
fn unmarked_cuts(app: &App, w: u16, h: u16, lengths: &[usize]) -> Vec<String> {
    let text = common::screen_text(app, w, h);
    let rows: Vec<&str> = text.lines().collect();
    // The body: below the title bar (and the call banner), above the footer.
    let body = 1..rows.len().saturating_sub(2);
    let mut last: std::collections::HashMap<usize, (usize, usize, usize)> = Default::default();
    for (r, row) in rows.iter().enumerate() {
        let mut rest = *row;
        let mut col = 0;
        while let Some(i) = rest.find('v') {
            let tail = &rest[i + 1..];
            let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
            let dv = digits(tail);
            if dv > 0 && tail[dv..].starts_with('w') {
                let after = &tail[dv + 1..];
                let dk = digits(after);
                if dk > 0 {
                    let v: usize = tail[..dv].parse().unwrap();
                    let k: usize = after[..dk].parse().unwrap();
                    let end = col + i + 1 + dv + 1 + dk;
                    let e = last.entry(v).or_insert((k, r, end));
                    if k >= e.0 {
                        *e = (k, r, end);
                    }
                }
            }
            col += i + 1;
            rest = &rest[i + 1..];
        }
    }
    let mut out = Vec::new();
    for (v, (k, r, end)) in last {
        if k + 1 == lengths[v] {
            // The last word shows: unless it is itself cut short, all of it is there.
            let whole = format!("v{v}w{k}");
            if rows[r][..end].ends_with(&whole) {
                continue;
            }
        }
        // Scrolled off the edge of the body (or a pane's edge at the body's edge).
        if r + 1 >= body.end || r <= body.start {
            continue;
        }
        let row = rows[r];
        // The cut: "…" right after the last whole word, or in the piece of a word after it.
        let after = row[end..].split("  ").next().unwrap_or("");
        let marked_here = after.contains('…') || row[..end].ends_with('…');
        // Behind a picker's or a question's box (its double border) is hidden, not cut.
        let behind_a_box = after.contains('║') || row[end..].trim_start().starts_with('║');
        let marked_below = (rows[r + 1..(r + 3).min(rows.len())].iter())
            .any(|l| l.contains("more line") || l.contains("↓ more") || l.contains("more ↓"));
        if !(marked_here || marked_below || behind_a_box) {
            out.push(format!(
                "{w}x{h} {:?}: value {v} stops at word {k} of {} with no sign, row {r}:\n{row}",
                app.screen, lengths[v]
            ));
        }
    }
    out
}

#[test]
fn no_value_is_cut_without_a_sign_on_any_screen() {
    let (wb, lengths) = long_workbook();
    let mut found = Vec::new();
    for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = App::new(wb.clone());
            app.today = common::fixed_now().date_naive();
            app.screen = screen;
            let n = mentorbook::screens::focus_targets(&app).len().max(1);
            for at in 0..n {
                mentorbook::screens::set_focus(&mut app, at);
                found.extend(unmarked_cuts(&app, w, h, &lengths));
            }
        }
    }
    // The pickers: a goal's status, a conversation's kind, the goal a commitment joins, what
    // an entry is linked to.
    use mentorbook::field::{Choice, Field};
    use mentorbook::nav::Target;
    let pickers = [
        (
            Screen::Goal(0),
            Target::Choice(Choice::GoalStatus(0)),
            "<Enter>",
        ),
        (
            Screen::Conversation(0),
            Target::Choice(Choice::ConvKind(0)),
            "<Enter>",
        ),
        (
            Screen::Conversation(1),
            Target::Field(Field::Commitment(1, 0)),
            "c",
        ),
        (
            Screen::Entry(0),
            Target::Choice(Choice::EntryLink(0)),
            "<Enter>",
        ),
    ];
    for (screen, target, keys) in pickers {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = App::new(wb.clone());
            app.today = common::fixed_now().date_naive();
            app.screen = screen;
            common::focus(&mut app, target);
            common::press(&mut app, keys);
            assert!(
                matches!(app.mode, mentorbook::nav::Mode::Pick(_)),
                "{target:?}"
            );
            found.extend(unmarked_cuts(&app, w, h, &lengths));
        }
    }
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "{} cuts without a sign:\n{}",
        found.len(),
        found.join("\n")
    );
}
