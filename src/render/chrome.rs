//! Stage 4, the frame every HTML page shares: language, navigation, language switcher,
//! `hreflang` alternates, canonical and feed links. Input: where the page sits in the site and
//! what it is; output: the [`Chrome`] view each page view flattens into itself.

use super::Renderer;
use super::views::{Alternate, Chrome, NavLink, SwitchLink};
use crate::i18n::Arg;
use crate::model::lang::{Lang, PageKey, Place, Section};
use crate::model::url::SitePath;

impl Renderer<'_> {
    /// The frame of a page at `from` whose language-independent identity is `place`.
    pub(super) fn chrome(
        &self,
        lang: &Lang,
        from: &SitePath,
        place: Option<&Place>,
        title: &str,
        description: &str,
        body_class: &str,
    ) -> Chrome {
        let site = self.site;
        let l = &self.linker;
        let site_title = self.site_title(lang);
        let key = match place {
            Some(Place::Page(k)) => Some(k),
            _ => None,
        };
        let exists_in =
            |other: &Lang| -> bool { place.is_some_and(|p| site.place_exists(other, p)) };
        let path_in = |other: &Lang| -> SitePath {
            match place {
                Some(p) if exists_in(other) => SitePath::of_place(other, p),
                _ => SitePath::of_page(other, &PageKey::Home),
            }
        };
        let link_abs = |to: &SitePath| {
            if l.portable {
                l.href(from, to)
            } else {
                l.absolute(to)
            }
        };
        let mut alternates = Vec::new();
        if place.is_some() {
            for other in &site.config.languages {
                if exists_in(other) {
                    alternates.push(Alternate {
                        hreflang: other.to_string(),
                        href: link_abs(&path_in(other)),
                    });
                }
            }
            let def = &site.config.default_language;
            if exists_in(def) {
                alternates.push(Alternate {
                    hreflang: "x-default".into(),
                    href: link_abs(&path_in(def)),
                });
            }
        }
        let switcher = site
            .config
            .languages
            .iter()
            .map(|other| {
                let name = self.t(other, "language-name");
                let translated = exists_in(other);
                SwitchLink {
                    lang: other.to_string(),
                    href: l.href(from, &path_in(other)),
                    current: other == lang,
                    translated,
                    note: if translated || other == lang {
                        String::new()
                    } else {
                        self.t_args(
                            lang,
                            "not-translated",
                            &[(
                                "language",
                                Arg::Str(&self.t(lang, &format!("lang-{other}"))),
                            )],
                        )
                    },
                    name,
                }
            })
            .collect();
        let mut nav = vec![NavLink {
            label: self.t(lang, "nav-home"),
            href: l.href(from, &SitePath::of_page(lang, &PageKey::Home)),
            current: key == Some(&PageKey::Home),
        }];
        for s in Section::ALL {
            nav.push(NavLink {
                label: self.t(lang, &format!("section-{}", s.slug())),
                href: l.href(from, &SitePath::of_page(lang, &PageKey::SectionIndex(s))),
                current: key.and_then(|k| k.section()) == Some(s)
                    || (matches!(
                        place,
                        Some(Place::PrintPack | Place::WorkshopPack | Place::Bilingual(_))
                    ) && s == Section::Worksheets),
            });
        }
        let page_title = if title.is_empty() || title == site_title {
            site_title.clone()
        } else {
            format!("{title} — {site_title}")
        };
        Chrome {
            lang: lang.to_string(),
            site_title,
            page_title,
            description: description.to_string(),
            root: self.prefix(from),
            home_href: l.href(from, &SitePath::of_page(lang, &PageKey::Home)),
            about_href: site
                .page(lang, &PageKey::Standalone("about".into()))
                .map(|p| l.href(from, &p.path)),
            canonical: link_abs(from),
            alternates,
            nav,
            switcher,
            body_class: body_class.to_string(),
            feed_href: l.href(from, &SitePath::feed(lang)),
            feed_title: self.t_args(
                lang,
                "feed-title",
                &[("site", Arg::Str(&self.site_title(lang)))],
            ),
            tags_href: l.href(from, &SitePath::of_place(lang, &Place::TagIndex)),
            search_href: l.href(from, &SitePath::of_place(lang, &Place::Search)),
            header_search: place != Some(&Place::Search),
            paper: self.paper.map(|p| p.css().to_string()),
            probe: self.probe,
            help: self.help_view(lang, from),
            help_box: false,
            offline: self.offline_view(lang),
        }
    }

    /// Prefix for theme files: the base path, or `../` per level in a portable build.
    pub(super) fn prefix(&self, from: &SitePath) -> String {
        if self.linker.portable {
            "../".repeat(from.file().matches('/').count())
        } else {
            self.linker.base.path.clone()
        }
    }
}
