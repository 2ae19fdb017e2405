//! `mentorbook new NAME`, and paying it forward from closure (`F`): a named workbook made
//! in the data folder.

use std::path::PathBuf;

use chrono::{DateTime, Local};

use super::{Cli, create_private_dir, crypt, ensure_data_dir};
use crate::model::Workbook;
use crate::store::{self, Store};
use crate::workbooks;

/// Paying it forward (`F` on closure): a new named workbook in the data folder where
/// `mentor` (this workbook's mentee) is the mentor, under a free name made from their first
/// name (`ana-as-mentor`, then `ana-as-mentor-2`…). Its name and path.
pub fn new_mentor_workbook(
    cli: &Cli,
    mentor: &str,
    now: DateTime<Local>,
) -> Result<(String, PathBuf), String> {
    let first: String = (mentor.split_whitespace().next().unwrap_or(""))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(40)
        .collect();
    let base = if first.is_empty() {
        "as-mentor".to_string()
    } else {
        format!("{first}-as-mentor")
    };
    let dir = ensure_data_dir()?;
    let name = (1..1000)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        })
        .find(|n| !workbooks::path_of(&dir, n).exists())
        .ok_or("every name for it is taken")?;
    let wb = Workbook {
        role: crate::model::Role::Mentor,
        mentor: mentor.trim().to_string(),
        ..Workbook::default()
    };
    new(cli, &name, wb, false, now)?;
    Ok((name.clone(), workbooks::path_of(&dir, &name)))
}

pub(super) fn new(
    cli: &Cli,
    name: &str,
    start: Workbook,
    encrypted: bool,
    now: DateTime<Local>,
) -> Result<String, String> {
    workbooks::check_name(name)?;
    if name == workbooks::DEFAULT {
        return Err("“default” is the default workbook: run `mentorbook` to open it".into());
    }
    let dir = ensure_data_dir()?;
    let path = workbooks::path_of(&dir, name);
    if path.exists() {
        return Err(format!(
            "a workbook called “{name}” exists already: `mentorbook --workbook {name}` opens it"
        ));
    }
    // Asked before anything is made: giving up leaves nothing behind.
    let passphrase = encrypted.then(|| crypt::new_passphrase(cli)).transpose()?;
    if let Some(parent) = path.parent() {
        create_private_dir(parent)?;
    }
    // The key comes first, so that the very first file written is sealed.
    if let Some(pass) = &passphrase {
        store::crypt::create(&path, pass).map_err(|e| e.to_string())?;
    }
    let (mut store, _) = Store::open(&path).map_err(|e| e.to_string())?;
    let wb = Workbook {
        id: store::new_workbook_id(),
        title: name.to_string(),
        ..start
    };
    store.save(&wb, now).map_err(|e| e.to_string())?;
    Ok(format!(
        "Created {}\nOpen it with: mentorbook --workbook {name}\n",
        path.display()
    ))
}
