//! Addresses of every editable string in the workbook, and the one generic way to reach it.

use crate::model::Workbook;

/// A list of short items that can grow and shrink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Strengths,
    Limitations,
}

impl ListKind {
    /// The list's items.
    pub fn items(self, wb: &Workbook) -> &Vec<String> {
        match self {
            ListKind::Strengths => &wb.vision.strengths,
            ListKind::Limitations => &wb.vision.limitations,
        }
    }

    /// The list's items, to change.
    pub fn items_mut(self, wb: &mut Workbook) -> &mut Vec<String> {
        match self {
            ListKind::Strengths => &mut wb.vision.strengths,
            ListKind::Limitations => &mut wb.vision.limitations,
        }
    }

    /// The field of item `i`.
    pub fn field(self, i: usize) -> Field {
        match self {
            ListKind::Strengths => Field::Strength(i),
            ListKind::Limitations => Field::Limitation(i),
        }
    }

    /// One item, in words ("strength").
    pub fn noun(self) -> &'static str {
        match self {
            ListKind::Strengths => "strength",
            ListKind::Limitations => "limitation",
        }
    }
}

/// Every editable string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Mentee,
    Mentor,
    Strength(usize),
    Limitation(usize),
    Improvements,
    Statement,
}

impl Field {
    /// The text it holds, or `None` if it points past the end of a list.
    pub fn text(self, wb: &Workbook) -> Option<&str> {
        Some(match self {
            Field::Title => &wb.title,
            Field::Mentee => &wb.mentee,
            Field::Mentor => &wb.mentor,
            Field::Strength(i) => wb.vision.strengths.get(i)?,
            Field::Limitation(i) => wb.vision.limitations.get(i)?,
            Field::Improvements => &wb.vision.improvements,
            Field::Statement => &wb.vision.statement,
        })
    }

    /// The text it holds, to change.
    pub fn text_mut(self, wb: &mut Workbook) -> Option<&mut String> {
        Some(match self {
            Field::Title => &mut wb.title,
            Field::Mentee => &mut wb.mentee,
            Field::Mentor => &mut wb.mentor,
            Field::Strength(i) => wb.vision.strengths.get_mut(i)?,
            Field::Limitation(i) => wb.vision.limitations.get_mut(i)?,
            Field::Improvements => &mut wb.vision.improvements,
            Field::Statement => &mut wb.vision.statement,
        })
    }

    /// The list this field is an item of.
    pub fn list(self) -> Option<(ListKind, usize)> {
        match self {
            Field::Strength(i) => Some((ListKind::Strengths, i)),
            Field::Limitation(i) => Some((ListKind::Limitations, i)),
            _ => None,
        }
    }

    /// Names, titles and list items are one line: Enter finishes them.
    pub fn single_line(self) -> bool {
        !matches!(self, Field::Improvements | Field::Statement)
    }

    /// The field's name, as a label or a box title.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Workbook",
            Field::Mentee => "Mentee",
            Field::Mentor => "Mentor",
            Field::Strength(_) => "Strength",
            Field::Limitation(_) => "Limitation",
            Field::Improvements => "What to develop and improve",
            Field::Statement => "Your vision statement",
        }
    }

    /// Shown in an empty field, in the editor as in the view.
    pub fn placeholder(self) -> &'static str {
        match self {
            Field::Title => "a name for this workbook",
            Field::Mentee => "who is being mentored",
            Field::Mentor => "who is mentoring",
            Field::Strength(_) => "something you do well",
            Field::Limitation(_) => "something that holds you back",
            Field::Improvements => {
                "Which strengths will you build on, and which limitations will you work on?"
            }
            Field::Statement => {
                "Describe yourself once you have got there, in the present tense: \"I …\""
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_text_mut_reach_the_same_string() {
        let mut wb = Workbook::default();
        wb.vision.strengths.push("patient".into());
        let all = [
            Field::Title,
            Field::Mentee,
            Field::Mentor,
            Field::Strength(0),
            Field::Improvements,
            Field::Statement,
        ];
        for (n, f) in all.into_iter().enumerate() {
            *f.text_mut(&mut wb).unwrap() = format!("v{n}");
            assert_eq!(f.text(&wb), Some(format!("v{n}").as_str()));
        }
        assert_eq!(Field::Strength(1).text(&wb), None);
        assert_eq!(Field::Limitation(0).text_mut(&mut wb), None);
    }

    #[test]
    fn list_fields_know_their_list() {
        assert_eq!(
            Field::Limitation(2).list(),
            Some((ListKind::Limitations, 2))
        );
        assert_eq!(ListKind::Strengths.field(4), Field::Strength(4));
        assert_eq!(Field::Statement.list(), None);
        assert!(Field::Mentee.single_line());
        assert!(!Field::Statement.single_line());
    }
}
