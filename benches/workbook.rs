//! `cargo bench --bench workbook`: opening, saving, rendering, typing, filtering, searching and exporting
//! with generated workbooks of 2,000 and 8,000 journal entries, and opening and saving at
//! 50,000 (see `support/generate.rs`). Targets are in the README; `benches/footprint.rs`
//! measures the running binary in a terminal.

#[path = "support/generate.rs"]
mod generate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;
use mentorbook::app::App;
use mentorbook::field::ConversationPart;
use mentorbook::field::Field;
use mentorbook::input::resolve;
use mentorbook::model::{JournalFilter, Workbook};
use mentorbook::nav::Exercise;
use mentorbook::nav::Screen;
use mentorbook::store::{Store, decode, encode, encode_data, parts_dir};
use mentorbook::update::update;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [2000, 8000];
/// For what the journal's size should not change: opening, saving, quitting.
const STORE_SIZES: [usize; 3] = [2000, 8000, 50000];

fn workbook(entries: usize) -> &'static Workbook {
    static MADE: Mutex<BTreeMap<usize, &'static Workbook>> = Mutex::new(BTreeMap::new());
    let mut made = MADE.lock().unwrap();
    made.entry(entries)
        .or_insert_with(|| Box::leak(Box::new(generate::workbook(entries, 7))))
}

fn file_bytes(entries: usize) -> &'static [u8] {
    static SMALL: OnceLock<Vec<u8>> = OnceLock::new();
    static LARGE: OnceLock<Vec<u8>> = OnceLock::new();
    let cell = if entries == 2000 { &SMALL } else { &LARGE };
    cell.get_or_init(|| {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
        encode(&encode_data(workbook(entries)), 1, at)
    })
}

/// The workbook written in parts, once, in a folder kept for the whole run.
fn in_parts(entries: usize) -> &'static Path {
    static MADE: Mutex<BTreeMap<usize, &'static Path>> = Mutex::new(BTreeMap::new());
    let mut made = MADE.lock().unwrap();
    made.entry(entries).or_insert_with(|| {
        let dir = Box::leak(Box::new(tempfile::tempdir().unwrap()));
        let path = dir.path().join("workbook.json");
        generate::write(workbook(entries), &path, false).unwrap();
        Box::leak(path.into_boxed_path())
    })
}

/// A copy of [`in_parts`] to change.
fn copy_of(entries: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let from = in_parts(entries);
    let to = dir.path().join("workbook.json");
    std::fs::copy(from, &to).unwrap();
    let (parts, into) = (parts_dir(from), parts_dir(&to));
    std::fs::create_dir(&into).unwrap();
    for e in std::fs::read_dir(parts).unwrap().flatten() {
        std::fs::copy(e.path(), into.join(e.file_name())).unwrap();
    }
    (dir, to)
}

fn now() -> chrono::DateTime<chrono::Local> {
    chrono::DateTime::parse_from_rfc3339("2026-11-24T09:15:00+01:00")
        .unwrap()
        .with_timezone(&chrono::Local)
}

