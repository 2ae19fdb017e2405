//! Brainstorming development goals: nine questions, then candidate goals in priority order,
//! each of which can become a SMART goal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::sheet::{self, Item, Row};
use super::{Handled, focused_field, go};
use crate::app::App;
use crate::field::{BrainPart as B, Field, Kind, ListKind, Spec, by_role};
use crate::keys::{BACK, Binding, ENTER, MOVE, MOVE_DOWN, MOVE_UP, Msg, bind, explained, plain};
use crate::model::{Progress, Role, Workbook};
use crate::msg::Effect;
use crate::nav::{Screen, Target};

/// Keys of this screen.
pub const KEYS: &[Binding] = &[
    MOVE,
    ENTER,
    explained(&[plain('a')], "a", "add", "add a candidate goal", Msg::Add),
    explained(
        &[plain('g')],
        "g",
        "make it a goal",
        "turn the candidate into a SMART goal (linked)",
        Msg::Promote,
    ),
    MOVE_UP,
    MOVE_DOWN,
    bind(&[plain('d')], "d", "delete", Msg::Delete),
    BACK,
];

/// A candidate goal, as a list item.
pub fn candidate(role: Role) -> Spec {
    let hint = by_role(
        role,
        "an area of your working life that could grow",
        "an area of the mentee's working life that could grow",
    );
    Spec::new(Kind::Line, "Candidate", hint)
}

/// Each question and its hint: the mentee asks them of themselves; a mentor keeps what the
/// mentee answered, and what they noticed.
pub fn spec(part: B, role: Role) -> Spec {
    let q = |label, hint| Spec::new(Kind::Text, label, hint);
    if role == Role::Mentor {
        return match part {
            B::Life => q(
                "1. What does the mentee want their life as a whole to hold?",
                "Work, family, health: what matters to them beyond the job",
            ),
            B::OneYear => q(
                "2. Twelve months on, where would they like to stand?",
                "A role, a skill mastered, a project delivered…",
            ),
            B::ThreeToFiveYears => q(
                "3. And in three to five years?",
                "The position they aim for, and what such roles ask for",
            ),
            B::SkillsEnough => q(
                "4. Will the skills they have today take them there?",
                "Their answer, and yours: yes, partly, not yet. Where is the gap?",
            ),
            B::ResourcesAndSkills => q(
                "5. What do they have to work with, and what must they learn?",
                "People, time, budget, training; what their evaluations point at",
            ),
            B::WeaknessesAndTraits => q(
                "6. Which weaknesses and traits do they want to work on?",
                "Patience, assertiveness, focus, listening…",
            ),
            B::Sacrifices => q(
                "7. What are they prepared to give up for it?",
                "Evenings, a comfortable role, money, a habit…",
            ),
            B::WhyAndPhilosophy => q(
                "8. Why these aims, and do they fit how the mentee wants to live?",
                "What drives them, and whether it sits well with their values",
            ),
            B::Networking => q(
                "9. Is their circle of contacts what they need? Whom could you introduce?",
                "Who is missing: peers, sponsors, people in the field they aim for",
            ),
        };
    }
    match part {
        B::Life => q(
            "1. What do you want your life as a whole to hold?",
            "Work, family, health, the things that matter beyond the job",
        ),
        B::OneYear => q(
            "2. Picture yourself twelve months on: where do you stand?",
            "A role, a skill mastered, a project delivered…",
        ),
        B::ThreeToFiveYears => q(
            "3. And in three to five years?",
            "The position you aim for; job descriptions of such roles show what it takes",
        ),
        B::SkillsEnough => q(
            "4. Will the skills you have today take you there?",
            "Honestly: yes, partly, not yet. Where is the gap?",
        ),
        B::ResourcesAndSkills => q(
            "5. What do you have to work with, and what must you learn?",
            "People, time, budget, training; your last evaluation can point at the gaps",
        ),
        B::WeaknessesAndTraits => q(
            "6. Which weaknesses and traits do you want to work on?",
            "Patience, assertiveness, focus, listening…",
        ),
        B::Sacrifices => q(
            "7. What are you prepared to give up for it?",
            "Evenings, a comfortable role, money, a habit…",
        ),
        B::WhyAndPhilosophy => q(
            "8. Why these aims, and do they fit how you want to live?",
            "What drives you, and whether it sits well with your values",
        ),
        B::Networking => q(
            "9. Is your circle of contacts what you need? If not, how will you grow it?",
            "Who is missing: peers, sponsors, people in the field you aim for",
        ),
    }
}

