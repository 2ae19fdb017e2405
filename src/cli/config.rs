//! `mentorbook config`, and the configuration file read at start.

/// `mentorbook config`: the file's place, and the default file to start one from.
pub(super) fn text(only_path: bool) -> Result<String, String> {
    let path = crate::config::path().ok_or("no home folder: there is no config folder")?;
    if only_path {
        return Ok(format!("{}\n", path.display()));
    }
    Ok(format!(
        "# This file belongs at {}\n{}",
        path.display(),
        crate::config::DEFAULT_FILE
    ))
}

/// Reads the configuration file, if there is one, draws with the theme it asks for from
/// now on, and gives the rest of its settings. `NO_COLOR` (set and not empty) means the `mono` theme. `Err`: the file's
/// place, the line and what is wrong; nothing else has been touched.
pub fn apply_config() -> Result<crate::config::Config, String> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let Some(path) = crate::config::path() else {
        return Ok(crate::config::Config::default());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let config = crate::config::parse(&text, &path)?;
    let theme = crate::config::theme(&config, &text, &path, no_color)?;
    // Set once at start and kept for the process's life.
    crate::theme::use_theme(Box::leak(Box::new(theme)));
    Ok(config)
}
