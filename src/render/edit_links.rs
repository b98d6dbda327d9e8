//! Stage 4, edit and report links: a page and the configured repository in, the links under
//! the page out ("Edit this page", "Report a problem", when it last changed).
//!
//! A reader who spots a mistake should reach the file to fix in one tap, in the page's own
//! language, or tell someone who can. Nothing is shown when `repository:` is not configured.

use super::Renderer;
use crate::check::ages::iso_date;
use crate::content::frontmatter::Date;
use crate::model::site::Page;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct EditLinks {
    /// The page's file on GitHub, opened in its editor, on the configured branch.
    pub edit_href: String,
    /// A new issue with the page's file and address filled in.
    pub report_href: String,
    /// When the file last changed, from git; `None` outside git.
    pub updated_iso: Option<String>,
    pub updated_display: Option<String>,
}

impl Renderer<'_> {
    pub(super) fn edit_links(&self, page: &Page) -> Option<EditLinks> {
        let repo = self.site.config.repository.as_ref()?;
        let rel = page.rel.to_string_lossy().replace('\\', "/");
        let file = format!("{}{rel}", repo.prefix);
        let edit_href = format!(
            "{}/edit/{}/{}",
            repo.url,
            encode_path(&repo.branch),
            encode_path(&file)
        );
        let title = format!("Problem on the page {file}");
        let body = format!(
            "Page: {file}\nAddress: {}\n\nWhat is wrong, and what should it say?\n",
            self.linker.absolute(&page.path)
        );
        let report_href = format!(
            "{}/issues/new?title={}&body={}",
            repo.url,
            encode_query(&title),
            encode_query(&body)
        );
        let updated = repo.last_commits.get(&rel).map(|&t| iso_date(t));
        let updated_display = updated
            .as_deref()
            .and_then(Date::parse)
            .map(|d| self.date_text(&page.lang, d));
        Some(EditLinks {
            edit_href,
            report_href,
            updated_iso: updated,
            updated_display,
        })
    }
}

/// Percent-encodes what a URL path may not hold as is; `/` stays.
fn encode_path(s: &str) -> String {
    encode(s, |b| b.is_ascii_alphanumeric() || b"-_.~/".contains(&b))
}

fn encode_query(s: &str) -> String {
    encode(s, |b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
}

fn encode(s: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if keep(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding() {
        assert_eq!(
            encode_path("content/hi/tips/a b.md"),
            "content/hi/tips/a%20b.md"
        );
        assert_eq!(encode_query("a&b=c\nपे"), "a%26b%3Dc%0A%E0%A4%AA%E0%A5%87");
    }
}
