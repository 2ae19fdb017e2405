//! Reading Markdown the way a CommonMark reader does, for tests of what the exports write.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text of each top-level list item of `md` (nested items inside their parent's), a
/// line break as a newline.
pub fn list_items(md: &str, options: Options) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0;
    let mut item = String::new();
    for e in Parser::new_ext(md, options) {
        match e {
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 1 {
                    item.clear();
                }
            }
            Event::End(TagEnd::Item) => {
                depth -= 1;
                if depth == 0 {
                    items.push(item.clone());
                }
            }
            Event::Text(t) if depth > 0 => item.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => item.push('\n'),
            _ => {}
        }
    }
    items
}
