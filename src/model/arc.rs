//! The arc of a direction: awareness, then exploration, then preparation. What each of those
//! conversations records, the order they are meant to come in, and the career context a
//! direction answers (seed 000, and the career part of the mentoring plan).

use serde::{Deserialize, Serialize};

use super::{Conversation, ConversationKind, Workbook};

/// A sign that a preparation conversation is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    WeighOptions,
    SecureCommitment,
    EstimateEffort,
    RehearseSkills,
}

impl Sign {
    /// Every sign, in the order the page lists them.
    pub const ALL: [Sign; 4] = [
        Sign::WeighOptions,
        Sign::SecureCommitment,
        Sign::EstimateEffort,
        Sign::RehearseSkills,
    ];

    /// A short name, for the label column.
    pub fn name(self) -> &'static str {
        match self {
            Sign::WeighOptions => "Weigh the options",
            Sign::SecureCommitment => "Commit to next steps",
            Sign::EstimateEffort => "Size the effort",
            Sign::RehearseSkills => "Rehearse a skill",
        }
    }

    /// The sign in words, as the mentee would say it.
    pub fn label(self) -> &'static str {
        match self {
            Sign::WeighOptions => "I want to compare ways of reaching a goal",
            Sign::SecureCommitment => "I want us both committed to the next steps",
            Sign::EstimateEffort => "I want to size the time and effort a goal takes",
            Sign::RehearseSkills => "I want to practise skills (a CV, an interview) first",
        }
    }
}

/// What a conversation of the arc records beside its 4 Ps and notes: which fields show
/// depends on its kind. Saved only when something is in it, so older files read the same.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArcNotes {
    /// Awareness: what the partners found they share.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub common_ground: String,
    /// Exploration: the options on the table, how they were weighed, and the decision.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub options: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub weighing: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub direction: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub direction_why: String,
    /// Preparation: doubts about confidence, the support asked for, how ready it feels.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub confidence: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub support: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub readiness: String,
    /// Preparation: the signs that made it due (a set).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signs: Vec<Sign>,
    /// Preparation: the course of action is committed to, not only intended.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub committed: bool,
    /// Held before the conversation the arc puts first, on purpose (it was asked).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub out_of_order: bool,
}

impl ArcNotes {
    /// Nothing written or ticked: left out of the file.
    pub fn is_empty(&self) -> bool {
        *self == ArcNotes::default()
    }
}

crate::parts! {
    /// What a conversation of the arc records, by kind.
    pub enum ArcPart in ArcNotes {
        CommonGround => Text common_ground,
        Options => Text options,
        Weighing => Text weighing,
        Direction => Text direction,
        DirectionWhy => Text direction_why,
        Confidence => Text confidence,
        Support => Text support,
        Readiness => Text readiness,
    }
}

impl ArcPart {
    /// The kind of conversation this part belongs to.
    pub fn kind(self) -> ConversationKind {
        match self {
            ArcPart::CommonGround => ConversationKind::Awareness,
            ArcPart::Options | ArcPart::Weighing | ArcPart::Direction | ArcPart::DirectionWhy => {
                ConversationKind::Exploration
            }
            ArcPart::Confidence | ArcPart::Support | ArcPart::Readiness => {
                ConversationKind::Preparation
            }
        }
    }
}

impl ConversationKind {
    /// In the arc, the kind that comes first: exploration builds on awareness, preparation
    /// on exploration.
    pub fn comes_after(self) -> Option<ConversationKind> {
        match self {
            ConversationKind::Exploration => Some(ConversationKind::Awareness),
            ConversationKind::Preparation => Some(ConversationKind::Exploration),
            _ => None,
        }
    }
}

impl Workbook {
    /// Making conversation `c` of `kind` would skip a step of the arc: the kind that should
    /// come first, when no other conversation of it is recorded.
    pub fn skips_arc(&self, c: usize, kind: ConversationKind) -> Option<ConversationKind> {
        let before = kind.comes_after()?;
        let held = (self.conversations.iter().enumerate()).any(|(k, x)| k != c && x.kind == before);
        (!held).then_some(before)
    }

