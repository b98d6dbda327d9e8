//! One fixture per kind of bad input under `tests/fixtures/errors/`: the build must fail with
//! exit code 1, name the file, line and field listed in `expected-stderr.txt`, never panic,
//! and write nothing.

use crate::support::*;

fn check_case(name: &str) {
    let site = copy_fixture(&format!("errors/{name}"));
    let o = handbook(site.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{name}: expected exit 1, stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name} panicked:\n{stderr}");
    let expected = read(fixture(&format!("errors/{name}/expected-stderr.txt")));
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        assert!(
            stderr.contains(line),
            "{name}: stderr lacks `{line}`:\n{stderr}"
        );
    }
    assert!(
        !site.path().join("public").exists(),
        "{name}: a failed build wrote output"
    );
}

#[test]
fn every_bad_input_fixture_fails_clearly() {
    let dir = fixture("errors");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 20, "fixtures missing: {names:?}");
    for name in names {
        check_case(&name);
    }
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
