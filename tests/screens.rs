//! Snapshot tests of every screen and mode at 80x24 and 120x40, and a render at every small
//! size without panicking. Review changes with `cargo insta review` (or read the .snap.new
//! files) and commit `tests/snapshots/`.

mod common;

use common::{app_at, draw, focus, press, saved_at};
use mentorbook::app::{App, Status};
use mentorbook::field::{
    AgreementPart, Choice, ClosurePart, Field, ListKind, VisionPart, WorkbookPart,
};
use mentorbook::model::{PlanArea, Role, Workbook};
use mentorbook::nav::{Exercise, Screen, Target};

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), common::body(app, w, h));
    }
}

fn home() -> App {
    let mut app = app_at(Screen::Home);
    app.status = saved_at();
    app
}

fn vision() -> App {
    let mut app = app_at(Screen::Exercise(Exercise::Vision));
    app.status = saved_at();
    app
}

#[test]
fn home_browse() {
    let mut app = home();
    app.location = Some("/home/ana/.local/share/mentorbook/workbook.json".into());
    snap("home_browse", &app);
}

#[test]
fn home_empty_workbook() {
    snap("home_empty", &App::new(Workbook::default()));
}

#[test]
fn home_focus_on_exercise() {
    let mut app = home();
    focus(
        &mut app,
        Target::Open(Screen::Exercise(Exercise::Agreement)),
    );
    snap("home_focus_exercise", &app);
}

#[test]
fn home_edit_mentee() {
    let mut app = home();
    focus(
        &mut app,
        Target::Field(Field::Workbook(WorkbookPart::Mentee)),
    );
    press(&mut app, "<Enter> (she/her)");
    snap("home_edit_mentee", &app);
}

#[test]
fn home_help() {
    let mut app = home();
    press(&mut app, "?");
    snap("home_help", &app);
}

#[test]
fn home_unsaved_changes() {
    let mut app = home();
    press(&mut app, "p");
    app.unsaved = true;
    snap("home_unsaved", &app);
}

#[test]
fn home_not_saved() {
    let mut app = home();
    app.status = Status::NotSaved("the disk is full (writing)".into());
    snap("home_not_saved", &app);
}

#[test]
fn home_quit_unsaved_confirm() {
    let mut app = home();
    app.status = Status::NotSaved("permission denied (replacing the file)".into());
    app.mode = mentorbook::nav::Mode::Confirm(mentorbook::nav::Confirm::QuitUnsaved);
    snap("home_quit_unsaved", &app);
}

#[test]
fn home_recovery_offered() {
    let mut app = home();
    app.mode = mentorbook::nav::Mode::Confirm(mentorbook::nav::Confirm::Recover(
        "2026-11-24 09:12".into(),
    ));
    snap("home_recovery_offered", &app);
}

#[test]
fn home_conflict_status() {
    let mut app = home();
    app.status = Status::NotSaved(
        "changed outside mentorbook; yours: workbook.conflict-20261124-091502.json".into(),
    );
    app.notice = Some(
        "Changed outside mentorbook; yours is in workbook.conflict-20261124-091502.json".into(),
    );
    snap("home_conflict_status", &app);
}

/// What a merge left to choose: the list above, the selected collision's two sides below
/// (side by side at 120 columns, stacked at 80); in call mode, hidden as private.
#[test]
fn merge_collisions() {
    let mut app = home();
    app.workbook = common::with_collisions(std::mem::take(&mut app.workbook));
    press(&mut app, "m");
    assert_eq!(app.screen, Screen::Merge);
    snap("merge_first", &app);
    press(&mut app, "j");
    snap("merge_second", &app);
    press(&mut app, "l");
    snap("merge_kept_theirs", &app);
    press(&mut app, "C");
    snap("merge_in_call_mode", &app);
}

/// The partner view: the partner's goals and steps from their packet, with a note and a
/// tick of mine; and the overview saying when they shared it.
#[test]
fn partner_view() {
    let mut app = home();
    let mut theirs = common::fixture();
    theirs.id = "ana-workbook".into();
    app.workbook = Workbook {
        role: Role::Mentor,
        mentee: "Ana Ruiz".into(),
        mentor: "Ben Okafor".into(),
        title: "Mentoring Ana".into(),
        ..Workbook::default()
    };
    app.partner = Some(std::sync::Arc::new(mentorbook::model::PartnerView {
        workbook: mentorbook::privacy::shareable(&theirs),
        shared_at: common::fixed_now().fixed_offset(),
    }));
    snap("partner_on_the_overview", &app);
    press(&mut app, "P");
    press(&mut app, "<Enter>A stretch, and the right one.<Esc>jx");
    snap("partner_view", &app);
}

