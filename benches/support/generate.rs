//! Realistic, deterministic workbooks for benchmarks and profiling: years of journal entries
//! of about 300 words, 40 goals with 300 action steps, 250 conversations with notes, Unicode
//! text included. The same seed always gives the same workbook.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use mentorbook::model::{
    ActionStep, AgendaItem, Commitment, Conversation, ConversationKind, FourPs, Goal, GoalStatus,
    JournalEntry, Measure, MeasureKind, Milestone, Owner, StepStatus, Topic, Workbook,
};

pub use mentorbook::testing::Rng;

const WORDS: &[&str] = &[
    "review",
    "team",
    "feedback",
    "goal",
    "meeting",
    "decision",
    "owner",
    "design",
    "listen",
    "confidence",
    "plan",
    "budget",
    "project",
    "learned",
    "today",
    "tomorrow",
    "colleague",
    "manager",
    "question",
    "answer",
    "practice",
    "chair",
    "summary",
    "write",
    "agenda",
    "time",
    "priority",
    "deadline",
    "mentor",
    "progress",
    "stuck",
    "clear",
    "calm",
    "honest",
    "trust",
    "difficult",
    "conversation",
    "growth",
    "skill",
    "habit",
    "week",
    "morning",
    "evening",
    "energy",
    "focus",
    "café",
    "naïve",
    "résumé",
    "Zürich",
    "São Paulo",
    "日本語",
    "emoji 🙂",
    "über",
    "façade",
    "coördinate",
    "and",
    "the",
    "with",
    "about",
    "because",
    "but",
    "so",
    "then",
    "again",
    "more",
    "less",
    "better",
    "first",
    "last",
    "small",
    "big",
    "new",
];

const TAGS: &[&str] = &[
    "reviews", "mood", "network", "goals", "feedback", "wins", "doubts",
];

/// `n` words of running text with sentences and the odd paragraph break.
pub fn text(rng: &mut Rng, n: usize) -> String {
    let mut out = String::with_capacity(n * 8);
    let mut sentence = 0;
    for k in 0..n {
        let word = rng.pick(WORDS);
        if sentence == 0 {
            let mut chars = word.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
        sentence += 1;
        if sentence > 6 + rng.below(10) || k + 1 == n {
            out.push('.');
            sentence = 0;
            if rng.below(8) == 0 && k + 1 < n {
                out.push_str("\n\n");
                continue;
            }
        }
        if k + 1 < n {
            out.push(' ');
        }
    }
    out
}

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2021-11-24T07:30:00+01:00").unwrap()
}

fn day(offset: i64) -> NaiveDate {
    start().date_naive() + Duration::days(offset)
}

