//! Crawls whole builds: every URL the output names must resolve to a file of that build, and
//! every `#fragment` to an `id` in the page it points at. Checked for the three ways the site is
//! published, over the real handbook and over the `basic` fixture:
//!
//! * the default build (base URL `/`): links rooted at `/`;
//! * a subpath build (`--base-url https://example.github.io/handbook/`, a GitHub Pages project
//!   site): links rooted at `/handbook/`, and none may leave it;
//! * a portable build (`--portable`): relative links ending in `index.html`, resolved from the
//!   file's own folder as `file://` does.
//!
//! "Every URL" means `href`, `src`, `srcset`, `action` and `poster` in HTML (hreflang
//! alternates, the canonical link, feeds, icons and stylesheets included), the folders named by
//! `data-*-index`/`data-*-root` attributes, `href` and `<loc>` in the sitemap and feeds, and
//! `url()` in the CSS. A theme with a dead link must fail here (`broken-theme` fixture).

use crate::html_tags::{percent_decode, start_tags};
use crate::support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

const PAGES_ORIGIN: &str = "https://example.github.io";

#[derive(Debug, Clone, Copy)]
enum Layout {
    /// Links rooted at `base` (`/` or `/handbook/`); absolute URLs on `origin` are local too.
    Served {
        origin: Option<&'static str>,
        base: &'static str,
    },
    /// Relative links that work from `file://`.
    Portable,
}

#[derive(Debug, Default)]
struct Report {
    /// Local URLs followed (files and anchors).
    checked: usize,
    /// `#fragment`s looked up in their target page.
    anchors: usize,
    problems: Vec<String>,
}

/// A URL found in a file of the output, and how it must resolve.
struct Found {
    url: String,
    /// A folder prefix for scripts (`data-search-index`): must be an existing folder.
    folder: bool,
}

fn urls_in_html(html: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for tag in start_tags(html) {
        for (name, value) in &tag.attrs {
            match name.as_str() {
                "href" | "src" | "action" | "poster" | "cite" | "formaction" => out.push(Found {
                    url: value.clone(),
                    folder: false,
                }),
                "srcset" => out.extend(value.split(',').filter_map(|c| {
                    c.split_whitespace().next().map(|u| Found {
                        url: u.to_string(),
                        folder: false,
                    })
                })),
                n if n.starts_with("data-") && (n.ends_with("-index") || n.ends_with("-root")) => {
                    out.push(Found {
                        url: value.clone(),
                        folder: true,
                    })
                }
                _ => {}
            }
        }
    }
    out
}

fn urls_in_xml(xml: &str) -> Vec<Found> {
    let mut out: Vec<Found> = start_tags(xml)
        .into_iter()
        .filter_map(|t| t.attr("href").map(str::to_string))
        .map(|url| Found { url, folder: false })
        .collect();
    for chunk in xml.split("<loc>").skip(1) {
        if let Some(url) = chunk.split("</loc>").next() {
            out.push(Found {
                url: url.trim().to_string(),
                folder: false,
            });
        }
    }
    out
}

fn urls_in_css(css: &str) -> Vec<Found> {
    css.split("url(")
        .skip(1)
        .filter_map(|r| r.split(')').next())
        .map(|u| Found {
            url: u.trim().trim_matches(['"', '\'']).to_string(),
            folder: false,
        })
        .collect()
}

/// `a/b/../c` → `a/c`; `None` when the path climbs above the root.
fn normalize(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    Some(out)
}

struct Crawler<'a> {
    out: &'a Path,
    layout: Layout,
    ids: BTreeMap<PathBuf, BTreeSet<String>>,
    report: Report,
}

