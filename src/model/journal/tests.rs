use super::*;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn entry(id: Id, when: &str) -> JournalEntry {
    JournalEntry {
        id,
        at: at(when),
        ..JournalEntry::default()
    }
}

#[test]
fn months_read_and_write_as_year_dash_month() {
    let m = Month::of(&at("2026-11-30T23:30:00-05:00"));
    assert_eq!(m.to_string(), "2026-11", "the entry's own clock");
    assert_eq!("2026-11".parse::<Month>(), Ok(m));
    for bad in ["2026-13", "26-11", "2026-1", "2026/11", "x"] {
        assert!(bad.parse::<Month>().is_err(), "{bad}");
    }
}

#[test]
fn counts_include_the_months_still_on_disk_and_links_drop_when_they_arrive() {
    let mut j: Journal = [entry(1, "2026-11-02T08:00:00+01:00")]
        .into_iter()
        .collect();
    let october = Month {
        year: 2026,
        month: 10,
    };
    j.expect(
        october,
        MonthSummary {
            entries: 2,
            latest: Some(at("2026-10-30T08:00:00+01:00")),
        },
    );
    assert_eq!((j.len(), j.total()), (1, 3));
    assert!(!j.is_complete());
    j.unlink_goal(7);
    let mut linked = entry(2, "2026-10-30T08:00:00+01:00");
    linked.goal = Some(7);
    assert!(j.take_in(
        october,
        vec![
            Arc::new(linked),
            Arc::new(entry(3, "2026-10-01T08:00:00+01:00"))
        ]
    ));
    assert!(j.is_complete());
    assert_eq!(j.total(), 3);
    assert_eq!(
        j[1].goal, None,
        "the goal was deleted while its month was on disk"
    );
    assert!(!j.take_in(october, Vec::new()), "a month arrives once");
}

#[test]
fn written_oldest_first_whatever_the_order_in_memory() {
    let j: Journal = [
        entry(2, "2026-11-02T08:00:00+01:00"),
        entry(1, "2026-10-02T08:00:00+01:00"),
    ]
    .into_iter()
    .collect();
    let json = serde_json::to_string(&j).unwrap();
    assert!(json.find("\"id\":1").unwrap() < json.find("\"id\":2").unwrap());
    let back: Journal = serde_json::from_str(&json).unwrap();
    assert_eq!(back.len(), 2);
}

#[test]
fn a_head_is_the_first_line_and_cannot_be_changed_or_written() {
    let mut whole = entry(1, "2026-11-02T08:00:00+01:00");
    whole.text = "\n  First line.  \nSecond line.".into();
    whole.tags = vec!["t".into()];
    let head = head_of(&whole).expect("a head");
    assert_eq!(head.text, "", "everything but the text");
    assert_eq!((head.id, &head.tags), (1, &whole.tags));
    let mut one_line = entry(2, "2026-11-03T08:00:00+01:00");
    assert_eq!(head_of(&one_line), None, "no text to leave out");
    one_line.text = "Just this.".into();
    let nov = Month::of(&whole.at);
    let mut j = Journal::default();
    j.expect(
        nov,
        MonthSummary {
            entries: 2,
            latest: None,
        },
    );
    j.take_in_heads(
        nov,
        vec![(Arc::new(head), true), (Arc::new(one_line.clone()), false)],
    );
    assert!(j.is_head(0) && !j.is_head(1));
    assert!(j.get_mut(0).is_none() && j.whole(0).is_none());
    assert!(j.get_mut(1).is_some());
    assert!(
        serde_json::to_string(&j).is_err(),
        "a head is never written"
    );
    // A dropped link survives the filling; the text comes from disk.
    j.unlink_goal(9);
    let swapped = j.fill(nov, &[Arc::new(whole.clone()), Arc::new(one_line)]);
    assert_eq!(swapped.len(), 1);
    assert_eq!(j.whole(0).unwrap().text, whole.text);
    assert!(!j.has_heads() && serde_json::to_string(&j).is_ok());
    // Removing keeps the flags beside their entries.
    let mut j2 = Journal::default();
    j2.expect(
        nov,
        MonthSummary {
            entries: 2,
            latest: None,
        },
    );
    j2.take_in_heads(
        nov,
        vec![
            (Arc::new(entry(4, "2026-11-05T08:00:00+01:00")), false),
            (Arc::new(head_of(&whole).unwrap()), true),
        ],
    );
    j2.remove(0);
    assert!(j2.is_head(0) && j2.head_count() == 1);
    j2.retain(|_| false);
    assert!(!j2.has_heads());
}
