//! One rule for "the same letters, whatever their case", used by every comparison a person
//! makes by typing (tags, the journal filter, word search): Unicode lower case, so `Ünïcode`
//! and `ünïcode` are one tag, as `Plan` and `plan` are.

/// `s` in the one case every comparison uses.
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// `s` as the workbook-wide search compares it: in one case and without accents (`Café
/// Été` → `cafe ete`), so a word typed without its accents still finds it. ASCII text (most
/// of it) takes a quick way.
pub fn plain(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
            out.extend(d.to_lowercase());
        }
    }
    out
}

/// [`plain`], with where in `s` each byte of the result came from (for marking a match in
/// the text as written).
pub fn plain_mapped(s: &str) -> (String, Vec<usize>) {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(s.len());
    let mut from = Vec::with_capacity(s.len());
    for (at, c) in s.char_indices() {
        for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                out.push(l);
                from.extend(std::iter::repeat_n(at, l.len_utf8()));
            }
        }
    }
    (out, from)
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
        assert_eq!(plain("ÉTÉ Plan, Café, naïve"), "ete plan, cafe, naive");
        assert_eq!(plain("Budget"), "budget");
        let (folded, from) = plain_mapped("Ça va");
        assert_eq!(folded, "ca va");
        assert_eq!(from[1], 2, "the a after Ç (two bytes)");
    }
}
