//! `mentorbook export`: the workbook as a document (Markdown or plain text), its dates as a
//! calendar, or its data as JSON; the journal (`--section journal`) as a diary or as JSON,
//! narrowed by the same query language as the in-app filter.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDate};
use clap::{Args, ValueEnum};

use super::{Cli, Need, load_for, say};
use crate::model::{JournalFilter, Workbook};
use crate::report::{self, Section};
use crate::{privacy, store};

/// The arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Only this part (may be repeated). `journal` is never in the default document: ask for it.
    #[arg(long, value_enum, value_name = "NAME")]
    pub section: Vec<Section>,
    /// Only the journal entries this query finds, as in the app's filter line:
    /// `#tag "a phrase" -word #a OR #b from:2025-06 to:today day:12-02`.
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
    pub filter: Option<String>,
    /// The minutes of one conversation instead of the document: `latest`, a date, or its id.
    /// A private conversation only with --include-private.
    #[arg(long, value_name = "WHICH", conflicts_with_all = ["section", "filter"])]
    pub conversation: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Calendar: leave out events before this day (default: 30 days ago).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Calendar: a reminder this long before each event: `1d`, `2h`, `30m`.
    #[arg(long, value_name = "BEFORE")]
    pub alarm: Option<String>,
    /// Include private topics, private conversations (their minutes, commitments and dates)
    /// and, with --section journal, private journal entries; the JSON then holds everything,
    /// the conversation with yourself included.
    #[arg(long)]
    pub include_private: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A document for email or printing.
    Markdown,
    /// The same document as plain text.
    Text,
    /// The same document as one printable, self-contained HTML page.
    Html,
    /// Calendar events (RFC 5545) for the dates.
    Ics,
    /// The workbook file itself; with `--section journal`, the journal's entries.
    Json,
}

/// The export as text, from a workbook already read: the CLI and the tests share it.
pub fn export_text(
    wb: &Workbook,
    format: Format,
    sections: &[Section],
    include_private: bool,
    now: DateTime<Local>,
) -> String {
    let wb = &*privacy::for_document(wb, include_private);
    let sections = if sections.is_empty() {
        &Section::ALL[..]
    } else {
        sections
    };
    let opts = report::Options {
        include_private,
        today: now.date_naive(),
    };
    match format {
        Format::Markdown => report::markdown(&crate::screens::document(wb, sections, opts)),
        Format::Text => report::plain(&crate::screens::document(wb, sections, opts), false),
        Format::Html => report::html(&crate::screens::document(wb, sections, opts)),
        Format::Ics => {
            let since = now.date_naive().checked_sub_days(chrono::Days::new(30));
            calendar_text(wb, now, since, None)
        }
        Format::Json if sections == [Section::Journal] => report::journal_json(wb, include_private),
        Format::Json => {
            let data = store::encode_data(wb);
            String::from_utf8_lossy(&store::encode(&data, 0, now.fixed_offset())).into_owned()
        }
    }
}

