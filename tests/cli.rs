//! The command line, run as a user runs it: exit codes, what reaches stdout and stderr,
//! colour only on a terminal (and never with NO_COLOR), files left untouched.

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin;

const SAMPLE: &str = include_str!("../assets/sample-workbook.json");

/// A home folder of its own (so the data folder is fresh) and a copy of the sample in it.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("sample.json");
    std::fs::write(&file, SAMPLE).unwrap();
    (home, file)
}

fn mentorbook(home: &Path) -> Command {
    let mut cmd = Command::new(cargo_bin!("mentorbook"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("MENTORBOOK_FILE")
        .env_remove("NO_COLOR");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn stderr_of_failure(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().clone();
    assert!(out.stdout.is_empty(), "nothing on stdout when failing");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn show_prints_each_summary_plainly_when_piped() {
    let (home, file) = setup();
    for (what, expect) in [
        ("plan", "Read the last ten review summaries"),
        ("goals", "SMART check: S ✓  M ✓  A ✓  R ✓  T ✓"),
        ("agenda", "Carried over: Send Ben my next summary draft"),
        ("deadlines", "2027-02-26"),
    ] {
        let out = stdout(
            mentorbook(home.path())
                .arg("--file")
                .arg(&file)
                .args(["show", what]),
        );
        assert!(out.contains(expect), "{what}:\n{out}");
        assert!(!out.contains('\x1b'), "no colour when piped: {what}");
        // The private topic of the sample never shows without --include-private.
        assert!(!out.contains("Tension with a peer"), "{what}");
    }
}

#[test]
fn export_writes_markdown_ics_and_json_to_stdout_or_a_file() {
    let (home, file) = setup();
    let md = stdout(
        mentorbook(home.path())
            .arg("--file")
            .arg(&file)
            .args(["export", "--format", "markdown"]),
    );
    assert!(md.starts_with("# Ana's mentoring workbook\n"));
    let ics = stdout(
        mentorbook(home.path())
            .args(["export", "--format", "ics", "--file"])
            .arg(&file),
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    let json = stdout(
        mentorbook(home.path())
            .arg("--file")
            .arg(&file)
            .args(["export", "--format", "json"]),
    );
    mentorbook::store::decode(json.as_bytes()).expect("the JSON export is a workbook");
    // -o writes the file (private to its owner) and says so on stderr only.
    let out = home.path().join("plan.md");
    let assert = mentorbook(home.path())
        .arg("--file")
        .arg(&file)
        .args(["export", "--format", "markdown", "--section", "plan", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(assert.get_output().stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("## Action plans") && !written.contains("## SMART goals"));
    let before = std::fs::read(&file).unwrap();
    // Never over the workbook itself.
    let err = stderr_of_failure(
        mentorbook(home.path())
            .arg("--file")
            .arg(&file)
            .args(["export", "--format", "json", "-o"])
            .arg(&file),
        1,
    );
    assert!(err.contains("the workbook itself"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn private_content_is_exported_only_when_asked() {
    let (home, file) = setup();
    let base = |extra: &[&str]| {
        let mut cmd = mentorbook(home.path());
        cmd.arg("--file")
            .arg(&file)
            .args(["export", "--format", "json"])
            .args(extra);
        stdout(&mut cmd)
    };
    assert!(!base(&[]).contains("Tension with a peer"));
    assert!(!base(&[]).contains("Nervous about chairing"));
    assert!(base(&["--include-private"]).contains("Tension with a peer"));
}

#[test]
fn usage_errors_exit_2_and_problems_exit_1() {
    let (home, file) = setup();
    // clap's usage errors: an unknown format, a missing value.
    stderr_of_failure(
        mentorbook(home.path()).args(["export", "--format", "pdf"]),
        2,
    );
    stderr_of_failure(mentorbook(home.path()).args(["show"]), 2);
    // A section with a calendar makes no sense.
    let err = stderr_of_failure(
        mentorbook(home.path()).arg("--file").arg(&file).args([
            "export",
            "--format",
            "ics",
            "--section",
            "plan",
        ]),
        1,
    );
    assert!(err.contains("--section"), "{err}");
    // No workbook there.
    let err = stderr_of_failure(
        mentorbook(home.path())
            .args(["--file", "/nonexistent/wb.json"])
            .args(["show", "plan"]),
        1,
    );
    assert!(err.contains("no workbook at"), "{err}");
}

#[test]
fn check_reports_problems_and_changes_nothing() {
    let (home, file) = setup();
    let out = stdout(
        mentorbook(home.path())
            .arg("--file")
            .arg(&file)
            .arg("check"),
    );
    assert!(out.contains("fine (3 goals, 2 conversations"), "{out}");
    // Four active goals (the paused one woken, and a fourth) and a step waiting for a step
    // that does not exist.
    let mut json: serde_json::Value = serde_json::from_str(
        &SAMPLE
            .replace("\"status\": \"paused\"", "\"status\": \"active\"")
            .replacen("\"depends_on\": []", "\"depends_on\": [999]", 1),
    )
    .unwrap();
    let goals = json["data"]["goals"].as_array_mut().unwrap();
    let mut fourth = goals[1].clone();
    fourth["id"] = 500.into();
    fourth["candidate"] = serde_json::Value::Null;
    goals.push(fourth);
    let broken = serde_json::to_string_pretty(&json).unwrap();
    std::fs::write(&file, &broken).unwrap();
    let err = stderr_of_failure(
        mentorbook(home.path())
            .arg("--file")
            .arg(&file)
            .arg("check"),
        1,
    );
    assert!(err.contains("waits for step 999"), "{err}");
    assert!(
        err.contains("4 goals are active; at most 3 should be"),
        "{err}"
    );
    // A damaged file: said clearly, left as it was, no lock or backup made beside it.
    let cut = &broken[..broken.len() / 2];
    std::fs::write(&file, cut).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let err = stderr_of_failure(
        mentorbook(home.path())
            .arg("--file")
            .arg(&file)
            .arg("check"),
        1,
    );
    assert!(err.contains("cut short"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), cut);
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        modified
    );
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["sample.json"], "check created nothing");
}

#[test]
fn new_list_and_workbook_by_name() {
    let (home, _) = setup();
    let list = stdout(mentorbook(home.path()).arg("list"));
    assert!(list.starts_with("No workbooks"), "{list}");
    let made = stdout(mentorbook(home.path()).args(["new", "ana"]));
    assert!(made.contains("mentorbook --workbook ana"), "{made}");
    stdout(mentorbook(home.path()).args(["new", "sam"]));
    // Twice is refused; so is a name that is not a plain folder name.
    let err = stderr_of_failure(mentorbook(home.path()).args(["new", "ana"]), 1);
    assert!(err.contains("exists already"), "{err}");
    stderr_of_failure(mentorbook(home.path()).args(["new", "../x"]), 1);
    // Ana's workbook gets the sample's names: the list shows who each one is about.
    let ana = home
        .path()
        .join("data/mentorbook/workbooks/ana/workbook.json");
    std::fs::write(&ana, SAMPLE).unwrap();
    let list = stdout(mentorbook(home.path()).arg("list"));
    let names: Vec<&str> = list.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(names, ["ana", "sam"], "{list}");
    assert!(
        list.lines()
            .next()
            .unwrap()
            .contains("Ana Ruiz with Ben Okafor · mentee"),
        "{list}"
    );
    assert!(
        list.lines()
            .nth(1)
            .unwrap()
            .ends_with("(no names yet) · mentee"),
        "{list}"
    );
    // Each has its own folder, private, with its own file.
    let dir = home.path().join("data/mentorbook/workbooks/sam");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
    // And so is every folder made on the way to it (the names of one's mentees are private).
    for made in ["data/mentorbook/workbooks", "data/mentorbook"] {
        let mode = std::fs::metadata(home.path().join(made))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{made}");
    }
    assert!(dir.join("workbook.json").is_file());
    // Commands take --workbook NAME; an unknown name is an error, not a new workbook.
    let out = stdout(mentorbook(home.path()).args(["--workbook", "sam", "check"]));
    assert!(out.contains("fine (0 goals"), "{out}");
    let err = stderr_of_failure(
        mentorbook(home.path()).args(["--workbook", "nobody", "show", "plan"]),
        1,
    );
    assert!(err.contains("mentorbook new nobody"), "{err}");
    assert!(
        !home
            .path()
            .join("data/mentorbook/workbooks/nobody")
            .exists()
    );
}

#[test]
fn completions_and_the_man_page_come_from_the_arguments() {
    let (home, _) = setup();
    for shell in ["bash", "zsh", "fish"] {
        let out = stdout(mentorbook(home.path()).args(["completions", shell]));
        assert!(
            out.contains("export") && out.contains("include-private"),
            "{shell}"
        );
    }
    let man = stdout(mentorbook(home.path()).arg("man"));
    assert!(
        man.contains(".TH mentorbook") && man.contains("completions"),
        "{man}"
    );
}

/// On a terminal `show` is in colour, unless NO_COLOR is set.
#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    let (home, file) = setup();
    let run = |no_color: bool| -> String {
        let pty = portable_pty::native_pty_system()
            .openpty(portable_pty::PtySize {
                rows: 40,
                cols: 160,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = portable_pty::CommandBuilder::new(cargo_bin!("mentorbook"));
        cmd.args([
            "--file".as_ref(),
            file.as_os_str(),
            "show".as_ref(),
            "goals".as_ref(),
        ]);
        cmd.env("HOME", home.path());
        cmd.env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let mut child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        // Read until the child is gone and the pty drained (EIO at the end on Linux).
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        assert!(child.wait().unwrap().success());
        String::from_utf8_lossy(&out).into_owned()
    };
    let coloured = run(false);
    assert!(coloured.contains("\x1b[1m"), "{coloured:?}");
    assert!(coloured.contains("SMART check"));
    let plain = run(true);
    assert!(plain.contains("SMART check"));
    assert!(!plain.contains("\x1b["), "{plain:?}");
}

/// `--workbook` on the command line wins over `MENTORBOOK_FILE` in the environment; the
/// variable alone names the file.
#[test]
fn the_command_line_wins_over_the_environment() {
    let (home, file) = setup();
    stdout(mentorbook(home.path()).args(["new", "ana"]));
    let out = stdout(mentorbook(home.path()).env("MENTORBOOK_FILE", &file).args([
        "--workbook",
        "ana",
        "check",
    ]));
    assert!(
        out.contains("workbooks/ana/workbook.json: fine (0 goals"),
        "{out}"
    );
    let out = stdout(
        mentorbook(home.path())
            .env("MENTORBOOK_FILE", &file)
            .arg("check"),
    );
    assert!(out.contains("sample.json: fine (3 goals"), "{out}");
}

/// `--demo` works for commands too, with no data folder at all.
#[test]
fn the_demo_sample_answers_commands() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(mentorbook(home.path()).args(["--demo", "show", "plan"]));
    assert!(out.contains("Co-chair the December review"), "{out}");
    let out = stdout(mentorbook(home.path()).args(["export", "--format", "ics", "--demo"]));
    assert!(out.contains("BEGIN:VEVENT"));
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}

/// `due` answers with its exit code: 1 when something is overdue, 0 when nothing is, 2 when
/// it cannot tell (bad arguments, a workbook that does not read).
#[test]
fn due_lists_what_is_overdue_and_answers_with_its_exit_code() {
    let (home, file) = setup();
    // The sample's steps of November 2026 are overdue from any day after them.
    let out = mentorbook(home.path())
        .args(["--file".as_ref(), file.as_os_str(), "due".as_ref()])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.lines()
            .any(|l| l.starts_with("OVERDUE 2026-11-21") && l.contains("Draft a one-page")),
        "{out}"
    );
    let json = mentorbook(home.path())
        .args(["--file".as_ref(), file.as_os_str()])
        .args(["due", "--format", "json", "--within", "2w"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let items: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let overdue = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["overdue"] == true);
    assert!(overdue.count() >= 3, "{items:#}");
    // An empty workbook: nothing overdue, exit 0.
    stdout(mentorbook(home.path()).args(["new", "sam"]));
    let empty = mentorbook(home.path())
        .args(["--workbook", "sam", "due"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(empty)
            .unwrap()
            .starts_with("Nothing overdue")
    );
    // Cannot tell: 2, with the reason, and the file untouched.
    let err = stderr_of_failure(
        mentorbook(home.path())
            .args(["--file".as_ref(), file.as_os_str()])
            .args(["due", "--within", "soon"]),
        2,
    );
    assert!(err.contains("--within"), "{err}");
    std::fs::write(&file, "{").unwrap();
    stderr_of_failure(
        mentorbook(home.path()).args(["--file".as_ref(), file.as_os_str(), "due".as_ref()]),
        2,
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{");
}

/// `mentorbook --file F export ARGS…`, which must succeed; its stdout.
fn export_ok(h: &Path, f: &str, args: &[&str]) -> String {
    stdout(mentorbook(h).args(["--file", f, "export"]).args(args))
}

/// `mentorbook --file F export ARGS…`, which must fail with 1; its stderr.
fn export_fails(h: &Path, f: &str, args: &[&str]) -> String {
    stderr_of_failure(mentorbook(h).args(["--file", f, "export"]).args(args), 1)
}

#[test]
fn minutes_of_a_conversation_by_latest_date_or_id_and_private_only_when_asked() {
    let (home, file) = setup();
    let f = file.to_str().unwrap();
    let h = home.path();
    let latest = export_ok(h, f, &["--format", "markdown", "--conversation", "latest"]);
    assert!(
        latest.starts_with("# Minutes: Feedback conversation, Thursday 2026-11-19 08:30"),
        "{latest}"
    );
    let by_date = export_ok(
        h,
        f,
        &["--format", "markdown", "--conversation", "2026-11-19"],
    );
    let by_id = export_ok(h, f, &["--format", "markdown", "--conversation", "16"]);
    assert_eq!(latest, by_date);
    assert_eq!(latest, by_id);
    let text = export_ok(h, f, &["--format", "text", "--conversation", "latest"]);
    assert!(text.contains("Notes\nShadowing went well."), "{text}");
    // Made private, it is refused without --include-private, saying why.
    let mut json: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
    json["data"]["conversations"][1]["private"] = true.into();
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    let err = export_fails(
        h,
        f,
        &["--format", "markdown", "--conversation", "2026-11-19"],
    );
    assert!(
        err.contains("that conversation is private: add --include-private"),
        "{err}"
    );
    let shown = export_ok(
        h,
        f,
        &[
            "--format",
            "markdown",
            "--conversation",
            "2026-11-19",
            "--include-private",
        ],
    );
    assert!(shown.contains("Shadowing went well."));
    // `latest` is then the latest shareable one.
    let latest = export_ok(h, f, &["--format", "markdown", "--conversation", "latest"]);
    assert!(
        latest.starts_with("# Minutes: Goal conversation, Thursday 2026-11-05"),
        "{latest}"
    );
    let err = export_fails(h, f, &["--format", "markdown", "--conversation", "someday"]);
    assert!(
        err.contains("is not latest, a date or a conversation's id"),
        "{err}"
    );
}

#[test]
fn the_calendar_takes_since_and_alarm_and_gives_an_old_workbook_its_id() {
    let (home, file) = setup();
    let f = file.to_str().unwrap();
    let h = home.path();
    // A workbook from before ids.
    let mut json: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
    json["data"].as_object_mut().unwrap().remove("id");
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    let first = export_ok(h, f, &["--format", "ics", "--since", "2026-01-01"]);
    let second = export_ok(h, f, &["--format", "ics", "--since", "2026-01-01"]);
    let uids = |ics: &str| -> Vec<String> {
        ics.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    assert_eq!(
        uids(&first),
        uids(&second),
        "the id was kept from the first export"
    );
    let saved = mentorbook::store::read_only(&file).unwrap().workbook;
    assert_eq!(saved.id.len(), 32, "saved in the workbook");
    assert!(uids(&first).iter().all(|u| u.contains(&saved.id)));
    let alarmed = export_ok(
        h,
        f,
        &["--format", "ics", "--since", "2026-12-01", "--alarm", "2h"],
    );
    assert!(alarmed.contains("TRIGGER:-PT120M"), "{alarmed}");
    assert!(alarmed.matches("BEGIN:VEVENT").count() < first.matches("BEGIN:VEVENT").count());
    for (args, says) in [
        (vec!["--alarm", "soon"], "--alarm"),
        (vec!["--since", "someday"], "--since"),
    ] {
        let mut cmd = mentorbook(h);
        cmd.args(["--file", f, "export", "--format", "ics"])
            .args(&args);
        let err = stderr_of_failure(&mut cmd, 1);
        assert!(err.contains(says), "{err}");
    }
    let err = export_fails(h, f, &["--format", "markdown", "--alarm", "1d"]);
    assert!(
        err.contains("--since and --alarm are for --format ics"),
        "{err}"
    );
}
