//! The frameworks the sources build on, as things a person ticks or tags: the commitments of
//! taking part in a conversation, the signs a prospective mentee shows, and Kram's kinds of
//! support a mentor gives (career in the short and long term, psychosocial).

use serde::{Deserialize, Serialize};

/// What each person commits to while taking part in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pledge {
    Listen,
    Present,
    Encourage,
    Thank,
}

impl Pledge {
    pub const ALL: [Pledge; 4] = [
        Pledge::Listen,
        Pledge::Present,
        Pledge::Encourage,
        Pledge::Thank,
    ];

    /// Short, for the label column.
    pub fn name(self) -> &'static str {
        match self {
            Pledge::Listen => "Listen actively",
            Pledge::Present => "Stay present",
            Pledge::Encourage => "Encourage",
            Pledge::Thank => "Say thank you",
        }
    }
}

/// What a prospective mentee shows a possible mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    Enthusiasm,
    Commitment,
    Readiness,
}

impl Shown {
    pub const ALL: [Shown; 3] = [Shown::Enthusiasm, Shown::Commitment, Shown::Readiness];

    /// Short, for the label column.
    pub fn name(self) -> &'static str {
        match self {
            Shown::Enthusiasm => "Enthusiasm",
            Shown::Commitment => "Commitment",
            Shown::Readiness => "Readiness",
        }
    }

    /// What showing it means.
    pub fn about(self) -> &'static str {
        match self {
            Shown::Enthusiasm => "I spoke about my work with real energy",
            Shown::Commitment => "I showed I invest in my own growth",
            Shown::Readiness => "I gave proof I learn and follow through",
        }
    }
}

/// Kram's kinds of support a mentor gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    /// Career, short term: settling into a role or an organisation.
    CareerNow,
    /// Career, long term: the path over years.
    CareerLater,
    /// Psychosocial: identity, values, interests and strengths.
    Psychosocial,
}

impl Support {
    pub const ALL: [Support; 3] = [
        Support::CareerNow,
        Support::CareerLater,
        Support::Psychosocial,
    ];

    /// Short, for labels and step rows.
    pub fn name(self) -> &'static str {
        match self {
            Support::CareerNow => "career, short term",
            Support::CareerLater => "career, long term",
            Support::Psychosocial => "psychosocial",
        }
    }

    /// What it covers.
    pub fn about(self) -> &'static str {
        match self {
            Support::CareerNow => "settling into a role or organisation",
            Support::CareerLater => "the career path over years",
            Support::Psychosocial => "identity, values, strengths",
        }
    }

    /// The next kind for a step, round to none.
    pub fn next(kind: Option<Support>) -> Option<Support> {
        super::cycle::after_or_none(&Support::ALL, kind)
    }
}

/// The four COREFour skills (Stoeger, Balestrini & Ziegler, 2020), for both partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoreSkill {
    Learning,
    Relationships,
    Feedback,
    Reflection,
}

impl CoreSkill {
    pub const ALL: [CoreSkill; 4] = [
        CoreSkill::Learning,
        CoreSkill::Relationships,
        CoreSkill::Feedback,
        CoreSkill::Reflection,
    ];

    /// Short, for the label column.
    pub fn name(self) -> &'static str {
        match self {
            CoreSkill::Learning => "Own learning",
            CoreSkill::Relationships => "Relationships",
            CoreSkill::Feedback => "Feedback",
            CoreSkill::Reflection => "Reflection",
        }
    }

    /// What the skill is.
    pub fn about(self) -> &'static str {
        match self {
            CoreSkill::Learning => "pursue your own learning goals by doing",
            CoreSkill::Relationships => "build and keep working relationships",
            CoreSkill::Feedback => "ask for and give objective feedback",
            CoreSkill::Reflection => "reflect on the moments you learn from",
        }
    }
}

impl super::Workbook {
    /// How many goals and steps are tagged with each kind of support, in `Support::ALL`'s
    /// order: which support the relationship gives.
    pub fn support_given(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for g in &self.goals {
            for (k, s) in Support::ALL.iter().enumerate() {
                counts[k] += usize::from(g.support.contains(s));
                counts[k] += (g.plan.steps.iter())
                    .filter(|x| x.support == Some(*s))
                    .count();
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_is_counted_over_goals_and_steps() {
        let mut wb = super::super::Workbook::default();
        wb.add_goal();
        wb.goals[0].support = vec![Support::Psychosocial, Support::CareerNow];
        wb.goals[0].plan.steps.push(super::super::ActionStep {
            support: Some(Support::Psychosocial),
            ..Default::default()
        });
        assert_eq!(wb.support_given(), [1, 0, 2]);
    }
}
