//! The person's choice on one collision: keep this side's value, the other's, or (for two
//! texts, or an item one side deleted) both. The choice is put at the collision's place in
//! the workbook, and the collision is gone.

use serde_json::Value;

use super::{Step, parse_path, set_at};
use crate::model::{Conflict, GoalStatus, Id, MAX_ACTIVE, Workbook};

/// What to keep of a collision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// This workbook's side (the left).
    Ours,
    /// The other copy's side (the right).
    Theirs,
    /// Both texts, this side's first; or the item that one side deleted.
    Both,
}

/// Settles collision `id` as `keep` says. Fails, changing nothing, when the choice cannot
/// be kept (both of two numbers; a fourth active goal) or the place is gone.
pub fn settle(wb: &mut Workbook, id: Id, keep: Keep) -> Result<(), String> {
    let Some(at) = wb.conflicts.iter().position(|c| c.id == id) else {
        return Err("That collision is already settled.".into());
    };
    let c = wb.conflicts[at].clone();
    let value = chosen(&c, keep)?;
    let path = parse_path(&c.at);
    let mut out = wb.clone();
    out.conflicts.remove(at);
    put(&mut out, &path, value)?;
    let active = (out.goals.iter())
        .filter(|g| g.status == GoalStatus::Active)
        .count();
    if active > MAX_ACTIVE {
        return Err(format!(
            "{MAX_ACTIVE} goals are active already: pause one before keeping this."
        ));
    }
    *wb = out;
    Ok(())
}

/// The value to put at the collision's place (`None`: the item goes).
fn chosen(c: &Conflict, keep: Keep) -> Result<Option<Value>, String> {
    Ok(match keep {
        Keep::Ours => c.ours.clone(),
        Keep::Theirs => c.theirs.clone(),
        Keep::Both => match (&c.ours, &c.theirs) {
            (Some(Value::String(o)), Some(Value::String(t))) => {
                let o = o.trim_end();
                Some(Value::String(if o.is_empty() {
                    t.clone()
                } else {
                    format!("{o}\n\n{t}")
                }))
            }
            (Some(v), None) | (None, Some(v)) => Some(v.clone()),
            _ => return Err("Only two texts can both be kept: choose one side.".into()),
        },
    })
}

/// Puts `value` at `path`: a journal entry on its own (the journal may hold entries whose
/// text is not read), anything else through the workbook without its journal.
fn put(wb: &mut Workbook, path: &[Step], value: Option<Value>) -> Result<(), String> {
    let gone = || "The place of that collision is gone from the workbook.".to_string();
    let bad = |e: serde_json::Error| format!("That value does not fit there: {e}");
    if let [Step::Key(k), Step::Id(id), rest @ ..] = path
        && k == "journal"
    {
        let i = wb.journal.iter().position(|e| e.id == *id);
        if rest.is_empty() {
            match (i, value) {
                (Some(i), None) => {
                    wb.journal.remove(i);
                }
                (Some(i), Some(v)) => {
                    *wb.journal.get_mut(i).ok_or_else(gone)? =
                        serde_json::from_value(v).map_err(bad)?;
                }
                (None, Some(v)) => {
                    wb.journal.push(serde_json::from_value(v).map_err(bad)?);
                }
                (None, None) => {}
            }
            return Ok(());
        }
        let i = i.ok_or_else(gone)?;
        let entry = wb.journal.get_mut(i).ok_or_else(gone)?;
        let mut json = serde_json::to_value(&*entry).map_err(bad)?;
        if !set_at(&mut json, rest, value) {
            return Err(gone());
        }
        *entry = serde_json::from_value(json).map_err(bad)?;
        return Ok(());
    }
    let journal = std::mem::take(&mut wb.journal);
    let json = serde_json::to_value(&*wb);
    wb.journal = journal;
    let mut json = json.map_err(bad)?;
    if !set_at(&mut json, path, value) {
        return Err(gone());
    }
    let mut plan: Workbook = serde_json::from_value(json).map_err(bad)?;
    plan.journal = std::mem::take(&mut wb.journal);
    *wb = plan;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::merge;

    fn collided() -> Workbook {
        let mut base = Workbook::default();
        let g = base.add_goal();
        base.goals[g].specific = "base".into();
        let (mut o, mut t) = (base.clone(), base.clone());
        o.goals[g].specific = "mine".into();
        t.goals[g].specific = "theirs".into();
        merge(&base, &o, &t, "test").unwrap().workbook
    }

    #[test]
    fn each_choice_lands_and_the_collision_goes() {
        for (keep, want) in [
            (Keep::Ours, "mine"),
            (Keep::Theirs, "theirs"),
            (Keep::Both, "mine\n\ntheirs"),
        ] {
            let mut wb = collided();
            let id = wb.conflicts[0].id;
            settle(&mut wb, id, keep).unwrap();
            assert_eq!(wb.goals[0].specific, want);
            assert!(wb.conflicts.is_empty());
        }
    }

    #[test]
    fn both_of_two_numbers_is_refused_and_changes_nothing() {
        let base = Workbook::default();
        let mut o = base.clone();
        let mut t = base.clone();
        let g = o.add_goal();
        t.goals = o.goals.clone();
        let mut b = base.clone();
        b.goals = o.goals.clone();
        b.next_id = o.next_id;
        o.goals[g].priority = 7;
        t.goals[g].priority = 8;
        let mut wb = merge(&b, &o, &t, "test").unwrap().workbook;
        let before = wb.clone();
        let id = wb.conflicts[0].id;
        assert!(settle(&mut wb, id, Keep::Both).is_err());
        assert_eq!(wb, before);
        settle(&mut wb, id, Keep::Theirs).unwrap();
        assert_eq!(wb.goals[0].priority, 8);
    }
}
