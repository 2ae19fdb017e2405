//! The file format: an envelope around the workbook. Pure functions, no file system.
//!
//! ```json
//! { "format": "mentorbook", "schema_version": 1, "generation": 7,
//!   "saved_at": "2026-11-24T09:15:02+01:00", "app_version": "0.1.0", "data": { … } }
//! ```

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::Serialize;
use serde::de::IgnoredAny;

use super::strict;
use crate::model::Workbook;

/// The value of the envelope's `format` key.
pub const FORMAT: &str = "mentorbook";
/// The newest schema of a whole workbook in one file (exports, recovery and conflict copies,
/// and workbooks written before the journal was kept in months).
pub const SCHEMA_VERSION: u64 = 1;

/// What an envelope holds: a whole workbook, or the plan of a workbook kept in parts (the
/// same `data`, without the journal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Whole,
    Plan,
    /// A share packet: what one partner gives the other (`mentorbook share`).
    Share,
}

impl Kind {
    fn format(self) -> &'static str {
        match self {
            Kind::Whole => FORMAT,
            Kind::Plan => super::parts::PLAN,
            Kind::Share => super::partner::SHARE,
        }
    }

    fn version(self) -> u64 {
        match self {
            Kind::Whole => SCHEMA_VERSION,
            Kind::Plan => super::parts::PARTS_VERSION,
            Kind::Share => 1,
        }
    }
}

/// What went wrong reading a file's bytes (the path is added by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Text in another encoding than UTF-8 (named), which a workbook never is.
    NotUtf8 { found: &'static str },
    /// Zero bytes, or only whitespace.
    Empty,
    /// Not JSON: truncated, damaged, not UTF-8.
    Syntax {
        line: usize,
        column: usize,
        reason: String,
    },
    /// Valid JSON, but not a mentorbook file.
    NotMentorbook { reason: String },
    /// Written by a newer mentorbook.
    FutureVersion { found: u64 },
    /// A field this version does not know, most likely from a newer mentorbook: saving would
    /// drop it, so the file is refused instead.
    UnknownField { field: String },
    /// A field holds a value of the wrong shape (`field` is empty for the top level).
    Field {
        field: String,
        line: usize,
        column: usize,
        reason: String,
    },
}

/// A decoded file.
#[derive(Debug)]
pub struct Decoded {
    pub workbook: Workbook,
    pub generation: u64,
}

/// A whole envelope, every key of it: a key this version does not know is refused (at the
/// top level as anywhere), and so is a value of the wrong shape.
#[derive(Deserialize)]
struct Whole {
    format: String,
    schema_version: u64,
    #[serde(default)]
    generation: u64,
    // Checked for their shape only: every save writes them anew.
    #[allow(dead_code)]
    saved_at: Option<String>,
    #[allow(dead_code)]
    app_version: Option<String>,
    data: Workbook,
}

/// Reads a whole workbook file's bytes, checking the envelope before the data.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_as(bytes, Kind::Whole)
}

/// Reads an envelope of `kind`, checking it before the data.
pub fn decode_as(bytes: &[u8], kind: Kind) -> Result<Decoded, DecodeError> {
    let bytes = strict::utf8_text(bytes)?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    // The whole file in one pass, for a well-formed file of a version we know (every
    // start-up but the rare bad one). Anything else goes the careful way, which reads the
    // head first and then names the place at fault.
    let whole = match strict::quietly::<Whole>(bytes) {
        Some(w)
            if w.format == kind.format() && (1..=kind.version()).contains(&w.schema_version) =>
        {
            w
        }
        _ => decode_careful(bytes, kind)?,
    };
    Ok(Decoded {
        workbook: whole.data,
        generation: whole.generation,
    })
}

fn decode_careful(bytes: &[u8], kind: Kind) -> Result<Whole, DecodeError> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
        schema_version: Option<serde_json::Value>,
        data: Option<IgnoredAny>,
    }
    let head: Head = strict::object_head(bytes)?;
    let (f, v) = (head.format.as_ref(), head.schema_version.as_ref());
    strict::check_head(f, v, kind.format(), kind.version())?;
    // Version 1 is the first schema: no migrations yet. Later versions migrate here, on
    // `serde_json::Value`, before the typed parse below.
    if head.data.is_none() {
        return Err(DecodeError::NotMentorbook {
            reason: "it has no \"data\" part".into(),
        });
    }
    strict::from_slice(bytes)
}

/// The `data` part of a file laid out as [`encode`] writes it: equal to a fresh
/// [`encode_data`] for any file this app wrote. (For another layout it simply will not
/// match, and the first save writes the file anew.)
pub fn data_slice(bytes: &[u8]) -> &[u8] {
    let key = b"\n  \"data\": ";
    let head = &bytes[..bytes.len().min(1024)];
    let start = head
        .windows(key.len())
        .position(|w| w == key)
        .map_or(0, |i| i + key.len());
    let end = bytes.len().saturating_sub(b"\n}\n".len()).max(start);
    &bytes[start..end]
}

