//! `mentorbook due`: what is overdue or coming, one line each, for a shell prompt, a login
//! script or cron. Its exit code is the answer: 0 nothing overdue, 1 something overdue, 2 the
//! workbook could not be read or the arguments are wrong (as `grep` does).

use std::process::ExitCode;

use chrono::{DateTime, Local};
use clap::{Args, ValueEnum};

use super::{Cli, Need, load_for, print, say};
use crate::model::parse_days;
use crate::privacy;
use crate::report::due;

/// The arguments of `due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// How far ahead to look: days (`7`), weeks (`2w`) or months (`1m`).
    #[arg(long, default_value = "7", value_name = "DAYS")]
    within: String,
    /// Lines to read, or JSON for scripts.
    #[arg(long, value_enum, default_value = "text")]
    format: DueFormat,
    /// Count private conversations' commitments too.
    #[arg(long)]
    include_private: bool,
}

/// How `due` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    Text,
    Json,
}

/// Runs `due`.
pub fn run(cli: &Cli, args: &DueArgs, now: DateTime<Local>) -> ExitCode {
    let within = match parse_days(&args.within) {
        Ok(Some(d)) => d,
        _ => return problem(&format!("--within {:?}: use 7, 2w or 1m", args.within)),
    };
    let wb = match load_for(cli, Need::Plan) {
        Ok((wb, _)) => wb,
        Err(msg) => return problem(&msg),
    };
    let wb = privacy::for_document(&wb, args.include_private);
    let today = now.date_naive();
    let items = due::due(&wb, today, within);
    let text = match args.format {
        DueFormat::Text => {
            crate::report::printable(&due::lines(&items, today, within)).into_owned()
        }
        DueFormat::Json => serde_json::to_string_pretty(&items).unwrap_or_default() + "\n",
    };
    if print(&text) != ExitCode::SUCCESS {
        return ExitCode::from(2);
    }
    if items.iter().any(|i| i.overdue) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn problem(msg: &str) -> ExitCode {
    say(&format!("mentorbook: {msg}"));
    ExitCode::from(2)
}
