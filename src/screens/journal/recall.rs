//! Finding one's way back in the journal: the tags in use (to filter by one), "on this day"
//! (the same day in earlier years) and the month view (a day to jump to).

use chrono::{Datelike, Days, Months, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::commit_filter;
use crate::app::App;
use crate::keys::{Binding, Msg, bind, code, explained, plain};
use crate::msg::Effect;
use crate::nav::{Mode, Pick, PickWhat};
use crate::theme::THEME;
use crossterm::event::KeyCode;

/// The tags the list may show (in call mode, only those of shareable entries), most used
/// first.
pub fn tags(app: &App) -> Vec<(String, usize)> {
    app.workbook.tags_in_use(app.call_mode)
}

/// `t`: the list of tags in use, or why there is none.
pub fn open_tags(app: &mut App) {
    if tags(app).is_empty() {
        app.notice = Some("No entry has a tag yet: tags go on an entry's page.".into());
        return;
    }
    app.mode = Mode::Pick(Pick {
        what: PickWhat::Tag,
        selected: 0,
    });
}

/// A tag picked: it joins the filter (all tags of a filter apply).
pub fn pick_tag(app: &mut App, k: usize) -> Option<Effect> {
    let (tag, _) = tags(app).into_iter().nth(k)?;
    let part = format!("#{tag}");
    let query = app.journal.query.clone();
    let already = query
        .split_whitespace()
        .any(|w| crate::model::same_folded(w, &part));
    let query = if already || query.is_empty() {
        if already { query } else { part }
    } else {
        format!("{query} {part}")
    };
    if let Err(e) = commit_filter(app, &query) {
        app.notice = Some(e);
    }
    None
}

/// `o`: the entries written on this day of the year, in the years before.
pub fn on_this_day(app: &mut App) {
    let query = format!("day:{} to:yesterday", app.today.format("%m-%d"));
    if let Err(e) = commit_filter(app, &query) {
        app.notice = Some(e);
        return;
    }
    let day = app.today.format("%B %-d");
    app.notice = Some(match app.journal.matches.len() {
        0 => format!("Nothing was written on {day} in earlier years. Esc clears the filter."),
        1 => format!("1 entry from {day} in earlier years. Esc clears the filter."),
        n => format!("{n} entries from {day} in earlier years. Esc clears the filter."),
    });
}

/// Keys of the month view.
pub const CALENDAR_KEYS: &[Binding] = &[
    explained(
        &[code(KeyCode::Left), code(KeyCode::Right)],
        "←→",
        "day",
        "the day before or after (h and l work too)",
        Msg::Day(1),
    ),
    explained(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑↓",
        "week",
        "the week before or after (k and j work too)",
        Msg::Day(7),
    ),
    explained(
        &[code(KeyCode::PageUp), code(KeyCode::PageDown)],
        "PgUp/PgDn",
        "month",
        "the month before or after ([ and ] work too)",
        Msg::MonthStep(1),
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "go to the day",
        Msg::Activate,
    ),
    bind(&[code(KeyCode::Esc), plain('m')], "Esc", "close", Msg::Back),
];

/// The message a key means in the month view (the table above is what help shows: one
/// line per pair of directions).
pub fn calendar_key(key: &crossterm::event::KeyEvent) -> Option<Msg> {
    if !key.modifiers.is_empty() {
        return None;
    }
    Some(match key.code {
        KeyCode::Left | KeyCode::Char('h') => Msg::Day(-1),
        KeyCode::Right | KeyCode::Char('l') => Msg::Day(1),
        KeyCode::Up | KeyCode::Char('k') => Msg::Day(-7),
        KeyCode::Down | KeyCode::Char('j') => Msg::Day(7),
        KeyCode::PageUp | KeyCode::Char('[') => Msg::MonthStep(-1),
        KeyCode::PageDown | KeyCode::Char(']') => Msg::MonthStep(1),
        KeyCode::Enter => Msg::Activate,
        KeyCode::Esc | KeyCode::Char('m') => Msg::Back,
        _ => return None,
    })
}

/// `m`: the month view, on the selected entry's day (or today).
pub fn open_month(app: &mut App) {
    let journal = &app.workbook.journal;
    let day = (app.journal.matches.get(app.journal.selected))
        .and_then(|&e| journal.get(e))
        .map_or(app.today, |e| e.at.date_naive());
    app.mode = Mode::Calendar(day);
}

/// Keys while the month view is open.
pub fn update(app: &mut App, day: NaiveDate, msg: Msg) -> Option<Effect> {
    let moved = match msg {
        Msg::Day(n) if n < 0 => day.checked_sub_days(Days::new(n.unsigned_abs())),
        Msg::Day(n) => day.checked_add_days(Days::new(n.unsigned_abs())),
        Msg::MonthStep(n) if n < 0 => day.checked_sub_months(Months::new(n.unsigned_abs())),
        Msg::MonthStep(n) => day.checked_add_months(Months::new(n.unsigned_abs())),
        Msg::Activate => {
            app.mode = Mode::Browse;
            jump_to(app, day);
            return None;
        }
        Msg::Back => {
            app.mode = Mode::Browse;
            return None;
        }
        Msg::SaveAndQuit => {
            app.mode = Mode::Browse;
            return Some(Effect::Quit);
        }
        _ => None,
    };
    app.mode = Mode::Calendar(moved.unwrap_or(day));
    None
}

/// Selects, in the list as filtered, the newest entry of `day`, or else the nearest one
/// before it.
fn jump_to(app: &mut App, day: NaiveDate) {
    let journal = &app.workbook.journal;
    let view = &mut app.journal;
    // The list is newest first: the first entry on or before the day.
    let found = (view.matches.iter())
        .position(|&e| journal.get(e).is_some_and(|x| x.at.date_naive() <= day));
    let Some(k) = found else {
        app.notice = Some(format!("Nothing in the list on or before {day}."));
        return;
    };
    view.selected = k;
    let on = journal[view.matches[k]].at.date_naive();
    if on != day {
        app.notice = Some(format!(
            "Nothing on {day}: this is the entry before it, {on}."
        ));
    }
}

/// How many entries of the list (as filtered) fall on each day of `day`'s month.
fn counts(app: &App, day: NaiveDate) -> [usize; 32] {
    let mut out = [0; 32];
    let journal = &app.workbook.journal;
    for &e in &app.journal.matches {
        if let Some(x) = journal.get(e) {
            let d = x.at.date_naive();
            if d.year() == day.year() && d.month() == day.month() {
                out[d.day() as usize] += 1;
            }
        }
    }
    out
}

/// The month view's box: its title, width and height (the chrome draws the box).
pub fn calendar_box(day: NaiveDate) -> (String, u16, u16) {
    (day.format("%B %Y").to_string(), 38, 13)
}

/// Draws the month view inside its box: the weeks of the month, Monday first, each day with
/// entries marked, the day in hand highlighted.
pub fn render_calendar(app: &App, day: NaiveDate, inner: Rect, buf: &mut Buffer) {
    let counts = counts(app, day);
    let mut lines = vec![Line::from(Span::styled(
        " Mo   Tu   We   Th   Fr   Sa   Su",
        THEME.label,
    ))];
    let first = day.with_day(1).unwrap_or(day);
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut spans: Vec<Span> = vec![Span::raw("     ".repeat(lead))];
    let mut d = first;
    while d.month() == first.month() {
        let n = counts[d.day() as usize];
        let mark = if n > 0 { "•" } else { " " };
        let text = format!("{:>3}{mark} ", d.day());
        let style = if d == day {
            THEME.focus_row
        } else if n > 0 {
            THEME.text
        } else {
            THEME.hint
        };
        spans.push(Span::styled(text, style));
        if d.weekday() == chrono::Weekday::Sun {
            lines.push(Line::from(std::mem::take(&mut spans)));
        }
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    let n = counts[day.day() as usize];
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        match n {
            0 => format!("{day}: no entry"),
            1 => format!("{day}: 1 entry"),
            n => format!("{day}: {n} entries"),
        },
        THEME.text,
    )));
    lines.push(Line::from(Span::styled(
        "• a day with entries · Enter go · Esc close",
        THEME.hint,
    )));
    Paragraph::new(lines).render(inner, buf);
}