/// A workbook with `entries` journal entries (one every ~8 hours over the years), 40 goals with
/// 300 steps between them, 250 conversations and 60 topics.
pub fn workbook(entries: usize, seed: u64) -> Workbook {
    let mut rng = Rng::new(seed);
    let mut wb = Workbook {
        title: "Generated workbook".into(),
        mentee: "Ana Ruiz".into(),
        mentor: "Ben Okafor".into(),
        ..Workbook::default()
    };
    wb.agreement.check_in_every_days = Some(30);
    wb.agreement.agreed_on = Some(day(0));
    wb.vision.statement = text(&mut rng, 60);
    for g in 0..40 {
        let id = wb.fresh_id();
        let status = match g {
            0..=2 => GoalStatus::Active,
            3..=20 => GoalStatus::Achieved,
            _ => GoalStatus::Draft,
        };
        let mut goal = Goal {
            id,
            title: text(&mut rng, 5),
            specific: text(&mut rng, 30),
            attainable: text(&mut rng, 20),
            relevant: text(&mut rng, 20),
            deadline: Some(day(60 + 30 * g as i64)),
            priority: (g + 1) as u8,
            status,
            measures: vec![Measure {
                text: text(&mut rng, 8),
                kind: MeasureKind::Performance,
            }],
            milestones: (0..3)
                .map(|m| Milestone {
                    text: text(&mut rng, 6),
                    date: Some(day(30 * g as i64 + 10 * m)),
                    done: rng.below(2) == 0,
                    ..Milestone::default()
                })
                .collect(),
            ..Goal::default()
        };
        goal.plan.skills = text(&mut rng, 25);
        goal.plan.outcome = text(&mut rng, 25);
        // 300 steps in all: 7 or 8 per goal.
        let steps = if g < 20 { 8 } else { 7 };
        for s in 0..steps {
            let sid = wb.fresh_id();
            let depends_on = match goal.plan.steps.last() {
                Some(prev) if s % 3 != 0 => vec![prev.id],
                _ => Vec::new(),
            };
            goal.plan.steps.push(ActionStep {
                id: sid,
                text: text(&mut rng, 8),
                due: Some(day(30 * g as i64 + 4 * s as i64)),
                status: [StepStatus::Todo, StepStatus::Doing, StepStatus::Done][rng.below(3)],
                owner: [Owner::Mentee, Owner::Mentor, Owner::Both][rng.below(3)],
                depends_on,
                ..ActionStep::default()
            });
        }
        wb.goals.push(goal);
    }
    for t in 0..60 {
        let id = wb.fresh_id();
        wb.mentoring_plan.topics.push(Topic {
            id,
            area: [
                mentorbook::model::PlanArea::Career,
                mentorbook::model::PlanArea::Development,
                mentorbook::model::PlanArea::Workplace,
            ][t % 3],
            text: text(&mut rng, 8),
            discussed: t % 2 == 0,
            private: t % 3 == 2,
            ..Topic::default()
        });
    }
    for c in 0..250 {
        let id = wb.fresh_id();
        wb.conversations.push(Conversation {
            id,
            at: start() + Duration::days(7 * c),
            kind: ConversationKind::ALL[rng.below(ConversationKind::ALL.len())],
            prep: FourPs {
                purpose: text(&mut rng, 20),
                preparation: text(&mut rng, 20),
                participation: text(&mut rng, 12),
                plan: text(&mut rng, 15),
                ..FourPs::default()
            },
            agenda: (0..5)
                .map(|_| AgendaItem {
                    text: text(&mut rng, 7),
                    done: rng.below(2) == 0,
                    ..AgendaItem::default()
                })
                .collect(),
            notes: text(&mut rng, 200),
            commitments: (0..2)
                .map(|_| Commitment {
                    text: text(&mut rng, 8),
                    due: Some(day(7 * c + 14)),
                    ..Commitment::default()
                })
                .collect(),
            next_meeting: Some(mentorbook::model::Meeting::on(day(7 * c + 14))),
            next_goal: text(&mut rng, 10),
            ..Conversation::default()
        });
    }
    for e in 0..entries {
        let id = wb.fresh_id();
        let tags = (0..rng.below(3))
            .map(|_| rng.pick(TAGS).to_string())
            .collect();
        let words = 250 + rng.below(100);
        wb.journal.push(JournalEntry {
            id,
            at: start() + Duration::minutes(8 * 60 * e as i64 + rng.below(120) as i64),
            text: text(&mut rng, words),
            tags,
            goal: (rng.below(4) == 0).then(|| wb.goals[rng.below(3)].id),
            conversation: None,
            private: rng.below(5) != 0,
        });
    }
    wb
}

/// Writes `wb` at `path` as the app does (a manifest and its parts beside it), or as one
/// whole file; the bytes written. Any workbook already there is replaced.
#[allow(dead_code)]
pub fn write(wb: &Workbook, path: &std::path::Path, whole: bool) -> std::io::Result<u64> {
    let at = DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").expect("a time");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let parts = mentorbook::store::parts_dir(path);
    let _ = std::fs::remove_dir_all(&parts);
    let _ = std::fs::remove_file(path);
    if whole {
        let bytes = mentorbook::store::encode(&mentorbook::store::encode_data(wb), 1, at);
        std::fs::write(path, &bytes)?;
        return Ok(bytes.len() as u64);
    }
    let (mut store, _) = mentorbook::store::Store::open(path).map_err(std::io::Error::other)?;
    store
        .save(wb, at.with_timezone(&chrono::Local))
        .map_err(std::io::Error::other)?;
    drop(store);
    let _ = std::fs::remove_file(path.with_extension("lock"));
    let mut total = std::fs::metadata(path)?.len();
    for e in std::fs::read_dir(&parts)? {
        total += e?.metadata()?.len();
    }
    Ok(total)
}
