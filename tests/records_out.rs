//! The record out of the app, read back as a reader would: the minutes of a conversation and
//! the whole document, as Markdown parsed by a CommonMark parser (tables keep their columns,
//! every answer stays in its list item, user text never becomes structure), as a golden file,
//! and as one self-contained HTML page.

mod common;

use std::path::Path;

use common::{fixed_now, fixture};
use mentorbook::cli::{Format, export_text, minutes_text};
use mentorbook::model::{Commitment, Owner, Workbook};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file:\n{actual}"
    );
}

fn options() -> Options {
    let mut o = Options::empty();
    o.insert(Options::ENABLE_TABLES);
    o.insert(Options::ENABLE_TASKLISTS);
    o
}

/// What a CommonMark reader finds in `md`: the headings' texts, each table's cells per row,
/// each top-level list item's text, and whether anything read as HTML, code or emphasis
/// inside the user's words.
#[derive(Default, Debug)]
struct Read {
    headings: Vec<String>,
    tables: Vec<Vec<usize>>,
    items: Vec<String>,
    html: Vec<String>,
    code: usize,
}

fn read(md: &str) -> Read {
    let mut r = Read::default();
    let (mut heading, mut in_heading) = (String::new(), false);
    let mut row = 0usize;
    for e in Parser::new_ext(md, options()) {
        match e {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                r.headings.push(heading.clone());
            }
            Event::Start(Tag::Table(_)) => r.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => row = 0,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                r.tables.last_mut().unwrap().push(row);
            }
            Event::Start(Tag::TableCell) => row += 1,
            Event::Text(t) if in_heading => heading.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) if &*h != "<br>" => r.html.push(h.to_string()),
            Event::Code(_) => r.code += 1,
            _ => {}
        }
    }
    r.items = common::markdown::list_items(md, options());
    r
}

/// The sample with user text written to break Markdown: pipes, backticks, angle brackets,
/// stars, a leading `#`, and answers of several paragraphs.
fn hostile() -> Workbook {
    let mut wb = fixture();
    let c = &mut wb.conversations[1];
    c.notes =
        "# not a heading\n\nA | pipe, `code`, <b>bold</b> and *stars*.\n\n- not a list".into();
    c.feedback.received = "First paragraph.\n\nSecond | paragraph with `ticks`.".into();
    c.commitments.push(Commitment {
        text: "Fix the | pipe <script>alert(1)</script>".into(),
        owner: Owner::Both,
        due: None,
        step: None,
        ..Commitment::default()
    });
    wb.agreement.purpose = "One.\n\n## Two, not a heading".into();
    wb.check_ins[0].progress = "*Not emphasis*\n\n| a | table? |".into();
    wb
}

#[test]
fn the_minutes_of_the_sample_match_their_golden_file() {
    let md = minutes_text(&fixture(), "latest", Format::Markdown, false, fixed_now()).unwrap();
    golden("minutes.md", &md);
    let r = read(&md);
    assert_eq!(
        r.headings,
        ["Minutes: Feedback conversation, Thursday 2026-11-19 08:30"]
    );
}

#[test]
fn the_minutes_read_right_whatever_the_user_wrote() {
    let wb = hostile();
    let md = minutes_text(&wb, "2026-11-19", Format::Markdown, false, fixed_now()).unwrap();
    let r = read(&md);
    assert_eq!(r.headings.len(), 1, "user text made no heading:\n{md}");
    assert!(r.html.is_empty(), "no HTML: {:?}", r.html);
    assert_eq!(r.code, 0, "no code spans from backticks");
    for table in &r.tables {
        assert!(
            table.iter().all(|n| *n == table[0]),
            "ragged table {table:?}:\n{md}"
        );
    }
    assert_eq!(
        r.tables,
        [vec![3, 3, 3]],
        "the commitments: head and two rows"
    );
    let received = r
        .items
        .iter()
        .find(|i| i.contains("First paragraph."))
        .unwrap();
    assert!(
        received.contains("Second | paragraph with `ticks`."),
        "{received}"
    );
    assert!(md.contains("\\# not a heading"), "{md}");
}

/// The default document's sections, in the relationship's order.
const SECTIONS: [&str; 11] = [
    "Partnership agreement",
    "Personal vision",
    "Brainstorm",
    "SMART goals",
    "Action plans",
    "Mentoring plan",
    "Conversations",
    "Check-ins",
    "Agenda",
    "Dates",
    "Closure",
];

#[test]
fn the_whole_document_reads_right_whatever_the_user_wrote() {
    let md = export_text(&hostile(), Format::Markdown, &[], false, fixed_now());
    let r = read(&md);
    let sections: Vec<&str> = (r.headings.iter())
        .map(String::as_str)
        .filter(|h| SECTIONS.contains(h))
        .collect();
    assert_eq!(
        sections, SECTIONS,
        "everything shareable, in the relationship's order"
    );
    assert!(
        !r.headings.iter().any(|h| h.contains("not a heading")),
        "{:?}",
        r.headings
    );
    assert!(r.html.is_empty(), "no HTML: {:?}", r.html);
    assert_eq!(r.code, 0);
    for table in &r.tables {
        assert!(
            table.iter().all(|n| *n == table[0]),
            "ragged table {table:?}"
        );
    }
    for (first, second) in [
        ("One.", "## Two, not a heading"),
        ("*Not emphasis*", "| a | table? |"),
        ("First paragraph.", "Second | paragraph"),
    ] {
        let item = (r.items.iter())
            .find(|i| i.contains(first))
            .unwrap_or_else(|| panic!("{first}"));
        assert!(item.contains(second), "{second:?} left its item: {item:?}");
    }
    // The Dates table names a goal once per row.
    let dates = md
        .split("## Dates")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    for row in
        (dates.lines()).filter(|l| l.contains("goal deadline") && l.contains("design reviews"))
    {
        assert_eq!(
            row.matches("Run the platform team's design reviews")
                .count(),
            1,
            "{row}"
        );
    }
    assert!(dates.contains("feedback conversation (held)"), "{dates}");
    assert!(!dates.contains("Mentoring conversation"), "{dates}");
}

#[test]
fn the_html_page_is_whole_printable_and_runs_nothing() {
    let html = export_text(&hostile(), Format::Html, &[], false, fixed_now());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@media print"), "print styles");
    assert!(
        html.contains("<title>Ana&#39;s mentoring workbook</title>")
            || html.contains("<title>Ana's mentoring workbook</title>")
    );
    // The call link in the agreement is text, not a link; nothing is fetched.
    for external in ["src=", "href=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "external resource {external:?}");
    }
    assert!(!html.contains("<script>"), "user text never runs");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "it is shown as text"
    );
    assert!(html.contains("<table>") && html.contains("<h2>Conversations</h2>"));
    let sample = export_text(&fixture(), Format::Html, &[], false, fixed_now());
    golden("sample.html", &sample);
}
