//! Hostile input: what a workbook (or a partner's copy of one) may hold, and the terminals it
//! may meet. One test per case found by the outside test (`case_01` … `case_12`, named after
//! what they protect), then the property tests: any text through every terminal command and
//! through the Markdown export, any wrong shape or unknown key anywhere in a file.

mod common;
// The terminal driver reads saved files through `crate::disk`.
use common::disk;
#[path = "common/pty.rs"]
mod driver;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use driver::{Pty, WAIT, saved, setup};
use mentorbook::app::App;
use mentorbook::cli::{Format, export_text, show_text};
use mentorbook::field::{Field, MAX_TEXT};
use mentorbook::model::{JournalEntry, JournalFilter, Workbook};
use mentorbook::msg::{Effect, Msg};
use mentorbook::nav::{Exercise, Mode, Screen};
use mentorbook::report::Section;
use mentorbook::store::{DecodeError, OpenError, Store, decode, encode, encode_data};
use proptest::prelude::*;
use pulldown_cmark::{Event as Md, Options, Parser, Tag, TagEnd};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use serde_json::Value;

/// Strings the outside test pasted: escape sequences, controls, markup, HTML, direction
/// overrides, joined emoji, flags, combining marks, wide scripts, invisible characters.
const HOSTILE: &[&str] = &[
    "goal\u{1b}]2;TITLE-HIJACKED\u{7}",
    "\u{1b}[31mred\u{1b}[0m \u{1b}[2J\u{1b}[H",
    "nul\u{0}byte bell\u{7} back\u{8}space",
    "carriage\rreturn and\r\nwindows",
    "\u{9b}31m eight-bit CSI \u{85} next line \u{7f}del",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;script&gt; &amp; &#60;b&#62;",
    "**bold** _it_ `code` [link](http://x) ![img](x) ~~gone~~",
    "# not a heading ## either #",
    "> not a quote",
    "- not a list",
    "1. not numbered",
    "---",
    "| not | a table |",
    "<http://autolink.example>",
    "right\u{202e}to-left\u{202c} and \u{2066}isolate\u{2069}",
    "family 👨\u{200d}👩\u{200d}👧\u{200d}👦 here",
    "flags 🇫🇷🇯🇵🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
    "thumbs 👍🏽 heart ❤\u{fe0f} keycap 1\u{fe0f}\u{20e3}",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308} marks",
    "\u{301}starts with a mark",
    "日本語のテキストと中文",
    "zero\u{200b}width\u{2060}joiner\u{feff}",
];

fn workbook_holding(s: &str) -> Workbook {
    let mut wb = fixture();
    wb.title = s.replace('\n', " ");
    wb.mentee = s.into();
    wb.goals[0].title = s.into();
    wb.goals[0].plan.steps[0].text = s.into();
    wb.vision.statement = s.into();
    wb.vision.strengths[0] = s.into();
    wb.mentoring_plan.topics[0].text = s.into();
    wb.conversations[0].notes = s.into();
    let mut entry = JournalEntry {
        id: 500,
        at: fixed_now().fixed_offset(),
        text: s.into(),
        tags: vec![s.replace([' ', ','], "")],
        private: false,
        ..JournalEntry::default()
    };
    entry.goal = Some(wb.goals[0].id);
    wb.journal.push(entry);
    wb
}

fn write_whole(path: &Path, wb: &Workbook) {
    fs::write(
        path,
        encode(&encode_data(wb), 1, fixed_now().fixed_offset()),
    )
    .unwrap();
}

/// The bytes of `text` a terminal would act on: below 0x20 (but a newline and a tab), DEL,
/// and C1 controls.
fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect()
}

