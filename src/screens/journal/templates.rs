//! Entry templates on the journal: `T` starts an entry from one (the shipped ones, then the
//! person's own), `T` on an entry keeps its text as a template, `d` in the list of templates
//! lets one of one's own go.

use chrono::{DateTime, Local};

use crate::app::App;
use crate::model::{Template, shipped_templates, template_name};
use crate::msg::Effect;
use crate::nav::{Mode, Pick, PickWhat};

/// Every template to choose from: the shipped ones first, then the workbook's.
pub fn all(app: &App) -> Vec<Template> {
    let mut out = shipped_templates();
    out.extend(app.workbook.templates.iter().cloned());
    out
}

/// `T` on the journal: the list of templates.
pub fn open(app: &mut App) {
    if app.call_mode {
        app.notice = Some(
            "Journal entries start private, so T is off during a call: C ends call mode.".into(),
        );
        return;
    }
    app.mode = Mode::Pick(Pick {
        what: PickWhat::Template,
        selected: 0,
    });
}

/// Template `k` chosen: a new entry holding it, the editor open below its first prompt.
pub fn start_from(app: &mut App, k: usize, now: DateTime<Local>) -> Option<Effect> {
    let template = all(app).into_iter().nth(k)?;
    super::new_entry(app, now);
    let crate::nav::Screen::Entry(e) = app.screen else {
        return None;
    };
    let entry = app.workbook.entry_mut(e)?;
    entry.text = template.text.clone();
    entry.tags = template.tags.clone();
    app.touch();
    crate::screens::start_edit(app, crate::field::Field::Entry(e), true);
    // The cursor waits on the line below the first prompt, where the answer goes.
    let below = template
        .text
        .lines()
        .position(|l| l.trim_end().ends_with('?'));
    if let (Some(row), Mode::Edit(editing)) = (below, &mut app.mode) {
        let row = u16::try_from(row + 1).unwrap_or(0);
        editing
            .editor
            .move_cursor(ratatui_textarea::CursorMove::Jump(row, 0));
    }
    None
}

/// `T` on an entry: its text kept as a template, named by its first line (one of the same
/// name is replaced).
pub fn keep(app: &mut App, e: usize) -> Option<Effect> {
    let entry = app.workbook.journal.whole(e)?;
    let Some(name) = template_name(&entry.text) else {
        app.notice =
            Some("This entry is empty: write the prompts first, then T keeps them.".into());
        return None;
    };
    if shipped_templates().iter().any(|t| t.name == name) {
        app.notice = Some(format!(
            "“{name}” is the name of a template that comes with mentorbook: change the first \
             line to keep this one beside it."
        ));
        return None;
    }
    let template = Template {
        name: name.clone(),
        text: entry.text.clone(),
        tags: entry.tags.clone(),
    };
    let own = &mut app.workbook.templates;
    match own.iter_mut().find(|t| t.name == name) {
        Some(t) => *t = template,
        None => own.push(template),
    }
    app.touch();
    app.notice = Some(format!(
        "Kept as the template “{name}”: T on the journal starts an entry from it."
    ));
    Some(Effect::Save)
}

/// `d` in the list of templates: one of the person's own goes (the shipped ones stay).
pub fn delete(app: &mut App, k: usize) -> Option<Effect> {
    let shipped = shipped_templates().len();
    let Some(own) = k.checked_sub(shipped) else {
        app.notice = Some("The templates that come with mentorbook stay.".into());
        return None;
    };
    if own >= app.workbook.templates.len() {
        return None;
    }
    let gone = app.workbook.templates.remove(own);
    app.touch();
    app.notice = Some(format!("The template “{}” is gone.", gone.name));
    Some(Effect::Save)
}
