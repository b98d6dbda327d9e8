//! The same corpus as a Hugo site, so `scripts/bench` can build both in one run and compare.
//!
//! ```sh
//! cargo run --release --example corpus -- --pages-per-lang 5000 --out target/c --hugo target/h
//! ```
//!
//! The Markdown files under `content/en` and `content/hi` are byte-for-byte the ones the
//! handbook corpus gets (same front matter, same bodies, same relative `.md` links). Around
//! them Hugo gets what the handbook gets from its theme and `i18n/`, in Hugo's own terms:
//!
//! - `hugo.toml`: two languages, each with its own content folder, under `/en/` and `/hi/`;
//!   the `tags` taxonomy; Hugo's embedded link render hook, so `../tips/x.md#a` links resolve
//!   to page URLs as the handbook resolves them; no syntax highlighting (the handbook has none).
//! - `_index.md` per section (its label and blurb, which the handbook takes from `main.ftl`)
//!   and per tag (its name and description, the handbook's `tags.ftl`).
//! - Templates, minimal but doing the work the handbook's do: every page with the language
//!   switch, menu, breadcrumbs and tags; section lists of every entry with title and summary plus per-tag counts; the tag
//!   index and one page per tag grouped by section; the home page with the latest stories and
//!   section cards; the worksheets' print pack (every worksheet of the language on one page);
//!   a 404 page; one feed per language of every story and guidance article (RSS here, Atom in
//!   the handbook); Hugo's own multilingual sitemap (with `hreflang` alternates, as the
//!   handbook's). Hugo renders no feeds for sections or tags here, as the handbook renders none.
//!
//! Not rendered by Hugo, so the comparison favours Hugo: related pages (the handbook shows
//! four under every entry; Hugo's `.Related` over tags made the build three times slower at
//! 2,500 pages per language, 34 s against 11 s, and grows with the square of the page count,
//! as the handbook's did before it precomputed the lists), the search page and search index (Pagefind adds them, measured
//! separately by `scripts/bench`), CSS, fonts and scripts (a constant under 1 MB in the
//! handbook's output), worksheet blocks (plain code blocks for Hugo).

use super::{Corpus, Lang, Options, Stats, TAGS, prepare, write, write_pages};
use std::io;
use std::path::Path;

/// Writes the Hugo version of the corpus into `out` (replacing one written there before).
pub fn write_hugo_site(opts: &Options, out: &Path) -> io::Result<Stats> {
    if opts.pages_per_lang < super::MIN_PAGES {
        return Err(io::Error::other(format!(
            "--pages-per-lang must be at least {}",
            super::MIN_PAGES
        )));
    }
    prepare(out)?;
    for (rel, text) in hugo_files() {
        write(out, &rel, &text)?;
    }
    write_pages(&Corpus::new(*opts), out)
}

/// Section slug, [English, Hindi] label, [English, Hindi] blurb (from `i18n/*/main.ftl`).
const SECTIONS: [(&str, [&str; 2], [&str; 2]); 4] = [
    (
        "stories",
        ["Stories", "कहानियाँ"],
        [
            "People who were turned down, and what they did next.",
            "वे लोग जिन्हें ‘ना’ सुनना पड़ा, और उसके बाद उन्होंने क्या किया।",
        ],
    ),
    (
        "guidance",
        ["Guidance", "गाइड"],
        [
            "Longer articles on handling rejection and planning your next steps.",
            "रिजेक्शन को संभालने और आगे की प्लानिंग पर विस्तार से लेख।",
        ],
    ),
    (
        "tips",
        ["Tips", "सुझाव"],
        [
            "Short, practical ideas you can try today.",
            "छोटे, काम के सुझाव जिन्हें आज ही आज़माया जा सकता है।",
        ],
    ),
    (
        "worksheets",
        ["Worksheets", "वर्कशीट"],
        [
            "Printable worksheets to fill in by hand, at home or at a career centre.",
            "प्रिंट करके हाथ से भरने वाली वर्कशीट, घर पर या करियर सेंटर में।",
        ],
    ),
];