fn app_on(entries: usize, screen: Screen) -> App {
    let mut app = App::new(workbook(entries).clone());
    app.today = now().date_naive();
    app.screen = screen;
    app
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Reading and checking a whole single file (an older mentorbook's; moved into parts at its
/// first save).
#[divan::bench(args = SIZES)]
fn load_whole_file(bencher: Bencher, entries: usize) {
    let bytes = file_bytes(entries);
    bencher.bench(|| decode(divan::black_box(bytes)).unwrap());
}

/// What the first frame waits for: the lock, the manifest and the plan (the months come
/// after it).
/// (One open per sample: the store holds the lock until it is dropped, after the sample.)
#[divan::bench(args = STORE_SIZES, sample_count = 20, sample_size = 1)]
fn open_first_frame(bencher: Bencher, entries: usize) {
    let path = in_parts(entries);
    bencher.bench_local(|| Store::open_progressive(path).unwrap());
}

/// Every month read as heads on the journal's thread (after the first frame).
#[divan::bench(args = STORE_SIZES, sample_count = 5, sample_size = 1)]
fn open_every_month_as_heads(bencher: Bencher, entries: usize) {
    let path = in_parts(entries);
    bencher.bench_local(|| {
        let (store, wb, pending) = Store::open_progressive(path).unwrap();
        (store, wb, pending.map(|p| p.wait()))
    });
}

/// What the UI thread pays when a save starts: the snapshot handed to the save thread.
#[divan::bench(args = SIZES)]
fn save_snapshot(bencher: Bencher, entries: usize) {
    let wb = workbook(entries);
    bencher.bench(|| divan::black_box(wb).clone());
}

/// An autosave while typing in today's entry, on the save thread: one month and the
/// manifest encoded, flushed, read back and renamed. Its bytes are counted (`Bytes`).
#[divan::bench(args = STORE_SIZES, sample_count = 10)]
fn save_typing_in_an_entry(bencher: Bencher, entries: usize) {
    let (_dir, path) = copy_of(entries);
    saves_while_typing(bencher, &path);
}

/// Saves of the workbook at `path`, each after a letter typed in its newest entry.
fn saves_while_typing(bencher: Bencher, path: &Path) {
    let (mut store, mut wb) = Store::open(path).unwrap();
    let newest = (0..wb.journal.len())
        .max_by_key(|&i| wb.journal[i].at)
        .unwrap();
    let mut n = 0;
    bencher.bench_local(|| {
        // A change each time, so the save is not skipped as unchanged.
        n += 1;
        wb.entry_mut(newest)
            .unwrap()
            .text
            .push(if n % 7 == 0 { ' ' } else { 'a' });
        store.save(&wb, now()).unwrap()
    });
}

/// A save with nothing changed (as on quitting): known unchanged without encoding.
#[divan::bench(args = STORE_SIZES)]
fn save_unchanged(bencher: Bencher, entries: usize) {
    let (_dir, path) = copy_of(entries);
    let (mut store, wb) = Store::open(&path).unwrap();
    bencher.bench_local(|| store.save(&wb, now()).unwrap());
}

fn screens() -> Vec<Screen> {
    let mut all = Screen::top_level().collect::<Vec<_>>();
    all.extend(Screen::PAGE_KINDS);
    all
}

fn render(bencher: Bencher, entries: usize, w: u16, h: u16) {
    let apps: Vec<App> = screens().into_iter().map(|s| app_on(entries, s)).collect();
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        for app in &apps {
            buf.reset();
            mentorbook::ui::draw(app, area, &mut buf);
        }
    });
}

/// Every screen once (18 screens per iteration) at 120x40.
#[divan::bench(args = SIZES)]
fn render_all_screens_120x40(bencher: Bencher, entries: usize) {
    render(bencher, entries, 120, 40);
}

/// Every screen once (18 screens per iteration) at 200x60.
#[divan::bench(args = SIZES)]
fn render_all_screens_200x60(bencher: Bencher, entries: usize) {
    render(bencher, entries, 200, 60);
}

fn render_one(bencher: Bencher, entries: usize, screen: Screen) {
    let app = app_on(entries, screen);
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
    });
}

/// The journal list at 200x60, on the newest entries.
#[divan::bench(args = SIZES)]
fn render_journal_200x60(bencher: Bencher, entries: usize) {
    render_one(bencher, entries, Screen::Exercise(Exercise::Journal));
}

/// The slowest screen at 200x60: the log of 250 conversations.
#[divan::bench(args = SIZES)]
fn render_conversation_log_200x60(bencher: Bencher, entries: usize) {
    render_one(bencher, entries, Screen::Exercise(Exercise::Conversations));
}

/// The review at 200x60: the action plans beside the latest conversation.
#[divan::bench(args = SIZES)]
fn render_review_200x60(bencher: Bencher, entries: usize) {
    let last = workbook(entries).conversations.len().saturating_sub(1);
    render_one(bencher, entries, Screen::Review(last));
}

/// `mentorbook export --format markdown`, everything but the private parts.
#[divan::bench(args = SIZES)]
fn export_markdown(bencher: Bencher, entries: usize) {
    use mentorbook::cli::{Format, export_text};
    let wb = workbook(entries);
    bencher.bench(|| export_text(wb, Format::Markdown, &[], false, now()));
}

