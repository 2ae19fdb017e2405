//! `mentorbook jot`: one journal entry from the shell, without opening the app. The words
//! given, else standard input, else `$VISUAL`/`$EDITOR` on a terminal; `#tags` in the text
//! become its tags; private unless `--shared`; stamped now, or `--at` a time typed as in the
//! app (`yesterday 21:00`).

use std::io::{IsTerminal, Read};

use chrono::{DateTime, Local, Timelike};
use clap::Args;

use super::{Cli, target};
use crate::field::{MAX_TEXT, parse_when};
use crate::model::JournalEntry;
use crate::store::{OpenError, Store, inbox};

/// The arguments of `jot`.
#[derive(Debug, Args)]
pub struct JotArgs {
    /// The entry's words (none: standard input, or your editor on a terminal).
    pub words: Vec<String>,
    /// When it happened: `yesterday 21:00`, `2026-11-30 08:15`, `-2d`, `21:00` (default now).
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// Make the entry shareable (it is private otherwise).
    #[arg(long)]
    pub shared: bool,
}

/// The `#tags` written in a text, each once (any case), without the `#`.
pub fn tags_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let Some(tag) = word.strip_prefix('#') else {
            continue;
        };
        let tag: String = tag
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        if !tag.is_empty() && !out.iter().any(|t| crate::model::same_folded(t, &tag)) {
            out.push(tag);
        }
    }
    out
}

/// The entry's text: the words, standard input, or what the editor leaves (not for an
/// encrypted workbook: the editor's file would hold the words unencrypted).
fn text_of(args: &JotArgs, encrypted: bool) -> Result<String, String> {
    if !args.words.is_empty() {
        return Ok(args.words.join(" "));
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut text = String::new();
        stdin
            .lock()
            .take(MAX_TEXT as u64 + 1)
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(text);
    }
    if encrypted {
        return Err(
            "the workbook is encrypted, and an editor's file would hold the entry \
                    unencrypted: give the words (mentorbook jot TEXT) or pipe them in"
                .into(),
        );
    }
    let file = tempfile::Builder::new()
        .prefix(".mentorbook-jot-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("cannot make a file for the editor: {e}"))?;
    let editor = crate::shell::outside::editor_from_env();
    let status = crate::shell::outside::run_editor(&editor, file.path())
        .map_err(|e| format!("cannot start the editor “{editor}” ({e}): set $VISUAL or $EDITOR"))?;
    if !status.success() {
        return Err("the editor stopped with an error: nothing was added".into());
    }
    std::fs::read_to_string(file.path()).map_err(|e| format!("cannot read the editor's file: {e}"))
}

/// Runs `jot`.
pub fn run(cli: &Cli, args: &JotArgs, now: DateTime<Local>) -> Result<String, String> {
    if cli.demo {
        return Err("the sample workbook keeps nothing: jot into --file or --workbook".into());
    }
    let now = now.with_nanosecond(0).unwrap_or(now).fixed_offset();
    let at = match &args.at {
        None => now,
        Some(when) => parse_when(when, now, now.date_naive()).map_err(|e| format!("--at: {e}"))?,
    };
    let path = target(cli)?;
    let encrypted = crate::store::crypt::is_encrypted(&path);
    let text = text_of(args, encrypted)?;
    let text = text.trim_end().to_string();
    // Standard input is read only to just past the limit: its true size is not known.
    if text.len() > MAX_TEXT {
        return Err(format!(
            "the entry is longer than a journal entry holds (at most {:.1} MB): nothing was \
             added. Split it over several entries.",
            MAX_TEXT as f64 / 1e6
        ));
    }
    if text.trim().is_empty() {
        return Ok("Nothing written, so nothing was added.\n".into());
    }
    let tags = tags_in(&text);
    let entry = JournalEntry {
        at,
        text,
        tags: tags.clone(),
        private: !args.shared,
        ..JournalEntry::default()
    };
    let kind = if args.shared { "shareable" } else { "private" };
    let tags: String = tags.iter().map(|t| format!(" #{t}")).collect();
    let said = format!(
        "Added a {kind} entry, {}{tags}",
        at.format("%Y-%m-%d %H:%M")
    );
    // Encrypted: written to the recipient without reading anything (no passphrase).
    // Open in the app: left for it to take in, never refused.
    let opened = match encrypted {
        true => None,
        false => match Store::open(&path) {
            Ok(opened) => Some(opened),
            Err(OpenError::Locked(_)) => None,
            Err(e) => return Err(e.to_string()),
        },
    };
    let Some((mut store, mut wb)) = opened else {
        inbox::drop_in(&path, &entry, Local::now())
            .map_err(|e| format!("cannot leave the entry for the workbook: {e}"))?;
        let when = match encrypted {
            true => "encrypted, until mentorbook next opens the workbook",
            false => "for the mentorbook that has the workbook open",
        };
        return Ok(format!("{said} (waiting, {when}).\n"));
    };
    crate::store::ensure_id(&mut wb);
    // Entries left while the workbook was open go in with this one.
    store.take_inbox(&mut wb);
    let id = wb.fresh_id();
    wb.journal.push(JournalEntry { id, ..entry });
    store.save(&wb, Local::now()).map_err(|e| e.to_string())?;
    Ok(format!("{said}.\n"))
}