#[test]
fn vision_browse() {
    snap("vision_browse", &vision());
}

#[test]
fn vision_empty() {
    let mut app = App::new(Workbook::default());
    app.screen = Screen::Exercise(Exercise::Vision);
    snap("vision_empty", &app);
}

#[test]
fn vision_edit_statement() {
    let mut app = vision();
    focus(
        &mut app,
        Target::Field(Field::Vision(VisionPart::Statement)),
    );
    press(&mut app, "<Enter>");
    snap("vision_edit_statement", &app);
}

#[test]
fn vision_edit_new_strength() {
    let mut app = vision();
    press(&mut app, "aAsks for help early");
    snap("vision_edit_new_strength", &app);
}

#[test]
fn vision_future_tense_warning() {
    let mut app = vision();
    app.workbook.vision.statement = "I will lead a team one day.".into();
    snap("vision_future_tense", &app);
}

#[test]
fn vision_confirm_delete() {
    let mut app = vision();
    focus(&mut app, Target::Field(Field::Strength(1)));
    press(&mut app, "d");
    snap("vision_confirm_delete", &app);
}

#[test]
fn vision_help_in_editor() {
    let mut app = vision();
    focus(
        &mut app,
        Target::Field(Field::Vision(VisionPart::Statement)),
    );
    press(&mut app, "<Enter><F1>");
    snap("vision_help_in_editor", &app);
}

#[test]
fn vision_paste_ignored_notice() {
    let mut app = vision();
    common::send(&mut app, crossterm::event::Event::Paste("q".into()));
    snap("vision_paste_ignored", &app);
}

/// Every exercise of the relationship, in each role.
#[test]
fn relationship_screens_in_each_role() {
    for screen in [
        Screen::Home,
        Screen::Exercise(Exercise::Reflection),
        Screen::Exercise(Exercise::Prospect),
        Screen::Exercise(Exercise::Agreement),
        Screen::Exercise(Exercise::Plan),
        Screen::Exercise(Exercise::Closure),
    ] {
        for role in [Role::Mentee, Role::Mentor] {
            let mut app = app_at(screen);
            app.status = saved_at();
            app.workbook.role = role;
            let name = format!(
                "{}_{}",
                screen_name(screen),
                if role == Role::Mentee {
                    "mentee"
                } else {
                    "mentor"
                }
            );
            snap(&name, &app);
        }
    }
}

fn screen_name(screen: Screen) -> &'static str {
    match screen {
        Screen::Home => "home",
        Screen::Exercise(Exercise::Reflection) => "reflection",
        Screen::Exercise(Exercise::Prospect) => "prospect",
        Screen::Exercise(Exercise::Agreement) => "agreement",
        Screen::Exercise(Exercise::Plan) => "plan",
        Screen::Exercise(Exercise::Vision) => "vision",
        Screen::Exercise(Exercise::Brainstorm) => "brainstorm",
        Screen::Exercise(Exercise::Goals) => "goals",
        Screen::Exercise(Exercise::Conversations) => "conversations",
        Screen::Exercise(Exercise::Closure) => "closure",
        Screen::Exercise(Exercise::Journal) => "journal",
        Screen::Conversation(_) => "conversation",
        Screen::CheckIn(_) => "check_in",
        Screen::Entry(_) => "entry",
        Screen::Goal(_) => "goal",
        Screen::Worksheet(_) => "worksheet",
        Screen::Glance(_) => "glance",
        Screen::Review(_) => "review",
        Screen::Merge => "merge",
        Screen::Partner => "partner",
    }
}

/// Help and editing the first field, on every relationship screen.
#[test]
fn relationship_screens_help_and_edit() {
    for screen in [
        Screen::Exercise(Exercise::Reflection),
        Screen::Exercise(Exercise::Prospect),
        Screen::Exercise(Exercise::Agreement),
        Screen::Exercise(Exercise::Plan),
        Screen::Exercise(Exercise::Closure),
    ] {
        for (mode, keys) in [("help", "?"), ("edit", "<Enter> (draft)")] {
            let mut app = app_at(screen);
            app.status = saved_at();
            press(&mut app, keys);
            snap(&format!("{}_{mode}", screen_name(screen)), &app);
        }
    }
}

#[test]
fn plan_confirm_delete_topic() {
    let mut app = app_at(Screen::Exercise(Exercise::Plan));
    press(&mut app, "d");
    snap("plan_confirm_delete", &app);
}

