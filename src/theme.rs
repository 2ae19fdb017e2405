//! Every style the app uses, in one place: the built-in themes, and the one in use.

use std::cell::Cell;

use ratatui::style::{Color, Modifier, Style};

/// The app's styles, one per role a piece of the screen plays.
#[derive(Debug, Clone, Copy, PartialEq)]
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

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const BOLD: Modifier = Modifier::BOLD;

/// Today's theme: for a dark terminal, colour only as a second cue.
pub const DARK: Theme = Theme {
    title_bar: Style::new().fg(Color::White).bg(Color::Blue),
    app_name: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(BOLD),
    border: fg(Color::DarkGray),
    border_focus: fg(Color::Cyan),
    border_edit: fg(Color::Yellow),
    label: fg(Color::Gray),
    text: Style::new(),
    placeholder: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
    focus_row: Style::new().add_modifier(Modifier::REVERSED),
    key: fg(Color::Cyan).add_modifier(BOLD),
    hint: fg(Color::Gray),
    saved: Style::new().fg(Color::White).bg(Color::Blue),
    unsaved: Style::new().fg(Color::Yellow).bg(Color::Blue),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    warning: fg(Color::Yellow),
    notice: fg(Color::Yellow),
    done: fg(Color::Green),
    heading: Style::new().add_modifier(BOLD),
    call_banner: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
};

/// For a light background: no pale grey or yellow text, which fade on white.
pub const LIGHT: Theme = Theme {
    border: fg(Color::DarkGray),
    border_focus: fg(Color::Blue).add_modifier(BOLD),
    border_edit: fg(Color::Magenta).add_modifier(BOLD),
    label: fg(Color::Black),
    placeholder: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
    key: fg(Color::Blue).add_modifier(BOLD),
    hint: fg(Color::DarkGray),
    unsaved: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(BOLD),
    warning: fg(Color::Magenta).add_modifier(BOLD),
    notice: fg(Color::Magenta),
    done: fg(Color::Blue),
    call_banner: Style::new()
        .fg(Color::White)
        .bg(Color::Magenta)
        .add_modifier(BOLD),
    ..DARK
};

/// Strong contrast for tired or low-vision eyes: bright text, bold states, no grey.
pub const HIGH_CONTRAST: Theme = Theme {
    title_bar: Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(BOLD),
    app_name: Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(BOLD),
    border: fg(Color::White),
    border_focus: fg(Color::LightYellow).add_modifier(BOLD),
    border_edit: fg(Color::LightCyan).add_modifier(BOLD),
    label: fg(Color::White).add_modifier(BOLD),
    text: fg(Color::White),
    placeholder: fg(Color::White).add_modifier(Modifier::ITALIC),
    focus_row: Style::new().add_modifier(Modifier::REVERSED.union(BOLD)),
    key: fg(Color::LightYellow).add_modifier(BOLD),
    hint: fg(Color::White),
    saved: Style::new().fg(Color::Black).bg(Color::White),
    unsaved: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(BOLD),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD.union(Modifier::UNDERLINED)),
    warning: fg(Color::LightYellow).add_modifier(BOLD),
    notice: fg(Color::LightYellow).add_modifier(BOLD),
    done: fg(Color::LightCyan),
    heading: fg(Color::White).add_modifier(BOLD.union(Modifier::UNDERLINED)),
    call_banner: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(BOLD),
};

/// The Okabe–Ito colours, told apart with any colour vision: no meaning rests on red
/// against green.
pub const COLOUR_BLIND: Theme = {
    const ORANGE: Color = Color::Rgb(230, 159, 0);
    const SKY: Color = Color::Rgb(86, 180, 233);
    const BLUE: Color = Color::Rgb(0, 114, 178);
    const VERMILLION: Color = Color::Rgb(213, 94, 0);
    const YELLOW: Color = Color::Rgb(240, 228, 66);
    Theme {
        title_bar: Style::new().fg(Color::White).bg(BLUE),
        app_name: Style::new().fg(Color::White).bg(BLUE).add_modifier(BOLD),
        border_focus: fg(SKY),
        border_edit: fg(ORANGE).add_modifier(BOLD),
        key: fg(SKY).add_modifier(BOLD),
        saved: Style::new().fg(Color::White).bg(BLUE),
        unsaved: Style::new().fg(YELLOW).bg(BLUE).add_modifier(BOLD),
        error: Style::new()
            .fg(Color::White)
            .bg(VERMILLION)
            .add_modifier(BOLD),
        warning: fg(ORANGE).add_modifier(BOLD),
        notice: fg(YELLOW),
        done: fg(SKY),
        call_banner: Style::new().fg(Color::Black).bg(ORANGE).add_modifier(BOLD),
        ..DARK
    }
};

/// No colour at all (also what `NO_COLOR` gets): every state reads through bold, italic,
/// underline and reverse, and the words beside it.
pub const MONO: Theme = {
    const REVERSED: Modifier = Modifier::REVERSED;
    const UNDERLINED: Modifier = Modifier::UNDERLINED;
    const fn with(m: Modifier) -> Style {
        Style::new().add_modifier(m)
    }
    Theme {
        title_bar: with(REVERSED),
        app_name: with(REVERSED.union(BOLD)),
        border: Style::new(),
        // Focused: bold lines; editing: reversed lines, unmistakable either way.
        border_focus: with(BOLD),
        border_edit: with(REVERSED.union(BOLD)),
        label: Style::new(),
        text: Style::new(),
        placeholder: with(Modifier::ITALIC.union(Modifier::DIM)),
        focus_row: with(REVERSED),
        key: with(BOLD),
        hint: Style::new(),
        saved: with(REVERSED),
        unsaved: with(REVERSED.union(BOLD)),
        error: with(REVERSED.union(BOLD).union(UNDERLINED)),
        warning: with(BOLD.union(UNDERLINED)),
        notice: with(BOLD),
        done: with(Modifier::DIM),
        heading: with(BOLD.union(UNDERLINED)),
        call_banner: with(REVERSED.union(BOLD)),
    }
};

/// The built-in themes by the names the configuration uses.
pub const BUILT_IN: [(&str, &Theme); 5] = [
    ("dark", &DARK),
    ("light", &LIGHT),
    ("high-contrast", &HIGH_CONTRAST),
    ("colour-blind", &COLOUR_BLIND),
    ("mono", &MONO),
];

thread_local! {
    /// The theme drawing uses on this thread (the app draws on one).
    static CURRENT: Cell<&'static Theme> = const { Cell::new(&DARK) };
}

/// The theme in use: `THEME.key` is the style of a key hint, whichever theme is chosen.
pub struct InUse;

/// See [`InUse`].
pub const THEME: InUse = InUse;

impl std::ops::Deref for InUse {
    type Target = Theme;
    fn deref(&self) -> &Theme {
        CURRENT.with(Cell::get)
    }
}

/// Draws with `theme` on this thread from now on (set once at start, before the first frame).
pub fn use_theme(theme: &'static Theme) {
    CURRENT.with(|c| c.set(theme));
}
