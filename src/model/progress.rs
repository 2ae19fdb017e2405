//! How complete each exercise is: the parts filled in, out of the parts there are.

use super::{Goal, GoalStatus, PlanArea, Progress, Role, Workbook};

fn count(parts: &[bool]) -> Progress {
    Progress {
        done: parts.iter().filter(|p| **p).count(),
        total: parts.len(),
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl Workbook {
    /// The five questions of the conversation with yourself.
    pub fn reflection_progress(&self) -> Progress {
        let r = &self.self_reflection;
        count(&[
            filled(&r.why),
            filled(&r.contribute),
            filled(&r.gain),
            filled(&r.partner_attributes),
            filled(&r.past_lessons),
        ])
    }

    /// The prospective partner, from this workbook's side: a mentee says what they want to
    /// learn and how they show readiness; a mentor what drives the mentee; each decides on fit.
    pub fn prospect_progress(&self) -> Progress {
        let p = &self.prospect;
        match self.role {
            Role::Mentee => count(&[
                filled(&p.learn_what_and_why),
                filled(&p.readiness),
                p.mentee_fit.verdict.is_some(),
            ]),
            Role::Mentor => count(&[
                filled(&p.mentee_motivations),
                p.mentor_fit.verdict.is_some(),
            ]),
        }
    }

    /// The agreement's ground rules, and the date both agreed.
    pub fn agreement_progress(&self) -> Progress {
        let a = &self.agreement;
        count(&[
            filled(&a.purpose),
            filled(&a.meetings),
            filled(&a.scheduling),
            a.check_in_every_days.is_some(),
            filled(&a.confidentiality),
            filled(&a.boundaries),
            filled(&a.mentee_hot_buttons) || filled(&a.mentor_hot_buttons),
            filled(&a.planned_length),
            filled(&a.closing_plan),
            a.agreed_on.is_some(),
        ])
    }

    /// The mentoring plan: at least one topic in each of the three areas.
    pub fn plan_progress(&self) -> Progress {
        let has =
            |area| (self.mentoring_plan.topics.iter()).any(|t| t.area == area && filled(&t.text));
        count(&[
            has(PlanArea::Career),
            has(PlanArea::Development),
            has(PlanArea::Workplace),
        ])
    }

    /// Brainstorming: the nine questions, and at least one candidate goal named.
    pub fn brainstorm_progress(&self) -> Progress {
        let b = &self.brainstorm;
        count(&[
            filled(&b.life),
            filled(&b.one_year),
            filled(&b.three_to_five_years),
            filled(&b.skills_enough),
            filled(&b.resources_and_skills),
            filled(&b.weaknesses_and_traits),
            filled(&b.sacrifices),
            filled(&b.why_and_philosophy),
            filled(&b.networking),
            b.candidates.iter().any(|c| filled(&c.text)),
        ])
    }

    /// Goals: at least one active, and each active goal passes the SMART check, has a
    /// milestone, and has an action plan with steps and a target date.
    pub fn goals_progress(&self) -> Progress {
        let active: Vec<_> = (self.goals.iter())
            .filter(|g| g.status == GoalStatus::Active)
            .collect();
        let all = |f: &dyn Fn(&Goal) -> bool| !active.is_empty() && active.iter().all(|g| f(g));
        count(&[
            !active.is_empty(),
            all(&|g| g.smart().iter().all(|ok| *ok)),
            all(&|g| !g.milestones.is_empty()),
            all(&|g| !g.plan.steps.is_empty() && g.plan.target_date.is_some()),
        ])
    }

    /// Closure: planned, the four checks, the reflection, and what comes next.
    pub fn closure_progress(&self) -> Progress {
        let c = &self.closure;
        count(&[
            c.planned_when.is_some() || filled(&c.planned_how),
            c.accomplishments_acknowledged.done,
            c.learning_evaluated.done,
            c.application_discussed.done,
            c.milestones_celebrated.done,
            filled(&c.learned),
            filled(&c.what_worked),
            filled(&c.apply_in_future),
            filled(&c.celebration),
            c.continue_together.is_some(),
            filled(&c.stay_in_touch),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fit, Topic};

    #[test]
    fn empty_workbook_has_nothing_done() {
        let wb = Workbook::default();
        for p in [
            wb.reflection_progress(),
            wb.prospect_progress(),
            wb.agreement_progress(),
            wb.plan_progress(),
            wb.brainstorm_progress(),
            wb.goals_progress(),
            wb.closure_progress(),
        ] {
            assert!(p.is_empty() && p.total > 0);
        }
    }

    #[test]
    fn prospect_progress_follows_the_role() {
        let mut wb = Workbook::default();
        wb.prospect.learn_what_and_why = "lead".into();
        wb.prospect.mentee_fit.verdict = Some(Fit::Good);
        assert_eq!(wb.prospect_progress(), Progress { done: 2, total: 3 });
        wb.role = Role::Mentor;
        assert_eq!(wb.prospect_progress(), Progress { done: 0, total: 2 });
        wb.prospect.mentor_fit.verdict = Some(Fit::NotYet);
        assert_eq!(wb.prospect_progress(), Progress { done: 1, total: 2 });
    }

    #[test]
    fn plan_needs_a_topic_in_each_area() {
        let mut wb = Workbook::default();
        for (area, text) in [
            (PlanArea::Career, "next level"),
            (PlanArea::Other, "x"),
            (PlanArea::Workplace, " "),
        ] {
            wb.mentoring_plan.topics.push(Topic {
                area,
                text: text.into(),
                ..Topic::default()
            });
        }
        assert_eq!(wb.plan_progress(), Progress { done: 1, total: 3 });
    }

    #[test]
    fn goals_count_only_active_goals() {
        let mut wb = Workbook::default();
        let g = wb.add_goal();
        assert_eq!(wb.goals_progress().done, 0, "a draft does not count");
        wb.goals[g].status = GoalStatus::Active;
        wb.goals[g].milestones.push(Default::default());
        assert_eq!(wb.goals_progress(), Progress { done: 2, total: 4 });
        wb.brainstorm.candidates.push(Default::default());
        assert_eq!(
            wb.brainstorm_progress().done,
            0,
            "an empty candidate is none"
        );
    }

    #[test]
    fn agreement_and_closure_count_their_parts() {
        let mut wb = Workbook::default();
        wb.agreement.mentor_hot_buttons = "lateness".into();
        wb.agreement.check_in_every_days = Some(30);
        assert_eq!(wb.agreement_progress().done, 2);
        wb.closure.learning_evaluated.done = true;
        wb.closure.continue_together = Some(false);
        assert_eq!(wb.closure_progress(), Progress { done: 2, total: 11 });
    }
}
