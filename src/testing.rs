//! Hooks for the tests, never in a release build: this module exists only with the
//! `test-hooks` feature, which `cargo test`, `cargo bench` and the examples turn on and
//! `cargo build --release` does not. The other hooks live where they act: fault injection
//! in `store::save`, the F12 panic in `shell`, `--save-loop` in `cli`.

use crate::model::{JournalEntry, Workbook};
use crate::store::Store;
use std::io::{self, Write};

/// A small xorshift generator: enough variety for tests and generated workbooks, no
/// dependency, fully repeatable from its seed. The one random-number helper of the tests,
/// the benchmarks and the save loop.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed` (any value, 0 included).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

/// How many entries the save loop's workbook holds at most (about 300 KB of text over five
/// months).
const LOOP_ENTRIES: u64 = 200;

/// The save loop's workbook after save `generation`: a function of the number alone, so a
/// test that kills the loop can tell exactly what the workbook on disk must hold. Each save
/// renames the workbook, adds an entry to one of five months and drops the oldest from
/// another: the plan and two months change, the other months stay as they are.
pub fn save_loop_state(generation: u64) -> Workbook {
    let mut wb = Workbook::default();
    let first = generation.saturating_sub(LOOP_ENTRIES - 1).max(1);
    for i in first..=generation {
        wb.journal.push(loop_entry(i));
    }
    wb.title = format!("save {generation}");
    wb.next_id = generation;
    wb
}

fn loop_entry(i: u64) -> JournalEntry {
    let mut rng = Rng::new(i);
    let words = 150 + rng.below(150);
    let text: String = (0..words)
        .map(|_| rng.pick(&["mentor ", "plan ", "goal ", "step ", "é ", "日本 ", "\n"]))
        .collect();
    let month = 1 + (i % 5) as u32;
    let day = 1 + (i % 28) as u32;
    let at = chrono::NaiveDate::from_ymd_opt(2026, month, day)
        .and_then(|d| d.and_hms_opt(8, (i % 60) as u32, 0))
        .and_then(|t| {
            t.and_local_timezone(chrono::FixedOffset::east_opt(3600)?)
                .single()
        })
        .unwrap_or_default();
    JournalEntry {
        id: i,
        at,
        text,
        tags: if i.is_multiple_of(4) {
            vec!["loop".into()]
        } else {
            Vec::new()
        },
        private: i.is_multiple_of(3),
        ..JournalEntry::default()
    }
}

/// Changes `wb`, holding the loop's state of the generation before, in place (as the app
/// does) into the state of `generation`.
fn loop_step(wb: &mut Workbook, generation: u64) {
    wb.title = format!("save {generation}");
    wb.next_id = generation;
    wb.journal.push(loop_entry(generation));
    let oldest = (wb.journal.iter()).position(|e| e.id + LOOP_ENTRIES == generation);
    if let Some(k) = oldest {
        wb.journal.remove(k);
    }
}

/// `--save-loop`: saves [`save_loop_state`] of each next generation, over and over, printing
/// each generation once its save has returned, until killed (or its output is closed). The
/// workbook is changed in place, as the app does, so each save writes only the parts that
/// changed.
pub fn save_loop(mut store: Store) -> Result<(), String> {
    let mut wb = save_loop_state(store.generation());
    let mut stdout = io::stdout();
    loop {
        loop_step(&mut wb, store.generation() + 1);
        store
            .save(&wb, chrono::Local::now())
            .map_err(|e| e.to_string())?;
        if writeln!(stdout, "{}", store.generation())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loop_state_is_what_the_loop_holds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workbook.json");
        let (mut store, _) = Store::open(&path).unwrap();
        let mut wb = save_loop_state(0);
        for generation in 1..=(LOOP_ENTRIES + 3) {
            loop_step(&mut wb, generation);
            assert_eq!(wb, save_loop_state(generation), "{generation}");
        }
        store.save(&wb, chrono::Local::now()).unwrap();
        drop(store);
        let (_, back) = Store::open(&path).unwrap();
        assert_eq!(back, wb);
        assert_eq!(back.journal.len() as u64, LOOP_ENTRIES);
    }
}
