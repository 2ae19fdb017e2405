//! Writes a generated workbook file for profiling and for `tuibench`:
//!
//! ```text
//! cargo run --release --example generate -- 8000 /tmp/8k.json [seed]
//! ```

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate ENTRIES FILE [SEED]";
    let entries: usize = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let path = args.next().expect(usage);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let wb = generate::workbook(entries, seed);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
    let bytes = mentorbook::store::encode(&mentorbook::store::encode_data(&wb), 1, now);
    std::fs::write(&path, &bytes).expect("writing the file");
    eprintln!(
        "{path}: {} entries, {} bytes",
        wb.journal.len(),
        bytes.len()
    );
}
