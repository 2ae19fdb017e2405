//! `mentorbook report`: the mentor's practice (`report/practice.rs`) for one workbook or,
//! with `--all`, every workbook of the data folder: as text, a Markdown table or JSON.

use chrono::{DateTime, Local};
use clap::{Args, ValueEnum};

use super::{Cli, Need, all, load_for};
use crate::report::practice::{self, Practice};

/// The arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Every workbook in the data folder (a mentor's mentees), one row each.
    #[arg(long)]
    all: bool,
    /// Count from this day (any date form: `2026-09-01`, `-3m`); default: from the start.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    since: Option<String>,
    /// Text to read, a Markdown table for a programme report, or JSON for scripts.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

/// How `report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Markdown,
    Json,
}

/// Runs `report`.
pub fn run(cli: &Cli, args: &ReportArgs, now: DateTime<Local>) -> Result<String, String> {
    let today = now.date_naive();
    let since = match &args.since {
        None => None,
        Some(s) => crate::model::parse_date(s, today).map_err(|e| format!("--since {s:?}: {e}"))?,
    };
    let rows: Vec<(String, Practice)> = if args.all {
        let (read, _, _) = all::each(cli, Need::Plan)?;
        (read.iter())
            .map(|r| {
                (
                    r.name.clone(),
                    practice::practice(&r.workbook, since, today),
                )
            })
            .collect()
    } else {
        let (wb, path) = load_for(cli, Need::Plan)?;
        let name = match wb.title.trim() {
            "" => path.display().to_string(),
            t => t.to_string(),
        };
        vec![(name, practice::practice(&wb, since, today))]
    };
    Ok(match args.format {
        ReportFormat::Text => (rows.iter())
            .map(|(name, p)| practice::text(name, p))
            .collect::<Vec<_>>()
            .join("\n"),
        ReportFormat::Markdown => practice::markdown(&rows),
        ReportFormat::Json => {
            let rows: Vec<_> = (rows.iter())
                .map(|(name, p)| serde_json::json!({ "workbook": name, "practice": p }))
                .collect();
            serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
        }
    })
}
