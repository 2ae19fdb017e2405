//! Reviewing together during a call: a read-only reference (an action plan, the goals, the
//! agreement…) beside today's conversation, whose notes stay editable. Side by side from
//! `STACK_BELOW` columns, one above the other below that.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use chrono::{DateTime, Local};

use super::{Handled, conversations, focus, focus_on, go, set_focus};
use crate::app::{App, ReviewView};
use crate::field::{ConversationPart, Field};
use crate::keys::{Binding, ENTER, Msg, back_to, code, explained, more, plain};
use crate::msg::Effect;
use crate::nav::{Pane, Screen, Target};
use crate::report;
use crate::theme::THEME;

/// Narrower than this, the panes stack.
pub const STACK_BELOW: u16 = 100;

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    explained(
        &[code(KeyCode::Tab)],
        "Tab",
        "other pane",
        "move the keys to the other pane",
        Msg::SwitchPane,
    ),
    explained(
        &[code(KeyCode::Up), code(KeyCode::Down)],
        "↑↓",
        "move/scroll",
        "notes: move between items; reference: scroll",
        Msg::Down,
    ),
    explained(
        &[plain(']')],
        "[ ]",
        "show",
        "show the previous or next part in the reference",
        Msg::SwapReference(true),
    ),
    more(
        &[plain('[')],
        "[",
        "the previous part in the reference",
        Msg::SwapReference(false),
    ),
    explained(
        &[plain('>')],
        "< >",
        "split",
        "make the reference pane narrower or wider",
        Msg::Split(true),
    ),
    more(
        &[plain('<')],
        "<",
        "a narrower reference",
        Msg::Split(false),
    ),
    explained(
        &[plain('P')],
        "P",
        "partner's",
        "the reference: your partner's plan, or yours",
        Msg::PartnerReference,
    ),
    more(
        &[code(KeyCode::PageUp), code(KeyCode::PageDown)],
        "PgUp PgDn",
        "scroll the focused pane by a page",
        Msg::PageDown,
    ),
    ENTER,
    back_to("back to where the review was opened"),
];

/// The reference pane's content as lines (private topics only outside call mode). Styling
/// and laying out a long plan is most of a frame's work: the lines are kept and reused while
/// the document they come from is the same.
pub fn reference_lines(app: &App) -> std::sync::Arc<Vec<Line<'static>>> {
    let opts = report::Options {
        include_private: !app.call_mode,
        today: app.today,
    };
    let wb = match &app.partner {
        Some(partner) if app.review.partner => &partner.workbook,
        _ => &app.workbook,
    };
    let blocks = super::section(wb, app.review.reference, opts);
    app.reference_cache.lines(blocks, report::lines)
}

/// A pane's frame. The pane with the keys says so in words as well as in colour (a
/// colour alone is lost on a monochrome screen or to a colour-blind eye).
fn pane_block(title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        THEME.border_focus
    } else {
        THEME.border
    };
    let title = if focused {
        format!(" ▶{title}· keys here ")
    } else {
        title
    };
    Block::bordered()
        .border_style(style)
        .title(Span::styled(title, style))
}

/// Draws the two panes.
pub fn render(app: &App, c: usize, area: Rect, buf: &mut Buffer) {
    let view = app.review;
    let split = Constraint::Percentage(view.split);
    let [reference, notes] = if area.width >= STACK_BELOW {
        area.layout(&Layout::horizontal([split, Constraint::Fill(1)]))
    } else {
        area.layout(&Layout::vertical([split, Constraint::Fill(1)]))
    };
    draw_reference(app, view, reference, buf);
    let conv = app.workbook.conversations.get(c);
    let title = match conv {
        Some(conv) => format!(
            " Today's conversation · {} · {} ",
            conv.at.format("%Y-%m-%d %H:%M"),
            conv.kind.name()
        ),
        None => " Today's conversation ".into(),
    };
    let block = pane_block(title, view.pane == Pane::Notes);
    let inner = block.inner(notes);
    block.render(notes, buf);
    conversations::render(app, c, inner, buf);
}

fn draw_reference(app: &App, view: ReviewView, area: Rect, buf: &mut Buffer) {
    let n = ReviewView::REFERENCES.len();
    let at = (ReviewView::REFERENCES.iter())
        .position(|s| *s == view.reference)
        .unwrap_or(0);
    let whose = match &app.partner {
        Some(p) if view.partner => format!("{}: ", super::partner_name(p)),
        _ => String::new(),
    };
    let title = format!(" {whose}{} ({}/{n}) · [ ] ", view.reference.title(), at + 1);
    let block = pane_block(title, view.pane == Pane::Reference);
    let inner = block.inner(area);
    block.render(area, buf);
    // Scrolled by whole lines of the document (each may wrap to several rows); the last line
    // can come up to the top, so every key that scrolls moves something.
    let lines = reference_lines(app);
    let from = usize::from(view.scroll).min(lines.len().saturating_sub(1));
    // Only the lines that can show: each takes at least one row.
    let end = (from + usize::from(inner.height) + 1).min(lines.len());
    let para = Paragraph::new(lines[from..end].to_vec()).wrap(Wrap { trim: false });
    let more = end < lines.len() || para.line_count(inner.width) > usize::from(inner.height);
    para.render(inner, buf);
    if (more || from > 0) && inner.height > 0 {
        let more = if more { "↓ more" } else { "end" };
        let mark = Line::from(Span::styled(format!(" {more} "), THEME.hint));
        let w = mark.width() as u16;
        if area.width > w + 2 {
            mark.render(
                Rect::new(area.right() - w - 2, area.bottom() - 1, w, 1),
                buf,
            );
        }
    }
}

