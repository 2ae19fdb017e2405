use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::model::{Goal, Id, JournalEntry, Workbook};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn entry(at_: &str, text: &str, tags: &[&str], goal: Option<Id>) -> std::sync::Arc<JournalEntry> {
    std::sync::Arc::new(JournalEntry {
        at: at(at_),
        text: text.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        goal,
        ..JournalEntry::default()
    })
}

#[test]
fn journal_filters_combine_and_list_newest_first() {
    let wb = Workbook {
        journal: vec![
            entry(
                "2026-10-02T07:00:00+02:00",
                "Review went well",
                &["Reviews"],
                Some(2),
            ),
            entry(
                "2026-11-20T21:00:00+01:00",
                "Felt stuck in the review",
                &["reviews", "mood"],
                None,
            ),
            entry(
                "2026-11-01T08:00:00+01:00",
                "Coffee with Sam",
                &["network"],
                Some(4),
            ),
        ]
        .into(),
        ..Workbook::default()
    };
    let all = JournalFilter::default();
    assert!(all.is_empty());
    assert_eq!(wb.journal_matches(&all), [1, 2, 0]);
    let goals = [
        Goal {
            id: 2,
            ..Goal::default()
        },
        Goal {
            id: 4,
            ..Goal::default()
        },
    ];
    let q = |s: &str| JournalFilter::parse(s, today(), &goals).unwrap();
    assert_eq!(
        wb.journal_matches(&q("#reviews")),
        [1, 0],
        "tags in any case"
    );
    assert_eq!(wb.journal_matches(&q("#REVIEWS stuck")), [1]);
    assert_eq!(wb.journal_matches(&q("from:2026-11-01")), [1, 2]);
    assert_eq!(wb.journal_matches(&q("to:2026-11-01 review")), [0]);
    assert_eq!(wb.journal_matches(&q("COFFEE")), [2]);
    // A month or a year: from its first day, to its last; the past, relative to today.
    assert_eq!(
        wb.journal_matches(&q("from:2026-11 to:2026-11")),
        wb.journal_matches(&q("from:2026-11-01 to:2026-11-30"))
    );
    assert_eq!(
        wb.journal_matches(&q("from:2026 to:2026")),
        wb.journal_matches(&q("from:2026-01-01 to:2026-12-31"))
    );
    assert_eq!(
        wb.journal_matches(&q("from:-1y")),
        wb.journal_matches(&q("from:2025-11-24"))
    );
    assert!(JournalFilter::parse("from:2026-13", today(), &goals).is_err());
    assert_eq!(
        wb.journal_matches(&q("nothing-like-this")),
        Vec::<usize>::new()
    );
    let by_goal = JournalFilter {
        clauses: vec![vec![Term {
            not: false,
            what: Match::Goal(4),
        }]],
        ..JournalFilter::default()
    };
    assert_eq!(wb.journal_matches(&by_goal), [2]);
    let err = JournalFilter::parse("from:someday", today(), &goals).unwrap_err();
    assert!(err.contains("someday"), "{err}");
    assert_eq!(
        wb.journal_matches(&q("goal:2")),
        [2],
        "the second goal in the list"
    );
    let err = JournalFilter::parse("goal:3", today(), &goals).unwrap_err();
    assert!(
        err.contains("goal:3") && err.contains("no such goal"),
        "{err}"
    );
}

/// Four entries over two years, to try every part of the language on.
fn diary() -> Workbook {
    let e = |at_: &str, text: &str, tags: &[&str]| {
        std::sync::Arc::new(JournalEntry {
            at: at(at_),
            text: text.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..JournalEntry::default()
        })
    };
    Workbook {
        journal: vec![
            e(
                "2025-11-24T08:00:00+01:00",
                "The review\ntemplate is done",
                &["reflection", "goals"],
            ),
            e(
                "2026-03-01T08:00:00+01:00",
                "Mood low; review postponed",
                &["reflection"],
            ),
            e(
                "2026-11-24T09:00:00+01:00",
                "Energy high, template drafted",
                &["goals", "energy"],
            ),
            e("2024-11-24T09:00:00+01:00", "Started the journal", &[]),
        ]
        .into(),
        ..Workbook::default()
    }
}

fn found(wb: &Workbook, query: &str) -> Vec<usize> {
    let f = JournalFilter::parse(query, today(), &[]).unwrap_or_else(|e| panic!("{query}: {e}"));
    wb.journal_matches(&f)
}