/// `mentorbook export --format ics`.
#[divan::bench(args = SIZES)]
fn export_ics(bencher: Bencher, entries: usize) {
    use mentorbook::cli::{Format, export_text};
    let wb = workbook(entries);
    bencher.bench(|| export_text(wb, Format::Ics, &[], false, now()));
}

/// One key typed into an open editor: resolve, update, and the frame drawn at 120x40.
fn typing(bencher: Bencher, mut app: App, field: Field) {
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    // Open the editor on the field the way a user does, then type.
    mentorbook::screens::set_focus(&mut app, 0);
    let at = mentorbook::screens::focus_targets(&app)
        .iter()
        .position(|t| *t == mentorbook::nav::Target::Field(field));
    mentorbook::screens::set_focus(&mut app, at.expect("the field is on the screen"));
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    if let Some(msg) = resolve(&app, &enter) {
        update(&mut app, msg, now());
    }
    let mut n = 0u32;
    bencher.bench_local(|| {
        n += 1;
        let ev = key(if n.is_multiple_of(7) { ' ' } else { 'a' });
        if let Some(msg) = resolve(&app, &ev) {
            update(&mut app, msg, now());
        }
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
    });
}

/// Typing in the newest journal entry.
#[divan::bench(args = SIZES)]
fn keystroke_journal_editor(bencher: Bencher, entries: usize) {
    let e = entries - 1;
    typing(bencher, app_on(entries, Screen::Entry(e)), Field::Entry(e));
}

/// Typing in a conversation's notes.
#[divan::bench(args = SIZES)]
fn keystroke_conversation_notes(bencher: Bencher, entries: usize) {
    let c = 249;
    typing(
        bencher,
        app_on(entries, Screen::Conversation(c)),
        Field::Conversation(c, ConversationPart::Notes),
    );
}

/// Typing today's notes in the review, the action plans beside them (what `R` then Enter
/// opens).
#[divan::bench(args = SIZES)]
fn keystroke_review_notes(bencher: Bencher, entries: usize) {
    let c = workbook(entries).conversations.len() - 1;
    typing(
        bencher,
        app_on(entries, Screen::Review(c)),
        Field::Conversation(c, ConversationPart::Notes),
    );
}

/// Applying a journal filter (tag, dates and a word) over every entry.
#[divan::bench(args = SIZES)]
fn journal_filter(bencher: Bencher, entries: usize) {
    let wb = workbook(entries);
    let today = now().date_naive();
    bencher.bench(|| {
        let f = JournalFilter::parse(
            "#mood from:2022-01-01 to:2025-12-31 review",
            today,
            &wb.goals,
        )
        .unwrap();
        wb.journal_matches(&f).len()
    });
}

/// Moving the selection down the journal list and drawing it (120x40).
#[divan::bench(args = SIZES)]
fn journal_scroll(bencher: Bencher, entries: usize) {
    let mut app = app_on(entries, Screen::Exercise(Exercise::Journal));
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        if let Some(msg) = resolve(&app, &key('j')) {
            update(&mut app, msg, now());
        }
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
    });
}

/// Typing at the end of a field as large as a field may be (`mentorbook::field::MAX_TEXT`),
/// written as paragraphs of 600 characters (`paragraphs`) or as one paragraph (the worst
/// case: the editor wraps a paragraph whole).
#[divan::bench(args = ["paragraphs", "one paragraph"], sample_count = 20)]
fn keystroke_in_the_largest_field(bencher: Bencher, shape: &str) {
    let mut wb = Workbook::default();
    let unit = "word ".repeat(120);
    let sep = if shape == "paragraphs" { "\n\n" } else { " " };
    let mut text = String::new();
    while text.len() + unit.len() + sep.len() < mentorbook::field::MAX_TEXT {
        text.push_str(&unit);
        text.push_str(sep);
    }
    wb.journal.push(mentorbook::model::JournalEntry {
        text,
        ..Default::default()
    });
    let mut app = App::new(wb);
    app.screen = Screen::Entry(0);
    app.today = now().date_naive();
    typing(bencher, app, Field::Entry(0));
}

