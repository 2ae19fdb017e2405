//! Reading dates and intervals as people type them.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Parses `2026-12-01`, `today`, `tomorrow`, `yesterday`, `+3d`, `+2w`, `+1m`, `+1y` (and
/// the same back in time: `-3d`, `-1y`), a weekday (`fri`, `friday`: the next one after
/// today), `next week`, `next month`, `last week`, `last month` or `last year`. Empty means "no
/// date". The error says what is accepted.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let found = match t.as_str() {
        "today" => Some(today),
        "tomorrow" => today.succ_opt(),
        "yesterday" => today.pred_opt(),
        "next week" => today.checked_add_days(Days::new(7)),
        "next month" => today.checked_add_months(Months::new(1)),
        "last week" => today.checked_sub_days(Days::new(7)),
        "last month" => today.checked_sub_months(Months::new(1)),
        "last year" => today.checked_sub_months(Months::new(12)),
        _ => None,
    };
    let found = found
        .or_else(|| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
        .or_else(|| relative(&t, today))
        .or_else(|| weekday(&t).map(|w| next_weekday(today, w)));
    found.map(Some).ok_or_else(|| {
        format!(
            "{} is not a date. Try 2026-12-01, today, +3d, -2w, +1m, fri, last month",
            quoted(text)
        )
    })
}

/// What was typed, in quotes, for a message: its first 20 characters, so that what the
/// message says is accepted is never pushed off the screen by a long input.
pub fn quoted(text: &str) -> String {
    let text = text.trim();
    let cut: String = text.chars().take(20).collect();
    if cut.len() < text.len() {
        format!("“{cut}…”")
    } else {
        format!("“{cut}”")
    }
}

/// `+3d`, `+2w`, `+1m` (also without the plus).
/// `+3d`, `2w`, `+1m`, `1y` ahead of today; `-3d`, `-2w`, `-1m`, `-1y` back from it.
fn relative(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (back, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (n, unit) = number_and_unit(t)?;
    let days = |d: u64| {
        if back {
            today.checked_sub_days(Days::new(d))
        } else {
            today.checked_add_days(Days::new(d))
        }
    };
    let months = |m: u64| {
        let m = Months::new(u32::try_from(m).ok()?);
        if back {
            today.checked_sub_months(m)
        } else {
            today.checked_add_months(m)
        }
    };
    match unit {
        "d" | "day" | "days" => days(n),
        "w" | "week" | "weeks" => days(n.checked_mul(7)?),
        "m" | "month" | "months" => months(n),
        "y" | "year" | "years" => months(n.checked_mul(12)?),
        _ => None,
    }
}

fn number_and_unit(t: &str) -> Option<(u64, &str)> {
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let n = t[..digits].parse().ok()?;
    Some((n, t[digits..].trim()))
}

fn weekday(t: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    let t = t.strip_prefix("next ").unwrap_or(t);
    NAMES
        .iter()
        .find(|(name, _)| t.len() >= 3 && name.starts_with(t))
        .map(|(_, w)| *w)
}

/// The first `w` strictly after `today`.
fn next_weekday(today: NaiveDate, w: Weekday) -> NaiveDate {
    let ahead = (7 + w.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today + Days::new(if ahead == 0 { 7 } else { u64::from(ahead) })
}

/// Parses a number of days between check-ins: `30`, `14d`, `2w`, `1m` (30 days). Empty means
/// "not agreed yet".
pub fn parse_days(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let err = || format!("{} is not a number of days: use 14, 2w or 1m", quoted(text));
    let (n, unit) = number_and_unit(&t).ok_or_else(err)?;
    let days = match unit {
        "" | "d" | "day" | "days" => n,
        "w" | "week" | "weeks" => n * 7,
        "m" | "month" | "months" => n * 30,
        _ => return Err(err()),
    };
    match u32::try_from(days) {
        Ok(d) if d > 0 && d <= 366 => Ok(Some(d)),
        _ => Err("the check-in interval must be between 1 day and a year".into()),
    }
}

/// Reads a length of time in minutes: `45`, `45m`, `45 min`, `90 minutes`, `1h`, `1 hour`,
/// `1h30`, `1h 30m`, `1.5h`. `None` for what does not read (or is not between a minute and a
/// day).
pub fn parse_minutes(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    let mut total = 0f64;
    let mut rest = t.as_str();
    let mut any = false;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let n: f64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = rest[unit_len..].trim_start();
        total += match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" => n * 60.0,
            "" if any => n,
            "" | "m" | "min" | "mins" | "minute" | "minutes" => n,
            _ => return None,
        };
        any = true;
    }
    let minutes = total.round();
    (1.0..=1440.0).contains(&minutes).then_some(minutes as u32)
}