/// `text` without the colour codes `show` itself writes (`ESC [ digits m`).
fn without_our_colours(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(|c: char| !c.is_ascii_digit() && c != ';');
        match end {
            Some(e) if after[e..].starts_with('m') => rest = &after[e + 1..],
            // Not one of ours: kept, so the check sees it.
            _ => {
                out.push_str(&rest[i..i + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------
// The twelve cases.
// ---------------------------------------------------------------------------------------

/// Refused, named, and the file left byte for byte.
fn refused_naming(bytes: &[u8]) -> DecodeError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    fs::write(&path, bytes).unwrap();
    let err = Store::open(&path).expect_err("refused");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file is untouched");
    match err {
        OpenError::Decode { error, .. } => error,
        other => panic!("not a decode error: {other}"),
    }
}

fn sample() -> String {
    fs::read_to_string("assets/sample-workbook.json").unwrap()
}

#[test]
fn case_01_unknown_keys_anywhere_are_refused_never_dropped() {
    let good = sample();
    // Beside the envelope's own keys.
    let envelope = good.replacen(
        "\"generation\"",
        "\"sync_rev\": \"12-9f2c\",\n  \"generation\"",
        1,
    );
    assert_eq!(
        refused_naming(envelope.as_bytes()),
        DecodeError::UnknownField {
            field: "sync_rev".into()
        }
    );
    // 100,000 levels deep inside an unknown key: refused at the key, before the value.
    let deep = good.replacen(
        "\"mentee\": ",
        &format!(
            "\"later\": {}1{},\n    \"mentee\": ",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        1,
    );
    assert_eq!(
        refused_naming(deep.as_bytes()),
        DecodeError::UnknownField {
            field: "data.later".into()
        }
    );
    // `check` says so too, and exits non-zero.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    fs::write(&path, &envelope).unwrap();
    let out = Command::cargo_bin("mentorbook")
        .unwrap()
        .env("HOME", dir.path())
        .args(["--file".as_ref(), path.as_os_str(), "check".as_ref()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sync_rev"));
    // A workbook in parts: the manifest, the plan and a month are held to the same rule.
    let (_d, path) = in_parts();
    let parts = mentorbook::store::parts_dir(&path);
    let month = fs::read_dir(&parts)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("journal-"))
        .unwrap();
    for (file, key) in [
        (path.clone(), "sync_rev"),
        (parts.join("plan.json"), "sync_rev"),
        (month, "sync_rev"),
    ] {
        let before = fs::read_to_string(&file).unwrap();
        let bad = before.replacen("\"generation\"", "\"sync_rev\": 1,\n  \"generation\"", 1);
        fs::write(&file, &bad).unwrap();
        let err = match Store::open(&path) {
            Ok(_) => mentorbook::store::read_only(&path).err(),
            Err(e) => Some(e),
        };
        let msg = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains(key), "{}: {msg}", file.display());
        assert_eq!(fs::read_to_string(&file).unwrap(), bad);
        fs::write(&file, before).unwrap();
    }
}

/// The sample saved as a workbook in parts: its path (in a folder that lives as long as the
/// first value).
fn in_parts() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    fs::write(&path, sample()).unwrap();
    let (mut store, wb) = Store::open(&path).unwrap();
    store.save(&wb, fixed_now()).unwrap();
    drop(store);
    (dir, path)
}

#[test]
fn case_02_a_list_where_an_object_belongs_is_refused() {
    let head = |data: &str| {
        format!("{{\"format\":\"mentorbook\",\"schema_version\":1,\"data\":{data}}}").into_bytes()
    };
    let field_of = |e: DecodeError| match e {
        DecodeError::Field { field, reason, .. } => (field, reason),
        other => panic!("{other:?}"),
    };
    for (bytes, path) in [
        (head("[]"), "data"),
        (head("[\"a title\", \"mentee\", 3]"), "data"),
        (
            sample()
                .replacen("\"vision\": {", "\"vision\": [], \"unused\": {", 1)
                .into_bytes(),
            "data.vision",
        ),
        (
            sample()
                .replacen("\"plan\": {", "\"plan\": [], \"unused\": {", 1)
                .into_bytes(),
            "data.goals[0].plan",
        ),
    ] {
        let (field, reason) = field_of(refused_naming(&bytes));
        assert_eq!(field, path);
        assert!(
            reason.contains("a list where an object belongs"),
            "{reason}"
        );
    }
    // The whole file a list: not a workbook, said as such.
    assert!(matches!(
        refused_naming(b"[{\"format\":\"mentorbook\"}]"),
        DecodeError::NotMentorbook { .. }
    ));
}

/// Runs the binary with `args` (and HOME at `home`): stdout and stderr.
fn run(home: &Path, args: &[&std::ffi::OsStr]) -> (String, String) {
    let out = Command::cargo_bin("mentorbook")
        .unwrap()
        .env("HOME", home)
        .env("TERM", "xterm-256color")
        .env_remove("MENTORBOOK_FILE")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn case_03_no_escape_code_reaches_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join(".local/share/mentorbook");
    fs::create_dir_all(&data).unwrap();
    let path = data.join("workbook.json");
    write_whole(&path, &workbook_holding(&HOSTILE.join(" ")));
    let file = path.as_os_str();
    let mut outputs = Vec::new();
    for section in [
        "goals", "plan", "agenda", "minutes", "vision", "journal", "topics",
    ] {
        let (out, err) = run(
            home.path(),
            &["--file".as_ref(), file, "show".as_ref(), section.as_ref()],
        );
        outputs.push((format!("show {section}"), out, err));
    }
    for args in [&["list"][..], &["check"]] {
        let mut full: Vec<&std::ffi::OsStr> = vec!["--file".as_ref(), file];
        full.extend(args.iter().map(std::ffi::OsStr::new));
        let (out, err) = run(home.path(), &full);
        outputs.push((args.join(" "), out, err));
    }
    // An error message quoting a path with an escape in it.
    let odd = home.path().join("odd\u{1b}]2;HIJACK\u{7}.json");
    let (out, err) = run(
        home.path(),
        &["--file".as_ref(), odd.as_os_str(), "check".as_ref()],
    );
    assert!(err.contains("HIJACK"), "{err}");
    outputs.push(("a message quoting a path".into(), out, err));
    for (what, out, err) in &outputs {
        assert!(controls(out).is_empty(), "{what}: {:?}", controls(out));
        assert!(
            controls(err).is_empty(),
            "{what} (stderr): {:?}",
            controls(err)
        );
    }
    // `show` in colour: only our own colour codes.
    let wb = workbook_holding(HOSTILE[0]);
    let coloured = show_text(&wb, Section::Goals, false, fixed_now(), true);
    assert!(coloured.contains("\u{1b}["), "colours are on");
    assert!(controls(&without_our_colours(&coloured)).is_empty());
    // `export` to a terminal: printed printable; to a file: what the export is.
    let mut pty = Pty::start(
        home.path(),
        &[
            "--file".as_ref(),
            file,
            "export".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
        &[],
    );
    assert_eq!(pty.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&pty.raw_output()).into_owned();
    assert!(raw.contains("TITLE-HIJACKED"), "the export ran");
    let acted: Vec<char> = controls(&raw).into_iter().filter(|c| *c != '\r').collect();
    assert!(acted.is_empty(), "export to a terminal: {acted:?}");
}

#[test]
fn case_04_markdown_keeps_markup_and_html_as_text() {
    for s in HOSTILE {
        let md = export_text(
            &workbook_holding(s),
            Format::Markdown,
            &[],
            false,
            fixed_now(),
        );
        let shape = shape_of(&md);
        let plain = export_text(
            &workbook_holding("plain words"),
            Format::Markdown,
            &[],
            false,
            fixed_now(),
        );
        assert_eq!(
            shape,
            shape_of(&plain),
            "{s:?} changed the document's structure:\n{md}"
        );
        let text = text_of(&md);
        let shown = one_line(s);
        assert!(
            text.contains(&shown),
            "{s:?} did not come back as text ({shown:?}):\n{text}"
        );
    }
}

#[test]
fn case_05_tags_and_the_filter_fold_case_by_one_rule() {
    let mut wb = Workbook::default();
    wb.journal.push(JournalEntry {
        tags: vec!["Ünïcode".into()],
        ..JournalEntry::default()
    });
    wb.journal.push(JournalEntry {
        text: "Über den Fluß, ÉTÉ".into(),
        ..JournalEntry::default()
    });
    let today = fixed_now().date_naive();
    for query in ["#Ünïcode", "#ünïcode", "#ÜNÏCODE"] {
        let f = JournalFilter::parse(query, today, &[]).unwrap();
        assert!(f.matches(&wb.journal[0]), "{query}");
    }
    let words = JournalFilter::parse("über été", today, &[]).unwrap();
    assert!(words.matches(&wb.journal[1]));
    // Typing the same tag three times, in three cases, keeps one.
    let mut app = App::new(wb);
    app.screen = Screen::Entry(1);
    go_to(&mut app, Field::EntryTags(1));
    press(&mut app, "<Enter>Ünïcode, ünïcode ÜNÏCODE<Esc>");
    assert_eq!(app.workbook.journal[1].tags, ["Ünïcode"]);
}

#[test]
fn case_06_calendar_text_holds_no_control_characters() {
    let mut wb = workbook_holding(&HOSTILE.join(" "));
    wb.goals[0].deadline = Some(fixed_now().date_naive());
    let ics = export_text(&wb, Format::Ics, &[], false, fixed_now());
    assert!(
        ics.contains("TITLE-HIJACKED"),
        "the goal is in the calendar"
    );
    // RFC 5545: lines end with CRLF; no other control character but a tab.
    let body = ics.replace("\r\n", "");
    assert!(controls(&body).is_empty(), "{:?}", controls(&body));
    ics.parse::<icalendar::Calendar>()
        .expect("a calendar that parses");
}

/// What the app writes to its terminal, kept to feed an emulator.
#[derive(Clone, Default)]
struct Written(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Written {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a terminal that draws code point by code point (like xterm, and like the `vt100`
/// crate) shows after the app drew `screens` in turn, diffing each frame against the last
/// as a real session does; and the last frame as the app meant it.
fn through_a_terminal(
    app: &mut App,
    screens: &[Screen],
    w: u16,
    h: u16,
) -> (vt100::Parser, ratatui::buffer::Buffer) {
    let written = Written::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(written.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    let mut parser = vt100::Parser::new(h, w, 0);
    for s in screens {
        app.screen = *s;
        terminal.draw(|f| mentorbook::ui::render(app, f)).unwrap();
        let out = std::mem::take(&mut *written.0.lock().unwrap());
        parser.process(&out);
    }
    let mut test = Terminal::new(TestBackend::new(w, h)).unwrap();
    test.draw(|f| mentorbook::ui::render(app, f)).unwrap();
    (parser, test.backend().buffer().clone())
}

#[test]
fn case_07_wide_and_joined_characters_leave_no_garbage() {
    let wide = [
        "👨\u{200d}👩\u{200d}👧\u{200d}👦👨\u{200d}👩\u{200d}👧\u{200d}👦 family",
        "🇫🇷🇯🇵🇺🇳 flags 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
        "日本語のテキストと中文のテキスト",
        "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} marks, ❤\u{fe0f} 👍🏽 1\u{fe0f}\u{20e3}",
        "\u{202e}reversed\u{202c} zero\u{200b}width",
    ];
    let mut wb = fixture();
    for (k, s) in wide.iter().enumerate() {
        let g = k % wb.goals.len();
        wb.goals[g].title = format!("{s} {k}");
        wb.vision.strengths.push((*s).into());
        wb.journal.push(JournalEntry {
            id: 600 + k as u64,
            at: fixed_now().fixed_offset(),
            text: format!("{s}\n{s}"),
            tags: vec![(*s).into()],
            private: false,
            ..JournalEntry::default()
        });
    }
    let mut app = App::new(wb);
    app.today = fixed_now().date_naive();
    app.refresh_journal();
    // Every screen, then pages with the text, then the overview again: each frame is a diff
    // of the one before, as in a session.
    let mut screens: Vec<Screen> = Screen::top_level().collect();
    screens.extend([
        Screen::Goal(0),
        Screen::Goal(1),
        Screen::Entry(5),
        Screen::Home,
    ]);
    for (w, h) in [(100, 30), (61, 17)] {
        for end in 1..=screens.len() {
            let (parser, expected) = through_a_terminal(&mut app, &screens[..end], w, h);
            let screen = parser.screen();
            for y in 0..h {
                let mut x = 0;
                while x < w {
                    let want = expected[(x, y)].symbol();
                    let width =
                        u16::try_from(unicode_width::UnicodeWidthStr::width(want).max(1)).unwrap();
                    // What the terminal shows in the columns the cell covers (a flag is two
                    // regional indicators, one a column; a wide character leaves its second
                    // column empty); a cell never written to is blank.
                    let got: String = (x..x + width)
                        .filter_map(|c| screen.cell(y, c).map(|c| c.contents()))
                        .collect();
                    let got = if got.is_empty() { " ".to_string() } else { got };
                    assert_eq!(
                        got,
                        want,
                        "{:?} at {w}x{h}: row {y} column {x} differs\nterminal: {:?}",
                        screens[end - 1],
                        screen.rows(0, w).nth(usize::from(y))
                    );
                    x += width;
                }
            }
        }
    }
    // Ctrl-l: the screen drawn anew, from anywhere (also while editing).
    let ctrl_l = Event::Key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL));
    let mut app = App::new(fixture());
    assert_eq!(mentorbook::input::resolve(&app, &ctrl_l), Some(Msg::Redraw));
    assert_eq!(send(&mut app, ctrl_l.clone()), Some(Effect::Redraw));
    press(&mut app, "5jjj<Enter>");
    assert!(matches!(app.mode, Mode::Edit(_)));
    assert_eq!(send(&mut app, ctrl_l), Some(Effect::Redraw));
}

#[test]
fn case_07_ctrl_l_clears_and_redraws_a_real_terminal() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.wait_for("Exercises");
    let before = pty.raw_output().len();
    pty.type_("\u{c}");
    pty.wait_for("Exercises");
    let start = std::time::Instant::now();
    // The whole screen is cleared and drawn again.
    while !String::from_utf8_lossy(&pty.raw_output()[before..]).contains("\u{1b}[2J") {
        assert!(start.elapsed() < WAIT, "no clear after Ctrl-l");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn case_08_a_field_never_grows_past_its_limit_and_nothing_is_cut() {
    let mut app = app_at(Screen::Exercise(Exercise::Vision));
    go_to(
        &mut app,
        Field::Vision(mentorbook::field::VisionPart::Statement),
    );
    press(&mut app, "<Enter>");
    let before = app.mode.editing().unwrap().text();
    // 50 MB at once: refused whole, with a message that says the limit.
    let huge = "x".repeat(50_000_000);
    send(&mut app, Event::Paste(huge));
    assert_eq!(app.mode.editing().unwrap().text(), before, "nothing pasted");
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("at most 0.3 MB") && notice.contains("50.0 MB"),
        "{notice}"
    );
    // Up to the limit, a paste goes in whole.
    let fits = "y".repeat(MAX_TEXT - before.len() - 16);
    send(&mut app, Event::Paste(fits.clone()));
    assert!(app.mode.editing().unwrap().text().contains(&fits));
    // And one more that would cross it does not.
    send(&mut app, Event::Paste("z".repeat(64)));
    assert!(!app.mode.editing().unwrap().text().contains('z'));
}

#[test]
fn case_09_messages_say_what_is_wrong() {
    let good = sample();
    // A byte-order mark is read past.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    fs::write(
        &path,
        [b"\xef\xbb\xbf".as_slice(), good.as_bytes()].concat(),
    )
    .unwrap();
    let (_store, wb) = Store::open(&path).expect("a UTF-8 file with a BOM opens");
    assert_eq!(wb.mentee, "Ana Ruiz");
    drop(_store);
    // UTF-16 is named.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(good.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let e = refused_naming(&utf16);
    assert_eq!(e, DecodeError::NotUtf8 { found: "UTF-16" });
    // A duplicate key, at the top or inside, says which and where.
    let twice = good.replacen(
        "\"format\": \"mentorbook\",",
        "\"format\": \"mentorbook\", \"format\": \"mentorbook\",",
        1,
    );
    let msg = open_message(twice.as_bytes());
    assert!(msg.contains("\"format\" is given twice"), "{msg}");
    let twice = good.replacen("\"mentee\": ", "\"mentee\": \"x\",\n    \"mentee\": ", 1);
    let msg = open_message(twice.as_bytes());
    assert!(
        msg.contains("field `data`") && msg.contains("\"mentee\" is given twice"),
        "{msg}"
    );
    assert!(!msg.contains("data.."), "{msg}");
    // A refused date's reason is never cut off, however long what was typed.
    let mut app = app_at(Screen::Goal(0));
    go_to(
        &mut app,
        Field::Goal(0, mentorbook::field::GoalPart::Deadline),
    );
    press(&mut app, "<Enter><C-u>");
    send(
        &mut app,
        Event::Paste("not a date at all, but a very long line of words ".repeat(5)),
    );
    press(&mut app, "<Esc>");
    for w in [60, 80, 100] {
        let shown = screen_text(&app, w, 20).replace('\n', " ");
        let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            shown.contains("last month"),
            "{w} columns:\n{}",
            screen_text(&app, w, 20)
        );
    }
}

fn open_message(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workbook.json");
    fs::write(&path, bytes).unwrap();
    Store::open(&path).expect_err("refused").to_string()
}

#[test]
fn case_10_below_the_minimum_size_only_quit_help_and_save_act() {
    let mut app = App::new(fixture());
    app.too_small = true;
    let key = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let r = |app: &App, e: &Event| mentorbook::input::resolve(app, e);
    for c in ['n', 'j', '5', 'C', 'E', 'x'] {
        assert_eq!(r(&app, &key(c)), None, "{c}");
    }
    assert_eq!(r(&app, &key('q')), Some(Msg::Quit));
    assert_eq!(r(&app, &key('?')), Some(Msg::Help));
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    assert_eq!(r(&app, &ctrl('c')), Some(Msg::SaveAndQuit));
    assert_eq!(r(&app, &ctrl('s')), Some(Msg::SaveNow));
    assert_eq!(r(&app, &Event::Paste("text".into())), None);
    press(&mut app, "5");
    assert_eq!(app.screen, Screen::Home, "5 did nothing");
    // In a real terminal: keys typed into a 1x1 window create nothing.
    let (home, file) = setup();
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, sample()).unwrap();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.wait_for("Exercises");
    // Too small, and seen to be; then smaller still (too small either way, whichever the app
    // takes in first).
    pty.resize(10, 40);
    pty.wait_for("Terminal too small");
    pty.resize(1, 1);
    pty.type_("n");
    pty.type_("written blind");
    pty.type_("5jjj\r");
    pty.resize(30, 100);
    pty.wait_for("Exercises");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    let wb = saved(&file);
    assert_eq!(
        wb.journal.len(),
        fixture().journal.len(),
        "no entry was made"
    );
    assert_eq!(wb.vision.statement, fixture().vision.statement);
}

#[test]
fn case_11_call_mode_counts_only_what_may_be_shown() {
    // The same workbook with more private things: in call mode, not a cell differs.
    let base = fixture();
    let mut more = base.clone();
    for k in 0..3 {
        more.journal.push(JournalEntry {
            id: 700 + k,
            at: fixed_now().fixed_offset(),
            text: "private".into(),
            ..JournalEntry::default()
        });
    }
    more.mentoring_plan.topics.push(mentorbook::model::Topic {
        id: 800,
        area: mentorbook::model::PlanArea::Development,
        text: "private topic".into(),
        private: true,
        ..Default::default()
    });
    // A private exploration's decision, and a private topic discussed in every area.
    let mut explored = mentorbook::model::Conversation {
        id: 900,
        at: fixed_now().fixed_offset(),
        kind: mentorbook::model::ConversationKind::Exploration,
        private: true,
        ..Default::default()
    };
    explored.arc.direction = "secret direction".into();
    more.conversations.push(explored);
    for (k, area) in [
        mentorbook::model::PlanArea::Career,
        mentorbook::model::PlanArea::Workplace,
    ]
    .into_iter()
    .enumerate()
    {
        more.mentoring_plan.topics.push(mentorbook::model::Topic {
            id: 910 + k as u64,
            area,
            text: "private discussed".into(),
            private: true,
            discussed: true,
            ..Default::default()
        });
    }
    let mut screens: Vec<Screen> = Screen::top_level().collect();
    screens.extend(Screen::PAGE_KINDS);
    for screen in screens {
        let shown = |wb: &Workbook| {
            let mut app = App::new(wb.clone());
            app.today = fixed_now().date_naive();
            app.call_mode = true;
            app.refresh_journal();
            app.screen = screen;
            screen_text(&app, 100, 30)
        };
        assert_eq!(
            shown(&base),
            shown(&more),
            "{screen:?} shows a trace of private things"
        );
    }
    // And the counts it does show are of what is shared.
    let mut app = App::new(base);
    app.call_mode = true;
    app.refresh_journal();
    let home = screen_text(&app, 100, 30);
    assert!(home.contains("1 shared entry"), "{home}");
    assert!(home.contains("2/6"), "{home}");
    app.screen = Screen::Exercise(Exercise::Journal);
    assert!(screen_text(&app, 100, 30).contains("1 of 1 entries"));
}

#[test]
fn case_12_a_terminal_without_colour_or_cursor_gets_a_message() {
    for term in ["dumb", "vt100", "vt220", "xterm-mono"] {
        let home = tempfile::tempdir().unwrap();
        let out = Command::cargo_bin("mentorbook")
            .unwrap()
            .env("HOME", home.path())
            .env("TERM", term)
            .env_remove("MENTORBOOK_FILE")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{term}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("TERM={term}")), "{err}");
        assert!(
            err.contains("mentorbook show") && err.contains("mentorbook export"),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "nothing drawn: {:?}", out.stdout);
        assert!(!home.path().join(".local").exists(), "nothing made");
    }
    // The commands it points at work there, without colour.
    let home = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("mentorbook")
        .unwrap()
        .env("HOME", home.path())
        .env("TERM", "dumb")
        .args(["--file", "assets/sample-workbook.json", "show", "goals"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b));
}

// ---------------------------------------------------------------------------------------
// Markdown, read back with a CommonMark parser.
// ---------------------------------------------------------------------------------------

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS,
    )
}