fn hugo_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = vec![
        ("hugo.toml".into(), CONFIG.into()),
        (".gitignore".into(), "public/\n".into()),
    ];
    for (name, text) in LAYOUTS {
        files.push((format!("layouts/{name}"), text.to_string()));
    }
    for lang in [Lang::En, Lang::Hi] {
        let (code, l) = (lang.code(), lang as usize);
        files.push((format!("i18n/{code}.toml"), I18N[l].to_string()));
        for (slug, label, blurb) in SECTIONS {
            let outputs = if slug == "worksheets" {
                "outputs: [html, print]\n"
            } else {
                ""
            };
            files.push((
                format!("content/{code}/{slug}/_index.md"),
                format!(
                    "---\ntitle: {}\nsummary: {}\n{outputs}---\n",
                    super::yaml_str(label[l]),
                    super::yaml_str(blurb[l])
                ),
            ));
        }
        files.push((
            format!("content/{code}/tags/_index.md"),
            format!("---\ntitle: {}\n---\n", super::yaml_str(["Tags", "टैग"][l])),
        ));
        for tag in TAGS {
            files.push((
                format!("content/{code}/tags/{}/_index.md", tag.slug),
                format!(
                    "---\ntitle: {}\nsummary: {}\n---\n",
                    super::yaml_str(tag.name[l]),
                    super::yaml_str(tag.about[l])
                ),
            ));
        }
    }
    files
}

const CONFIG: &str = r##"# A generated benchmark corpus for Hugo (examples/corpus/hugo.rs).
baseURL = "/"
title = "Corpus handbook"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["robotsTXT"]

[languages.en]
contentDir = "content/en"
label = "English"
title = "Corpus handbook"
weight = 1

[languages.hi]
contentDir = "content/hi"
label = "हिन्दी"
title = "कॉर्पस हैंडबुक"
weight = 2

[taxonomies]
tag = "tags"

[outputs]
home = ["html", "rss"]
section = ["html"]
taxonomy = ["html"]
term = ["html"]
page = ["html"]

[outputFormats.print]
mediaType = "text/html"
baseName = "print"
isHTML = true
permalinkable = false
notAlternative = true

[markup.goldmark.renderHooks.link]
useEmbedded = "fallback"

[markup.highlight]
codeFences = false
"##;

const I18N: [&str; 2] = [
    "home = \"Home\"\ntags = \"Tags\"\nlatest = \"Latest stories\"\n\
     sections = \"What you will find here\"\nprint = \"Print all worksheets\"\n\
     pages = \"pages\"\nnotFound = \"Page not found\"\n",
    "home = \"होम\"\ntags = \"टैग\"\nlatest = \"नई कहानियाँ\"\n\
     sections = \"यहाँ क्या मिलेगा\"\nprint = \"सारी वर्कशीट प्रिंट करें\"\n\
     pages = \"पन्ने\"\nnotFound = \"पन्ना नहीं मिला\"\n",
];

