//! Every style the app uses, in one place.

use ratatui::style::{Color, Modifier, Style};

/// The app's styles.
pub struct Theme {
    pub title_bar: Style,
    pub app_name: Style,
    pub border: Style,
    pub border_focus: Style,
    pub border_edit: Style,
    pub label: Style,
    pub text: Style,
    pub placeholder: Style,
    pub focus_row: Style,
    pub key: Style,
    pub hint: Style,
    pub saved: Style,
    pub unsaved: Style,
    pub error: Style,
    pub warning: Style,
    pub notice: Style,
    pub done: Style,
    pub heading: Style,
    /// Call mode's banner: loud on purpose.
    pub call_banner: Style,
}

/// The theme: readable on dark and light terminals, colour only as a second cue.
pub const THEME: Theme = Theme {
    title_bar: Style::new().fg(Color::White).bg(Color::Blue),
    app_name: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focus: Style::new().fg(Color::Cyan),
    border_edit: Style::new().fg(Color::Yellow),
    label: Style::new().fg(Color::Gray),
    text: Style::new(),
    placeholder: Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC),
    focus_row: Style::new().add_modifier(Modifier::REVERSED),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    hint: Style::new().fg(Color::Gray),
    saved: Style::new().fg(Color::White).bg(Color::Blue),
    unsaved: Style::new().fg(Color::Yellow).bg(Color::Blue),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    warning: Style::new().fg(Color::Yellow),
    notice: Style::new().fg(Color::Yellow),
    done: Style::new().fg(Color::Green),
    heading: Style::new().add_modifier(Modifier::BOLD),
    call_banner: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
};
