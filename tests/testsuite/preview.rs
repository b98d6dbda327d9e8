//! The incremental rebuilds of `serve` (issue 6): after every kind of edit, the site the
//! preview serves is byte for byte the site a fresh build makes from the same files.

use crate::support::{copy_fixture, default_theme_file};
use handbook::config::Overrides;
use handbook::pipeline::{self, preview::Changes, preview::Preview, preview::Update};
use handbook::render::search::SearchWork;
use handbook::serve::store::SiteFiles;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Harness {
    root: PathBuf,
    preview: Preview,
    files: SiteFiles,
}

impl Harness {
    fn start(root: &Path) -> Harness {
        let (preview, update) = Preview::start(root, &Overrides::default()).expect("starts");
        let mut h = Harness {
            root: root.to_path_buf(),
            preview,
            files: SiteFiles::default(),
        };
        h.apply(update);
        h
    }

    fn apply(&mut self, update: Update) -> Update {
        self.files.apply(&update);
        let langs: Vec<_> = update.search.iter().cloned().collect();
        let work = self.preview.search_work(&langs);
        let index = work.run();
        for lang in work.langs() {
            self.files.replace_dir(&SearchWork::dir(lang), &index);
        }
        update
    }

    /// Writes (or, with `None`, deletes) files, then tells the preview about those paths.
    fn change(&mut self, edits: &[(&str, Option<&str>)]) -> Update {
        let mut changes = Changes::default();
        for (rel, text) in edits {
            let path = self.root.join(rel);
            match text {
                Some(t) => {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(&path, t).unwrap();
                }
                None if path.is_dir() => std::fs::remove_dir_all(&path).unwrap(),
                None => std::fs::remove_file(&path).unwrap(),
            }
            changes.paths.insert(path);
        }
        let update = self.preview.update(&changes);
        self.apply(update)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    fn served(&self, path: &str) -> Option<String> {
        self.files
            .get(path)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// The served site equals a full render of the files as they are now.
    fn assert_fresh(&self, step: &str) {
        let (site, _) = pipeline::load(&self.root, &Overrides::default()).unwrap();
        let (full, _) = pipeline::render(&site).unwrap();
        let full: BTreeMap<&str, &[u8]> = full
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice()))
            .collect();
        let served: BTreeMap<&str, &[u8]> = self.files.iter().collect();
        let missing: Vec<_> = full.keys().filter(|k| !served.contains_key(*k)).collect();
        let extra: Vec<_> = served.keys().filter(|k| !full.contains_key(*k)).collect();
        let stale: Vec<_> = full
            .iter()
            .filter(|(k, v)| served.get(*k).is_some_and(|s| s != *v))
            .map(|(k, _)| k)
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty() && stale.is_empty(),
            "after {step}: missing {missing:?}, extra {extra:?}, stale {stale:?}"
        );
    }
}

