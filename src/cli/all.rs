//! `--all`: a command over every workbook of the data folder (a mentor's mentees), each
//! read in turn and named with its partners and role. An encrypted one is unlocked as it
//! comes; one that does not read is said on stderr and the others still answer.

use std::path::PathBuf;

use super::{Cli, Need, say};
use crate::model::Workbook;
use crate::workbooks;

/// One workbook of the data folder, read.
pub struct Read {
    pub name: String,
    pub workbook: Workbook,
}

impl Read {
    /// `== ana · Ana Ruiz with Ben Okafor · mentor`: the line each one starts under.
    pub fn heading(&self) -> String {
        format!(
            "== {} · {} · {}\n",
            self.name,
            super::partners(&self.workbook),
            super::role_name(self.workbook.role)
        )
    }
}

/// Every workbook in the data folder that reads, by name, and whether any did not (said on
/// stderr); `Err` without a data folder.
pub fn each(cli: &Cli, need: Need) -> Result<(Vec<Read>, bool, PathBuf), String> {
    let dir = super::data_dir()?;
    let (mut read, mut failed) = (Vec::new(), false);
    for place in workbooks::list(&dir) {
        let wb =
            super::crypt::unlock(cli, &place.path).and_then(|()| super::load(&place.path, need));
        match wb {
            Ok(workbook) => read.push(Read {
                name: place.name,
                workbook,
            }),
            Err(msg) => {
                say(&format!("mentorbook: {}: {msg}", place.name));
                failed = true;
            }
        }
    }
    Ok((read, failed, dir))
}
