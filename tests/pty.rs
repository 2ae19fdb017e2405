//! End to end: the real binary in a pseudo-terminal, typed at like a person would, then the
//! saved file and the terminal's state afterwards are checked.

use std::fs;
use std::path::Path;
use std::process::Command;

#[path = "common/disk.rs"]
mod disk;
#[path = "common/pty.rs"]
mod driver;

use driver::*;

#[test]
fn type_a_vision_quit_and_find_it_saved_with_the_terminal_restored() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_("I lead a calm team.\r");
    pty.type_seen("People bring me hard problems.");
    pty.escape_to("Enter edit");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    assert_eq!(
        statement(&file),
        "I lead a calm team.\nPeople bring me hard problems."
    );

    // Next time, every word is there.
    let mut again = Pty::spawn(home.path(), &file);
    again.type_("5");
    again.wait_for("People bring me hard problems.");
    again.type_("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_bracketed_paste_arrives_intact() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_("\x1b[200~pasted: q, 1, ?\rsecond line\x1b[201~");
    pty.wait_for("second line");
    pty.escape_to("Enter edit");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(statement(&file), "pasted: q, 1, ?\nsecond line");
}

#[test]
fn autosave_reaches_the_disk_while_typing_and_survives_kill_9() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("Words typed just before the power went out");
    // No key pressed after this: the autosave deadline alone must bring it to disk.
    wait_until_saved(&file, "Words typed just before the power went out");
    pty.signal(libc::SIGKILL);
    pty.wait_exit();
    assert_eq!(
        statement(&file),
        "Words typed just before the power went out"
    );
    // The lock died with the process: a new session opens at once.
    let mut again = Pty::spawn(home.path(), &file);
    again.type_("q");
    assert_eq!(again.wait_exit(), 0);
    let leftovers = fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

/// The real terminal's event source waits for a key up to the autosave's deadline: a burst
/// of typing is saved once, after it, not on every key (a wait that returned at once, or
/// one that took a waiting key for a time-out, would save before each key is read).
#[test]
fn a_burst_of_typing_is_saved_once_by_the_autosave_clock() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    let generation = || {
        mentorbook::store::read_only(&file)
            .map(|d| d.generation)
            .unwrap_or(0)
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    let before = generation();
    let burst = "twenty keys in a row";
    for c in burst.chars() {
        pty.send(c.to_string().as_bytes());
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let during = generation();
    wait_until_saved(&file, burst);
    let after = generation();
    pty.type_("\x1b");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(during, before, "no save while the keys kept coming");
    assert!(
        after - before <= 2,
        "{} saves for one burst of typing",
        after - before
    );
}

/// While editing, the terminal's own cursor stands on the editor's insertion point (what
/// screen readers and input methods follow), through wide characters and soft wraps; while
/// browsing it stands on the focused row's "›", and `browse_cursor = false` hides it there.
#[test]
fn the_terminal_cursor_follows_the_insertion_point_while_editing() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.wait_for("Overview");
    // Browsing, on the focused row's "›", or a focused text box's first cell.
    let on_focus = |pty: &Pty, starts: &str| {
        // The cursor is placed as a frame's last bytes: give them a moment.
        std::thread::sleep(std::time::Duration::from_millis(100));
        let (row, col, text) = pty.cursor().expect("shown while browsing");
        let from: String = text.chars().skip(usize::from(col)).collect();
        assert!(from.starts_with(starts), "{row},{col} of {text:?}");
    };
    on_focus(&pty, "› Workbook");
    open_statement(&mut pty);
    for (typed, last) in [
        ("Wide 日本語", "語"),
        (
            " and a sentence long enough to wrap onto the next row of the box for sure",
            "sure",
        ),
        ("\rA second line", "line"),
    ] {
        pty.type_(typed);
        pty.wait_for(last);
        // The frame after the last key is drawn once the key shows: give it a moment.
        std::thread::sleep(std::time::Duration::from_millis(100));
        let (row, col, text) = pty.cursor().expect("the cursor is shown while editing");
        assert!(
            pty.reversed(row, col),
            "on the editor's cursor cell: {row},{col} of {text:?}"
        );
        let before: String = text.chars().take(usize::from(col)).collect();
        assert!(
            before.trim_end().ends_with(last),
            "just after {last:?}: {row},{col} of {text:?}"
        );
    }
    pty.type_("\x1b");
    pty.wait_for("saved");
    std::thread::sleep(std::time::Duration::from_millis(100));
    on_focus(&pty, "Wide 日本語");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    // Hidden while browsing when the configuration says so.
    let config = home.path().join("config");
    fs::create_dir_all(config.join("mentorbook")).unwrap();
    fs::write(
        config.join("mentorbook/config.toml"),
        "browse_cursor = false\n",
    )
    .unwrap();
    let args = ["--file".as_ref(), file.as_os_str()];
    let mut pty = Pty::spawn_with(
        home.path(),
        &args,
        &[("XDG_CONFIG_HOME", config.as_os_str())],
    );
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(pty.cursor(), None, "browse_cursor = false");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn sigterm_saves_what_is_in_the_editor_and_restores_the_terminal() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("Still typing when the session was ended");
    pty.signal(libc::SIGTERM);
    assert_eq!(pty.wait_exit(), 128 + 15);
    pty.assert_restored();
    assert_eq!(statement(&file), "Still typing when the session was ended");
}

#[test]
fn sighup_saves_what_is_in_the_editor_and_exits() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("Hung up by signal");
    pty.signal(libc::SIGHUP);
    assert_eq!(pty.wait_exit(), 128 + 1);
    assert_eq!(statement(&file), "Hung up by signal");
}

#[test]
fn closing_the_terminal_saves_and_exits() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    open_statement(&mut pty);
    pty.type_seen("The window was closed");
    // Close every copy of the master: the kernel hangs the terminal up. crossterm then keeps
    // retrying reads and never returns, so this checks the signal thread saves on its own.
    pty.hang_up();
    let code = pty.wait_exit();
    assert_eq!(
        statement(&file),
        "The window was closed",
        "exit {code}; file: {}",
        saved_text(&file)
    );
    assert_eq!(code, 128 + 1, "the exit code says it was a hangup");
}