/// How a length of time reads, and is typed back: "45m", "1h", "1h30".
pub fn describe_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

/// How an interval reads: "every 14 days", "every week".
pub fn describe_days(days: u32) -> String {
    match days {
        1 => "every day".into(),
        7 => "every week".into(),
        d if d % 7 == 0 => format!("every {} weeks", d / 7),
        d => format!("every {d} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap() // a Tuesday
    }
    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn handy_forms() {
        let p = |s| parse_date(s, today()).unwrap();
        assert_eq!(p(""), None);
        assert_eq!(p("2026-12-01"), d(2026, 12, 1));
        assert_eq!(p(" Today "), d(2026, 11, 24));
        assert_eq!(p("tomorrow"), d(2026, 11, 25));
        assert_eq!(p("+3d"), d(2026, 11, 27));
        assert_eq!(p("+2w"), d(2026, 12, 8));
        assert_eq!(p("+1m"), d(2026, 12, 24));
        assert_eq!(p("fri"), d(2026, 11, 27));
        assert_eq!(p("tue"), d(2026, 12, 1), "the next Tuesday, not today");
        assert_eq!(p("next monday"), d(2026, 11, 30));
        assert_eq!(p("next month"), d(2026, 12, 24));
        assert_eq!(p("+1y"), d(2027, 11, 24));
    }

    #[test]
    fn back_in_time() {
        let p = |s| parse_date(s, today()).unwrap();
        assert_eq!(p("-3d"), d(2026, 11, 21));
        assert_eq!(p("-2w"), d(2026, 11, 10));
        assert_eq!(p("-1m"), d(2026, 10, 24));
        assert_eq!(p("-1y"), d(2025, 11, 24));
        assert_eq!(p("last week"), d(2026, 11, 17));
        assert_eq!(p("last month"), d(2026, 10, 24));
        assert_eq!(p("last year"), d(2025, 11, 24));
        assert!(
            parse_date("-99999999999y", today()).is_err(),
            "out of range: refused"
        );
    }

    #[test]
    fn bad_dates_say_what_works() {
        for bad in ["2026-02-30", "soon", "fr", "+3x", "31/12/2026"] {
            let e = parse_date(bad, today()).unwrap_err();
            assert!(
                e.contains("is not a date") && e.contains("2026-12-01"),
                "{bad}: {e}"
            );
            assert!(e.chars().count() < 80 + bad.len(), "fits a footer: {e}");
        }
    }

    #[test]
    fn lengths_of_meetings() {
        for (t, m) in [
            ("45", 45),
            ("45m", 45),
            ("45 minutes", 45),
            ("1h", 60),
            ("1 hour", 60),
            ("1h30", 90),
            ("1h 30m", 90),
            ("1.5h", 90),
            ("90 min", 90),
        ] {
            assert_eq!(parse_minutes(t), Some(m), "{t}");
        }
        for bad in ["", "soon", "0", "3 days", "25h"] {
            assert_eq!(parse_minutes(bad), None, "{bad}");
        }
    }

    #[test]
    fn intervals() {
        assert_eq!(parse_days("30"), Ok(Some(30)));
        assert_eq!(parse_days("2w"), Ok(Some(14)));
        assert_eq!(parse_days("1 month"), Ok(Some(30)));
        assert_eq!(parse_days(""), Ok(None));
        assert!(parse_days("0").is_err());
        assert!(parse_days("often").is_err());
        assert_eq!(describe_days(14), "every 2 weeks");
        assert_eq!(describe_days(30), "every 30 days");
    }
}