#[test]
fn relationship_screens_empty() {
    for screen in [
        Screen::Exercise(Exercise::Reflection),
        Screen::Exercise(Exercise::Prospect),
        Screen::Exercise(Exercise::Agreement),
        Screen::Exercise(Exercise::Plan),
        Screen::Exercise(Exercise::Closure),
    ] {
        let mut app = App::new(Workbook::default());
        app.screen = screen;
        snap(&format!("{}_empty", screen_name(screen)), &app);
    }
}

#[test]
fn agreement_date_that_does_not_parse() {
    let mut app = app_at(Screen::Exercise(Exercise::Agreement));
    focus(
        &mut app,
        Target::Field(Field::Agreement(AgreementPart::AgreedOn)),
    );
    press(&mut app, "<Enter><C-a><C-k>someday<Esc>");
    snap("agreement_bad_date", &app);
}

#[test]
fn agreement_editing_running_text() {
    let mut app = app_at(Screen::Exercise(Exercise::Agreement));
    press(&mut app, "<Enter> More.");
    snap("agreement_edit_purpose", &app);
}

#[test]
fn plan_new_workplace_topic() {
    let mut app = app_at(Screen::Exercise(Exercise::Plan));
    focus(&mut app, Target::Add(ListKind::Topics(PlanArea::Workplace)));
    press(&mut app, "aMy manager cancels our one-to-ones");
    snap("plan_new_topic", &app);
}

#[test]
fn closure_with_checks_ticked() {
    let mut app = app_at(Screen::Exercise(Exercise::Closure));
    for check in [0, 1] {
        focus(&mut app, Target::Choice(Choice::Check(check)));
        press(&mut app, "<Enter>");
    }
    focus(
        &mut app,
        Target::Field(Field::Closure(ClosurePart::EvaluatedNotes)),
    );
    press(&mut app, "<Enter>Noted in the last meeting<Enter>");
    snap("closure_checks", &app);
}

#[test]
fn too_small_terminal() {
    let app = home();
    let terminal = draw(&app, 40, 10);
    insta::assert_snapshot!("too_small_40x10", terminal.backend());
}

/// Every screen once at 1000x1000 (the sweep below stops at 1000x300 to stay quick).
#[test]
fn every_screen_renders_at_a_thousand_by_a_thousand() {
    for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
        let mut app = App::new(common::fixture());
        app.screen = screen;
        draw(&app, 1000, 1000);
    }
}

/// Every screen in every mode at every size from 0x0 to 30x12, and a few extreme ones.
#[test]
fn every_size_renders_without_panic() {
    let scripts = [
        "",
        "<Enter>",
        "?",
        "jd",
        "aLong item text that will not fit anywhere",
        "s",
        "jjjjjjjjjjjjjjt",
        "jjjjjjjjjjjjjjb",
    ];
    let mut sizes: Vec<(u16, u16)> = (0..=30)
        .flat_map(|w| (0..=12).map(move |h| (w, h)))
        .collect();
    sizes.extend([
        (1, 200),
        (200, 1),
        (500, 3),
        (60, 16),
        (59, 16),
        (60, 15),
        (1000, 300),
    ]);
    for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
        for keys in scripts {
            for wb in [common::fixture(), Workbook::default()] {
                let mut app = App::new(wb);
                app.screen = screen;
                press(&mut app, keys);
                for (w, h) in &sizes {
                    draw(&app, *w, *h);
                }
            }
        }
    }
}

/// The workbook picker: at start when several workbooks exist, and from `W` inside the app
/// (the open one marked), each row with where that relationship stands; a workbook without
/// names asks whose it is and who is in it.
#[test]
fn workbook_picker() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use mentorbook::picker::{Choice, Picker};
    let row = |name: &str, about: &str| Choice {
        name: name.into(),
        about: about.into(),
        unnamed: about == "(no names yet)",
    };
    let choices = vec![
        row("default", "(no names yet)"),
        row(
            "ana-ruiz",
            "Ana Ruiz with Ben Okafor · mentor · next meeting 2026-12-08 · 1 overdue",
        ),
        row(
            "sam-lee",
            "Sam Lee with Ben Okafor · mentor · 2 open commitments",
        ),
    ];
    let draw = |picker: &Picker, name: &str, w: u16, h: u16| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| picker.render(f.area(), f.buffer_mut()))
            .unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    };
    let mut picker = Picker::new(choices.clone(), None);
    picker.selected = 1;
    let switching = Picker::new(choices, Some(2));
    for (w, h) in [(80, 24), (60, 16), (120, 40)] {
        draw(&picker, "picker", w, h);
        draw(&switching, "picker_switching", w, h);
    }
    let key = |p: &mut Picker, code| p.key(KeyEvent::new(code, KeyModifiers::NONE));
    picker.selected = 0;
    key(&mut picker, KeyCode::Enter);
    key(&mut picker, KeyCode::Down);
    draw(&picker, "picker_asks_role", 80, 24);
    key(&mut picker, KeyCode::Enter);
    for c in "Cleo Park".chars() {
        key(&mut picker, KeyCode::Char(c));
    }
    draw(&picker, "picker_asks_names", 80, 24);
}

