//! Stage 4, shared by every page kind: the [`Renderer`] (the site model, the theme, the linker
//! and the tag index one render works with), the interface strings it formats, and the one
//! function that writes a typed view through a template into an [`OutputFile`].

use super::Purpose;
use super::print_pack::Layout;
use super::templates::{Theme, tera_error_chain};
use crate::content::frontmatter::Date;
use crate::diagnostics::Diagnostic;
use crate::i18n::{Arg, I18n};
use crate::model::lang::{Lang, Paper, Section};
use crate::model::site::{Page, Site, TagIndex};
use crate::model::url::Linker;
use crate::output::OutputFile;
use serde::Serialize;

/// How links are written for this site: its base URL, and whether the build is portable.
pub fn linker(site: &Site) -> Linker {
    Linker {
        base: site.config.base_url.clone(),
        portable: site.config.portable,
    }
}

/// What one render works with. Each page kind adds its own `…_view` method in its module; the
/// job dispatch in `mod.rs` hands the view to [`Renderer::render`].
pub(super) struct Renderer<'a> {
    pub(super) site: &'a Site,
    pub(super) theme: &'a Theme,
    pub(super) linker: Linker,
    pub(super) i18n: &'a I18n,
    pub(super) tags: Tags<'a>,
    pub(super) purpose: Purpose,
    /// Paper size forced in the copy `build --pdf` prints; `None` for the site itself.
    pub(super) paper: Option<Paper>,
    /// Page counts and room measured by a first print (`build --pdf`), for blank backs,
    /// contents page numbers and "Notes" lines; `None` when nothing was measured.
    pub(super) layout: Option<&'a Layout>,
    /// The first print of `build --pdf`: pages mark where their text ends, for measuring.
    pub(super) probe: bool,
}

/// The renderer's tag index: its own, or one the caller keeps between renders (serve).
pub(super) enum Tags<'a> {
    Own(Box<TagIndex>),
    Kept(&'a TagIndex),
}

impl std::ops::Deref for Tags<'_> {
    type Target = TagIndex;
    fn deref(&self) -> &TagIndex {
        match self {
            Tags::Own(t) => t,
            Tags::Kept(t) => t,
        }
    }
}

impl<'a> Renderer<'a> {
    pub(super) fn new(site: &'a Site, theme: &'a Theme) -> Renderer<'a> {
        Renderer::with_tags(site, theme, Tags::Own(Box::new(TagIndex::new(site))))
    }

    pub(super) fn with_tags(site: &'a Site, theme: &'a Theme, tags: Tags<'a>) -> Renderer<'a> {
        Renderer {
            site,
            theme,
            linker: linker(site),
            i18n: &site.i18n,
            tags,
            purpose: Purpose::Build,
            paper: None,
            layout: None,
            probe: false,
        }
    }

    /// [`Site::entries`], from the tag index when it has the language (a list page of a
    /// large site would otherwise sort its section again for every page that shows it).
    pub(super) fn entries(&self, lang: &Lang, section: Section) -> Vec<&'a Page> {
        match self.tags.entries(lang, section) {
            Some(ids) => ids.iter().map(|&id| &self.site.pages[id]).collect(),
            None => self.site.entries(lang, section),
        }
    }

    pub(super) fn t(&self, lang: &Lang, id: &str) -> String {
        self.i18n.text(lang, id)
    }

    pub(super) fn t_args(&self, lang: &Lang, id: &str, args: &[(&str, Arg)]) -> String {
        self.i18n
            .format(lang, id, args)
            .unwrap_or_else(|_| id.to_string())
    }

    pub(super) fn site_title(&self, lang: &Lang) -> String {
        self.site
            .config
            .titles
            .get(lang)
            .cloned()
            .unwrap_or_else(|| self.t(lang, "site-title"))
    }

    /// `view` through the theme's `template`, as the output file `file`. A failure names the
    /// template file the user can edit.
    pub(super) fn render<V: Serialize>(
        &self,
        template: &str,
        view: &V,
        file: String,
    ) -> Result<OutputFile, Diagnostic> {
        let origin = self
            .theme
            .template_origins
            .get(template)
            .cloned()
            .unwrap_or_else(|| template.into());
        let ctx = tera::Context::from_serialize(view).map_err(|e| {
            Diagnostic::error(
                &origin,
                0,
                format!("cannot pass the page to the template: {e}"),
            )
        })?;
        // Straight into bytes: `render` would check the whole page is UTF-8 once more.
        let mut html = Vec::with_capacity(32 * 1024);
        self.theme
            .tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| {
                Diagnostic::error(
                    &origin,
                    0,
                    format!("rendering `{file}` failed: {}", tera_error_chain(&e)),
                )
            })?;
        if template.ends_with(".xml") {
            // Whatever the template wrote, the file stays well-formed XML.
            html = super::xml::document(html);
        }
        Ok(OutputFile::new(file, html))
    }

    /// A page's date as ISO (`2025-01-15`) and as the reader of `lang` reads it.
    pub(super) fn date(&self, lang: &Lang, page: &Page) -> (Option<String>, Option<String>) {
        match page.front.date {
            Some(d) => (Some(d.iso()), Some(self.date_text(lang, d))),
            None => (None, None),
        }
    }

    /// A date as the reader of `lang` reads it (`15 January 2025`).
    pub(super) fn date_text(&self, lang: &Lang, d: Date) -> String {
        let month = self.t(lang, &format!("month-{}", d.month));
        self.t_args(
            lang,
            "date-long",
            &[
                ("day", Arg::Num(d.day as f64)),
                ("month", Arg::Str(&month)),
                ("year", Arg::Str(&d.year.to_string())),
            ],
        )
    }

    /// "12 tips", in the plural form of `lang`.
    pub(super) fn count_text(&self, lang: &Lang, section: Section, n: usize) -> String {
        self.t_args(
            lang,
            &format!("count-{}", section.slug()),
            &[("count", Arg::Num(n as f64))],
        )
    }
}
