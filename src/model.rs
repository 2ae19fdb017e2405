//! The workbook: every piece of text a mentoring partnership writes down, with its rules.
//!
//! Serde only, no UI types. Every struct is `#[serde(default)]` so a file written by an older
//! version (with fewer fields) keeps loading; field order is declaration order, so the JSON
//! diffs well in git.

mod arc;
mod check;
mod conflict;
mod conversations;
mod cultivation;
mod cycle;
mod dates;
mod fold;
mod frameworks;
mod goals;
mod ids;
mod journal;
mod meeting;
mod partner;
mod parts;
mod people;
mod planning;
mod relationship;
mod search;
pub mod stamp;
mod templates;
mod vision;
mod wins;

use serde::{Deserialize, Serialize};

pub use arc::{ArcNotes, ArcPart, Career, CareerPart, CareerState, Change, Sign};
pub use conflict::{Conflict, Side};
pub use conversations::{
    AgendaItem, CheckIn, CheckInPart, Commitment, Conversation, ConversationKind, ConversationPart,
    Feedback, FeedbackPart, FourPs, JournalEntry, PrepPart, judges_the_person,
};
pub use cultivation::{LOOK_AHEAD_DAYS, STALE_GOAL_DAYS};
pub use cycle::{after, after_or_none, toggle_in};
pub use dates::{describe_days, describe_minutes, parse_date, parse_days, parse_minutes, quoted};
pub use fold::{fold, plain, plain_mapped, same as same_folded};
pub use frameworks::{CoreSkill, Pledge, Shown, Support};
pub use goals::{
    ActionPlan, ActionStep, BrainPart, Brainstorm, Candidate, Goal, GoalPart, GoalStatus, Helper,
    Horizon, Measure, MeasureKind, Milestone, Owner, Resource, StepStatus,
};
pub use ids::IdUse;
pub use journal::{Journal, Month, MonthSummary, head_of};
pub use meeting::Meeting;
pub use partner::{PartnerNote, PartnerView};
pub use parts::{Slot, SlotMut};
pub use people::{Person, PersonRole};
pub use planning::{Letter, MAX_ACTIVE, SMART, move_item};
pub use relationship::{
    Agreement, AgreementPart, Closure, ClosureCheck, ClosurePart, Fit, FitDecision, MentoringPlan,
    NeedSource, PlanArea, Prospect, ProspectPart, ReflectPart, SelfReflection, Topic,
};
pub use search::{JournalFilter, Match, Term};
pub use templates::{Template, name_from as template_name, shipped as shipped_templates};
pub use vision::{Vision, VisionPart, reads_as_future};
pub use wins::{Win, WinKind};

/// Stable identifier of a list item (goal, step, conversation, entry…), unique in one workbook.
/// Links between items use ids, never positions, so reordering never breaks them.
pub type Id = u64;

/// For `skip_serializing_if`: an id that was never given.
fn is_zero(id: &Id) -> bool {
    *id == 0
}

/// Whose workbook this is: prompts that differ by role follow it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Mentee,
    Mentor,
}

/// Where the relationship stands. Kram's four phases, plus the time before it starts.
/// Phases overlap in practice, so this is a lens the partners set, never a gate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Preparing,
    Initiation,
    Cultivation,
    Separation,
    Redefinition,
}

impl Phase {
    /// Every phase in lifecycle order.
    pub const ALL: [Phase; 5] = [
        Phase::Preparing,
        Phase::Initiation,
        Phase::Cultivation,
        Phase::Separation,
        Phase::Redefinition,
    ];

    /// Short name shown on the overview.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Preparing => "Getting ready",
            Phase::Initiation => "Initiation",
            Phase::Cultivation => "Cultivation",
            Phase::Separation => "Separation",
            Phase::Redefinition => "Redefinition",
        }
    }

    /// One line on what the partners are doing in this phase.
    pub fn about(self) -> &'static str {
        match self {
            Phase::Preparing => "reflecting on what you want, finding a partner",
            Phase::Initiation => "getting acquainted, agreeing roles and ground rules",
            Phase::Cultivation => "working on goals together, meeting after meeting",
            Phase::Separation => "closing well, now that goals are met or needs have changed",
            Phase::Redefinition => "deciding what the relationship becomes next",
        }
    }

    /// The next phase, wrapping around (the overview cycles with one key).
    pub fn next(self) -> Phase {
        cycle::after(&Phase::ALL, self)
    }
}