/// Hugo 0.146+ template names (`layouts/<kind>.html`, `_partials/`).
const LAYOUTS: [(&str, &str); 10] = [
    (
        "baseof.html",
        r##"<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">
{{ end }}{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">
{{ end }}{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}" title="{{ site.Title }}">
{{ end }}<link rel="stylesheet" href="/static/css/site.css">
</head>
<body class="kind-{{ .Kind }}{{ with .Section }} section-{{ . }}{{ end }}">
<a class="skip-link" href="#main">Skip</a>
<header class="site-header">
<a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav class="lang-switch">{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.Label }}</a>{{ end }}</nav>
<nav class="site-nav"><ul>{{ range site.Sections }}{{ if ne .Section "tags" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}<li><a href="{{ "tags/" | relLangURL }}">{{ T "tags" }}</a></li></ul></nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }}</p></footer>
</body>
</html>
"##,
    ),
    (
        "_partials/card.html",
        r##"<li class="entry-card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.summary }}</p></li>
"##,
    ),
    (
        "home.html",
        r##"{{ define "main" }}<div class="home-intro"><h1>{{ site.Title }}</h1><div class="prose">{{ .Content }}</div></div>
{{ with first 1 (where site.RegularPages "Section" "tips") }}<section class="tip-of-the-day">{{ range . }}<p class="tip-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></p><p>{{ .Params.summary }}</p>{{ end }}</section>
{{ end }}<section class="latest-stories"><h2>{{ T "latest" }}</h2><ul class="entry-list">
{{ range first 5 (where site.RegularPages "Section" "stories").ByDate.Reverse }}{{ partial "card.html" . }}{{ end }}</ul></section>
<section class="home-sections"><h2>{{ T "sections" }}</h2><ul class="section-cards">
{{ range site.Sections }}{{ if ne .Section "tags" }}<li class="section-card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.summary }}</p><p class="count">{{ len .RegularPages }} {{ T "pages" }}</p></li>
{{ end }}{{ end }}</ul></section>
{{ end }}
"##,
    ),
    (
        "page.html",
        r##"{{ define "main" }}<nav class="breadcrumbs"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ T "home" }}</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol></nav>
<article class="entry entry-{{ .Section }}" data-pagefind-body>
<header class="entry-header"><h1>{{ .Title }}</h1>{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}{{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}{{ with .Params.source }}<p class="source"><a href="{{ .url }}">{{ .name }}</a></p>{{ end }}</header>
<div class="prose">
{{ .Content }}
</div>
{{ with .GetTerms "tags" }}<footer class="entry-tags"><h2>{{ T "tags" }}</h2><ul class="tags">{{ range . }}<li><a class="tag" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></footer>
{{ end }}</article>
{{ end }}
"##,
    ),
    (
        "section.html",
        r##"{{ define "main" }}<nav class="breadcrumbs"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ T "home" }}</a></li></ol></nav>
<header class="section-header"><h1>{{ .Title }}</h1>{{ with .Params.summary }}<div class="section-intro"><p>{{ . }}</p></div>{{ end }}<p class="count">{{ len .RegularPages }} {{ T "pages" }}</p></header>
{{ $section := .Section }}<nav class="tag-filter"><ul class="tags">
{{ range $slug, $pages := site.Taxonomies.tags }}{{ with where $pages.Pages "Section" $section }}<li><a class="tag" href="{{ $pages.Page.RelPermalink }}" data-tag="{{ $slug }}">{{ $pages.Page.LinkTitle }} <span class="tag-count">{{ len . }}</span></a></li>
{{ end }}{{ end }}</ul></nav>
{{ with .OutputFormats.Get "print" }}<p class="print-pack"><a href="{{ .RelPermalink }}">{{ T "print" }}</a></p>
{{ end }}<ul class="entry-list">
{{ range .RegularPages }}{{ partial "card.html" . }}{{ end }}</ul>
{{ end }}
"##,
    ),
    (
        "section.print.html",
        r##"{{ define "main" }}<section class="pack-cover"><p class="pack-site">{{ site.Title }}</p><h1>{{ .Title }}</h1><p class="summary">{{ .Params.summary }}</p>
<nav class="pack-contents"><ol>
{{ range .RegularPages }}<li><a href="#{{ .File.ContentBaseName }}">{{ .Title }}</a><span class="pack-entry-summary">{{ .Params.summary }}</span></li>
{{ end }}</ol></nav></section>
{{ range $i, $p := .RegularPages }}<article class="entry worksheet pack-sheet" id="{{ .File.ContentBaseName }}"><header><h2>{{ .Title }}</h2><p class="summary">{{ .Params.summary }}</p></header>
<div class="prose">
{{ .Content }}
</div></article>
{{ end }}{{ end }}
"##,
    ),
    (
        "taxonomy.html",
        r##"{{ define "main" }}<nav class="breadcrumbs"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ T "home" }}</a></li></ol></nav>
<header class="section-header"><h1>{{ .Title }}</h1></header>
<ul class="tag-index">
{{ range .Data.Terms.Alphabetical }}<li><a class="tag" href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="tag-count">{{ .Count }}</span><p>{{ .Page.Params.summary }}</p></li>
{{ end }}</ul>
{{ end }}
"##,
    ),
    (
        "term.html",
        r##"{{ define "main" }}<nav class="breadcrumbs"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ T "home" }}</a></li><li><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></li></ol></nav>
<header class="section-header"><h1>{{ .Title }}</h1>{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}<p class="count">{{ len .Pages }} {{ T "pages" }}</p></header>
{{ range .Pages.GroupBy "Section" }}<section class="tag-group"><h2>{{ with site.GetPage .Key }}{{ .Title }}{{ end }}</h2><ul class="entry-list">
{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul></section>
{{ end }}{{ end }}
"##,
    ),
    (
        "404.html",
        r##"{{ define "main" }}<h1>{{ T "notFound" }}</h1><p><a href="{{ site.Home.RelPermalink }}">{{ T "home" }}</a></p>{{ end }}
"##,
    ),
    (
        "home.rss.xml",
        r##"{{ printf "<?xml version=\"1.0\" encoding=\"utf-8\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{{ site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>{{ site.Title }}</description>
<language>{{ site.Language.Lang }}</language>
{{ with .OutputFormats.Get "rss" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>
{{ end }}{{ range (where site.RegularPages "Section" "in" (slice "stories" "guidance")).ByDate.Reverse }}<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid>{{ .Permalink }}</guid>
{{ if not .Date.IsZero }}<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
{{ end }}<description>{{ .Params.summary }}</description>
<category>{{ .Section }}</category>
</item>
{{ end }}</channel>
</rss>
"##,
    ),
];
