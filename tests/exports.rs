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
use mentorbook::model::Workbook;
use mentorbook::privacy;
use mentorbook::report::calendar;

const CANARY: &str = "Quokka-canary";

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 15, 2).unwrap()
}

/// The calendar of `wb` as the command makes it, on a clock fixed at UTC+1 (Ana's), with
/// nothing left out by date.
fn ics(wb: &Workbook) -> String {
    ics_with(wb, None, None)
}

fn ics_with(wb: &Workbook, since: Option<chrono::NaiveDate>, alarm: Option<u32>) -> String {
    let zone = |t: chrono::NaiveDateTime| {
        let paris = chrono::FixedOffset::east_opt(3600).unwrap();
        t.and_local_timezone(paris).single().map(|t| t.to_utc())
    };
    let opts = calendar::CalendarOptions {
        since,
        alarm,
        zone: &zone,
    };
    calendar::ics(wb, stamp(), &opts)
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
    let ics = ics(&privacy::shareable(&fixture()));
    golden("sample.ics", &ics);
}

#[test]
fn the_calendar_parses_with_one_event_per_date_and_unique_uids() {
    let wb = fixture();
    let ics = ics(&wb);
    assert!(ics.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    assert!(ics.ends_with("\r\n") && !ics.replace("\r\n", "").contains('\n'));
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let events: Vec<_> = (cal.components.iter())
        .filter(|c| c.name == "VEVENT")
        .collect();
    // Every dated item (the one commitment not made a step among them).
    assert_eq!(events.len(), calendar::dates(&wb).len());
    assert!(events.len() >= 10, "{}", events.len());
    let mut uids = HashSet::new();
    let mut timed = 0;
    for e in &events {
        for p in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
            assert!(e.find_prop(p).is_some(), "{p} missing");
        }
        let start = e.find_prop("DTSTART").unwrap().val.as_str().to_string();
        let summary = e.find_prop("SUMMARY").unwrap().val.as_str().to_string();
        if start.len() == 16 {
            // The meeting agreed for 08:30 in Paris: in UTC, as long as the agreement says
            // (45 minutes), where it says, titled for what it is.
            timed += 1;
            assert_eq!(start, "20261203T073000Z");
            assert_eq!(
                e.find_prop("DTEND").unwrap().val.as_str(),
                "20261203T081500Z"
            );
            assert_eq!(
                summary,
                "Mentoring: Ana & Ben — Plan the December review together."
            );
            let place = e.find_prop("LOCATION").unwrap();
            assert_eq!(place.val.as_str(), "https://meet.example.com/ana-ben");
        } else {
            assert_eq!(start.len(), 8, "an all-day date: {start}");
        }
        assert!(!summary.contains("Mentoring conversation"), "{summary}");
        assert!(uids.insert(e.find_prop("UID").unwrap().val.as_str().to_string()));
    }
    assert_eq!(timed, 1);
    let due = |s: &str| {
        events
            .iter()
            .any(|e| e.find_prop("SUMMARY").unwrap().val.as_str() == s)
    };
    assert!(
        due("Due: Draft a one-page review template (Ana)"),
        "a step, with its owner"
    );
    assert!(
        due("Due: Send Ben my next summary draft (Ana)"),
        "a commitment"
    );
    assert!(due("Due: Co-chair the December review (Ana & Ben)"));
    let version = cal.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.map(|p| p.val.as_str()), Some("2.0"));
}

/// Re-importing after edits updates the same events: renaming and reordering steps, ticking
/// a milestone and moving a date keep every UID.
#[test]
fn uids_survive_edits_and_reordering() {
    let uids = |wb: &Workbook| -> HashSet<String> {
        ics(wb)
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
    // Another mentee's workbook (its own id) never shares a UID with this one.
    let mut other = wb.clone();
    other.id = mentorbook::store::new_workbook_id();
    assert!(uids(&wb).is_disjoint(&uids(&other)));
}

/// Renaming both partners and the workbook keeps every UID, byte for byte: a calendar that
/// imports again updates its events instead of doubling them.
#[test]
fn renaming_the_partners_and_the_workbook_keeps_every_uid() {
    let uid_lines = |wb: &Workbook| -> Vec<String> {
        ics(wb)
            .replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    let wb = fixture();
    let mut renamed = wb.clone();
    renamed.mentee = "Ana María Ruiz-Torres".into();
    renamed.mentor = "Benjamin Okafor".into();
    renamed.title = "Mentoring with Ben, 2026–27".into();
    let before = uid_lines(&wb);
    assert!(before.len() >= 10);
    assert_eq!(before, uid_lines(&renamed));
    assert!(before.iter().all(|u| u.contains(&wb.id)), "{before:?}");
}

#[test]
fn old_history_stays_out_and_reminders_come_when_asked() {
    let wb = fixture();
    let since = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let recent = ics_with(&wb, Some(since), Some(1440));
    let unfolded = recent.replace("\r\n ", "");
    for line in unfolded.lines().filter(|l| l.starts_with("DTSTART")) {
        let date = &line[line.len() - 8..];
        let date = if line.ends_with('Z') {
            &line[line.len() - 16..line.len() - 8]
        } else {
            date
        };
        assert!(date >= "20261122", "{line}");
    }
    let all = ics(&wb);
    assert!(all.matches("BEGIN:VEVENT").count() > recent.matches("BEGIN:VEVENT").count());
    // A reminder a day before each event still to come; none on what is done.
    let text = icalendar::parser::unfold(&recent);
    let cal = icalendar::parser::read_calendar(&text).unwrap();
    for e in cal.components.iter().filter(|c| c.name == "VEVENT") {
        let summary = e.find_prop("SUMMARY").unwrap().val.as_str().to_string();
        let alarm = e.components.iter().find(|c| c.name == "VALARM");
        if summary.starts_with('✓') {
            assert!(alarm.is_none(), "{summary}");
        } else {
            let alarm = alarm.unwrap_or_else(|| panic!("no alarm: {summary}"));
            assert_eq!(alarm.find_prop("TRIGGER").unwrap().val.as_str(), "-PT1440M");
            assert_eq!(alarm.find_prop("ACTION").unwrap().val.as_str(), "DISPLAY");
        }
    }
    assert!(!all.contains("VALARM"), "no reminder unless asked");
}

fn with_canaries() -> Workbook {
    common::with_private_canaries(fixture(), CANARY)
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
    assert_eq!(json.matches(CANARY).count(), 6);
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
