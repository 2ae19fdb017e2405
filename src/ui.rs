//! Drawing: a pure function of the app state. Title bar, the screen's body, the footer, and
//! any overlay on top.

mod cells;
pub mod widgets;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Status};
use crate::keys::{self, Binding, CONFIRM, EDIT, MAKE_ROOM, PICK, PICK_TEMPLATE};
use crate::lifecycle::{Exercise, ahead_of_phase};
use crate::nav::{Confirm, Mode, Pick, PickWhat, Record, Screen};
use crate::theme::THEME;
use crate::{privacy, screens};

/// Below this size the layout does not fit; a message asks for a bigger window.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole app.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    // The terminal's cursor stands at the editor's insertion point while editing (ratatui
    // hides it otherwise), so screen readers and input methods find the place.
    if let Some(at) = draw(app, area, frame.buffer_mut()) {
        frame.set_cursor_position(at);
    }
}

/// Draws the whole app into a buffer (what `render` does, for tests and benchmarks) and
/// returns where the terminal's cursor belongs: the editor's insertion point while editing;
/// while browsing, the focused row's first cell (unless `App::browse_cursor` is off); else
/// nowhere. Every cell is then settled to a width all terminals agree on (see `cells`).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    app.drawn_cursor.set(None);
    app.drawn_focus.set(None);
    draw_frame(app, area, buf);
    cells::settle(area, buf);
    let insertion = app.drawn_cursor.take();
    match app.mode {
        _ if app.too_small => None,
        Mode::Edit(_) => insertion,
        Mode::Browse if app.browse_cursor => {
            app.drawn_focus.get().or_else(|| focus_marker(area, buf))
        }
        _ => None,
    }
}

/// The first cell of the focused row: where every screen draws its "›" (below the title
/// bar, above the footer). A focused text box has none: it says where it is itself.
fn focus_marker(area: Rect, buf: &Buffer) -> Option<Position> {
    let rows = area.y + 1..area.bottom().saturating_sub(1);
    rows.flat_map(|y| (area.x..area.right()).map(move |x| Position::new(x, y)))
        .find(|p| buf[*p].symbol() == "›")
}

fn draw_frame(app: &App, area: Rect, buf: &mut Buffer) {
    if too_small(area.width, area.height) {
        too_small_message(area, buf);
        return;
    }
    let banner = u16::from(app.call_mode);
    let footer = footer_paragraph(app, area.width);
    // A message is never cut off: the footer grows to hold it (up to a few rows).
    let footer_rows = (footer.line_count(area.width) as u16).clamp(1, FOOTER_MAX_ROWS);
    let [top, call, body, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner),
        Constraint::Fill(1),
        Constraint::Length(footer_rows),
    ]));
    title_bar(app, top, buf);
    if app.call_mode {
        call_banner(&app.workbook, call, buf);
    }
    if privacy::hides_screen(app) {
        hidden(app, body, buf);
    } else {
        screens::render(app, body, buf);
    }
    footer.render(bottom, buf);
    match &app.mode {
        Mode::Help(under) => {
            let screen = screens::keys(app.screen);
            if under.is_some() {
                widgets::help(body, &[("While editing", &[EDIT])], buf);
            } else if matches!(app.screen, Screen::Review(_)) {
                let sections: [(&str, &[&[Binding]]); 3] = [
                    ("Review together", &[screen]),
                    ("In today's notes", &[keys::mapped(screens::NOTES_KEYS)]),
                    ("Everywhere", &[keys::global(app.call_mode)]),
                ];
                widgets::help(body, &sections, buf);
            } else {
                let title = format!("On this screen ({})", app.screen.title());
                let global = keys::global(app.call_mode);
                widgets::help(body, &[(&title, &[screen]), ("Everywhere", &[global])], buf);
            }
        }
        Mode::Confirm(question) => widgets::confirm(body, &question_text(app, question), buf),
        Mode::Pick(pick) => draw_pick(app, *pick, body, buf),
        Mode::Calendar(day) => {
            let (title, w, h) = screens::calendar_box(*day);
            let inner =
                widgets::popup(body, w, h, &title, buf).inner(ratatui::layout::Margin::new(1, 0));
            screens::render_calendar(app, *day, inner, buf);
        }
        Mode::Search(s) => {
            let h = body.height.saturating_sub(2).max(6);
            let inner = widgets::popup(body, 110, h, "Search the workbook", buf)
                .inner(ratatui::layout::Margin::new(1, 0));
            screens::search::render(app, s, inner, buf);
        }
        Mode::Browse | Mode::Edit(_) => {}
    }
}