/// Enter on the journal's filter line, as the journal issue measures it: the query read,
/// every entry matched (tags with OR, a word left out, a phrase), the list sorted and the
/// screen drawn at 120x40. Target: 50 ms at 50,000 entries.
#[divan::bench(args = STORE_SIZES, sample_count = 20)]
fn journal_query_enter(bencher: Bencher, entries: usize) {
    let mut app = app_on(entries, Screen::Exercise(Exercise::Journal));
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        mentorbook::screens::commit_filter(
            &mut app,
            "#mood OR #energy -review \"the team\" from:2020",
        )
        .unwrap();
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
    });
}

/// `o` on the journal: the entries of this day in earlier years, found and drawn (120x40).
/// Target: 50 ms at 50,000 entries.
#[divan::bench(args = STORE_SIZES, sample_count = 20)]
fn journal_on_this_day(bencher: Bencher, entries: usize) {
    let mut app = app_on(entries, Screen::Exercise(Exercise::Journal));
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        if let Some(msg) = resolve(&app, &key('o')) {
            update(&mut app, msg, now());
        }
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
    });
}

/// `t` on the journal: the tags in use counted and their list drawn (120x40), then closed.
#[divan::bench(args = STORE_SIZES, sample_count = 20)]
fn journal_tag_list(bencher: Bencher, entries: usize) {
    let mut app = app_on(entries, Screen::Exercise(Exercise::Journal));
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        if let Some(msg) = resolve(&app, &key('t')) {
            update(&mut app, msg, now());
        }
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
        app.mode = mentorbook::nav::Mode::Browse;
    });
}

/// The same with words only, read in every entry's text: a phrase of two of the commonest
/// words of the generated text (in nearly every entry) and a word left out. The worst case.
#[divan::bench(args = STORE_SIZES, sample_count = 20)]
fn journal_words_enter(bencher: Bencher, entries: usize) {
    let mut app = app_on(entries, Screen::Exercise(Exercise::Journal));
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        mentorbook::screens::commit_filter(&mut app, "\"the team\" -budget").unwrap();
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
    });
}

/// `export --format html`: the whole shareable document as one page.
#[divan::bench(args = SIZES)]
fn export_html(bencher: Bencher, entries: usize) {
    let wb = workbook(entries);
    let now = now();
    bencher.bench(|| {
        mentorbook::cli::export_text(wb, mentorbook::cli::Format::Html, &[], false, now).len()
    });
}

/// The journal as a diary (`export --section journal --include-private`): every entry.
#[divan::bench(args = SIZES)]
fn export_journal_markdown(bencher: Bencher, entries: usize) {
    let wb = workbook(entries);
    let now = now();
    let journal = [mentorbook::report::Section::Journal];
    bencher.bench(|| {
        mentorbook::cli::export_text(wb, mentorbook::cli::Format::Markdown, &journal, true, now)
            .len()
    });
}

/// The minutes of the latest conversation.
#[divan::bench(args = SIZES)]
fn export_minutes(bencher: Bencher, entries: usize) {
    let wb = workbook(entries);
    let now = now();
    bencher.bench(|| {
        mentorbook::cli::minutes_text(wb, "latest", mentorbook::cli::Format::Markdown, false, now)
            .map(|t| t.len())
    });
}

/// Two copies of a workbook that went apart merged against the version both came from
/// (`mentorbook merge`, a sync tool's copy, another program's save): each side wrote three
/// entries, edited three others and a goal; the whole journal is compared.
#[divan::bench(args = SIZES, sample_count = 10)]
fn merge_two_copies(bencher: Bencher, entries: usize) {
    let base = workbook(entries);
    let side = |name: &str, from: usize| {
        let mut wb = base.clone();
        for k in 0..3 {
            let i = (from + k * 97) % wb.journal.len();
            wb.entry_mut(i)
                .unwrap()
                .text
                .push_str(&format!("\nEdited on {name}."));
            let id = wb.fresh_id();
            wb.journal.push(mentorbook::model::JournalEntry {
                id,
                at: now().fixed_offset(),
                text: format!("Written on {name}, {k}."),
                ..Default::default()
            });
        }
        let g = from % wb.goals.len();
        wb.goals[g].specific = format!("As {name} has it");
        wb
    };
    let (ours, theirs) = (side("the laptop", 11), side("the desktop", 503));
    bencher.bench_local(|| mentorbook::merge::merge(base, &ours, &theirs, "bench").unwrap());
}

