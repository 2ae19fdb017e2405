//! `mentorbook list` and how a workbook is named in lists: its partners (read from the head
//! of the file, so a list of years-long workbooks shows at once) and where the relationship
//! stands (whose workbook, the next meeting, what is overdue, the commitments open).

use std::path::Path;

use chrono::{DateTime, Local};

use super::data_dir;
use crate::model::Workbook;
use crate::{privacy, report, store, workbooks};

pub fn list(now: DateTime<Local>) -> Result<String, String> {
    let dir = data_dir()?;
    let places = workbooks::list(&dir);
    if places.is_empty() {
        return Ok(format!(
            "No workbooks in {} yet.\n`mentorbook` starts the default one; \
             `mentorbook new NAME` makes a named one.\n",
            dir.display()
        ));
    }
    let mut out = String::new();
    for p in places {
        let who = describe(&p.path);
        let when = p
            .modified
            .map(|t| {
                DateTime::<Local>::from(t)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "{:<20} {when}  {who}{}\n",
            p.name,
            status(&p.path, now)
        ));
    }
    Ok(out)
}

/// Where a relationship stands, for `list`: whose workbook it is, the next meeting, what is
/// overdue and the commitments still open ("" for a workbook that cannot be read now, an
/// encrypted one included: listing asks no passphrase).
pub fn status(path: &Path, now: DateTime<Local>) -> String {
    if let Ok(Some(r)) = store::crypt::recipient_of(path)
        && !store::crypt::unlocked(&r)
    {
        return String::new();
    }
    let Ok(read) = store::read_plan(path) else {
        return String::new();
    };
    let wb = privacy::for_document(&read.workbook, false);
    let today = now.date_naive();
    let mut parts = vec![role_name(wb.role).to_string()];
    let next = (report::calendar::dates(&wb).into_iter())
        .filter(|d| d.kind == report::calendar::DueKind::Meeting && d.date >= today)
        .map(|d| d.date)
        .min();
    if let Some(d) = next {
        parts.push(format!("next meeting {d}"));
    }
    let overdue = (report::due::due(&wb, today, 0).iter())
        .filter(|i| i.overdue)
        .count();
    if overdue > 0 {
        parts.push(format!("{overdue} overdue"));
    }
    let open = (wb.conversations.iter())
        .flat_map(|c| &c.commitments)
        .filter(|x| x.is_open())
        .count();
    if open > 0 {
        parts.push(format!(
            "{open} open commitment{}",
            if open == 1 { "" } else { "s" }
        ));
    }
    format!(" · {}", parts.join(" · "))
}

/// Who a workbook is about, for lists: "Ana Ruiz with Ben Okafor".
/// A large file is not read whole for this: the names come from its first few lines, where
/// mentorbook writes them, so a list of many years-long workbooks still shows at once.
pub fn describe(path: &Path) -> String {
    match names(path) {
        Ok(names) => partners(&names),
        Err(why) => why.into(),
    }
}

/// Whether neither partner of a workbook is named yet (an encrypted one not unlocked, or
/// one that does not read, is not known to be).
pub fn unnamed(path: &Path) -> bool {
    names(path).is_ok_and(|w| w.mentee.trim().is_empty() && w.mentor.trim().is_empty())
}

/// A workbook's partners' names, or what to show instead.
fn names(path: &Path) -> Result<Workbook, &'static str> {
    if let Ok(Some(r)) = store::crypt::recipient_of(path)
        && !store::crypt::unlocked(&r)
    {
        return Err("(encrypted)");
    }
    let plan = store::parts_dir(path).join("plan.json");
    if let Some(names) = names_from_head(path).or_else(|| names_from_head(&plan)) {
        return Ok(names);
    }
    match store::read_plan(path) {
        Ok(d) => Ok(d.workbook),
        Err(_) => Err("cannot be read: `mentorbook check` says why"),
    }
}

/// The partners' names from the start of a file laid out as mentorbook writes it (the
/// `data` object's fields at four spaces: a workbook's plan, or a whole workbook), or `None`
/// to read the file properly instead.
fn names_from_head(path: &Path) -> Option<Workbook> {
    use std::io::Read;
    let mut head = Vec::with_capacity(16 << 10);
    std::fs::File::open(path)
        .ok()?
        .take(16 << 10)
        .read_to_end(&mut head)
        .ok()?;
    let value = |key: &str| -> Option<String> {
        let marker = format!("\n    \"{key}\": ");
        let at = memchr::memmem::find(&head, marker.as_bytes())? + marker.len();
        serde_json::Deserializer::from_slice(&head[at..])
            .into_iter::<String>()
            .next()?
            .ok()
    };
    Some(Workbook {
        mentee: value("mentee")?,
        mentor: value("mentor")?,
        ..Workbook::default()
    })
}

/// "mentee" or "mentor": whose workbook it is.
pub fn role_name(role: crate::model::Role) -> &'static str {
    match role {
        crate::model::Role::Mentee => "mentee",
        crate::model::Role::Mentor => "mentor",
    }
}

/// "Ana Ruiz with Ben Okafor", or what there is of it.
pub fn partners(wb: &Workbook) -> String {
    match (wb.mentee.trim(), wb.mentor.trim()) {
        ("", "") => "(no names yet)".into(),
        (a, "") => a.into(),
        ("", b) => format!("mentor {b}"),
        (a, b) => format!("{a} with {b}"),
    }
}
