//! Issue 19: installable and readable offline. A build writes a web app manifest per language
//! (start_url and scope under the base path), the theme's service worker at the base path,
//! and `offline/<lang>.json`, every file of the language with its size, versioned by a hash of
//! the whole output: the same input gives the same version, any change a new one. A portable
//! build (`file://` cannot run a worker) and the preview of `serve` have none of it. The
//! worker itself is tested in Chromium: tests/e2e/specs/offline.test.js.

use crate::support::*;
use handbook::config::Overrides;
use handbook::pipeline;
use serde_json::Value;

fn json(path: impl AsRef<std::path::Path>) -> Value {
    serde_json::from_str(&read(path)).expect("valid JSON")
}

#[test]
fn a_build_is_installable_under_its_subpath_and_lists_each_language() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &["--base-url", "https://example.org/hb/"]);
    let worker = read(out.join("sw.js"));
    assert_eq!(
        worker,
        read(repo_root().join("themes/default/static/js/sw.js")),
        "the theme's worker, as it is"
    );
    let version = json(out.join("offline/version.json"))["version"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(version.len(), 16);
    for lang in ["en", "hi"] {
        let m = json(out.join(format!("{lang}/manifest.webmanifest")));
        assert_eq!(m["start_url"], format!("/hb/{lang}/"));
        assert_eq!(m["scope"], format!("/hb/{lang}/"));
        assert_eq!(m["lang"], lang);
        assert_eq!(m["display"], "standalone");
        assert_eq!(m["theme_color"], "#1d5c63");
        for icon in m["icons"].as_array().unwrap() {
            let src = icon["src"].as_str().unwrap();
            let file = src.strip_prefix("/hb/").expect("icons under the base path");
            assert!(out.join(file).is_file(), "{src}");
        }
        let home = read(out.join(format!("{lang}/index.html")));
        assert!(home.contains(&format!(
            "<link rel=\"manifest\" href=\"/hb/{lang}/manifest.webmanifest\">"
        )));
        assert!(home.contains(
            "data-sw=\"/hb/sw.js\" data-sw-scope=\"/hb/\" data-sw-version=\"/hb/offline/version.json\""
        ));
        assert!(home.contains(&format!("data-list=\"/hb/offline/{lang}.json\"")));

        let list = json(out.join(format!("offline/{lang}.json")));
        assert_eq!(list["version"], version.as_str());
        let files = list["files"].as_array().unwrap();
        let mut total = 0;
        for f in files {
            let url = f[0].as_str().unwrap();
            let rel = url.strip_prefix("/hb/").unwrap();
            let file = if rel.is_empty() || rel.ends_with('/') {
                out.join(rel).join("index.html")
            } else {
                out.join(rel)
            };
            let size = std::fs::metadata(&file)
                .unwrap_or_else(|_| panic!("{url} is listed but not written"))
                .len();
            assert_eq!(f[1].as_u64(), Some(size), "{url}");
            total += size;
            let other = if lang == "en" { "/hb/hi/" } else { "/hb/en/" };
            assert!(!url.starts_with(other), "{lang} lists {url}");
            assert!(!url.ends_with(".pdf") && !url.ends_with("/sw.js"), "{url}");
        }
        assert_eq!(list["bytes"].as_u64(), Some(total));
        let urls: Vec<&str> = files.iter().map(|f| f[0].as_str().unwrap()).collect();
        for needed in [
            format!("/hb/{lang}/"),
            "/hb/static/css/site.css".into(),
            "/hb/static/js/phone.js".into(),
            "/hb/static/js/search-loader.js".into(),
            "/hb/404.html".into(),
        ] {
            assert!(urls.contains(&needed.as_str()), "{lang} misses {needed}");
        }
        assert!(urls.iter().any(|u| u.starts_with("/hb/search-index/")));
        // Devanagari fonts only where the language is written in it.
        let fonts = urls.iter().any(|u| u.ends_with(".woff2"));
        assert_eq!(fonts, lang == "hi", "{lang}");
    }
}

#[test]
fn the_version_is_the_output_the_same_input_the_same_version() {
    let site = copy_fixture("basic");
    let version = |site: &std::path::Path| {
        let out = build_ok(site, &["--base-url", "/hb/"]);
        json(out.join("offline/version.json"))["version"].clone()
    };
    let first = version(site.path());
    assert_eq!(version(site.path()), first, "same input, same version");
    let page = site.path().join("content/hi/_index.md");
    let text = read(&page);
    std::fs::write(&page, format!("{text}\nएक नई लाइन।\n")).unwrap();
    assert_ne!(version(site.path()), first, "a changed page, a new version");
}

#[test]
fn no_worker_in_a_portable_build_nor_in_the_preview() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &["--portable"]);
    assert!(!out.join("sw.js").exists());
    assert!(!out.join("offline").exists());
    assert!(!out.join("en/manifest.webmanifest").exists());
    for f in html_files(&out) {
        let html = read(out.join(&f));
        let file = f.display();
        assert!(!html.contains("data-sw="), "{file}");
        assert!(!html.contains("rel=\"manifest\""), "{file}");
        assert!(!html.contains("data-offline-save"), "{file}");
    }
    // `serve` renders with the default overrides, as here.
    let (site, _) = pipeline::load(site.path(), &Overrides::default()).unwrap();
    let (files, _) = pipeline::render(&site).unwrap();
    assert!(files.iter().all(|f| f.path != "sw.js"
        && !f.path.starts_with("offline/")
        && !String::from_utf8_lossy(&f.bytes).contains("data-sw=")));
}