#[test]
fn a_damaged_file_is_refused_before_the_terminal_is_touched() {
    let (home, file) = setup();
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let damaged = b"{\n  \"format\": \"mentorbook\",\n  \"schema_version\": 1,\n  \"data\": {\n    \"mentee\": \"Ana";
    fs::write(&file, damaged).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .arg("--file")
        .arg(&file)
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    assert!(stderr.contains("line 5, column"), "{stderr}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("\x1b[?1049h"),
        "no alternate screen"
    );
    assert_eq!(fs::read(&file).unwrap(), damaged);
}

#[test]
fn the_environment_variable_chooses_the_file() {
    let (home, file) = setup();
    let out = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .env("HOME", home.path())
        .env("MENTORBOOK_FILE", &file)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--file <PATH>") && help.contains("MENTORBOOK_FILE"),
        "{help}"
    );
    // Opening through the variable: the lock and, after a change, the file appear there.
    let mut pty = Pty::spawn_with(home.path(), &[], &[("MENTORBOOK_FILE", file.as_os_str())]);
    assert!(file.with_extension("lock").exists());
    pty.type_("p");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(saved_text(&file).contains("\"phase\": \"initiation\""));
}

#[test]
fn fill_the_agreement_and_closure_checks_quit_and_find_them_again() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("3");
    pty.wait_for("What the partnership is for");
    pty.type_("\r");
    pty.type_seen("Grow into the lead role");
    pty.escape_to("Enter edit");
    pty.type_("j\r");
    pty.type_seen("Fortnightly, Thursday mornings");
    pty.escape_to("Enter edit");
    // Past the rest of the ground rules, a programme's frame and the people, to the date.
    pty.type_(&format!("{}\r", "j".repeat(18)));
    pty.type_seen("2026-09-03");
    pty.type_("\r");
    pty.wait_for("Enter edit");
    pty.escape_to("Exercises, stage by stage");
    pty.type_("9");
    pty.wait_for("The closing conversation");
    pty.type_("jj\r");
    pty.type_("jj\r");
    pty.type_("j\r");
    pty.type_seen("We went through every goal");
    pty.type_("\r");
    pty.wait_for("Enter edit");
    assert_eq!(pty.contents().matches("[x] done").count(), 2);
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);

    let v = saved_json(&file);
    let a = &v["data"]["agreement"];
    assert_eq!(a["purpose"], "Grow into the lead role");
    assert_eq!(a["meetings"], "Fortnightly, Thursday mornings");
    assert_eq!(a["agreed_on"], "2026-09-03");
    let c = &v["data"]["closure"];
    assert_eq!(c["accomplishments_acknowledged"]["done"], true);
    assert_eq!(c["learning_evaluated"]["done"], true);
    assert_eq!(
        c["learning_evaluated"]["notes"],
        "We went through every goal"
    );
    assert_eq!(c["application_discussed"]["done"], false);

    let mut again = Pty::spawn(home.path(), &file);
    again.wait_for("· agreed ");
    again.type_("3");
    again.wait_for("Grow into the lead role");
    again.escape_to("Exercises, stage by stage");
    again.type_("9");
    again.wait_for("We went through every goal");
    assert_eq!(again.contents().matches("[x] done").count(), 2);
    again.type_("q");
    assert_eq!(again.wait_exit(), 0);
}

