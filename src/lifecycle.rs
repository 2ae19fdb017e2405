//! The relationship's lifecycle: its stages, the exercises that belong to each, and which
//! one to work on next. Phases are lenses: they suggest and warn, they never lock.

use crate::model::{Phase, Progress, Workbook};
use crate::nav::Screen;

/// A stage of the mentoring relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    SelfReflection,
    ProspectiveMatch,
    Initiation,
    Direction,
    Cultivation,
    Closing,
}

impl Stage {
    /// The stages in order.
    pub const ALL: [Stage; 6] = [
        Stage::SelfReflection,
        Stage::ProspectiveMatch,
        Stage::Initiation,
        Stage::Direction,
        Stage::Cultivation,
        Stage::Closing,
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
        }
    }

    /// The exercises of this stage.
    pub fn exercises(self) -> &'static [Screen] {
        match self {
            Stage::SelfReflection => &[Screen::Reflection],
            Stage::ProspectiveMatch => &[Screen::Prospect],
            Stage::Initiation => &[Screen::Agreement],
            Stage::Direction => &[
                Screen::Plan,
                Screen::Vision,
                Screen::Brainstorm,
                Screen::Goals,
            ],
            Stage::Cultivation => &[Screen::Conversations, Screen::Journal],
            Stage::Closing => &[Screen::Closure],
        }
    }

    /// The phases in which this stage is the natural focus (phases overlap).
    pub fn phases(self) -> &'static [Phase] {
        match self {
            Stage::SelfReflection | Stage::ProspectiveMatch => &[Phase::Preparing],
            Stage::Initiation => &[Phase::Initiation],
            Stage::Direction => &[Phase::Initiation, Phase::Cultivation],
            Stage::Cultivation => &[Phase::Initiation, Phase::Cultivation],
            Stage::Closing => &[Phase::Separation, Phase::Redefinition],
        }
    }

    /// Whether the workbook's phase puts this stage in focus.
    pub fn in_focus(self, wb: &Workbook) -> bool {
        self.phases().contains(&wb.phase)
    }
}

/// The stage an exercise belongs to.
pub fn stage_of(screen: Screen) -> Option<Stage> {
    Stage::ALL
        .into_iter()
        .find(|s| s.exercises().contains(&screen))
}

/// How complete an exercise is.
pub fn progress(screen: Screen, wb: &Workbook) -> Option<Progress> {
    Some(match screen {
        // The journal is kept, not completed; pages below an exercise count towards it.
        Screen::Home
        | Screen::Journal
        | Screen::Goal(_)
        | Screen::Worksheet(_)
        | Screen::Glance(_)
        | Screen::Conversation(_)
        | Screen::CheckIn(_)
        | Screen::Entry(_)
        | Screen::Review(_) => {
            return None;
        }
        Screen::Conversations => wb.conversations_progress(),
        Screen::Brainstorm => wb.brainstorm_progress(),
        Screen::Goals => wb.goals_progress(),
        Screen::Reflection => wb.reflection_progress(),
        Screen::Prospect => wb.prospect_progress(),
        Screen::Agreement => wb.agreement_progress(),
        Screen::Plan => wb.plan_progress(),
        Screen::Vision => wb.vision.progress(),
        Screen::Closure => wb.closure_progress(),
    })
}

fn incomplete(screen: Screen, wb: &Workbook) -> bool {
    progress(screen, wb).is_some_and(|p| !p.is_complete())
}

/// The exercise to work on next: the first unfinished one of the stages in focus, else the
/// first unfinished one before them, else after them. `None` when everything is complete.
pub fn next_exercise(wb: &Workbook) -> Option<Screen> {
    let first_focus = Stage::ALL.iter().position(|s| s.in_focus(wb)).unwrap_or(0);
    let unfinished = |stages: &[Stage]| {
        stages
            .iter()
            .flat_map(|s| s.exercises())
            .copied()
            .find(|e| incomplete(*e, wb))
    };
    let (before, from) = Stage::ALL.split_at(first_focus);
    let focus: Vec<Stage> = from.iter().copied().filter(|s| s.in_focus(wb)).collect();
    let after: Vec<Stage> = from.iter().copied().filter(|s| !s.in_focus(wb)).collect();
    unfinished(&focus)
        .or_else(|| unfinished(before))
        .or_else(|| unfinished(&after))
}

/// A soft gate: a word of warning when an exercise belongs to a stage the relationship has
/// not reached yet. It never stops the user.
pub fn ahead_of_phase(wb: &Workbook, screen: Screen) -> Option<String> {
    // Writing in the journal belongs to every phase, the first days included.
    if screen == Screen::Journal {
        return None;
    }
    let stage = stage_of(screen)?;
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
    fn every_exercise_has_exactly_one_stage() {
        for e in Screen::EXERCISES {
            let n = Stage::ALL
                .iter()
                .filter(|s| s.exercises().contains(e))
                .count();
            assert_eq!(n, 1, "{e:?}");
        }
        assert_eq!(stage_of(Screen::Home), None);
    }

    #[test]
    fn next_exercise_follows_the_phase_then_looks_back() {
        let mut wb = Workbook::default();
        assert_eq!(next_exercise(&wb), Some(Screen::Reflection));
        wb.phase = Phase::Initiation;
        assert_eq!(next_exercise(&wb), Some(Screen::Agreement));
        wb.phase = Phase::Separation;
        assert_eq!(next_exercise(&wb), Some(Screen::Closure));
        // Closure done: go back to what was skipped.
        let c = &mut wb.closure;
        c.planned_how = "x".into();
        for check in [
            &mut c.accomplishments_acknowledged,
            &mut c.learning_evaluated,
            &mut c.application_discussed,
            &mut c.milestones_celebrated,
        ] {
            check.done = true;
        }
        for s in [
            &mut c.learned,
            &mut c.what_worked,
            &mut c.apply_in_future,
            &mut c.celebration,
            &mut c.stay_in_touch,
        ] {
            *s = "x".into();
        }
        c.continue_together = Some(true);
        assert_eq!(next_exercise(&wb), Some(Screen::Reflection));
    }

    #[test]
    fn looking_ahead_is_warned_never_blocked() {
        let wb = Workbook::default();
        assert!(
            ahead_of_phase(&wb, Screen::Closure)
                .unwrap()
                .contains("Ahead of your phase")
        );
        assert!(ahead_of_phase(&wb, Screen::Agreement).is_some());
        assert_eq!(ahead_of_phase(&wb, Screen::Reflection), None);
        let wb = Workbook {
            phase: Phase::Cultivation,
            ..Workbook::default()
        };
        assert_eq!(
            ahead_of_phase(&wb, Screen::Agreement),
            None,
            "looking back is fine"
        );
    }
}
