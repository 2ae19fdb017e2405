//! The three-way merge of two JSON trees against their common ancestor. Generic on purpose:
//! every field the workbook gains later merges without a line here. Objects merge key by
//! key, lists of items by their `id`, lists without ids (tags, measures) as sets, texts
//! line by line; only a value both sides changed differently is a collision.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

/// One step of a path into the tree: an object's key, or the item with this id in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Id(u64),
}

/// A collision found while merging: where, and both sides (`None`: deleted there).
#[derive(Debug, Clone, PartialEq)]
pub struct Collision {
    pub path: Vec<Step>,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
    /// Whether the result holds theirs (an item ours deleted but theirs edited).
    pub kept_theirs: bool,
}

/// Walks the three trees, keeping the path for the collisions it reports.
#[derive(Default)]
pub struct Merger {
    path: Vec<Step>,
    pub collisions: Vec<Collision>,
}

impl Merger {
    /// The merge of `ours` and `theirs`, which both come from `base` (`None`: neither had it).
    pub fn merge(&mut self, base: Option<&Value>, ours: &Value, theirs: &Value) -> Value {
        if ours == theirs || base == Some(theirs) {
            return ours.clone();
        }
        if base == Some(ours) {
            return theirs.clone();
        }
        match (ours, theirs) {
            (Value::Object(o), Value::Object(t)) => {
                let b = base.and_then(Value::as_object);
                Value::Object(self.objects(b, o, t))
            }
            (Value::Array(o), Value::Array(t)) => {
                let b = base.and_then(Value::as_array).map(Vec::as_slice);
                let b = b.unwrap_or(&[]);
                if keyed(o) && keyed(t) && keyed(b) {
                    Value::Array(self.items(b, o, t))
                } else {
                    Value::Array(sets(b, o, t))
                }
            }
            (Value::String(o), Value::String(t)) => match base.and_then(Value::as_str) {
                Some(b) => match diffy::merge(b, o, t) {
                    Ok(merged) => Value::String(merged),
                    Err(_) => self.collide(ours, theirs),
                },
                None => self.collide(ours, theirs),
            },
            _ => self.collide(ours, theirs),
        }
    }

    fn collide(&mut self, ours: &Value, theirs: &Value) -> Value {
        self.collisions.push(Collision {
            path: self.path.clone(),
            ours: Some(ours.clone()),
            theirs: Some(theirs.clone()),
            kept_theirs: false,
        });
        ours.clone()
    }

    /// Key by key; a key one side left out reads as null (a value at its default), and a
    /// null result leaves the key out again.
    fn objects(
        &mut self,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        let keys = ours
            .keys()
            .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
        for key in keys {
            let b = base.and_then(|b| b.get(key));
            let o = ours.get(key).unwrap_or(&Value::Null);
            let t = theirs.get(key).unwrap_or(&Value::Null);
            self.path.push(Step::Key(key.clone()));
            let merged = self.merge(Some(b.unwrap_or(&Value::Null)), o, t);
            self.path.pop();
            if !merged.is_null() || ours.contains_key(key) && theirs.contains_key(key) {
                out.insert(key.clone(), merged);
            }
        }
        out
    }

