//! Stage 4, finding one's way on a long page: its contents (the page's sections, when it has
//! at least three), a link on every section heading, the previous and next page of its
//! section and a link back to the top. A Hindi guidance page is several phone screens tall
//! per section; without these a reader can only scroll. Input: a page of the site model and
//! its rendered body; output: the `toc`, `prev`, `next`, `back_to_top` of its view and the
//! body with heading links.

use super::Renderer;
use super::views::{PagerLink, TocEntry};
use crate::content::markdown::Heading;
use crate::html::escape;
use crate::model::site::Page;

/// A page with this many sections or more gets contents.
pub const TOC_MIN_SECTIONS: usize = 3;
/// A body longer than this (bytes of Markdown) ends with a link back to the top: a few phone
/// screens, less in Hindi, whose letters take three bytes each.
const LONG_BODY: usize = 4_000;

/// The sections (`##` headings) of a page, when there are enough to be worth listing.
pub(super) fn toc(headings: &[Heading]) -> Vec<TocEntry> {
    let sections: Vec<TocEntry> = headings
        .iter()
        .filter(|h| h.level == 2 && !h.id.is_empty())
        .map(|h| TocEntry {
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect();
    if sections.len() >= TOC_MIN_SECTIONS {
        sections
    } else {
        Vec::new()
    }
}

/// Whether a page is long enough to end with a link back to its top.
pub(super) fn is_long(page: &Page, toc: &[TocEntry]) -> bool {
    !toc.is_empty() || page.body.len() > LONG_BODY
}

/// The body with a link to itself at the end of each `##` and `###` heading, so a reader
/// can pass on the address of one section. `label` is the link's text for screen readers
/// ("Link to this section"); the visible mark is `#`.
pub(super) fn with_heading_links(html: &str, headings: &[Heading], label: &str) -> String {
    let mut out = String::with_capacity(html.len() + headings.len() * 120);
    let mut rest = html;
    for h in headings
        .iter()
        .filter(|h| matches!(h.level, 2 | 3) && !h.id.is_empty())
    {
        let id = escape(&h.id);
        let open = format!("<h{} id=\"{id}\">", h.level);
        let close = format!("</h{}>", h.level);
        let Some(start) = rest.find(&open) else {
            continue;
        };
        let Some(end) = rest[start..].find(&close).map(|e| start + e) else {
            continue;
        };
        out.push_str(&rest[..end]);
        out.push_str(&format!(
            " <a class=\"heading-link\" href=\"#{id}\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">{}</span></a>",
            escape(label)
        ));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

impl Renderer<'_> {
    /// The pages before and after `page` in its section, in reading order; none for a page
    /// outside the sections.
    pub(super) fn pager(&self, page: &Page) -> (Option<PagerLink>, Option<PagerLink>) {
        let Some(section) = page.section() else {
            return (None, None);
        };
        let link = |p: &Page| PagerLink {
            title: p.front.title.clone(),
            href: self.linker.href(&page.path, &p.path),
        };
        // From the tag index: a look-up, where sorting the section for each of its pages
        // made a full build quadratic in the size of a section.
        if self.tags.entries(&page.lang, section).is_some() {
            let (prev, next) = self.tags.neighbours(page).unwrap_or_default();
            return (
                prev.map(|id| link(&self.site.pages[id])),
                next.map(|id| link(&self.site.pages[id])),
            );
        }
        let entries = self.site.entries(&page.lang, section);
        let Some(i) = entries.iter().position(|p| p.id == page.id) else {
            return (None, None);
        };
        let prev = i.checked_sub(1).map(|j| link(entries[j]));
        let next = entries.get(i + 1).map(|p| link(p));
        (prev, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, text: &str, id: &str) -> Heading {
        Heading {
            level,
            text: text.into(),
            id: id.into(),
        }
    }

    #[test]
    fn contents_need_three_sections() {
        let two = [h(2, "A", "a"), h(3, "A1", "a1"), h(2, "B", "b")];
        assert!(toc(&two).is_empty());
        let three = [
            h(2, "A", "a"),
            h(2, "B", "b"),
            h(3, "B1", "b1"),
            h(2, "C", "c"),
        ];
        let t = toc(&three);
        assert_eq!(
            t.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn heading_links_go_inside_each_heading() {
        let html =
            "<h2 id=\"a\">A &amp; B</h2>\n<p>x</p>\n<h3 id=\"c\">C</h3>\n<h4 id=\"d\">D</h4>";
        let hs = [h(2, "A & B", "a"), h(3, "C", "c"), h(4, "D", "d")];
        let out = with_heading_links(html, &hs, "Link <here>");
        assert_eq!(
            out,
            "<h2 id=\"a\">A &amp; B <a class=\"heading-link\" href=\"#a\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Link &lt;here&gt;</span></a></h2>\n<p>x</p>\n<h3 id=\"c\">C <a class=\"heading-link\" href=\"#c\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Link &lt;here&gt;</span></a></h3>\n<h4 id=\"d\">D</h4>"
        );
    }

    #[test]
    fn a_heading_not_found_changes_nothing() {
        let html = "<h2 id=\"other\">X</h2>";
        assert_eq!(with_heading_links(html, &[h(2, "Y", "y")], "L"), html);
    }
}