/// The document's structure: every start and end of a block or an inline element, without
/// the text. Raw HTML is part of it (only our own `<br>` in table cells is expected).
fn shape_of(md: &str) -> Vec<String> {
    parser(md)
        .filter_map(|e| match e {
            Md::Start(t) => Some(format!("{:?}", start(&t))),
            Md::End(t) => Some(format!("/{:?}", end(t))),
            Md::Html(h) | Md::InlineHtml(h) if &*h != "<br>" => Some(format!("html {h}")),
            Md::Code(c) => Some(format!("code {c}")),
            Md::FootnoteReference(_) | Md::TaskListMarker(_) | Md::Rule => Some(format!("{e:?}")),
            _ => None,
        })
        .collect()
}

fn start(t: &Tag) -> String {
    match t {
        Tag::Link { .. } => "Link".into(),
        Tag::Image { .. } => "Image".into(),
        Tag::Heading { level, .. } => format!("Heading {level}"),
        other => format!("{other:?}"),
    }
}

fn end(t: TagEnd) -> String {
    format!("{t:?}")
}

/// The document's text as a reader sees it: breaks as spaces, whitespace runs as one.
fn text_of(md: &str) -> String {
    let mut out = String::new();
    for e in parser(md) {
        match e {
            Md::Text(t) | Md::Code(t) => out.push_str(&t),
            Md::SoftBreak | Md::HardBreak | Md::End(_) => out.push(' '),
            Md::InlineHtml(h) if &*h == "<br>" => out.push(' '),
            _ => {}
        }
    }
    one_line(&out)
}

