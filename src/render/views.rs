//! Stage 4, typed views: what each page kind's module prepares from the model and each
//! template receives.
//!
//! Typed views: the contract between the renderer and the templates. A new template variable
//! is a new field here, never a string key built by hand.

use serde::Serialize;

/// What every page's frame needs: language, navigation, switcher, alternates.
#[derive(Debug, Clone, Serialize)]
pub struct Chrome {
    pub lang: String,
    pub site_title: String,
    /// `<title>` text.
    pub page_title: String,
    /// `<meta name=description>`; the page summary.
    pub description: String,
    /// Prefix for theme files (`{{ root }}static/css/site.css`); relative in portable builds.
    pub root: String,
    pub home_href: String,
    /// The standalone `about` page in this language, linked from the footer when it exists.
    pub about_href: Option<String>,
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    pub nav: Vec<NavLink>,
    pub switcher: Vec<SwitchLink>,
    /// Extra class on `<body>`: the kind of page (`page-home`, `page-worksheet`, …).
    pub body_class: String,
    /// This language's Atom feed, linked from every page's head.
    pub feed_href: String,
    pub feed_title: String,
    pub tags_href: String,
    /// The search page of this language; the header's search box submits there.
    pub search_href: String,
    /// False on the search page itself, which has its own box.
    pub header_search: bool,
    /// CSS paper size (`A4`) forced with `@page { size }`: set only in the copy of the site
    /// that `build --pdf` prints, so a reader's own print dialog keeps its paper choice.
    pub paper: Option<String>,
    /// The help line in the footer; `None` when the site configures no help services.
    pub help: Option<HelpView>,
    /// Whether the page shows the help box (pages about feelings, the home page, 404).
    pub help_box: bool,
    /// Only in the first print of `build --pdf`: the page carries a marker where its text
    /// ends (`#print-end`, linked so Chromium records its position in the PDF).
    pub probe: bool,
    /// The web app manifest and the service worker; `None` when the build is not offline
    /// (portable builds, `serve`).
    pub offline: Option<OfflineView>,
}

/// What a page needs to be installable and readable offline (see `offline.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct OfflineView {
    /// This language's web app manifest.
    pub manifest_href: String,
    /// The service worker, at the base path so its scope is the whole site.
    pub worker_href: String,
    /// The build's version (`offline/version.json`), fetched to notice a newer build.
    pub version_href: String,
    /// The base path: the worker's scope.
    pub scope: String,
    /// The theme colour of the address bar.
    pub theme_color: String,
}

/// What a printable page (a worksheet, a bilingual sheet, a print pack) shows around its
/// content and prints in its margins.
#[derive(Debug, Clone, Serialize)]
pub struct PrintView {
    /// The page's public address (`print_url` or `base_url`), printed in the footer and in
    /// the QR code; `None` when the site has no configured host (a bare path leads nowhere
    /// from paper).
    pub url: Option<String>,
    /// The QR code of `url`, an inline `<svg>`, printed on the first page.
    pub qr_svg: Option<String>,
    /// The printed footer, one line each: the address, then the licence and the version
    /// (CSS `content` of the page's bottom-left margin box).
    pub footer: String,
    /// The PDFs made by `build --pdf`, one per paper; empty in a build without it, so nothing
    /// links a missing file.
    pub pdfs: Vec<PdfLink>,
    /// The script that reveals and wires the Print button.
    pub script_href: String,
    /// The fill-in script (worksheets and bilingual sheets; not packs).
    pub fill_script_href: Option<String>,
    /// Where a reader's answers are kept on the device (`localStorage` key).
    pub answers_key: String,
    /// The language's print pack (on worksheet pages), or `None` on a pack.
    pub pack_href: Option<String>,
    /// The worksheet's bilingual sheet and the other language's name, on a worksheet page.
    pub bilingual: Option<BilingualLink>,
    /// "Notes" lines that fill the room left on the last printed page, as measured by the
    /// first print of `build --pdf`; empty when not measured.
    pub notes_html: String,
}

/// A download of a printable page on one paper.
#[derive(Debug, Clone, Serialize)]
pub struct PdfLink {
    /// `A4`, `Letter`.
    pub label: String,
    pub href: String,
}

