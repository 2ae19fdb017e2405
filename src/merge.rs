//! Two copies of one workbook made into one, against the copy both came from: item by item,
//! field by field, texts line by line (`merge/value.rs`). Ids handed out on both sides are
//! renumbered on theirs, with every link; what truly collides is kept in the workbook as a
//! [`Conflict`] for the person to settle. Pure: workbooks in, a workbook out.

mod settle;
mod value;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use crate::model::{Conflict, GoalStatus, Id, JournalEntry, MAX_ACTIVE, Side, Workbook};
pub use settle::{Keep, settle};
use value::{Collision, Merger};
pub use value::{Step, id_of};

/// A merge's result.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged workbook; its `conflicts` hold the collisions (with any it had before).
    pub workbook: Workbook,
    /// How many collisions this merge found.
    pub conflicts: usize,
    /// How many of theirs' items took a new id.
    pub renumbered: usize,
}

/// Why two workbooks could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MergeError {}

/// Merges `ours` and `theirs`, both descended from `base`. `from` names theirs in the
/// conflicts it leaves ("git", a file's name). The journals must hold their texts.
pub fn merge(
    base: &Workbook,
    ours: &Workbook,
    theirs: &Workbook,
    from: &str,
) -> Result<Merged, MergeError> {
    // Entries alike in all three need no merging: only the rest go through JSON (years of
    // journal, a few entries changed since the copies went apart).
    let (alike, [base_rest, ours_rest, mut theirs]) = set_aside_alike(base, ours, theirs);
    let floor = alike.iter().map(|e| e.id).max().unwrap_or(0);
    let renumbered = renumber_collisions(&base_rest, &ours_rest, &mut theirs, floor);
    let json = |wb: &Workbook| {
        let mut v =
            serde_json::to_value(wb).map_err(|e| MergeError(format!("cannot merge: {e}")))?;
        // An empty journal is left out of the file; here it is a list like any other.
        if let Some(obj) = v.as_object_mut() {
            obj.entry("journal")
                .or_insert_with(|| Value::Array(Vec::new()));
        }
        Ok(v)
    };
    let (b, o, t) = (json(&base_rest)?, json(&ours_rest)?, json(&theirs)?);
    let mut merger = Merger::default();
    let mut merged = merger.merge(Some(&b), &o, &t);
    // The workbook's own bookkeeping is settled here rather than merged.
    if let Some(obj) = merged.as_object_mut() {
        for key in ["id", "next_id", "conflicts"] {
            obj.remove(key);
        }
    }
    let mut out: Workbook = serde_json::from_value(merged)
        .map_err(|e| MergeError(format!("the merged workbook does not read: {e}")))?;
    if !alike.is_empty() {
        let mut entries = out.journal.shared().to_vec();
        entries.extend(alike);
        out.journal = crate::model::Journal::from_entries(entries);
    }
    out.id = if ours.id.is_empty() {
        theirs.id.clone()
    } else {
        ours.id.clone()
    };
    let top = out.own_ids().into_iter().max().unwrap_or(0);
    out.next_id = ours.next_id.max(theirs.next_id).max(top);
    out.conflicts = ours.conflicts.clone();
    let known: HashSet<&str> = out.conflicts.iter().map(|c| c.at.as_str()).collect();
    let fresh: Vec<Conflict> = (theirs.conflicts.iter())
        .filter(|c| !known.contains(c.at.as_str()))
        .cloned()
        .collect();
    out.conflicts.extend(fresh);
    let collisions: Vec<Collision> = (merger.collisions.into_iter())
        .filter(|c| !matches!(c.path.first(), Some(Step::Key(k)) if k == "id" || k == "next_id" || k == "conflicts"))
        .collect();
    let found = collisions.len() + tidy(&mut out, ours, from);
    for c in collisions {
        let id = out.fresh_id();
        let at = path_text(&c.path);
        let what = describe(&o, &t, &c.path);
        out.conflicts.retain(|k| k.at != at);
        out.conflicts.push(Conflict {
            id,
            at,
            what,
            ours: c.ours,
            theirs: c.theirs,
            kept: if c.kept_theirs {
                Side::Theirs
            } else {
                Side::Ours
            },
            from: from.into(),
        });
    }
    Ok(Merged {
        workbook: out,
        conflicts: found,
        renumbered,
    })
}

