//! `handbook new`: a new page passes `check` as written and is built in every language; it
//! never overwrites, and bad arguments are usage errors.

use crate::support::*;

fn out(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn new_then_check_passes_and_build_includes_the_page_in_both_languages() {
    // A fresh site: an empty folder, no configuration, no content yet.
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    for (section, slug) in [
        ("stories", "first-interview"),
        ("guidance", "after-the-call"),
        ("worksheets", "weekly-plan"),
    ] {
        let o = handbook(root, &["new", section, slug]);
        assert_eq!(o.status.code(), Some(0), "{}", out(&o));
        for lang in ["en", "hi"] {
            assert!(
                out(&o).contains(&format!("Created content/{lang}/{section}/{slug}.md")),
                "{}",
                out(&o)
            );
        }
    }
    let o = handbook(root, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    // The placeholders are pointed at, as warnings, until they are replaced.
    assert!(out(&o).contains("placeholders from `handbook new` still here"));
    assert!(!out(&o).contains("error"), "{}", out(&o));
    let public = build_ok(root, &[]);
    for lang in ["en", "hi"] {
        let html = read(public.join(format!("{lang}/stories/first-interview/index.html")));
        assert!(html.contains(&format!("<html lang=\"{lang}\"")));
        let sheet = read(public.join(format!("{lang}/worksheets/weekly-plan/index.html")));
        assert!(
            sheet.contains("ws-namedate") && sheet.contains("ws-lines"),
            "{sheet}"
        );
        let list = read(public.join(format!("{lang}/guidance/index.html")));
        assert!(list.contains("after-the-call/"), "{list}");
    }
    let hi = read(root.join("content/hi/stories/first-interview.md"));
    assert!(hi.contains("title: \"TODO: छोटा-सा शीर्षक"), "{hi}");
}

#[test]
fn a_new_tip_gets_a_declared_tag() {
    let site = copy_fixture("basic");
    let o = handbook(site.path(), &["new", "tips", "drink-water"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let en = read(site.path().join("content/en/tips/drink-water.md"));
    assert!(en.contains("\ntags: [feedback]\n"), "{en}");
    assert!(en.contains("at least one of feedback, self-care"), "{en}");
    let o = handbook(site.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
}

#[test]
fn a_tip_needs_a_tag_vocabulary() {
    let site = tempfile::tempdir().unwrap();
    let o = handbook(site.path(), &["new", "tips", "rest"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).contains("tips need at least one tag"),
        "{}",
        out(&o)
    );
    assert!(!site.path().join("content").exists());
}

#[test]
fn refuses_to_overwrite_and_names_the_file() {
    let site = copy_fixture("basic");
    let path = site.path().join("content/hi/tips/seek-feedback.md");
    let before = read(&path);
    let o = handbook(site.path(), &["new", "tips", "seek-feedback"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).contains(
            "`content/en/tips/seek-feedback.md` and `content/hi/tips/seek-feedback.md` already exist"
        ),
        "{}",
        out(&o)
    );
    assert_eq!(read(&path), before);
    // The English page exists, the Hindi one does not: nothing is written either.
    let o = handbook(site.path(), &["new", "tips", "rest"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("`content/en/tips/rest.md` already exists"));
    assert!(!site.path().join("content/hi/tips/rest.md").exists());
    // …unless only the missing language is asked for.
    let o = handbook(site.path(), &["new", "tips", "rest", "--lang", "hi"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(site.path().join("content/hi/tips/rest.md").exists());
}

#[test]
fn bad_arguments() {
    let site = copy_fixture("basic");
    for args in [
        &["new", "recipes", "soup"][..],
        &["new", "tips", "Seek_Feedback"],
        &["new", "tips", "नौकरी"],
        &["new", "tips"],
    ] {
        let o = handbook(site.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", out(&o));
    }
    let o = handbook(site.path(), &["new", "tips", "x", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).contains("`fr` is not one of this site's languages (en, hi)"),
        "{}",
        out(&o)
    );
}
