//! The exercises and the relationship's lifecycle: the one list of exercises (their number,
//! order, title and stage), the stages, and the soft gate. Tab, the digits, the overview, the
//! help and every message that names an exercise derive from [`Exercise`]. Phases are lenses:
//! they suggest and warn, they never lock.

use crate::model::{Phase, Workbook};

/// An exercise of the workbook. [`Exercise::ALL`] is the one order: Tab walks it, the digits
/// number it (1…9, then 0), the overview lists it stage by stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exercise {
    /// The conversation with yourself.
    Reflection,
    /// Getting to know a prospective partner.
    Prospect,
    /// The partnership agreement and ground rules.
    Agreement,
    /// The mentoring plan: topics in three areas.
    Plan,
    /// The Personal Vision Statement worksheet.
    Vision,
    /// Brainstorming development goals.
    Brainstorm,
    /// The SMART goals, with their pages and action plans.
    Goals,
    /// The conversation log and the check-ins.
    Conversations,
    /// Closure and redefinition.
    Closure,
    /// The journal, kept all along.
    Journal,
}

impl Exercise {
    /// Every exercise, in the one order.
    pub const ALL: [Exercise; 10] = [
        Exercise::Reflection,
        Exercise::Prospect,
        Exercise::Agreement,
        Exercise::Plan,
        Exercise::Vision,
        Exercise::Brainstorm,
        Exercise::Goals,
        Exercise::Conversations,
        Exercise::Closure,
        Exercise::Journal,
    ];

    /// The exercise's name, in the title bar, on the overview and in messages.
    pub fn title(self) -> &'static str {
        match self {
            Exercise::Reflection => "Conversation with yourself",
            Exercise::Prospect => "Prospective partner",
            Exercise::Agreement => "Partnership agreement",
            Exercise::Plan => "Mentoring plan",
            Exercise::Vision => "Personal Vision Statement",
            Exercise::Brainstorm => "Brainstorming goals",
            Exercise::Goals => "SMART goals",
            Exercise::Conversations => "Conversations and check-ins",
            Exercise::Closure => "Closure and what comes next",
            Exercise::Journal => "Journal",
        }
    }

    /// The stage of the relationship it belongs to.
    pub fn stage(self) -> Stage {
        match self {
            Exercise::Reflection => Stage::SelfReflection,
            Exercise::Prospect => Stage::ProspectiveMatch,
            Exercise::Agreement => Stage::Initiation,
            Exercise::Plan | Exercise::Vision | Exercise::Brainstorm | Exercise::Goals => {
                Stage::Direction
            }
            Exercise::Conversations => Stage::Cultivation,
            Exercise::Closure => Stage::Closing,
            Exercise::Journal => Stage::AllAlong,
        }
    }

    /// Whether the whole exercise is for its writer alone (hidden in call mode, left out of
    /// what is shared).
    pub fn private(self) -> bool {
        match self {
            Exercise::Reflection => true,
            Exercise::Prospect
            | Exercise::Agreement
            | Exercise::Plan
            | Exercise::Vision
            | Exercise::Brainstorm
            | Exercise::Goals
            | Exercise::Conversations
            | Exercise::Closure
            | Exercise::Journal => false,
        }
    }

    /// Its place in [`Exercise::ALL`].
    pub fn index(self) -> usize {
        Exercise::ALL.iter().position(|e| *e == self).unwrap_or(0)
    }

    /// The key that opens it: `1`…`9`, then `0`.
    pub fn key(self) -> char {
        char::from_digit(((self.index() + 1) % 10) as u32, 10).unwrap_or('0')
    }

    /// The exercise a digit opens.
    pub fn from_key(c: char) -> Option<Exercise> {
        let d = c.to_digit(10)? as usize;
        Exercise::ALL.get((d + 9) % 10).copied()
    }

    /// The next exercise, wrapping round.
    pub fn next(self) -> Exercise {
        Exercise::ALL[(self.index() + 1) % Exercise::ALL.len()]
    }

    /// The previous exercise, wrapping round.
    pub fn prev(self) -> Exercise {
        let n = Exercise::ALL.len();
        Exercise::ALL[(self.index() + n - 1) % n]
    }

    /// `“SMART goals” (7)`: how messages point at an exercise.
    pub fn named(self) -> String {
        format!("“{}” ({})", self.title(), self.key())
    }
}