/// The bilingual version of a worksheet.
#[derive(Debug, Clone, Serialize)]
pub struct BilingualLink {
    pub href: String,
    /// The other language's name in the page's language ("Hindi").
    pub language: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// One entry of the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct SwitchLink {
    pub lang: String,
    /// The language's own name for itself (`हिंदी`, `English`).
    pub name: String,
    pub href: String,
    pub current: bool,
    /// False when the page has no translation in this language and the link goes to its home.
    pub translated: bool,
    /// "Not yet translated" note in the current page's language, when `translated` is false.
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagView {
    pub slug: String,
    pub name: String,
    /// The tag's page in the same language.
    pub href: String,
}

/// A tag with the number of pages carrying it (tag index, filter chips).
#[derive(Debug, Clone, Serialize)]
pub struct TagChip {
    pub tag: TagView,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub label: String,
    pub href: String,
}

/// A content page (story, guidance, tip, worksheet, or a standalone page).
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub section: Option<String>,
    pub breadcrumbs: Vec<Crumb>,
    pub date_iso: Option<String>,
    pub date_display: Option<String>,
    pub tags: Vec<TagView>,
    /// Pages to read next: most shared tags first, then the same section.
    pub related: Vec<EntryView>,
    pub source: Option<SourceView>,
    pub illustrative: bool,
    pub is_worksheet: bool,
    /// Set on worksheets: Print button, PDF link, printed header and footer.
    pub print: Option<PrintView>,
    /// On a bilingual sheet: the second language's title and code, shown under the first.
    pub second_title: Option<SecondTitle>,
    /// On the facilitator's guide: its workshop pack.
    pub workshop_pack_href: Option<String>,
    /// "Edit this page" and "Report a problem", when `repository:` is configured.
    pub edit: Option<super::edit_links::EditLinks>,
    /// On this page: its sections, when it has at least three (see `contents.rs`).
    pub toc: Vec<TocEntry>,
    /// The pages before and after this one in its section, in reading order.
    pub prev: Option<PagerLink>,
    pub next: Option<PagerLink>,
    /// A long page ends with a link back to its top.
    pub back_to_top: bool,
}

/// One section of a page, in its contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
}

/// The previous or next page of a section.
#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    pub title: String,
    pub href: String,
}

/// The title of a bilingual sheet in its second language.
#[derive(Debug, Clone, Serialize)]
pub struct SecondTitle {
    pub lang: String,
    pub title: String,
}

/// One line of a list of pages.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub title: String,
    pub summary: String,
    pub href: String,
    pub date_iso: Option<String>,
    pub date_display: Option<String>,
    /// The entry's section in the reader's language (for mixed lists such as tag pages).
    pub section_label: Option<String>,
    pub tags: Vec<TagView>,
}

/// A section's list page.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub section: String,
    pub title: String,
    pub intro_html: String,
    pub count_text: String,
    /// Tags to narrow the list by (tips only): links to tag pages, or a filter with JavaScript.
    pub filter: Vec<TagChip>,
    pub filter_script: String,
    /// This list itself, unfiltered (the filter's "all" link).
    pub list_href: String,
    pub entries: Vec<EntryView>,
    /// The worksheets list links the language's print pack.
    pub print_pack_href: Option<String>,
}

/// A print pack (`/<lang>/worksheets/print/`, a tag's, the workshop's): a cover with the
/// contents, then the worksheets, each starting on a right-hand page, to print as one
/// document.
#[derive(Debug, Clone, Serialize)]
pub struct PrintPackView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub title: String,
    pub intro: String,
    pub count_text: String,
    pub print: PrintView,
    /// What the pack is made from (the worksheets list, the tag, the guide) and its name.
    pub source_href: String,
    pub source_label: String,
    pub sheets: Vec<PackSheet>,
    /// Page counts come from a first print (`build --pdf`): each worksheet's blank back is
    /// placed where it is needed. Without them every worksheet is given two pages.
    pub measured: bool,
    /// Only in the copy `build --pdf` prints: the one-sided control is left out.
    pub for_pdf: bool,
}

