//! Helpers shared by the integration tests: the sample workbook, a fixed clock, scripted keys,
//! and rendering to text.
#![allow(dead_code)]

pub mod disk;
pub mod fields;
pub mod markdown;

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local, TimeZone};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use mentorbook::app::{App, Status};
use mentorbook::input::resolve;
use mentorbook::model::Workbook;
use mentorbook::msg::Effect;
use mentorbook::nav::Screen;
use mentorbook::shell::Events;
use mentorbook::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The realistic sample workbook from `assets/`.
pub fn fixture() -> Workbook {
    mentorbook::store::decode(include_bytes!("../../assets/sample-workbook.json"))
        .expect("the sample workbook loads")
        .workbook
}

/// 2026-11-24 09:15:02 local time, whatever the machine's zone.
pub fn fixed_now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 24, 9, 15, 2).unwrap()
}

/// A fixed "saved at" for the status line, identical in every time zone.
pub fn saved_at() -> Status {
    Status::Saved(
        FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 24, 9, 15, 2)
            .unwrap(),
    )
}

/// Moves the focus onto `target`, which must be on the screen.
pub fn focus(app: &mut App, target: mentorbook::nav::Target) {
    if !mentorbook::screens::focus_on(app, target) {
        panic!("{target:?} is not on {:?}", app.screen);
    }
}

/// Opens the screen `field` is on and puts the focus on it (what a person does with the
/// digits and the arrows, without counting rows).
pub fn go_to(app: &mut App, field: mentorbook::field::Field) {
    app.screen = mentorbook::screens::screen_of(field);
    focus(app, mentorbook::nav::Target::Field(field));
}

/// [`app_at`], with the status line saying it was saved at [`saved_at`].
pub fn saved_app_at(screen: Screen) -> App {
    let mut app = app_at(screen);
    app.status = saved_at();
    app
}

/// An app on `screen` with the sample workbook.
pub fn app_at(screen: Screen) -> App {
    let mut app = App::new(fixture());
    app.screen = screen;
    app.today = fixed_now().date_naive();
    app
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

/// Text with `<Esc> <Enter> <Tab> <BackTab> <Up> <Down> <Left> <Right> <Backspace> <F1>
/// <PageUp> <PageDown> <Home> <End>
/// <C-x>` tokens (Ctrl + a letter) and `<Pause>` (a time-out: the autosave deadline) turned
/// into events. `None` stands for a pause.
pub fn script(text: &str) -> Vec<Option<Event>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let token = &rest[1..end];
            let ev = match token {
                "Esc" => Some(key(KeyCode::Esc, KeyModifiers::NONE)),
                "Enter" => Some(key(KeyCode::Enter, KeyModifiers::NONE)),
                "Tab" => Some(key(KeyCode::Tab, KeyModifiers::NONE)),
                "BackTab" => Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
                "Up" => Some(key(KeyCode::Up, KeyModifiers::NONE)),
                "Down" => Some(key(KeyCode::Down, KeyModifiers::NONE)),
                "Left" => Some(key(KeyCode::Left, KeyModifiers::NONE)),
                "Right" => Some(key(KeyCode::Right, KeyModifiers::NONE)),
                "Backspace" => Some(key(KeyCode::Backspace, KeyModifiers::NONE)),
                "F1" => Some(key(KeyCode::F(1), KeyModifiers::NONE)),
                "PageUp" => Some(key(KeyCode::PageUp, KeyModifiers::NONE)),
                "PageDown" => Some(key(KeyCode::PageDown, KeyModifiers::NONE)),
                "Home" => Some(key(KeyCode::Home, KeyModifiers::NONE)),
                "End" => Some(key(KeyCode::End, KeyModifiers::NONE)),
                "Pause" => None,
                t if t.starts_with("C-") && t.len() == 3 => {
                    let c = t.chars().nth(2).unwrap();
                    Some(key(KeyCode::Char(c), KeyModifiers::CONTROL))
                }
                _ => panic!("unknown token <{token}>"),
            };
            out.push(ev);
            rest = &rest[end + 1..];
            continue;
        }
        out.push(Some(key(KeyCode::Char(c), KeyModifiers::NONE)));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Feeds a script straight through `resolve` and `update` (no shell, no files); pauses are
