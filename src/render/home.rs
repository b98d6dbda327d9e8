//! Stage 4, a language's home page (`/<lang>/`): its `_index.md` intro, a card per section,
//! the latest stories and the tip of the day. Input: the site model; output: its [`HomeView`]
//! for `home.html`.

use super::Renderer;
use super::views::{HomeView, SectionCard, StartCard};
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::site::{Page, reading_order};
use crate::model::url::SitePath;

/// How many stories the home page shows.
const LATEST_STORIES: usize = 3;

impl Renderer<'_> {
    pub(super) fn home_view(&self, lang: &Lang) -> HomeView {
        let path = SitePath::of_page(lang, &PageKey::Home);
        let page = self.site.page(lang, &PageKey::Home);
        let site_title = self.site_title(lang);
        let title = page
            .map(|p| p.front.title.clone())
            .unwrap_or_else(|| site_title.clone());
        let description = page
            .map(|p| p.front.summary.clone())
            .unwrap_or_else(|| self.t(lang, "site-tagline"));
        let sections = Section::ALL
            .iter()
            .map(|&s| SectionCard {
                section: s.slug().to_string(),
                label: self.t(lang, &format!("section-{}", s.slug())),
                blurb: self.t(lang, &format!("section-{}-blurb", s.slug())),
                href: self
                    .linker
                    .href(&path, &SitePath::of_page(lang, &PageKey::SectionIndex(s))),
                count_text: self.count_text(lang, s, self.entries(lang, s).len()),
            })
            .collect();
        // The first thing a reader who arrives in distress sees is the help line at the top
        // (home.html), not the help box: short, so the three ways in fit on a phone's first
        // screen with it.
        let chrome = self.chrome(
            lang,
            &path,
            Some(&Place::Page(PageKey::Home)),
            &title,
            &description,
            "page-home",
        );
        let latest = self.latest_stories(lang);
        HomeView {
            chrome,
            title,
            intro_html: page.map(|p| self.body_html(p, &path)).unwrap_or_default(),
            sections,
            start: self.start_cards(lang, &path, latest.first().copied()),
            latest_stories: latest.into_iter().map(|p| self.entry(&path, p)).collect(),
            tip_of_the_day: self.tip_of_the_day(lang).map(|p| self.entry(&path, p)),
            offline_list_href: self.offline_list_href(lang),
        }
    }

    /// The three ways in, for a reader who arrives on a phone: the first guidance page in
    /// reading order (the handbook puts "Just rejected?" first), the newest story and the
    /// first worksheet. A card whose section is empty is left out.
    fn start_cards(&self, lang: &Lang, from: &SitePath, story: Option<&Page>) -> Vec<StartCard> {
        let first = |s: Section| self.entries(lang, s).into_iter().next();
        [
            ("rejected", first(Section::Guidance)),
            ("story", story),
            ("worksheet", first(Section::Worksheets)),
        ]
        .into_iter()
        .filter_map(|(kind, p)| {
            p.map(|p| StartCard {
                kind: kind.to_string(),
                label: self.t(lang, &format!("start-{kind}")),
                title: p.front.title.clone(),
                href: self.linker.href(from, &p.path),
            })
        })
        .collect()
    }

    /// The newest stories (by date, then reading order).
    fn latest_stories(&self, lang: &Lang) -> Vec<&Page> {
        let mut v = self.entries(lang, Section::Stories);
        v.sort_by(|a, b| {
            b.front
                .date
                .cmp(&a.front.date)
                .then_with(|| reading_order(a, b))
        });
        v.truncate(LATEST_STORIES);
        v
    }

    /// A tip chosen by the build date, the same one in every language where it is translated.
    /// `SOURCE_DATE_EPOCH` pins the date for reproducible builds.
    fn tip_of_the_day(&self, lang: &Lang) -> Option<&Page> {
        let def = &self.site.config.default_language;
        let pool = self.entries(def, Section::Tips);
        let pool = if pool.is_empty() {
            self.entries(lang, Section::Tips)
        } else {
            pool
        };
        if pool.is_empty() {
            return None;
        }
        let pick = pool[(build_day() % pool.len() as u64) as usize];
        self.site
            .translation(pick, lang)
            .or_else(|| self.entries(lang, Section::Tips).first().copied())
    }
}

/// Days since 1970 of the build, or of `SOURCE_DATE_EPOCH` when set.
fn build_day() -> u64 {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    secs / 86_400
}