fn draw_pick(app: &App, pick: Pick, area: Rect, buf: &mut Buffer) {
    let view = screens::pick_view(app, pick.what);
    widgets::pick(
        area,
        view.title,
        &view.intro,
        &view.options,
        pick.selected,
        buf,
    );
}

fn question_text(app: &App, question: &Confirm) -> String {
    match question {
        Confirm::Delete(field) => {
            let text = field.text(&app.workbook).unwrap_or_default();
            let noun = field.list(&app.workbook).map_or("item", |l| l.noun());
            let short: String = text.chars().take(30).collect();
            let more = if text.chars().count() > 30 { "…" } else { "" };
            format!("Delete the {noun} “{short}{more}”?")
        }
        Confirm::DeleteRecord(record) => delete_question(app, *record),
        Confirm::QuitUnsaved => {
            "The last save failed, so recent changes are not in the workbook file. \
             Quit anyway? They are kept in recovery/ and offered at the next start."
                .to_string()
        }
        Confirm::PastDeadline(g, _) => crate::screens::past_deadline_question(&app.workbook, *g),
        Confirm::ArcOrder(c, kind) => crate::screens::order_question(&app.workbook, *c, *kind),
        Confirm::ClearAgenda(c) => {
            let n = app
                .workbook
                .conversations
                .get(*c)
                .map_or(0, |c| c.agenda.len());
            format!(
                "Take all {n} item{} off this conversation's agenda?",
                if n == 1 { "" } else { "s" }
            )
        }
        Confirm::PhaseBack(p) => format!(
            "Move back from {} to {}? Phases overlap: going back is fine when the relationship \
             needs it.",
            app.workbook.phase.name(),
            p.name()
        ),
        Confirm::FirstPhase => format!(
            "{} is the last phase. Start again at {}?",
            app.workbook.phase.name(),
            crate::model::Phase::ALL[0].name()
        ),
        Confirm::StartToday => "No conversation today yet. y: start today's, with the suggested \
             agenda. n: review only, beside the last conversation: nothing is created, and ] \
             shows the next agenda."
            .to_string(),
        Confirm::Recover(when) => format!(
            "mentorbook stopped before saving last time; your text from {when} was kept. \
             Restore it? y: yes (this version is kept in backups/ first). \
             n: no, set it aside in backups/."
        ),
    }
}

fn delete_question(app: &App, record: Record) -> String {
    let wb = &app.workbook;
    let short = |t: &str| -> String {
        let first = t
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        let mut s: String = first.chars().take(30).collect();
        if first.chars().count() > 30 {
            s.push('…');
        }
        s
    };
    match record {
        Record::Goal(g) => {
            let goal = wb.goals.get(g);
            let name = short(goal.map_or("", |x| x.name()));
            let steps = goal.map_or(0, |x| x.plan.steps.len());
            format!("Delete the goal “{name}” with its action plan ({steps} steps)?")
        }
        Record::Conversation(c) => match wb.conversations.get(c) {
            Some(c) => format!(
                "Delete the {} conversation of {} with its notes?",
                c.kind.name(),
                c.at.format("%Y-%m-%d %H:%M")
            ),
            None => "Delete this conversation?".into(),
        },
        Record::CheckIn(i) => {
            let date = wb.check_ins.get(i).and_then(|c| c.date);
            format!(
                "Delete the check-in of {}?",
                date.map_or("no date".to_string(), |d| d.to_string())
            )
        }
        Record::Entry(e) => match wb.journal.whole(e) {
            None if wb.journal.get(e).is_some() => format!(
                "Delete the journal entry of {}?",
                wb.journal[e].at.format("%Y-%m-%d %H:%M")
            ),
            Some(e) => format!(
                "Delete the journal entry of {} “{}”?",
                e.at.format("%Y-%m-%d %H:%M"),
                short(&e.text)
            ),
            None => "Delete this entry?".into(),
        },
    }
}

