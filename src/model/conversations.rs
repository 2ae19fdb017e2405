//! Conversations (with their 4 Ps preparation), check-ins and the journal.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Id, Owner};

/// The kinds of mentoring conversation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationKind {
    Awareness,
    Exploration,
    Preparation,
    WithYourself,
    ProspectiveMentor,
    Accountability,
    #[default]
    Goal,
    Feedback,
    CheckIn,
    Closure,
}

/// Preparation before a meeting: purpose, preparation, participation, plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FourPs {
    pub purpose: String,
    pub preparation: String,
    /// Preparation: what the partner wants from this meeting, as far as I know.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub partner_wants: String,
    pub participation: String,
    /// Participation: questions for feedback on the work, and apart, on the relationship.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ask_work: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ask_relationship: String,
    /// Participation: the commitments kept (a set).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pledges: Vec<super::Pledge>,
    pub plan: String,
}

crate::parts! {
    /// The 4 Ps of preparing a conversation (with what each P asks apart).
    pub enum PrepPart in FourPs {
        Purpose => Text purpose,
        Preparation => Text preparation,
        PartnerWants => Text partner_wants,
        Participation => Text participation,
        AskWork => Text ask_work,
        AskRelationship => Text ask_relationship,
        Plan => Text plan,
    }
}

impl PrepPart {
    /// The four Ps themselves, without what they ask apart: what "prepared" means.
    pub const FOUR: [PrepPart; 4] = [
        PrepPart::Purpose,
        PrepPart::Preparation,
        PrepPart::Participation,
        PrepPart::Plan,
    ];
}

/// One item on a meeting's agenda.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaItem {
    /// Given when the item is added, so two machines' edits merge item by item. Items from
    /// files written before there were ids have 0, which is not written out.
    #[serde(skip_serializing_if = "super::is_zero")]
    pub id: Id,
    pub text: String,
    pub done: bool,
    /// The conversation it was carried over from, when it is an open item of an earlier
    /// one (saved only when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Id>,
}

/// Feedback given and received in a conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Feedback {
    pub given: String,
    pub received: String,
    /// Comments on the feedback itself.
    pub on_feedback: String,
    /// Checked that the feedback was understood and agreed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub understood: bool,
}

crate::parts! {
    /// Feedback in a conversation.
    pub enum FeedbackPart in Feedback {
        Given => Text given,
        Received => Text received,
        OnFeedback => Text on_feedback,
    }
}

/// Something a partner agreed to do; may become an action step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commitment {
    /// Given when the commitment is added (0 in older files, and not written out).
    #[serde(skip_serializing_if = "super::is_zero")]
    pub id: Id,
    pub text: String,
    pub owner: Owner,
    pub due: Option<NaiveDate>,
    /// The action step this commitment became.
    pub step: Option<Id>,
    /// Someone else carries it: one of the workbook's people (saved only when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub who: Option<Id>,
    /// Done: ticked with `x` (not written out while false, so older files read the same).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

impl Commitment {
    /// Still to be done and tracked here: written, not ticked, not handed to the plan as a
    /// step (a step is tracked in the plan).
    pub fn is_open(&self) -> bool {
        !self.done && self.step.is_none() && !self.text.trim().is_empty()
    }

    /// Open and due before `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|d| d < today)
    }
}

/// One mentoring conversation: before, during and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conversation {
    pub id: Id,
    /// Local time with its offset, so it shows the wall time the user saw.
    #[serde(deserialize_with = "super::stamp::strict")]
    pub at: DateTime<FixedOffset>,
    pub kind: ConversationKind,
    pub prep: FourPs,
    pub agenda: Vec<AgendaItem>,
    pub notes: String,
    pub feedback: Feedback,
    pub commitments: Vec<Commitment>,
    pub next_meeting: Option<super::Meeting>,
    pub next_goal: String,
    /// How long it lasted, in minutes; `None`: the agreement's length ("How long we meet").
    /// Saved only when set, so files without one read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// Kept to the one who wrote it: hidden in call mode, left out of exports and of what
    /// the next agenda carries over. Saved only when set, so files without a private
    /// conversation read as before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// What an awareness, exploration or preparation conversation records (by its kind).
    #[serde(skip_serializing_if = "super::ArcNotes::is_empty")]
    pub arc: super::ArcNotes,
    /// Who else took part: the workbook's people (saved only when someone did).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<Id>,
}

crate::parts! {
    /// A conversation's own values (its 4 Ps, feedback and lists are addressed apart).
    pub enum ConversationPart in Conversation {
        At => Stamp at,
        Length => Minutes minutes,
        Notes => Text notes,
        NextMeeting => Meeting next_meeting,
        NextGoal => Text next_goal,
    }
}

impl Default for Conversation {
    fn default() -> Self {
        Conversation {
            id: 0,
            at: DateTime::UNIX_EPOCH.fixed_offset(),
            kind: ConversationKind::default(),
            prep: FourPs::default(),
            agenda: Vec::new(),
            notes: String::new(),
            feedback: Feedback::default(),
            commitments: Vec::new(),
            next_meeting: None,
            next_goal: String::new(),
            minutes: None,
            private: false,
            arc: super::ArcNotes::default(),
            with: Vec::new(),
        }
    }
}

