//! The GitHub Actions workflows: parsed as YAML and checked for what the project relies on
//! (triggers, permissions, the official Pages actions, the commands run), then linted with
//! actionlint when it is installed (`bash .ci/run` installs it; under CI=true it must be).

use serde_yaml::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workflow(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".github/workflows")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{name} is not valid YAML: {e}"))
}

fn steps(job: &Value) -> Vec<&Value> {
    job["steps"]
        .as_sequence()
        .expect("a job has steps")
        .iter()
        .collect()
}

fn uses(job: &Value) -> Vec<String> {
    steps(job)
        .iter()
        .filter_map(|s| s["uses"].as_str())
        .map(|u| u.split('@').next().unwrap_or(u).to_string())
        .collect()
}

fn runs(job: &Value) -> String {
    steps(job)
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn check_workflow_runs_check_and_the_tests_on_pull_requests() {
    let w = workflow("check.yml");
    assert!(w["on"].get("pull_request").is_some(), "{:?}", w["on"]);
    assert_eq!(w["permissions"]["contents"].as_str(), Some("read"));
    let content = &w["jobs"]["content"];
    assert!(uses(content).contains(&"actions/checkout".to_string()));
    let script = runs(content);
    assert!(
        script.contains("cargo build --locked --release --bin handbook"),
        "{script}"
    );
    assert!(
        script.contains("./target/release/handbook check --format github"),
        "{script}"
    );
    // The pull request reviews itself: the built site as an artifact, and a summary.
    assert!(
        script.contains("handbook build --portable --pdf --out public"),
        "{script}"
    );
    let upload = steps(content)
        .into_iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-artifact@"))
        })
        .expect("a step uploads the built site");
    assert_eq!(upload["with"]["path"].as_str(), Some("public"));
    assert!(
        script.contains("node scripts/pr-summary")
            && script.contains("--check check-annotations.txt")
            && script.contains(">> \"$GITHUB_STEP_SUMMARY\""),
        "{script}"
    );
    let tests = &w["jobs"]["tests"];
    assert!(runs(tests).contains("bash .ci/run"));
    assert_eq!(
        tests["container"]["image"].as_str(),
        Some("rust:1-bookworm")
    );
}

#[test]
fn pages_workflow_builds_with_the_pages_url_and_deploys_with_the_official_actions() {
    let w = workflow("pages.yml");
    let branches = &w["on"]["push"]["branches"];
    assert_eq!(branches[0].as_str(), Some("main"), "{branches:?}");
    assert_eq!(w["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(w["permissions"]["id-token"].as_str(), Some("write"));
    assert_eq!(w["concurrency"]["group"].as_str(), Some("pages"));
    assert_eq!(
        w["concurrency"]["cancel-in-progress"].as_bool(),
        Some(false)
    );
    let build = &w["jobs"]["build"];
    assert_eq!(
        uses(build),
        [
            "actions/checkout",
            "actions/configure-pages",
            "actions/cache",
            "actions/upload-pages-artifact"
        ]
    );
    let site = steps(build)
        .into_iter()
        .find(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.contains("handbook build"))
        })
        .expect("a step builds the site");
    let cmd = site["run"].as_str().unwrap();
    assert!(
        cmd.contains("--base-url \"$BASE_URL/\"") && cmd.contains("--pdf"),
        "{cmd}"
    );
    assert_eq!(
        site["env"]["BASE_URL"].as_str(),
        Some("${{ steps.pages.outputs.base_url }}")
    );
    let pages_step = steps(build)
        .into_iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/configure-pages@"))
        })
        .unwrap();
    assert_eq!(pages_step["id"].as_str(), Some("pages"));
    let upload = steps(build)
        .into_iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact@"))
        })
        .unwrap();
    assert_eq!(upload["with"]["path"].as_str(), Some("public"));
    let deploy = &w["jobs"]["deploy"];
    assert_eq!(deploy["needs"].as_str(), Some("build"));
    assert_eq!(deploy["environment"]["name"].as_str(), Some("github-pages"));
    assert_eq!(uses(deploy), ["actions/deploy-pages"]);
}

/// Every action is pinned to a version.
#[test]
fn actions_are_pinned() {
    for name in ["check.yml", "pages.yml"] {
        let w = workflow(name);
        for (job_name, job) in w["jobs"].as_mapping().unwrap() {
            for s in steps(job) {
                if let Some(u) = s["uses"].as_str() {
                    let version = u.split_once('@').map(|(_, v)| v).unwrap_or("");
                    assert!(
                        version.starts_with('v') || version.len() == 40,
                        "{name} {job_name:?}: `{u}` is not pinned"
                    );
                }
            }
        }
    }
}

fn actionlint() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ACTIONLINT") {
        return Some(PathBuf::from(p));
    }
    Command::new("actionlint")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| PathBuf::from("actionlint"))
}

#[test]
fn actionlint_finds_nothing() {
    let Some(linter) = actionlint() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "actionlint is missing under CI: `bash .ci/run` installs it and sets $ACTIONLINT"
        );
        eprintln!("skipped: actionlint is not installed (bash .ci/run installs it)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(&linter)
        .current_dir(root)
        .args([
            "-no-color",
            ".github/workflows/check.yml",
            ".github/workflows/pages.yml",
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", linter.display()));
    assert!(
        o.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}
