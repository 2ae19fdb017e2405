//! One rule for "the same letters, whatever their case", used by every comparison a person
//! makes by typing (tags, the journal filter, word search): Unicode lower case, so `Ünïcode`
//! and `ünïcode` are one tag, as `Plan` and `plan` are.

/// `s` in the one case every comparison uses.
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// Whether `a` and `b` are the same once folded (without building either).
pub fn same(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_folded_beyond_ascii() {
        assert!(same("Ünïcode", "üNÏCODE"));
        assert!(same("ΣΟΦΙΑ", "σοφια"));
        assert!(!same("plan", "plans"));
        assert_eq!(fold("ÉTÉ Plan"), "été plan");
    }
}
