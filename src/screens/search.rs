//! One search across the whole workbook (`Ctrl-f`): every text it holds — answers, goals,
//! steps, commitments, notes, feedback, topics, check-ins, journal entries and their tags —
//! found in any case and without accents, listed with where each is, and `Enter` goes to
//! the field. The texts are gathered and folded once when the search opens; each key then
//! only scans them, and at most [`LIMIT`] places are listed. During a call, private places
//! are not looked in.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{focus_on, go, spec, targets};
use crate::app::App;
use crate::field::{Field, Kind};
use crate::lifecycle::Exercise;
use crate::model::{Workbook, plain, plain_mapped};
use crate::msg::{Effect, Msg};
use crate::nav::{Mode, Place, Screen, Search, Target};
use crate::privacy;
use crate::theme::THEME;

/// The most places listed at once: more words narrow it.
pub const LIMIT: usize = 200;

/// Every place that holds text, in the workbook's order (the exercises and their pages,
/// then the journal, newest first). During a call, none that is private.
pub fn places(app: &App) -> Vec<Place> {
    let wb = &app.workbook;
    let mut pages: Vec<Screen> = Screen::top_level()
        .filter(|s| *s != Screen::Exercise(Exercise::Journal))
        .collect();
    pages.extend((0..wb.goals.len()).flat_map(|g| [Screen::Goal(g), Screen::Worksheet(g)]));
    pages.extend((0..wb.conversations.len()).map(Screen::Conversation));
    pages.extend((0..wb.check_ins.len()).map(Screen::CheckIn));
    let mut out = Vec::new();
    for screen in pages {
        let page_private = privacy::screen(wb, screen);
        for target in targets(screen, wb) {
            let Target::Field(f) = target else { continue };
            if !matches!(spec(f, wb).kind, Kind::Line | Kind::Text | Kind::Tags) {
                continue;
            }
            let Some(text) = f.value(wb) else { continue };
            if text.trim().is_empty() {
                continue;
            }
            let private = page_private || privacy::field(wb, f);
            if private && app.call_mode {
                continue;
            }
            out.push(Place {
                screen,
                target,
                label: format!("{} · {}", page_name(wb, screen), spec(f, wb).label),
                date: page_date(wb, screen),
                private,
                folded: plain(&text),
            });
        }
    }
    let journal = &wb.journal;
    for e in (0..journal.len()).rev() {
        let entry = &journal[e];
        let private = privacy::field(wb, Field::Entry(e));
        if private && app.call_mode {
            continue;
        }
        let mut folded = plain(&entry.text);
        for t in &entry.tags {
            folded.push_str(" #");
            folded.push_str(&plain(t));
        }
        out.push(Place {
            screen: Screen::Entry(e),
            target: Target::Field(Field::Entry(e)),
            label: "Journal entry".into(),
            date: Some(entry.at.date_naive()),
            private,
            folded,
        });
    }
    out
}

/// A page as the list names it: the exercise, or the goal, conversation or check-in.
fn page_name(wb: &Workbook, screen: Screen) -> String {
    match screen {
        Screen::Goal(g) | Screen::Worksheet(g) => {
            let name = wb.goals.get(g).map_or("", |x| x.name());
            format!("{} “{name}”", screen.title())
        }
        _ => screen.title().to_string(),
    }
}

fn page_date(wb: &Workbook, screen: Screen) -> Option<chrono::NaiveDate> {
    match screen {
        Screen::Conversation(c) => wb.conversations.get(c).map(|x| x.at.date_naive()),
        Screen::CheckIn(i) => wb.check_ins.get(i).and_then(|x| x.date),
        _ => None,
    }
}

/// The places holding every word of `query` (folded), at most [`LIMIT`], and whether more
/// do.
pub fn find(places: &[Place], query: &str) -> (Vec<usize>, bool) {
    find_among(places, query, 0..places.len())
}

