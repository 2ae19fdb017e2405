//! The rules of the planning core: the SMART check, the cap of three active goals, a goal's
//! progress, action-step dependencies and their sequence, and promoting brainstormed
//! candidates into goals. Pure functions of the model; the screens explain them.

use chrono::NaiveDate;

use super::{
    ActionPlan, ActionStep, Goal, GoalStatus, Id, MeasureKind, Progress, StepStatus, Workbook,
};

/// At most this many goals are worked on at once.
pub const MAX_ACTIVE: usize = 3;

/// One letter of SMART, with the expanded word list that guides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letter {
    pub letter: char,
    /// The expanded word list, kept word for word as the workbook gives it.
    pub words: &'static str,
    /// What the check looks for, in a few words.
    pub needs: &'static str,
}

/// The five letters, in order.
pub const SMART: [Letter; 5] = [
    Letter {
        letter: 'S',
        words: "specific, significant, stretching",
        needs: "say what exactly you will do",
    },
    Letter {
        letter: 'M',
        words: "measurable, meaningful, motivational",
        needs: "at least one measure",
    },
    Letter {
        letter: 'A',
        words: "agreed upon, attainable, achievable, acceptable, action-oriented",
        needs: "say why it is within reach",
    },
    Letter {
        letter: 'R',
        words: "realistic, relevant, reasonable, rewarding, results-oriented",
        needs: "say how it serves your vision",
    },
    Letter {
        letter: 'T',
        words: "time-based, timely, tangible, trackable",
        needs: "a deadline",
    },
];

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl Goal {
    /// Per letter of SMART, whether the goal satisfies it.
    pub fn smart(&self) -> [bool; 5] {
        [
            filled(&self.specific),
            self.measures.iter().any(|m| filled(&m.text)),
            filled(&self.attainable),
            filled(&self.relevant),
            self.deadline.is_some(),
        ]
    }

    /// Every measure tracks an outcome, none a gain in performance: worth a warning.
    pub fn outcome_only(&self) -> bool {
        let named: Vec<_> = self.measures.iter().filter(|m| filled(&m.text)).collect();
        !named.is_empty() && named.iter().all(|m| m.kind == MeasureKind::Outcome)
    }

    /// Milestones and action steps done, out of all of them. An achieved goal is complete.
    pub fn progress(&self) -> Progress {
        let total = self.milestones.len() + self.plan.steps.len();
        let done = self.milestones.iter().filter(|m| m.done).count()
            + (self.plan.steps.iter())
                .filter(|s| s.status == StepStatus::Done)
                .count();
        Progress { done, total }
    }

    /// The deadline, when it has passed and the goal is still being worked on (active,
    /// paused or a draft): flagged like an overdue step.
    pub fn late(&self, today: NaiveDate) -> Option<NaiveDate> {
        let open = !matches!(self.status, GoalStatus::Achieved | GoalStatus::Dropped);
        self.deadline.filter(|d| open && *d < today)
    }

    /// The target in words, with its date when it has one: "spring 2027 (2027-04-01)".
    pub fn target_text(&self) -> String {
        let words = self.deadline_words.trim();
        match (words.is_empty(), self.deadline) {
            (true, Some(d)) => d.to_string(),
            (true, None) => String::new(),
            (false, Some(d)) => format!("{words} ({d})"),
            (false, None) => words.to_string(),
        }
    }

    /// A name for messages: the title, or a stand-in while it has none.
    pub fn name(&self) -> &str {
        if filled(&self.title) {
            self.title.trim()
        } else {
            "untitled goal"
        }
    }
}

impl ActionStep {
    /// Past its due date and not done.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status != StepStatus::Done && self.due.is_some_and(|d| d < today)
    }
}

impl ActionPlan {
    /// Position of the step with this id.
    pub fn position(&self, id: Id) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// The steps step `i` waits for that are not done yet (positions).
    pub fn open_dependencies(&self, i: usize) -> Vec<usize> {
        let Some(step) = self.steps.get(i) else {
            return Vec::new();
        };
        (step.depends_on.iter())
            .filter_map(|id| self.position(*id))
            .filter(|&k| self.steps[k].status != StepStatus::Done)
            .collect()
    }