/// How a string reads once written out: controls as their visible stand-ins, whitespace
/// runs as one space.
fn one_line(s: &str) -> String {
    let lines: Vec<String> = s
        .lines()
        .map(|l| mentorbook::report::printable(l).into_owned())
        .collect();
    lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------
// Property tests.
// ---------------------------------------------------------------------------------------

/// Any text: fragments of the hostile corpus, any character at all, words, long lines.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(String::from),
        3 => any::<char>().prop_map(String::from),
        2 => "[a-z]{1,8}",
        1 => prop::sample::select(&[" ", "\n", "\t", "  ", "\r\n"][..]).prop_map(String::from),
        1 => prop::sample::select(&['*', '_', '`', '<', '>', '[', ']', '#', '|', '&', '\\', '!', '~', '-', '=', '+', '.'][..])
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever a workbook holds, nothing `show` prints (in colour or not), nor a Markdown
    /// or calendar export, can drive a terminal; a JSON export on a terminal is printed
    /// through the same stand-ins.
    #[test]
    fn any_text_through_every_terminal_command_stays_printable(s in any_text()) {
        let wb = workbook_holding(&s);
        for section in Section::ALL {
            let plain = show_text(&wb, section, true, fixed_now(), false);
            prop_assert!(controls(&plain).is_empty(), "show {section:?}: {:?}", controls(&plain));
            prop_assert!(!plain.contains('\u{1b}'), "an escape in show {:?}", section);
            let coloured = show_text(&wb, section, true, fixed_now(), true);
            let rest = without_our_colours(&coloured);
            prop_assert!(controls(&rest).is_empty(), "show {section:?} in colour: {:?}", controls(&rest));
        }
        let md = export_text(&wb, Format::Markdown, &[], true, fixed_now());
        prop_assert!(controls(&md).is_empty(), "markdown: {:?}", controls(&md));
        let ics = export_text(&wb, Format::Ics, &[], true, fixed_now()).replace("\r\n", "");
        prop_assert!(controls(&ics).is_empty(), "ics: {:?}", controls(&ics));
        let json = export_text(&wb, Format::Json, &[], true, fixed_now());
        prop_assert!(controls(&mentorbook::report::printable(&json)).is_empty());
    }

    /// Whatever a field holds, the Markdown export reads back (with a CommonMark parser) as
    /// the same document with the user's text in its place: no markup, no HTML, no lost
    /// characters.
    #[test]
    fn any_text_comes_back_from_markdown_as_text(s in any_text()) {
        // A blank line is a paragraph break in Markdown as in the app: a line at a time.
        let s: String = s.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n");
        prop_assume!(!s.trim().is_empty());
        let md = export_text(&workbook_holding(&s), Format::Markdown, &[], false, fixed_now());
        let plain = export_text(&workbook_holding("plain words"), Format::Markdown, &[], false, fixed_now());
        prop_assert_eq!(shape_of(&md), shape_of(&plain), "{:?}:\n{}", s, md);
        let text = text_of(&md);
        // The document trims what it is given (a vertical tab is white space too).
        for line in s.trim().lines() {
            let shown = one_line(line);
            prop_assert!(text.contains(&shown), "{:?} is not in the text:\n{}", shown, text);
        }
    }
}

