//! Every part of every exercise reaches every consumer. A part is declared once (the model's
//! `parts!` list); its screen module names it (`spec`, a compile error if missing), and these
//! tests fail, naming the part, when one is left off its screen, out of its document section,
//! or described as the wrong kind of value.

mod common;

use chrono::NaiveDate;
use mentorbook::app::App;
use mentorbook::field::{
    AgreementPart, ArcPart, BrainPart, CareerPart, CheckInPart, ClosurePart, ConversationPart,
    FeedbackPart, Field, GoalPart, Kind, PrepPart, ProspectPart, ReflectPart, VisionPart,
    WorkbookPart,
};
use mentorbook::model::{Conversation, ConversationKind, Role, Slot, Workbook};
use mentorbook::nav::Target;
use mentorbook::report::{Options, markdown};
use mentorbook::screens::{document, focus_targets, screen_of, section_of, spec};

/// The arc's conversations come after the first one, in `ARC`'s order.
const ARC: [ConversationKind; 3] = [
    ConversationKind::Awareness,
    ConversationKind::Exploration,
    ConversationKind::Preparation,
];

/// A workbook with one of each record, so every part has somewhere to live: a goal, a
/// conversation dated today (the agenda's) and one of each kind of the arc (whose parts
/// show by kind), a check-in, a journal entry.
fn workbook() -> Workbook {
    let mut wb = Workbook::default();
    wb.add_goal();
    wb.conversations.push(Conversation {
        at: common::fixed_now().fixed_offset(),
        ..Conversation::default()
    });
    for kind in ARC {
        wb.conversations.push(Conversation {
            at: common::fixed_now().fixed_offset(),
            kind,
            ..Conversation::default()
        });
    }
    wb.check_ins.push(Default::default());
    wb.journal.push(Default::default());
    wb
}

/// Every part of every exercise, as a field of [`workbook`].
fn every_part() -> Vec<Field> {
    let mut all = Vec::new();
    all.extend(WorkbookPart::ALL.iter().map(|p| Field::Workbook(*p)));
    all.extend(ReflectPart::ALL.iter().map(|p| Field::Reflect(*p)));
    all.extend(ProspectPart::ALL.iter().map(|p| Field::Prospect(*p)));
    all.extend(AgreementPart::ALL.iter().map(|p| Field::Agreement(*p)));
    all.extend(VisionPart::ALL.iter().map(|p| Field::Vision(*p)));
    all.extend(BrainPart::ALL.iter().map(|p| Field::Brainstorm(*p)));
    all.extend(GoalPart::ALL.iter().map(|p| Field::Goal(0, *p)));
    all.extend(
        ConversationPart::ALL
            .iter()
            .map(|p| Field::Conversation(0, *p)),
    );
    all.extend(PrepPart::ALL.iter().map(|p| Field::Prep(0, *p)));
    all.extend(FeedbackPart::ALL.iter().map(|p| Field::Feedback(0, *p)));
    all.extend(ArcPart::ALL.iter().map(|p| {
        let c = 1 + ARC.iter().position(|k| *k == p.kind()).unwrap();
        Field::Arc(c, *p)
    }));
    all.extend(CareerPart::ALL.iter().map(|p| Field::Career(*p)));
    all.extend(CheckInPart::ALL.iter().map(|p| Field::CheckIn(0, *p)));
    all.extend(ClosurePart::ALL.iter().map(|p| Field::Closure(*p)));
    all
}

/// A value of the part's kind that cannot appear by chance, as typed and as stored.
fn canary(field: Field, n: usize) -> String {
    let wb = workbook();
    match field.slot(&wb) {
        Some(Slot::Date(_)) => NaiveDate::from_ymd_opt(2031, 1, 1 + n as u32 % 28)
            .unwrap()
            .to_string(),
        Some(Slot::Days(_)) => format!("{}", 100 + n),
        // As a length reads back: hours and minutes.
        Some(Slot::Minutes(_)) => format!("{}h{:02}", 1 + n % 20, 1 + n % 59),
        Some(Slot::Stamp(_)) | Some(Slot::Meeting(_)) => {
            format!("2031-01-{:02} 07:{:02}", 1 + n % 28, n % 60)
        }
        _ => format!("canary{n}x"),
    }
}

