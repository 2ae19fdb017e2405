//! Writes a generated workbook for profiling, `cargo bench` and `tuibench`:
//!
//! ```text
//! cargo run --release --example generate -- 8000 /tmp/8k/workbook.json [seed] [--whole]
//! ```
//!
//! The workbook is written as the app writes it (a manifest, `workbook.parts/` beside it);
//! `--whole` writes one self-contained file instead, as before the layout in parts (and as
//! `export --format json` does), to measure opening and migrating such a file.

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let whole = args.iter().any(|a| a == "--whole");
    args.retain(|a| a != "--whole");
    let usage = "usage: generate ENTRIES FILE [SEED] [--whole]";
    let entries: usize = args.first().and_then(|a| a.parse().ok()).expect(usage);
    let path = std::path::PathBuf::from(args.get(1).expect(usage));
    let seed: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let wb = generate::workbook(entries, seed);
    let bytes = generate::write(&wb, &path, whole).expect("writing the workbook");
    eprintln!(
        "{}: {} entries, {bytes} bytes{}",
        path.display(),
        wb.journal.len(),
        if whole { " in one file" } else { " in parts" }
    );
}
