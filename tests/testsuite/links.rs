//! Crawls the whole output: every local `href` and `src` must resolve to a file of the build
//! and, under a subpath base URL, stay inside that subpath; portable builds must use relative
//! links that work from `file://`.

use crate::support::*;
use std::path::{Path, PathBuf};

fn strip_fragment(link: &str) -> &str {
    link.split(['#', '?']).next().unwrap_or("")
}

fn target_file(out: &Path, site_path: &str) -> PathBuf {
    let decoded = site_path.to_string();
    let p = out.join(decoded.trim_start_matches('/'));
    if site_path.is_empty() || site_path.ends_with('/') {
        p.join("index.html")
    } else {
        p
    }
}

fn css_urls(css: &str) -> Vec<String> {
    css.split("url(")
        .skip(1)
        .filter_map(|r| r.split(')').next())
        .map(|u| u.trim_matches(['"', '\'']).to_string())
        .collect()
}

#[test]
fn subpath_build_never_links_outside_the_subpath() {
    let site = copy_fixture("basic");
    let base = "https://example.github.io/handbook/";
    let out = build_ok(site.path(), &["--base-url", base]);
    let mut checked = 0;
    for file in html_files(&out) {
        let html = read(out.join(&file));
        for link in attr_links(&html) {
            let link = strip_fragment(&link);
            if link.is_empty() {
                continue;
            }
            let local = if let Some(rest) = link.strip_prefix("https://example.github.io") {
                rest
            } else if link.starts_with("https://example.org/") {
                continue; // external link written in the content
            } else {
                link
            };
            assert!(
                local.starts_with("/handbook/"),
                "{}: `{link}` escapes the subpath",
                file.display()
            );
            let target = target_file(&out, local.trim_start_matches("/handbook"));
            assert!(
                target.is_file(),
                "{}: `{link}` does not resolve ({})",
                file.display(),
                target.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
    for url in css_urls(&read(out.join("static/css/site.css"))) {
        assert!(
            out.join("static/css").join(&url).is_file(),
            "css url {url} missing"
        );
    }
}

#[test]
fn portable_build_links_are_relative_files() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &["--portable"]);
    for file in html_files(&out) {
        if file == Path::new("404.html") {
            continue; // served by a web server at any depth; rooted links by design
        }
        let html = read(out.join(&file));
        let dir = out.join(&file).parent().unwrap().to_path_buf();
        for link in attr_links(&html) {
            let link = strip_fragment(&link);
            if link.is_empty() || link.starts_with("https://example.org/") {
                continue;
            }
            assert!(
                !link.starts_with('/') && !link.contains("://"),
                "{}: `{link}` is not relative",
                file.display()
            );
            assert!(
                !link.ends_with('/'),
                "{}: `{link}` needs index.html to work from file://",
                file.display()
            );
            let target = dir.join(link);
            assert!(
                target.is_file(),
                "{}: `{link}` does not resolve",
                file.display()
            );
        }
    }
}