/// Every screen's footer while browsing, and the footer of every mode, at both widths: the
/// one place the key hints are snapshotted (the screens' own snapshots leave the row out).
#[test]
fn footers() {
    use mentorbook::nav::{Mode, Pick, PickWhat};
    let mut out = String::new();
    for w in [80u16, 120] {
        let mut line = |what: &str, app: &App| {
            out.push_str(&format!("{w} {what}: {}\n", common::footer(app, w, 24)));
        };
        for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
            line(&format!("{screen:?}"), &app_at(screen));
        }
        let mut reference = app_at(Screen::Home);
        press(&mut reference, "Ry<Tab>");
        line("Review, the reference pane", &reference);
        let mut edit = app_at(Screen::Home);
        focus(
            &mut edit,
            Target::Field(Field::Workbook(WorkbookPart::Mentee)),
        );
        press(&mut edit, "<Enter>");
        line("editing", &edit);
        let mut confirm = vision();
        press(&mut confirm, "d");
        line("a question", &confirm);
        let mut pick = app_at(Screen::Goal(0));
        press(&mut pick, "s");
        line("picking", &pick);
        let mut room = app_at(Screen::Goal(0));
        room.mode = Mode::Pick(Pick {
            what: PickWhat::MakeRoom(0),
            selected: 0,
        });
        line("making room", &room);
        let mut help = app_at(Screen::Home);
        press(&mut help, "?");
        line("help", &help);
    }
    insta::assert_snapshot!("footers", out);
}

/// Every screen as a mentor sees it in their workbook for a mentee: the prompts speak of
/// the mentee's plan in the third person and of the mentor's own notes as "mine".
#[test]
fn every_screen_in_the_mentor_role() {
    for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
        let mut app = app_at(screen);
        app.status = saved_at();
        app.workbook.role = Role::Mentor;
        snap(&format!("mentor_role_{}", screen_name(screen)), &app);
    }
}

/// Words that only a mentee's workbook may say: in a mentor's they put the mentor in the
/// mentee's place ("bring to your mentor", "what exactly will you do?").
const MENTEE_VOICE: &[&str] = &[
    "your mentor",
    "for a mentor",
    "will you do",
    "your vision",
    "your career",
    "your development",
    "your own topics",
    "you do well",
    "holds you back",
    "do you want to be",
    "do you want your life",
    "your working life",
    "your last performance",
    "as a mentee again",
    "reviewed with mentor",
    "the mentor's view",
    "mentor: too easy",
];

/// No prompt, placeholder, label, hint or overview line of a mentor's workbook speaks to the
/// mentee: every field's words on every screen, full and empty, and what each screen shows.
#[test]
fn a_mentors_workbook_never_speaks_as_the_mentee() {
    let mut seen = 0;
    for wb in [common::fixture(), Workbook::default()] {
        for screen in Screen::top_level().chain(Screen::PAGE_KINDS) {
            let mut app = App::new(wb.clone());
            app.workbook.role = Role::Mentor;
            app.screen = screen;
            let mut words = vec![common::screen_text(&app, 120, 200)];
            for t in mentorbook::screens::focus_targets(&app) {
                if let Target::Field(f) = t {
                    let spec = mentorbook::screens::spec(f, &app.workbook);
                    words.push(format!("{} {}", spec.label, spec.placeholder));
                }
            }
            for text in words {
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let lower = flat.to_lowercase();
                for phrase in MENTEE_VOICE {
                    assert!(
                        !lower.contains(phrase),
                        "{screen:?} says “{phrase}” in a mentor's workbook: {flat}"
                    );
                }
                seen += 1;
            }
        }
    }
    assert!(seen > 200, "only {seen} texts looked at");
    // The same phrases are there in a mentee's workbook: the list is worth checking.
    let mut app = app_at(Screen::Exercise(Exercise::Plan));
    app.workbook.role = Role::Mentee;
    let text = common::screen_text(&app, 120, 200).to_lowercase();
    assert!(text.contains("your career"), "{text}");
}
