//! The journal arriving while the session runs: months taken in as they are read, a month
//! that cannot be read said once and left as it is on disk.

use super::Session;
use crate::store::{PendingJournal, Taken};

/// More rows than any terminal shows of the journal list.
const LIST_ROWS: usize = 200;

impl Session {
    /// The journal arrives later: the first frame is drawn without it. A workbook in parts
    /// knows its months' counts and goes on meanwhile; a whole file's journal is waited for
    /// before any key is handled, as before.
    pub fn journal_later(mut self, journal: Option<PendingJournal>) -> Session {
        self.app.loading_journal = journal.as_ref().is_some_and(PendingJournal::is_whole);
        self.pending_journal = journal;
        self.take_jotted();
        self
    }

    /// Whether journal (or texts for a search) is still on its way.
    pub fn loading(&self) -> bool {
        self.pending_journal.is_some() || self.pending_texts.is_some()
    }

    /// What is on screen needs whole texts, not heads: the entry shown is read now (one
    /// month's file), a search by words starts reading every month on its own thread.
    pub fn need_texts(&mut self) {
        let journal = &self.app.workbook.journal;
        if let crate::nav::Screen::Entry(e) = self.app.screen
            && journal.is_head(e)
        {
            let month = crate::model::Month::of(&journal[e].at);
            // A save running now compares with what is on disk: let it end first.
            self.settle();
            if let Err(err) = self.store.fill_month(&mut self.app.workbook, month) {
                self.app.notice = Some(format!("This entry's text cannot be read: {err}"));
            }
        }
        // The rows the journal list can show: a third of the tallest screen above the
        // selection, the rest below.
        if self.app.screen == crate::nav::Screen::Exercise(crate::nav::Exercise::Journal) {
            let view = &self.app.journal;
            let rows = view.selected.saturating_sub(LIST_ROWS / 3)
                ..(view.selected + LIST_ROWS).min(view.matches.len());
            let shown = rows.map(|k| view.matches[k]);
            let months = self.app.workbook.journal.months_with_heads_among(shown);
            if !months.is_empty() {
                self.settle();
            }
            for month in months {
                if let Err(err) = self.store.fill_month(&mut self.app.workbook, month) {
                    self.app.notice = Some(format!("Part of the journal cannot be read: {err}"));
                }
            }
        }
        // The journal's filter looking for words, or the workbook-wide search, needs the
        // entries' whole texts.
        let searching = matches!(self.app.mode, crate::nav::Mode::Search(_));
        if self.pending_texts.is_none()
            && (self.app.journal.filter.needs_text() || searching)
            && self.app.workbook.journal.has_heads()
        {
            self.pending_texts = self.store.read_texts(&self.app.workbook);
        }
    }

    /// Takes in the texts of a search that have arrived; whether any did.
    fn take_in_texts(&mut self) -> bool {
        let Some(pending) = &mut self.pending_texts else {
            return false;
        };
        let taken = pending.take();
        if pending.is_done() {
            self.pending_texts = None;
        }
        let any = !taken.arrivals.is_empty() || taken.failed.is_some();
        if !taken.arrivals.is_empty() {
            self.store.take_in(&mut self.app.workbook, taken.arrivals);
            self.app.refresh_journal();
            crate::screens::search::refresh(&mut self.app);
        }
        if let Some(e) = taken.failed {
            self.app.notice = Some(format!("A month's texts cannot be read: {e}"));
        } else if self.pending_texts.is_none() && !self.app.journal.query.is_empty() {
            self.app.notice = Some(crate::screens::found_notice(&self.app));
        }
        any
    }

    /// Takes in the journal that has arrived, without waiting (not while a save runs: what
    /// it compares with must not change under it); whether anything did. A month that
    /// cannot be read stays as it is on disk and is said once; a whole file's damaged journal
    /// ends the session (`Err`), nothing saved.
    pub fn take_in_journal(&mut self) -> Result<bool, String> {
        if self.in_flight.is_some() {
            return Ok(false);
        }
        let texts = self.take_in_texts();
        let Some(pending) = &mut self.pending_journal else {
            return Ok(texts);
        };
        let whole = pending.is_whole();
        let arrived = pending.take();
        let done = pending.is_done();
        let any = self.arrive(arrived, whole, done)?;
        if any {
            self.need_texts();
        }
        Ok(any || texts)
    }

    /// Takes in everything still on its way, waiting for it.
    pub fn finish_loading(&mut self) -> Result<(), String> {
        self.settle();
        if let Some(pending) = self.pending_journal.take() {
            let whole = pending.is_whole();
            self.arrive(pending.wait(), whole, true)?;
        }
        match &self.load_failed {
            Some(why) if self.app.loading_journal => Err(why.clone()),
            _ => Ok(()),
        }
    }

    fn arrive(&mut self, taken: Taken, whole: bool, done: bool) -> Result<bool, String> {
        let any = !taken.arrivals.is_empty() || taken.failed.is_some();
        for month in &taken.unreadable {
            self.app.workbook.journal.mark_unreadable(*month);
        }
        if let Some(e) = taken.failed {
            let why = e.to_string();
            self.load_failed = Some(why.clone());
            if whole {
                self.pending_journal = None;
                return Err(why);
            }
            self.app.notice = Some(
                "A month of the journal cannot be read; it is left as it is. \
                 `mentorbook check` says which."
                    .into(),
            );
        }
        if !taken.arrivals.is_empty() {
            self.store.take_in(&mut self.app.workbook, taken.arrivals);
            self.app.refresh_journal();
        }
        if done {
            self.pending_journal = None;
            self.app.loading_journal = false;
            self.take_jotted();
        }
        Ok(any)
    }

    /// Why part of the journal could not be read, if it could not.
    pub fn load_problem(&self) -> Option<&str> {
        self.load_failed.as_deref()
    }

    /// Entries written for a month still on disk wait for it: a save leaves that month
    /// alone until it is read (which is what the final save waits for).
    pub(super) fn waiting_for_months(&self) -> bool {
        let j = &self.app.workbook.journal;
        !j.is_complete()
            && j.iter()
                .any(|e| j.is_unread(crate::model::Month::of(&e.at)))
    }
}
