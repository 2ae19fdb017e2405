//! `mentorbook import`: a journal kept elsewhere, appended to the workbook's journal. The
//! file is read whole first, so a bad file changes nothing; a dry run says what would come in.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, Utc};
use clap::Args;

use super::{Cli, target};
use crate::import::{self, Clock, Source};
use crate::store::{self, Store};

/// The arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What kind of file it is.
    #[arg(long, value_enum)]
    pub from: Source,
    /// The file to read (named `journal`: `file` is the workbook's option).
    #[arg(value_name = "FILE")]
    pub journal: PathBuf,
    /// Say what would be imported, changing nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Make the entries shareable (they arrive private otherwise).
    #[arg(long)]
    pub shared: bool,
}

/// This machine's clock, as the other tools wrote their times on it.
struct LocalClock;

impl Clock for LocalClock {
    fn local(&self, t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        // An hour that happens twice (autumn) is read as its first time.
        t.and_local_timezone(Local)
            .earliest()
            .map(|t| t.fixed_offset())
    }
    fn of(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        t.with_timezone(&Local).fixed_offset()
    }
}

/// Runs `import`.
pub fn run(cli: &Cli, args: &ImportArgs, now: DateTime<Local>) -> Result<String, String> {
    if cli.demo {
        return Err("the sample workbook keeps nothing: import into --file or --workbook".into());
    }
    let file = args.journal.display();
    let text =
        std::fs::read_to_string(&args.journal).map_err(|e| format!("cannot read {file}: {e}"))?;
    let read = import::read(args.from, &text, &LocalClock)
        .map_err(|e| format!("{file} does not read as {}: {e}", name(args.from)))?;
    let path = target(cli)?;
    // A dry run reads without the lock: it may run while the app has the workbook open.
    let (mut store, mut wb) = if args.dry_run {
        let wb = match store::read_only(&path) {
            Ok(d) => d.workbook,
            Err(store::OpenError::Io(_, e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Default::default()
            }
            Err(e) => return Err(e.to_string()),
        };
        (None, wb)
    } else {
        let (store, mut wb) = Store::open(&path).map_err(|e| e.to_string())?;
        store::ensure_id(&mut wb);
        (Some(store), wb)
    };
    let joined = import::join(&mut wb, read.entries, args.shared);
    let span = match (joined.first, joined.last) {
        (Some(f), Some(l)) => format!(" from {} to {}", f.format("%Y-%m-%d"), l.format("%Y-%m-%d")),
        _ => String::new(),
    };
    let kind = if args.shared { "shareable" } else { "private" };
    let mut out = if args.dry_run {
        format!("Would import {} entries{span}, {kind}.\n", joined.added)
    } else {
        format!("Imported {} entries{span}, {kind}.\n", joined.added)
    };
    if joined.duplicates > 0 {
        out += &format!(
            "{} entries already in the journal (same minute, same text) were skipped.\n",
            joined.duplicates
        );
    }
    for note in &read.notes {
        out += &format!("Note: {note}.\n");
    }
    if args.dry_run {
        out += "Nothing was changed (dry run).\n";
        return Ok(out);
    }
    if let Some(store) = &mut store
        && joined.added > 0
    {
        store.save(&wb, now).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn name(source: Source) -> &'static str {
    match source {
        Source::Jrnl => "jrnl's JSON export",
        Source::TuiJournal => "tui-journal's JSON export",
        Source::Markdown => "a Markdown journal",
    }
}
