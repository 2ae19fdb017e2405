//! Brainstorming, SMART goals and the Mentoring Action Plan worksheet (one per goal).
//! The shapes and their names; the rules are in `planning.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

/// The brainstorming exercise: nine questions, then candidate goals drawn from the answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Brainstorm {
    pub life: String,
    pub one_year: String,
    pub three_to_five_years: String,
    pub skills_enough: String,
    pub resources_and_skills: String,
    pub weaknesses_and_traits: String,
    pub sacrifices: String,
    pub why_and_philosophy: String,
    pub networking: String,
    pub candidates: Vec<Candidate>,
}

crate::parts! {
    /// The brainstorming questions, in the order the exercise asks them.
    pub enum BrainPart in Brainstorm {
        Life => Text life,
        OneYear => Text one_year,
        ThreeToFiveYears => Text three_to_five_years,
        SkillsEnough => Text skills_enough,
        ResourcesAndSkills => Text resources_and_skills,
        WeaknessesAndTraits => Text weaknesses_and_traits,
        Sacrifices => Text sacrifices,
        WhyAndPhilosophy => Text why_and_philosophy,
        Networking => Text networking,
    }
}

/// A development area named while brainstorming; may be promoted to a goal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Candidate {
    pub id: Id,
    pub text: String,
    /// 1 is the highest priority; 0 means not yet prioritised.
    pub priority: u8,
    /// The goal this candidate became, if promoted.
    pub goal: Option<Id>,
}

/// Where a goal stands. At most three goals are `Active` at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Draft,
    Active,
    Paused,
    Achieved,
    Dropped,
}

/// How far ahead a deadline looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    Daily,
    #[default]
    ShortTerm,
    LongTerm,
}

/// A measure either tracks a gain in performance (preferred) or an outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    #[default]
    Performance,
    Outcome,
}

/// One way of telling that the goal is progressing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Measure {
    pub text: String,
    pub kind: MeasureKind,
}

/// A dated checkpoint on the way to a goal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Milestone {
    /// Given when the milestone is added, for its calendar event. Milestones from files
    /// written before there were ids have 0, which is not written out: such a file saves
    /// back exactly as it was.
    #[serde(skip_serializing_if = "super::is_zero")]
    pub id: Id,
    pub text: String,
    pub date: Option<NaiveDate>,
    pub done: bool,
}

/// A SMART goal with its action plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub id: Id,
    pub title: String,
    pub specific: String,
    pub measures: Vec<Measure>,
    pub attainable: String,
    pub relevant: String,
    pub deadline: Option<NaiveDate>,
    /// The target as the person put it ("spring 2027", "before the annual review"): kept
    /// beside the date, which the calendar and the checks use (saved only when written).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deadline_words: String,
    pub horizon: Horizon,
    /// 1 is the highest priority; 0 means not yet prioritised.
    pub priority: u8,
    pub status: GoalStatus,
    pub milestones: Vec<Milestone>,
    /// The mentor's view of how far the goal stretches.
    pub mentor_comment: String,
    /// The brainstorm candidate this goal came from.
    pub candidate: Option<Id>,
    /// The development needs (mentoring-plan topics) it serves (saved only when set).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Id>,
    /// The kinds of support it asks of the mentor (a set; saved only when set).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<super::Support>,
    /// The COREFour skills it exercises (a set; saved only when set).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<super::CoreSkill>,
    pub plan: ActionPlan,
}

crate::parts! {
    /// A goal's own texts and dates, and its action-plan worksheet's.
    pub enum GoalPart in Goal {
        Title => Text title,
        Specific => Text specific,
        Attainable => Text attainable,
        Relevant => Text relevant,
        Deadline => Date deadline,
        TargetWords => Text deadline_words,
        MentorComment => Text mentor_comment,
        Skills => Text plan.skills,
        Outcome => Text plan.outcome,
        TargetDate => Date plan.target_date,
        ReviewedOn => Date plan.reviewed_on,
        Roadblocks => Text plan.roadblocks,
        RoadblocksMet => Text plan.roadblocks_met,
    }
}

/// Who carries a step: the plan is joint work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    #[default]
    Mentee,
    Mentor,
    Both,
}

/// Progress of one action step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    #[default]
    Todo,
    Doing,
    Done,
}

/// One step of an action plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionStep {
    pub id: Id,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub status: StepStatus,
    pub owner: Owner,
    /// Steps that must be done before this one.
    pub depends_on: Vec<Id>,
    /// The kind of support it asks of the mentor (saved only when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support: Option<super::Support>,
    /// Someone else carries it: one of the workbook's people (saved only when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub who: Option<Id>,
}

/// Who can help obtain a resource.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Helper {
    #[default]
    Nobody,
    Mentor,
    Organisation,
    Other,
}

/// Something the goal needs: a tool, a course, a person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resource {
    pub text: String,
    pub helper: Helper,
    /// The person who helps obtain it, one of the workbook's people (saved only when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub who: Option<Id>,
}

/// The Mentoring Action Plan worksheet of one goal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    pub skills: String,
    /// How you will know the goal is met.
    pub outcome: String,
    pub steps: Vec<ActionStep>,
    pub resources: Vec<Resource>,
    pub target_date: Option<NaiveDate>,
    /// When the plan was last gone through with the mentor.
    pub reviewed_on: Option<NaiveDate>,
    /// Pitfalls ahead and how to avoid them.
    pub roadblocks: String,
    /// A log of the roadblocks actually met, and what changed because of them (saved only
    /// when written).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub roadblocks_met: String,
}

impl GoalStatus {
    /// Every status, in the order a goal usually passes through them.
    pub const ALL: [GoalStatus; 5] = [
        GoalStatus::Draft,
        GoalStatus::Active,
        GoalStatus::Paused,
        GoalStatus::Achieved,
        GoalStatus::Dropped,
    ];

    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            GoalStatus::Draft => "draft",
            GoalStatus::Active => "active",
            GoalStatus::Paused => "paused",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Dropped => "dropped",
        }
    }
}

impl Horizon {
    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            Horizon::Daily => "daily",
            Horizon::ShortTerm => "short-term",
            Horizon::LongTerm => "long-term",
        }
    }
}

impl MeasureKind {
    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            MeasureKind::Performance => "performance gain",
            MeasureKind::Outcome => "outcome",
        }
    }
}

impl Owner {
    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            Owner::Mentee => "mentee",
            Owner::Mentor => "mentor",
            Owner::Both => "both",
        }
    }
}

impl StepStatus {
    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            StepStatus::Todo => "to do",
            StepStatus::Doing => "doing",
            StepStatus::Done => "done",
        }
    }
}

impl Helper {
    /// Who helps, in words.
    pub fn name(self) -> &'static str {
        match self {
            Helper::Nobody => "on my own",
            Helper::Mentor => "mentor helps",
            Helper::Organisation => "organisation helps",
            Helper::Other => "someone else helps",
        }
    }
}
