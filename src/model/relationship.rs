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

crate::parts! {
    /// The questions of the conversation with yourself.
    pub enum ReflectPart in SelfReflection {
        Why => Text why,
        Contribute => Text contribute,
        Gain => Text gain,
        PartnerAttributes => Text partner_attributes,
        PastLessons => Text past_lessons,
    }
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
    /// Mentee: what was shown to the prospective mentor (a set).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shown: Vec<super::Shown>,
    pub mentee_fit: FitDecision,
    pub mentor_fit: FitDecision,
}

crate::parts! {
    /// What is written about a prospective partner.
    pub enum ProspectPart in Prospect {
        LearnWhatAndWhy => Text learn_what_and_why,
        Readiness => Text readiness,
        MenteeMotivations => Text mentee_motivations,
        MenteeFitNote => Text mentee_fit.note,
        MentorFitNote => Text mentor_fit.note,
    }
}

/// The partnership agreement and its ground rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agreement {
    pub purpose: String,
    /// When, where and how often to meet.
    pub meetings: String,
    /// How long a meeting lasts, as typed ("45 minutes", "1h"): the calendar's length.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub meeting_length: String,
    /// Where a meeting takes place: a room, an address or a call link (the calendar's).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub meeting_place: String,
    pub scheduling: String,
    pub confidentiality: String,
    pub boundaries: String,
    pub mentee_hot_buttons: String,
    pub mentor_hot_buttons: String,
    /// Days between check-ins; `None` until agreed.
    pub check_in_every_days: Option<u32>,
    pub planned_length: String,
    pub closing_plan: String,
    /// A programme's frame, when the partnership is part of one (all saved only when set):
    /// its name, its fixed end and re-evaluation dates, what it makes mandatory, the time
    /// each partner commits, how either may leave without blame.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub programme: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub programme_ends: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reevaluate_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mandatory: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub time_commitment: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub no_fault_exit: String,
    pub agreed_on: Option<NaiveDate>,
    /// Who signed it (with `agreed_on`, when).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub signed_by: String,
    pub reviewed_on: Option<NaiveDate>,
}

crate::parts! {
    /// The agreement's ground rules.
    pub enum AgreementPart in Agreement {
        Purpose => Text purpose,
        Meetings => Text meetings,
        MeetingLength => Text meeting_length,
        MeetingPlace => Text meeting_place,
        Scheduling => Text scheduling,
        CheckInEvery => Days check_in_every_days,
        Confidentiality => Text confidentiality,
        Boundaries => Text boundaries,
        MenteeHotButtons => Text mentee_hot_buttons,
        MentorHotButtons => Text mentor_hot_buttons,
        PlannedLength => Text planned_length,
        ClosingPlan => Text closing_plan,
        Programme => Text programme,
        ProgrammeEnds => Date programme_ends,
        ReevaluateOn => Date reevaluate_on,
        Mandatory => Text mandatory,
        TimeCommitment => Text time_commitment,
        NoFaultExit => Text no_fault_exit,
        AgreedOn => Date agreed_on,
        SignedBy => Text signed_by,
        ReviewedOn => Date reviewed_on,
    }
}

/// The three areas of the mentoring plan, plus the user's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// A development need's gap analysis (saved only when set): where the gap showed, the
    /// evidence, and how the mentor can help close it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<NeedSource>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mentor_help: String,
}

/// Where a development need showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedSource {
    /// The latest performance review or another assessment.
    Review,
    /// The job description of a role wanted in three to five years.
    JobDescription,
    /// Feedback from someone.
    Feedback,
    Other,
}

impl NeedSource {
    pub const ALL: [NeedSource; 4] = [
        NeedSource::Review,
        NeedSource::JobDescription,
        NeedSource::Feedback,
        NeedSource::Other,
    ];

    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            NeedSource::Review => "a review or assessment",
            NeedSource::JobDescription => "a job description I aim for",
            NeedSource::Feedback => "feedback",
            NeedSource::Other => "something else",
        }
    }

    /// The next source, round to none.
    pub fn next(source: Option<NeedSource>) -> Option<NeedSource> {
        super::cycle::after_or_none(&NeedSource::ALL, source)
    }
}

/// The mentoring plan: topics under career, development needs and the workplace now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MentoringPlan {
    pub topics: Vec<Topic>,
    /// The career context the topics work towards (saved only when set).
    #[serde(skip_serializing_if = "super::Career::is_empty")]
    pub career: super::Career,
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
    /// Paying it forward as a plan: whom, where, when to start (saved only when written).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pay_it_forward: String,
}

crate::parts! {
    /// What is written when closing: the plan, a note per closing check, looking back and on.
    pub enum ClosurePart in Closure {
        PlannedWhen => Date planned_when,
        PlannedHow => Text planned_how,
        AcknowledgedNotes => Text accomplishments_acknowledged.notes,
        EvaluatedNotes => Text learning_evaluated.notes,
        ApplicationNotes => Text application_discussed.notes,
        CelebratedNotes => Text milestones_celebrated.notes,
        Learned => Text learned,
        WhatWorked => Text what_worked,
        ApplyInFuture => Text apply_in_future,
        Celebration => Text celebration,
        WhatStays => Text what_stays,
        WhatChanges => Text what_changes,
        StayInTouch => Text stay_in_touch,
        PayItForward => Text pay_it_forward,
    }
}
