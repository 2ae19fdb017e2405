use chrono::FixedOffset;

use super::*;

const JRNL: &str = include_str!("../../tests/fixtures/import/jrnl.json");
const TUI: &str = include_str!("../../tests/fixtures/import/tui-journal.json");
const MD: &str = include_str!("../../tests/fixtures/import/journal.md");

fn paris() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

fn times(r: &Read) -> Vec<String> {
    r.entries.iter().map(|e| e.at.to_rfc3339()).collect()
}

#[test]
fn jrnl_entries_keep_time_tags_and_the_star() {
    let r = read(Source::Jrnl, JRNL, &paris()).unwrap();
    assert_eq!(
        times(&r),
        [
            "2025-03-29T09:00:00+01:00",
            "2025-06-01T21:05:00+01:00",
            "2025-12-02T18:30:00+01:00"
        ]
    );
    assert_eq!(
        r.entries[0].text, "Called in sick. Used the time to read the review summaries.",
        "a title ending a sentence shared its line with the body"
    );
    assert_eq!(
        r.entries[1].text,
        "Agenda for the @work review\nThree items, each with an owner.\n\nThe second paragraph says why."
    );
    assert_eq!(r.entries[1].tags, ["work", "starred"], "the star is a tag");
    assert_eq!(r.entries[2].tags, ["work", "mood"], "without jrnl's @");
}

#[test]
fn tui_journal_titles_lead_and_times_come_onto_the_clock() {
    let r = read(Source::TuiJournal, TUI, &paris()).unwrap();
    assert_eq!(
        times(&r),
        [
            "2024-05-02T20:30:00+01:00",
            "2024-12-02T08:15:42.123456+01:00"
        ]
    );
    assert_eq!(
        r.entries[0].text,
        "First one-to-one\n\nWe agreed to meet every second Tuesday.\nShe asked for a written agenda."
    );
    assert_eq!(r.entries[0].tags, ["mentoring", "Ideas"]);
    assert_eq!(r.entries[1].text, "Morning pages");
    assert!(r.notes[0].contains("priority"), "{:?}", r.notes);
}

#[test]
fn markdown_entries_start_at_dated_headings() {
    let r = read(Source::Markdown, MD, &paris()).unwrap();
    assert_eq!(
        times(&r),
        ["2025-06-01T21:05:00+01:00", "2025-12-07T09:00:00+01:00"]
    );
    let first = &r.entries[0];
    assert_eq!(first.tags, ["work", "planning"]);
    assert_eq!(
        first.text,
        "Agenda for the review\nThree items, each with an owner.\nThe second line of the \
         paragraph.\n\n## What went well\n\nKeeping to time. A literal *star* stays.\n\n```\n# \
         not a heading, inside a fence\n```"
    );
    assert_eq!(
        r.entries[1].text,
        "Just a date; read at nine in the morning."
    );
    assert!(r.notes[0].contains("1 lines before"), "{:?}", r.notes);
}

#[test]
fn our_own_diary_comes_back_in() {
    let md = "# Mentoring workbook\n\n## Journal\n\n### Tuesday 2026-11-24 09:00\n\n\
              *\\#goals \\#energy · about the goal “Chair reviews” · private*\n\n\
              Energy high, template \\*drafted\\*  \nsecond line\n";
    let r = read(Source::Markdown, md, &paris()).unwrap();
    assert_eq!(r.entries.len(), 1);
    assert_eq!(r.entries[0].tags, ["goals", "energy"]);
    assert_eq!(
        r.entries[0].text,
        "Energy high, template *drafted*\nsecond line"
    );
}

#[test]
fn a_bad_file_says_where() {
    let err = |s: Source, text: &str| read(s, text, &paris()).unwrap_err();
    let e = err(
        Source::Jrnl,
        r#"{"entries": [{"date": "2025-02-30", "time": "09:00"}]}"#,
    );
    assert!(e.contains("entries[0]") && e.contains("2025-02-30"), "{e}");
    let e = err(
        Source::Jrnl,
        r#"{"entries": [{"date": "2025-02-01", "time": "9h"}]}"#,
    );
    assert!(e.contains("entries[0]") && e.contains("9h"), "{e}");
    let e = err(Source::Jrnl, "{\n\"entries\": [\n{\"date\": 7}]}");
    assert!(e.contains("entries[0].date"), "{e}");
    let e = err(
        Source::TuiJournal,
        "{\"entries\": [\n  {\"date\": \"yesterday\"}\n]}",
    );
    assert!(e.contains("entries[0].date"), "{e}");
    let e = err(Source::TuiJournal, "{\"entries\": [");
    assert!(e.contains("line 1"), "{e}");
    let e = err(Source::Markdown, "# Notes\n\n## 2025-02-30 A day\n");
    assert!(e.contains("line 3") && e.contains("2025-02-30"), "{e}");
    let e = err(Source::Markdown, "# Notes\n\nno dates at all\n");
    assert!(e.contains("no heading with a date"), "{e}");
}

#[test]
fn joining_skips_what_is_there_and_arrives_private() {
    let mut wb = crate::model::Workbook::default();
    let r = read(Source::Jrnl, JRNL, &paris()).unwrap();
    let first = join(&mut wb, r.entries.clone(), false);
    assert_eq!((first.added, first.duplicates), (3, 0));
    assert!(wb.journal.iter().all(|e| e.private));
    let again = join(&mut wb, r.entries, true);
    assert_eq!(
        (again.added, again.duplicates),
        (0, 3),
        "same minute, same text"
    );
    assert_eq!(wb.journal.len(), 3);
    let ids: std::collections::HashSet<_> = wb.journal.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 3, "each entry its own id");
}
