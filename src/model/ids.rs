//! Every id in a workbook, and every link to one: what a merge renumbers when the same id was
//! handed out on two machines. One visitor, so a new kind of item or link is named once.

use super::{Id, Workbook};

/// Where an id sits: on an item (its own id) or in a link to another item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdUse {
    Own,
    Link,
}

impl Workbook {
    /// Calls `f` on every id in the workbook, items' own and links alike, to change it.
    /// Ids of 0 (items from files written before they had ids) are passed over.
    /// Journal entries are shared with saves in progress, so only those holding an id
    /// `touches` says yes to are taken out to change.
    pub fn each_id_mut(
        &mut self,
        touches: &impl Fn(Id) -> bool,
        f: &mut impl FnMut(&mut Id, IdUse),
    ) {
        let mut own = |id: &mut Id| {
            if *id != 0 {
                f(id, IdUse::Own);
            }
        };
        for c in &mut self.brainstorm.candidates {
            own(&mut c.id);
        }
        for g in &mut self.goals {
            own(&mut g.id);
            for m in &mut g.milestones {
                own(&mut m.id);
            }
            for s in &mut g.plan.steps {
                own(&mut s.id);
            }
        }
        for t in &mut self.mentoring_plan.topics {
            own(&mut t.id);
        }
        for c in &mut self.conversations {
            own(&mut c.id);
            for a in &mut c.agenda {
                own(&mut a.id);
            }
            for k in &mut c.commitments {
                own(&mut k.id);
            }
        }
        for c in &mut self.check_ins {
            own(&mut c.id);
        }
        for w in &mut self.wins {
            own(&mut w.id);
        }
        for p in &mut self.people {
            own(&mut p.id);
        }
        let journal = &mut self.journal;
        let wanted: Vec<usize> = (journal.iter().enumerate())
            .filter(|(_, e)| {
                touches(e.id) || e.goal.is_some_and(touches) || e.conversation.is_some_and(touches)
            })
            .map(|(i, _)| i)
            .collect();
        for &i in &wanted {
            if let Some(e) = journal.get_mut(i) {
                own(&mut e.id);
            }
        }
        let mut link = |id: &mut Id| f(id, IdUse::Link);
        for c in &mut self.brainstorm.candidates {
            c.goal.as_mut().map(&mut link);
        }
        for g in &mut self.goals {
            g.candidate.as_mut().map(&mut link);
            g.needs.iter_mut().for_each(&mut link);
            for s in &mut g.plan.steps {
                s.depends_on.iter_mut().for_each(&mut link);
                s.who.as_mut().map(&mut link);
            }
            for r in &mut g.plan.resources {
                r.who.as_mut().map(&mut link);
            }
        }
        for c in &mut self.conversations {
            for k in &mut c.commitments {
                k.step.as_mut().map(&mut link);
            }
            for a in &mut c.agenda {
                a.from.as_mut().map(&mut link);
            }
            for k in &mut c.commitments {
                k.who.as_mut().map(&mut link);
            }
            c.with.iter_mut().for_each(&mut link);
        }
        for w in &mut self.wins {
            w.goal.as_mut().map(&mut link);
        }
        for &i in &wanted {
            if let Some(e) = journal.get_mut(i) {
                e.goal.as_mut().map(&mut link);
                e.conversation.as_mut().map(&mut link);
            }
        }
    }

    /// Every item's own id (links left out), in no particular order.
    pub fn own_ids(&self) -> Vec<Id> {
        let mut ids: Vec<Id> = self.journal.iter().map(|e| e.id).collect();
        ids.retain(|id| *id != 0);
        // The visitor changes nothing here; it takes `&mut` only to serve renumbering. The
        // copy leaves the journal out (its entries' own ids are read above).
        let mut plan = Workbook {
            journal: Default::default(),
            ..self.clone()
        };
        plan.each_id_mut(&|_| false, &mut |id, usage| {
            if usage == IdUse::Own {
                ids.push(*id);
            }
        });
        ids
    }

    /// Replaces every id `map` names, on items and in links alike.
    pub fn renumber(&mut self, map: &std::collections::HashMap<Id, Id>) {
        if map.is_empty() {
            return;
        }
        self.each_id_mut(&|id| map.contains_key(&id), &mut |id, _| {
            if let Some(new) = map.get(id) {
                *id = *new;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use crate::model::{Commitment, Conversation, JournalEntry, Workbook};

    #[test]
    fn renumbering_moves_an_item_and_every_link_to_it() {
        let mut wb = Workbook::default();
        let g = wb.add_goal();
        let goal = wb.goals[g].id;
        let step = wb.fresh_id();
        wb.goals[g].plan.steps.push(crate::model::ActionStep {
            id: step,
            ..Default::default()
        });
        let c = wb.fresh_id();
        wb.conversations.push(Conversation {
            id: c,
            commitments: vec![Commitment {
                id: 0,
                step: Some(step),
                ..Default::default()
            }],
            ..Default::default()
        });
        wb.journal.push(JournalEntry {
            id: 40,
            goal: Some(goal),
            conversation: Some(c),
            ..Default::default()
        });
        wb.next_id = 40;
        let map = HashMap::from([(goal, 100), (step, 101), (c, 102)]);
        wb.renumber(&map);
        wb.next_id = 102;
        assert_eq!(wb.goals[0].id, 100);
        assert_eq!(wb.goals[0].plan.steps[0].id, 101);
        assert_eq!(wb.conversations[0].commitments[0].step, Some(101));
        let e = wb.journal.get(0).unwrap();
        assert_eq!((e.goal, e.conversation), (Some(100), Some(102)));
        assert!(wb.problems().is_empty(), "{:?}", wb.problems());
        let mut own = wb.own_ids();
        own.sort();
        assert_eq!(own, vec![40, 100, 101, 102]);
    }
}