/// skipped. Returns the last effect.
pub fn press(app: &mut App, text: &str) -> Option<Effect> {
    let mut last = None;
    for ev in script(text).into_iter().flatten() {
        last = send(app, ev);
    }
    last
}

/// One event through `resolve` and `update`.
pub fn send(app: &mut App, ev: Event) -> Option<Effect> {
    let msg = resolve(app, &ev)?;
    let effect = update(app, msg, fixed_now());
    app.changed = false;
    effect
}

/// Events from a script; when it runs out, the terminal is "lost" (which saves and ends).
pub struct Script {
    pub events: VecDeque<Option<Event>>,
    /// Called after each pause has been handled, with the number of pauses so far.
    pub after_pause: Option<Box<dyn FnMut(usize)>>,
    pauses: usize,
    paused: bool,
}

impl Script {
    pub fn new(text: &str) -> Script {
        Script::from_events(script(text))
    }
    pub fn from_events(events: Vec<Option<Event>>) -> Script {
        Script {
            events: events.into(),
            after_pause: None,
            pauses: 0,
            paused: false,
        }
    }
}

impl Events for Script {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        // During a pause time passes: a save running in the background finishes before the
        // script goes on (the loop polls for it with this short time-out).
        if self.paused && timeout == Some(mentorbook::shell::SAVE_POLL) {
            std::thread::sleep(Duration::from_millis(2));
            return Ok(None);
        }
        if self.paused {
            self.paused = false;
            self.pauses += 1;
            if let Some(f) = &mut self.after_pause {
                f(self.pauses);
            }
        }
        match self.events.pop_front() {
            Some(None) => {
                // A pause is time passing with no key: if the loop asked to wait for ever, no
                // time-out would come, so nothing it does "after the pause" could happen.
                assert!(
                    timeout.is_some(),
                    "a pause in the script while the loop waits for a key with no time-out"
                );
                self.paused = true;
                Ok(None)
            }
            Some(Some(ev)) => Ok(Some(ev)),
            None => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "script ended")),
        }
    }

    /// Keys written together are typed ahead of the frames between them; a pause lets the
    /// screen be seen.
    fn pending(&mut self) -> bool {
        !self.paused && matches!(self.events.front(), Some(Some(_)))
    }
}

/// Renders the app at `w`×`h` and returns the terminal (its backend prints as text).
pub fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| mentorbook::ui::render(app, f)).unwrap();
    terminal
}

/// The screen as a snapshot holds it: drawn at `w`×`h`, with the footer's row of key hints
/// replaced by a marker. Every screen's footer is one snapshot of its own (`footers` in
/// `tests/screens.rs`), so a change to a global key rewrites that one, not every screen's.
/// A footer that says something else (a notice, an error) stays in.
pub fn body(app: &App, w: u16, h: u16) -> String {
    let shown = draw(app, w, h).backend().to_string();
    let keys_shown = mentorbook::ui::footer_keys(app).is_some();
    let small = w < mentorbook::ui::MIN_WIDTH || h < mentorbook::ui::MIN_HEIGHT;
    if !keys_shown || small {
        return shown;
    }
    let mut rows: Vec<&str> = shown.lines().collect();
    let marker = format!(
        "\"{:<1$}\"",
        "[keys: see the footers snapshot]",
        usize::from(w)
    );
    if let Some(last) = rows.last_mut() {
        *last = &marker;
    }
    rows.join("\n") + "\n"
}

