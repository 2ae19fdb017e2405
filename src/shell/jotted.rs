//! Entries jotted from the shell while the app is open (`mentorbook jot` leaves them in the
//! workbook's inbox): taken into the journal once it has all arrived, when the terminal
//! gets the focus back and before each save, so nothing waits for a timer.

use super::Session;

impl Session {
    /// Takes in what waits in the inbox, if the journal is whole; says how many arrived.
    pub fn take_jotted(&mut self) {
        if self.pending_journal.is_some() || self.app.loading_journal {
            return;
        }
        // Filling a month compares with what is on disk: a save running now ends first.
        self.settle();
        let taken = self.store.take_inbox(&mut self.app.workbook);
        if taken.added > 0 {
            self.app.touch();
            self.app.refresh_journal();
            self.app.notice = Some(match taken.added {
                1 => "An entry jotted from the shell is in the journal now.".to_string(),
                n => format!("{n} entries jotted from the shell are in the journal now."),
            });
        }
        if let Some((file, why)) = taken.unreadable.first() {
            self.app.notice = Some(format!(
                "A jotted entry does not read and waits in {}: {why}",
                file.display()
            ));
        }
    }
}