    /// Items by id: added on either side kept, deleted on one side gone unless the other
    /// edited it, in both merged field by field. The order is ours, unless only theirs
    /// reordered; an item only theirs has comes after the item it follows there.
    fn items(&mut self, base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
        let by_id = |list: &'_ [Value]| -> HashMap<u64, usize> {
            (list.iter().enumerate())
                .map(|(i, v)| (id_of(v), i))
                .collect()
        };
        let (bm, om, tm) = (by_id(base), by_id(ours), by_id(theirs));
        let order = |list: &[Value], keep: &HashMap<u64, usize>| -> Vec<u64> {
            (list.iter().map(id_of))
                .filter(|id| keep.contains_key(id))
                .collect()
        };
        let common: HashMap<u64, usize> = (om.iter())
            .filter(|(id, _)| tm.contains_key(id) && bm.contains_key(id))
            .map(|(id, i)| (*id, *i))
            .collect();
        let theirs_first = order(ours, &common) == order(base, &common)
            && order(theirs, &common) != order(base, &common);
        let (first, second) = if theirs_first {
            (theirs, ours)
        } else {
            (ours, theirs)
        };
        let first_ids: HashSet<u64> = first.iter().map(id_of).collect();
        // Each item only the second side has, placed after the item before it there.
        let mut after: HashMap<Option<u64>, Vec<&Value>> = HashMap::new();
        let mut prev = None;
        for v in second {
            let id = id_of(v);
            if !first_ids.contains(&id) {
                after.entry(prev).or_default().push(v);
            } else {
                prev = Some(id);
            }
        }
        let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
        let mut push_after = |out: &mut Vec<Value>, this: &mut Self, key: Option<u64>| {
            for v in after.remove(&key).unwrap_or_default() {
                this.place(id_of(v), &bm, &om, &tm, base, ours, theirs, out);
            }
        };
        push_after(&mut out, self, None);
        for v in first {
            let id = id_of(v);
            self.place(id, &bm, &om, &tm, base, ours, theirs, &mut out);
            push_after(&mut out, self, Some(id));
        }
        // Items whose predecessor was gone on the first side.
        let mut rest: Vec<_> = after.into_values().flatten().collect();
        rest.sort_by_key(|v| id_of(v));
        for v in rest {
            self.place(id_of(v), &bm, &om, &tm, base, ours, theirs, &mut out);
        }
        out
    }

    /// The item `id` as merged, pushed onto `out` unless it is gone.
    #[allow(clippy::too_many_arguments)]
    fn place(
        &mut self,
        id: u64,
        bm: &HashMap<u64, usize>,
        om: &HashMap<u64, usize>,
        tm: &HashMap<u64, usize>,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
        out: &mut Vec<Value>,
    ) {
        let b = bm.get(&id).map(|i| &base[*i]);
        let o = om.get(&id).map(|i| &ours[*i]);
        let t = tm.get(&id).map(|i| &theirs[*i]);
        self.path.push(Step::Id(id));
        let merged = match (b, o, t) {
            (_, Some(o), Some(t)) => Some(self.merge(b, o, t)),
            (None, Some(v), None) | (None, None, Some(v)) => Some(v.clone()),
            (Some(b), Some(o), None) if same_but_links(b, o) => None,
            (Some(b), None, Some(t)) if same_but_links(b, t) => None,
            (Some(_), Some(o), None) => {
                self.collisions.push(Collision {
                    path: self.path.clone(),
                    ours: Some(o.clone()),
                    theirs: None,
                    kept_theirs: false,
                });
                Some(o.clone())
            }
            (Some(_), None, Some(t)) => {
                self.collisions.push(Collision {
                    path: self.path.clone(),
                    ours: None,
                    theirs: Some(t.clone()),
                    kept_theirs: true,
                });
                Some(t.clone())
            }
            (_, None, None) => None,
        };
        self.path.pop();
        out.extend(merged);
    }
}

/// Links to other items: an item changed only in these (unlinked when what it pointed at
/// was deleted) is not an edit that keeps it from being deleted.
const LINKS: [&str; 5] = ["goal", "conversation", "step", "candidate", "depends_on"];

/// Whether `a` and `b` differ in nothing but their links.
fn same_but_links(a: &Value, b: &Value) -> bool {
    match (a.as_object(), b.as_object()) {
        (Some(a), Some(b)) => {
            let keys = a
                .keys()
                .chain(b.keys())
                .filter(|k| !LINKS.contains(&k.as_str()));
            keys.into_iter().all(|k| a.get(k) == b.get(k))
        }
        _ => a == b,
    }
}

/// An item's id (0 for a value that has none).
pub fn id_of(v: &Value) -> u64 {
    v.get("id").and_then(Value::as_u64).unwrap_or(0)
}

/// Whether every element is an item with an id of its own, distinct from the others.
fn keyed(list: &[Value]) -> bool {
    let mut seen = HashSet::new();
    list.iter()
        .all(|v| v.is_object() && id_of(v) != 0 && seen.insert(id_of(v)))
}

