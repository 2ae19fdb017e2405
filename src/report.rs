//! Documents: the blocks a document is made of (headings, labelled values, checklists,
//! tables), the sections a document can hold, and the writers that turn blocks into Markdown
//! and terminal text, plus the calendar. What goes in each section is the business of the
//! exercise it comes from (see `screens::document`); this module knows no screen.

pub mod calendar;
mod markdown;
mod terminal;

use chrono::NaiveDate;

pub use markdown::markdown;
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
}

impl Section {
    /// Everything, in the order of a full export.
    pub const ALL: [Section; 7] = [
        Section::Goals,
        Section::Plan,
        Section::Agenda,
        Section::Deadlines,
        Section::Agreement,
        Section::Vision,
        Section::Topics,
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
        }
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
