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
    let o = handbook(site.path(), &["new", "recipes", "soup"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    // Neither a file name nor a title (no space, no capital): refused, nothing written.
    for name in ["seek_feedback", "नौकरी", "a\u{1b}]0;x\u{7}b"] {
        let o = handbook(site.path(), &["new", "tips", name]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", out(&o));
        assert!(
            out(&o).contains("is not a valid slug"),
            "{name}: {}",
            out(&o)
        );
        // What the command line held is quoted, never obeyed by the terminal.
        assert!(!out(&o).contains('\u{1b}'), "{name}: {}", out(&o));
    }
    let o = handbook(site.path(), &["new", "tips", "x", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).contains("`fr` is not one of this site's languages (en, hi)"),
        "{}",
        out(&o)
    );
}

/// With no name, `new` says what it needs and stops: it never waits for an answer.
#[test]
fn no_name_fails_clearly_without_asking() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let site = copy_fixture("basic");
    // stdin stays open: a command that asked would wait here.
    let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .arg("--root")
        .arg(site.path())
        .args(["new", "story"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "handbook new is waiting for input"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2), "a usage error");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("`handbook new stories` needs the page's English title or its file name")
            && err.contains("handbook new stories \"Turned down after the final round\""),
        "{err}"
    );
    assert!(!site.path().join("content/en/stories/story.md").exists());
}

#[test]
fn a_title_makes_the_slug_and_both_languages() {
    let site = copy_fixture("basic");
    let o = handbook(
        site.path(),
        &["new", "story", "Turned down after the final round, again"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let slug = "turned-down-after-the-final-round-again";
    let en = read(site.path().join(format!("content/en/stories/{slug}.md")));
    let hi = read(site.path().join(format!("content/hi/stories/{slug}.md")));
    assert!(
        en.starts_with("---\ntitle: \"Turned down after the final round, again\"\n"),
        "{en}"
    );
    assert!(hi.contains("title: \"TODO: "), "{hi}");
    let o = handbook(site.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    // A title that makes no usable file name is refused, naming it.
    let o = handbook(site.path(), &["new", "guide", "Search"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        out(&o).contains("gives the file name `search`"),
        "{}",
        out(&o)
    );
}

#[test]
fn from_copies_the_structure_of_the_other_language() {
    let site = copy_fixture("basic");
    let root = site.path();
    std::fs::remove_file(root.join("content/hi/worksheets/reflection.md")).unwrap();
    let o = handbook(
        root,
        &[
            "new",
            "worksheets",
            "--from",
            "content/en/worksheets/reflection.md",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(
        out(&o).contains("Created content/hi/worksheets/reflection.md"),
        "{}",
        out(&o)
    );
    assert!(
        !out(&o).contains("content/en/"),
        "the source is not rewritten: {}",
        out(&o)
    );
    let hi = read(root.join("content/hi/worksheets/reflection.md"));
    for part in [
        "title: \"TODO: After-rejection reflection\"",
        "```name-date\n```",
        "## TODO: After the interview",
        "TODO: What went well?",
        "```lines 3\n```",
        "```box 4\nTODO: Three things you would do again\n```",
        "- [ ] TODO: I wrote down one thing to practise\n",
        "| Company | What I learned |",
    ] {
        assert!(hi.contains(part), "{part}\n{hi}");
    }
    // A story in Hindi only gets its English start, and the site still checks.
    let o = handbook(
        root,
        &[
            "new",
            "stories",
            "--from",
            "content/hi/stories/second-no.md",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let en = read(root.join("content/en/stories/second-no.md"));
    assert!(en.contains("title: \"TODO: "), "{en}");
    // Wrong uses say what is wrong.
    for (args, says) in [
        (
            &[
                "new",
                "tips",
                "--from",
                "content/en/worksheets/reflection.md",
            ][..],
            "not in `tips`",
        ),
        (
            &["new", "worksheets", "--from", "content/en/about.md"],
            "not a page of a section",
        ),
        (
            &[
                "new",
                "worksheets",
                "--from",
                "content/en/worksheets/reflection.md",
            ],
            "already exists",
        ),
        (
            &[
                "new",
                "worksheets",
                "other",
                "--from",
                "content/en/worksheets/reflection.md",
            ],
            "keeps the file name",
        ),
    ] {
        let o = handbook(root, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(out(&o).contains(says), "{args:?}: {}", out(&o));
    }
}