/// Lists without ids, as bags of values: what theirs removed goes, what it added comes at
/// the end (once), everything else stays as ours has it.
fn sets(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut out = ours.to_vec();
    let mut in_theirs: Vec<&Value> = theirs.iter().collect();
    for b in base {
        match in_theirs.iter().position(|t| *t == b) {
            Some(i) => {
                in_theirs.remove(i);
            }
            // Theirs removed it: gone, if ours still has it.
            None => {
                if let Some(i) = out.iter().position(|o| o == b) {
                    out.remove(i);
                }
            }
        }
    }
    // What is left of theirs is what it added; ours may have added the same.
    let mut in_ours: Vec<&Value> = ours.iter().filter(|o| !base.contains(o)).collect();
    for t in in_theirs {
        match in_ours.iter().position(|o| *o == t) {
            Some(i) => {
                in_ours.remove(i);
            }
            None => out.push(t.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn merge(b: Value, o: Value, t: Value) -> (Value, Vec<Collision>) {
        let mut m = Merger::default();
        let v = m.merge(Some(&b), &o, &t);
        (v, m.collisions)
    }

    #[test]
    fn fields_changed_on_different_sides_both_land() {
        let (v, c) = merge(
            json!({"a": 1, "b": "x"}),
            json!({"a": 2, "b": "x"}),
            json!({"a": 1, "b": "y"}),
        );
        assert_eq!(v, json!({"a": 2, "b": "y"}));
        assert!(c.is_empty());
    }

    #[test]
    fn texts_merge_by_line_and_collide_only_on_the_same_lines() {
        let base = json!({"n": "one\ntwo\nthree\nfour\n"});
        let (v, c) = merge(
            base.clone(),
            json!({"n": "ONE\ntwo\nthree\nfour\n"}),
            json!({"n": "one\ntwo\nthree\nFOUR\n"}),
        );
        assert_eq!(v, json!({"n": "ONE\ntwo\nthree\nFOUR\n"}));
        assert!(c.is_empty());
        let (v, c) = merge(
            base,
            json!({"n": "one\nmine\nthree\nfour\n"}),
            json!({"n": "one\nyours\nthree\nfour\n"}),
        );
        assert_eq!(v, json!({"n": "one\nmine\nthree\nfour\n"}));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].path, vec![Step::Key("n".into())]);
        assert_eq!(c[0].theirs, Some(json!("one\nyours\nthree\nfour\n")));
    }

    #[test]
    fn items_added_on_both_sides_are_kept_and_deletions_honoured() {
        let b = json!([{"id": 1, "t": "a"}, {"id": 2, "t": "b"}]);
        let o = json!([{"id": 1, "t": "a"}, {"id": 2, "t": "b"}, {"id": 3, "t": "c"}]);
        let t = json!([{"id": 2, "t": "b"}, {"id": 4, "t": "d"}]);
        let (v, c) = merge(b, o, t);
        assert_eq!(
            v,
            json!([{"id": 2, "t": "b"}, {"id": 4, "t": "d"}, {"id": 3, "t": "c"}])
        );
        assert!(c.is_empty());
    }

    #[test]
    fn a_deletion_against_an_edit_keeps_the_edit_and_says_so() {
        let b = json!([{"id": 1, "t": "a"}]);
        let (v, c) = merge(b.clone(), json!([{"id": 1, "t": "edited"}]), json!([]));
        assert_eq!(v, json!([{"id": 1, "t": "edited"}]));
        assert_eq!((c.len(), c[0].theirs.is_none()), (1, true));
        let (v, c) = merge(b, json!([]), json!([{"id": 1, "t": "edited"}]));
        assert_eq!(v, json!([{"id": 1, "t": "edited"}]));
        assert!(c[0].ours.is_none() && c[0].kept_theirs);
    }

    #[test]
    fn lists_without_ids_merge_as_sets() {
        let (v, _) = merge(json!(["a", "b"]), json!(["a", "b", "c"]), json!(["b", "d"]));
        assert_eq!(v, json!(["b", "c", "d"]));
    }

    #[test]
    fn only_theirs_reordering_takes_their_order() {
        let b = json!([{"id": 1}, {"id": 2}, {"id": 3}]);
        let t = json!([{"id": 3}, {"id": 1}, {"id": 2}]);
        let (v, _) = merge(b.clone(), b.clone(), t.clone());
        assert_eq!(v, t);
    }
}
