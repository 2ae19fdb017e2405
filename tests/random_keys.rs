//! The state machine under random keys: the keys the screen in front of it binds (its own
//! table, the global keys, the editor's, the question's and the pickers'), plus text,
//! pastes, resizes and a few Ctrl keys, from the sample workbook, starting on every kind of
//! screen, in and out of call mode. Every key of every screen's table is sent on that
//! screen at least once (asserted). After every step nothing has panicked, the frame draws,
//! and the rules hold (at most three active goals, dependencies only on steps that exist); at
//! the end the workbook survives a save and a load unchanged.
//!
//! Sizes: `RANDOM_KEY_RUNS` × `RANDOM_KEY_STEPS` (default 60 × 400).

mod common;

use common::{app_at, draw, send};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use mentorbook::app::App;
use std::collections::BTreeSet;

use mentorbook::field::Kind;
use mentorbook::keys::{self, Binding, Key};
use mentorbook::model::{GoalStatus, StepStatus, Workbook};
use mentorbook::nav::{Mode, Screen};
use mentorbook::store::{decode, encode, encode_data};

use mentorbook::testing::Rng;

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

const CHARS: &str = "abcdefghijklmnopqrstuvwxyzKJG0123456789/?#:., -+éü日🙂";

/// The tables whose keys may do something on `app`'s screen now.
fn bound(app: &App) -> Vec<&'static [Binding]> {
    let mut tables = vec![mentorbook::screens::keys(app.screen)];
    tables.extend(mentorbook::screens::shared_key_tables(app.call_mode));
    tables
}

/// One of the keys bound on this screen now: most often from its own table.
fn bound_key(rng: &mut Rng, app: &App) -> Key {
    let tables = bound(app);
    let table = if rng.below(2) == 0 {
        tables[0]
    } else {
        tables[rng.below(tables.len())]
    };
    let with_keys: Vec<&Binding> = table.iter().filter(|b| !b.keys.is_empty()).collect();
    if with_keys.is_empty() {
        return keys::code(KeyCode::Esc);
    }
    let b = with_keys[rng.below(with_keys.len())];
    b.keys[rng.below(b.keys.len())]
}

fn random_event(rng: &mut Rng, app: &App) -> Event {
    use KeyCode::*;
    let none = KeyModifiers::NONE;
    if rng.below(3) == 0 {
        let Key(code, mods) = bound_key(rng, app);
        return key(code, mods);
    }
    match rng.below(20) {
        0..=7 => {
            let chars: Vec<char> = CHARS.chars().collect();
            key(Char(chars[rng.below(chars.len())]), none)
        }
        8 => key(Enter, none),
        9 => key(Esc, none),
        10 => key([Up, Down, Left, Right][rng.below(4)], none),
        11 => key([Up, Down][rng.below(2)], KeyModifiers::SHIFT),
        12 => key(
            [Tab, BackTab, Backspace, Home, End, PageUp, PageDown][rng.below(7)],
            none,
        ),
        13 => key(
            Char(['z', 'r', 'a', 'e', 'w', 'k', 'u'][rng.below(7)]),
            KeyModifiers::CONTROL,
        ),
        14 => Event::Paste(
            ["line one\nline two", "q", "x\r\ny", "", "#tag goal:1"][rng.below(5)].into(),
        ),
        15 => match rng.below(3) {
            0 => Event::Resize(rng.below(250) as u16, rng.below(80) as u16),
            _ => key(F(1), none),
        },
        16 => key(Char(['y', 'n'][rng.below(2)]), none),
        17 => key(
            Char(
                [
                    'x', 'o', 't', 'b', 'c', 'g', 's', 'w', 'v', 'd', 'p', 'i', 'n',
                ][rng.below(13)],
            ),
            none,
        ),
        18 => key(Down, none),
        _ => key(Char(['j', 'k'][rng.below(2)]), none),
    }
}

fn check_rules(wb: &Workbook, context: &str) {
    let active = wb
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .count();
    assert!(active <= 3, "{active} active goals after {context}");
    for g in &wb.goals {
        for (i, s) in g.plan.steps.iter().enumerate() {
            if s.status == StepStatus::Done {
                // Whatever it waits for was done when it was finished; a later "undo" of the
                // earlier step is allowed, so only check the ids still point at real steps.
                for id in &s.depends_on {
                    assert!(
                        g.plan.position(*id).is_some(),
                        "step {i} of {} waits for a step that is gone ({context})",
                        g.name()
                    );
                }
            }
        }
    }
}

