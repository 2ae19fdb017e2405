//! Entry templates: prompts with room under each, for an entry written again and again (a
//! weekly reflection, a note after each meeting). Two come with the app; a person keeps
//! their own in the workbook, so they travel with it.

use serde::{Deserialize, Serialize};

/// A named text a new entry starts from, with the tags it starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Template {
    pub name: String,
    pub text: String,
    pub tags: Vec<String>,
}

/// What a shipped template holds: name, text, tags.
type Shipped = (&'static str, &'static str, &'static [&'static str]);

/// The templates that come with the app, in our own words.
const SHIPPED: [Shipped; 3] = [
    (
        "Weekly reflection",
        "Weekly reflection\n\nWhat moved forward this week?\n\n\nWhat got in the way, and \
         what would I do differently?\n\n\nWhat did I notice about how I work or learn?\n\n\n\
         What do I want to bring to the next conversation?\n",
        &["reflection", "weekly"],
    ),
    (
        "After a meeting",
        "After the meeting\n\nWhat did we talk about?\n\n\nWhat will I take away from it?\n\n\n\
         What did I promise, and by when?\n\n\nWhat is still unsaid, to raise next time?\n",
        &["meeting"],
    ),
    (
        "Four core skills",
        "Four core skills (COREFour, after Stoeger, Balestrini & Ziegler, 2020)\n\nMy own \
         learning: what did I do to move a learning goal on?\n\n\nRelationships: which \
         working relationship did I build or look after, and how?\n\n\nFeedback: what did I \
         ask for or offer, and was it objective?\n\n\nReflection: which moment taught me \
         something, and what exactly?\n",
        &["corefour", "reflection"],
    ),
];

/// The shipped templates.
pub fn shipped() -> Vec<Template> {
    SHIPPED
        .iter()
        .map(|(name, text, tags)| Template {
            name: name.to_string(),
            text: text.to_string(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        })
        .collect()
}

/// A template's name from an entry's text: its first line that says something, without a
/// Markdown heading's `#`, at most 60 characters.
pub fn name_from(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    let name: String = line.chars().take(60).collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_templates_have_prompts_and_names() {
        let t = shipped();
        assert_eq!(t.len(), 3);
        for x in &t {
            assert!(x.text.matches('?').count() >= 4, "{}", x.name);
            assert!(!x.tags.is_empty());
        }
    }

    #[test]
    fn a_name_is_the_first_line_that_says_something() {
        assert_eq!(
            name_from("\n\n## Monthly review \nWhat?"),
            Some("Monthly review".into())
        );
        assert_eq!(name_from("  \n "), None);
        assert_eq!(name_from(&"x".repeat(100)).unwrap().len(), 60);
    }
}
