//! The exercises that open and close the relationship: the conversation with yourself, the
//! prospective partner, the partnership agreement, the mentoring plan, closure.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

/// The conversation with yourself, before looking for a partner. Private.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SelfReflection {
    pub why: String,
    pub contribute: String,
    pub gain: String,
    pub partner_attributes: String,
    pub past_lessons: String,
}

/// A partner's verdict on whether the pairing suits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    Good,
    NotYet,
    NotAFit,
}

/// One partner's fit decision with a note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FitDecision {
    pub verdict: Option<Fit>,
    pub note: String,
}

/// Getting to know a prospective partner.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prospect {
    /// Mentee: what exactly you want to learn, and why.
    pub learn_what_and_why: String,
    /// Mentee: how you show enthusiasm, commitment and readiness.
    pub readiness: String,
    /// Mentor: the mentee's motivations and goals as you understand them.
    pub mentee_motivations: String,
    pub mentee_fit: FitDecision,
    pub mentor_fit: FitDecision,
}

/// The partnership agreement and its ground rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agreement {
    pub purpose: String,
    /// When, where and how often to meet.
    pub meetings: String,
    pub scheduling: String,
    pub confidentiality: String,
    pub boundaries: String,
    pub mentee_hot_buttons: String,
    pub mentor_hot_buttons: String,
    /// Days between check-ins; `None` until agreed.
    pub check_in_every_days: Option<u32>,
    pub planned_length: String,
    pub closing_plan: String,
    pub agreed_on: Option<NaiveDate>,
    pub reviewed_on: Option<NaiveDate>,
}

/// The three areas of the mentoring plan, plus the user's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanArea {
    #[default]
    Career,
    Development,
    Workplace,
    Other,
}

/// A topic to bring to the mentor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Topic {
    pub id: Id,
    pub area: PlanArea,
    pub text: String,
    pub notes: String,
    pub private: bool,
    pub discussed: bool,
}

/// The mentoring plan: topics under career, development needs and the workplace now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MentoringPlan {
    pub topics: Vec<Topic>,
}

/// One of the four closure checks: a tick and a note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClosureCheck {
    pub done: bool,
    pub notes: String,
}

/// Closing the relationship well, and what it becomes afterwards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Closure {
    pub planned_when: Option<NaiveDate>,
    pub planned_how: String,
    pub accomplishments_acknowledged: ClosureCheck,
    pub learning_evaluated: ClosureCheck,
    pub application_discussed: ClosureCheck,
    pub milestones_celebrated: ClosureCheck,
    pub learned: String,
    pub what_worked: String,
    pub apply_in_future: String,
    pub celebration: String,
    pub continue_together: Option<bool>,
    pub what_stays: String,
    pub what_changes: String,
    pub stay_in_touch: String,
    pub mentee_will_mentor: Option<bool>,
}