#[test]
fn every_part_is_on_its_screen_in_both_roles() {
    for role in [Role::Mentee, Role::Mentor] {
        for field in every_part() {
            let mut app = App::new(workbook());
            app.workbook.role = role;
            app.screen = screen_of(field);
            // A prospect part belongs to one role's side of the page; the fit notes to both.
            let one_sided = matches!(
                (field, role),
                (
                    Field::Prospect(ProspectPart::LearnWhatAndWhy | ProspectPart::Readiness),
                    Role::Mentor
                ) | (
                    Field::Prospect(ProspectPart::MenteeMotivations),
                    Role::Mentee
                )
            );
            let shown = focus_targets(&app).contains(&Target::Field(field));
            assert!(
                shown || one_sided,
                "{field:?} is not on its screen {:?} ({role:?})",
                app.screen
            );
        }
    }
}

#[test]
fn every_part_says_what_it_is_and_holds_what_it_says() {
    let wb = workbook();
    for field in every_part() {
        let spec = spec(field, &wb);
        assert!(!spec.label.trim().is_empty(), "{field:?} has no label");
        assert!(
            !spec.placeholder.trim().is_empty(),
            "{field:?} has no placeholder"
        );
        let agrees = match field.slot(&wb) {
            Some(Slot::Text(_)) => matches!(spec.kind, Kind::Line | Kind::Text),
            Some(Slot::Date(_)) => spec.kind == Kind::Date,
            Some(Slot::Days(_)) => spec.kind == Kind::Days,
            Some(Slot::Minutes(_)) => spec.kind == Kind::Minutes,
            Some(Slot::Stamp(_)) | Some(Slot::Meeting(_)) => spec.kind == Kind::DateTime,
            Some(Slot::Tags(_)) => spec.kind == Kind::Tags,
            None => false,
        };
        assert!(agrees, "{field:?}: its spec says {:?}", spec.kind);
    }
}

#[test]
fn every_part_round_trips_through_its_editor_text() {
    let today = common::fixed_now().date_naive();
    for (n, field) in every_part().into_iter().enumerate() {
        let mut wb = workbook();
        let text = canary(field, n);
        field
            .commit(&mut wb, &text, today)
            .unwrap_or_else(|e| panic!("{field:?} refused {text:?}: {e}"));
        assert_eq!(field.value(&wb).unwrap(), text, "{field:?}");
    }
}

#[test]
fn every_exported_part_reaches_its_document_section() {
    let today = common::fixed_now().date_naive();
    let opts = Options {
        include_private: true,
        today,
    };
    let mut exported = 0;
    for (n, field) in every_part().into_iter().enumerate() {
        let Some(section) = section_of(field) else {
            continue;
        };
        let mut wb = workbook();
        let text = canary(field, n);
        field.commit(&mut wb, &text, today).unwrap();
        let shown = field.display(&wb).unwrap().into_owned();
        let doc = markdown(&document(&wb, &[section], opts));
        assert!(
            doc.contains(&shown),
            "{field:?} is not in the {section:?} section:\n{doc}"
        );
        exported += 1;
    }
    assert!(exported > 20, "only {exported} parts are exported");
}

/// The checks above can fail: a part left off its screen is caught by name.
#[test]
fn a_part_missing_from_its_screen_is_named() {
    let mut app = App::new(workbook());
    let field = Field::Agreement(AgreementPart::Boundaries);
    app.screen = mentorbook::nav::Screen::Exercise(mentorbook::nav::Exercise::Vision);
    assert!(
        !focus_targets(&app).contains(&Target::Field(field)),
        "a screen that does not place a part does not show it"
    );
}
