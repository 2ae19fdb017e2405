//! `M` on a conversation, in the real binary: the minutes land in a Markdown file in the
//! workbook's folder, the footer says where, and the file reads as the export's minutes.

#[path = "common/disk.rs"]
mod disk;
#[path = "common/pty.rs"]
mod driver;

use driver::*;

#[test]
fn m_writes_the_minutes_of_the_conversation_and_says_where() {
    let (home, file) = setup();
    let dir = file.parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&file, include_str!("../assets/sample-workbook.json")).unwrap();
    let mut pty = Pty::spawn(home.path(), &file);
    pty.wait_for("Ana's mentoring workbook");
    pty.type_("8");
    pty.wait_for("newest first");
    pty.type_("\r");
    pty.wait_for("2026-11-19 08:30");
    pty.type_("M");
    pty.wait_for("Minutes written to");
    let path = dir
        .join("minutes")
        .join("2026-11-19-feedback-conversation.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# Minutes: Feedback conversation, Thursday 2026-11-19 08:30\n"),
        "{text}"
    );
    assert!(text.contains("+ [x] Feedback on my summary"), "{text}");
    assert!(text.contains("| Send Ben my next summary draft | mentee | 2026-11-26 |"));
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&path).unwrap().permissions());
    assert_eq!(mode & 0o077, 0, "private to its owner");
    pty.type_("q");
    assert_eq!(pty.wait_exit(), 0);
    // The same as `export --conversation`.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .env("HOME", home.path())
        .args(["--file".as_ref(), file.as_os_str()])
        .args([
            "export",
            "--format",
            "markdown",
            "--conversation",
            "2026-11-19",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), text);
}