impl Crawler<'_> {
    fn ids_of(&mut self, file: &Path) -> &BTreeSet<String> {
        let out = self.out;
        self.ids.entry(file.to_path_buf()).or_insert_with(|| {
            let html = std::fs::read_to_string(out.join(file)).unwrap_or_default();
            start_tags(&html)
                .into_iter()
                .flat_map(|t| {
                    let id = t.attr("id").map(str::to_string);
                    let name = (t.name == "a").then(|| t.attr("name").map(str::to_string));
                    id.into_iter().chain(name.flatten())
                })
                .collect()
        })
    }

    fn problem(&mut self, file: &Path, url: &str, why: impl std::fmt::Display) {
        self.report
            .problems
            .push(format!("{}: `{url}` {why}", file.display()));
    }

    /// Checks one URL written in `file` (relative to the output root).
    fn check(&mut self, file: &Path, found: &Found) {
        let url = found.url.trim();
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("javascript:") || lower.starts_with("data:") {
            return self.problem(file, url, "is a script or data URL");
        }
        if lower.starts_with("mailto:") || lower.starts_with("tel:") {
            return;
        }
        let (before_frag, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(percent_decode(f))),
            None => (url, None),
        };
        let path_part = before_frag.split('?').next().unwrap_or("");
        let dir = file.parent().unwrap_or(Path::new(""));
        // The file (relative to the output root) the URL names, or None for an external URL.
        let target: Option<PathBuf> = match self.layout {
            Layout::Served { origin, base } => {
                let local = match origin.and_then(|o| path_part.strip_prefix(o)) {
                    Some(rest) => rest,
                    None if lower.starts_with("http://")
                        || lower.starts_with("https://")
                        || lower.starts_with("//") =>
                    {
                        return;
                    }
                    None => path_part,
                };
                if local.is_empty() {
                    Some(file.to_path_buf())
                } else if let Some(abs) = local.strip_prefix('/') {
                    match format!("/{abs}").strip_prefix(base) {
                        Some(inside) => normalize(Path::new(&percent_decode(inside))),
                        None => {
                            return self.problem(
                                file,
                                url,
                                format!("leaves the base path `{base}`"),
                            );
                        }
                    }
                } else {
                    normalize(&dir.join(percent_decode(local)))
                }
            }
            Layout::Portable => {
                if lower.starts_with("http://") || lower.starts_with("https://") {
                    return;
                }
                if path_part.starts_with('/') || lower.contains("://") {
                    return self.problem(file, url, "is not relative, so it breaks from file://");
                }
                if path_part.is_empty() {
                    Some(file.to_path_buf())
                } else {
                    if path_part.ends_with('/') && !found.folder {
                        return self.problem(
                            file,
                            url,
                            "ends in `/`; from file:// it must name index.html",
                        );
                    }
                    normalize(&dir.join(percent_decode(path_part)))
                }
            }
        };
        let Some(mut target) = target else {
            return self.problem(file, url, "climbs above the site root");
        };
        let full = self.out.join(&target);
        if found.folder {
            if !full.is_dir() {
                self.problem(file, url, "names a folder that does not exist");
            }
            self.report.checked += 1;
            return;
        }
        if full.is_dir() {
            if matches!(self.layout, Layout::Portable) {
                return self.problem(
                    file,
                    url,
                    "is a folder; from file:// it must name index.html",
                );
            }
            target.push("index.html");
        }
        if !self.out.join(&target).is_file() {
            return self.problem(
                file,
                url,
                format!("does not resolve (no `{}`)", target.display()),
            );
        }
        self.report.checked += 1;
        if let Some(frag) = fragment.filter(|f| !f.is_empty())
            && target.extension().is_some_and(|e| e == "html")
        {
            self.report.anchors += 1;
            if !self.ids_of(&target).contains(&frag) {
                self.problem(
                    file,
                    url,
                    format!(
                        "points at `#{frag}`, which `{}` does not have",
                        target.display()
                    ),
                );
            }
        }
    }
}