/// The whole mentoring partnership, as saved in the `data` part of the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workbook {
    /// Made once at random and kept: the calendar's UIDs are built on it, so renaming a
    /// partner or the workbook changes none. Empty in a workbook not saved since it came in.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The workbook's own name, shown in the title bar.
    pub title: String,
    pub role: Role,
    pub mentee: String,
    /// The primary mentor.
    pub mentor: String,
    /// Everyone else in the relationship: co-mentors, a committee, a coordinator, a
    /// co-mentee, a sponsor (saved only when there is one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    pub phase: Phase,
    /// The next id to hand out; only ever grows.
    pub next_id: Id,
    pub self_reflection: SelfReflection,
    pub prospect: Prospect,
    pub agreement: Agreement,
    pub vision: Vision,
    pub brainstorm: Brainstorm,
    /// Every goal, active or not, in the user's order.
    pub goals: Vec<Goal>,
    pub mentoring_plan: MentoringPlan,
    /// Conversations, in the order they were created.
    pub conversations: Vec<Conversation>,
    pub check_ins: Vec<CheckIn>,
    /// What the mentee achieved along the way (saved only when there is one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wins: Vec<Win>,
    /// Every journal entry (see [`Journal`]). Left out when empty: the part of a workbook
    /// saved apart from its journal has none.
    #[serde(skip_serializing_if = "Journal::is_empty")]
    pub journal: Journal,
    pub closure: Closure,
    /// The person's own entry templates (the shipped ones are not stored). Left out when
    /// there are none, so a workbook without them reads in older versions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Template>,
    /// What a merge with another copy left for the person to choose (see `merge`). Left
    /// out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// My notes on my partner's items (from the partner view); they go in my share packet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes_for_partner: Vec<PartnerNote>,
    /// My partner's notes on my items, as their last packet brought them (read-only here).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes_from_partner: Vec<PartnerNote>,
    /// In a mentor's workbook, the mentor's own notes (the prospect page, each
    /// conversation's 4 Ps, the mentor's view on goals) are private unless this is set.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mentor_notes_shared: bool,
}

crate::parts! {
    /// The workbook's own names.
    pub enum WorkbookPart in Workbook {
        Title => Text title,
        Mentee => Text mentee,
        Mentor => Text mentor,
    }
}

/// How far along one exercise is, for the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Counts the parts that are done.
    pub fn count(parts: impl IntoIterator<Item = bool>) -> Progress {
        let mut p = Progress { done: 0, total: 0 };
        for done in parts {
            p.total += 1;
            p.done += usize::from(done);
        }
        p
    }

    /// Nothing filled in yet.
    pub fn is_empty(self) -> bool {
        self.done == 0
    }
    /// Every part filled in.
    pub fn is_complete(self) -> bool {
        self.total > 0 && self.done >= self.total
    }
}

impl Workbook {
    /// The goals marked achieved, for the closure summary.
    pub fn achieved_goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals
            .iter()
            .filter(|g| g.status == GoalStatus::Achieved)
    }

    /// Journal entry `i`, to change (copied first if a save still holds it).
    pub fn entry_mut(&mut self, i: usize) -> Option<&mut JournalEntry> {
        self.journal.get_mut(i)
    }

    /// A new id, never used before in this workbook.
    pub fn fresh_id(&mut self) -> Id {
        self.next_id += 1;
        self.next_id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_are_unique_and_increasing() {
        let mut wb = Workbook::default();
        let a = wb.fresh_id();
        let b = wb.fresh_id();
        assert!(b > a);
    }

    #[test]
    fn phase_cycles_through_all_and_wraps() {
        let mut p = Phase::Preparing;
        for _ in 0..Phase::ALL.len() {
            p = p.next();
        }
        assert_eq!(p, Phase::Preparing);
        assert_eq!(Phase::Cultivation.next(), Phase::Separation);
    }

    #[test]
    fn missing_fields_load_as_defaults() {
        let wb: Workbook = serde_json::from_str(r#"{"mentee":"Ana"}"#).unwrap();
        assert_eq!(wb.mentee, "Ana");
        assert_eq!(wb.phase, Phase::Preparing);
        assert!(wb.goals.is_empty());
    }

    #[test]
    fn progress_flags() {
        assert!(Progress { done: 0, total: 4 }.is_empty());
        assert!(Progress { done: 4, total: 4 }.is_complete());
        assert!(!Progress { done: 3, total: 4 }.is_complete());
    }
}