// ---------------------------------------------------------------------------------------
// The loader: every wrong shape and unknown key, anywhere, refused and named.
// ---------------------------------------------------------------------------------------

/// The path of `key` inside the object at `path`, as the loader names it.
fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Every place in `v`, with its path as the loader names it (`data.goals[0].plan`).
fn places(v: &Value, path: String, out: &mut Vec<(String, Value)>) {
    out.push((path.clone(), v.clone()));
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                places(x, child(&path, k), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                places(x, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// `root` with the value at `path` replaced by what `f` makes of it.
fn changed(root: &Value, path: &str, f: &dyn Fn(&Value) -> Value) -> Value {
    fn walk(v: &Value, here: &str, path: &str, f: &dyn Fn(&Value) -> Value) -> Value {
        if here == path {
            return f(v);
        }
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, x)| (k.clone(), walk(x, &child(here, k), path, f)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(
                a.iter()
                    .enumerate()
                    .map(|(i, x)| walk(x, &format!("{here}[{i}]"), path, f))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    walk(root, "", path, f)
}

#[test]
fn every_wrong_shape_and_unknown_key_anywhere_is_refused_and_named() {
    let root: Value = serde_json::from_str(&sample()).unwrap();
    let mut all = Vec::new();
    places(&root, String::new(), &mut all);
    let decode_value = |v: &Value| decode(serde_json::to_string_pretty(v).unwrap().as_bytes());
    let (mut objects, mut leaves) = (0, 0);
    for (path, value) in &all {
        match value {
            Value::Object(_) => {
                objects += 1;
                // An unknown key in it.
                let v = changed(&root, path, &|x| {
                    let mut m = x.as_object().unwrap().clone();
                    m.insert("zz_later".into(), Value::from(1));
                    Value::Object(m)
                });
                let want = child(path, "zz_later");
                assert_eq!(
                    decode_value(&v).unwrap_err(),
                    DecodeError::UnknownField { field: want },
                    "an unknown key in {path:?}"
                );
                // Its values as a list: read by position if let through.
                if !path.is_empty() {
                    let v = changed(&root, path, &|x| {
                        Value::Array(x.as_object().unwrap().values().cloned().collect())
                    });
                    match decode_value(&v).unwrap_err() {
                        DecodeError::Field { field, .. } => assert_eq!(&field, path),
                        DecodeError::NotMentorbook { .. } if !path.starts_with("data") => {}
                        other => panic!("a list for {path}: {other:?}"),
                    }
                }
            }
            Value::String(_) | Value::Number(_) | Value::Bool(_) => {
                leaves += 1;
                // A value of the wrong kind.
                let v = changed(&root, path, &|x| match x {
                    Value::String(_) => Value::Array(vec![]),
                    _ => Value::from("text"),
                });
                match decode_value(&v).unwrap_err() {
                    DecodeError::Field { field, .. } => assert_eq!(&field, path),
                    DecodeError::NotMentorbook { .. } if !path.starts_with("data") => {}
                    other => panic!("a wrong value at {path}: {other:?}"),
                }
            }
            Value::Array(_) | Value::Null => {}
        }
    }
    assert!(
        objects > 40 && leaves > 150,
        "{objects} objects, {leaves} values"
    );
    eprintln!(
        "every place in the sample: {objects} objects and {leaves} values, each refused and named"
    );
}

#[test]
fn a_lone_surrogate_escaped_in_json_is_refused_cleanly() {
    let bad = sample().replacen("\"Ana Ruiz\"", "\"Ana \\ud800 Ruiz\"", 1);
    assert!(matches!(
        refused_naming(bad.as_bytes()),
        DecodeError::Syntax { .. } | DecodeError::Field { .. }
    ));
}
