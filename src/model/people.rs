//! Everyone in the relationship beyond the mentee and the (primary) mentor: co-mentors, a
//! committee, a programme's coordinator, a co-mentee, a sponsor. Steps, commitments and
//! resources can name one of them as who carries or helps; a conversation, who was there.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{Id, Owner};

/// What a person is to the relationship.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonRole {
    #[default]
    CoMentor,
    Committee,
    Coordinator,
    CoMentee,
    Sponsor,
    Other,
}

impl PersonRole {
    pub const ALL: [PersonRole; 6] = [
        PersonRole::CoMentor,
        PersonRole::Committee,
        PersonRole::Coordinator,
        PersonRole::CoMentee,
        PersonRole::Sponsor,
        PersonRole::Other,
    ];

    /// In words.
    pub fn name(self) -> &'static str {
        match self {
            PersonRole::CoMentor => "co-mentor",
            PersonRole::Committee => "committee member",
            PersonRole::Coordinator => "programme coordinator",
            PersonRole::CoMentee => "co-mentee",
            PersonRole::Sponsor => "sponsor",
            PersonRole::Other => "other",
        }
    }

    /// The next role, round again.
    pub fn next(self) -> PersonRole {
        super::cycle::after(&PersonRole::ALL, self)
    }
}

/// One person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub role: PersonRole,
}

impl super::Workbook {
    /// The person with this id, if still in the workbook.
    pub fn person(&self, id: Id) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// Who carries something: the person named, else the owner in words.
    pub fn carrier(&self, owner: Owner, who: Option<Id>) -> Cow<'_, str> {
        match who.and_then(|id| self.person(id)) {
            Some(p) if !p.name.trim().is_empty() => Cow::Borrowed(p.name.trim()),
            _ => Cow::Borrowed(owner.name()),
        }
    }

    /// Who helps obtain a resource: the person named, else the helper in words.
    pub fn helper(&self, r: &super::Resource) -> Cow<'_, str> {
        match r.who.and_then(|id| self.person(id)) {
            Some(p) if !p.name.trim().is_empty() => Cow::Borrowed(p.name.trim()),
            _ => Cow::Borrowed(r.helper.name()),
        }
    }

    /// The next carrier after `(owner, who)`: mentee, mentor, both, then each person in
    /// turn, then the mentee again. A person carrying it leaves the owner at "both".
    pub fn next_carrier(&self, owner: Owner, who: Option<Id>) -> (Owner, Option<Id>) {
        let ids: Vec<Id> = self.people.iter().map(|p| p.id).collect();
        match who.and_then(|id| ids.iter().position(|x| *x == id)) {
            Some(k) => match ids.get(k + 1) {
                Some(next) => (Owner::Both, Some(*next)),
                None => (Owner::Mentee, None),
            },
            None => match owner {
                Owner::Mentee => (Owner::Mentor, None),
                Owner::Mentor => (Owner::Both, None),
                Owner::Both => match ids.first() {
                    Some(first) => (Owner::Both, Some(*first)),
                    None => (Owner::Mentee, None),
                },
            },
        }
    }

    /// Removes person `i` and every link to them (what they carried goes back to both).
    pub fn remove_person(&mut self, i: usize) -> bool {
        if i >= self.people.len() {
            return false;
        }
        let id = self.people.remove(i).id;
        let gone = |who: &mut Option<Id>| {
            if *who == Some(id) {
                *who = None;
            }
        };
        for g in &mut self.goals {
            g.plan.steps.iter_mut().for_each(|s| gone(&mut s.who));
            g.plan.resources.iter_mut().for_each(|r| gone(&mut r.who));
        }
        for c in &mut self.conversations {
            c.commitments.iter_mut().for_each(|x| gone(&mut x.who));
            c.with.retain(|p| *p != id);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workbook;

    #[test]
    fn carriers_go_round_the_partners_then_the_people() {
        let mut wb = Workbook::default();
        assert_eq!(wb.next_carrier(Owner::Both, None), (Owner::Mentee, None));
        wb.people = vec![
            Person {
                id: 7,
                name: "Kim".into(),
                role: PersonRole::CoMentor,
            },
            Person {
                id: 8,
                name: "Lee".into(),
                role: PersonRole::Sponsor,
            },
        ];
        let mut at = (Owner::Mentee, None);
        let mut seen = Vec::new();
        for _ in 0..5 {
            at = wb.next_carrier(at.0, at.1);
            seen.push(wb.carrier(at.0, at.1).into_owned());
        }
        assert_eq!(seen, ["mentor", "both", "Kim", "Lee", "mentee"]);
    }
}
