//! scripts/pr-summary, the job summary of a pull request, run on a fixture change: a git
//! repository holding the basic fixture, then a commit that adds a story in English only,
//! changes both languages of a worksheet, changes one language of a tip and has a problem.

use crate::support::*;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn node() -> Option<&'static str> {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "node is missing under CI");
        eprintln!("skipped: node is not installed");
    }
    found.then_some("node")
}

#[test]
fn summary_of_a_fixture_change() {
    let Some(node) = node() else { return };
    let site = copy_fixture("basic");
    let root = site.path();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    git(root, &["checkout", "-q", "-b", "change"]);
    std::fs::write(
        root.join("content/en/stories/new-story.md"),
        "---\ntitle: A new | story\nsummary: Added by the pull request.\n---\nText with a [dead link](nowhere.md).\n",
    )
    .unwrap();
    for lang in ["en", "hi"] {
        let sheet = root.join(format!("content/{lang}/worksheets/reflection.md"));
        let text = read(&sheet) + "\nOne more line.\n";
        std::fs::write(&sheet, text).unwrap();
    }
    let tip = root.join("content/en/tips/seek-feedback.md");
    std::fs::write(&tip, read(&tip) + "\nA changed line.\n").unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "change"]);

    let check = handbook(root, &["check", "--format", "github"]);
    std::fs::write(root.join("check.txt"), &check.stdout).unwrap();
    // The build fails on the dead link; the summary still says what the change is. A built
    // site with the worksheet's PDF stands in for the artifact.
    let out = root.join("public");
    std::fs::create_dir_all(out.join("en/worksheets/reflection")).unwrap();
    std::fs::write(
        out.join("en/worksheets/reflection/index.html"),
        "<!doctype html>",
    )
    .unwrap();
    std::fs::write(
        out.join("en/worksheets/reflection/reflection-en-a4.pdf"),
        "%PDF",
    )
    .unwrap();

    let o = Command::new(node)
        .arg(repo_root().join("scripts/pr-summary"))
        .args([
            "--root",
            root.to_str().unwrap(),
            "--base",
            "main",
            "--check",
            "check.txt",
        ])
        .args(["--out", "public", "--artifact", "handbook-site"])
        .current_dir(root)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{}{summary}",
        String::from_utf8_lossy(&o.stderr)
    );
    for expected in [
        "**1 error and ",
        "| error | `content/en/stories/new-story.md` | 5 | link `nowhere.md`: there is no page",
        "### Pages (4)",
        "| `content/en/stories/new-story.md` | added | `/en/stories/new-story/` (not built: a draft, or the build failed) | hi: **not translated** |",
        "| `content/en/tips/seek-feedback.md` | changed | `/en/tips/seek-feedback/` (not built",
        "| hi: not changed here, may need the same change |",
        "| `content/en/worksheets/reflection.md` | changed | `/en/worksheets/reflection/` | hi: changed here too |",
        "| `content/hi/worksheets/reflection.md` | changed |",
        "### Worksheet PDFs",
        "- `content/en/worksheets/reflection.md`: `en/worksheets/reflection/reflection-en-a4.pdf`",
        "- `content/hi/worksheets/reflection.md`: no PDF in this build",
        "artifact `handbook-site`",
    ] {
        assert!(
            summary.contains(expected),
            "missing `{expected}` in:\n{summary}"
        );
    }
    // The title with `|` is not in the summary; a problem quoting content is escaped.
    assert!(!summary.contains("<script"), "{summary}");
}

#[test]
fn text_from_content_is_escaped() {
    let Some(node) = node() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/en")).unwrap();
    std::fs::write(
        dir.path().join("check.txt"),
        "::error file=content/en/a|b.md,line=3::`title`: <script>alert(1)</script> | cell\n",
    )
    .unwrap();
    let o = Command::new(node)
        .arg(repo_root().join("scripts/pr-summary"))
        .args([
            "--root",
            dir.path().to_str().unwrap(),
            "--check",
            "check.txt",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        summary.contains("| error | `content/en/a\\|b.md` | 3 | `title`: &lt;script&gt;alert(1)&lt;/script&gt; \\| cell |"),
        "{summary}"
    );
    assert!(summary.contains("No base to compare with"), "{summary}");
}