/// The planning core end to end: a brainstormed candidate becomes a goal, its worksheet gets
/// two steps where the second waits for the first, finishing them in the wrong order is
/// refused, and the saved file holds the links.
#[test]
fn a_candidate_becomes_a_goal_with_two_dependent_steps() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("6");
    pty.wait_for("Candidate goals");
    pty.type_("a");
    pty.type_seen("Public speaking");
    pty.escape_to("g make it a goal");
    pty.type_("g");
    pty.wait_for("A draft goal, linked to its candidate");
    pty.type_("w");
    pty.wait_for("3. Action steps");
    pty.type_("a");
    pty.type_seen("Rehearse the talk");
    pty.type_("\r");
    pty.type_seen("Give the talk");
    pty.escape_to("b waits for");
    pty.type_("b");
    pty.type_("1\r");
    pty.wait_for("after 1");
    pty.type_("xx");
    pty.wait_for("Step 2 waits for step 1 to be done first.");
    pty.type_("kxx");
    pty.wait_for("Step 1 done.");
    pty.type_("jx");
    pty.wait_for("Step 2 done.");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);

    let v = saved_json(&file);
    let d = &v["data"];
    let candidate = &d["brainstorm"]["candidates"][0];
    let goal = &d["goals"][0];
    assert_eq!(candidate["text"], "Public speaking");
    assert_eq!(goal["title"], "Public speaking");
    assert_eq!(goal["candidate"], candidate["id"]);
    assert_eq!(candidate["goal"], goal["id"]);
    let steps = goal["plan"]["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0]["text"], "Rehearse the talk");
    assert_eq!(steps[1]["text"], "Give the talk");
    assert_eq!(steps[1]["depends_on"], serde_json::json!([steps[0]["id"]]));
    assert_eq!(steps[0]["status"], "done");
    assert_eq!(steps[1]["status"], "done");
}

/// The journal end to end: `n` from the overview writes an entry at once, it gets a tag, the
/// journal is filtered by that tag, and the saved file holds the entry with its tag, private.
#[test]
fn a_journal_entry_with_a_tag_is_found_by_its_tag_and_saved() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("n");
    pty.wait_for("Journal entry");
    pty.type_seen("Chaired my first review today.");
    pty.escape_to("p private");
    pty.type_("j\r");
    pty.type_seen("reviews, firsts");
    pty.type_("\r");
    pty.wait_for("#reviews #firsts");
    pty.escape_to("/ filter");
    pty.type_("n");
    pty.wait_for("Journal entry");
    pty.type_seen("Quiet day.");
    pty.escape_to("p private");
    pty.escape_to("/ filter");
    pty.wait_for("2 of 2 entries");
    pty.type_("/");
    pty.type_seen("#firsts");
    pty.type_("\r");
    pty.wait_for("1 of 2 entries");
    assert!(pty.contents().contains("Chaired my first review today."));
    assert!(!pty.contents().contains("Quiet day."));
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);

    let v = saved_json(&file);
    let journal = v["data"]["journal"].as_array().unwrap();
    assert_eq!(journal.len(), 2);
    let entry = &journal[0];
    assert_eq!(entry["text"], "Chaired my first review today.");
    assert_eq!(entry["tags"], serde_json::json!(["reviews", "firsts"]));
    assert_eq!(entry["private"], true);
    // Local time with its offset, as the user saw it.
    let at = entry["at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
}

#[path = "../benches/support/generate.rs"]
mod generate;

fn write_large(file: &Path, entries: usize) -> Vec<u8> {
    let wb = generate::workbook(entries, 11);
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
    let bytes = mentorbook::store::encode(&mentorbook::store::encode_data(&wb), 1, at);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, &bytes).unwrap();
    bytes
}

