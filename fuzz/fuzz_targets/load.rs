//! Test 13: any bytes given to the loader. It must never panic, and whatever it accepts must
//! save and load back equal.
#![no_main]

use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use mentorbook::store::{decode, encode, encode_data};

fuzz_target!(|data: &[u8]| {
    if let Ok(first) = decode(data) {
        let at = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 24, 9, 15, 2)
            .unwrap();
        let saved = encode(&encode_data(&first.workbook), first.generation + 1, at);
        let again = decode(&saved).expect("a saved workbook loads");
        assert!(
            again.workbook == first.workbook,
            "the round trip changed the workbook"
        );
    }
});
