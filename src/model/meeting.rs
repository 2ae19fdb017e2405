//! A planned meeting: a day, and the time on it once one is agreed. Saved as
//! `"2026-12-03"` or `"2026-12-03T09:00"`, so a file without times reads as before.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day with an optional time of day (wall time where the partners live).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Meeting {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl Meeting {
    /// A meeting on `date`, all day (no time agreed).
    pub fn on(date: NaiveDate) -> Meeting {
        Meeting { date, time: None }
    }

    /// Reads `2026-12-01`, `2026-12-01 09:00`, `fri 14:00`, `tomorrow`, or a time alone
    /// (`14:00`, the day of `old` kept). Empty means "not planned".
    pub fn parse(
        text: &str,
        old: Option<Meeting>,
        today: NaiveDate,
    ) -> Result<Option<Meeting>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let wrong = || {
            format!(
                "{} is not a date (with a time if you like). Try 2026-12-01, fri 14:00, \
                 2026-12-01 09:00",
                super::quoted(text)
            )
        };
        let time_of = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").ok();
        let (day, time) = match (time_of(text), text.rsplit_once(' ')) {
            (Some(t), _) => ("", Some(t)),
            (None, Some((d, t))) if time_of(t).is_some() => (d, time_of(t)),
            _ => (text, None),
        };
        let date = if day.trim().is_empty() {
            old.map(|m| m.date).ok_or_else(wrong)?
        } else {
            super::parse_date(day, today)
                .map_err(|_| wrong())?
                .ok_or_else(wrong)?
        };
        Ok(Some(Meeting { date, time }))
    }
}

impl fmt::Display for Meeting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(t) => write!(f, "{} {}", self.date.format("%Y-%m-%d"), t.format("%H:%M")),
            None => write!(f, "{}", self.date.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for Meeting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.time {
            Some(t) => s.collect_str(&format_args!(
                "{}T{}",
                self.date.format("%Y-%m-%d"),
                t.format("%H:%M")
            )),
            None => s.collect_str(&self.date.format("%Y-%m-%d")),
        }
    }
}

impl<'de> Deserialize<'de> for Meeting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Meeting, D::Error> {
        let text = String::deserialize(d)?;
        let (day, time) = match text.split_once('T') {
            Some((day, time)) => (day, Some(time)),
            None => (text.as_str(), None),
        };
        let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
            serde::de::Error::custom(format!(
                "{text:?} is not a meeting day (2026-12-03 or 2026-12-03T09:00)"
            ))
        })?;
        let time = match time {
            None => None,
            Some(t) => Some(NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| {
                serde::de::Error::custom(format!("{text:?} has no time of day HH:MM after T"))
            })?),
        };
        Ok(Meeting { date, time })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_day_alone_saves_as_it_always_did_and_a_time_joins_it() {
        let all_day = Meeting::on(day("2026-12-03"));
        assert_eq!(serde_json::to_string(&all_day).unwrap(), "\"2026-12-03\"");
        let at_nine = Meeting::parse("2026-12-03 09:00", None, day("2026-12-01"))
            .unwrap()
            .unwrap();
        assert_eq!(
            serde_json::to_string(&at_nine).unwrap(),
            "\"2026-12-03T09:00\""
        );
        for m in [all_day, at_nine] {
            let back: Meeting = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
            assert_eq!(back, m);
        }
        assert!(serde_json::from_str::<Meeting>("\"2026-12-03T9\"").is_err());
        assert!(serde_json::from_str::<Meeting>("\"next week\"").is_err());
    }

    #[test]
    fn typed_days_and_times_read_like_the_rest_of_the_dates() {
        let today = day("2026-12-01");
        let old = Some(Meeting::on(day("2026-12-10")));
        let read = |t: &str| Meeting::parse(t, old, today).map(|m| m.map(|m| m.to_string()));
        assert_eq!(
            read("2021-03-02 09:00"),
            Ok(Some("2021-03-02 09:00".into()))
        );
        assert_eq!(read("tomorrow"), Ok(Some("2026-12-02".into())));
        assert_eq!(read("14:30"), Ok(Some("2026-12-10 14:30".into())));
        assert_eq!(read(""), Ok(None));
        assert!(read("2021-03-02 25:00").is_err());
        assert!(
            Meeting::parse("14:30", None, today).is_err(),
            "a time needs a day"
        );
    }
}
