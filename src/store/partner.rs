//! Between partners: the share packet (everything shareable of one workbook, for the other
//! partner) and the partner view (the other's last packet, kept read-only beside the
//! workbook as `<name>.partner.json`, one per workbook).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::envelope::{DecodeError, Kind, decode_as, encode_as, encode_data};
use super::{OpenError, dir_of};
use crate::model::{PartnerView, Workbook};

/// A share packet's `format`.
pub const SHARE: &str = "mentorbook-share";

/// A packet holding `wb` (the caller leaves out what is private), shared at `at`.
pub fn encode_packet(wb: &Workbook, at: DateTime<FixedOffset>) -> Vec<u8> {
    encode_as(Kind::Share, &encode_data(wb), 1, at)
}

/// Reads a packet: a share packet of a version this app reads, or an error saying what it
/// is instead.
pub fn decode_packet(bytes: &[u8]) -> Result<PartnerView, DecodeError> {
    #[derive(serde::Deserialize)]
    struct Head {
        saved_at: Option<String>,
    }
    let decoded = decode_as(bytes, Kind::Share)?;
    let text = super::strict::utf8_text(bytes)?;
    let head: Head = super::strict::object_head(text)?;
    let shared_at = (head.saved_at.as_deref())
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .ok_or_else(|| DecodeError::NotMentorbook {
            reason: "the packet does not say when it was shared".into(),
        })?;
    Ok(PartnerView {
        workbook: decoded.workbook,
        shared_at,
    })
}

/// Where the partner view of the workbook at `path` is kept.
pub fn partner_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    dir_of(path).join(format!("{stem}.partner.json"))
}

/// The partner view kept beside the workbook at `path`, if there is one.
pub fn read_partner(path: &Path) -> Result<Option<PartnerView>, OpenError> {
    let file = partner_path(path);
    match super::crypt::read(&file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(OpenError::Io(file, e)),
        Ok(bytes) => decode_packet(&bytes)
            .map(Some)
            .map_err(|error| OpenError::Decode {
                path: file,
                error,
                backup: None,
            }),
    }
}

/// Keeps `bytes` (a packet already read) as the partner view of the workbook at `path`.
pub fn keep_partner(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let file = partner_path(path);
    let seal = super::crypt::recipient_of(path)?;
    super::files::write_sealed(&dir_of(path), &file, bytes, seal.as_ref())?;
    Ok(file)
}
