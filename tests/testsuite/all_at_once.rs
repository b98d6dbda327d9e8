//! One `check` run reports every problem of a page: a front matter with a missing or
//! mistyped field no longer hides the problems in the body, and `build` still refuses.

use crate::support::*;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn four_problems_four_annotations() {
    let site = copy_fixture("all-at-once");
    let o = handbook(site.path(), &["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let file = "file=content/en/stories/four-problems.md";
    let found: Vec<(String, &str)> = out
        .lines()
        .map(|l| {
            let line = l
                .split(",line=")
                .nth(1)
                .and_then(|r| r.split([',', ':']).next())
                .unwrap_or("")
                .to_string();
            (line, l)
        })
        .collect();
    assert_eq!(found.len(), 4, "{out}");
    assert!(
        found
            .iter()
            .all(|(_, l)| l.starts_with(&format!("::error {file},"))),
        "{out}"
    );
    let lines: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(lines, ["1", "3", "6", "8"], "{out}");
    assert!(found[0].1.contains("`summary`: is required"), "{out}");
    assert!(found[1].1.contains("`feedbak` is not declared"), "{out}");
    assert!(found[2].1.contains("no-such-tip.md"), "{out}");
    assert!(found[3].1.contains("no alt text"), "{out}");
}

#[test]
fn mistyped_and_unknown_fields_are_reported_with_the_rest() {
    let site = copy_fixture("all-at-once");
    let page = site.path().join("content/en/stories/four-problems.md");
    std::fs::write(
        &page,
        "---\nweight: heavy\nsummary: S\nauthor: me\ndraft: maybe\n---\n[x](nowhere.md)\n",
    )
    .unwrap();
    let o = handbook(site.path(), &["check", "--format", "github"]);
    let out = stdout(&o);
    for expected in [
        "line=2,col=9::`weight`: invalid type",
        "line=4,col=1::`author`: unknown field",
        "line=5,col=8::`draft`: invalid type",
        "line=1::`title`: is required but missing",
        "line=7,col=1::link `nowhere.md`",
    ] {
        assert!(out.contains(expected), "{expected}\n{out}");
    }
    assert_eq!(out.lines().count(), 5, "{out}");
}

#[test]
fn yaml_that_does_not_parse_still_lets_the_body_be_checked() {
    let site = copy_fixture("all-at-once");
    let page = site.path().join("content/en/stories/four-problems.md");
    std::fs::write(
        &page,
        "---\ntitle: \"unclosed\nsummary: x\n---\n![](photo.png)\n",
    )
    .unwrap();
    let out = stdout(&handbook(site.path(), &["check", "--format", "github"]));
    assert!(out.contains("not valid YAML"), "{out}");
    assert!(out.contains("line=5::image has no alt text"), "{out}");
}

#[test]
fn build_refuses_and_writes_nothing() {
    let site = copy_fixture("all-at-once");
    let out = site.path().join("public");
    let o = handbook(site.path(), &["build", "--out", out.to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0));
    assert!(!out.exists(), "a failed build wrote {}", out.display());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("`summary`") && err.contains("no alt text"),
        "{err}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| ["content", "i18n", "handbook.yaml"].contains(&n.as_str())),
        "{leftovers:?}"
    );
}