#[test]
fn random_keys_never_panic_and_keep_the_rules() {
    let runs: u64 = std::env::var("RANDOM_KEY_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(80);
    let steps: usize = std::env::var("RANDOM_KEY_STEPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let starts: Vec<Screen> = Screen::top_level().chain(Screen::PAGE_KINDS).collect();
    let mut total = 0;
    let mut left_editor = 0;
    // Each key of each screen's own table, and whether it was sent on that screen.
    let mut unsent: BTreeSet<(usize, String)> = starts
        .iter()
        .flat_map(|s| {
            mentorbook::screens::keys(*s)
                .iter()
                .flat_map(|b| b.keys.iter())
                .map(move |k| (s.slot(), format!("{:?}", (k.0, k.1))))
        })
        .collect();
    let table_keys = unsent.len();
    for run in 0..runs {
        let mut rng = Rng::new(run + 1);
        let mut app: App = app_at(starts[run as usize % starts.len()]);
        // A merge left collisions: the merge screen has something to choose.
        app.workbook = common::with_collisions(std::mem::take(&mut app.workbook));
        // And the partner shared their plan: the partner view has items to note.
        let mut theirs = common::fixture();
        theirs.id = "the-partners-workbook".into();
        app.partner = Some(std::sync::Arc::new(mentorbook::model::PartnerView {
            workbook: mentorbook::privacy::shareable(&theirs),
            shared_at: common::fixed_now().fixed_offset(),
        }));
        // Every third run in call mode, where private fields and some keys are off.
        if run % 3 == 2 {
            send(&mut app, key(KeyCode::Char('C'), KeyModifiers::NONE));
            assert!(app.call_mode, "C turns call mode on");
        }
        for step in 0..steps {
            let ev = random_event(&mut rng, &app);
            if let Event::Key(k) = &ev {
                unsent.remove(&(app.screen.slot(), format!("{:?}", (k.code, k.modifiers))));
            }
            let context = format!("run {run} step {step} ({ev:?}) on {:?}", app.screen);
            // What the editor holds before a key that may leave it.
            let editing = match &app.mode {
                Mode::Edit(e) => e
                    .field()
                    .filter(|f| {
                        let kind = mentorbook::screens::spec(*f, &app.workbook).kind;
                        matches!(kind, Kind::Line | Kind::Text)
                    })
                    .map(|f| (f, e.text())),
                _ => None,
            };
            send(&mut app, ev);
            total += 1;
            // No text is lost when an editor is left: what it held is what the field holds
            // (a new item left empty disappears, so it has no text to compare).
            if let Some((field, text)) = editing {
                let still = matches!(&app.mode, Mode::Edit(e) if e.field() == Some(field))
                    || matches!(&app.mode, Mode::Help(Some(_)));
                if !still && let Some(stored) = field.text(&app.workbook) {
                    assert_eq!(stored, text, "{context}: leaving the editor of {field:?}");
                    left_editor += 1;
                }
            }
            if step % 5 == 0 {
                let (w, h) = [(80, 24), (120, 40), (60, 16), (30, 10), (200, 60)][rng.below(5)];
                draw(&app, w, h);
            }
            check_rules(&app.workbook, &context);
        }
        // Whatever the keys did, the workbook saves and loads back the same.
        app.flush_editor();
        let data = encode_data(&app.workbook);
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
        let back = decode(&encode(&data, 1, at)).unwrap().workbook;
        assert_eq!(
            back, app.workbook,
            "run {run}: the round trip changed the workbook"
        );
    }
    eprintln!(
        "random keys: {runs} runs, {total} steps, 0 panics; editors left {left_editor} times, \
         0 characters lost; {} of {table_keys} screen keys sent on their screen",
        table_keys - unsent.len()
    );
    assert!(
        unsent.is_empty(),
        "keys never sent on the screen that binds them: {unsent:?}"
    );
    assert!(
        left_editor > 100,
        "the keys do leave editors ({left_editor})"
    );
}
