//! The command line: the arguments (also the source of the completions and the man page)
//! and the commands that run without the terminal UI. Each returns the process's exit code:
//! 0 done, 1 a problem (said on stderr), 2 a usage error (from clap).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Local};
use clap::{CommandFactory, Parser, Subcommand};

use crate::model::Workbook;
use crate::report::{self, Section};
use crate::store;
use crate::{privacy, workbooks};

mod all;
mod crypt;
pub use config::{apply_config, default_file as default_config_file, remap_of};
pub use crypt::unlock;
mod config;
mod due;
mod export;
mod import;
mod jot;
mod list;
pub use list::{describe, status, unnamed};
use list::{list, partners, role_name};
use new::new;
pub use new::new_mentor_workbook;
mod merge;
mod new;
mod practice;
mod share;

pub use export::{Format, calendar_text, export_text, filter_journal, minutes_text};

/// A private, keyboard-only mentoring workbook for the terminal.
#[derive(Debug, Parser)]
#[command(name = "mentorbook", version, about)]
pub struct Cli {
    /// The workbook file to open (created on first save). Without this, --workbook or
    /// --demo, the file named by MENTORBOOK_FILE, if set.
    #[arg(long, value_name = "PATH", global = true)]
    pub file: Option<PathBuf>,
    /// A workbook by name (see `mentorbook list`); `default` is the default one.
    #[arg(long, value_name = "NAME", conflicts_with = "file", global = true)]
    pub workbook: Option<String>,
    /// Open a sample workbook on a temporary copy: every screen filled in, nothing kept.
    /// Commands read the sample too (`mentorbook --demo show plan`).
    #[arg(long, conflicts_with_all = ["file", "workbook"], global = true)]
    pub demo: bool,
    /// For the reliability tests: save a growing workbook over and over, printing each
    /// generation once it is on disk, until killed. Only in builds with the `test-hooks`
    /// feature (what `cargo test` builds); a release build does not know it.
    #[cfg(feature = "test-hooks")]
    #[arg(long, hide = true)]
    pub save_loop: bool,
    /// For an encrypted workbook: read the passphrase from the first line of this file
    /// (mode 0600) instead of asking on the terminal.
    #[arg(long, value_name = "FILE", global = true)]
    pub passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the workbook out as Markdown, plain text, iCalendar or JSON (private content
    /// left out); the journal with `--section journal`, narrowed by `--filter`.
    Export(export::ExportArgs),
    /// Bring a journal in from jrnl, tui-journal or a Markdown file (entries arrive private).
    Import(import::ImportArgs),
    /// Add a journal entry from the shell: the words given, standard input, or your editor.
    Jot(jot::JotArgs),
    /// Print a summary: the action plans, the goals, the agenda or the dates.
    Show {
        #[arg(value_enum)]
        what: Section,
        /// Include private topics.
        #[arg(long)]
        include_private: bool,
        /// Every workbook in the data folder, each under its name, partners and role.
        #[arg(long)]
        all: bool,
    },
    /// List the workbooks in the data folder.
    List,
    /// Print where the configuration file belongs, then every option at its default with
    /// what it does (`mentorbook config > FILE` writes one to edit).
    Config {
        /// Print only the file's path.
        #[arg(long)]
        path: bool,
    },
    /// Create a named workbook (one per mentee, say).
    New {
        /// Letters, digits, `-`, `_` and `.`.
        name: String,
        /// Encrypt it from the start (asks a new passphrase).
        #[arg(long)]
        encrypted: bool,
        /// Whose workbook it is: a mentor keeps one per mentee.
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// The mentee's name.
        #[arg(long, value_name = "NAME")]
        mentee: Option<String>,
        /// The mentor's name.
        #[arg(long, value_name = "NAME")]
        mentor: Option<String>,
    },
    /// Encrypt the workbook at rest (age format): every file, backups included. Asks a new
    /// passphrase.
    Encrypt,
    /// Write an encrypted workbook back in plain files and remove its key.
    Decrypt,
    /// Check a workbook file and report problems, changing nothing.
    Check,
    /// The mentor's practice: meetings held and hours, goals achieved, commitments kept
    /// and open, check-ins against the agreed rhythm (`--all`: every workbook).
    Report(practice::ReportArgs),
    /// What is overdue or due soon; exits 1 if anything is overdue (0 if not, 2 on errors).
    Due(due::DueArgs),
    /// Merge two copies of a workbook file against the one both came from (git's merge
    /// driver: the result goes over OURS; exits 0 clean, 1 with collisions to choose).
    Merge(merge::MergeArgs),
    /// Write a packet of everything shareable for your partner (nothing private unless
    /// asked), to standard output or `-o FILE`.
    Share(share::ShareArgs),
    /// Keep your partner's packet as a read-only partner view, with their notes on your items.
    Partner(share::PartnerArgs),
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// `new --role`: whose workbook it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    Mentee,
    Mentor,
}

/// Prints to stderr, ignoring failure (the terminal may be gone; `eprintln!` would panic).
/// A message can quote a path or a field: control characters in it are made visible.
pub fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{}", report::printable(msg));
}