/// Rows a page key moves in the reference, and items in the notes.
const PAGE_LINES: u16 = 10;
const PAGE_ITEMS: usize = 5;

/// `R`: today's conversation (made now if there is none) beside the reference.
pub fn open(app: &mut App, now: DateTime<Local>) -> Option<Effect> {
    if matches!(app.screen, Screen::Review(_)) {
        return None;
    }
    let today = now.date_naive();
    // During a call a private conversation is not the one to review together.
    let existing = (app.workbook.conversations.iter())
        .rposition(|c| c.at.date_naive() == today && !(app.call_mode && c.private));
    match existing {
        Some(c) => open_on(app, c, false),
        // Looking must not change the record: starting today's conversation is asked.
        None => {
            app.mode = crate::nav::Mode::Confirm(crate::nav::Confirm::StartToday);
            None
        }
    }
}

/// The answer to "start today's conversation?": `y` starts it and reviews beside it, `n`
/// reviews beside the last conversation (the one a call may show), creating nothing.
pub fn answered(app: &mut App, start: bool, now: DateTime<Local>) -> Option<Effect> {
    if start {
        let c = conversations::create_conversation(app, now).0;
        return open_on(app, c, true);
    }
    let last = (app.workbook.conversations.iter().enumerate())
        .filter(|(_, c)| !(app.call_mode && c.private))
        .max_by_key(|(_, c)| c.at)
        .map(|(i, _)| i);
    let Some(c) = last else {
        app.notice = Some(
            "Nothing was created. With no conversation yet there is nothing to review beside; \
             `mentorbook show agenda` previews the first one's agenda."
                .into(),
        );
        return None;
    };
    let effect = open_on(app, c, false);
    let when = app.workbook.conversations[c].at.format("%Y-%m-%d");
    app.notice = Some(format!(
        "Review only, beside the conversation of {when}: nothing was created. ] walks to the \
         next agenda."
    ));
    effect
}

/// Opens the review beside conversation `c` (`created`: just started for it).
fn open_on(app: &mut App, c: usize, created: bool) -> Option<Effect> {
    app.review.from = app.screen;
    app.review.pane = Pane::Notes;
    app.review.scroll = 0;
    let effect = go(app, Screen::Review(c));
    // The notes are what gets written during a call: the pane opens on them.
    focus_on(
        app,
        Target::Field(Field::Conversation(c, ConversationPart::Notes)),
    );
    app.notice = Some(if created {
        "Today's conversation was started, with the suggested agenda. Tab: the other pane.".into()
    } else {
        "Reviewing beside today's conversation. Tab: the other pane; [ ]: what it shows.".into()
    });
    effect
}

/// The review's own keys; the notes pane also takes the conversation page's.
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    let reference = app.review.pane == Pane::Reference;
    let last = |app: &App| (reference_lines(app).len() as u16).saturating_sub(1);
    let view = &mut app.review;
    match msg {
        Msg::SwitchPane => {
            view.pane = match view.pane {
                Pane::Reference => Pane::Notes,
                Pane::Notes => Pane::Reference,
            };
        }
        Msg::SwapReference(next) => {
            let all = ReviewView::REFERENCES;
            let i = all.iter().position(|s| *s == view.reference).unwrap_or(0);
            let j = if *next { i + 1 } else { i + all.len() - 1 };
            view.reference = all[j % all.len()];
            view.scroll = 0;
        }
        Msg::PartnerReference => match &app.partner {
            Some(partner) => {
                view.partner = !view.partner;
                view.scroll = 0;
                app.notice = Some(if view.partner {
                    format!(
                        "The reference shows {}'s plan.",
                        super::partner_name(partner)
                    )
                } else {
                    "The reference shows this workbook again.".into()
                });
            }
            None => {
                app.notice = Some(
                    "No partner view yet: `mentorbook partner FILE` keeps the packet your \
                     partner shares."
                        .into(),
                );
            }
        },
        Msg::Split(wider) => {
            view.split = if *wider {
                (view.split + ReviewView::SPLIT_STEP).min(ReviewView::SPLIT_MAX)
            } else {
                (view.split.saturating_sub(ReviewView::SPLIT_STEP)).max(ReviewView::SPLIT_MIN)
            };
        }
        Msg::Up if reference => view.scroll = view.scroll.saturating_sub(1),
        Msg::Down if reference => app.review.scroll = (app.review.scroll + 1).min(last(app)),
        Msg::PageUp if reference => view.scroll = view.scroll.saturating_sub(PAGE_LINES),
        Msg::PageDown if reference => {
            app.review.scroll = (app.review.scroll + PAGE_LINES).min(last(app));
        }
        Msg::PageUp => set_focus(app, focus(app).saturating_sub(PAGE_ITEMS)),
        Msg::PageDown => set_focus(app, focus(app) + PAGE_ITEMS),
        Msg::Activate | Msg::Add | Msg::Delete if reference => {
            app.notice = Some("The reference is read-only: Tab moves to today's notes.".into());
        }
        Msg::Back => {
            let from = view.from;
            return Handled::Yes(go(app, from));
        }
        _ if reference => return Handled::No,
        _ => return conversations::handle(app, msg),
    }
    Handled::Yes(None)
}
