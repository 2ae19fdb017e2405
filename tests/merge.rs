//! The merge of two copies of a workbook, as properties: random edits on both sides of a
//! random workbook, then what must hold of every merge (nothing added lost, merging with
//! yourself or the ancestor changes nothing, the sides swap, the result passes `check`, and
//! a collision is reported exactly where both sides changed one value differently).

use std::collections::{BTreeMap, BTreeSet};

use chrono::DateTime;
use mentorbook::merge::merge;
use mentorbook::model::{
    ActionStep, Conversation, Goal, Id, JournalEntry, PlanArea, Topic, Workbook,
};
use proptest::prelude::*;

/// A workbook of a few of every kind of item, some linked.
fn base(seed: u8) -> Workbook {
    let mut wb = Workbook::default();
    for g in 0..3 {
        let id = wb.fresh_id();
        let step = wb.fresh_id();
        wb.goals.push(Goal {
            id,
            title: format!("goal {g}"),
            specific: format!("specific {g}"),
            priority: g as u8,
            ..Goal::default()
        });
        wb.goals[g].plan.steps.push(ActionStep {
            id: step,
            text: format!("step {g}"),
            ..ActionStep::default()
        });
    }
    for t in 0..3 {
        let id = wb.fresh_id();
        wb.mentoring_plan.topics.push(Topic {
            id,
            area: PlanArea::Career,
            text: format!("topic {t}"),
            ..Topic::default()
        });
    }
    for c in 0..2 {
        let id = wb.fresh_id();
        wb.conversations.push(Conversation {
            id,
            at: DateTime::parse_from_rfc3339(&format!("2026-11-0{}T09:00:00+01:00", c + 1))
                .unwrap(),
            notes: "first\nsecond\nthird\nfourth\nfifth\nsixth\n".into(),
            ..Conversation::default()
        });
    }
    for e in 0..5u8 {
        let id = wb.fresh_id();
        let goal = (e % 2 == 0).then(|| wb.goals[usize::from(e % 3)].id);
        wb.journal.push(JournalEntry {
            id,
            at: DateTime::parse_from_rfc3339(&format!("2026-11-1{e}T08:00:00+01:00")).unwrap(),
            text: format!("entry {e} of {seed}"),
            goal,
            ..JournalEntry::default()
        });
    }
    wb
}

/// One edit, as a person makes it in the app.
#[derive(Debug, Clone)]
enum Edit {
    AddGoal,
    AddEntry,
    DeleteGoal(usize),
    DeleteEntry(usize),
    Specific(usize, u8),
    Priority(usize, u8),
    Discussed(usize, bool),
    EntryText(usize, u8),
    NoteLine(usize, usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        Just(Edit::AddGoal),
        Just(Edit::AddEntry),
        (0..4usize).prop_map(Edit::DeleteGoal),
        (0..6usize).prop_map(Edit::DeleteEntry),
        (0..4usize, 0..3u8).prop_map(|(g, v)| Edit::Specific(g, v)),
        (0..4usize, 0..3u8).prop_map(|(g, v)| Edit::Priority(g, v)),
        (0..3usize, any::<bool>()).prop_map(|(t, v)| Edit::Discussed(t, v)),
        (0..6usize, 0..3u8).prop_map(|(e, v)| Edit::EntryText(e, v)),
        (0..2usize, 0..6usize, 0..3u8).prop_map(|(c, l, v)| Edit::NoteLine(c, l, v)),
    ]
}

/// Applies `edits` as side `side` ("o" or "t"); items it adds carry a marker no edit
/// changes (a goal's title, an entry's tag).
fn apply(wb: &mut Workbook, side: &str, edits: &[Edit]) {
    for (n, e) in edits.iter().enumerate() {
        match *e {
            Edit::AddGoal => {
                let g = wb.add_goal();
                wb.goals[g].title = format!("{side}-goal-{n}");
            }
            Edit::AddEntry => {
                let id = wb.fresh_id();
                wb.journal.push(JournalEntry {
                    id,
                    at: DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap(),
                    text: format!("{side} wrote {n}"),
                    tags: vec![format!("{side}-entry-{n}")],
                    ..JournalEntry::default()
                });
            }
            Edit::DeleteGoal(g) if g < wb.goals.len() => {
                let gone = wb.goals.remove(g).id;
                wb.journal.unlink_goal(gone);
            }
            Edit::DeleteEntry(i) if i < wb.journal.len() => {
                wb.journal.remove(i);
            }
            Edit::Specific(g, v) if g < wb.goals.len() => {
                wb.goals[g].specific = format!("{side} says {v}");
            }
            Edit::Priority(g, v) if g < wb.goals.len() => wb.goals[g].priority = v + 1,
            Edit::Discussed(t, v) if t < wb.mentoring_plan.topics.len() => {
                wb.mentoring_plan.topics[t].discussed = v;
            }
            Edit::EntryText(i, v) if i < wb.journal.len() => {
                if let Some(e) = wb.journal.get_mut(i) {
                    e.text = format!("{side} rewrote {v}");
                }
            }
            Edit::NoteLine(c, l, v) if c < wb.conversations.len() => {
                let mut lines: Vec<String> = wb.conversations[c]
                    .notes
                    .lines()
                    .map(String::from)
                    .collect();
                if l < lines.len() {
                    lines[l] = format!("{side} line {v}");
                }
                wb.conversations[c].notes = lines.join("\n") + "\n";
            }
            _ => {}
        }
    }
}