/// [`find`] over the places `among` only (all of them, or what a shorter query found).
fn find_among(
    places: &[Place],
    query: &str,
    among: impl IntoIterator<Item = usize>,
) -> (Vec<usize>, bool) {
    let folded = plain(query);
    let words: Vec<memchr::memmem::Finder> = folded
        .split_whitespace()
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
        .collect();
    if words.is_empty() {
        return (Vec::new(), false);
    }
    let mut found = Vec::new();
    for k in among {
        let p = &places[k];
        if words.iter().all(|w| w.find(p.folded.as_bytes()).is_some()) {
            if found.len() == LIMIT {
                return (found, true);
            }
            found.push(k);
        }
    }
    (found, false)
}

/// `Ctrl-f`: the search opens on the page where it was asked, empty.
pub fn open(app: &mut App) {
    let places = Arc::new(places(app));
    app.mode = Mode::Search(Box::new(Search {
        places,
        ..Search::default()
    }));
}

/// Gathers the places again (the journal's texts arrived) and searches again.
pub fn refresh(app: &mut App) {
    if !matches!(app.mode, Mode::Search(_)) {
        return;
    }
    let places = Arc::new(places(app));
    if let Mode::Search(s) = &mut app.mode {
        s.places = places;
        // What earlier queries found was found among the old places.
        s.earlier.clear();
        (s.found, s.more) = find(&s.places, &s.query);
        s.selected = s.selected.min(s.found.len().saturating_sub(1));
    }
}

/// A key while the search is open: typing searches, the arrows choose, `Enter` goes there,
/// `Esc` closes.
pub fn update(app: &mut App, msg: Msg) -> Option<Effect> {
    use crossterm::event::{KeyCode, KeyModifiers};
    let Mode::Search(s) = &mut app.mode else {
        return None;
    };
    let n = s.found.len();
    match msg {
        Msg::Up => s.selected = s.selected.saturating_sub(1),
        Msg::Down => s.selected = (s.selected + 1).min(n.saturating_sub(1)),
        Msg::PageUp => s.selected = s.selected.saturating_sub(10),
        Msg::PageDown => s.selected = (s.selected + 10).min(n.saturating_sub(1)),
        Msg::Back => app.mode = Mode::Browse,
        Msg::SaveAndQuit => {
            app.mode = Mode::Browse;
            return Some(Effect::Quit);
        }
        Msg::Activate => {
            let &k = s.found.get(s.selected)?;
            let place = s.places[k].clone();
            let effect = go(app, place.screen);
            focus_on(app, place.target);
            app.notice = Some(format!("Found: {}.", place.label));
            return effect;
        }
        Msg::Paste(text) => {
            let before = s.query.clone();
            s.query.push_str(&text.replace(['\n', '\r'], " "));
            search(s, &before);
        }
        Msg::EditKey(key) => {
            let before = s.query.clone();
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Char('u') if ctrl => s.query.clear(),
                KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                    s.query.push(c);
                }
                KeyCode::Backspace => {
                    s.query.pop();
                }
                _ => return None,
            }
            search(s, &before);
        }
        _ => {}
    }
    None
}

/// How many earlier queries' results are kept for Backspace.
const EARLIER: usize = 64;

/// Searches again after the query changed from `before`. A query typed before (Backspace
/// back to it) takes what it found then. Typing on only narrows: what the longer query holds
/// is among what the shorter one found (when that was all of it), so only those are looked
/// at again; anything else looks at every place.
fn search(s: &mut Search, before: &str) {
    s.selected = 0;
    let previous = (before.to_string(), s.found.clone(), s.more);
    if let Some(k) = s.earlier.iter().rposition(|(q, _, _)| *q == s.query) {
        let (_, found, more) = s.earlier.remove(k);
        (s.found, s.more) = (found, more);
    } else {
        let narrower = !before.trim().is_empty()
            && !s.more
            && s.query.starts_with(before)
            && plain(&s.query).starts_with(&plain(before));
        (s.found, s.more) = if narrower {
            find_among(&s.places, &s.query, previous.1.iter().copied())
        } else {
            find(&s.places, &s.query)
        };
    }
    if !previous.0.trim().is_empty() {
        s.earlier.retain(|(q, _, _)| *q != previous.0);
        s.earlier.push(previous);
        if s.earlier.len() > EARLIER {
            s.earlier.remove(0);
        }
    }
}