/// Follows every URL in every HTML, XML and CSS file of `out`.
fn crawl(out: &Path, layout: Layout) -> Report {
    let mut crawler = Crawler {
        out,
        layout,
        ids: BTreeMap::new(),
        report: Report::default(),
    };
    for (file, bytes) in tree(out) {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if matches!(layout, Layout::Portable) && (file == Path::new("404.html") || ext == "xml") {
            // Only a web server shows 404.html, at any depth, so its links are rooted on
            // purpose; nothing in a portable build links to it. The sitemap and the feeds are
            // read over HTTP by search engines and feed readers, never from file://.
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        let urls = match ext {
            "html" => urls_in_html(&text),
            "xml" => urls_in_xml(&text),
            "css" => urls_in_css(&text),
            _ => continue,
        };
        for found in &urls {
            crawler.check(&file, found);
        }
    }
    crawler.report
}

fn assert_clean(what: &str, report: &Report, min_checked: usize) {
    assert!(
        report.problems.is_empty(),
        "{what}: {} broken links:\n{}",
        report.problems.len(),
        report.problems.join("\n")
    );
    assert!(
        report.checked >= min_checked,
        "{what}: only {} links followed, expected at least {min_checked}",
        report.checked
    );
    assert!(report.anchors > 0, "{what}: no #fragment was checked");
}

const SUBPATH: Layout = Layout::Served {
    origin: Some(PAGES_ORIGIN),
    base: "/handbook/",
};
const DEFAULT: Layout = Layout::Served {
    origin: None,
    base: "/",
};

/// Builds `root` three ways into one temporary folder and crawls each build.
fn crawl_three_builds(root: &Path, what: &str, min_checked: usize) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let builds: [(&str, &[&str], Layout); 3] = [
        ("default", &[], DEFAULT),
        (
            "subpath",
            &["--base-url", "https://example.github.io/handbook/"],
            SUBPATH,
        ),
        ("portable", &["--portable"], Layout::Portable),
    ];
    for (name, args, layout) in builds {
        let out = tmp.path().join(name);
        build_into(root, &out, args);
        assert_clean(
            &format!("{what}, {name} build"),
            &crawl(&out, layout),
            min_checked,
        );
    }
}

#[test]
fn real_handbook_links_resolve_in_every_build() {
    crawl_three_builds(repo_root(), "the handbook", 2000);
}

#[test]
fn fixture_links_resolve_in_every_build() {
    let site = copy_fixture("basic");
    crawl_three_builds(site.path(), "basic fixture", 100);
}

#[test]
fn subpath_build_keeps_absolute_urls_under_the_subpath() {
    let site = copy_fixture("basic");
    let out = build_ok(
        site.path(),
        &["--base-url", "https://example.github.io/handbook/"],
    );
    let absolute: Vec<String> = html_files(&out)
        .into_iter()
        .flat_map(|f| attr_links(&read(out.join(f))))
        .filter(|u| u.starts_with(PAGES_ORIGIN))
        .collect();
    assert!(
        absolute.len() > 10,
        "canonical and hreflang links are absolute: {absolute:?}"
    );
    assert!(
        absolute
            .iter()
            .all(|u| u.starts_with("https://example.github.io/handbook/")),
        "{absolute:?}"
    );
}

/// The crawler itself must catch what it is for: a theme template with a dead link, a link
/// out of the subpath and a missing anchor (tests/fixtures/broken-theme).
#[test]
fn a_dead_link_in_a_theme_fails_the_crawl() {
    let site = copy_fixture("broken-theme");
    let out = build_ok(
        site.path(),
        &["--base-url", "https://example.github.io/handbook/"],
    );
    let report = crawl(&out, SUBPATH);
    let problems = report.problems.join("\n");
    for expected in [
        "en/tags/index.html: `/handbook/en/no-such-page/` does not resolve",
        "en/tags/index.html: `/elsewhere/` leaves the base path `/handbook/`",
        "en/tags/index.html: `#no-such-anchor` points at `#no-such-anchor`",
        "en/tags/index.html: `https://example.github.io/handbook/en/gone/` does not resolve",
    ] {
        assert!(
            problems.contains(expected),
            "missing `{expected}` in:\n{problems}"
        );
    }
}
