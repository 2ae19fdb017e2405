//! Documents: the blocks a document is made of (headings, labelled values, checklists,
//! tables), the sections a document can hold, and the writers that turn blocks into Markdown
//! and terminal text, plus the calendar. What goes in each section is the business of the
//! exercise it comes from (see `screens::document`); this module knows no screen.

pub mod calendar;
pub mod due;
mod html;
mod journal;
mod markdown;
pub mod practice;
mod printable;
mod terminal;

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use ratatui::text::Line;

pub use html::html;
pub use journal::{diary, journal_json};
pub use markdown::markdown;
pub use printable::{printable, printable_blocks};
pub use terminal::{lines, plain};

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title.
    Title(String),
    /// A section.
    Heading(String),
    /// A part of a section (one goal, one plan).
    Subheading(String),
    /// A label over what follows inside a part (a conversation's agenda, its notes).
    Label(String),
    /// Running text.
    Para(String),
    /// Guidance or a remark, set apart from the user's words.
    Note(String),
    /// Labelled values; empty values are left out by the writer of the block.
    Fields(Vec<(String, String)>),
    Bullets(Vec<String>),
    /// Items with a tick box.
    Checklist(Vec<(bool, String)>),
    Table {
        head: Vec<&'static str>,
        rows: Vec<Vec<String>>,
    },
}

/// The parts a document can hold, in the order a full export gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    /// Every goal's action plan, as tables.
    Plan,
    /// The SMART goals with their check and progress.
    Goals,
    /// The partnership agreement.
    Agreement,
    /// The agenda of the coming conversation.
    Agenda,
    /// The personal vision statement.
    Vision,
    /// The mentoring plan's topics.
    Topics,
    /// Deadlines, milestones, step due dates and planned meetings.
    Deadlines,
    /// The brainstorm's answers and candidate goals.
    Brainstorm,
    /// Every conversation with its minutes, oldest first.
    Conversations,
    /// Every check-in.
    CheckIns,
    /// The closure reflection and what comes next.
    Closure,
    /// The journal's shareable entries, oldest first (only when asked for).
    Journal,
    /// The minutes of the last conversation before today.
    LastConversation,
    /// Every commitment still open, across all conversations, soonest due first.
    OpenCommitments,
}

impl Section {
    /// Everything shareable, in the relationship's order: what was agreed and imagined, the
    /// goals and their plans, what the partners talk about and have talked about, what is
    /// coming, and how it ended. The journal is only there when asked for.
    pub const ALL: [Section; 11] = [
        Section::Agreement,
        Section::Vision,
        Section::Brainstorm,
        Section::Goals,
        Section::Plan,
        Section::Topics,
        Section::Conversations,
        Section::CheckIns,
        Section::Agenda,
        Section::Deadlines,
        Section::Closure,
    ];

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Plan => "Action plans",
            Section::Goals => "SMART goals",
            Section::Agreement => "Partnership agreement",
            Section::Agenda => "Agenda",
            Section::Vision => "Personal vision",
            Section::Topics => "Mentoring plan",
            Section::Deadlines => "Dates",
            Section::Brainstorm => "Brainstorm",
            Section::Conversations => "Conversations",
            Section::CheckIns => "Check-ins",
            Section::Closure => "Closure",
            Section::Journal => "Journal",
            Section::LastConversation => "Last conversation",
            Section::OpenCommitments => "Open commitments",
        }
    }
}

/// A label as it leads its value: with a colon, unless it is a question or has one.
pub fn labelled(label: &str) -> String {
    let label = label.trim_end();
    if label.ends_with(['?', ':']) {
        label.to_string()
    } else {
        format!("{label}:")
    }
}

/// What goes in.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Private topics are included (marked as such).
    pub include_private: bool,
    /// For overdue marks and the agenda.
    pub today: NaiveDate,
}

/// The lines drawn from a document, kept with the document: asked again for an equal
/// document, it gives the same lines without drawing them again (comparing is far cheaper
/// than styling). One document at a time; for a pane redrawn on every key.
#[derive(Debug, Default)]
pub struct LinesCache(Mutex<Option<Drawn>>);

/// A document and the lines drawn from it.
type Drawn = (Vec<Block>, Arc<Vec<Line<'static>>>);

impl LinesCache {
    /// The lines of `blocks`, made by `draw` unless they are the ones kept.
    pub fn lines(
        &self,
        blocks: Vec<Block>,
        draw: impl FnOnce(&[Block]) -> Vec<Line<'static>>,
    ) -> Arc<Vec<Line<'static>>> {
        // Only the drawing thread asks; a poisoned lock just means drawing again.
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((b, lines)) = kept.as_ref()
            && *b == blocks
        {
            return Arc::clone(lines);
        }
        let lines = Arc::new(draw(&blocks));
        *kept = Some((blocks, Arc::clone(&lines)));
        lines
    }
}