/// Draws the search inside the box `ui` gives it over the page: the words typed, a line on
/// what was found, and the places, each with its date and the words around the first
/// match, marked.
pub fn render(app: &App, s: &Search, inner: Rect, buf: &mut Buffer) {
    let width = inner.width as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("Find: ", THEME.label),
        Span::styled(s.query.clone(), THEME.text),
        Span::styled("▏", THEME.key),
    ])];
    let about = if s.query.trim().is_empty() {
        let call = if app.call_mode {
            " (not the private ones: call mode)"
        } else {
            ""
        };
        format!("Type words: every text of the workbook{call}, in any case, accents or not.")
    } else if s.found.is_empty() {
        "Nothing holds all of these words.".into()
    } else if s.more {
        format!("The first {} places: more words narrow it.", s.found.len())
    } else if s.found.len() == 1 {
        "1 place.".into()
    } else {
        format!("{} places.", s.found.len())
    };
    lines.push(Line::styled(about, THEME.hint));
    lines.push(Line::default());
    let room = (inner.height as usize).saturating_sub(lines.len()) / 2;
    let first = s.selected.saturating_sub(room.saturating_sub(1));
    let words: Vec<String> = plain(&s.query)
        .split_whitespace()
        .map(String::from)
        .collect();
    for (row, &k) in s.found.iter().enumerate().skip(first).take(room) {
        let p = &s.places[k];
        let chosen = row == s.selected;
        let mut head = p.label.clone();
        if let Some(d) = p.date {
            head.push_str(&format!(" · {d}"));
        }
        if p.private {
            head.push_str(" · private");
        }
        let marker = if chosen { "› " } else { "  " };
        let style = if chosen {
            THEME.focus_row
        } else {
            THEME.heading
        };
        lines.push(Line::from(vec![
            Span::styled(marker, THEME.key),
            Span::styled(super::fit(&head, width.saturating_sub(2) as u16), style),
        ]));
        lines.push(snippet(app, p, &words, width.saturating_sub(4)));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// The words around the first match in the text as written, the match marked.
fn snippet(app: &App, p: &Place, words: &[String], width: usize) -> Line<'static> {
    let text = match p.target {
        Target::Field(f) => f.value(&app.workbook).map(|t| t.into_owned()),
        _ => None,
    }
    .unwrap_or_default();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (folded, from) = plain_mapped(&flat);
    let hit = (words.iter()).find_map(|w| folded.find(w.as_str()).map(|at| (at, w.len())));
    let Some((at, len)) = hit else {
        // A match in the tags only.
        let tags = super::fit(&flat, width as u16);
        return Line::from(vec![Span::raw("    "), Span::styled(tags, THEME.hint)]);
    };
    let start = from[at];
    let end = from.get(at + len).copied().unwrap_or(flat.len());
    // Room before the match for about a third of the line.
    let lead = width / 3;
    let before: String = {
        let chars: Vec<char> = flat[..start].chars().collect();
        let skip = chars.len().saturating_sub(lead);
        let mut b: String = chars[skip..].iter().collect();
        if skip > 0 {
            b.insert(0, '…');
        }
        b
    };
    let matched = flat[start..end].to_string();
    let used = before.chars().count() + matched.chars().count();
    let after = super::fit(&flat[end..], width.saturating_sub(used) as u16);
    Line::from(vec![
        Span::raw("    "),
        Span::styled(before, THEME.hint),
        Span::styled(
            matched,
            THEME.key.add_modifier(ratatui::style::Modifier::UNDERLINED),
        ),
        Span::styled(after, THEME.hint),
    ])
}
