//! The partner's side: notes one partner leaves on the other's items (a goal, a step, a
//! commitment) from the partner view. Mine travel in my share packet; theirs arrive with
//! theirs and show on my items as theirs.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Id, Workbook};

/// The partner's workbook as their last packet holds it (nothing private of theirs), and
/// when they shared it: kept read-only beside the workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerView {
    pub workbook: Workbook,
    pub shared_at: DateTime<FixedOffset>,
}

/// A note on one item of the partner's workbook (one per item).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerNote {
    /// The item's id in the partner's workbook.
    pub id: Id,
    /// The partner's workbook (its `id`), so a note never lands on another's items.
    pub workbook: String,
    /// The item in words, as it was when the note was written.
    pub about: String,
    pub text: String,
    /// Ticked: seen and agreed.
    pub agreed: bool,
}
