use super::*;
use crate::model::{Fit, Phase, PlanArea, Role};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

#[test]
fn text_and_text_mut_reach_the_same_string() {
    let mut wb = Workbook::default();
    wb.vision.strengths.push("patient".into());
    ListKind::Topics(PlanArea::Career).push_new(&mut wb);
    let all = [
        Field::Workbook(WorkbookPart::Title),
        Field::Workbook(WorkbookPart::Mentee),
        Field::Strength(0),
        Field::Vision(VisionPart::Statement),
        Field::Reflect(ReflectPart::PastLessons),
        Field::Prospect(ProspectPart::MentorFitNote),
        Field::Agreement(AgreementPart::ClosingPlan),
        Field::Topic(0),
        Field::Closure(ClosurePart::CelebratedNotes),
        Field::Closure(ClosurePart::StayInTouch),
    ];
    for (n, f) in all.into_iter().enumerate() {
        *f.text_mut(&mut wb).unwrap() = format!("v{n}");
        assert_eq!(f.text(&wb), Some(format!("v{n}").as_str()), "{f:?}");
    }
    assert_eq!(wb.closure.milestones_celebrated.notes, "v8");
    assert_eq!(Field::Strength(1).text(&wb), None);
}

#[test]
fn dates_and_intervals_are_parsed_on_commit() {
    let mut wb = Workbook::default();
    let agreed = Field::Agreement(AgreementPart::AgreedOn);
    assert_eq!(agreed.text(&wb), None, "not a string");
    assert_eq!(agreed.commit(&mut wb, "tomorrow", today()), Ok(true));
    assert_eq!(agreed.value(&wb).unwrap(), "2026-11-25");
    assert_eq!(
        agreed.commit(&mut wb, "2026-11-25", today()),
        Ok(false),
        "unchanged"
    );
    let err = agreed.commit(&mut wb, "someday", today()).unwrap_err();
    assert!(err.contains("not a date"));
    assert_eq!(
        wb.agreement.agreed_on,
        NaiveDate::from_ymd_opt(2026, 11, 25),
        "kept"
    );
    assert_eq!(agreed.commit(&mut wb, "", today()), Ok(true), "emptied");
    assert_eq!(wb.agreement.agreed_on, None);

    let every = Field::Agreement(AgreementPart::CheckInEvery);
    assert_eq!(every.commit(&mut wb, "2w", today()), Ok(true));
    assert_eq!(every.value(&wb).unwrap(), "14");
    assert_eq!(every.display(&wb).unwrap(), "every 2 weeks");
    assert!(every.commit(&mut wb, "weekly-ish", today()).is_err());
}

#[test]
fn tags_and_times_read_as_typed() {
    let mut wb = Workbook::default();
    wb.journal.push(Default::default());
    let tags = Field::EntryTags(0);
    assert_eq!(
        tags.commit(&mut wb, "#mood, reviews Mood", today()),
        Ok(true)
    );
    assert_eq!(tags.value(&wb).unwrap(), "mood, reviews");
    wb.conversations.push(Default::default());
    let at = Field::Conversation(0, ConversationPart::At);
    assert_eq!(at.commit(&mut wb, "2026-12-01 08:30", today()), Ok(true));
    assert_eq!(at.value(&wb).unwrap(), "2026-12-01 08:30");
    assert_eq!(at.commit(&mut wb, "14:00", today()), Ok(true));
    assert_eq!(
        at.value(&wb).unwrap(),
        "2026-12-01 14:00",
        "the date is kept"
    );
    assert!(at.commit(&mut wb, "soonish", today()).is_err());
}

#[test]
fn lists_grow_shrink_and_know_their_items() {
    let mut wb = Workbook::default();
    let f = ListKind::Topics(PlanArea::Workplace).push_new(&mut wb);
    ListKind::Topics(PlanArea::Career).push_new(&mut wb);
    assert_eq!(f, Field::Topic(0));
    assert!(
        wb.mentoring_plan.topics[0].private,
        "workplace topics start private"
    );
    assert!(!wb.mentoring_plan.topics[1].private);
    assert_eq!(f.list(&wb), Some(ListKind::Topics(PlanArea::Workplace)));
    assert_eq!(
        ListKind::Topics(PlanArea::Career).fields(&wb),
        vec![Field::Topic(1)]
    );
    assert!(Field::Topic(0).remove_item(&mut wb));
    assert!(!Field::Topic(5).remove_item(&mut wb));
    assert_eq!(
        ListKind::Topics(PlanArea::Career).fields(&wb),
        vec![Field::Topic(0)]
    );
    assert_ne!(wb.mentoring_plan.topics[0].id, 0, "topics get ids");
}

#[test]
fn choices_cycle_through_their_options() {
    let mut wb = Workbook::default();
    Choice::Role.cycle(&mut wb);
    assert_eq!(wb.role, Role::Mentor);
    Choice::Role.cycle(&mut wb);
    assert_eq!(wb.role, Role::Mentee);
    Choice::Phase.cycle(&mut wb);
    assert_eq!(wb.phase, Phase::Initiation);
    let seen: Vec<_> = (0..4)
        .map(|_| {
            Choice::MentorFit.cycle(&mut wb);
            wb.prospect.mentor_fit.verdict
        })
        .collect();
    assert_eq!(
        seen,
        vec![Some(Fit::Good), Some(Fit::NotYet), Some(Fit::NotAFit), None]
    );
    Choice::Check(2).cycle(&mut wb);
    assert!(wb.closure.application_discussed.done);
    Choice::ContinueTogether.cycle(&mut wb);
    assert_eq!(wb.closure.continue_together, Some(true));
}
