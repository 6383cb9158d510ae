//! Markdown as GitLab reads it: pulldown-cmark with the GFM extensions
//! GitLab uses (tables, task lists, strikethrough). The brief, the summary
//! and the review packet are checked through this one walker.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What the tests read of a Markdown document.
#[derive(Debug, Default)]
pub struct Gfm {
    /// `##` headings, in order.
    pub sections: Vec<String>,
    /// Tables: rows of cell texts (the header row first).
    pub tables: Vec<Vec<Vec<String>>>,
    /// Task-list markers: checked or not.
    pub tasks: Vec<bool>,
    /// Raw HTML found (there should be none).
    pub html: Vec<String>,
}

/// Parses `md` with GitLab's GFM extensions.
pub fn parse(md: &str) -> Gfm {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut out = Gfm::default();
    let mut text: Option<String> = None;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => text = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                out.sections.push(text.take().unwrap());
            }
            Event::Start(Tag::Table(_)) => out.tables.push(Vec::new()),
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                out.tables.last_mut().unwrap().push(Vec::new())
            }
            Event::Start(Tag::TableCell) => text = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let cell = text.take().unwrap();
                out.tables
                    .last_mut()
                    .unwrap()
                    .last_mut()
                    .unwrap()
                    .push(cell);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = text.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::TaskListMarker(done) => out.tasks.push(done),
            Event::Html(h) | Event::InlineHtml(h) => out.html.push(h.to_string()),
            _ => {}
        }
    }
    out
}