fn items(wb: &Workbook) -> Vec<Item<'_>> {
    let intro = by_role(
        wb.role,
        "Think about every part of your working life that could be better. Write freely: \
         nothing here is a promise yet. Your last performance review and the job \
         descriptions of roles you want in a few years are good places to look for gaps.",
        "Go through these with your mentee and keep their answers, with what you noticed. The \
         goals are theirs to choose: your part is the questions that open up gaps they had \
         not seen.",
    );
    let mut items = vec![Item::Prompt(intro.into()), Item::Heading("Questions")];
    items.extend(B::ALL.iter().map(|p| Item::Field(Field::Brainstorm(*p))));
    items.push(Item::Heading("Candidate goals, most important first"));
    items.push(Item::Prompt(
        by_role(
            wb.role,
            "Name the development areas your answers point to and give each a priority: K and \
             J move a candidate up and down. When one is worth pursuing, g makes it a SMART \
             goal.",
            "Name the development areas the answers point to, in the mentee's order of \
             priority: K and J move a candidate. When one is worth pursuing, g makes it a SMART \
             goal.",
        )
        .into(),
    ));
    for (i, c) in wb.brainstorm.candidates.iter().enumerate() {
        let goal = c.goal.and_then(|id| wb.goal_position(id));
        let suffix = match goal {
            Some(g) => format!("→ goal, {}", wb.goals[g].status.name()),
            None => String::new(),
        };
        items.push(Row::field(
            Field::Candidate(i),
            format!("{}. ", i + 1),
            c.text.as_str(),
            suffix,
            false,
        ));
    }
    items.push(Item::Add(ListKind::Candidates));
    items
}

/// The questions, and at least one candidate goal named.
pub fn progress(wb: &Workbook) -> Progress {
    let answers = B::ALL.iter().map(|p| Field::Brainstorm(*p).filled(wb));
    let named = (wb.brainstorm.candidates.iter()).any(|c| !c.text.trim().is_empty());
    Progress::count(answers.chain([named]))
}

/// `g`: the focused candidate becomes a draft goal (or opens the goal it became).
pub fn handle(app: &mut App, msg: &Msg) -> Handled {
    if *msg != Msg::Promote {
        return Handled::No;
    }
    Handled::Yes(promote(app))
}

fn promote(app: &mut App) -> Option<Effect> {
    let Some(Field::Candidate(c)) = focused_field(app) else {
        app.notice = Some("g turns a candidate into a goal: move to a candidate first.".into());
        return None;
    };
    let cand = app.workbook.brainstorm.candidates.get(c)?;
    if cand.text.trim().is_empty() {
        app.notice = Some("Write the candidate first, then make it a goal.".into());
        return None;
    }
    let before = app.workbook.goals.len();
    let g = app.workbook.promote_candidate(c)?;
    let fresh = app.workbook.goals.len() > before;
    if fresh {
        app.touch();
    }
    go(app, Screen::Goal(g));
    app.notice = Some(if fresh {
        "A draft goal, linked to its candidate. Now make it SMART.".into()
    } else {
        "This candidate is a goal already: here it is.".into()
    });
    Some(Effect::Save)
}

/// The brainstorm as a document: the answers, then the candidate goals in priority order
/// (and which became goals).
pub fn report(wb: &Workbook) -> Vec<crate::report::Block> {
    use crate::report::Block;
    let mut out = super::document::form(wb, &items(wb));
    let candidates: Vec<String> = (wb.brainstorm.candidates.iter())
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| {
            let goal = c.goal.and_then(|id| wb.goal_position(id));
            match goal {
                Some(g) => format!(
                    "{} (now a goal, {})",
                    c.text.trim(),
                    wb.goals[g].status.name()
                ),
                None => c.text.trim().to_string(),
            }
        })
        .collect();
    if !candidates.is_empty() {
        out.push(Block::Label("Candidate goals, most important first".into()));
        out.push(Block::Bullets(candidates));
    }
    out
}

/// Where the focus can rest.
pub fn targets(wb: &Workbook) -> Vec<Target> {
    sheet::targets(&items(wb))
}

/// Draws the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    sheet::render(app, area, buf, &items(&app.workbook));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_candidate_is_none() {
        let mut wb = Workbook::default();
        wb.brainstorm.candidates.push(Default::default());
        assert_eq!(progress(&wb), Progress { done: 0, total: 10 });
    }
}
