//! Stage 4, the Atom feed of each language (`/<lang>/atom.xml`): its stories and guidance,
//! newest first. Input: the site model; output: the feed file.

use super::Renderer;
use crate::html::escape as escape_html;
use crate::i18n::Arg;
use crate::model::lang::{Lang, PageKey, Section};
use crate::model::site::{Page, reading_order};
use crate::model::url::SitePath;
use crate::output::OutputFile;

/// `updated` for feed entries when no page has a date (Atom requires one).
const FEED_EPOCH: &str = "2025-01-01T00:00:00Z";

impl Renderer<'_> {
    /// An Atom feed of stories and guidance, newest first. Atom needs absolute ids; without a
    /// configured origin the ids fall back to `tag:` URIs, which stay stable across hosts.
    pub(super) fn feed(&self, lang: &Lang) -> OutputFile {
        let path = SitePath::feed(lang);
        let mut entries: Vec<&Page> = [Section::Stories, Section::Guidance]
            .iter()
            .flat_map(|&s| self.site.entries(lang, s))
            .collect();
        entries.sort_by(|a, b| {
            b.front
                .date
                .cmp(&a.front.date)
                .then_with(|| reading_order(a, b))
        });
        let stamp = |d: Option<crate::content::frontmatter::Date>| match d {
            Some(d) => format!("{}T00:00:00Z", d.iso()),
            None => FEED_EPOCH.to_string(),
        };
        let updated = entries.iter().filter_map(|p| p.front.date).max();
        let id_of = |sp: &SitePath| match &self.linker.base.origin {
            Some(_) => self.linker.absolute(sp),
            None => format!("tag:handbook,2025:{}", sp.as_str()),
        };
        let title = self.t_args(
            lang,
            "feed-title",
            &[("site", Arg::Str(&self.site_title(lang)))],
        );
        let home = SitePath::of_page(lang, &PageKey::Home);
        let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n"
        ));
        x.push_str(&format!("  <title>{}</title>\n", escape_html(&title)));
        x.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            escape_html(&self.t(lang, "site-tagline"))
        ));
        x.push_str(&format!("  <id>{}</id>\n", escape_html(&id_of(&path))));
        x.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            escape_html(&self.linker.absolute(&path))
        ));
        x.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_html(&self.linker.absolute(&home))
        ));
        x.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
        x.push_str(&format!(
            "  <author><name>{}</name></author>\n",
            escape_html(&self.site_title(lang))
        ));
        for p in entries {
            x.push_str("  <entry>\n");
            x.push_str(&format!(
                "    <title>{}</title>\n",
                escape_html(&p.front.title)
            ));
            x.push_str(&format!("    <id>{}</id>\n", escape_html(&id_of(&p.path))));
            x.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                escape_html(&self.linker.absolute(&p.path))
            ));
            x.push_str(&format!(
                "    <updated>{}</updated>\n",
                stamp(p.front.date.or(updated))
            ));
            x.push_str(&format!(
                "    <summary>{}</summary>\n",
                escape_html(&p.front.summary)
            ));
            if let Some(s) = p.section() {
                x.push_str(&format!(
                    "    <category term=\"{}\" label=\"{}\"/>\n",
                    s.slug(),
                    escape_html(&self.t(lang, &format!("section-{}", s.slug())))
                ));
            }
            x.push_str("  </entry>\n");
        }
        x.push_str("</feed>\n");
        OutputFile::new(path.file(), x.into_bytes())
    }
}
