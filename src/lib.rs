//! mentorbook: a private, keyboard-only mentoring workbook for the terminal.

pub mod app;
pub mod cli;
pub mod config;
pub mod field;
pub mod import;
pub mod input;
pub mod keys;
pub mod lifecycle;
pub mod merge;
pub mod model;
pub mod msg;
pub mod nav;
pub mod picker;
pub mod privacy;
pub mod report;
pub mod screens;
pub mod shell;
pub mod store;
pub mod term;
#[cfg(feature = "test-hooks")]
pub mod testing;
pub mod theme;
pub mod ui;
pub mod update;
pub mod workbooks;
