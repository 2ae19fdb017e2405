//! The mentor's side across workbooks, as a mentor with three mentees uses it: `due --all`
//! and `list` over every workbook of the data folder, the mentor's own items marked, and
//! nothing on disk changed by looking.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use common::disk::files_with_bytes;
use common::{fixed_now, fixture};
use mentorbook::model::{Commitment, Conversation, Owner, Role, Workbook};

fn mentorbook(home: &Path) -> Command {
    common::command_in(home)
}

/// Runs `mentorbook ARGS` in `home`, which must succeed; its standard output.
fn ok(home: &Path, args: &[&str]) -> String {
    let out = mentorbook(home).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// Saves `wb` as the named workbook `name` in the data folder under `home`.
fn named(home: &Path, name: &str, wb: &Workbook) -> PathBuf {
    common::disk::named_workbook(home, name, wb, fixed_now())
}

/// A mentor's three workbooks: Ana's (the sample, seen from the mentor's side), Ben's with
/// the mentor's own promise overdue, and Cleo's, just started.
fn three_mentees(home: &Path) {
    let mut ana = fixture();
    ana.role = Role::Mentor;
    named(home, "ana", &ana);
    let mut ben = Workbook {
        mentee: "Ben Okafor".into(),
        mentor: "Dana Fox".into(),
        role: Role::Mentor,
        ..Workbook::default()
    };
    let id = ben.fresh_id();
    ben.conversations.push(Conversation {
        id,
        at: fixed_now().fixed_offset() - chrono::Duration::days(20),
        notes: "Talked about the move to product.".into(),
        commitments: vec![
            Commitment {
                text: "Introduce Ben to the product lead".into(),
                owner: Owner::Mentor,
                due: NaiveDate::from_ymd_opt(2026, 11, 9),
                ..Commitment::default()
            },
            Commitment {
                text: "Draft the transfer note".into(),
                owner: Owner::Mentee,
                due: NaiveDate::from_ymd_opt(2026, 11, 30),
                ..Commitment::default()
            },
        ],
        ..Conversation::default()
    });
    named(home, "ben", &ben);
    let cleo = Workbook {
        mentee: "Cleo Park".into(),
        mentor: "Dana Fox".into(),
        role: Role::Mentor,
        ..Workbook::default()
    };
    named(home, "cleo", &cleo);
    // The mentor's own workbook as a mentee: their mentor's promise is not theirs to keep.
    let mut mine = Workbook {
        mentee: "Dana Fox".into(),
        mentor: "Eve Stone".into(),
        ..Workbook::default()
    };
    let id = mine.fresh_id();
    mine.conversations.push(Conversation {
        id,
        at: fixed_now().fixed_offset() - chrono::Duration::days(3),
        notes: "Eve will ask about the budget.".into(),
        commitments: vec![Commitment {
            text: "Ask the board about the budget".into(),
            owner: Owner::Mentor,
            due: NaiveDate::from_ymd_opt(2026, 11, 20),
            ..Commitment::default()
        }],
        ..Conversation::default()
    });
    named(home, "dana-own", &mine);
}

/// "What do I owe whom this week" in one command: every workbook, grouped, each with its
/// partners and role; the mentor's own overdue promise marked as theirs; the exit code 1
/// because something is overdue somewhere; JSON for scripts; nothing written.
#[test]
fn due_all_answers_what_i_owe_whom_across_three_workbooks() {
    let home = tempfile::tempdir().unwrap();
    three_mentees(home.path());
    let before = files_with_bytes(home.path());
    let out = mentorbook(home.path())
        .args(["due", "--all", "--within", "2w"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s:?} missing:\n{text}"))
    };
    assert!(at("== ana · Ana Ruiz with Ben Okafor · mentor") < at("== ben"));
    assert!(at("== ben · Ben Okafor with Dana Fox · mentor") < at("== cleo"));
    let ben = &text[at("== ben")..at("== cleo")];
    let line = |needle: &str| {
        ben.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in:\n{ben}"))
    };
    let mine = line("Introduce Ben to the product lead");
    assert!(
        mine.starts_with("OVERDUE") && mine.ends_with("· yours"),
        "{mine}"
    );
    let theirs = line("Draft the transfer note");
    assert!(!theirs.contains("yours"), "{theirs}");
    let cleo = &text[at("== cleo")..at("== dana-own")];
    assert!(cleo.contains("Nothing overdue"), "{text}");
    let own = &text[at("== dana-own · Dana Fox with Eve Stone · mentee")..];
    assert!(own.contains("Ask the board about the budget"), "{own}");
    assert!(
        !own.contains("yours"),
        "a mentee's workbook marks nothing:\n{own}"
    );

    let out = mentorbook(home.path())
        .args(["due", "--all", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = (json.as_array().unwrap().iter())
        .map(|w| w["workbook"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ana", "ben", "cleo", "dana-own"]);
    let yours: Vec<&serde_json::Value> = (json[1]["items"].as_array().unwrap().iter())
        .filter(|i| i["yours"] == true)
        .collect();
    assert_eq!(yours.len(), 1, "{json}");
    assert_eq!(
        files_with_bytes(home.path()),
        before,
        "due --all wrote something"
    );
}

/// `list` says where each relationship stands: whose workbook, the next meeting, what is
/// overdue and the commitments still open.
#[test]
fn list_shows_each_relationships_status() {
    let home = tempfile::tempdir().unwrap();
    three_mentees(home.path());
    let text = ok(home.path(), &["list"]);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing:\n{text}"))
    };
    let ben = line("ben");
    assert!(ben.contains("Ben Okafor with Dana Fox · mentor"), "{ben}");
    assert!(ben.contains("2 overdue"), "{ben}");
    assert!(ben.contains("2 open commitments"), "{ben}");
    let cleo = line("cleo");
    assert!(cleo.ends_with("Cleo Park with Dana Fox · mentor"), "{cleo}");
    let ana = line("ana");
    assert!(ana.contains("open commitment"), "{ana}");
}

/// `show agenda --all`: each mentee's next agenda under its workbook's name, previewed
/// (nothing created, no file changed).
#[test]
fn show_agenda_all_previews_every_mentees_next_agenda() {
    let home = tempfile::tempdir().unwrap();
    three_mentees(home.path());
    let before = files_with_bytes(home.path());
    let text = ok(home.path(), &["show", "agenda", "--all"]);
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s:?} missing:\n{text}"))
    };
    assert!(at("== ana") < at("== ben") && at("== ben") < at("== cleo"));
    let ben = &text[at("== ben")..at("== cleo")];
    assert!(
        ben.contains(
            "Carried over: Introduce Ben to the product lead (mentor, overdue since 2026-11-09)"
        ),
        "{ben}"
    );
    assert_eq!(
        files_with_bytes(home.path()),
        before,
        "show --all wrote something"
    );
}

/// `new NAME --role mentor --mentee NAME --mentor NAME` starts a mentor's workbook with its
/// names: `list` shows whose it is at once.
#[test]
fn new_sets_the_role_and_both_names_at_creation() {
    let home = tempfile::tempdir().unwrap();
    ok(
        home.path(),
        &[
            "new",
            "ben",
            "--role",
            "mentor",
            "--mentee",
            "Ben Okafor",
            "--mentor",
            "Dana Fox",
        ],
    );
    let path = mentorbook::workbooks::path_of(&home.path().join("data/mentorbook"), "ben");
    let wb = mentorbook::store::read_plan(&path).unwrap().workbook;
    assert_eq!(wb.role, Role::Mentor);
    assert_eq!(
        (wb.mentee.as_str(), wb.mentor.as_str()),
        ("Ben Okafor", "Dana Fox")
    );
    assert_eq!(wb.title, "ben");
    let list = ok(home.path(), &["list"]);
    assert!(list.contains("Ben Okafor with Dana Fox · mentor"), "{list}");
}

/// `report` against a workbook with known totals: three meetings held of four (one never
/// written in), 45 minutes each by the agreement, two goals achieved of three (a dropped one
/// not counted), a commitment ticked, one made a step now done, one open, two check-ins
/// held (a record and a check-in conversation) of the six a fortnightly rhythm asks for from
/// 1 September to 1 December; `--since` narrows it; Markdown and JSON say the same.
#[test]
fn report_gives_a_programme_its_figures() {
    use mentorbook::model::{ActionStep, CheckIn, ConversationKind, Goal, GoalStatus, StepStatus};
    let home = tempfile::tempdir().unwrap();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let at =
        |s: &str| chrono::DateTime::parse_from_rfc3339(&format!("{s}T10:00:00+01:00")).unwrap();
    let mut wb = Workbook {
        title: "Ben".into(),
        role: Role::Mentor,
        ..Workbook::default()
    };
    wb.agreement.meeting_length = "45 min".into();
    wb.agreement.check_in_every_days = Some(14);
    wb.agreement.agreed_on = Some(day("2026-09-01"));
    for (status, title) in [
        (GoalStatus::Achieved, "One"),
        (GoalStatus::Achieved, "Two"),
        (GoalStatus::Active, "Three"),
        (GoalStatus::Dropped, "Gone"),
    ] {
        let id = wb.fresh_id();
        wb.goals.push(Goal {
            id,
            title: title.into(),
            status,
            ..Goal::default()
        });
    }
    let step = wb.fresh_id();
    wb.goals[2].plan.steps.push(ActionStep {
        id: step,
        text: "Done step".into(),
        status: StepStatus::Done,
        ..ActionStep::default()
    });
    let held = |wb: &mut Workbook, when: &str, kind, commitments| {
        let id = wb.fresh_id();
        wb.conversations.push(Conversation {
            id,
            at: at(when),
            kind,
            notes: "Held.".into(),
            commitments,
            ..Conversation::default()
        });
    };
    let promise = |text: &str, done, step| Commitment {
        text: text.into(),
        done,
        step,
        ..Commitment::default()
    };
    held(
        &mut wb,
        "2026-09-10",
        ConversationKind::default(),
        vec![promise("Kept", true, None)],
    );
    held(
        &mut wb,
        "2026-10-08",
        ConversationKind::CheckIn,
        vec![promise("Stepped", false, Some(step))],
    );
    // This one ran long: its own length counts, the others the agreed 45 minutes.
    wb.conversations.last_mut().unwrap().minutes = Some(90);
    held(
        &mut wb,
        "2026-11-12",
        ConversationKind::default(),
        vec![promise("Open", false, None)],
    );
    let id = wb.fresh_id();
    wb.conversations.push(Conversation {
        id,
        at: at("2026-11-26"),
        ..Conversation::default()
    });
    let id = wb.fresh_id();
    wb.check_ins.push(CheckIn {
        id,
        date: Some(day("2026-11-20")),
        progress: "Fine.".into(),
        ..CheckIn::default()
    });
    let path = named(home.path(), "ben", &wb);
    let today = day("2026-12-01");
    let p = mentorbook::report::practice::practice(&wb, None, today);
    assert_eq!(
        (p.meetings, p.minutes_per_meeting, p.hours),
        (3, 45, 3.0),
        "{p:?}"
    );
    assert_eq!((p.goals_achieved, p.goals), (2, 3));
    assert_eq!((p.commitments_kept, p.commitments_open), (2, 1));
    assert_eq!((p.check_ins, p.check_ins_agreed), (2, Some(6)));
    assert_eq!(p.from, Some(day("2026-09-01")));
    let since = mentorbook::report::practice::practice(&wb, Some(day("2026-10-01")), today);
    assert_eq!(
        (
            since.meetings,
            since.commitments_kept,
            since.check_ins,
            since.check_ins_agreed
        ),
        (2, 1, 2, Some(4))
    );
    // The command, on the same workbook (today's date is the machine's: figures up to now).
    let run = |args: &[&str]| {
        ok(
            home.path(),
            &[&["--workbook", "ben", "report"], args].concat(),
        )
    };
    let text = run(&[]);
    assert!(
        text.contains("meetings held      3 (3 h; 45 min unless one says)"),
        "{text}"
    );
    assert!(text.contains("goals achieved     2 of 3"), "{text}");
    assert!(text.contains("commitments        2 kept, 1 open"), "{text}");
    let md = run(&["--all", "--format", "markdown"]);
    assert!(md.contains("| ben | 2026-09-01 |"), "{md}");
    assert!(md.contains("| 3 | 3 | 2 of 3 | 2 | 1 | 2 |"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    assert_eq!(json[0]["practice"]["meetings"], 3);
    assert_eq!(json[0]["practice"]["commitments_open"], 1);
    assert!(path.exists());
}

/// In a string nothing else in the workbook holds.
const OWN: &str = "Quokka-mentor-note";

/// The sample as a mentor's workbook, with a canary in each of the mentor's own notes: the
/// prospect page, every conversation's 4 Ps, every goal's mentor's view.
fn mentor_with_own_notes() -> Workbook {
    let mut wb = fixture();
    wb.role = Role::Mentor;
    let p = &mut wb.prospect;
    p.learn_what_and_why = format!("{OWN} suspects he wants a sponsor");
    p.readiness = format!("{OWN} readiness");
    p.mentee_motivations = format!("{OWN} motivations");
    p.mentee_fit.note = format!("{OWN} watch for burnout");
    p.mentor_fit.note = format!("{OWN} my fit");
    for c in &mut wb.conversations {
        c.prep.purpose = format!("{OWN} purpose");
        c.prep.preparation = format!("{OWN} avoiding the manager path");
        c.prep.participation = format!("{OWN} participation");
        c.prep.plan = format!("{OWN} plan");
    }
    for g in &mut wb.goals {
        g.mentor_comment = format!("{OWN} view on the goal");
    }
    wb
}

/// A mentor's own notes are private by default: no call-mode screen shows them (every
/// screen, every focus position, 80x24 and 120x40), no document or share packet holds them
/// unless private content is asked for, each is marked beside its label, and the banner
/// says they are hidden at every width. The overview's switch shares them; in a mentee's
/// workbook the same pages are not private.
#[test]
fn a_mentors_own_notes_stay_private_in_calls_exports_and_packets() {
    use mentorbook::app::App;
    use mentorbook::nav::Screen;
    let wb = mentor_with_own_notes();
    let mut screens: Vec<Screen> = Screen::top_level().collect();
    screens.extend((0..wb.goals.len()).flat_map(|g| [Screen::Goal(g), Screen::Worksheet(g)]));
    screens.extend((0..wb.conversations.len()).map(Screen::Conversation));
    let mut frames = 0;
    let mut seen = 0;
    for screen in screens {
        let mut app = App::new(wb.clone());
        app.today = fixed_now().date_naive();
        app.screen = screen;
        let text = common::screen_text(&app, 120, 40);
        if text.contains(OWN) {
            seen += 1;
            assert!(
                text.contains("private, yours"),
                "{screen:?} has no mark:\n{text}"
            );
        }
        if screen == Screen::Exercise(mentorbook::nav::Exercise::Conversations) {
            assert!(
                !text.contains(OWN),
                "the log names a conversation by its 4 Ps:\n{text}"
            );
        }
        common::press(&mut app, "C");
        let steps = mentorbook::screens::focus_targets(&app).len().max(1);
        for _ in 0..=steps {
            for (w, h) in [(80, 24), (120, 40)] {
                let text = common::screen_text(&app, w, h);
                assert!(!text.contains(OWN), "{screen:?} at {w}x{h}:\n{text}");
                frames += 1;
            }
            common::press(&mut app, "j");
        }
    }
    assert!(
        seen >= 3,
        "the notes show outside call mode ({seen} screens)"
    );
    // The prospect page is all the mentor's own: in a call it says so, as a whole.
    let mut app = App::new(wb.clone());
    app.screen = Screen::Exercise(mentorbook::nav::Exercise::Prospect);
    common::press(&mut app, "C");
    let text = common::screen_text(&app, 120, 40);
    assert!(text.contains("are your own"), "{text}");
    eprintln!("mentor's own notes: {frames} call-mode frames, none shows them");
    // Documents and the share packet.
    for section in mentorbook::report::Section::ALL {
        let shown = mentorbook::cli::show_text(&wb, section, false, fixed_now(), false);
        assert!(!shown.contains(OWN), "{section:?}:\n{shown}");
    }
    let packet = serde_json::to_string(&mentorbook::privacy::shareable(&wb)).unwrap();
    assert!(!packet.contains(OWN));
    let all = mentorbook::cli::show_text(
        &wb,
        mentorbook::report::Section::Goals,
        true,
        fixed_now(),
        false,
    );
    assert!(all.contains(OWN), "asked for, they are there");
    for width in [40, 60, 80, 100, 120, 200] {
        let banner = mentorbook::ui::banner_text(width, true);
        assert!(
            unicode_width::UnicodeWidthStr::width(banner) <= usize::from(width.max(60)),
            "{width}: {banner}"
        );
        assert!(banner.contains("notes"), "{width}: {banner}");
        assert!(!banner.contains("everything"), "{width}: {banner}");
    }
    // Shared with the overview's switch: in calls and documents again.
    let mut app = App::new(wb.clone());
    common::focus(
        &mut app,
        mentorbook::nav::Target::Choice(mentorbook::field::Choice::MentorNotes),
    );
    common::press(&mut app, "<Enter>");
    assert!(app.workbook.mentor_notes_shared);
    app.screen = Screen::Conversation(0);
    common::press(&mut app, "C");
    assert!(common::screen_text(&app, 120, 40).contains(OWN));
    // A mentee's workbook: the same pages are theirs to show (nothing changes for them).
    let mut mentee = wb.clone();
    mentee.role = Role::Mentee;
    assert!(
        serde_json::to_string(&mentorbook::privacy::shareable(&mentee))
            .unwrap()
            .contains(OWN)
    );
}
