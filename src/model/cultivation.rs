//! The rules of the cultivation phase: when the next check-in is due, the agenda suggested
//! for a new conversation, Pure functions of the model and a "today".

use chrono::{Days, NaiveDate};

use super::{AgendaItem, ConversationKind, GoalStatus, StepStatus, Workbook};

/// How far ahead the agenda looks when no next meeting is set, and how close a milestone's
/// date must be to make the agenda.
pub const LOOK_AHEAD_DAYS: u64 = 14;
/// An active goal not reviewed for this long is suggested for the agenda (unless the agreed
/// check-in cadence says otherwise).
pub const STALE_GOAL_DAYS: u64 = 30;

impl Workbook {
    /// The last day a check-in took place: a check-in record or a check-in conversation
    /// with something written in it (one only made ready does not count yet).
    pub fn last_check_in(&self) -> Option<NaiveDate> {
        let records = (self.check_ins.iter())
            .filter(|c| c.held())
            .filter_map(|c| c.date);
        let talks = (self.conversations.iter())
            .filter(|c| c.kind == ConversationKind::CheckIn && c.held())
            .map(|c| c.at.date_naive());
        records.chain(talks).max()
    }

    /// When the next check-in is due, from the agreed cadence: that many days after the last
    /// check-in, or after the agreement if there has been none. `None` without a cadence.
    pub fn next_check_in_due(&self) -> Option<NaiveDate> {
        let every = self.agreement.check_in_every_days?;
        let from = self.last_check_in().or(self.agreement.agreed_on)?;
        from.checked_add_days(Days::new(u64::from(every)))
    }

    /// Whether the next check-in's day has passed.
    pub fn check_in_overdue(&self, today: NaiveDate) -> bool {
        self.next_check_in_due().is_some_and(|d| d < today)
    }

    /// The agenda suggested for a conversation on `today`, whose next meeting (if known) is
    /// `until`. Built once when the conversation is created; the user keeps, removes or
    /// reorders the items, and nothing is added later.
    pub fn suggest_agenda(&self, today: NaiveDate, until: Option<NaiveDate>) -> Vec<AgendaItem> {
        let horizon = until
            .or_else(|| today.checked_add_days(Days::new(LOOK_AHEAD_DAYS)))
            .unwrap_or(today);
        let mut items: Vec<AgendaItem> = Vec::new();
        macro_rules! add {
            ($text:expr) => {
                items.push(AgendaItem {
                    text: $text,
                    ..AgendaItem::default()
                })
            };
        }
        let live = |s: GoalStatus| matches!(s, GoalStatus::Active | GoalStatus::Draft);
        for goal in self.goals.iter().filter(|g| live(g.status)) {
            for step in &goal.plan.steps {
                if step.status == StepStatus::Done {
                    continue;
                }
                match step.due {
                    Some(d) if d < today => add!(format!(
                        "Overdue step: {} ({}, due {d})",
                        step.text.trim(),
                        goal.name()
                    )),
                    Some(d) if d <= horizon => add!(format!(
                        "Step due {d}: {} ({})",
                        step.text.trim(),
                        goal.name()
                    )),
                    _ => {}
                }
            }
            for m in goal.milestones.iter().filter(|m| !m.done) {
                if let Some(d) = m.date.filter(|d| *d <= horizon) {
                    let when = if d < today { "passed" } else { "coming" };
                    add!(format!(
                        "Milestone {when} ({d}): {} ({})",
                        m.text.trim(),
                        goal.name()
                    ));
                }
            }
        }
        let last = self.latest_shared_conversation();
        // The last conversation's open commitments, and any older one with a date (a
        // promise with a day is tracked until it is ticked done or made a step; one without
        // is carried once), each with who and by when.
        let last_id = last.map(|l| l.id);
        let open = (self.conversations.iter())
            .filter(|c| !c.private)
            .flat_map(|c| c.commitments.iter().map(move |x| (c.id, x)))
            .filter(|(c, x)| x.is_open() && (Some(*c) == last_id || x.due.is_some()));
        for (from, x) in open {
            let when = match x.due {
                Some(d) if d < today => format!(", overdue since {d}"),
                Some(d) => format!(", due {d}"),
                None => String::new(),
            };
            items.push(AgendaItem {
                text: format!(
                    "Carried over: {} ({}{when})",
                    x.text.trim(),
                    self.carrier(x.owner, x.who)
                ),
                from: Some(from),
                ..AgendaItem::default()
            });
        }
        // Last time's open items go here, once the rest is known (see below).
        let carried_at = items.len();
        // The agenda is shown during calls and exported: a private topic is only pointed at.
        for t in (self.mentoring_plan.topics.iter()).filter(|t| !t.discussed) {
            if t.text.trim().is_empty() {
                continue;
            } else if t.private {
                add!("A private topic (see your mentoring plan)".into());
            } else {
                add!(format!("Topic: {}", t.text.trim()));
            }
        }
        let stale = (self.agreement.check_in_every_days)
            .map_or(STALE_GOAL_DAYS, u64::from)
            .max(1);
        for goal in self.goals.iter().filter(|g| g.status == GoalStatus::Active) {
            let quiet = match goal.plan.reviewed_on {
                None => true,
                Some(d) => d
                    .checked_add_days(Days::new(stale))
                    .is_some_and(|d| d <= today),
            };
            if quiet {
                add!(format!(
                    "How is “{}” going? Not reviewed lately.",
                    goal.name()
                ));
            }
        }
        if let Some(last) = last {
            let open = still_open(last, &items);
            items.splice(carried_at..carried_at, open);
        }
        let mut seen = std::collections::HashSet::new();
        items.retain(|a| seen.insert(a.text.clone()));
        items
    }

    /// The conversation with the latest date.
    pub fn latest_conversation(&self) -> Option<&super::Conversation> {
        self.conversations.iter().max_by_key(|c| c.at)
    }

    /// The latest conversation that is not private: what the next one carries over from
    /// (a private conversation's items never travel into a shared agenda).
    pub fn latest_shared_conversation(&self) -> Option<&super::Conversation> {
        (self.conversations.iter())
            .filter(|c| !c.private)
            .max_by_key(|c| c.at)
    }
}

/// How the items the agenda suggests begin: what the plan still says is open is suggested
/// afresh from the plan, never carried over as last time's text.
const SUGGESTED: [&str; 7] = [
    "Overdue step: ",
    "Step due ",
    "Milestone ",
    "Carried over: ",
    "Topic: ",
    "A private topic",
    "How is “",
];

/// The items of `last` still open that `fresh` does not already hold: the partners' own
/// items, each once, with the date they are from, and never a second "Still open from".
fn still_open(last: &super::Conversation, fresh: &[AgendaItem]) -> Vec<AgendaItem> {
    let from = last.at.format("%Y-%m-%d");
    (last.agenda.iter())
        .filter(|a| !a.done)
        .map(|a| without_still_open(a.text.trim()))
        .filter(|core| {
            !core.is_empty()
                && !SUGGESTED.iter().any(|p| core.starts_with(p))
                && !fresh.iter().any(|f| f.text == *core)
        })
        .map(|core| AgendaItem {
            text: format!("Still open from {from}: {core}"),
            from: Some(last.id),
            ..AgendaItem::default()
        })
        .collect()
}

/// `text` without the "Still open from …: " it was carried over with, however many times.
fn without_still_open(mut text: &str) -> &str {
    while let Some((_, rest)) = text
        .strip_prefix("Still open from ")
        .and_then(|r| r.split_once(": "))
    {
        text = rest.trim_start();
    }
    text
}

#[cfg(test)]
mod tests;
