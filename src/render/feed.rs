//! Stage 4, the Atom feed of each language (`/<lang>/atom.xml`): its stories and guidance,
//! newest first. Input: the site model; output: a [`FeedView`] for the theme's `atom.xml`,
//! which a site's theme may replace like any template.

use super::Renderer;
use super::views::{FeedCategory, FeedEntry, FeedView};
use super::xml::text;
use crate::content::frontmatter::Date;
use crate::i18n::Arg;
use crate::model::lang::{Lang, PageKey, Section};
use crate::model::site::{Page, reading_order};
use crate::model::url::SitePath;

/// `updated` for feed entries when no page has a date (Atom requires one).
const FEED_EPOCH: &str = "2025-01-01T00:00:00Z";

impl Renderer<'_> {
    /// Atom needs absolute ids; without a configured origin the ids fall back to `tag:` URIs,
    /// which stay stable across hosts.
    pub(super) fn feed_view(&self, lang: &Lang) -> FeedView {
        let path = SitePath::feed(lang);
        let mut entries: Vec<&Page> = [Section::Stories, Section::Guidance]
            .iter()
            .flat_map(|&s| self.entries(lang, s))
            .collect();
        entries.sort_by(|a, b| {
            b.front
                .date
                .cmp(&a.front.date)
                .then_with(|| reading_order(a, b))
        });
        let stamp = |d: Option<Date>| match d {
            Some(d) => format!("{}T00:00:00Z", d.iso()),
            None => FEED_EPOCH.to_string(),
        };
        let updated = entries.iter().filter_map(|p| p.front.date).max();
        let id_of = |sp: &SitePath| match &self.linker.base.origin {
            Some(_) => self.linker.absolute(sp),
            None => format!("tag:handbook,2025:{}", sp.as_str()),
        };
        let xml = |s: &str| text(s).into_owned();
        let site_title = self.site_title(lang);
        let title = self.t_args(lang, "feed-title", &[("site", Arg::Str(&site_title))]);
        let home = SitePath::of_page(lang, &PageKey::Home);
        FeedView {
            lang: lang.to_string(),
            title: xml(&title),
            subtitle: xml(&self.t(lang, "site-tagline")),
            id: xml(&id_of(&path)),
            self_href: xml(&self.linker.absolute(&path)),
            home_href: xml(&self.linker.absolute(&home)),
            updated: stamp(updated),
            author: xml(&site_title),
            entries: entries
                .into_iter()
                .map(|p| FeedEntry {
                    title: xml(&p.front.title),
                    id: xml(&id_of(&p.path)),
                    href: xml(&self.linker.absolute(&p.path)),
                    updated: stamp(p.front.date.or(updated)),
                    summary: xml(&p.front.summary),
                    category: p.section().map(|s| FeedCategory {
                        term: s.slug().to_string(),
                        label: xml(&self.t(lang, &format!("section-{}", s.slug()))),
                    }),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::lang::Lang;
    use crate::model::site::TagIndex;
    use crate::render::{Job, render_job_results, templates::Theme};

    /// Front matter may be checked for control characters when it is parsed, but the feed
    /// must not depend on it: a title or summary with markup, quotes and control characters
    /// still makes a well-formed feed and sitemap, with the text intact but for the controls.
    #[test]
    fn feed_stays_well_formed_with_markup_quotes_and_control_characters() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tags");
        let (mut site, _) = crate::pipeline::load(&root, &Default::default()).expect("loads");
        let en = Lang::parse("en").expect("a language");
        let story = site
            .pages
            .iter_mut()
            .find(|p| p.lang == en && p.front.title == "A newer story")
            .expect("the fixture has the story");
        story.front.title = "Tom & \"Jerry\" <b>'s</b>\u{0}\u{1B}[31m\u{7F} end\u{FFFF}".into();
        story.front.summary = "a\u{8}b < c && d > e\u{C}f\tg".into();
        let theme = Theme::load(&site.config.root, &site.config.theme, site.i18n.clone())
            .expect("the default theme loads");
        let tags = TagIndex::new(&site);
        let jobs = [Job::Feed(en), Job::Sitemap];
        for result in render_job_results(&site, &theme, &tags, &jobs) {
            let file = result.expect("renders");
            let text = String::from_utf8(file.bytes).expect("UTF-8");
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{} is not well-formed: {e}\n{text}", file.path);
            }
            if file.path == "en/atom.xml" {
                let feed = atom_syndication::Feed::read_from(text.as_bytes()).expect("Atom");
                let entry = &feed.entries()[0];
                assert_eq!(entry.title().as_str(), "Tom & \"Jerry\" <b>'s</b>[31m end");
                assert_eq!(
                    entry.summary().map(|s| s.as_str()),
                    Some("ab < c && d > ef\tg")
                );
            }
        }
    }
}