/// A large file opens in two parts, but keys typed at once, before its journal is in, are
/// only handled after: a new entry joins the years of entries, none is lost.
#[test]
fn typing_at_once_in_a_large_workbook_keeps_every_entry() {
    let (home, file) = setup();
    write_large(&file, 1500);
    let mut pty = Pty::start(home.path(), &["--file".as_ref(), file.as_os_str()], &[]);
    pty.type_("n");
    pty.type_seen("Written straight away.");
    pty.escape_to("p private");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    let v = saved_json(&file);
    let journal = v["data"]["journal"].as_array().unwrap();
    assert_eq!(journal.len(), 1501);
    assert_eq!(journal[1500]["text"], "Written straight away.");
}

/// A large file whose journal turns out damaged after the first frame: the app says where,
/// leaves the terminal as it found it, exits 1, and the file is untouched.
#[test]
fn a_damaged_journal_found_after_the_first_frame_stops_the_app_and_saves_nothing() {
    let (home, file) = setup();
    let bytes = write_large(&file, 1500);
    let text = String::from_utf8(bytes).unwrap();
    let at = text.len() / 2 + text[text.len() / 2..].find("\"tags\": [").unwrap();
    let damaged = format!("{}\"tags\": 7, \"was\": [{}", &text[..at], &text[at + 9..]);
    fs::write(&file, &damaged).unwrap();
    let mut pty = Pty::start(home.path(), &["--file".as_ref(), file.as_os_str()], &[]);
    assert_eq!(pty.wait_exit(), 1);
    let screen = pty.contents();
    assert!(screen.contains("data.journal["), "{screen}");
    assert_eq!(fs::read_to_string(&file).unwrap(), damaged);
}

/// `E` on the vision statement hands the terminal to $VISUAL (here a script that reads a
/// line from the terminal, as an editor would), then takes it back with the new text.
#[test]
fn the_users_editor_gets_the_terminal_and_its_text_is_saved() {
    let (home, file) = setup();
    let editor = "sh -c 'printf \"EDITOR HAS THE TERMINAL\\n\"; read line; printf \"%s\\n\" \"$line\" > \"$1\"' editor";
    let mut pty = Pty::spawn_with(
        home.path(),
        &["--file".as_ref(), file.as_os_str()],
        &[("VISUAL", editor.as_ref())],
    );
    open_statement(&mut pty);
    pty.type_seen("First draft");
    pty.escape_to("Enter edit");
    pty.type_("E");
    pty.wait_for("EDITOR HAS THE TERMINAL");
    pty.type_("Written in my editor\r");
    pty.wait_for("The text from the editor is in.");
    pty.wait_for("Written in my editor");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    assert_eq!(statement(&file), "Written in my editor");
    let left = fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("mentorbook-edit"))
        .count();
    assert_eq!(left, 0, "the editor's file is removed");
}

/// `--demo` opens the sample on a temporary copy and leaves nothing behind.
#[test]
fn the_demo_shows_the_sample_and_keeps_nothing() {
    let home = tempfile::tempdir().unwrap();
    let demos = || -> Vec<std::path::PathBuf> {
        fs::read_dir(std::env::temp_dir())
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("mentorbook-demo")
            })
            .map(|e| e.path())
            .collect()
    };
    let before = demos();
    let mut pty = Pty::spawn_with(home.path(), &["--demo".as_ref()], &[]);
    pty.wait_for("Ana's mentoring workbook");
    pty.wait_for("Demo: a sample workbook");
    pty.type_("7");
    pty.wait_for("Run the platform team's design reviews");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    assert_eq!(demos(), before, "the temporary copy is gone");
    let made: Vec<_> = fs::read_dir(home.path()).unwrap().flatten().collect();
    assert!(
        made.is_empty(),
        "nothing written in the home folder: {made:?}"
    );
}

