//! Between partners, through files: `share` writes a packet with nothing private in it,
//! `partner` keeps the other's packet as a read-only partner view and takes in only their
//! notes on this workbook's items; in the app the partner view takes a note and a tick,
//! which travel back in the next packet and show on the partner's goal page.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use assert_cmd::Command;
use common::{fixed_now, fixture, press, screen_text};
use mentorbook::app::App;
use mentorbook::model::{Role, Workbook};
use mentorbook::nav::Screen;
use mentorbook::store::Store;

const CANARY: &str = "Wombat-canary";

fn mentorbook(home: &Path) -> Command {
    common::command_in(home)
}

/// Saves `wb` as a workbook at `dir/name.json` (it gets its id there).
fn saved(dir: &Path, name: &str, mut wb: Workbook) -> PathBuf {
    let path = dir.join(format!("{name}.json"));
    let (mut store, _) = Store::open(&path).unwrap();
    mentorbook::store::ensure_id(&mut wb);
    store.save(&wb, fixed_now()).unwrap();
    path
}

/// The mentee's workbook with a canary in every private place (the call-mode list).
fn mentee_with_canaries() -> Workbook {
    common::with_private_canaries(fixture(), CANARY)
}

fn mentor() -> Workbook {
    Workbook {
        role: Role::Mentor,
        mentee: "Ana Ruiz".into(),
        mentor: "Ben Okafor".into(),
        title: "Mentoring Ana".into(),
        ..Workbook::default()
    }
}