/// The journal entries the three hold alike (same id, same everything), and the three
/// workbooks without them.
fn set_aside_alike(
    base: &Workbook,
    ours: &Workbook,
    theirs: &Workbook,
) -> (Vec<Arc<JournalEntry>>, [Workbook; 3]) {
    let by_id = |wb: &Workbook| -> HashMap<Id, Arc<JournalEntry>> {
        (wb.journal.shared().iter())
            .map(|e| (e.id, Arc::clone(e)))
            .collect()
    };
    let (b, t) = (by_id(base), by_id(theirs));
    let same = |x: &Arc<JournalEntry>, y: &Arc<JournalEntry>| Arc::ptr_eq(x, y) || **x == **y;
    let alike: Vec<Arc<JournalEntry>> = (ours.journal.shared().iter())
        .filter(|e| {
            b.get(&e.id).is_some_and(|x| same(x, e)) && t.get(&e.id).is_some_and(|x| same(x, e))
        })
        .cloned()
        .collect();
    let gone: HashSet<Id> = alike.iter().map(|e| e.id).collect();
    let rest = |wb: &Workbook| {
        let mut wb = wb.clone();
        wb.journal.retain(|e| !gone.contains(&e.id));
        wb
    };
    (alike, [rest(base), rest(ours), rest(theirs)])
}

/// Gives theirs' items a new id where ours handed out the same one to a different item
/// since `base`; links follow. An item both sides hold alike is one item, not two.
/// New ids start above `floor` too (the highest id of the entries set aside).
fn renumber_collisions(
    base: &Workbook,
    ours: &Workbook,
    theirs: &mut Workbook,
    floor: Id,
) -> usize {
    // An id the ancestor holds is one item on both sides, whatever they did to it. (A
    // plan file alone does not know the next id: its ancestor's items say what is old.)
    let old: HashSet<Id> = base.own_ids().into_iter().collect();
    let ours_items = items_by_id(ours, base.next_id);
    let theirs_items = items_by_id(theirs, base.next_id);
    let mut clashing: Vec<Id> = (theirs_items.iter())
        .filter(|(id, _)| !old.contains(id))
        .filter(|(id, item)| ours_items.get(*id).is_some_and(|o| o != *item))
        .map(|(id, _)| *id)
        .collect();
    clashing.sort_unstable();
    if clashing.is_empty() {
        return 0;
    }
    let top = (ours.own_ids().into_iter().chain(theirs.own_ids()))
        .max()
        .unwrap_or(0);
    let mut next = ours.next_id.max(theirs.next_id).max(top).max(floor);
    let map: HashMap<Id, Id> = (clashing.iter())
        .map(|id| {
            next += 1;
            (*id, next)
        })
        .collect();
    theirs.renumber(&map);
    theirs.next_id = next;
    map.len()
}

/// Every item with an id above `above`, as JSON with the list it sits in, so two items are
/// the same only if they are the same kind and alike.
fn items_by_id(wb: &Workbook, above: Id) -> HashMap<Id, (String, Value)> {
    let mut out = HashMap::new();
    let Ok(json) = serde_json::to_value(wb) else {
        return out;
    };
    fn walk(v: &Value, at: &str, above: Id, out: &mut HashMap<Id, (String, Value)>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    walk(v, &format!("{at}/{k}"), above, out);
                }
            }
            Value::Array(list) => {
                for item in list {
                    let id = id_of(item);
                    if item.is_object() && id > above {
                        out.insert(id, (at.to_string(), item.clone()));
                    }
                    walk(item, at, above, out);
                }
            }
            _ => {}
        }
    }
    walk(&json, "", above, &mut out);
    out
}

/// What the generic merge cannot see: links to items gone on the other side, and more
/// active goals than allowed. Returns how many collisions it recorded.
fn tidy(wb: &mut Workbook, ours: &Workbook, from: &str) -> usize {
    let ids: HashSet<Id> = wb.own_ids().into_iter().collect();
    let goals: HashSet<Id> = wb.goals.iter().map(|g| g.id).collect();
    let convs: HashSet<Id> = wb.conversations.iter().map(|c| c.id).collect();
    for c in &mut wb.brainstorm.candidates {
        c.goal = c.goal.filter(|g| goals.contains(g));
    }
    for g in &mut wb.goals {
        let own: HashSet<Id> = g.plan.steps.iter().map(|s| s.id).collect();
        for s in &mut g.plan.steps {
            let me = s.id;
            s.depends_on.retain(|d| *d != me && own.contains(d));
        }
    }
    for c in &mut wb.conversations {
        for k in &mut c.commitments {
            k.step = k.step.filter(|s| ids.contains(s));
        }
    }
    let dangling: Vec<usize> = (wb.journal.iter().enumerate())
        .filter(|(_, e)| {
            e.goal.is_some_and(|g| !goals.contains(&g))
                || e.conversation.is_some_and(|c| !convs.contains(&c))
        })
        .map(|(i, _)| i)
        .collect();
    for i in dangling {
        if let Some(e) = wb.journal.get_mut(i) {
            e.goal = e.goal.filter(|g| goals.contains(g));
            e.conversation = e.conversation.filter(|c| convs.contains(c));
        }
    }
    // Each side kept to three active goals; together they may not. Theirs' newly active
    // ones go back to what ours had, and the person chooses.
    let mut found = 0;
    let active = |wb: &Workbook| {
        (wb.goals.iter())
            .filter(|g| g.status == GoalStatus::Active)
            .count()
    };
    let mut i = wb.goals.len();
    while active(wb) > MAX_ACTIVE && i > 0 {
        i -= 1;
        let g = &wb.goals[i];
        let before = ours.goals.iter().find(|o| o.id == g.id).map(|o| o.status);
        if g.status != GoalStatus::Active || before == Some(GoalStatus::Active) {
            continue;
        }
        let status = before.unwrap_or(GoalStatus::Paused);
        let (gid, name) = (g.id, g.name().to_string());
        wb.goals[i].status = status;
        let id = wb.fresh_id();
        let word = |s: GoalStatus| serde_json::to_value(s).unwrap_or(Value::Null);
        wb.conflicts.push(Conflict {
            id,
            at: format!("goals/#{gid}/status"),
            what: format!("goal “{name}” › status (at most {MAX_ACTIVE} goals are active)"),
            ours: Some(word(status)),
            theirs: Some(word(GoalStatus::Active)),
            kept: Side::Ours,
            from: from.into(),
        });
        found += 1;
    }
    found
}