/// One worksheet inside a print pack. Its heading ids are prefixed with its slug, so ids stay
/// unique in the pack.
#[derive(Debug, Clone, Serialize)]
pub struct PackSheet {
    /// 1-based position in the pack, shown in the contents and used for the sheet's named
    /// CSS page (`sheet-3`), which carries its own printed header.
    pub number: usize,
    /// Anchor of the sheet in the pack (`ws-<slug>`).
    pub id: String,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    /// The worksheet's own page.
    pub href: String,
    /// Public address of the worksheet's own page, for its printed footer.
    pub url: Option<String>,
    /// The sheet asks how the reader feels: it carries the help box, on paper too.
    pub help_box: bool,
    pub qr_svg: Option<String>,
    /// The sheet's printed footer (see [`PrintView::footer`]).
    pub footer: String,
    /// The page the sheet starts on printed on both sides, and on one side (`None` when the
    /// page counts were not measured).
    pub page_duplex: usize,
    pub page_simplex: Option<usize>,
    /// A marked blank page follows the sheet when printed on both sides: it ends on a
    /// front (measured), so the next sheet starts on a front again.
    pub blank_after: bool,
    pub notes_html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagIndexEntry {
    #[serde(flatten)]
    pub chip: TagChip,
    pub count_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagIndexView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub title: String,
    pub tags: Vec<TagIndexEntry>,
}

/// Pages of one section carrying a tag.
#[derive(Debug, Clone, Serialize)]
pub struct TagGroup {
    pub section: String,
    pub label: String,
    pub entries: Vec<EntryView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TagPageView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub title: String,
    pub slug: String,
    pub description: String,
    pub count_text: String,
    pub groups: Vec<TagGroup>,
    pub all_tags_href: String,
    /// The tag's print pack, when worksheets carry the tag.
    pub pack_href: Option<String>,
}

/// An entry point to a section from the home page.
#[derive(Debug, Clone, Serialize)]
pub struct SectionCard {
    pub section: String,
    pub label: String,
    pub blurb: String,
    pub href: String,
    pub count_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub title: String,
    pub intro_html: String,
    pub sections: Vec<SectionCard>,
    pub latest_stories: Vec<EntryView>,
    pub tip_of_the_day: Option<EntryView>,
    /// The three ways in at the top: just rejected, a story, a worksheet.
    pub start: Vec<StartCard>,
    /// The list of this language's files, for "Save for offline" (offline builds only).
    pub offline_list_href: Option<String>,
}

/// A big "start here" card of the home page: all of it is one link.
#[derive(Debug, Clone, Serialize)]
pub struct StartCard {
    /// `rejected`, `story`, `worksheet`: for styling and tests.
    pub kind: String,
    /// The question or invitation ("Just rejected?").
    pub label: String,
    /// The page it leads to.
    pub title: String,
    pub href: String,
}

/// The site root: a choice of language that needs no JavaScript.
#[derive(Debug, Clone, Serialize)]
pub struct RootView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub languages: Vec<RootLanguage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RootLanguage {
    pub lang: String,
    pub name: String,
    pub site_title: String,
    pub href: String,
    pub tagline: String,
    /// "Choose your language", in this language.
    pub choose: String,
    /// The help line in this language, for the root page's footer.
    pub help: Option<HelpView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NotFoundView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub homes: Vec<RootLanguage>,
    /// The message in every language, the default first; a script puts the language of the
    /// missing address first.
    pub messages: Vec<NotFoundMessage>,
    /// The base path, to read the language from the missing address.
    pub base_path: String,
}

/// The 404 message in one language.
#[derive(Debug, Clone, Serialize)]
pub struct NotFoundMessage {
    pub lang: String,
    pub title: String,
    pub text: String,
    pub home_href: String,
    pub home_label: String,
}

/// The search page. The index lives in `search-index/<lang>/`; `search.js` reads these
/// attributes from the results container.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    #[serde(flatten)]
    pub chrome: Chrome,
    pub title: String,
    pub index_href: String,
    pub root_href: String,
    /// Languages to search, the reader's first (space-separated).
    pub langs: String,
    /// `search.js`, which the page loads when the reader first uses the search box.
    pub script_href: String,
    /// The result count for `search.js`, one text per CLDR plural category of the language
    /// (`%n` stands for the number), plus `none` for zero; see `count_messages`.
    pub count_messages: Vec<CountMessage>,
    /// "20 of 57 results" when the list shows fewer than were found: like `count_messages`,
    /// by the number shown (`%n`), with `%m` for the total.
    pub count_of_messages: Vec<CountMessage>,
    /// Every tag of the site, for narrowing the results (links to the tag pages without JS).
    pub tags: Vec<TagView>,
}