/// With several workbooks and none named, a picker asks which one.
#[test]
fn a_picker_chooses_among_several_workbooks() {
    let home = tempfile::tempdir().unwrap();
    for name in ["ana", "sam"] {
        let ok = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
            .args(["new", name])
            .env("HOME", home.path())
            .env_remove("XDG_DATA_HOME")
            .env_remove("MENTORBOOK_FILE")
            .output()
            .unwrap();
        assert!(ok.status.success(), "{ok:?}");
    }
    let mut pty = Pty::start(home.path(), &[], &[("XDG_DATA_HOME", "".as_ref())]);
    pty.wait_for("Choose a workbook");
    pty.wait_for("sam");
    pty.type_("j\r");
    // Made without names: the picker asks; Esc opens it as it is.
    pty.wait_for("Whose workbook");
    pty.send(b"\x1b");
    pty.wait_for("Overview");
    pty.wait_for("│ sam │");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    // Esc in the picker leaves without opening anything.
    let mut pty = Pty::start(home.path(), &[], &[("XDG_DATA_HOME", "".as_ref())]);
    pty.wait_for("Choose a workbook");
    pty.send(b"\x1b");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

/// A demo killed outright leaves its temporary folder behind; the next demo clears it (and
/// never one still in use). The folder is private while it lives.
#[test]
fn a_killed_demo_leaves_nothing_for_long() {
    let home = tempfile::tempdir().unwrap();
    let tmp = home.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let env = [("TMPDIR", tmp.as_os_str())];
    let demos = || -> Vec<std::path::PathBuf> {
        let mut found: Vec<_> = fs::read_dir(&tmp)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        found.sort();
        found
    };
    let mut first = Pty::spawn_with(home.path(), &["--demo".as_ref()], &env);
    first.wait_for("Demo: a sample workbook");
    let left = demos();
    assert_eq!(left.len(), 1, "{left:?}");
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(&left[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "private while it lives");
    // A second demo beside the first leaves the first alone: it is in use.
    let mut second = Pty::spawn_with(home.path(), &["--demo".as_ref()], &env);
    second.wait_for("Demo: a sample workbook");
    assert_eq!(demos().len(), 2);
    assert!(demos().contains(&left[0]));
    first.signal(libc::SIGKILL);
    first.wait_exit();
    second.type_("q");
    assert_eq!(second.wait_exit(), 0);
    assert_eq!(demos(), left, "the killed one's folder is what is left");
    // The next demo clears it.
    let mut third = Pty::spawn_with(home.path(), &["--demo".as_ref()], &env);
    third.wait_for("Demo: a sample workbook");
    third.type_("q");
    assert_eq!(third.wait_exit(), 0);
    assert!(demos().is_empty(), "{:?}", demos());
}

/// In a real terminal, keys written in one go reach the app before its next frame: "1",
/// Enter and words meant for another field open the private conversation with yourself but
/// write nothing in it. Typed after the page shows, the same keys do.
#[test]
fn keys_typed_ahead_never_land_in_a_private_field() {
    let (home, file) = setup();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.type_("1\rMeant for a date field");
    pty.wait_for("Not opened");
    // A person reads the notice (the page has been up longer than a glance), then Enter.
    std::thread::sleep(std::time::Duration::from_millis(400));
    pty.type_("\r");
    pty.type_seen("On purpose");
    pty.escape_to("Enter edit");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    let saved = saved(&file);
    assert_eq!(saved.self_reflection.why, "On purpose");
}

/// What reaches the terminal: the default theme draws in colour; with `theme = "mono"` in
/// the configuration file, or `NO_COLOR` set, not one colour sequence is written.
#[test]
fn mono_and_no_color_write_no_colour_to_the_terminal() {
    let coloured = |raw: &[u8]| {
        raw.windows(3)
            .any(|w| w == b"38;" || w == b"48;" || w == b"[38" || w == b"[48")
    };
    let (home, file) = setup();
    let config = home.path().join("config");
    let run = |env: &[(&str, &std::ffi::OsStr)]| {
        let args = ["--file".as_ref(), file.as_os_str()];
        let mut pty = Pty::spawn_with(home.path(), &args, env);
        pty.type_("2?");
        pty.wait_for("Any key closes");
        pty.escape_to("Prospective partner");
        pty.type_("q");
        assert_eq!(pty.wait_exit(), 0);
        pty.raw_output()
    };
    // Mono's headings are underlined: the states it carries without colour are there.
    let underlined = |raw: &[u8]| raw.windows(4).any(|w| w == b"\x1b[4m");
    let no_config = [("XDG_CONFIG_HOME", config.as_os_str())];
    let dark = run(&no_config);
    assert!(coloured(&dark), "the dark theme has colour");
    assert!(!underlined(&dark));
    fs::create_dir_all(config.join("mentorbook")).unwrap();
    fs::write(config.join("mentorbook/config.toml"), "theme = \"mono\"\n").unwrap();
    assert!(!coloured(&run(&no_config)), "theme = mono");
    fs::write(config.join("mentorbook/config.toml"), "theme = \"light\"\n").unwrap();
    let no_color = [
        ("XDG_CONFIG_HOME", config.as_os_str()),
        ("NO_COLOR", "1".as_ref()),
    ];
    // (crossterm drops colour under NO_COLOR by itself; mono's emphasis is ours.)
    let plain = run(&no_color);
    assert!(!coloured(&plain), "NO_COLOR");
    assert!(underlined(&plain), "NO_COLOR draws in mono");
}