/// serde_json appends " at line L column C"; we print the position ourselves.
pub(super) fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Serializes only the data part, pretty-printed and indented to sit inside the envelope.
/// Comparing these bytes tells whether anything changed since the last save.
pub fn encode_data(workbook: &Workbook) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    // Serializing plain structs of strings, numbers and dates cannot fail.
    if workbook.serialize(&mut ser).is_err() {
        unreachable!("a Workbook always serializes");
    }
    // JSON escapes newlines inside strings, so every raw '\n' is structural: indent after it.
    let mut indented = Vec::with_capacity(out.len() + out.len() / 8);
    for b in out {
        indented.push(b);
        if b == b'\n' {
            indented.extend_from_slice(b"  ");
        }
    }
    indented
}

/// The whole file: header fields in a fixed order, then the data from [`encode_data`].
pub fn encode(data: &[u8], generation: u64, saved_at: DateTime<FixedOffset>) -> Vec<u8> {
    encode_as(Kind::Whole, data, generation, saved_at)
}

/// An envelope of `kind` around `data`.
pub fn encode_as(
    kind: Kind,
    data: &[u8],
    generation: u64,
    saved_at: DateTime<FixedOffset>,
) -> Vec<u8> {
    let header = format!(
        "{{\n  \"format\": \"{}\",\n  \"schema_version\": {},\n  \"generation\": {generation},\n  \"saved_at\": \"{}\",\n  \"app_version\": \"{}\",\n  \"data\": ",
        kind.format(),
        kind.version(),
        saved_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        env!("CARGO_PKG_VERSION"),
    );
    let mut out = Vec::with_capacity(header.len() + data.len() + 3);
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(data);
    out.extend_from_slice(b"\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_part_of_a_file_is_found_as_a_fresh_encoding_would_write_it() {
        let wb = Workbook {
            title: "Fingerprint".into(),
            ..Workbook::default()
        };
        let data = encode_data(&wb);
        let file = encode(&data, 3, at());
        assert_eq!(data_slice(&file), &data[..]);
        let d = decode(&file).unwrap();
        assert_eq!((d.generation, d.workbook), (3, wb));
    }

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-24T09:15:02+01:00").unwrap()
    }

    fn sample() -> Workbook {
        let mut wb = Workbook {
            mentee: "Ana \"Annie\" Ruiz\nline two".into(),
            ..Workbook::default()
        };
        wb.vision.strengths = vec!["clear writer ✍️".into(), "日本語".into()];
        wb.vision.statement = "I lead.\n\nTeams trust me.".into();
        wb
    }

    #[test]
    fn round_trip_is_equal_and_byte_stable() {
        let data = encode_data(&sample());
        let file = encode(&data, 3, at());
        let back = decode(&file).unwrap();
        assert_eq!(back.workbook, sample());
        assert_eq!(back.generation, 3);
        assert_eq!(encode(&encode_data(&back.workbook), 3, at()), file);
    }

    #[test]
    fn envelope_header_comes_first_and_is_pretty() {
        let file = String::from_utf8(encode(&encode_data(&sample()), 1, at())).unwrap();
        assert!(file.starts_with("{\n  \"format\": \"mentorbook\",\n  \"schema_version\": 1,"));
        assert!(file.contains("\n  \"data\": {\n    \"title\": \"\",\n    \"role\": \"mentee\","));
        serde_json::from_str::<serde_json::Value>(&file).unwrap();
    }

    #[test]
    fn empty_and_whitespace_are_empty() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t ").unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn truncation_is_a_syntax_error_with_position() {
        let file = encode(&encode_data(&sample()), 1, at());
        let err = decode(&file[..file.len() / 2]).unwrap_err();
        assert!(
            matches!(err, DecodeError::Syntax { line, .. } if line > 1),
            "{err:?}"
        );
    }

    #[test]
    fn future_version_is_refused() {
        let file = br#"{"format":"mentorbook","schema_version":2,"data":{"brand_new":[1]}}"#;
        assert_eq!(
            decode(file).unwrap_err(),
            DecodeError::FutureVersion { found: 2 }
        );
    }

    #[test]
    fn wrong_version_or_format_is_not_mentorbook() {
        for f in [
            &br#"{"format":"mentorbook","data":{}}"#[..],
            br#"{"format":"mentorbook","schema_version":"1","data":{}}"#,
            br#"{"format":"mentorbook","schema_version":0,"data":{}}"#,
            br#"{"format":"other","schema_version":1,"data":{}}"#,
            br#"[1,2,3]"#,
            br#"{"format":"mentorbook","schema_version":1}"#,
        ] {
            assert!(
                matches!(decode(f), Err(DecodeError::NotMentorbook { .. })),
                "{}",
                String::from_utf8_lossy(f)
            );
        }
    }

    #[test]
    fn a_wrong_type_names_the_field_and_its_line() {
        let file = b"{\"format\":\"mentorbook\",\"schema_version\":1,\n\"data\":{\n\"vision\":{\"strengths\":[\"a\", 7]}}}";
        match decode(file).unwrap_err() {
            DecodeError::Field { field, line, .. } => {
                assert_eq!(field, "data.vision.strengths[1]");
                assert_eq!(line, 3);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_is_a_syntax_error() {
        let mut file = encode(&encode_data(&sample()), 1, at());
        let i = file.iter().position(|b| *b == b'A').unwrap();
        file[i] = 0xff;
        assert!(matches!(decode(&file), Err(DecodeError::Syntax { .. })));
    }
}
