//! The Personal Vision Statement worksheet and its rules.

use serde::{Deserialize, Serialize};

/// Strengths and limitations first, then what to improve, then the statement that sums them up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vision {
    pub strengths: Vec<String>,
    pub limitations: Vec<String>,
    /// What to develop further and what to improve, drawn from the two lists.
    pub improvements: String,
    /// The vision itself, in the present tense, as if already achieved.
    pub statement: String,
}

crate::parts! {
    /// The vision's texts (the two lists are items, not parts).
    pub enum VisionPart in Vision {
        Improvements => Text improvements,
        Statement => Text statement,
    }
}

/// Phrases that put a vision in the future instead of the present (lower case; straight and
/// curly apostrophes are both accepted).
const FUTURE_MARKERS: &[&str] = &[
    "i will",
    "i'll",
    "i shall",
    "i am going to",
    "i'm going to",
    "i want to",
    "i hope to",
    "i would like to",
    "i'd like to",
    "someday",
    "one day",
];

/// The first future-tense phrase in `text`, as the user wrote it, if the statement reads as a
/// wish rather than as a description of the achieved state (the worksheet asks for the
/// present tense).
pub fn reads_as_future(text: &str) -> Option<String> {
    // A statement is a paragraph: the check looks at its first thousand words, so drawing
    // stays quick after a huge paste (it runs on every frame).
    let words: Vec<&str> = text.split_whitespace().take(1000).collect();
    let norm: Vec<String> = words
        .iter()
        .map(|w| {
            w.to_lowercase()
                .replace('’', "'")
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_string()
        })
        .collect();
    for start in 0..norm.len() {
        for marker in FUTURE_MARKERS {
            let parts: Vec<&str> = marker.split(' ').collect();
            if norm.len() - start >= parts.len()
                && parts.iter().enumerate().all(|(k, p)| norm[start + k] == *p)
            {
                let found = words[start..start + parts.len()].join(" ");
                return Some(
                    found
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .to_string(),
                );
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn future_tense_is_flagged() {
        assert_eq!(
            reads_as_future("I will lead a team.").as_deref(),
            Some("I will")
        );
        assert_eq!(
            reads_as_future("Teams trust me.\nI’m  going to grow.").as_deref(),
            Some("I’m going to")
        );
        assert_eq!(
            reads_as_future("One day, I lead").as_deref(),
            Some("One day")
        );
        assert_eq!(reads_as_future("I'll").as_deref(), Some("I'll"));
    }

    #[test]
    fn present_tense_is_not_flagged() {
        assert_eq!(reads_as_future("I lead a team that trusts me."), None);
        assert_eq!(reads_as_future("Goodwill drives my work"), None);
        assert_eq!(reads_as_future("Willing, I act"), None);
        assert_eq!(reads_as_future(""), None);
    }
}