/// `goals/#51/specific`.
pub fn path_text(path: &[Step]) -> String {
    let parts: Vec<String> = (path.iter())
        .map(|s| match s {
            Step::Key(k) => k.clone(),
            Step::Id(id) => format!("#{id}"),
        })
        .collect();
    parts.join("/")
}

/// The steps of `goals/#51/specific`.
pub fn parse_path(text: &str) -> Vec<Step> {
    (text.split('/').filter(|s| !s.is_empty()))
        .map(|s| match s.strip_prefix('#').and_then(|n| n.parse().ok()) {
            Some(id) => Step::Id(id),
            None => Step::Key(s.to_string()),
        })
        .collect()
}

/// The place in words: each item named by its title, text or time.
fn describe(ours: &Value, theirs: &Value, path: &[Step]) -> String {
    let mut words: Vec<String> = Vec::new();
    let (mut o, mut t) = (Some(ours), Some(theirs));
    let mut list_name = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                o = o.and_then(|v| v.get(k));
                t = t.and_then(|v| v.get(k));
                list_name = k.replace('_', " ");
                if !o.or(t).is_some_and(Value::is_array) {
                    words.push(list_name.clone());
                }
            }
            Step::Id(id) => {
                fn find(v: Option<&Value>, id: u64) -> Option<&Value> {
                    v.and_then(Value::as_array)
                        .and_then(|l| l.iter().find(|x| id_of(x) == id))
                }
                o = find(o, *id);
                t = find(t, *id);
                let name = (o.or(t))
                    .and_then(|v| {
                        ["title", "text", "at"]
                            .iter()
                            .find_map(|k| v.get(k)?.as_str())
                    })
                    .map(|s| s.lines().next().unwrap_or("").trim().to_string())
                    .filter(|s| !s.is_empty());
                let kind = item_name(&list_name);
                words.push(match name {
                    Some(n) => format!("{kind} “{}”", short(&n)),
                    None => format!("{kind} {id}"),
                });
            }
        }
    }
    words.join(" › ")
}

/// What one item of the list `list` is called (`goals` → `goal`).
fn item_name(list: &str) -> String {
    match list {
        "journal" => "journal entry".into(),
        "agenda" => "agenda item".into(),
        "check ins" => "check-in".into(),
        other => other.trim_end_matches('s').into(),
    }
}

/// At most 40 characters of `s`, with "…" where it was cut.
fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Sets the value at `path` (`None`: removes the item or key there). False when the path
/// leads nowhere.
pub fn set_at(root: &mut Value, path: &[Step], value: Option<Value>) -> bool {
    let Some((last, rest)) = path.split_last() else {
        return false;
    };
    let mut here = root;
    for step in rest {
        let next = match step {
            Step::Key(k) => here.get_mut(k.as_str()),
            Step::Id(id) => here
                .as_array_mut()
                .and_then(|l| l.iter_mut().find(|x| id_of(x) == *id)),
        };
        match next {
            Some(v) => here = v,
            None => return false,
        }
    }
    match (last, value) {
        (Step::Key(k), Some(v)) => here
            .as_object_mut()
            .map(|m| m.insert(k.clone(), v))
            .is_some(),
        (Step::Key(k), None) => here.as_object_mut().and_then(|m| m.remove(k)).is_some(),
        (Step::Id(id), v) => {
            let Some(list) = here.as_array_mut() else {
                return false;
            };
            let at = list.iter().position(|x| id_of(x) == *id);
            match (at, v) {
                (Some(i), Some(v)) => list[i] = v,
                (Some(i), None) => {
                    list.remove(i);
                }
                (None, Some(v)) => list.push(v),
                (None, None) => {}
            }
            true
        }
    }
}