/// Says what went wrong and gives exit code 1.
pub fn fail(msg: &str) -> ExitCode {
    say(&format!("mentorbook: {msg}"));
    ExitCode::from(1)
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write the output: {e}")),
    }
}

/// Colour only on a terminal that shows it, and never when `NO_COLOR` is set to anything
/// (no-color.org).
fn colour() -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && crate::term::incapable(std::env::var("TERM").ok().as_deref()).is_none()
}

/// The workbook file the arguments name: `--file`, `--workbook NAME`, or the default.
/// `Ok(None)`: nothing named (the caller decides: the default, or a picker).
pub fn named_path(cli: &Cli) -> Result<Option<PathBuf>, String> {
    if let Some(p) = &cli.file {
        return Ok(Some(p.clone()));
    }
    // The environment only speaks when the command line does not: `--workbook` wins.
    let Some(name) = &cli.workbook else {
        let from_env = std::env::var_os("MENTORBOOK_FILE").filter(|v| !v.is_empty());
        return Ok(from_env.map(PathBuf::from));
    };
    workbooks::check_name(name)?;
    let dir = data_dir()?;
    let path = workbooks::path_of(&dir, name);
    if name != workbooks::DEFAULT && !path.exists() {
        return Err(format!(
            "there is no workbook called “{name}”: `mentorbook list` shows them, \
             `mentorbook new {name}` creates it"
        ));
    }
    Ok(Some(path))
}

fn data_dir() -> Result<PathBuf, String> {
    workbooks::data_dir()
        .ok_or_else(|| "no home folder found: use --file PATH or set MENTORBOOK_FILE".to_string())
}

/// The data folder, created private (0700) if missing.
pub fn ensure_data_dir() -> Result<PathBuf, String> {
    let dir = data_dir()?;
    create_private_dir(&dir)?;
    Ok(dir)
}

/// Makes `dir` and every folder on the way to it that is missing, each private (0700): the
/// folder of named workbooks lists one's mentees.
fn create_private_dir(dir: &Path) -> Result<(), String> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .and_then(|()| store::secure_dir(dir))
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// The file a command reads: as named, else the default workbook.
fn target(cli: &Cli) -> Result<PathBuf, String> {
    match named_path(cli)? {
        Some(p) => Ok(p),
        None => Ok(workbooks::path_of(&data_dir()?, workbooks::DEFAULT)),
    }
}

/// The sample workbook shipped with the app (`--demo`).
pub const SAMPLE: &str = include_str!("../assets/sample-workbook.json");

/// How much of the workbook a command needs: the journal is read only for output that
/// holds entries (a workbook's months can be years of text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Plan,
    Everything,
}

/// The workbook a command reads: the sample with `--demo`, else the named file.
fn load_for(cli: &Cli, need: Need) -> Result<(Workbook, PathBuf), String> {
    if cli.demo {
        let wb = store::decode(SAMPLE.as_bytes())
            .map_err(|e| format!("the sample workbook does not read: {e:?}"))?
            .workbook;
        return Ok((wb, PathBuf::from("(the sample workbook)")));
    }
    let path = target(cli)?;
    Ok((load(&path, need)?, path))
}

