mod common;
use common::*;
use mentorbook::nav::{Exercise, Screen};
#[test]
fn explore() {
    let mut app = app_at(Screen::Exercise(Exercise::Conversations));
    press(&mut app, "a");
    println!("{:?}", mentorbook::screens::focused(&app));
    println!("{:?}", mentorbook::screens::focus_targets(&app));
    println!("{}", screen_text(&app, 120, 40));
}