#[test]
fn the_share_packet_holds_no_private_canary_unless_asked() {
    let home = tempfile::tempdir().unwrap();
    let ana = saved(home.path(), "ana", mentee_with_canaries());
    let out = mentorbook(home.path())
        .args(["share", "--file"])
        .arg(&ana)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let packet = String::from_utf8(out).unwrap();
    assert!(!packet.contains(CANARY), "{packet}");
    assert!(packet.contains("\"format\": \"mentorbook-share\""));
    assert!(
        packet.contains("Ana Ruiz"),
        "the shareable content is there"
    );
    // Asked for, the private content is there; a collision never is.
    let file = home.path().join("all.json");
    mentorbook(home.path())
        .args(["share", "--include-private", "-o"])
        .arg(&file)
        .arg("--file")
        .arg(&ana)
        .assert()
        .success();
    let all = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        all.matches(CANARY).count(),
        5,
        "all but the collision: {all}"
    );
    assert!(!all.contains("collision"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

/// `share` from `from` into `dir/packet-N.json`, then `partner` of it into `to`.
fn hand_over(home: &Path, from: &Path, to: &Path, n: usize) -> String {
    let packet = home.join(format!("packet-{n}.json"));
    mentorbook(home)
        .args(["share", "-o"])
        .arg(&packet)
        .arg("--file")
        .arg(from)
        .assert()
        .success();
    let out = mentorbook(home)
        .args(["partner"])
        .arg(&packet)
        .arg("--file")
        .arg(to)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn notes_and_ticks_on_the_partners_items_travel_back_and_change_nothing_else() {
    let home = tempfile::tempdir().unwrap();
    let mut wb = mentee_with_canaries();
    // A commitment made in this version (it has an id, so a note can find it).
    let id = wb.fresh_id();
    wb.conversations[0]
        .commitments
        .push(mentorbook::model::Commitment {
            id,
            text: "Send Ben the draft agenda".into(),
            ..Default::default()
        });
    let ana = saved(home.path(), "ana", wb);
    let ben = saved(home.path(), "ben", mentor());
    let said = hand_over(home.path(), &ana, &ben, 1);
    assert!(said.contains("Kept Ana Ruiz"), "{said}");
    assert!(mentorbook::store::partner_path(&ben).exists());

    // Ben opens his workbook: the partner view shows Ana's goals and steps, read-only.
    let (store, wb) = Store::open(&ben).unwrap();
    let mut app = App::new(wb);
    app.today = fixed_now().date_naive();
    app.partner = mentorbook::store::read_partner(&ben).unwrap().map(Arc::new);
    press(&mut app, "P");
    assert_eq!(app.screen, Screen::Partner);
    let shown = screen_text(&app, 100, 30);
    assert!(shown.contains("Ana Ruiz (mentee)"), "{shown}");
    assert!(!shown.contains(CANARY), "nothing private of hers: {shown}");
    let ana_wb = mentorbook::store::read_only(&ana).unwrap().workbook;
    let goal = &ana_wb.goals[0];
    assert!(shown.contains(goal.name()), "{shown}");
    // A note on her first goal, a tick on its first step.
    press(&mut app, "<Enter>A stretch, and the right one.<Esc>jx");
    // And, at the end of the list, her commitment.
    press(&mut app, "<End><Enter>Looking forward to it.<Esc>");
    let notes = &app.workbook.notes_for_partner;
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert_eq!(
        (notes[0].id, notes[0].text.as_str()),
        (goal.id, "A stretch, and the right one.")
    );
    assert_eq!(
        (notes[1].id, notes[1].agreed),
        (goal.plan.steps[0].id, true)
    );
    // A note Ben left on another mentee's workbook never lands in Ana's.
    app.workbook
        .notes_for_partner
        .push(mentorbook::model::PartnerNote {
            id: goal.id,
            workbook: "another-mentees-workbook".into(),
            text: "For someone else".into(),
            ..Default::default()
        });
    let mut store = store;
    store.save(&app.workbook, fixed_now()).unwrap();
    drop(store);

    // Back to Ana: her notes from Ben, and nothing else of his in her workbook.
    let before = std::fs::read_to_string(ana.with_extension("parts").join("plan.json")).unwrap();
    let said = hand_over(home.path(), &ben, &ana, 2);
    assert!(said.contains("3 notes on your items"), "{said}");
    let after = mentorbook::store::read_only(&ana).unwrap().workbook;
    let mut same = after.clone();
    same.notes_from_partner.clear();
    assert_eq!(same, ana_wb, "a packet writes nothing into her own items");
    assert_eq!(after.notes_from_partner.len(), 3);
    assert!(
        before.len()
            < std::fs::read_to_string(ana.with_extension("parts").join("plan.json"))
                .unwrap()
                .len()
    );
    // Her goal page shows them as her partner's.
    let mut app = App::new(after);
    app.today = fixed_now().date_naive();
    app.screen = Screen::Goal(0);
    let page = screen_text(&app, 120, 80);
    assert!(page.contains("Your partner's notes"), "{page}");
    assert!(page.contains("A stretch, and the right one."), "{page}");
    assert!(page.contains("✓ agreed"), "{page}");
    app.screen = Screen::Conversation(0);
    let page = screen_text(&app, 120, 80);
    assert!(page.contains("Looking forward to it."), "{page}");
}

#[test]
fn a_packet_from_the_workbook_itself_is_refused_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let ana = saved(home.path(), "ana", fixture());
    let packet = home.path().join("own.json");
    mentorbook(home.path())
        .args(["share", "-o"])
        .arg(&packet)
        .arg("--file")
        .arg(&ana)
        .assert()
        .success();
    let before = common::disk::files(&ana);
    let out = mentorbook(home.path())
        .arg("partner")
        .arg(&packet)
        .arg("--file")
        .arg(&ana)
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("this workbook itself"));
    assert_eq!(common::disk::files(&ana), before);
    assert!(!mentorbook::store::partner_path(&ana).exists());
    // Not a packet at all: said, and nothing changes.
    let out = mentorbook(home.path())
        .arg("partner")
        .arg(&ana)
        .arg("--file")
        .arg(home.path().join("ben.json"))
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("mentorbook-share"),
        "{}",
        String::from_utf8_lossy(&out)
    );
}

#[test]
fn the_review_shows_the_partners_plan_beside_todays_notes() {
    let home = tempfile::tempdir().unwrap();
    let ana = saved(home.path(), "ana", fixture());
    let ben = saved(home.path(), "ben", mentor());
    hand_over(home.path(), &ana, &ben, 1);
    let (_store, wb) = Store::open(&ben).unwrap();
    let mut app = App::new(wb);
    app.today = fixed_now().date_naive();
    app.partner = mentorbook::store::read_partner(&ben).unwrap().map(Arc::new);
    mentorbook::screens::open_review(&mut app, fixed_now());
    press(&mut app, "yP");
    let shown = screen_text(&app, 140, 40);
    let ana_wb = fixture();
    assert!(shown.contains("Ana Ruiz (mentee): Action plans"), "{shown}");
    assert!(
        shown.contains(ana_wb.goals[0].plan.steps[0].text.trim()),
        "{shown}"
    );
    press(&mut app, "P");
    assert!(!screen_text(&app, 140, 40).contains("Ana Ruiz (mentee):"));
}
