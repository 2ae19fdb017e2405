//! Between partners, through files: `share` writes a packet of everything shareable (nothing
//! private unless asked), `partner` keeps the other's packet as a read-only partner view
//! beside the workbook and takes in the notes they left on this workbook's items.

use std::path::PathBuf;

use chrono::{DateTime, Local};
use clap::Args;

use super::{Cli, Need, load_for, target};
use crate::privacy;
use crate::store::{self, Store};

/// The arguments of `share`.
#[derive(Debug, Args)]
pub struct ShareArgs {
    /// Write the packet to this file (0600) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Put private content in too (the conversation with yourself, private entries, topics
    /// and conversations). Off unless asked: a packet is made to be given away.
    #[arg(long)]
    pub include_private: bool,
}

/// The arguments of `partner`.
#[derive(Debug, Args)]
pub struct PartnerArgs {
    /// The packet your partner wrote with `mentorbook share`.
    pub packet: PathBuf,
}

/// Runs `share`: the packet's text, or where it went.
pub fn share(cli: &Cli, args: &ShareArgs, now: DateTime<Local>) -> Result<String, String> {
    let (wb, path) = load_for(cli, Need::Everything)?;
    if wb.id.is_empty() {
        return Err(format!(
            "{} has no id yet (it came from an older version): open it in mentorbook once, \
             then share",
            path.display()
        ));
    }
    let mut packet = privacy::for_document(&wb, args.include_private).into_owned();
    // What is this workbook's own business: collisions left to choose, and the partner's
    // notes (they have them already).
    packet.conflicts.clear();
    packet.notes_from_partner.clear();
    let bytes = store::encode_packet(&packet, now.fixed_offset());
    match &args.output {
        None => String::from_utf8(bytes).map_err(|e| e.to_string()),
        Some(out) => {
            store::write_file_private(out, &bytes)
                .map_err(|e| format!("{}: {e}", out.display()))?;
            let private = if args.include_private {
                "private content included"
            } else {
                "nothing private in it"
            };
            Ok(format!(
                "Shared {} in {} ({private}). Your partner keeps it with: mentorbook partner {}\n",
                path.display(),
                out.display(),
                out.display()
            ))
        }
    }
}

/// Runs `partner`: keeps the packet as the partner view and takes in their notes.
pub fn partner(cli: &Cli, args: &PartnerArgs, now: DateTime<Local>) -> Result<String, String> {
    if cli.demo {
        return Err("the sample workbook keeps nothing: use --file or --workbook".into());
    }
    let bytes =
        std::fs::read(&args.packet).map_err(|e| format!("{}: {e}", args.packet.display()))?;
    let view = store::decode_packet(&bytes).map_err(|error| {
        (store::OpenError::Decode {
            path: args.packet.clone(),
            error,
            backup: None,
        })
        .to_string()
    })?;
    let path = target(cli)?;
    let (mut store, mut wb) = Store::open(&path).map_err(|e| e.to_string())?;
    store::ensure_id(&mut wb);
    if !view.workbook.id.is_empty() && view.workbook.id == wb.id {
        return Err(format!(
            "{} was shared from this workbook itself: give it to your partner instead",
            args.packet.display()
        ));
    }
    let kept = store::keep_partner(&path, &bytes).map_err(|e| e.to_string())?;
    // Their notes on this workbook's items; nothing else of theirs is written into it.
    let notes: Vec<_> = (view.workbook.notes_for_partner.iter())
        .filter(|n| n.workbook == wb.id)
        .cloned()
        .collect();
    let count = notes.len();
    if wb.notes_from_partner != notes {
        wb.notes_from_partner = notes;
        store.save(&wb, now).map_err(|e| e.to_string())?;
    }
    let who = match (view.workbook.role, &view.workbook) {
        (crate::model::Role::Mentor, w) if !w.mentor.trim().is_empty() => w.mentor.clone(),
        (crate::model::Role::Mentee, w) if !w.mentee.trim().is_empty() => w.mentee.clone(),
        _ => "your partner".to_string(),
    };
    Ok(format!(
        "Kept {who}'s view (shared {}) in {}; {count} note{} on your items.\n",
        view.shared_at.format("%Y-%m-%d %H:%M"),
        kept.display(),
        if count == 1 { "" } else { "s" }
    ))
}