/// One plural form of a count message, as a `data-msg-<category>` attribute.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CountMessage {
    /// `none` (exactly zero) or a CLDR category: `zero`, `one`, `two`, `few`, `many`, `other`.
    pub category: String,
    pub text: String,
}

/// `/<lang>/atom.xml`, for `atom.xml`: a language's stories and guidance, newest first. Every
/// text has been through the render stage's `xml::text`, so none holds a character XML 1.0
/// forbids; the template's autoescape (on for `.xml`) escapes the rest.
#[derive(Debug, Clone, Serialize)]
pub struct FeedView {
    /// `xml:lang`, and the language `t()` formats in.
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    /// The feed's Atom id: its public address, or a `tag:` URI when the site has no origin.
    pub id: String,
    /// The feed's own address (`rel="self"`).
    pub self_href: String,
    /// The language's home page (`rel="alternate"`).
    pub home_href: String,
    /// RFC 3339 date of the newest entry (a fixed date when no entry has one).
    pub updated: String,
    pub author: String,
    pub entries: Vec<FeedEntry>,
}

/// One page of a feed.
#[derive(Debug, Clone, Serialize)]
pub struct FeedEntry {
    pub title: String,
    /// The entry's Atom id, made like the feed's.
    pub id: String,
    /// The page's public address.
    pub href: String,
    /// RFC 3339: the page's date, else the feed's.
    pub updated: String,
    pub summary: String,
    pub category: Option<FeedCategory>,
}

/// The section of a feed entry: its slug as the `term`, its name as the `label`.
#[derive(Debug, Clone, Serialize)]
pub struct FeedCategory {
    pub term: String,
    pub label: String,
}

/// `sitemap.xml`, for `sitemap.xml`: every place of the site (a page, a list, a tag page) with
/// its address in each language. Texts as in [`FeedView`].
#[derive(Debug, Clone, Serialize)]
pub struct SitemapView {
    pub places: Vec<SitemapPlace>,
}

/// One place in every language it exists in: one `<url>` per language, each listing all of
/// them as `hreflang` alternates.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapPlace {
    pub urls: Vec<SitemapUrl>,
    pub alternates: Vec<Alternate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SitemapUrl {
    /// The public address.
    pub loc: String,
    /// The page's date (`2025-01-15`), when it has one.
    pub lastmod: Option<String>,
}

/// The help line of every page and the help box of pages about feelings (`help:` in
/// `handbook.yaml`): the featured service, the country's emergency number and the help page.
#[derive(Debug, Clone, Serialize)]
pub struct HelpView {
    /// The help page of this language.
    pub href: String,
    /// Its title ("Help now"): the link's text.
    pub title: String,
    /// Its public address, printed in the help box of a worksheet; `None` without an origin.
    pub url: Option<String>,
    /// The words before the featured service's name ("Free help, day and night").
    pub offer: String,
    pub featured: ServiceView,
    /// The first emergency number of the site's country, unless it is the featured service.
    pub emergency: Option<ServiceView>,
}

/// A crisis or support service, in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceView {
    /// The service's id in `handbook.yaml` (`tele-manas`), for styling and tests.
    pub id: String,
    pub name: String,
    pub phones: Vec<PhoneView>,
    pub hours: String,
    pub languages: Option<String>,
    pub what: String,
    /// The official website.
    pub url: Option<String>,
    pub emergency: bool,
    pub sources: Vec<ServiceSource>,
}

/// A phone number as written, and the `tel:` link that dials it (digits only).
#[derive(Debug, Clone, Serialize)]
pub struct PhoneView {
    pub shown: String,
    pub href: String,
}

/// Where a service's facts come from, and when they were checked.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceSource {
    pub name: String,
    pub url: String,
    pub checked_iso: String,
    /// The date as the reader of the page reads it.
    pub checked: String,
}

/// Services of another country, under their own heading on the help page.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceGroup {
    /// The country code, lower case (`pk`), for an id.
    pub country: String,
    /// "If you are in Pakistan".
    pub heading: String,
    pub services: Vec<ServiceView>,
}

/// The help page (`/<lang>/help/`, `help.html`): the page's own text and the services.
#[derive(Debug, Clone, Serialize)]
pub struct HelpPageView {
    #[serde(flatten)]
    pub page: PageView,
    /// The services of the site's country, emergency numbers first.
    pub services: Vec<ServiceView>,
    /// Services of other countries, one group per country, in the order configured.
    pub elsewhere: Vec<ServiceGroup>,
}
