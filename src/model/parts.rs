//! Where each named value of an exercise lives. An exercise's parts are declared once with
//! [`parts!`]: the enum, its `ALL` list (in the exercise's order) and the path of each
//! part's value, for reading and for changing. Everything else about a part (its label, its
//! place on screen, whether it counts towards progress) belongs to the exercise's screen
//! module, which matches on the enum, so a new part is a compile error until it is placed.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// A value to read, by what it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot<'a> {
    /// Words: one line or running text.
    Text(&'a String),
    /// A date, or none yet.
    Date(&'a Option<NaiveDate>),
    /// A number of days, or none yet.
    Days(&'a Option<u32>),
    /// A length of time in minutes, or none (then a default applies).
    Minutes(&'a Option<u32>),
    /// A moment with its offset.
    Stamp(&'a DateTime<FixedOffset>),
    /// A planned day, with a time once one is agreed, or none yet.
    Meeting(&'a Option<super::Meeting>),
    /// Tags.
    Tags(&'a Vec<String>),
}

impl Slot<'_> {
    /// Whether something is in it (words that are not all blank, a date, a tag…).
    pub fn filled(&self) -> bool {
        match self {
            Slot::Text(s) => !s.trim().is_empty(),
            Slot::Date(d) => d.is_some(),
            Slot::Days(d) | Slot::Minutes(d) => d.is_some(),
            Slot::Stamp(_) => true,
            Slot::Meeting(m) => m.is_some(),
            Slot::Tags(t) => !t.is_empty(),
        }
    }
}

/// A value to change, by what it holds.
#[derive(Debug, PartialEq)]
pub enum SlotMut<'a> {
    Text(&'a mut String),
    Date(&'a mut Option<NaiveDate>),
    Days(&'a mut Option<u32>),
    Minutes(&'a mut Option<u32>),
    Stamp(&'a mut DateTime<FixedOffset>),
    Meeting(&'a mut Option<super::Meeting>),
    Tags(&'a mut Vec<String>),
}

/// Declares the parts of one record: `parts! { /// doc; pub enum Part in Data { Variant =>
/// Kind path.to.value, … } }`. `Kind` is a [`Slot`] variant (`Text`, `Date`, `Days`, `Minutes`,
/// `Stamp`, `Tags`) matching the value's type.
#[macro_export]
macro_rules! parts {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Part:ident in $Data:ty {
            $( $(#[$vmeta:meta])* $Var:ident => $Kind:ident $($path:ident).+ ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $Part {
            $( $(#[$vmeta])* $Var ),+
        }

        impl $Part {
            /// Every part, in the exercise's order.
            pub const ALL: &'static [$Part] = &[ $( $Part::$Var ),+ ];

            /// Where this part's value is, to read.
            pub fn slot(self, data: &$Data) -> $crate::model::Slot<'_> {
                match self {
                    $( $Part::$Var => $crate::model::Slot::$Kind(&data.$($path).+) ),+
                }
            }

            /// Where this part's value is, to change.
            pub fn slot_mut(self, data: &mut $Data) -> $crate::model::SlotMut<'_> {
                match self {
                    $( $Part::$Var => $crate::model::SlotMut::$Kind(&mut data.$($path).+) ),+
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    #[derive(Default)]
    struct Inner {
        note: String,
    }
    #[derive(Default)]
    struct Data {
        words: String,
        when: Option<chrono::NaiveDate>,
        inner: Inner,
    }
    parts! {
        /// Test parts.
        enum P in Data {
            Words => Text words,
            When => Date when,
            Note => Text inner.note,
        }
    }

    #[test]
    fn every_part_reaches_its_own_value() {
        let mut d = Data::default();
        if let super::SlotMut::Text(s) = P::Note.slot_mut(&mut d) {
            s.push_str("deep");
        }
        assert_eq!(d.inner.note, "deep");
        assert!(matches!(P::When.slot(&d), super::Slot::Date(None)));
        assert!(matches!(P::Words.slot(&d), super::Slot::Text(s) if s.is_empty()));
        assert_eq!(P::ALL, &[P::Words, P::When, P::Note]);
    }
}
