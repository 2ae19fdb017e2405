//! Hooks for the tests, never in a release build: this module exists only with the
//! `test-hooks` feature, which `cargo test`, `cargo bench` and the examples turn on and
//! `cargo build --release` does not. The other hooks live where they act: fault injection
//! in `store::save`, the F12 panic in `shell`, `--save-loop` in `cli`.

use std::io::{self, Write};
use std::sync::Arc;

use crate::model::{JournalEntry, Workbook};
use crate::store::Store;

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

/// `--save-loop`: keeps a workbook between 256 KB and 1 MB of journal text and saves it
/// again and again, printing each generation after its save returns, until killed (or its
/// output is closed). The reliability tests kill it at random moments and check the file is
/// always whole and never older than the last generation printed.
pub fn save_loop(mut store: Store, mut workbook: Workbook) -> Result<(), String> {
    let size = |wb: &Workbook| -> usize { wb.journal.iter().map(|e| e.text.len()).sum() };
    let mut rng = Rng::new(store.generation());
    let mut stdout = io::stdout();
    loop {
        loop {
            let words = 300 + rng.below(400);
            let shift = rng.below(6);
            let text: String = (0..words)
                .map(|i| ["mentor ", "plan ", "goal ", "step ", "é ", "日本 "][(i + shift) % 6])
                .collect();
            let id = workbook.fresh_id();
            workbook.journal.push(Arc::new(JournalEntry {
                id,
                at: chrono::Local::now().fixed_offset(),
                text,
                ..JournalEntry::default()
            }));
            while size(&workbook) > 1 << 20 {
                workbook.journal.remove(0);
            }
            if size(&workbook) >= 256 << 10 {
                break;
            }
        }
        store
            .save(&workbook, chrono::Local::now())
            .map_err(|e| e.to_string())?;
        if writeln!(stdout, "{}", store.generation())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return Ok(());
        }
    }
}
