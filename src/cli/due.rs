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
    /// Every workbook in the data folder, grouped by workbook (a mentor's mentees); a
    /// mentor's own items say "yours".
    #[arg(long)]
    all: bool,
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
    if args.all {
        return run_all(cli, args, within, now);
    }
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

/// `due --all`: each workbook of the data folder in turn (an encrypted one unlocked as it
/// comes), its name, partners and role, then its lines. Exit code 1 if anything is overdue
/// anywhere, 2 if a workbook could not be read (the others are still listed).
fn run_all(cli: &Cli, args: &DueArgs, within: u32, now: DateTime<Local>) -> ExitCode {
    let (read, failed, dir) = match super::all::each(cli, Need::Plan) {
        Ok(r) => r,
        Err(msg) => return problem(&msg),
    };
    let today = now.date_naive();
    let (mut text, mut json, mut overdue) = (String::new(), Vec::new(), false);
    for r in &read {
        let wb = privacy::for_document(&r.workbook, args.include_private);
        let items = due::due(&wb, today, within);
        overdue |= items.iter().any(|i| i.overdue);
        text.push_str(&r.heading());
        text.push_str(&due::lines(&items, today, within));
        text.push('\n');
        json.push(serde_json::json!({
            "workbook": r.name,
            "partners": super::partners(&r.workbook),
            "role": super::role_name(r.workbook.role),
            "items": items,
        }));
    }
    if read.is_empty() && !failed {
        text = format!("No workbooks in {} yet.\n", dir.display());
    }
    let out = match args.format {
        DueFormat::Text => crate::report::printable(&text).into_owned(),
        DueFormat::Json => serde_json::to_string_pretty(&json).unwrap_or_default() + "\n",
    };
    if print(&out) != ExitCode::SUCCESS || failed {
        return ExitCode::from(2);
    }
    ExitCode::from(u8::from(overdue))
}

fn problem(msg: &str) -> ExitCode {
    say(&format!("mentorbook: {msg}"));
    ExitCode::from(2)
}
