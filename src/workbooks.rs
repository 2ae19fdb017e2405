//! Several workbooks (a mentor keeps one per mentee): where each lives in the data folder.
//! The default workbook is `<data>/workbook.json`; a named one is
//! `<data>/workbooks/<name>/workbook.json`, a folder of its own so that each has its own
//! lock, backups and recovery files.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::store;

/// The name that stands for the default workbook.
pub const DEFAULT: &str = "default";
const FILE: &str = "workbook.json";

/// A workbook found in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
}

/// The data folder (holding the default workbook), if there is a home folder.
pub fn data_dir() -> Option<PathBuf> {
    store::default_path().and_then(|p| p.parent().map(Path::to_path_buf))
}

/// A name must make a plain folder name: letters, digits, `-`, `_` and `.`, not starting
/// with a dot, at most 64 characters.
pub fn check_name(name: &str) -> Result<(), String> {
    let ok_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    if name.is_empty() || name.chars().count() > 64 {
        return Err("a workbook name needs 1 to 64 characters".into());
    }
    if name.starts_with('.') || !name.chars().all(ok_char) {
        return Err(format!(
            "“{name}” cannot name a workbook: use letters, digits, -, _ and . \
             (not at the start)"
        ));
    }
    Ok(())
}

/// Where the workbook called `name` lives (`default` is the default workbook).
pub fn path_of(dir: &Path, name: &str) -> PathBuf {
    if name == DEFAULT {
        dir.join(FILE)
    } else {
        dir.join("workbooks").join(name).join(FILE)
    }
}

fn place(name: String, path: PathBuf) -> Option<Place> {
    let meta = fs::metadata(&path).ok().filter(|m| m.is_file())?;
    Some(Place {
        name,
        path,
        modified: meta.modified().ok(),
    })
}

/// Every workbook in the data folder: the default one first (if it exists), then the named
/// ones by name.
pub fn list(dir: &Path) -> Vec<Place> {
    let mut named: Vec<Place> = fs::read_dir(dir.join("workbooks"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            check_name(&name).ok()?;
            place(name, e.path().join(FILE))
        })
        .collect();
    named.sort_by(|a, b| a.name.cmp(&b.name));
    place(DEFAULT.into(), dir.join(FILE))
        .into_iter()
        .chain(named)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_folder_names() {
        assert!(check_name("ana-ruiz_2026.v2").is_ok());
        assert!(check_name("Zoë").is_ok());
        for bad in ["", ".hidden", "a/b", "..", "a b", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_list_has_the_default_first_then_names_in_order() {
        let dir = tempfile::tempdir().unwrap();
        assert!(list(dir.path()).is_empty());
        for name in ["zed", "ana"] {
            let p = path_of(dir.path(), name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "{}").unwrap();
        }
        // A folder without a workbook in it is not a workbook.
        fs::create_dir_all(dir.path().join("workbooks/empty")).unwrap();
        fs::write(path_of(dir.path(), DEFAULT), "{}").unwrap();
        let names: Vec<String> = list(dir.path()).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["default", "ana", "zed"]);
    }
}