/// The footer's row alone, as text.
pub fn footer(app: &App, w: u16, h: u16) -> String {
    screen_text(app, w, h)
        .lines()
        .last()
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

/// The rendered screen as plain text, one line per row.
pub fn screen_text(app: &App, w: u16, h: u16) -> String {
    let terminal = draw(app, w, h);
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A script, then only time: each wait the loop asks for ends at its deadline (a save in
/// the background is given a moment to finish), and the vision statement on disk is read at
/// every deadline, until it is `until` or `deadlines` have passed. A wait with no time-out
/// would never end: the run stops there (`waited_for_ever` unless the text is saved by then).
/// The run always ends with an error, like a lost terminal, which saves by itself: so what
/// counts is what was read before.
pub struct TimePasses {
    script: Script,
    path: std::path::PathBuf,
    until: String,
    deadlines: usize,
    /// The statement on disk at each deadline that passed (and when the loop went idle).
    pub seen: Vec<String>,
    pub waited_for_ever: bool,
}

impl TimePasses {
    pub fn new(script: Script, path: &std::path::Path, until: &str, deadlines: usize) -> Self {
        TimePasses {
            script,
            path: path.to_path_buf(),
            until: until.into(),
            deadlines,
            seen: Vec::new(),
            waited_for_ever: false,
        }
    }
}

impl Events for TimePasses {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        if !self.script.events.is_empty() {
            return self.script.next(timeout);
        }
        let on_disk = mentorbook::store::read_only(&self.path)
            .map(|s| s.workbook.vision.statement)
            .unwrap_or_default();
        let end = Err(io::Error::other("the test has seen enough"));
        match timeout {
            // Idle: fine once the text is saved, nothing coming otherwise.
            None => {
                self.waited_for_ever = on_disk != self.until;
                self.seen.push(on_disk);
                end
            }
            Some(t) if t == mentorbook::shell::SAVE_POLL => {
                std::thread::sleep(Duration::from_millis(2));
                Ok(None)
            }
            Some(_) => {
                let done = on_disk == self.until || self.seen.len() >= self.deadlines;
                self.seen.push(on_disk);
                if done { end } else { Ok(None) }
            }
        }
    }
}

/// `wb` after a merge with another copy that changed the same things differently: the
/// vision statement, the first goal's title and (deleted there, edited here) the first
/// journal entry. Three collisions wait on the merge screen.
pub fn with_collisions(wb: Workbook) -> Workbook {
    let (mut ours, mut theirs) = (wb.clone(), wb.clone());
    ours.vision.statement = "I lead a calm team.".into();
    theirs.vision.statement = "I lead a calm, curious team.".into();
    if !wb.goals.is_empty() {
        ours.goals[0].title = "Speak at the all-hands".into();
        theirs.goals[0].title = "Speak at the quarterly all-hands".into();
    }
    if let Some(e) = ours.journal.get_mut(0) {
        e.text = "Edited here after the split.".into();
        theirs.journal.remove(0);
    }
    mentorbook::merge::merge(&wb, &ours, &theirs, "laptop copy")
        .unwrap()
        .workbook
}

/// `wb` with `marker` in every private place: the conversation with yourself (two answers),
/// a private topic, a private journal entry, a private conversation, and a collision a merge
/// left to choose (either side of which may be private). Six places in all.
pub fn with_private_canaries(mut wb: Workbook, marker: &str) -> Workbook {
    use mentorbook::model::{Conversation, JournalEntry, Topic};
    wb.self_reflection.why = format!("{marker} why");
    wb.self_reflection.past_lessons = format!("{marker} lessons");
    let id = wb.fresh_id();
    wb.mentoring_plan.topics.push(Topic {
        id,
        text: format!("{marker} topic"),
        private: true,
        ..Topic::default()
    });
    let id = wb.fresh_id();
    wb.journal.push(JournalEntry {
        id,
        at: fixed_now().fixed_offset(),
        text: format!("{marker} entry"),
        private: true,
        ..JournalEntry::default()
    });
    let id = wb.fresh_id();
    wb.conversations.push(Conversation {
        id,
        at: fixed_now().fixed_offset(),
        notes: format!("{marker} conversation"),
        private: true,
        ..Conversation::default()
    });
    let id = wb.fresh_id();
    wb.conflicts.push(mentorbook::model::Conflict {
        id,
        at: "self_reflection/why".into(),
        theirs: Some(serde_json::json!(format!("{marker} collision"))),
        ..Default::default()
    });
    wb
}

/// The `mentorbook` binary run as a command in `home`: its data folder `home/data`, no
/// `MENTORBOOK_FILE` from the environment.
pub fn command_in(home: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("mentorbook"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("MENTORBOOK_FILE");
    cmd
}
