//! Lists that grow with `a` and shrink with `d`: which list a field is an item of, its
//! items in order, adding, moving and removing one.

use super::{Field, GoalPart};
use crate::model::{ActionStep, Candidate, Owner, PlanArea, Topic, Workbook};

impl Field {
    /// The list this field is an item of.
    pub fn list(self, wb: &Workbook) -> Option<ListKind> {
        match self {
            Field::Strength(_) => Some(ListKind::Strengths),
            Field::Limitation(_) => Some(ListKind::Limitations),
            Field::Topic(i) => wb
                .mentoring_plan
                .topics
                .get(i)
                .map(|t| ListKind::Topics(t.area)),
            Field::Candidate(_) => Some(ListKind::Candidates),
            Field::Measure(g, _) => Some(ListKind::Measures(g)),
            Field::Milestone(g, _) => Some(ListKind::Milestones(g)),
            Field::Step(g, _) => Some(ListKind::Steps(g)),
            Field::Resource(g, _) => Some(ListKind::Resources(g)),
            Field::Agenda(c, _) => Some(ListKind::Agenda(c)),
            Field::Commitment(c, _) => Some(ListKind::Commitments(c)),
            Field::Win(_) => Some(ListKind::Wins),
            Field::Person(_) => Some(ListKind::People),
            _ => None,
        }
    }

    /// Takes away a goal, entry or list item that was just added and left empty: the goal
    /// its title names, the entry, or the list item.
    pub fn discard_new(self, wb: &mut Workbook) {
        match self {
            Field::Goal(g, crate::field::GoalPart::Title) => {
                wb.remove_goal(g);
            }
            Field::Entry(e) => {
                wb.journal.remove(e);
            }
            _ => {
                self.remove_item(wb);
            }
        }
    }