#[test]
fn incremental_rebuilds_equal_a_full_build() {
    let dir = copy_fixture("basic");
    let mut h = Harness::start(dir.path());
    h.assert_fresh("start");

    let rest = "content/en/tips/rest.md";
    let text = h.read(rest).replace("Rest first.", "Rest first, truly.");
    let u = h.change(&[(rest, Some(&text))]);
    assert_eq!(u.rendered, 1, "a body edit renders one page: {u:?}");
    h.assert_fresh("a body edit");

    let fb = "content/en/tips/seek-feedback.md";
    let text = h
        .read(fb)
        .replace("Ask for feedback", "Ask for honest feedback");
    h.change(&[(fb, Some(&text))]);
    h.assert_fresh("a title edit");

    // `self-care` was used by this page only: its tag pages go away in both languages.
    let text = h
        .read(rest)
        .replace("tags: [self-care]", "tags: [feedback]");
    h.change(&[(rest, Some(&text))]);
    assert!(h.served("en/tags/self-care/index.html").is_none());
    h.assert_fresh("a tag change");

    let new = "---\ntitle: A new article\nsummary: Fresh.\ntags: [self-care]\ndate: 2025-03-01\n---\nSee [rest](../tips/rest.md).\n";
    h.change(&[("content/en/guidance/new-article.md", Some(new))]);
    assert!(h.served("en/guidance/new-article/index.html").is_some());
    h.assert_fresh("a new page");

    h.change(&[
        ("content/en/guidance/new-article.md", None),
        ("content/en/guidance/renamed.md", Some(new)),
    ]);
    assert!(h.served("en/guidance/new-article/index.html").is_none());
    h.assert_fresh("a rename");

    // Another page links to this one: its link breaks (a problem), and the Hindi page's
    // switcher now says the English page is missing.
    let first_no = h.read("content/en/stories/first-no.md");
    h.change(&[("content/en/stories/first-no.md", None)]);
    assert!(h.preview.has_errors());
    h.assert_fresh("a deleted page");
    h.change(&[("content/en/stories/first-no.md", Some(&first_no))]);
    assert!(!h.preview.has_errors(), "{}", h.preview.problems());
    h.assert_fresh("the page back");

    let ws = "content/en/worksheets/reflection.md";
    let original = h.read(ws);
    h.change(&[(
        ws,
        Some(&original.replace("## After the interview", "## Afterwards")),
    )]);
    assert!(h.preview.has_errors(), "the anchor link breaks");
    h.assert_fresh("a heading renamed");
    h.change(&[(ws, Some(&original))]);
    h.assert_fresh("the heading back");

    let draft = "content/en/guidance/draft-article.md";
    let text = h.read(draft).replace("draft: true\n", "");
    h.change(&[(draft, Some(&text))]);
    assert!(h.served("en/guidance/draft-article/index.html").is_some());
    h.assert_fresh("a draft published");

    h.change(&[
        (
            "content/en/guidance/pic.svg",
            Some("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ),
        (
            "content/en/guidance/renamed.md",
            Some(&new.replace("See [rest]", "![A picture](pic.svg) See [rest]")),
        ),
    ]);
    assert!(!h.preview.has_errors(), "{}", h.preview.problems());
    h.assert_fresh("an image added");
    h.change(&[("content/en/guidance/pic.svg", None)]);
    assert!(h.preview.has_errors(), "the image link breaks");
    h.assert_fresh("an image deleted");
    h.change(&[(
        "content/en/guidance/pic.svg",
        Some("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    )]);
    h.assert_fresh("the image back");

    // Broken front matter: the page keeps its last good version until it is fixed.
    let good = h.read(rest);
    let before = h.served("en/tips/rest/index.html");
    h.change(&[(rest, Some("---\ntitle: [unclosed\n---\nbody\n"))]);
    let problems = h.preview.problems().to_string();
    assert!(problems.contains("content/en/tips/rest.md"), "{problems}");
    assert_eq!(h.served("en/tips/rest/index.html"), before);
    h.change(&[(rest, Some(&good))]);
    assert!(!h.preview.has_errors(), "{}", h.preview.problems());
    h.assert_fresh("front matter fixed");

    let hi_rest = "---\ntitle: ठीक से आराम करें\nsummary: एक शाम की छुट्टी भी योजना का हिस्सा है।\ntags: [feedback]\n---\nपहले आराम।\n";
    h.change(&[("content/hi/tips/rest.md", Some(hi_rest))]);
    h.assert_fresh("a translation added");

    let home = "content/en/_index.md";
    let text = h.read(home).replace("Start with", "Begin with");
    h.change(&[(home, Some(&text))]);
    h.assert_fresh("the home intro");

    let page_tpl = default_theme_file("templates/page.html")
        .replace("{% block main %}", "{% block main %}<!-- mine -->");
    let u = h.change(&[("themes/default/templates/page.html", Some(&page_tpl))]);
    assert!(u.rendered > 0);
    assert!(
        h.served("en/tips/rest/index.html")
            .unwrap()
            .contains("<!-- mine -->")
    );
    h.assert_fresh("a template override");

    // The feeds and the sitemap are templates too: an override renders only their jobs.
    let feed_tpl = default_theme_file("templates/atom.xml")
        .replace("  <author>", "  <generator>mine</generator>\n  <author>");
    let u = h.change(&[("themes/default/templates/atom.xml", Some(&feed_tpl))]);
    assert_eq!(u.rendered, 2, "one feed per language: {u:?}");
    assert!(
        h.served("hi/atom.xml")
            .unwrap()
            .contains("<generator>mine</generator>")
    );
    let sitemap_tpl =
        default_theme_file("templates/sitemap.xml").replace("</urlset>", "<!-- mine --></urlset>");
    let u = h.change(&[("themes/default/templates/sitemap.xml", Some(&sitemap_tpl))]);
    assert_eq!(u.rendered, 1, "{u:?}");
    assert!(h.served("sitemap.xml").unwrap().contains("<!-- mine -->"));
    h.assert_fresh("feed and sitemap overrides");

    let css = default_theme_file("static/css/site.css") + "\n.mine { color: red; }\n";
    let u = h.change(&[("themes/default/static/css/site.css", Some(&css))]);
    assert!(u.css_only && u.rendered == 0, "{u:?}");
    h.assert_fresh("a stylesheet");

    let tags = h
        .read("i18n/en/tags.ftl")
        .replace("= Feedback", "= Honest feedback");
    h.change(&[("i18n/en/tags.ftl", Some(&tags))]);
    assert!(
        h.served("en/tags/feedback/index.html")
            .unwrap()
            .contains("Honest feedback")
    );
    h.assert_fresh("a Fluent file");

    h.change(&[("content/en/stories", None)]);
    assert!(h.served("en/stories/first-no/index.html").is_none());
    h.assert_fresh("a folder deleted");

    // A page replaced by a symbolic link is a page no more (and a problem).
    #[cfg(unix)]
    {
        let about = h.root.join("content/en/about.md");
        let outside = h.root.join("about-elsewhere.md");
        std::fs::rename(&about, &outside).unwrap();
        std::os::unix::fs::symlink(&outside, &about).unwrap();
        let mut changes = Changes::default();
        changes.paths.insert(about);
        let update = h.preview.update(&changes);
        h.apply(update);
        assert!(h.served("en/about/index.html").is_none());
        assert!(h.preview.has_errors());
        h.assert_fresh("a page replaced by a link");
    }

    let config = h
        .read("handbook.yaml")
        .replace("Fixture Handbook", "Renamed Handbook");
    h.change(&[("handbook.yaml", Some(&config))]);
    assert!(
        h.served("en/index.html")
            .unwrap()
            .contains("Renamed Handbook")
    );
    h.assert_fresh("the configuration");
}

/// Pages sharing tags list each other as related, four at most: edits that move pages in
/// and out of those lists (tags, weights, titles, pages coming and going) re-render exactly
/// the pages whose lists change. A fixed pseudo-random series of edits, each checked against
/// a full build.
#[test]
fn related_lists_follow_every_edit() {
    const TAGS: [&str; 4] = ["alpha", "beta", "gamma", "delta"];
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for lang in ["en", "hi"] {
        let ftl: String = TAGS.iter().map(|t| format!("tag-{t} = {t}\n")).collect();
        std::fs::create_dir_all(root.join("i18n").join(lang)).unwrap();
        std::fs::write(root.join("i18n").join(lang).join("tags.ftl"), ftl).unwrap();
    }
    let mut seed: u64 = 42;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let page = |title: &str, tags: &[&str], weight: u64| {
        format!(
            "---\ntitle: {title}\nsummary: About {title}.\ntags: [{}]\nweight: {weight}\n---\nText of {title}.\n",
            tags.join(", ")
        )
    };
    let sections = ["tips", "stories"];
    for i in 0..16 {
        let mut tags = vec![TAGS[i % 4], TAGS[(i / 4) % 4]];
        tags.dedup();
        let rel = format!("content/en/{}/p{i}.md", sections[i % 2]);
        std::fs::create_dir_all(root.join(&rel).parent().unwrap()).unwrap();
        std::fs::write(
            root.join(&rel),
            page(&format!("Page {i}"), &tags, (i % 3) as u64),
        )
        .unwrap();
    }
    let mut h = Harness::start(root);
    h.assert_fresh("start");
    for step in 0..60 {
        let i = next(20);
        let rel = format!("content/en/{}/p{i}.md", sections[(i % 2) as usize]);
        let exists = root.join(&rel).exists();
        let what = next(5);
        if exists && what == 0 {
            h.change(&[(&rel, None)]);
        } else {
            // Two different tags, or one (a tag listed twice is an error).
            let first = next(4) as usize;
            let tags: Vec<&str> = match next(2) {
                0 => vec![TAGS[first]],
                _ => vec![TAGS[first], TAGS[(first + 1 + next(3) as usize) % 4]],
            };
            let title = format!("Page {} v{step}", next(30));
            h.change(&[(&rel, Some(&page(&title, &tags, next(4))))]);
        }
        assert!(!h.preview.has_errors(), "{}", h.preview.problems());
        h.assert_fresh(&format!("step {step} ({rel})"));
    }
}

/// Issue 22: an edit that keeps a page's tags (a title, a weight, a date) updates the tag
/// index in place instead of making it again; the related lists, section lists, tag pages
/// and previous/next links must still come out as a full build makes them, also when two
/// pages move in one change.
#[test]
fn order_only_edits_follow_every_list() {
    const TAGS: [&str; 3] = ["alpha", "beta", "gamma"];
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for lang in ["en", "hi"] {
        let ftl: String = TAGS.iter().map(|t| format!("tag-{t} = {t}\n")).collect();
        std::fs::create_dir_all(root.join("i18n").join(lang)).unwrap();
        std::fs::write(root.join("i18n").join(lang).join("tags.ftl"), ftl).unwrap();
    }
    let mut seed: u64 = 7;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let tags_of = |i: u64| -> Vec<&str> {
        let mut t = vec![TAGS[(i % 3) as usize], TAGS[((i / 3) % 3) as usize]];
        t.dedup();
        t
    };
    let page = |title: &str, tags: &[&str], weight: u64, day: u64| {
        format!(
            "---\ntitle: {title}\nsummary: About {title}.\ntags: [{}]\nweight: {weight}\ndate: 2025-01-{:02}\n---\nText of {title}.\n",
            tags.join(", "),
            day + 1
        )
    };
    let sections = ["tips", "stories"];
    let rel = |i: u64| format!("content/en/{}/p{i}.md", sections[(i % 2) as usize]);
    for i in 0..18 {
        std::fs::create_dir_all(root.join(rel(i)).parent().unwrap()).unwrap();
        std::fs::write(
            root.join(rel(i)),
            page(&format!("Page {i}"), &tags_of(i), i % 3, i % 5),
        )
        .unwrap();
    }
    let mut h = Harness::start(root);
    h.assert_fresh("start");
    for step in 0..40 {
        let (a, b) = (next(18), next(18));
        let text =
            |i: u64, t: u64, w: u64, d: u64| page(&format!("Page {t} v{step}"), &tags_of(i), w, d);
        let (ta, tb) = (
            text(a, next(30), next(3), next(5)),
            text(b, next(30), next(3), next(5)),
        );
        let (ra, rb) = (rel(a), rel(b));
        if step % 3 == 0 && a != b {
            h.change(&[(&ra, Some(&ta)), (&rb, Some(&tb))]);
        } else {
            h.change(&[(&ra, Some(&ta))]);
        }
        assert!(!h.preview.has_errors(), "{}", h.preview.problems());
        h.assert_fresh(&format!("step {step} ({ra})"));
    }
}

/// Issue 17: every page's help line names the help page by its title, so editing that title
/// (or a tag that puts a page's help box in) renders what a full build would.
#[test]
fn help_line_and_box_follow_edits_of_the_help_page_and_of_tags() {
    let dir = copy_fixture("help");
    let mut h = Harness::start(dir.path());
    h.assert_fresh("start");
    let help = "content/hi/help.md";
    let text = h.read(help).replace("अभी मदद चाहिए", "मदद अभी");
    h.change(&[(help, Some(&text))]);
    assert!(
        h.served("hi/tips/learn-a-skill/index.html")
            .unwrap()
            .contains(">मदद अभी</a></p>")
    );
    h.assert_fresh("a help page title edit");
    let tip = "content/en/tips/learn-a-skill.md";
    let text = h
        .read(tip)
        .replace("tags: [growth]", "tags: [growth, feelings]");
    h.change(&[(tip, Some(&text))]);
    assert!(
        h.served("en/tips/learn-a-skill/index.html")
            .unwrap()
            .contains("class=\"help-box\"")
    );
    h.assert_fresh("a page tagged feelings");
}
