//! What `mentorbook check` looks for beyond "the file reads": the rules the app keeps while
//! editing, which a file edited by hand or by another tool may break.

use std::collections::HashSet;

use super::{GoalStatus, Id, MAX_ACTIVE, Workbook};

impl Workbook {
    /// Every rule the workbook breaks, in words; empty when all is well.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let active = self
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Active)
            .count();
        if active > MAX_ACTIVE {
            out.push(format!(
                "{active} goals are active; at most {MAX_ACTIVE} should be"
            ));
        }
        // Ids must be unique and at most next_id (the last one handed out), or new items
        // would take an existing id.
        let mut seen = HashSet::new();
        let mut id = |what: &str, id: Id, out: &mut Vec<String>| {
            if !seen.insert(id) {
                out.push(format!("{what} has id {id}, which another item has too"));
            }
            if id > self.next_id {
                out.push(format!(
                    "{what} has id {id}, above next_id ({})",
                    self.next_id
                ));
            }
        };
        for c in &self.brainstorm.candidates {
            id("a brainstorm candidate", c.id, &mut out);
        }
        for g in &self.goals {
            id(&format!("goal “{}”", g.name()), g.id, &mut out);
            for s in &g.plan.steps {
                id(&format!("a step of “{}”", g.name()), s.id, &mut out);
            }
            for m in g.milestones.iter().filter(|m| m.id != 0) {
                id(&format!("a milestone of “{}”", g.name()), m.id, &mut out);
            }
        }
        for t in &self.mentoring_plan.topics {
            id("a topic", t.id, &mut out);
        }
        for c in &self.conversations {
            id("a conversation", c.id, &mut out);
            for a in c.agenda.iter().filter(|a| a.id != 0) {
                id("an agenda item", a.id, &mut out);
            }
            for k in c.commitments.iter().filter(|k| k.id != 0) {
                id("a commitment", k.id, &mut out);
            }
        }
        for c in &self.check_ins {
            id("a check-in", c.id, &mut out);
        }
        for w in &self.wins {
            id("a win", w.id, &mut out);
        }
        for p in &self.people {
            id(&format!("person “{}”", p.name.trim()), p.id, &mut out);
        }
        for e in self.journal.iter() {
            id("a journal entry", e.id, &mut out);
        }
        let goals: HashSet<Id> = self.goals.iter().map(|g| g.id).collect();
        let conversations: HashSet<Id> = self.conversations.iter().map(|c| c.id).collect();
        let steps: HashSet<Id> = (self.goals.iter())
            .flat_map(|g| g.plan.steps.iter().map(|s| s.id))
            .collect();
        for g in &self.goals {
            let own: HashSet<Id> = g.plan.steps.iter().map(|s| s.id).collect();
            for s in &g.plan.steps {
                for d in &s.depends_on {
                    if *d == s.id {
                        out.push(format!("step “{}” waits for itself", s.text.trim()));
                    } else if !own.contains(d) {
                        out.push(format!(
                            "step “{}” waits for step {d}, which is not in its plan",
                            s.text.trim()
                        ));
                    }
                }
            }
        }
        let people: HashSet<Id> = self.people.iter().map(|p| p.id).collect();
        let mut who = |what: String, id: Option<Id>| {
            if let Some(p) = id.filter(|p| !people.contains(p)) {
                out.push(format!("{what} names missing person {p}"));
            }
        };
        for g in &self.goals {
            for s in &g.plan.steps {
                who(format!("step “{}”", s.text.trim()), s.who);
            }
            for r in &g.plan.resources {
                who(format!("resource “{}”", r.text.trim()), r.who);
            }
        }
        for c in &self.conversations {
            for x in &c.commitments {
                who(format!("commitment “{}”", x.text.trim()), x.who);
            }
            for p in &c.with {
                who(
                    format!("the conversation of {}", c.at.format("%Y-%m-%d")),
                    Some(*p),
                );
            }
        }
        let topics: HashSet<Id> = self.mentoring_plan.topics.iter().map(|t| t.id).collect();
        for g in &self.goals {
            for n in g.needs.iter().filter(|n| !topics.contains(n)) {
                out.push(format!(
                    "goal “{}” serves missing development need {n}",
                    g.name()
                ));
            }
        }
        for w in &self.wins {
            if let Some(g) = w.goal.filter(|g| !goals.contains(g)) {
                out.push(format!(
                    "win “{}” points at missing goal {g}",
                    w.what.trim()
                ));
            }
        }
        for c in &self.brainstorm.candidates {
            if let Some(g) = c.goal.filter(|g| !goals.contains(g)) {
                out.push(format!(
                    "candidate “{}” points at missing goal {g}",
                    c.text.trim()
                ));
            }
        }
        for c in &self.conversations {
            for a in &c.agenda {
                if let Some(from) = a.from.filter(|f| !conversations.contains(f)) {
                    out.push(format!(
                        "agenda item “{}” was carried from missing conversation {from}",
                        a.text.trim()
                    ));
                }
            }
            for k in &c.commitments {
                if let Some(s) = k.step.filter(|s| !steps.contains(s)) {
                    out.push(format!(
                        "commitment “{}” points at missing step {s}",
                        k.text.trim()
                    ));
                }
            }
        }
        for e in self.journal.iter() {
            let at = e.at.format("%Y-%m-%d %H:%M");
            if let Some(g) = e.goal.filter(|g| !goals.contains(g)) {
                out.push(format!(
                    "the journal entry of {at} points at missing goal {g}"
                ));
            }
            if let Some(c) = e.conversation.filter(|c| !conversations.contains(c)) {
                out.push(format!(
                    "the journal entry of {at} points at missing conversation {c}"
                ));
            }
        }
        if self.agreement.check_in_every_days == Some(0) {
            out.push("the check-in interval is 0 days".into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStep, Goal};

    #[test]
    fn a_fresh_workbook_has_no_problems_and_broken_links_are_named() {
        let mut wb = Workbook::default();
        assert!(wb.problems().is_empty());
        let g = wb.add_goal();
        wb.goals[g].plan.steps.push(ActionStep {
            id: 99,
            text: "Read".into(),
            depends_on: vec![42],
            ..ActionStep::default()
        });
        wb.goals.push(Goal {
            id: wb.goals[g].id,
            ..Goal::default()
        });
        let p = wb.problems();
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(p.iter().any(|x| x.contains("waits for step 42")));
        assert!(p.iter().any(|x| x.contains("another item has too")));
        assert!(
            p.iter()
                .any(|x| x.contains("step of “untitled goal” has id 99, above next_id"))
        );
    }
}
