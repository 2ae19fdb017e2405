//! The UI state beside the workbook. Never saved; rebuilt at every start.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{JournalFilter, Workbook};
use crate::nav::{Mode, Pane, Screen};
use crate::report::Section;

/// What the status line says about saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Nothing saved yet this session (and nothing to save).
    Opened,
    /// The last save succeeded at this time.
    Saved(DateTime<FixedOffset>),
    /// The last save failed; shown until a save succeeds.
    NotSaved(String),
}

/// Everything on screen: the workbook and where the user is in it.
#[derive(Debug)]
pub struct App {
    pub workbook: Workbook,
    pub screen: Screen,
    pub mode: Mode,
    /// Focus index per screen (see `Screen::slot`), into that screen's targets, so coming
    /// back keeps the place. Read and moved through `screens::focus`, which knows the targets.
    focus: [usize; Screen::SLOTS],
    pub status: Status,
    /// A one-off message for the last key (cleared by the next one).
    pub notice: Option<String>,
    /// Set by `update` when the workbook or the live editor changed; the shell takes it to
    /// schedule an autosave.
    pub changed: bool,
    /// Changes exist that are not on disk yet.
    pub unsaved: bool,
    /// Where the workbook is saved, shown on the overview (set by the shell).
    pub location: Option<std::path::PathBuf>,
    /// Today, for dates typed as `tomorrow` and for "reviewed 3 days ago" (set by `update`
    /// from the clock the shell passes in, so drawing never reads the clock).
    pub today: NaiveDate,
    /// The journal list: its filter and what passes it.
    pub journal: JournalView,
    /// A large file's journal is still being read (only ever during the first frame).
    pub loading_journal: bool,
    /// Call mode: the screen may be shared, so nothing private is shown anywhere.
    pub call_mode: bool,
    /// The terminal is smaller than the layout needs (set by the shell from its size): only
    /// quit, help and saving act, since nothing else could be seen.
    pub too_small: bool,
    /// The key being handled was typed before the page it acts on could be seen: queued
    /// behind the key that opened it, or quicker after it than a glance (set by the shell).
    /// It opens no private field's editor, so text typed ahead never lands where the user
    /// did not mean to write.
    pub blind: bool,
    /// While browsing, the terminal's cursor stands on the focused row (for screen readers
    /// and magnifiers); `browse_cursor = false` in the configuration hides it.
    pub browse_cursor: bool,
    /// A typed-ahead key was refused a private field: the rest of that burst is dropped.
    pub dropping_typed_ahead: bool,
    /// The review's panes.
    pub review: ReviewView,
    /// The other partner's last share packet, read-only (set by the shell from the file
    /// beside the workbook; `None` when there is none).
    pub partner: Option<std::sync::Arc<crate::model::PartnerView>>,
    /// The review's reference drawn as lines, kept while what it shows is the same.
    pub reference_cache: crate::report::LinesCache,
    /// The agenda a conversation (by id) was given when it was made, while it is there
    /// untouched: moved to a past date, it was suggested for the wrong day and goes.
    pub fresh_agenda: Option<(crate::model::Id, Vec<crate::model::AgendaItem>)>,
    /// Where the last frame drew the editor's insertion point (set while drawing, like the
    /// reference cache): the terminal's own cursor goes there, for screen readers and input
    /// methods, which follow the real cursor and not a reversed cell.
    pub drawn_cursor: std::cell::Cell<Option<ratatui::layout::Position>>,
    /// Where a focused box without a "›" was drawn (a text box of a form): the browsing
    /// cursor's place there. A cache of the last frame, like `drawn_cursor`.
    pub drawn_focus: std::cell::Cell<Option<ratatui::layout::Position>>,
}

/// The review screen's layout: which pane has the keys, what the reference shows, how far
/// it is scrolled, how the width is shared, and where Esc goes back to.
#[derive(Debug, Clone, Copy)]
pub struct ReviewView {
    pub pane: Pane,
    pub reference: Section,
    /// Lines of the reference document scrolled off the top.
    pub scroll: u16,
    /// The reference's share of the width (or height, stacked), in percent.
    pub split: u16,
    pub from: Screen,
    /// The reference shows the partner's workbook (their last packet) instead of this one.
    pub partner: bool,
}

impl ReviewView {
    /// What the reference pane can show, in the order `]` walks them.
    pub const REFERENCES: [Section; 9] = [
        Section::Plan,
        Section::Goals,
        Section::LastConversation,
        Section::OpenCommitments,
        Section::Agenda,
        Section::Agreement,
        Section::Vision,
        Section::Topics,
        Section::Deadlines,
    ];
    /// The split moves in these steps, between these bounds.
    pub const SPLIT_STEP: u16 = 10;
    pub const SPLIT_MIN: u16 = 30;
    pub const SPLIT_MAX: u16 = 70;
}

