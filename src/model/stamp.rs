//! Timestamps as stored: RFC 3339 and nothing looser. chrono's own reading (its `FromStr`,
//! which serde uses) also takes a space or a one-digit field, so a damaged `08:00:05` could
//! read as `08:00:00`: a strict file format refuses it instead.

use chrono::{DateTime, FixedOffset};
use serde::Deserializer;
use serde::de::{Error, Visitor};

struct Rfc3339;

impl Visitor<'_> for Rfc3339 {
    type Value = DateTime<FixedOffset>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a time as RFC 3339, like 2026-11-24T09:15:02+01:00")
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<Self::Value, E> {
        DateTime::parse_from_rfc3339(s).map_err(|e| {
            E::custom(format_args!(
                "not a time as RFC 3339 ({e}), like 2026-11-24T09:15:02+01:00"
            ))
        })
    }
}

struct MaybeRfc3339;

impl<'de> Visitor<'de> for MaybeRfc3339 {
    type Value = Option<DateTime<FixedOffset>>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("null or a time as RFC 3339")
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        strict(d).map(Some)
    }
}

/// For `#[serde(deserialize_with = "…")]` on a stored time.
pub fn strict<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    d.deserialize_str(Rfc3339)
}

/// The same for a time that may be absent (`null`).
pub fn strict_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    d.deserialize_option(MaybeRfc3339)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<DateTime<FixedOffset>, serde_json::Error> {
        strict(&mut serde_json::Deserializer::from_str(json))
    }

    #[test]
    fn only_rfc_3339_reads() {
        let good = read("\"2026-11-06T08:00:05+01:00\"").unwrap();
        assert_eq!(good.to_rfc3339(), "2026-11-06T08:00:05+01:00");
        // What chrono's looser reading takes: a cut field, a missing offset's colon, spaces.
        for bad in [
            "\"2026-11-06T08:00:0 +01:00\"",
            "\"2026-11-06T08:00:05 +01:00\"",
            "\"2026-11-6T08:00:05+01:00\"",
            "\"2026-11-06T08:00:05\"",
            "\" 2026-11-06T08:00:05+01:00\"",
            "17",
        ] {
            assert!(read(bad).is_err(), "{bad} was read");
        }
    }
}