/// A regular check-in on how the partnership is working.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    pub id: Id,
    pub date: Option<NaiveDate>,
    pub process_working: String,
    pub progress: String,
    pub relationship: String,
    pub adjustments: String,
}

impl CheckIn {
    /// Whether anything was written in it: a record made ahead (`R`) and left empty is not
    /// a check-in held.
    pub fn held(&self) -> bool {
        [
            &self.process_working,
            &self.progress,
            &self.relationship,
            &self.adjustments,
        ]
        .iter()
        .any(|t| !t.trim().is_empty())
    }
}

impl Conversation {
    /// Whether anything of the meeting itself is recorded: notes, an agenda item ticked,
    /// feedback or a commitment. A conversation only prepared has not taken place.
    pub fn held(&self) -> bool {
        !self.notes.trim().is_empty()
            || self.agenda.iter().any(|a| a.done)
            || !self.commitments.is_empty()
            || !self.feedback.given.trim().is_empty()
            || !self.feedback.received.trim().is_empty()
    }
}

crate::parts! {
    /// A check-in record.
    pub enum CheckInPart in CheckIn {
        Date => Date date,
        ProcessWorking => Text process_working,
        Progress => Text progress,
        Relationship => Text relationship,
        Adjustments => Text adjustments,
    }
}

/// One journal entry. Private unless the user says otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JournalEntry {
    pub id: Id,
    #[serde(deserialize_with = "super::stamp::strict")]
    pub at: DateTime<FixedOffset>,
    pub text: String,
    pub tags: Vec<String>,
    pub goal: Option<Id>,
    pub conversation: Option<Id>,
    pub private: bool,
}

impl Default for JournalEntry {
    fn default() -> Self {
        JournalEntry {
            id: 0,
            at: DateTime::UNIX_EPOCH.fixed_offset(),
            text: String::new(),
            tags: Vec::new(),
            goal: None,
            conversation: None,
            private: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_entries_are_private_by_default_even_when_the_field_is_missing() {
        let e: JournalEntry =
            serde_json::from_str(r#"{"id":3,"at":"2026-11-20T08:30:00+01:00","text":"x"}"#)
                .unwrap();
        assert!(e.private);
        assert_eq!(e.at.offset().local_minus_utc(), 3600);
    }
}

impl ConversationKind {
    /// "An awareness conversation", "A conversation with yourself": its name in a sentence.
    pub fn title(self) -> String {
        match self {
            ConversationKind::WithYourself => "A conversation with yourself".into(),
            kind => {
                let name = kind.name();
                let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "An"
                } else {
                    "A"
                };
                format!("{article} {name} conversation")
            }
        }
    }

    /// Every kind: the three of a direction's arc, then the seven of a relationship.
    pub const ALL: [ConversationKind; 10] = [
        ConversationKind::Awareness,
        ConversationKind::Exploration,
        ConversationKind::Preparation,
        ConversationKind::WithYourself,
        ConversationKind::ProspectiveMentor,
        ConversationKind::Accountability,
        ConversationKind::Goal,
        ConversationKind::Feedback,
        ConversationKind::CheckIn,
        ConversationKind::Closure,
    ];

    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            ConversationKind::Awareness => "awareness",
            ConversationKind::Exploration => "exploration",
            ConversationKind::Preparation => "preparation",
            ConversationKind::WithYourself => "with yourself",
            ConversationKind::ProspectiveMentor => "prospective mentor",
            ConversationKind::Accountability => "accountability",
            ConversationKind::Goal => "goal",
            ConversationKind::Feedback => "feedback",
            ConversationKind::CheckIn => "check-in",
            ConversationKind::Closure => "closure",
        }
    }
}

/// Words that usually judge a person rather than describe what they did. A hint, never a
/// rule: "you are late" is fine, "you are lazy" is not, and a list cannot tell them apart
/// perfectly.
const JUDGING: [&str; 14] = [
    "lazy",
    "rude",
    "arrogant",
    "careless",
    "selfish",
    "incompetent",
    "stupid",
    "annoying",
    "useless",
    "hopeless",
    "difficult person",
    "bad attitude",
    "not a people person",
    "too emotional",
];

/// Whether feedback reads as a verdict on someone's personality instead of a description of
/// behaviour.
pub fn judges_the_person(text: &str) -> bool {
    let t = text.to_lowercase();
    JUDGING.iter().any(|w| {
        t.match_indices(w).any(|(i, _)| {
            let before = t[..i].chars().next_back();
            let after = t[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod judging_tests {
    use super::judges_the_person;

    #[test]
    fn judging_words_are_found_as_words() {
        assert!(judges_the_person(
            "Honestly, you were lazy about the review."
        ));
        assert!(judges_the_person("He is RUDE"));
        assert!(!judges_the_person(
            "You sent the summary two days after the review; people had moved on."
        ));
        assert!(!judges_the_person("Carelessly"), "part of a longer word");
    }
}