    /// Removes the list item this field points at. Returns whether there was one.
    pub fn remove_item(self, wb: &mut Workbook) -> bool {
        fn remove<T>(v: &mut Vec<T>, i: usize) -> bool {
            (i < v.len()).then(|| v.remove(i)).is_some()
        }
        match self {
            Field::Strength(i) => remove(&mut wb.vision.strengths, i),
            Field::Limitation(i) => remove(&mut wb.vision.limitations, i),
            Field::Topic(i) => {
                let Some(t) = wb.mentoring_plan.topics.get(i) else {
                    return false;
                };
                // Goals that served this need keep serving the others.
                let id = t.id;
                for g in &mut wb.goals {
                    g.needs.retain(|n| *n != id);
                }
                remove(&mut wb.mentoring_plan.topics, i)
            }
            Field::Candidate(i) => {
                let Some(c) = wb.brainstorm.candidates.get(i) else {
                    return false;
                };
                let id = c.id;
                for g in &mut wb.goals {
                    if g.candidate == Some(id) {
                        g.candidate = None;
                    }
                }
                wb.brainstorm.candidates.remove(i);
                wb.renumber_candidates();
                true
            }
            Field::Measure(g, i) => wb
                .goals
                .get_mut(g)
                .is_some_and(|g| remove(&mut g.measures, i)),
            Field::Milestone(g, i) => {
                (wb.goals.get_mut(g)).is_some_and(|g| remove(&mut g.milestones, i))
            }
            Field::Step(g, i) => wb.goals.get_mut(g).is_some_and(|g| g.plan.remove_step(i)),
            Field::Resource(g, i) => {
                (wb.goals.get_mut(g)).is_some_and(|g| remove(&mut g.plan.resources, i))
            }
            Field::Agenda(c, k) => {
                (wb.conversations.get_mut(c)).is_some_and(|c| remove(&mut c.agenda, k))
            }
            Field::Commitment(c, k) => {
                (wb.conversations.get_mut(c)).is_some_and(|c| remove(&mut c.commitments, k))
            }
            Field::Entry(i) => wb.journal.remove(i).is_some(),
            Field::Win(i) => remove(&mut wb.wins, i),
            Field::Person(i) => wb.remove_person(i),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Strengths,
    Limitations,
    /// The mentoring-plan topics of one area.
    Topics(PlanArea),
    /// The brainstorm's candidate goals.
    Candidates,
    /// The goals themselves (their titles).
    Goals,
    /// Of goal `g`.
    Measures(usize),
    Milestones(usize),
    Steps(usize),
    Resources(usize),
    /// Of conversation `c`.
    Agenda(usize),
    Commitments(usize),
    /// The ledger of wins.
    Wins,
    /// Everyone in the relationship beyond the two partners.
    People,
}

impl ListKind {
    /// One item, in words ("strength").
    pub fn noun(self) -> &'static str {
        match self {
            ListKind::Strengths => "strength",
            ListKind::Limitations => "limitation",
            ListKind::Topics(_) => "topic",
            ListKind::Candidates => "candidate goal",
            ListKind::Goals => "goal",
            ListKind::Measures(_) => "measure",
            ListKind::Milestones(_) => "milestone",
            ListKind::Steps(_) => "step",
            ListKind::Resources(_) => "resource",
            ListKind::Agenda(_) => "agenda item",
            ListKind::Commitments(_) => "commitment",
            ListKind::Wins => "win",
            ListKind::People => "person",
        }
    }

    /// The fields of the list's items, in order.
    pub fn fields(self, wb: &Workbook) -> Vec<Field> {
        match self {
            ListKind::Strengths => (0..wb.vision.strengths.len())
                .map(Field::Strength)
                .collect(),
            ListKind::Limitations => (0..wb.vision.limitations.len())
                .map(Field::Limitation)
                .collect(),
            ListKind::Topics(area) => (wb.mentoring_plan.topics.iter().enumerate())
                .filter(|(_, t)| t.area == area)
                .map(|(i, _)| Field::Topic(i))
                .collect(),
            ListKind::Candidates => (0..wb.brainstorm.candidates.len())
                .map(Field::Candidate)
                .collect(),
            ListKind::Goals => (0..wb.goals.len())
                .map(|g| Field::Goal(g, GoalPart::Title))
                .collect(),
            ListKind::Measures(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.measures.len());
                (0..n).map(|i| Field::Measure(g, i)).collect()
            }
            ListKind::Milestones(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.milestones.len());
                (0..n).map(|i| Field::Milestone(g, i)).collect()
            }
            ListKind::Steps(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.plan.steps.len());
                (0..n).map(|i| Field::Step(g, i)).collect()
            }
            ListKind::Resources(g) => {
                let n = wb.goals.get(g).map_or(0, |x| x.plan.resources.len());
                (0..n).map(|i| Field::Resource(g, i)).collect()
            }
            ListKind::Agenda(c) => {
                let n = wb.conversations.get(c).map_or(0, |x| x.agenda.len());
                (0..n).map(|k| Field::Agenda(c, k)).collect()
            }
            ListKind::Commitments(c) => {
                let n = wb.conversations.get(c).map_or(0, |x| x.commitments.len());
                (0..n).map(|k| Field::Commitment(c, k)).collect()
            }
            ListKind::Wins => (0..wb.wins.len()).map(Field::Win).collect(),
            ListKind::People => (0..wb.people.len()).map(Field::Person).collect(),
        }
    }

    /// Moves item `field` one place up or down; the field at its new place, if it moved.
    /// Candidates and goals keep priorities in step with the order.
    pub fn move_item(self, wb: &mut Workbook, field: Field, up: bool) -> Option<Field> {
        use crate::model::move_item;
        match (self, field) {
            (ListKind::Candidates, Field::Candidate(i)) => {
                let j = move_item(&mut wb.brainstorm.candidates, i, up)?;
                wb.renumber_candidates();
                Some(Field::Candidate(j))
            }
            (ListKind::Measures(g), Field::Measure(_, i)) => {
                move_item(&mut wb.goals.get_mut(g)?.measures, i, up).map(|j| Field::Measure(g, j))
            }
            (ListKind::Milestones(g), Field::Milestone(_, i)) => {
                let j = move_item(&mut wb.goals.get_mut(g)?.milestones, i, up)?;
                Some(Field::Milestone(g, j))
            }
            (ListKind::Steps(g), Field::Step(_, i)) => {
                move_item(&mut wb.goals.get_mut(g)?.plan.steps, i, up).map(|j| Field::Step(g, j))
            }
            (ListKind::Resources(g), Field::Resource(_, i)) => {
                let j = move_item(&mut wb.goals.get_mut(g)?.plan.resources, i, up)?;
                Some(Field::Resource(g, j))
            }
            (ListKind::Agenda(c), Field::Agenda(_, k)) => {
                let j = move_item(&mut wb.conversations.get_mut(c)?.agenda, k, up)?;
                Some(Field::Agenda(c, j))
            }
            (ListKind::Commitments(c), Field::Commitment(_, k)) => {
                let j = move_item(&mut wb.conversations.get_mut(c)?.commitments, k, up)?;
                Some(Field::Commitment(c, j))
            }
            (ListKind::Wins, Field::Win(i)) => move_item(&mut wb.wins, i, up).map(Field::Win),
            (ListKind::People, Field::Person(i)) => {
                move_item(&mut wb.people, i, up).map(Field::Person)
            }
            _ => None,
        }
    }

    /// Appends an empty item and returns its field.
    pub fn push_new(self, wb: &mut Workbook) -> Field {
        match self {
            ListKind::Strengths => {
                wb.vision.strengths.push(String::new());
                Field::Strength(wb.vision.strengths.len() - 1)
            }
            ListKind::Limitations => {
                wb.vision.limitations.push(String::new());
                Field::Limitation(wb.vision.limitations.len() - 1)
            }
            ListKind::Topics(area) => {
                let id = wb.fresh_id();
                // What happens in the workplace is confidential unless the user says otherwise.
                let private = area == PlanArea::Workplace;
                wb.mentoring_plan.topics.push(Topic {
                    id,
                    area,
                    private,
                    ..Topic::default()
                });
                Field::Topic(wb.mentoring_plan.topics.len() - 1)
            }
            ListKind::Candidates => {
                let id = wb.fresh_id();
                let c = &mut wb.brainstorm.candidates;
                c.push(Candidate {
                    id,
                    priority: u8::try_from(c.len() + 1).unwrap_or(u8::MAX),
                    ..Candidate::default()
                });
                Field::Candidate(c.len() - 1)
            }
            ListKind::Goals => Field::Goal(wb.add_goal(), GoalPart::Title),
            ListKind::Measures(g) => {
                let m = &mut wb.goals[g].measures;
                m.push(Default::default());
                Field::Measure(g, m.len() - 1)
            }
            ListKind::Milestones(g) => {
                let id = wb.fresh_id();
                let m = &mut wb.goals[g].milestones;
                m.push(crate::model::Milestone {
                    id,
                    ..Default::default()
                });
                Field::Milestone(g, m.len() - 1)
            }
            ListKind::Steps(g) => {
                let id = wb.fresh_id();
                let steps = &mut wb.goals[g].plan.steps;
                steps.push(ActionStep {
                    id,
                    ..ActionStep::default()
                });
                Field::Step(g, steps.len() - 1)
            }
            ListKind::Resources(g) => {
                let r = &mut wb.goals[g].plan.resources;
                r.push(Default::default());
                Field::Resource(g, r.len() - 1)
            }
            ListKind::Agenda(c) => {
                let id = wb.fresh_id();
                let a = &mut wb.conversations[c].agenda;
                a.push(crate::model::AgendaItem {
                    id,
                    ..Default::default()
                });
                Field::Agenda(c, a.len() - 1)
            }
            ListKind::Commitments(c) => {
                // The speaker convention: commitments are agreed in runs, one person's after
                // another's, so a new one is the same person's as the one above it; the
                // first of a conversation is the mentee's (most are, in a mentoring
                // conversation). `o` changes it; the row shows it.
                let owner =
                    (wb.conversations[c].commitments.last()).map_or(Owner::Mentee, |x| x.owner);
                let id = wb.fresh_id();
                let list = &mut wb.conversations[c].commitments;
                list.push(crate::model::Commitment {
                    id,
                    owner,
                    ..Default::default()
                });
                Field::Commitment(c, list.len() - 1)
            }
            ListKind::Wins => {
                // Dated today by the caller's `t` if wanted: a win is often logged late.
                let id = wb.fresh_id();
                wb.wins.push(crate::model::Win {
                    id,
                    ..Default::default()
                });
                Field::Win(wb.wins.len() - 1)
            }
            ListKind::People => {
                let id = wb.fresh_id();
                wb.people.push(crate::model::Person {
                    id,
                    ..Default::default()
                });
                Field::Person(wb.people.len() - 1)
            }
        }
    }
}
