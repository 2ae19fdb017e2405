//! Exports from the sample workbook: golden Markdown and iCalendar files, the calendar read
//! back by an iCalendar parser, stable UIDs, and canaries: nothing private leaves unless asked.
//! `UPDATE_GOLDEN=1 cargo test --test exports` rewrites the golden files after a deliberate
//! change.

mod common;

use std::collections::HashSet;
use std::path::Path;

use chrono::{TimeZone, Utc};
use common::{fixed_now, fixture};
use mentorbook::cli::{Format, export_text};
use mentorbook::model::{JournalEntry, Topic, Workbook};
use mentorbook::privacy;
use mentorbook::report::calendar;

const CANARY: &str = "Quokka-canary";

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 15, 2).unwrap()
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file from line {}:\n{}",
            first + 1,
            actual
                .lines()
                .skip(first)
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn markdown_of_the_sample_matches_its_golden_file() {
    let md = export_text(&fixture(), Format::Markdown, &[], false, fixed_now());
    golden("sample.md", &md);
}

#[test]
fn ics_of_the_sample_matches_its_golden_file() {
    let ics = calendar::ics(&privacy::shareable(&fixture()), stamp());
    golden("sample.ics", &ics);
}

#[test]
fn the_calendar_parses_with_one_event_per_date_and_unique_uids() {
    let wb = fixture();
    let ics = calendar::ics(&wb, stamp());
    assert!(ics.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    assert!(ics.ends_with("\r\n") && !ics.replace("\r\n", "").contains('\n'));
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let events: Vec<_> = (cal.components.iter())
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), calendar::dates(&wb).len());
    assert!(events.len() >= 10, "{}", events.len());
    let mut uids = HashSet::new();
    for e in &events {
        for p in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
            assert!(e.find_prop(p).is_some(), "{p} missing");
        }
        let start = e.find_prop("DTSTART").unwrap();
        assert_eq!(start.val.as_str().len(), 8, "an all-day date");
        assert!(uids.insert(e.find_prop("UID").unwrap().val.as_str().to_string()));
    }
    let version = cal.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.map(|p| p.val.as_str()), Some("2.0"));
}

/// Re-importing after edits updates the same events: renaming and reordering steps, ticking
/// a milestone and moving a date keep every UID.
#[test]
fn uids_survive_edits_and_reordering() {
    let uids = |wb: &Workbook| -> HashSet<String> {
        calendar::ics(wb, stamp())
            .replace("\r\n ", "")
            .lines()
            .filter_map(|l| l.strip_prefix("UID:").map(String::from))
            .collect()
    };
    let mut wb = fixture();
    // Milestones added by this version have ids (the sample's, older, are known by place).
    for (i, m) in wb.goals[0].milestones.iter_mut().enumerate() {
        m.id = 100 + i as u64;
    }
    wb.next_id = 200;
    let mut edited = wb.clone();
    edited.goals[0].milestones.reverse();
    edited.goals[0].milestones[0].text = "Renamed milestone".into();
    let plan = &mut edited.goals[0].plan;
    plan.steps.reverse();
    plan.steps[0].text = "Renamed".into();
    plan.steps[1].due = plan.steps[1].due.map(|d| d.succ_opt().unwrap());
    edited.goals[0].milestones[0].done = true;
    edited.goals[0].title = "A new name".into();
    assert_eq!(uids(&wb), uids(&edited));
    // Another mentee's calendar never shares a UID with this one.
    let mut other = wb.clone();
    other.mentee = "Sam Lee".into();
    assert!(uids(&wb).is_disjoint(&uids(&other)));
}

fn with_canaries() -> Workbook {
    let mut wb = fixture();
    wb.self_reflection.why = format!("{CANARY} why");
    wb.self_reflection.past_lessons = format!("{CANARY} lessons");
    let id = wb.fresh_id();
    wb.mentoring_plan.topics.push(Topic {
        id,
        text: format!("{CANARY} topic"),
        private: true,
        ..Topic::default()
    });
    let id = wb.fresh_id();
    wb.journal.push(JournalEntry {
        id,
        at: fixed_now().fixed_offset(),
        text: format!("{CANARY} entry"),
        private: true,
        ..JournalEntry::default()
    });
    wb
}

#[test]
fn no_private_canary_in_any_export_unless_asked() {
    let wb = with_canaries();
    for format in [Format::Markdown, Format::Ics, Format::Json] {
        let out = export_text(&wb, format, &[], false, fixed_now());
        assert!(!out.contains(CANARY), "{format:?}:\n{out}");
        assert!(
            out.contains("Ana Ruiz"),
            "{format:?} has the shareable content"
        );
    }
    for s in mentorbook::report::Section::ALL {
        let out = export_text(&wb, Format::Markdown, &[s], false, fixed_now());
        assert!(!out.contains(CANARY), "{s:?}");
    }
    // Asked for, they are there: the Markdown's topics and the whole JSON.
    let md = export_text(&wb, Format::Markdown, &[], true, fixed_now());
    assert!(md.contains(&format!("{CANARY} topic (private)")));
    let json = export_text(&wb, Format::Json, &[], true, fixed_now());
    assert_eq!(json.matches(CANARY).count(), 4);
}

/// The JSON export is a workbook file: it opens, and holds the shareable workbook.
#[test]
fn the_json_export_reads_back_as_the_shareable_workbook() {
    let wb = with_canaries();
    let json = export_text(&wb, Format::Json, &[], false, fixed_now());
    let back = mentorbook::store::decode(json.as_bytes()).unwrap().workbook;
    assert!(back == privacy::shareable(&wb));
    assert!(back.journal.iter().all(|e| !e.private));
    let all = export_text(&wb, Format::Json, &[], true, fixed_now());
    let back = mentorbook::store::decode(all.as_bytes()).unwrap().workbook;
    assert!(back == wb);
}

/// One section only: its heading and nothing from the others.
#[test]
fn a_section_export_holds_that_section() {
    use mentorbook::report::Section;
    let wb = fixture();
    let md = export_text(&wb, Format::Markdown, &[Section::Plan], false, fixed_now());
    assert!(md.contains("## Action plans"));
    assert!(md.contains("| # | Step | Who | Due | Status | After |"));
    assert!(!md.contains("## SMART goals") && !md.contains("## Partnership agreement"));
}
