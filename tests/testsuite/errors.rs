//! Bad input, from a contributor's typo to a hostile pull request. Each case is a fixture under
//! `tests/fixtures/errors/<case>/` whose `expected-stderr.txt` lists what stderr must contain,
//! or is made here when it cannot live in git (a 10 MB page, symbolic link loops). Every case
//! must keep four promises:
//!
//! 1. a clear error: exit code 1, and stderr names the file (and line and field where there is
//!    one) as listed, with every `error:` line starting with the file it is about;
//! 2. no panic (and no crash: a stack overflow would end with a signal, not exit code 1);
//! 3. nothing written anywhere but the output folder (the whole temporary folder holding the
//!    site and the output is compared, entry by entry, before and after);
//! 4. the previous output intact: the output folder holds a finished earlier build, which must
//!    be there byte for byte afterwards.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every entry under `dir`: files with their bytes, folders and symbolic links with `None`
/// (so a new empty folder or a new link counts as a change too).
fn listing(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).expect("readable"));
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

/// A finished build of the `basic` fixture, copied into each case's output folder as the
/// previous output that a failed build must leave alone.
struct PreviousOutput(tempfile::TempDir);

impl PreviousOutput {
    fn new() -> PreviousOutput {
        let dir = tempfile::tempdir().expect("temp dir");
        build_into(&fixture("basic"), &dir.path().join("public"), &[]);
        PreviousOutput(dir)
    }

    fn copy_to(&self, out: &Path) {
        copy_tree(&self.0.path().join("public"), out);
    }
}

/// Builds the site that `make_site` writes into `<tmp>/site`, into `<tmp>/public` (which holds
/// a previous build), and asserts the four promises.
fn assert_fails_cleanly(
    name: &str,
    previous: &PreviousOutput,
    make_site: impl FnOnce(&Path),
    expected: &[String],
) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let site = tmp.path().join("site");
    std::fs::create_dir(&site).unwrap();
    make_site(&site);
    let out = tmp.path().join("public");
    previous.copy_to(&out);
    let before = listing(tmp.path());

    let o = handbook(&site, &["build", "--out", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{name} panicked:\n{stderr}"
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{name}: expected exit code 1 (a signal means a crash), stderr:\n{stderr}"
    );
    for line in expected {
        assert!(
            stderr.contains(line.as_str()),
            "{name}: stderr lacks `{line}`:\n{stderr}"
        );
    }
    for line in stderr.lines().filter(|l| l.starts_with("error: ")) {
        let about = &line["error: ".len()..];
        assert!(
            ["content/", "i18n/", "handbook.yaml", "themes/"]
                .iter()
                .any(|p| about.starts_with(p)),
            "{name}: this error does not start with the file it is about: `{line}`"
        );
    }

    let after = listing(tmp.path());
    let changed: Vec<_> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(
        changed.is_empty(),
        "{name}: the failed build changed the output or wrote beside it: {changed:?}"
    );
}

fn expected_lines(case: &Path) -> Vec<String> {
    read(case.join("expected-stderr.txt"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_bad_input_fixture_fails_cleanly() {
    let previous = PreviousOutput::new();
    let dir = fixture("errors");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 30, "fixtures missing: {names:?}");
    for name in names {
        let case = dir.join(&name);
        assert_fails_cleanly(
            &name,
            &previous,
            |site| {
                copy_tree(&case, site);
                std::fs::remove_file(site.join("expected-stderr.txt")).unwrap();
            },
            &expected_lines(&case),
        );
    }
}

/// The smallest valid site, for the generated cases to add one bad file to.
fn minimal_site(site: &Path) {
    let page = |rel: &str, text: &str| {
        let p = site.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    page(
        "content/en/_index.md",
        "---\ntitle: Home\nsummary: Home.\n---\nHello.\n",
    );
    page(
        "content/hi/_index.md",
        "---\ntitle: होम\nsummary: होम।\n---\nनमस्ते।\n",
    );
}

#[test]
fn a_10_mb_page_is_refused_without_reading_it() {
    let previous = PreviousOutput::new();
    assert_fails_cleanly(
        "10 MB page",
        &previous,
        |site| {
            minimal_site(site);
            let mut text = String::from("---\ntitle: Huge\nsummary: Far too long.\n---\n");
            let line = "All work and no play makes a very long page indeed.\n";
            while text.len() < 10 * 1024 * 1024 {
                text.push_str(line);
            }
            std::fs::create_dir_all(site.join("content/en/guidance")).unwrap();
            std::fs::write(site.join("content/en/guidance/huge.md"), text).unwrap();
        },
        &[
            "content/en/guidance/huge.md".into(),
            "the page is 10.0 MB; pages are limited to 2 MB".into(),
        ],
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_and_escapes_are_refused() {
    use std::os::unix::fs::symlink;
    let previous = PreviousOutput::new();
    assert_fails_cleanly(
        "symlink loop",
        &previous,
        |site| {
            minimal_site(site);
            let tips = site.join("content/en/tips");
            std::fs::create_dir_all(&tips).unwrap();
            symlink(".", tips.join("loop")).unwrap(); // a folder containing itself
            symlink("../tips", tips.join("up")).unwrap();
            symlink("self", site.join("content/en/self")).unwrap(); // points at itself
            symlink("/etc/passwd", tips.join("secret.md")).unwrap(); // out of the site
            symlink("../../hi", site.join("content/en/tips/hindi")).unwrap();
        },
        &[
            "content/en/tips/loop: is a symbolic link".into(),
            "content/en/tips/up: is a symbolic link".into(),
            "content/en/self: is a symbolic link".into(),
            "content/en/tips/secret.md: is a symbolic link".into(),
            "content/en/tips/hindi: is a symbolic link".into(),
        ],
    );
}

#[test]
fn missing_content_folder_is_an_environment_error() {
    let site = tempfile::tempdir().unwrap();
    let o = handbook(site.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no `content/` folder"));
}

#[test]
fn usage_errors_exit_2() {
    let site = tempfile::tempdir().unwrap();
    let o = handbook(site.path(), &["build", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_explains_every_flag() {
    let o = handbook(std::path::Path::new("."), &["build", "--help"]);
    let help = String::from_utf8_lossy(&o.stdout);
    for flag in ["--out", "--base-url", "--drafts", "--portable", "--root"] {
        assert!(help.contains(flag), "help lacks {flag}:\n{help}");
    }
}
