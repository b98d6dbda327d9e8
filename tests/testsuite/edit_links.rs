//! "Edit this page" and "Report a problem": with `repository:` in handbook.yaml every content
//! page links to its own file on the configured branch (checked against the branch's file
//! tree in git), to a new issue naming that file, and says when the file last changed.

use crate::support::*;
use std::path::Path;
use std::process::Command;

const REPO: &str = "https://github.com/example/handbook";

fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .env("GIT_COMMITTER_DATE", "2025-03-04T10:00:00Z")
        .env("GIT_AUTHOR_DATE", "2025-03-04T10:00:00Z")
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn hrefs<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
    let marker = format!("class=\"{class}\" href=\"");
    html.match_indices(&marker)
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn every_page_links_to_its_file_on_the_branch() {
    // The site in a folder of a repository whose branch is `trunk`.
    let repo = tempfile::tempdir().unwrap();
    let site = repo.path().join("docs/handbook");
    std::fs::create_dir_all(&site).unwrap();
    copy_tree(&fixture("basic"), &site);
    let config = format!(
        "{}\nrepository:\n  url: {REPO}.git\n  branch: trunk\n",
        read(site.join("handbook.yaml"))
    );
    std::fs::write(site.join("handbook.yaml"), config).unwrap();
    git(repo.path(), &["init", "-q", "-b", "trunk"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "content"]);
    let tree = git(repo.path(), &["ls-tree", "-r", "--name-only", "trunk"]);
    let files: Vec<&str> = tree.lines().collect();

    let out = build_ok(&site, &[]);
    let mut pages = 0;
    for (file, bytes) in crate::support::tree(&out) {
        if file.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        let edits = hrefs(&html, "edit-link");
        // Content pages, but not a sheet printed in two languages or a print pack (made
        // from several files).
        if !html.contains("<article class=\"entry")
            || file.ends_with("bilingual/index.html")
            || file.ends_with("print/index.html")
        {
            assert!(edits.is_empty(), "{}", file.display());
            continue;
        }
        pages += 1;
        assert_eq!(edits.len(), 1, "{}", file.display());
        let path = edits[0]
            .strip_prefix(&format!("{REPO}/edit/trunk/"))
            .unwrap_or_else(|| panic!("{}: {}", file.display(), edits[0]));
        assert!(
            files.contains(&path),
            "{}: {path} is not on the branch",
            file.display()
        );
        // In the page's language: /hi/… pages edit content/hi/….
        let lang = file.iter().next().unwrap().to_string_lossy();
        assert!(
            path.starts_with(&format!("docs/handbook/content/{lang}/")),
            "{path}"
        );
        let report = hrefs(&html, "report-link");
        assert_eq!(report.len(), 1);
        assert!(report[0].starts_with(&format!("{REPO}/issues/new?title=")));
        assert!(
            report[0].contains(&path.replace('/', "%2F")),
            "{}",
            report[0]
        );
        assert!(
            html.contains("<time datetime=\"2025-03-04\">"),
            "{}",
            file.display()
        );
    }
    assert!(pages >= 9, "{pages} pages with edit links");
}

#[test]
fn no_links_without_a_repository() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    for (file, bytes) in tree(&out) {
        if file.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        assert!(!html.contains("edit-links"), "{}", file.display());
    }
}

#[test]
fn a_repository_that_is_not_github_is_refused() {
    for (bad, says) in [
        ("url: https://gitlab.com/a/b", "GitHub repository address"),
        ("url: https://github.com/a", "GitHub repository address"),
        (
            "url: https://github.com/a/b\n  branch: \"-x\"",
            "not a branch name",
        ),
    ] {
        let site = copy_fixture("basic");
        let yaml = format!(
            "{}\nrepository:\n  {bad}\n",
            read(site.path().join("handbook.yaml"))
        );
        std::fs::write(site.path().join("handbook.yaml"), yaml).unwrap();
        let o = handbook(site.path(), &["check"]);
        assert_eq!(o.status.code(), Some(1), "{bad}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("`repository`") && err.contains(says),
            "{bad}: {err}"
        );
    }
}