/// Reads a workbook for a command, without locking or changing it.
fn load(path: &Path, need: Need) -> Result<Workbook, String> {
    let read = match need {
        Need::Plan => store::read_plan(path),
        Need::Everything => store::read_only(path),
    };
    match read {
        Ok(d) => Ok(d.workbook),
        Err(store::OpenError::Io(_, e)) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(format!("there is no workbook at {} yet", path.display()))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Runs a command that needs no terminal UI.
pub fn run(cli: &Cli, command: &Command, now: DateTime<Local>) -> ExitCode {
    // Commands that read the workbook unlock an encrypted one first (`jot` writes without
    // reading; `encrypt`, `decrypt` and `merge` unlock as they go).
    let reads = matches!(
        command,
        Command::Export(_)
            | Command::Import(_)
            | Command::Show { .. }
            | Command::Check
            | Command::Due(_)
            | Command::Share(_)
            | Command::Partner(_)
            | Command::Report(_)
    );
    if reads
        && !cli.demo
        && let Ok(path) = target(cli)
        && let Err(msg) = crypt::unlock(cli, &path)
    {
        return fail(&msg);
    }
    let result = match command {
        Command::Export(args) => export::run(cli, args, now),
        Command::Import(args) => import::run(cli, args, now),
        Command::Jot(args) => jot::run(cli, args, now),
        Command::Show {
            what,
            include_private,
            all,
        } => show(cli, *what, *include_private, *all, now),
        Command::List => list(now),
        Command::Config { path } => config::text(*path),
        Command::New {
            name,
            encrypted,
            role,
            mentee,
            mentor,
        } => {
            let wb = Workbook {
                role: match role {
                    Some(RoleArg::Mentor) => crate::model::Role::Mentor,
                    Some(RoleArg::Mentee) | None => crate::model::Role::Mentee,
                },
                mentee: mentee.clone().unwrap_or_default(),
                mentor: mentor.clone().unwrap_or_default(),
                ..Workbook::default()
            };
            new(cli, name, wb, *encrypted, now)
        }
        Command::Encrypt => crypt::encrypt(cli, now),
        Command::Decrypt => crypt::decrypt(cli),
        Command::Check => check(cli),
        Command::Report(args) => practice::run(cli, args, now),
        Command::Due(args) => return due::run(cli, args, now),
        Command::Merge(args) => return merge::run(cli, args, now),
        Command::Share(args) => share::share(cli, args, now),
        Command::Partner(args) => share::partner(cli, args, now),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "mentorbook", &mut out);
            Ok(String::from_utf8_lossy(&out).into_owned())
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| e.to_string())
                .map(|()| String::from_utf8_lossy(&out).into_owned())
        }
    };
    // What goes to a terminal never drives it: `show` makes its own text printable (its
    // colours are ours); an export piped to a file stays byte for byte what was written.
    let to_terminal = std::io::stdout().is_terminal();
    let raw = match command {
        Command::Show { .. } | Command::Completions { .. } | Command::Man => true,
        Command::Export(_) | Command::Share(_) => !to_terminal,
        Command::List
        | Command::Config { .. }
        | Command::New { .. }
        | Command::Encrypt
        | Command::Decrypt
        | Command::Check
        | Command::Report(_)
        | Command::Import(_)
        | Command::Jot(_)
        | Command::Due(_)
        | Command::Merge(_)
        | Command::Partner(_) => false,
    };
    match result {
        Ok(text) if raw => print(&text),
        Ok(text) => print(&report::printable(&text)),
        Err(msg) => fail(&msg),
    }
}

fn show(
    cli: &Cli,
    what: Section,
    include_private: bool,
    all: bool,
    now: DateTime<Local>,
) -> Result<String, String> {
    let need = if what == Section::Journal {
        Need::Everything
    } else {
        Need::Plan
    };
    if all {
        let (read, _, dir) = all::each(cli, need)?;
        if read.is_empty() {
            return Ok(format!("No workbooks in {} yet.\n", dir.display()));
        }
        let mut out = String::new();
        for r in &read {
            out.push_str(&report::printable(&r.heading()));
            out.push_str(&show_text(
                &r.workbook,
                what,
                include_private,
                now,
                colour(),
            ));
            out.push('\n');
        }
        return Ok(out);
    }
    let (wb, _) = load_for(cli, need)?;
    Ok(show_text(&wb, what, include_private, now, colour()))
}

/// What `show` prints, from a workbook already read (every user string made printable:
/// only the colours, if asked for, are escape codes).
pub fn show_text(
    wb: &Workbook,
    what: Section,
    include_private: bool,
    now: DateTime<Local>,
    colour: bool,
) -> String {
    let wb = &*privacy::for_document(wb, include_private);
    let opts = report::Options {
        include_private,
        today: now.date_naive(),
    };
    report::plain(&crate::screens::document(wb, &[what], opts), colour)
}

/// `new NAME`: the named workbook, starting as `start` says (role and names).
fn check(cli: &Cli) -> Result<String, String> {
    let (wb, path) = load_for(cli, Need::Everything)?;
    let problems = wb.problems();
    if problems.is_empty() {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let open = match wb.conflicts.len() {
            0 => String::new(),
            n => format!("; {n} merge collision(s) to choose in the app"),
        };
        return Ok(format!(
            "{}: fine ({}, {}, {}, {}){open}\n",
            path.display(),
            count(wb.goals.len(), "goal", "goals"),
            count(wb.conversations.len(), "conversation", "conversations"),
            count(wb.check_ins.len(), "check-in", "check-ins"),
            count(wb.journal.len(), "journal entry", "journal entries"),
        ));
    }
    let mut msg = format!("{}: {} problem(s)", path.display(), problems.len());
    for p in problems {
        msg.push_str(&format!("\n  - {p}"));
    }
    Err(msg)
}
