//! mentorbook: a private, keyboard-only mentoring workbook for the terminal.

pub mod app;
pub mod field;
pub mod keys;
pub mod model;
pub mod nav;
pub mod screens;
pub mod store;
pub mod ui;
pub mod update;