/// [`copy_of`], encrypted (a key of low scrypt cost: unlocking is measured on its own).
fn encrypted_copy_of(entries: usize) -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = copy_of(entries);
    mentorbook::store::crypt::TEST_WORK_FACTOR.store(10, std::sync::atomic::Ordering::Relaxed);
    let (mut store, wb) = Store::open(&path).unwrap();
    let pass = age::secrecy::SecretString::from("a passphrase for the benchmark".to_string());
    store.encrypt(&wb, &pass, now()).unwrap();
    (dir, path)
}

/// [`save_typing_in_an_entry`] on an encrypted workbook: the month and the manifest sealed
/// to the workbook's key (an X25519 exchange and ChaCha20-Poly1305 per file) before they
/// are written. Target: within 1.5× of the plain save.
#[divan::bench(args = STORE_SIZES, sample_count = 10)]
fn save_typing_in_an_entry_encrypted(bencher: Bencher, entries: usize) {
    let (_dir, path) = encrypted_copy_of(entries);
    saves_while_typing(bencher, &path);
}

/// [`open_first_frame`] on an encrypted workbook (already unlocked: the manifest and the
/// plan decrypted on the way).
#[divan::bench(args = STORE_SIZES, sample_count = 20, sample_size = 1)]
fn open_first_frame_encrypted(bencher: Bencher, entries: usize) {
    let (_dir, path) = encrypted_copy_of(entries);
    bencher.bench_local(|| Store::open_progressive(&path).unwrap());
}

/// What an encrypted workbook adds to a start: the one unlock of its key with the
/// passphrase, at the scrypt cost age picks for this machine (about a second by design:
/// that is what makes guessing the passphrase slow).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn unlock_with_the_passphrase(bencher: Bencher) {
    use mentorbook::store::crypt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    crypt::TEST_WORK_FACTOR.store(0, std::sync::atomic::Ordering::Relaxed);
    let pass = age::secrecy::SecretString::from("a passphrase for the benchmark".to_string());
    let (mut store, wb) = Store::open(&path).unwrap();
    store.save(&wb, now()).unwrap();
    store.encrypt(&wb, &pass, now()).unwrap();
    bencher.bench_local(|| {
        crypt::forget_all();
        crypt::unlock(&path, &pass).unwrap();
    });
}

/// `Ctrl-f`: every text of the workbook gathered and folded for the search (once, when it
/// opens).
#[divan::bench(args = SIZES)]
fn search_open(bencher: Bencher, entries: usize) {
    let app = app_on(entries, Screen::Home);
    bencher.bench_local(|| mentorbook::screens::search::places(&app));
}

/// One key typed into the open search box: resolve, search every text again, and the frame
/// drawn at 120x40 (what stands between the last key and the first results).
#[divan::bench(args = SIZES)]
fn search_keystroke(bencher: Bencher, entries: usize) {
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    let mut app = app_on(entries, Screen::Home);
    let ctrl_f = Event::Key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL));
    let msg = resolve(&app, &ctrl_f).expect("Ctrl-f searches");
    update(&mut app, msg, now());
    for c in "review the".chars() {
        let msg = resolve(&app, &key(c)).unwrap();
        update(&mut app, msg, now());
    }
    let back = Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    let mut n = 0u32;
    bencher.bench_local(|| {
        n += 1;
        // Types a letter and takes it back, in turn: the query stays the same length. What
        // earlier queries found is forgotten, so each key searches (the worst case).
        if let mentorbook::nav::Mode::Search(s) = &mut app.mode {
            s.earlier.clear();
        }
        let ev = if n.is_multiple_of(2) {
            back.clone()
        } else {
            key('m')
        };
        if let Some(msg) = resolve(&app, &ev) {
            update(&mut app, msg, now());
        }
        buf.reset();
        mentorbook::ui::draw(&app, area, &mut buf);
    });
}