    /// Moves step `i` on: to do → doing → done → to do. A step is not done while a step it
    /// depends on is open; the error says which.
    pub fn advance(&mut self, i: usize) -> Result<StepStatus, String> {
        let Some(step) = self.steps.get(i) else {
            return Err("No step here.".into());
        };
        let next = match step.status {
            StepStatus::Todo => StepStatus::Doing,
            StepStatus::Doing => StepStatus::Done,
            StepStatus::Done => StepStatus::Todo,
        };
        if next == StepStatus::Done {
            let open = self.open_dependencies(i);
            if !open.is_empty() {
                let names: Vec<String> = open.iter().map(|k| format!("step {}", k + 1)).collect();
                return Err(format!(
                    "Step {} waits for {} to be done first.",
                    i + 1,
                    join_words(&names)
                ));
            }
        }
        self.steps[i].status = next;
        Ok(next)
    }

    /// The dependencies of step `i` as step numbers (`"1, 3"`), for editing.
    pub fn dependencies_text(&self, i: usize) -> String {
        let Some(step) = self.steps.get(i) else {
            return String::new();
        };
        let mut numbers: Vec<usize> = (step.depends_on.iter())
            .filter_map(|id| self.position(*id))
            .map(|k| k + 1)
            .collect();
        numbers.sort_unstable();
        numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Sets what step `i` waits for from step numbers typed as `1, 3` (or `1 3`; empty for
    /// nothing). Refuses unknown numbers, the step itself, and anything that would make a
    /// circle of steps each waiting for the other. `Ok(true)` if it changed.
    pub fn set_dependencies(&mut self, i: usize, text: &str) -> Result<bool, String> {
        let n = self.steps.len();
        if i >= n {
            return Err("No step here.".into());
        }
        let mut ids = Vec::new();
        for word in text.split([',', ' ', ';']).filter(|w| !w.is_empty()) {
            let k: usize = word.trim_start_matches('#').parse().map_err(|_| {
                format!(
                    "{} is not a step number: type numbers like 1, 3",
                    super::quoted(word)
                )
            })?;
            if k == 0 || k > n {
                return Err(format!("There is no step {k}: the steps are 1 to {n}."));
            }
            if k - 1 == i {
                return Err(format!("Step {k} cannot wait for itself."));
            }
            let id = self.steps[k - 1].id;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let me = self.steps[i].id;
        for id in &ids {
            if self.reaches(*id, me) {
                let k = self.position(*id).map_or(0, |k| k + 1);
                return Err(format!(
                    "Step {k} already waits for step {}: that would be a circle.",
                    i + 1
                ));
            }
        }
        let old = std::mem::replace(&mut self.steps[i].depends_on, ids);
        Ok(old != self.steps[i].depends_on)
    }

    /// Whether step `from` waits, directly or through others, for step `to`.
    fn reaches(&self, from: Id, to: Id) -> bool {
        let mut seen = Vec::new();
        let mut stack = vec![from];
        while let Some(id) = stack.pop() {
            if id == to {
                return true;
            }
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            if let Some(k) = self.position(id) {
                stack.extend(&self.steps[k].depends_on);
            }
        }
        false
    }

    /// The steps in the order they can be done: each stage holds steps (positions) whose
    /// dependencies all lie in earlier stages, so the steps of one stage can run at the same
    /// time. Steps caught in a circle (only possible in a hand-edited file) come last.
    pub fn stages(&self) -> Vec<Vec<usize>> {
        let n = self.steps.len();
        let mut stage_of: Vec<Option<usize>> = vec![None; n];
        let mut placed = 0;
        let mut stages: Vec<Vec<usize>> = Vec::new();
        while placed < n {
            let level = stages.len();
            let ready: Vec<usize> = (0..n)
                .filter(|&k| stage_of[k].is_none())
                .filter(|&k| {
                    (self.steps[k].depends_on.iter())
                        .filter_map(|id| self.position(*id))
                        .all(|d| stage_of[d].is_some_and(|s| s < level))
                })
                .collect();
            if ready.is_empty() {
                stages.push((0..n).filter(|&k| stage_of[k].is_none()).collect());
                break;
            }
            for &k in &ready {
                stage_of[k] = Some(level);
            }
            placed += ready.len();
            stages.push(ready);
        }
        stages
    }

    /// Removes step `i` and every dependency on it.
    pub fn remove_step(&mut self, i: usize) -> bool {
        if i >= self.steps.len() {
            return false;
        }
        let id = self.steps.remove(i).id;
        for s in &mut self.steps {
            s.depends_on.retain(|d| *d != id);
        }
        true
    }
}

/// "a", "a and b", "a, b and c".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Swaps item `i` with its neighbour (`up` or down). Returns the new position.
pub fn move_item<T>(items: &mut [T], i: usize, up: bool) -> Option<usize> {
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if j >= items.len() || i >= items.len() {
        return None;
    }
    items.swap(i, j);
    Some(j)
}

impl Workbook {
    /// How many goals are active.
    pub fn active_goals(&self) -> usize {
        (self.goals.iter())
            .filter(|g| g.status == GoalStatus::Active)
            .count()
    }

    /// Position of the goal with this id.
    pub fn goal_position(&self, id: Id) -> Option<usize> {
        self.goals.iter().position(|g| g.id == id)
    }

    /// Sets goal `g`'s status. Making a fourth goal active is refused (`Err` with the reason):
    /// the caller asks which active goal to pause, finish or drop first.
    pub fn set_goal_status(&mut self, g: usize, status: GoalStatus) -> Result<bool, String> {
        let Some(goal) = self.goals.get(g) else {
            return Err("No goal here.".into());
        };
        if goal.status == status {
            return Ok(false);
        }
        if status == GoalStatus::Active && self.active_goals() >= MAX_ACTIVE {
            return Err(format!(
                "{MAX_ACTIVE} goals are active already: work on no more than {MAX_ACTIVE} at a time."
            ));
        }
        self.goals[g].status = status;
        Ok(true)
    }

    /// Priorities follow the order of the list: the first is priority 1.
    pub fn renumber_goals(&mut self) {
        for (k, g) in self.goals.iter_mut().enumerate() {
            g.priority = u8::try_from(k + 1).unwrap_or(u8::MAX);
        }
    }

    /// Priorities of brainstormed candidates follow their order.
    pub fn renumber_candidates(&mut self) {
        for (k, c) in self.brainstorm.candidates.iter_mut().enumerate() {
            c.priority = u8::try_from(k + 1).unwrap_or(u8::MAX);
        }
    }

    /// Turns candidate `c` into a draft goal with the same words, linked both ways. A
    /// candidate promoted before gives its existing goal. Returns the goal's position.
    pub fn promote_candidate(&mut self, c: usize) -> Option<usize> {
        let cand = self.brainstorm.candidates.get(c)?.clone();
        if let Some(g) = cand.goal.and_then(|id| self.goal_position(id)) {
            return Some(g);
        }
        let id = self.fresh_id();
        self.goals.push(Goal {
            id,
            title: cand.text.trim().to_string(),
            candidate: Some(cand.id),
            ..Goal::default()
        });
        self.renumber_goals();
        self.brainstorm.candidates[c].goal = Some(id);
        Some(self.goals.len() - 1)
    }

    /// Adds an empty draft goal at the end; returns its position.
    pub fn add_goal(&mut self) -> usize {
        let id = self.fresh_id();
        self.goals.push(Goal {
            id,
            ..Goal::default()
        });
        self.renumber_goals();
        self.goals.len() - 1
    }

    /// Removes goal `g` and the links to it.
    pub fn remove_goal(&mut self, g: usize) -> bool {
        if g >= self.goals.len() {
            return false;
        }
        let id = self.goals.remove(g).id;
        for c in &mut self.brainstorm.candidates {
            if c.goal == Some(id) {
                c.goal = None;
            }
        }
        for w in &mut self.wins {
            if w.goal == Some(id) {
                w.goal = None;
            }
        }
        // Journal entries about it keep their words and lose the link.
        self.journal.unlink_goal(id);
        self.renumber_goals();
        true
    }
}

#[cfg(test)]
mod tests;
