//! The yardstick for the performance figures: a bare ratatui + crossterm app that draws one
//! frame and echoes typed keys, nothing else. Esc quits.
//!
//! ```text
//! cargo run --release --example minimal
//! ```

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

fn main() -> std::io::Result<()> {
    run()
}

/// The app itself (also the floor of `cargo bench --bench footprint`).
pub fn run() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let mut typed = String::new();
    let result = loop {
        if let Err(e) = terminal.draw(|f| {
            let text = Paragraph::new(vec![Line::raw("minimal ready"), Line::raw(typed.as_str())])
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title("minimal"));
            f.render_widget(text, f.area());
        }) {
            break Err(e);
        }
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Esc => break Ok(()),
                KeyCode::Char(c) => typed.push(c),
                KeyCode::Enter => typed.push('\n'),
                KeyCode::Backspace => {
                    typed.pop();
                }
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    ratatui::restore();
    result
}
