//! Stage 4, help for a reader in distress: the help line every page carries, the help box of
//! pages about feelings, and the help page (`/<lang>/help/`) with the services of `help:` in
//! `handbook.yaml`. Input: the resolved [`Help`](crate::config::Help) and the help page of the site model; output:
//! [`HelpView`] (inside every page's [`Chrome`](super::views::Chrome)) and [`HelpPageView`]
//! for `help.html`.
//!
//! Nothing here appears when the site configures no `help:`: the help page, if there is one,
//! is then an ordinary page.

use super::Renderer;
use super::views::{HelpPageView, HelpView, PhoneView, ServiceGroup, ServiceSource, ServiceView};
use crate::config::Service;
use crate::i18n::Arg;
use crate::model::help::{country_message, help_key};
use crate::model::lang::Lang;
use crate::model::site::Page;
use crate::model::url::SitePath;

/// The theme's template for the help page when services are configured.
pub const HELP_TEMPLATE: &str = "help.html";

impl Renderer<'_> {
    /// The help line and box of a page at `from` in `lang`; `None` without `help:` or when the
    /// language has no help page to link (a build error of its own, see `model::help`).
    pub(super) fn help_view(&self, lang: &Lang, from: &SitePath) -> Option<HelpView> {
        let help = self.site.config.help.as_ref()?;
        let page = self.site.page(lang, &help_key())?;
        let featured = &help.services[help.featured];
        let emergency = help
            .services
            .iter()
            .enumerate()
            .find(|(i, s)| s.emergency && s.country == help.country && *i != help.featured)
            .map(|(_, s)| self.service_view(lang, s));
        let l = &self.linker;
        Some(HelpView {
            href: l.href(from, &page.path),
            title: page.front.title.clone(),
            url: l.base.origin.is_some().then(|| l.absolute(&page.path)),
            offer: featured
                .line
                .as_ref()
                .map(|t| t.get(lang).to_string())
                .unwrap_or_else(|| self.t(lang, "help-line-offer")),
            featured: self.service_view(lang, featured),
            emergency,
        })
    }

    /// The help page with its services, or `None` for an ordinary page (another page, or a
    /// site without `help:`).
    pub(super) fn help_page_view(&self, page: &Page) -> Option<HelpPageView> {
        let help = self.site.config.help.as_ref()?;
        if page.key != help_key() {
            return None;
        }
        let lang = &page.lang;
        let mut home: Vec<&Service> = help
            .services
            .iter()
            .filter(|s| s.country == help.country)
            .collect();
        // Emergency numbers first; otherwise the order written (the sort is stable).
        home.sort_by_key(|s| !s.emergency);
        let mut elsewhere: Vec<ServiceGroup> = Vec::new();
        for s in help.services.iter().filter(|s| s.country != help.country) {
            let code = s.country.as_str();
            let view = self.service_view(lang, s);
            match elsewhere
                .iter_mut()
                .find(|g| g.country == code.to_ascii_lowercase())
            {
                Some(g) => g.services.push(view),
                None => elsewhere.push(ServiceGroup {
                    country: code.to_ascii_lowercase(),
                    heading: self.t_args(
                        lang,
                        "help-in-country",
                        &[("country", Arg::Str(&self.t(lang, &country_message(code))))],
                    ),
                    services: vec![view],
                }),
            }
        }
        for g in &mut elsewhere {
            g.services.sort_by_key(|s| !s.emergency);
        }
        Some(HelpPageView {
            page: self.page_view(page),
            services: home
                .into_iter()
                .map(|s| self.service_view(lang, s))
                .collect(),
            elsewhere,
        })
    }

    fn service_view(&self, lang: &Lang, s: &Service) -> ServiceView {
        ServiceView {
            id: s.id.clone(),
            name: s.name.get(lang).to_string(),
            phones: s
                .phones
                .iter()
                .map(|p| PhoneView {
                    shown: p.shown.clone(),
                    href: format!("tel:{}", p.dial()),
                })
                .collect(),
            hours: s.hours.get(lang).to_string(),
            languages: s.languages.as_ref().map(|t| t.get(lang).to_string()),
            what: s.what.get(lang).to_string(),
            url: s.url.clone(),
            emergency: s.emergency,
            sources: s
                .sources
                .iter()
                .map(|src| ServiceSource {
                    name: src.name.clone(),
                    url: src.url.clone(),
                    checked_iso: src.checked.iso(),
                    checked: self.date_text(lang, src.checked),
                })
                .collect(),
        }
    }
}