fn title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, THEME.title_bar);
    let name = if app.workbook.title.trim().is_empty() {
        "Untitled workbook"
    } else {
        app.workbook.title.as_str()
    };
    let (status, style) = match &app.status {
        Status::NotSaved(reason) => (format!(" NOT SAVED: {reason} "), THEME.error),
        _ if app.unsaved => (" ● unsaved ".to_string(), THEME.unsaved),
        Status::Saved(at) => (format!(" saved {} ", at.format("%H:%M:%S")), THEME.saved),
        Status::Opened => (String::new(), THEME.saved),
    };
    let status_w = (status.chars().count() as u16).min(area.width / 2);
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(status_w),
    ]));
    // When space runs out the workbook's name is shortened (with "…") before the screen's
    // title, and given up only below a dozen columns.
    let title = app.screen.title();
    let title_w = unicode_width::UnicodeWidthStr::width(title) as u16;
    let room = left.width.saturating_sub(12 + 5 + title_w);
    let mut spans = vec![Span::styled(" mentorbook ", THEME.app_name)];
    if room >= 12 || unicode_width::UnicodeWidthStr::width(name) <= usize::from(room) {
        let name = screens::fit(name, room);
        spans.push(Span::styled(format!("│ {name} │ "), THEME.title_bar));
    } else {
        spans.push(Span::styled("│ ", THEME.title_bar));
    }
    let title_room = left.width.saturating_sub(14);
    spans.push(Span::styled(
        screens::fit(title, title_room),
        THEME.app_name,
    ));
    Line::from(spans).render(left, buf);
    Paragraph::new(Span::styled(status, style)).render(right, buf);
}

/// The key tables the footer shows, when it shows keys (not a message, an error or the
/// help's closing hint): the current screen's and the global ones while browsing.
pub fn footer_keys(app: &App) -> Option<Vec<&'static [Binding]>> {
    if app.notice.is_some() {
        return None;
    }
    Some(match &app.mode {
        Mode::Browse => vec![screens::keys(app.screen), keys::global(app.call_mode)],
        Mode::Edit(e) if e.error.is_some() => return None,
        Mode::Edit(_) => vec![EDIT],
        Mode::Confirm(_) => vec![CONFIRM],
        Mode::Pick(p) => match p.what {
            PickWhat::MakeRoom(_) => vec![MAKE_ROOM],
            PickWhat::Template => vec![PICK_TEMPLATE],
            _ => vec![PICK],
        },
        Mode::Calendar(_) => vec![screens::CALENDAR_KEYS],
        Mode::Search(_) => vec![keys::SEARCH],
        Mode::Help(_) => return None,
    })
}

/// The most rows a message in the footer takes (at the minimum width, the longest message
/// fits in three).
const FOOTER_MAX_ROWS: u16 = 4;

