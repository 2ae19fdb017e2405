//! The ledger of wins: what the mentee achieved along the way (a talk, a paper, funding, an
//! award, a deliverable, a promotion), each with its date, its evidence and the goal it
//! serves. Closure's celebration and the documents draw on it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

/// What kind of win.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WinKind {
    Talk,
    Paper,
    Funding,
    Award,
    #[default]
    Deliverable,
    Promotion,
    Other,
}

impl WinKind {
    pub const ALL: [WinKind; 7] = [
        WinKind::Talk,
        WinKind::Paper,
        WinKind::Funding,
        WinKind::Award,
        WinKind::Deliverable,
        WinKind::Promotion,
        WinKind::Other,
    ];

    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            WinKind::Talk => "talk",
            WinKind::Paper => "paper",
            WinKind::Funding => "funding",
            WinKind::Award => "award",
            WinKind::Deliverable => "deliverable",
            WinKind::Promotion => "promotion",
            WinKind::Other => "other",
        }
    }

    /// The next kind, round again.
    pub fn next(self) -> WinKind {
        super::cycle::after(&WinKind::ALL, self)
    }
}

/// One win.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Win {
    pub id: Id,
    pub kind: WinKind,
    /// What it was, in a line.
    pub what: String,
    pub date: Option<NaiveDate>,
    /// A link, a reference or where the proof is.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// The goal it serves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<Id>,
}

impl super::Workbook {
    /// The name of the goal win `w` serves, if it serves one still in the workbook.
    pub fn win_goal(&self, w: &Win) -> Option<&super::Goal> {
        let id = w.goal?;
        self.goals.iter().find(|g| g.id == id)
    }

    /// Moves win `i`'s goal on: none, then each goal in order, then none again.
    pub fn cycle_win_goal(&mut self, i: usize) {
        let ids: Vec<Id> = self.goals.iter().map(|g| g.id).collect();
        let Some(w) = self.wins.get_mut(i) else {
            return;
        };
        let at = w.goal.and_then(|id| ids.iter().position(|x| *x == id));
        w.goal = match at {
            None => ids.first().copied(),
            Some(k) => ids.get(k + 1).copied(),
        };
    }

    /// The wins, newest first (undated last), as positions.
    pub fn wins_by_date(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.wins.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.wins[i].date));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_win_links_to_each_goal_in_turn_and_loses_a_removed_one() {
        let mut wb = super::super::Workbook::default();
        wb.add_goal();
        wb.add_goal();
        wb.wins.push(Win::default());
        wb.cycle_win_goal(0);
        assert_eq!(wb.wins[0].goal, Some(wb.goals[0].id));
        wb.cycle_win_goal(0);
        assert_eq!(wb.wins[0].goal, Some(wb.goals[1].id));
        wb.cycle_win_goal(0);
        assert_eq!(wb.wins[0].goal, None);
        wb.cycle_win_goal(0);
        wb.remove_goal(0);
        assert_eq!(wb.wins[0].goal, None, "the link goes with the goal");
        assert_eq!(WinKind::Other.next(), WinKind::Talk);
    }
}