/// The minutes of the conversation `which` names (see `screens::find_conversation`), as
/// Markdown, text or HTML.
pub fn minutes_text(
    wb: &Workbook,
    which: &str,
    format: Format,
    include_private: bool,
    now: DateTime<Local>,
) -> Result<String, String> {
    let shown = privacy::for_document(wb, include_private);
    let found = crate::screens::find_conversation(&shown, which, now.date_naive());
    let c = match found {
        Ok(c) => c,
        // Said plainly, rather than "there is none": it is there, and private.
        Err(e) if !include_private => {
            let private = crate::screens::find_conversation(wb, which, now.date_naive())
                .is_ok_and(|c| c.private);
            if private {
                return Err("that conversation is private: add --include-private".into());
            }
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    let blocks = crate::screens::minutes_document(&shown, c);
    Ok(match format {
        Format::Text => report::plain(&blocks, false),
        Format::Html => report::html(&blocks),
        Format::Markdown | Format::Ics | Format::Json => report::markdown(&blocks),
    })
}

/// The calendar from `since`, with a reminder `alarm` minutes before each event; times of
/// day are read on this machine's clock.
pub fn calendar_text(
    wb: &Workbook,
    now: DateTime<Local>,
    since: Option<NaiveDate>,
    alarm: Option<u32>,
) -> String {
    use chrono::TimeZone;
    let zone =
        |t: chrono::NaiveDateTime| Local.from_local_datetime(&t).earliest().map(|t| t.to_utc());
    let opts = report::calendar::CalendarOptions {
        since,
        alarm,
        zone: &zone,
    };
    report::calendar::ics(wb, now.to_utc(), &opts)
}

/// `1d`, `2h`, `30m`, `45` (minutes) as minutes.
fn alarm_minutes(text: &str) -> Result<u32, String> {
    let t = text.trim().to_lowercase();
    let days = t
        .strip_suffix('d')
        .or_else(|| t.strip_suffix(" days"))
        .or_else(|| t.strip_suffix(" day"));
    let minutes = match days {
        Some(n) => n.trim().parse::<u32>().ok().map(|d| d * 1440),
        None => crate::model::parse_minutes(&t),
    };
    minutes
        .filter(|m| *m > 0 && *m <= 14 * 1440)
        .ok_or_else(|| format!("--alarm {text:?}: use 1d, 2h or 30m (up to two weeks)"))
}

/// Keeps only the journal entries `query` finds (for an export: the copy is not saved).
pub fn filter_journal(wb: &mut Workbook, query: &str, today: NaiveDate) -> Result<(), String> {
    let filter = JournalFilter::parse(query, today, &wb.goals)
        .map_err(|e| format!("--filter {query:?}: {e}"))?;
    wb.journal.retain(|e| filter.matches(e));
    Ok(())
}

/// Gives the workbook at `path` its id (a workbook from before ids), saved at once, so the
/// calendar's UIDs are the ones every later export gives.
fn give_id(path: &Path) -> Result<String, String> {
    let (mut store, mut wb) = store::Store::open(path).map_err(|e| match e {
        store::OpenError::Locked(_) => "the workbook is open in mentorbook and has no calendar \
                                       id yet: change anything there (it saves the id), or \
                                       quit it, then export again"
            .to_string(),
        e => e.to_string(),
    })?;
    if store::ensure_id(&mut wb) {
        store.save(&wb, Local::now()).map_err(|e| e.to_string())?;
    }
    Ok(wb.id)
}

/// Runs `export`.
pub fn run(cli: &Cli, args: &ExportArgs, now: DateTime<Local>) -> Result<String, String> {
    let journal = args.section.contains(&Section::Journal);
    match args.format {
        Format::Ics if !args.section.is_empty() => {
            return Err(
                "--section does not apply to --format ics (the calendar holds dates)".into(),
            );
        }
        Format::Json if !args.section.is_empty() && args.section != [Section::Journal] => {
            return Err(
                "--format json writes the whole workbook, or the journal alone with \
                        --section journal"
                    .into(),
            );
        }
        _ => {}
    }
    if args.conversation.is_some() && matches!(args.format, Format::Ics | Format::Json) {
        return Err("--conversation writes minutes: use --format markdown, text or html".into());
    }
    if (args.since.is_some() || args.alarm.is_some()) && args.format != Format::Ics {
        return Err("--since and --alarm are for --format ics".into());
    }
    if args.filter.is_some() && !journal {
        return Err("--filter narrows the journal: add --section journal".into());
    }
    // Only output that holds journal entries reads the journal (it can be years of text).
    let need = if journal || args.format == Format::Json {
        Need::Everything
    } else {
        Need::Plan
    };
    let (mut wb, path) = load_for(cli, need)?;
    if let Some(query) = &args.filter {
        filter_journal(&mut wb, query, now.date_naive())?;
    }
    let text = match &args.conversation {
        Some(which) => minutes_text(&wb, which, args.format, args.include_private, now)?,
        None if args.format == Format::Ics => {
            let since = match &args.since {
                Some(d) => crate::model::parse_date(d, now.date_naive())
                    .map_err(|e| format!("--since: {e}"))?,
                None => now.date_naive().checked_sub_days(chrono::Days::new(30)),
            };
            let alarm = args.alarm.as_deref().map(alarm_minutes).transpose()?;
            if wb.id.is_empty() {
                wb.id = give_id(&path)?;
            }
            let shown = privacy::for_document(&wb, args.include_private);
            calendar_text(&shown, now, since, alarm)
        }
        None => export_text(&wb, args.format, &args.section, args.include_private, now),
    };
    let Some(out) = args.output.as_deref() else {
        return Ok(text);
    };
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(out, &path) {
        return Err(format!(
            "{} is the workbook itself: choose another file",
            out.display()
        ));
    }
    store::write_file_private(out, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    say(&format!("mentorbook: wrote {}", out.display()));
    Ok(String::new())
}