    /// The direction chosen most recently: the latest exploration conversation that records
    /// one (a private one only with `include_private`: call mode shows none of it).
    pub fn chosen_direction(&self, include_private: bool) -> Option<&Conversation> {
        (self.conversations.iter())
            .filter(|c| c.kind == ConversationKind::Exploration)
            .filter(|c| include_private || !c.private)
            .filter(|c| !c.arc.direction.trim().is_empty())
            .max_by_key(|c| c.at)
    }
}

/// The kind of career change sought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    MoveUp,
    OtherOrganisation,
    OtherField,
    Deepen,
}

impl Change {
    pub const ALL: [Change; 4] = [
        Change::MoveUp,
        Change::OtherOrganisation,
        Change::OtherField,
        Change::Deepen,
    ];

    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            Change::MoveUp => "move up where I am",
            Change::OtherOrganisation => "move to another organisation",
            Change::OtherField => "change field or industry",
            Change::Deepen => "grow deeper in my current role",
        }
    }
}

/// How clear the next career step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareerState {
    /// No idea yet: the partners design a path together.
    NoIdeaYet,
    /// A goal is set: the partners talk it through.
    GoalSet,
}

impl CareerState {
    pub const ALL: [CareerState; 2] = [CareerState::NoIdeaYet, CareerState::GoalSet];
}

/// The career part of the mentoring plan: what kind of change, how clear it is, and what
/// leading others would ask. Saved only when something is in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Career {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<CareerState>,
    /// Moving from doing the work to leading the people who do it: what that role demands.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub leading_others: String,
}

impl Career {
    /// Nothing chosen or written: left out of the file.
    pub fn is_empty(&self) -> bool {
        *self == Career::default()
    }
}

crate::parts! {
    /// The career context's words.
    pub enum CareerPart in Career {
        LeadingOthers => Text leading_others,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arc_asks_for_the_kind_before() {
        let mut wb = Workbook::default();
        wb.conversations.push(Conversation::default());
        let explore = ConversationKind::Exploration;
        assert_eq!(wb.skips_arc(0, explore), Some(ConversationKind::Awareness));
        assert_eq!(wb.skips_arc(0, ConversationKind::Goal), None);
        assert_eq!(wb.skips_arc(0, ConversationKind::Awareness), None);
        // The conversation itself being awareness does not count as one held before.
        wb.conversations[0].kind = ConversationKind::Awareness;
        assert_eq!(wb.skips_arc(0, explore), Some(ConversationKind::Awareness));
        wb.conversations.push(Conversation::default());
        assert_eq!(wb.skips_arc(1, explore), None);
        assert_eq!(
            wb.skips_arc(1, ConversationKind::Preparation),
            Some(explore)
        );
    }

    #[test]
    fn the_chosen_direction_is_the_latest_recorded() {
        let mut wb = Workbook::default();
        let mut a = Conversation {
            kind: ConversationKind::Exploration,
            ..Conversation::default()
        };
        a.arc.direction = "Team lead".into();
        let mut b = a.clone();
        b.at += chrono::Duration::days(3);
        b.arc.direction = "Architect".into();
        let mut c = b.clone();
        c.at += chrono::Duration::days(3);
        c.arc.direction = " ".into();
        wb.conversations = vec![b, a, c];
        assert_eq!(
            wb.chosen_direction(true).unwrap().arc.direction,
            "Architect"
        );
        wb.conversations[0].private = true;
        assert_eq!(
            wb.chosen_direction(false).unwrap().arc.direction,
            "Team lead"
        );
        assert_eq!(
            wb.chosen_direction(true).unwrap().arc.direction,
            "Architect"
        );
    }

    #[test]
    fn empty_notes_and_career_stay_out_of_the_file() {
        let json = serde_json::to_string(&Conversation::default()).unwrap();
        assert!(!json.contains("\"arc\""), "{json}");
        let mut arc = ArcNotes::default();
        for sign in [
            Sign::EstimateEffort,
            Sign::WeighOptions,
            Sign::EstimateEffort,
        ] {
            crate::model::toggle_in(&mut arc.signs, sign);
        }
        assert_eq!(arc.signs, vec![Sign::WeighOptions]);
        assert_eq!(
            serde_json::to_string(&arc).unwrap(),
            r#"{"signs":["weigh_options"]}"#
        );
        assert!(Career::default().is_empty());
    }
}
