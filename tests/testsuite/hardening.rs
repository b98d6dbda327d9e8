//! Regression tests for the ten holes a probe of the build found (issue 15), one test per
//! finding, named after it. Each failed before the fix; the hostile inputs are under
//! `tests/fixtures/hardening/<case>/`, laid over a copy of the `basic` fixture.

use crate::support::*;

/// A copy of the `basic` fixture with `tests/fixtures/hardening/<case>/` laid over it.
fn site_with(case: &str) -> tempfile::TempDir {
    let site = copy_fixture("basic");
    copy_tree(&fixture("hardening").join(case), site.path());
    site
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Finding 1: `## Focus me {onfocus=… autofocus=1}` became `<h2 onfocus=…>` and ran on load.
#[test]
fn heading_attributes_run_script() {
    let site = site_with("heading-attributes");
    let out = site.path().join("public");
    let o = handbook(site.path(), &["build", "--out", out.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for expected in [
        "content/en/guidance/focus.md:9:14: heading attribute `onfocus=alert(document.domain)` is not allowed",
        "content/en/guidance/focus.md:9:45: heading attribute `tabindex=0` is not allowed",
        "content/en/guidance/focus.md:9:56: heading attribute `autofocus=1` is not allowed",
        "content/en/guidance/focus.md:13:11: heading attribute `onmouseover=alert(1)` is not allowed",
    ] {
        assert!(err.contains(expected), "lacks `{expected}`:\n{err}");
    }
    assert!(!out.exists());
    let o = handbook(site.path(), &["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(
            "::error file=content/en/guidance/focus.md,line=9,col=14::heading attribute `onfocus"
        ),
        "{}",
        stdout(&o)
    );
}
