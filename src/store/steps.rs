//! The steps a save goes through, what tests may make fail at each, and what a save did.

#[cfg(feature = "test-hooks")]
use std::io;
#[cfg(feature = "test-hooks")]
use std::path::Path;
#[cfg(feature = "test-hooks")]
use std::sync::Arc;

/// The steps of a save, in order; tests make any one of them fail (see [`Store::inject_faults`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    Write,
    SyncFile,
    Verify,
    Backup,
    Rename,
    SyncDir,
}

impl SaveStep {
    pub const ALL: [SaveStep; 7] = [
        SaveStep::CreateTemp,
        SaveStep::Write,
        SaveStep::SyncFile,
        SaveStep::Verify,
        SaveStep::Backup,
        SaveStep::Rename,
        SaveStep::SyncDir,
    ];

    /// Words for the status line.
    pub(super) fn words(self) -> &'static str {
        match self {
            SaveStep::CreateTemp => "creating a temporary file",
            SaveStep::Write => "writing",
            SaveStep::SyncFile => "flushing to disk",
            SaveStep::Verify => "checking what was written",
            SaveStep::Backup => "keeping a backup",
            SaveStep::Rename => "replacing the file",
            SaveStep::SyncDir => "flushing the folder",
        }
    }
}

/// Called before each step of a save with the temporary file (the folder before it exists);
/// an error there fails the save as if the step had. Tests also damage the file here. A
/// test hook: only in builds with the `test-hooks` feature (`cargo test` turns it on).
#[cfg(feature = "test-hooks")]
#[derive(Clone)]
#[allow(clippy::type_complexity)]
pub struct Faults(pub Arc<dyn Fn(SaveStep, &Path) -> io::Result<()> + Send + Sync>);

#[cfg(feature = "test-hooks")]
impl std::fmt::Debug for Faults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Faults")
    }
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The file was replaced.
    Written,
    /// Nothing had changed since the last save; the file was left alone.
    Unchanged,
}
