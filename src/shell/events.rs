//! Where the loop's events come from: the terminal through crossterm, or a script in tests.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event};

/// Where events come from: the terminal, or a script in tests.
pub trait Events {
    /// The next event, waiting at most `timeout` (forever if `None`); `Ok(None)` on time-out.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>>;

    /// Runs `outside` with the terminal handed over (an editor takes it), then takes it back.
    fn suspend(&mut self, outside: &mut dyn FnMut()) -> io::Result<()> {
        outside();
        Ok(())
    }

    /// Whether another event is waiting already: typed ahead, before the frame just drawn
    /// could be seen. A script knows; the terminal is judged by time instead
    /// (`Session::type_ahead`): with `use-dev-tty`, crossterm's zero-time poll returns before
    /// it looks at keys it has read already.
    fn pending(&mut self) -> bool {
        false
    }
}

/// Events from the real terminal through crossterm.
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        match timeout {
            Some(t) if !event::poll(t)? => Ok(None),
            _ => event::read().map(Some),
        }
    }

    fn suspend(&mut self, outside: &mut dyn FnMut()) -> io::Result<()> {
        crate::term::leave();
        outside();
        crate::term::resume()
    }
}