/// Every value a collision can be reported on, by place: `goals/#id/priority` and so on,
/// with whether the item exists.
fn values(wb: &Workbook) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for g in &wb.goals {
        out.insert(format!("goals/#{}", g.id), String::new());
        out.insert(format!("goals/#{}/specific", g.id), g.specific.clone());
        out.insert(format!("goals/#{}/priority", g.id), g.priority.to_string());
    }
    for t in &wb.mentoring_plan.topics {
        out.insert(
            format!("mentoring_plan/topics/#{}/discussed", t.id),
            t.discussed.to_string(),
        );
    }
    for e in wb.journal.iter() {
        out.insert(format!("journal/#{}", e.id), String::new());
        out.insert(format!("journal/#{}/text", e.id), e.text.clone());
    }
    out
}

/// Where a collision must be reported: a value both sides changed differently, or an item
/// one side deleted and the other edited (reported on the item).
fn expected_collisions(b: &Workbook, o: &Workbook, t: &Workbook) -> BTreeSet<String> {
    let (bv, ov, tv) = (values(b), values(o), values(t));
    let mut out = BTreeSet::new();
    for (at, base) in &bv {
        let item = at.rsplit_once('/').map(|(i, _)| i).unwrap_or(at);
        let is_item = !at.contains("/#") || at.ends_with(|c: char| c.is_ascii_digit());
        let (ox, tx) = (ov.get(at), tv.get(at));
        match (ox, tx) {
            (Some(x), Some(y)) if x != base && y != base && x != y => {
                out.insert(at.clone());
            }
            (Some(_), None) | (None, Some(_)) if !is_item => {
                // An item gone on one side: a collision on the item if the other changed it.
                let changed = |v: &BTreeMap<String, String>| {
                    bv.iter()
                        .filter(|(k, _)| k.starts_with(&format!("{item}/")))
                        .any(|(k, x)| v.get(k) != Some(x))
                };
                let kept = if ox.is_some() { &ov } else { &tv };
                if changed(kept) {
                    out.insert(item.to_string());
                }
            }
            _ => {}
        }
    }
    out
}

/// What a merge leaves, without the bookkeeping that legitimately differs.
fn plain(wb: &Workbook) -> Workbook {
    let mut wb = wb.clone();
    wb.conflicts.clear();
    wb.next_id = 0;
    wb.goals.sort_by_key(|g| g.id);
    wb
}

fn markers(wb: &Workbook, side: &str) -> BTreeSet<String> {
    let goals = (wb.goals.iter())
        .map(|g| g.title.clone())
        .filter(|t| t.starts_with(side));
    let entries = wb.journal.iter().flat_map(|e| e.tags.clone());
    goals
        .chain(entries.filter(|t| t.starts_with(side)))
        .collect()
}

