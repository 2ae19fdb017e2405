//! A document as one HTML page, for a partner who will not read Markdown: the Markdown
//! writer's output rendered by pulldown-cmark (CommonMark with tables and task lists), in a
//! page with its own styles for screen and print, and no external resource (no font, no
//! script, no image), so it opens, prints and archives the same anywhere.

use pulldown_cmark::{Event, Options, Parser, html};

use super::Block;

/// Styles kept short and plain: readable on screen, tidy on paper (tables do not split a
/// row across pages, headings stay with what follows).
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.5;\
max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;\
border-bottom:1px solid #ccc;padding-bottom:.2rem}h3{font-size:1.05rem;margin-top:1.4rem}\
table{border-collapse:collapse;width:100%;margin:.6rem 0}\
th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}\
th{background:#f1f1f1}ul{padding-left:1.4rem}li{margin:.15rem 0}\
em{color:#555}\
@media print{body{margin:0;max-width:none;font-size:11pt}h2,h3{break-after:avoid}\
tr,li{break-inside:avoid}a{color:inherit;text-decoration:none}}";

/// The page's title: the document's title block, as plain text.
fn title(blocks: &[Block]) -> String {
    let t = blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(t.as_str()),
        _ => None,
    });
    escape(t.unwrap_or("Mentoring workbook"))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The document as a self-contained HTML page.
pub fn html(blocks: &[Block]) -> String {
    page(&super::markdown(blocks), &title(blocks))
}

/// A page of `markdown` under `title` (already escaped).
fn page(markdown: &str, title: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut body = String::with_capacity(markdown.len() * 2);
    // The Markdown writer escapes every `<` of the user's; its only HTML is the `<br>` of a
    // table cell. Anything else that reads as HTML is shown as text, never run.
    let events = Parser::new_ext(markdown, options).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) if &*h != "<br>" => Event::Text(h),
        e => e,
    });
    html::push_html(&mut body, events);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_that_reaches_the_renderer_is_shown_as_text() {
        let page = super::page("<script>alert(1)</script>\n\nA <b>b</b> | cell<br>", "t");
        assert!(
            !page.contains("<script>") && !page.contains("<b>"),
            "{page}"
        );
        assert!(
            page.contains("&lt;script&gt;") && page.contains("<br>"),
            "{page}"
        );
    }
}
