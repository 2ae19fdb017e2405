//! Writing a long text in the user's own editor, as git does for commit messages: the text
//! goes to a private temporary file in the data folder, `$VISUAL` (else `$EDITOR`, else `vi`)
//! runs on it with the terminal handed over, and what it leaves is read back. The file is
//! removed afterwards, whatever happened.

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitStatus};

use super::{Events, Session};
use crate::field::Field;

/// The editor to run: `$VISUAL`, then `$EDITOR`, then `vi`.
pub fn editor_from_env() -> String {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Runs the editor command through the shell, so `code --wait` or `emacs -nw` work.
pub(crate) fn run_editor(editor: &str, path: &Path) -> std::io::Result<ExitStatus> {
    Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg(editor)
        .arg(path)
        .status()
}

/// Names the editor's files start with.
const PREFIX: &str = ".mentorbook-edit-";

impl Session {
    /// Says so if an editor's file outlived its session (mentorbook was killed while the
    /// editor had it): its text may hold words that never came back, so it is kept and
    /// pointed at, never deleted. Only this session can have the folder (the lock), so any
    /// such file is an orphan.
    pub fn note_orphaned_edits(&mut self) {
        let dir = self.store.dir();
        let mut found: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(PREFIX))
            .map(|e| e.path())
            .collect();
        found.sort();
        if let Some(first) = found.first() {
            let more = match found.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            self.app.notice = Some(format!(
                "Text from an editor that never came back is kept in {}{more}.",
                first.display()
            ));
        }
    }

    /// Hands `field`'s text to the editor and takes back what it saved. The outcome is said
    /// on the hint line; nothing changes unless the editor succeeded.
    pub fn edit_outside<E: Events>(&mut self, events: &mut E, field: Field) {
        if self.store.is_encrypted() {
            self.app.notice = Some(
                "E is off in an encrypted workbook: the editor's file would hold the text \
                 unencrypted. Edit it here (Enter)."
                    .into(),
            );
            return;
        }
        let Some(text) = field.value(&self.app.workbook).map(|t| t.into_owned()) else {
            return;
        };
        // Created 0600 by tempfile, inside the (private) data folder.
        let mut file = match tempfile::Builder::new()
            .prefix(PREFIX)
            .suffix(".txt")
            .tempfile_in(self.store.dir())
        {
            Ok(f) => f,
            Err(e) => {
                self.app.notice = Some(format!("Cannot make a file for the editor: {e}"));
                return;
            }
        };
        let mut body = text.clone();
        if !body.is_empty() {
            body.push('\n');
        }
        if let Err(e) = file.write_all(body.as_bytes()).and_then(|()| file.flush()) {
            self.app.notice = Some(format!("Cannot make a file for the editor: {e}"));
            return;
        }
        let editor = self.editor.clone();
        let mut status = None;
        let handed = events.suspend(&mut || status = Some(run_editor(&editor, file.path())));
        self.app.notice = Some(match (handed, status) {
            (Err(e), _) => format!("Cannot hand the terminal to the editor: {e}"),
            (_, None) => "The editor did not run.".into(),
            (_, Some(Err(e))) => {
                format!("Cannot start the editor “{editor}” ({e}): set $VISUAL or $EDITOR.")
            }
            // The shell's "command not found".
            (_, Some(Ok(s))) if s.code() == Some(127) => {
                format!("Cannot find the editor “{editor}”: set $VISUAL or $EDITOR.")
            }
            (_, Some(Ok(s))) if !s.success() => {
                "The editor stopped with an error: the text was left as it was.".into()
            }
            (_, Some(Ok(_))) => match std::fs::read(file.path()) {
                Err(e) => format!("Cannot read back the editor's file: {e}"),
                // Refused whole; the text stays in its file, which is kept.
                Ok(bytes) if bytes.len() > crate::field::MAX_TEXT => {
                    let refused = crate::field::too_large(bytes.len(), "The editor's text");
                    match file.keep() {
                        Ok((_, path)) => format!("{refused} It is kept in {}", path.display()),
                        Err(e) => format!("{refused} ({e})"),
                    }
                }
                Ok(bytes) => self.take_back(field, &text, &bytes),
            },
        });
    }

    /// Puts the editor's text into the field.
    fn take_back(&mut self, field: Field, before: &str, bytes: &[u8]) -> String {
        let read = String::from_utf8_lossy(bytes)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        // Editors end a file with a newline; the field does not keep it.
        let new = read.trim_end_matches('\n');
        if new == before {
            return "No change from the editor.".into();
        }
        let today = self.app.today;
        match field.commit(&mut self.app.workbook, new, today) {
            Ok(_) => {
                self.app.touch();
                "The text from the editor is in.".into()
            }
            Err(reason) => reason,
        }
    }
}
