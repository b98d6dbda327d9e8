//! Stage 3, help for a reader in distress, in the site model: which page is the help page,
//! which pages carry the help box, and the checks that `help:` in `handbook.yaml` and the
//! content agree. Input: the site model; output: diagnostics.
//!
//! With services configured, every page links its language's help page, so each language
//! needs one (`content/<lang>/help.md`: the services are shown below its title, its text after
//! them); and the services of another country are grouped under that country's name, a
//! Fluent message `country-<code>` every language must define.

use super::lang::PageKey;
use super::site::{Page, Site};
use crate::config::CONFIG_FILE;
use crate::content::discover::CONTENT_DIR;
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::path::PathBuf;

/// The standalone page the help line links: `content/<lang>/help.md`.
pub const HELP_SLUG: &str = "help";

/// Pages with this tag carry the help box: stories, guidance and tips about feelings, and the
/// worksheets that ask how the reader feels (on paper too).
pub const HELP_TAG: &str = "feelings";

/// The help page's key.
pub fn help_key() -> PageKey {
    PageKey::Standalone(HELP_SLUG.into())
}

/// Whether `page` shows the help box: it is tagged `feelings`.
pub fn wants_help_box(page: &Page) -> bool {
    page.front.tags.iter().any(|t| t.slug == HELP_TAG)
}

/// The Fluent message naming a country (`country-PK`).
pub fn country_message(code: &str) -> String {
    format!("country-{code}")
}

/// The problems of a site whose `help:` the content or the interface strings do not support.
pub fn check(site: &Site, diags: &mut Diagnostics) {
    let Some(help) = &site.config.help else {
        return;
    };
    for lang in &site.config.languages {
        if site.page(lang, &help_key()).is_none() {
            let file = PathBuf::from(CONTENT_DIR)
                .join(lang.as_str())
                .join(format!("{HELP_SLUG}.md"));
            diags.push(Diagnostic::error(
                file,
                0,
                format!(
                    "missing: `help:` in {CONFIG_FILE} lists help services, and every page links \
                     the help page of its language; write this page (what to do now, in the \
                     reader's words; the services are shown with it)"
                ),
            ));
        }
        let mut named = Vec::new();
        let abroad = help.services.iter().enumerate();
        for (i, s) in abroad.filter(|(_, s)| s.country != help.country) {
            let id = country_message(s.country.as_str());
            if named.contains(&id) || site.i18n.has(lang, &id) {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    s.country_line,
                    format!(
                        "the help page groups this service under its country, which has no name \
                         in `{lang}`: add `{id} = …` to a Fluent file in `i18n/{lang}/`"
                    ),
                )
                .field(format!("help.services[{i}].country")),
            );
            named.push(id);
        }
    }
}
