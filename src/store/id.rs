//! The workbook's own id, made once at random (see `Workbook::id`).

/// A new workbook id: 128 random bits as 32 hex digits. The bits come from the standard
/// library's per-process random hash keys (seeded by the system), with the time and the
/// process mixed in: no crate needed for an id that only has to be unlikely to repeat.
pub fn new_workbook_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let half = |salt: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(nanos);
        h.write_u32(std::process::id());
        h.write_u64(salt);
        h.finish()
    };
    format!("{:016x}{:016x}", half(1), half(2))
}

/// Gives `workbook` an id if it has none; whether it did (it is written with the next save).
pub fn ensure_id(workbook: &mut crate::model::Workbook) -> bool {
    if workbook.id.is_empty() {
        workbook.id = new_workbook_id();
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_32_hex_digits_and_differ() {
        let a = super::new_workbook_id();
        let b = super::new_workbook_id();
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