#[test]
fn several_tags_all_apply_and_or_offers_alternatives() {
    let wb = diary();
    assert_eq!(found(&wb, "#reflection #goals"), [0], "AND: tagged both");
    assert_eq!(found(&wb, "#reflection OR #goals"), [2, 1, 0], "OR: either");
    assert_eq!(found(&wb, "#energy OR #reflection review"), [1, 0]);
    let f = JournalFilter::parse("#reflection #goals", today(), &[]).unwrap();
    assert_eq!(f.describe(&[]), "#reflection and #goals", "says it is AND");
    let f = JournalFilter::parse("#a OR #b -draft", today(), &[]).unwrap();
    assert_eq!(f.describe(&[]), "(#a or #b) and not “draft”");
}

#[test]
fn a_minus_turns_any_part_round() {
    let wb = diary();
    assert_eq!(found(&wb, "-#goals"), [1, 3]);
    assert_eq!(found(&wb, "template -energy"), [0]);
    assert_eq!(found(&wb, "-\"review template\""), [2, 1, 3]);
    assert_eq!(found(&wb, "- review"), [1, 0], "a lone - says nothing");
}

#[test]
fn a_phrase_keeps_its_words_together_across_lines() {
    let wb = diary();
    assert_eq!(
        found(&wb, "\"review template\""),
        [0],
        "across the line break"
    );
    assert_eq!(
        found(&wb, "\"Template   DRAFTED\""),
        [2],
        "any case, any spacing"
    );
    assert_eq!(
        found(&wb, "“template drafted”"),
        [2],
        "typographic quotes too"
    );
    assert_eq!(found(&wb, "review template"), [0], "words: each anywhere");
    assert_eq!(
        found(&wb, "\"template review\""),
        Vec::<usize>::new(),
        "order counts"
    );
}

#[test]
fn on_this_day_and_the_past() {
    let wb = diary();
    assert_eq!(found(&wb, "day:11-24"), [2, 0, 3]);
    assert_eq!(
        found(&wb, "day:today to:yesterday"),
        [0, 3],
        "earlier years only"
    );
    assert_eq!(found(&wb, "day:2026-03-01"), [1]);
    assert_eq!(found(&wb, "from:2025 to:2025-12"), [0]);
    assert_eq!(found(&wb, "from:-1y"), [2, 1, 0]);
    assert_eq!(found(&wb, "from:\"last year\" to:-1m"), [1, 0]);
    assert_eq!(found(&wb, "from:last-year to:last_month"), [1, 0]);
}

#[test]
fn what_does_not_read_says_why() {
    let err = |q: &str| JournalFilter::parse(q, today(), &[]).unwrap_err();
    assert!(err("\"open phrase").contains("closing quote"));
    assert!(err("OR #a").contains("OR goes between"));
    assert!(err("#a OR").contains("OR goes between"));
    assert!(err("#a OR OR #b").contains("OR goes between"));
    assert!(err("#a OR from:2026").contains("OR goes between"));
    assert!(err("day:13-01").contains("not a day of the year"));
    assert!(err("\"\"").contains("empty"));
    // `or` in lower case is a word like any other.
    assert_eq!(found(&diary(), "or"), Vec::<usize>::new());
}

#[test]
fn tags_in_use_are_counted_most_used_first() {
    let mut wb = diary();
    let tags = wb.tags_in_use(false);
    assert_eq!(
        tags,
        [
            ("goals".to_string(), 2),
            ("reflection".to_string(), 2),
            ("energy".to_string(), 1)
        ]
    );
    let e = wb.journal.get_mut(2).unwrap();
    e.private = false;
    e.tags.push("Goals".into());
    assert_eq!(
        wb.tags_in_use(true),
        [("energy".to_string(), 1), ("goals".to_string(), 1)],
        "only what is shared, one count per entry and case"
    );
}

proptest::proptest! {
    /// The ASCII search (no copy) finds exactly what the folded, squeezed copy finds.
    #[test]
    fn the_quick_ascii_search_agrees_with_folding(
        text in "[a-cA-CvV \\n\\t.é]{0,40}",
        phrase in "[a-cA-C]{1,3}( [a-cA-C]{1,3}){0,2}",
    ) {
        let folded = fold(&phrase);
        let slow = squeezed(&text).contains(&folded);
        proptest::prop_assert_eq!(ascii_phrase(text.as_bytes(), &folded), slow);
    }
}