impl Default for ReviewView {
    fn default() -> Self {
        ReviewView {
            pane: Pane::Notes,
            reference: Section::Plan,
            scroll: 0,
            // Today's conversation is where the writing happens: it gets the larger share.
            split: 40,
            from: Screen::Home,
            partner: false,
        }
    }
}

/// The journal as listed: kept beside the workbook so that moving through thousands of
/// entries costs what is on screen, not what is in the file. `matches` is refreshed when the
/// filter changes and when the list is shown again after an entry changed.
#[derive(Debug, Clone, Default)]
pub struct JournalView {
    /// The filter as typed.
    pub query: String,
    pub filter: JournalFilter,
    /// Positions in `workbook.journal` that pass the filter, newest first.
    pub matches: Vec<usize>,
    /// Index into `matches`.
    pub selected: usize,
}

impl JournalView {
    /// Recomputes the matches, keeping the same entry selected if it still passes. In call
    /// mode (`hide_private`) private entries are left out.
    pub fn refresh(&mut self, wb: &Workbook, hide_private: bool) {
        let was = self.matches.get(self.selected).copied();
        self.matches = wb.journal_matches(&self.filter);
        if hide_private {
            self.matches.retain(|&e| !wb.journal[e].private);
        }
        self.selected = was
            .and_then(|e| self.matches.iter().position(|m| *m == e))
            .unwrap_or(0);
    }

    /// Shows entry `e` (if it passes the filter) as selected.
    pub fn select_entry(&mut self, e: usize) {
        if let Some(k) = self.matches.iter().position(|m| *m == e) {
            self.selected = k;
        }
    }

    /// The selected entry's position in the journal.
    pub fn selected_entry(&self) -> Option<usize> {
        self.matches.get(self.selected).copied()
    }
}

impl App {
    /// A fresh session on the overview.
    pub fn new(workbook: Workbook) -> App {
        let mut journal = JournalView::default();
        journal.refresh(&workbook, false);
        App {
            workbook,
            screen: Screen::Home,
            mode: Mode::Browse,
            focus: [0; Screen::SLOTS],
            status: Status::Opened,
            notice: None,
            changed: false,
            unsaved: false,
            location: None,
            today: NaiveDate::default(),
            journal,
            loading_journal: false,
            call_mode: false,
            too_small: false,
            blind: false,
            browse_cursor: true,
            dropping_typed_ahead: false,
            review: ReviewView::default(),
            partner: None,
            reference_cache: Default::default(),
            fresh_agenda: None,
            drawn_cursor: std::cell::Cell::new(None),
            drawn_focus: std::cell::Cell::new(None),
        }
    }

    /// The raw focus index of the current screen (not clamped: see `screens::focus`).
    pub fn focus_slot(&self) -> usize {
        self.focus[self.screen.slot()]
    }

    /// Sets the raw focus index of the current screen.
    pub fn set_focus_slot(&mut self, i: usize) {
        self.focus[self.screen.slot()] = i;
    }

    /// Works out the journal list again (after a change to the entries, the filter or call
    /// mode).
    pub fn refresh_journal(&mut self) {
        self.journal.refresh(&self.workbook, self.call_mode);
    }

    /// Copies the live editor's text into the workbook without leaving the editor, so an
    /// autosave includes what is being typed. A date still being typed (not yet valid) stays
    /// in the editor. Returns whether anything changed.
    pub fn flush_editor(&mut self) -> bool {
        let Some(editing) = self.mode.editing() else {
            return false;
        };
        let Some(field) = editing.field() else {
            return false;
        };
        let text = editing.text();
        field
            .commit(&mut self.workbook, &text, self.today)
            .unwrap_or(false)
    }

    /// The workbook as it goes to disk. A goal, entry or list item just added and still
    /// empty in the editor is not in it: Esc would take it away again, so an autosave, a
    /// quit or a crash must not keep it either.
    pub fn to_save(&self) -> std::borrow::Cow<'_, Workbook> {
        match self.mode.editing() {
            Some(editing) if editing.new_item && editing.text().trim().is_empty() => {
                let mut wb = self.workbook.clone();
                if let Some(field) = editing.field() {
                    field.discard_new(&mut wb);
                }
                std::borrow::Cow::Owned(wb)
            }
            _ => std::borrow::Cow::Borrowed(&self.workbook),
        }
    }

    /// Marks a change to be saved.
    pub fn touch(&mut self) {
        self.changed = true;
        self.unsaved = true;
    }
}