/// The workbook of `seed`, and two copies of it with each side's edits.
fn two_sides(seed: u8, ours: &[Edit], theirs: &[Edit]) -> (Workbook, Workbook, Workbook) {
    let b = base(seed);
    let (mut o, mut t) = (b.clone(), b.clone());
    apply(&mut o, "o", ours);
    apply(&mut t, "t", theirs);
    (b, o, t)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn merges_keep_every_addition_and_pass_the_check(
        seed in any::<u8>(),
        ours_edits in proptest::collection::vec(edit(), 0..12),
        theirs_edits in proptest::collection::vec(edit(), 0..12),
    ) {
        let (b, o, t) = two_sides(seed, &ours_edits, &theirs_edits);
        let m = merge(&b, &o, &t, "test").unwrap().workbook;
        prop_assert!(m.problems().is_empty(), "{:?}", m.problems());
        let kept = markers(&m, "o").union(&markers(&m, "t")).cloned().collect::<BTreeSet<_>>();
        for added in markers(&o, "o").union(&markers(&t, "t")) {
            prop_assert!(kept.contains(added), "{added} was lost");
        }
        // Ids stay unique (the check says so too) and next_id covers them.
        let ids: Vec<Id> = m.own_ids();
        let unique: BTreeSet<Id> = ids.iter().copied().collect();
        prop_assert_eq!(ids.len(), unique.len());
    }

    #[test]
    fn merging_with_yourself_or_the_ancestor_changes_nothing(
        seed in any::<u8>(),
        edits in proptest::collection::vec(edit(), 0..12),
    ) {
        let b = base(seed);
        let mut x = b.clone();
        apply(&mut x, "o", &edits);
        for (o, t) in [(&x, &x), (&x, &b), (&b, &x)] {
            let m = merge(&b, o, t, "test").unwrap();
            prop_assert_eq!(m.conflicts, 0);
            prop_assert_eq!(plain(&m.workbook), plain(&x));
        }
    }

    #[test]
    fn a_collision_is_reported_exactly_where_both_sides_changed_a_value(
        seed in any::<u8>(),
        ours_edits in proptest::collection::vec(edit(), 0..12),
        theirs_edits in proptest::collection::vec(edit(), 0..12),
    ) {
        let (b, o, t) = two_sides(seed, &ours_edits, &theirs_edits);
        let m = merge(&b, &o, &t, "test").unwrap();
        let reported: BTreeSet<String> = (m.workbook.conflicts.iter())
            .map(|c| c.at.clone())
            .filter(|at| !at.starts_with("conversations"))
            .collect();
        prop_assert_eq!(reported, expected_collisions(&b, &o, &t));
    }

    #[test]
    fn swapping_sides_gives_the_same_workbook_but_for_who_wins(
        seed in any::<u8>(),
        ours_edits in proptest::collection::vec(edit(), 0..12),
        theirs_edits in proptest::collection::vec(edit(), 0..12),
    ) {
        let (b, o, t) = two_sides(seed, &ours_edits, &theirs_edits);
        let ot = merge(&b, &o, &t, "test").unwrap();
        let to = merge(&b, &t, &o, "test").unwrap();
        let at = |m: &mentorbook::merge::Merged| -> BTreeSet<String> {
            m.workbook.conflicts.iter().map(|c| c.at.clone()).collect()
        };
        if ot.renumbered == 0 {
            prop_assert_eq!(at(&ot), at(&to));
            // Each side's winning value is the other merge's losing one.
            for c in &ot.workbook.conflicts {
                let d = to.workbook.conflicts.iter().find(|d| d.at == c.at).unwrap();
                prop_assert_eq!((&c.ours, &c.theirs), (&d.theirs, &d.ours));
            }
            if ot.conflicts == 0 {
                let mut a = plain(&ot.workbook);
                let mut z = plain(&to.workbook);
                for wb in [&mut a, &mut z] {
                    wb.goals.sort_by_key(|g| g.id);
                }
                prop_assert_eq!(a, z);
            }
        } else {
            // Renumbered items differ in id only: the same markers on both.
            prop_assert_eq!(markers(&ot.workbook, "o"), markers(&to.workbook, "o"));
            prop_assert_eq!(markers(&ot.workbook, "t"), markers(&to.workbook, "t"));
        }
    }
}

#[test]
fn an_id_handed_out_on_both_sides_is_renumbered_with_its_links() {
    let b = base(1);
    let (mut o, mut t) = (b.clone(), b.clone());
    let og = o.add_goal();
    o.goals[og].title = "ours".into();
    let tg = t.add_goal();
    t.goals[tg].title = "theirs".into();
    let tid = t.goals[tg].id;
    assert_eq!(o.goals[og].id, tid, "both sides handed out the same id");
    let entry = t.fresh_id();
    t.journal.push(JournalEntry {
        id: entry,
        goal: Some(tid),
        text: "about theirs".into(),
        ..JournalEntry::default()
    });
    let m = merge(&b, &o, &t, "test").unwrap();
    assert_eq!(
        m.renumbered, 1,
        "the goal; ours handed out no id the entry has"
    );
    let wb = m.workbook;
    let theirs = wb.goals.iter().find(|g| g.title == "theirs").unwrap();
    assert_ne!(theirs.id, tid);
    let e = wb
        .journal
        .iter()
        .find(|e| e.text == "about theirs")
        .unwrap();
    assert_eq!(e.goal, Some(theirs.id), "the link followed the new id");
    assert!(wb.problems().is_empty(), "{:?}", wb.problems());
}

#[test]
fn more_than_three_active_goals_together_is_a_collision_not_a_broken_rule() {
    use mentorbook::model::GoalStatus;
    let b = base(2);
    let (mut o, mut t) = (b.clone(), b.clone());
    o.goals[0].status = GoalStatus::Active;
    o.goals[1].status = GoalStatus::Active;
    t.goals[2].status = GoalStatus::Active;
    let g = t.add_goal();
    t.goals[g].status = GoalStatus::Active;
    let m = merge(&b, &o, &t, "test").unwrap();
    assert!(
        m.workbook.problems().is_empty(),
        "{:?}",
        m.workbook.problems()
    );
    assert_eq!(m.conflicts, 1);
    assert!(m.workbook.conflicts[0].what.contains("at most 3"));
}