/// A stage of the mentoring relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    SelfReflection,
    ProspectiveMatch,
    Initiation,
    Direction,
    Cultivation,
    Closing,
    /// Not a stage in time: the journal is kept from the first day to the last.
    AllAlong,
}

impl Stage {
    /// The stages in order.
    pub const ALL: [Stage; 7] = [
        Stage::SelfReflection,
        Stage::ProspectiveMatch,
        Stage::Initiation,
        Stage::Direction,
        Stage::Cultivation,
        Stage::Closing,
        Stage::AllAlong,
    ];

    /// The stage's name on the overview.
    pub fn name(self) -> &'static str {
        match self {
            Stage::SelfReflection => "Reflect on yourself",
            Stage::ProspectiveMatch => "Find a partner",
            Stage::Initiation => "Agree how you work",
            Stage::Direction => "Set the direction",
            Stage::Cultivation => "Meet, work and reflect",
            Stage::Closing => "Close and redefine",
            Stage::AllAlong => "All along the way",
        }
    }

    /// The exercises of this stage, in the one order.
    pub fn exercises(self) -> impl Iterator<Item = Exercise> {
        Exercise::ALL.into_iter().filter(move |e| e.stage() == self)
    }

    /// The phases in which this stage is the natural focus (phases overlap).
    pub fn phases(self) -> &'static [Phase] {
        match self {
            Stage::SelfReflection | Stage::ProspectiveMatch => &[Phase::Preparing],
            Stage::Initiation => &[Phase::Initiation],
            Stage::Direction => &[Phase::Initiation, Phase::Cultivation],
            Stage::Cultivation => &[Phase::Initiation, Phase::Cultivation],
            Stage::Closing => &[Phase::Separation, Phase::Redefinition],
            // Kept in every phase, and the focus of none: never "now", never ahead.
            Stage::AllAlong => &[],
        }
    }

    /// Whether the workbook's phase puts this stage in focus.
    pub fn in_focus(self, wb: &Workbook) -> bool {
        self.phases().contains(&wb.phase)
    }
}

/// A soft gate: a word of warning when an exercise belongs to a stage the relationship has
/// not reached yet. It never stops the user.
pub fn ahead_of_phase(wb: &Workbook, exercise: Exercise) -> Option<String> {
    let stage = exercise.stage();
    let reached = Phase::ALL.iter().position(|p| *p == wb.phase).unwrap_or(0);
    let earliest = stage
        .phases()
        .iter()
        .filter_map(|p| Phase::ALL.iter().position(|q| q == p))
        .min()
        .unwrap_or(0);
    (earliest > reached).then(|| {
        format!(
            "Ahead of your phase ({}): “{}” usually comes later. Fine to look ahead.",
            wb.phase.name(),
            stage.name()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_order_everywhere() {
        // The overview lists stage by stage; the stages hold the exercises in the order of
        // `ALL`, so Tab, the digits and the overview agree.
        let by_stage: Vec<Exercise> = Stage::ALL.iter().flat_map(|s| s.exercises()).collect();
        assert_eq!(by_stage, Exercise::ALL);
        let keys: String = Exercise::ALL.iter().map(|e| e.key()).collect();
        assert_eq!(keys, "1234567890");
        for e in Exercise::ALL {
            assert_eq!(Exercise::from_key(e.key()), Some(e));
            assert_eq!(e.next().prev(), e);
        }
        assert_eq!(Exercise::Journal.next(), Exercise::Reflection);
        assert_eq!(Exercise::Goals.named(), "“SMART goals” (7)");
    }

    #[test]
    fn looking_ahead_is_warned_never_blocked() {
        let wb = Workbook::default();
        assert!(
            ahead_of_phase(&wb, Exercise::Closure)
                .unwrap()
                .contains("Ahead of your phase")
        );
        assert!(ahead_of_phase(&wb, Exercise::Agreement).is_some());
        assert_eq!(ahead_of_phase(&wb, Exercise::Reflection), None);
        assert_eq!(ahead_of_phase(&wb, Exercise::Journal), None, "never ahead");
        let wb = Workbook {
            phase: Phase::Cultivation,
            ..Workbook::default()
        };
        assert_eq!(
            ahead_of_phase(&wb, Exercise::Agreement),
            None,
            "looking back is fine"
        );
    }
}