/// The footer: the keys, or a message (a notice, an editor's error) wrapped to `width`.
fn footer_paragraph(app: &App, width: u16) -> Paragraph<'_> {
    let line = match (footer_keys(app), &app.notice, &app.mode) {
        (Some(tables), _, _) => {
            let keys = widgets::footer_line(&tables, width);
            // An exercise ahead of the phase says so above its keys, for as long as it shows.
            let ahead = match (&app.mode, app.screen) {
                (Mode::Browse, Screen::Exercise(e)) => ahead_of_phase(&app.workbook, e),
                _ => None,
            };
            let Some(warning) = ahead else {
                return Paragraph::new(keys);
            };
            // One row: the shorter form where the whole sentence does not fit.
            let warning = if unicode_width::UnicodeWidthStr::width(&*warning) > usize::from(width) {
                format!(
                    "Ahead of your phase ({}): fine to look ahead.",
                    app.workbook.phase.name()
                )
            } else {
                warning
            };
            let lines = vec![Line::styled(warning, THEME.warning), keys];
            return Paragraph::new(lines).wrap(Wrap { trim: true });
        }
        (None, Some(notice), _) => Line::from(Span::styled(notice.as_str(), THEME.notice)),
        (None, None, Mode::Edit(e)) => Line::from(Span::styled(
            e.error.as_deref().unwrap_or_default(),
            THEME.warning,
        )),
        (None, None, _) => Line::from(Span::styled("any key closes the help", THEME.hint)),
    };
    Paragraph::new(line).wrap(Wrap { trim: true })
}

/// The call-mode banner: a full-width line nobody can miss on a shared screen, saying
/// exactly what is hidden (shorter words at narrower widths, never a vaguer claim).
fn call_banner(wb: &crate::model::Workbook, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, THEME.call_banner);
    let text = banner_text(area.width, crate::privacy::mentor_notes_private(wb));
    Line::from(Span::styled(text, THEME.call_banner)).render(area, buf);
}

/// The longest banner that fits `width`.
pub fn banner_text(width: u16, mentor_notes: bool) -> &'static str {
    let plain: &[&str] = &[
        " ● CALL MODE · private entries, topics and conversations and the conversation with \
         yourself are hidden · C ends it",
        " ● CALL MODE · hidden: private entries, topics, conversations, your reflection · C ends it",
        " ● CALL · hidden: private entries, topics, conversations, reflection",
        " ● CALL · hidden: private entries, topics, talks, reflection",
    ];
    let mentor: &[&str] = &[
        " ● CALL MODE · private entries, topics and conversations, the conversation with \
         yourself and your own notes (prospect, 4 Ps, view on goals) are hidden · C ends it",
        " ● CALL MODE · hidden: private entries, topics, conversations, your reflection, your \
         notes · C ends it",
        " ● CALL · hidden: private entries, topics, conversations, reflection, your notes",
        " ● CALL · hidden: private entries, topics, talks, reflection, your notes",
        " ● CALL hides own notes, reflection, private entries/topics/talks",
        "CALL hides own notes+reflection+private entries/topics/talks",
    ];
    let all = if mentor_notes { mentor } else { plain };
    let fits = |t: &str| unicode_width::UnicodeWidthStr::width(t) <= usize::from(width);
    (all.iter().copied().find(|t| fits(t))).unwrap_or(all[all.len() - 1])
}

/// In call mode, a private page shows only that it is hidden.
fn hidden(app: &App, area: Rect, buf: &mut Buffer) {
    let what = match app.screen {
        Screen::Exercise(Exercise::Reflection) => "The conversation with yourself is private.",
        Screen::Exercise(Exercise::Prospect) => {
            "Your notes on the prospective mentee are your own (the overview's switch shares them)."
        }
        Screen::Conversation(_) | Screen::Review(_) => "This conversation is private.",
        Screen::Merge => "What a merge left to choose may be private.",
        _ => "This journal entry is private.",
    };
    let text = vec![
        Line::default(),
        Line::from(Span::styled(what, THEME.heading)),
        Line::from(Span::styled(
            "It stays hidden while call mode is on. C ends call mode; Esc goes back.",
            THEME.hint,
        )),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .centered()
        .render(area, buf);
}

/// Whether a terminal of `width`×`height` is too small for the layout.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

fn too_small_message(area: Rect, buf: &mut Buffer) {
    let text = vec![
        Line::from(Span::styled("Terminal too small", THEME.warning)),
        Line::raw(format!(
            "{}x{} here; mentorbook needs {MIN_WIDTH}x{MIN_HEIGHT}.",
            area.width, area.height
        )),
        Line::raw(
            "Enlarge the window. Until then only Ctrl-s (save), Ctrl-c (save and quit), q \
             and ? act; your text is safe.",
        ),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
