//! `M` on a conversation: its minutes, as Markdown, in a file of the workbook's folder
//! (`minutes/2026-11-19-feedback-conversation.md`), to attach to a message right after the
//! call. Written again, the same file is replaced: it is always the conversation as it is.

use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;

use super::Session;

impl Session {
    /// Writes conversation `c`'s minutes and says where, or why not.
    pub fn write_minutes(&mut self, c: usize) {
        // Minutes are made to be sent, so they are written plain even beside an encrypted
        // workbook; the notice says so.
        let plain = if self.store.is_encrypted() {
            " (not encrypted: they are for sending)"
        } else {
            ""
        };
        self.app.notice = Some(match self.minutes_file(c) {
            Ok(path) => format!("Minutes written to {}{plain}", path.display()),
            Err(e) => format!("The minutes could not be written: {e}"),
        });
    }

    fn minutes_file(&mut self, c: usize) -> std::io::Result<PathBuf> {
        self.app.flush_editor();
        let wb = &self.app.workbook;
        let conversation = wb
            .conversations
            .get(c)
            .ok_or_else(|| std::io::Error::other("that conversation is gone"))?;
        let blocks = crate::screens::minutes_document(wb, conversation);
        let text = crate::report::markdown(&blocks);
        let dir = self.store.dir().join("minutes");
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)?;
        let kind = conversation.kind.name().replace(' ', "-");
        let name = format!(
            "{}-{kind}-conversation.md",
            conversation.at.format("%Y-%m-%d")
        );
        let path = dir.join(name);
        crate::store::write_file_private(&path, text.as_bytes())?;
        Ok(path)
    }
}
