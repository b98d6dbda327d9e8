//! Helpers shared by the integration tests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A private copy of a fixture, so builds never write into the repository.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixture(name), dir.path());
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn handbook(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run handbook")
}

/// Like [`handbook`], with environment variables set (`Some`) or removed (`None`).
pub fn handbook_env(root: &Path, args: &[&str], env: &[(&str, Option<&str>)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handbook"));
    cmd.arg("--root").arg(root).args(args);
    for (k, v) in env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.output().expect("run handbook")
}

/// Builds `root` into `root/public` with extra arguments; panics with stderr on failure.
pub fn build_ok(root: &Path, args: &[&str]) -> PathBuf {
    let out = root.join("public");
    let mut all = vec!["build", "--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = handbook(root, &all);
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// The repository itself: the real handbook's site folder.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds `root` into `out` with extra arguments; panics with stderr on failure.
pub fn build_into(root: &Path, out: &Path, args: &[&str]) {
    let mut all = vec![
        "build",
        "--quiet",
        "--out",
        out.to_str().expect("UTF-8 temp path"),
    ];
    all.extend_from_slice(args);
    let o = handbook(root, &all);
    assert!(
        o.status.success(),
        "build of {} failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

pub fn read(path: impl AsRef<Path>) -> String {
    let p = path.as_ref();
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// The `<main>` element of a page, for snapshots that do not churn with the frame.
pub fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page has </main>") + "</main>".len();
    html[start..end].to_string()
}

/// Values of every `href` and `src` attribute, entity-decoded, in document order.
pub fn attr_links(html: &str) -> Vec<String> {
    crate::html_tags::start_tags(html)
        .into_iter()
        .flat_map(|t| t.attrs)
        .filter(|(name, _)| name == "href" || name == "src")
        .map(|(_, value)| value)
        .collect()
}

/// Every file under `dir` with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    tree(dir)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

/// A file of the built-in theme (`themes/default/`), to override it in a test site.
pub fn default_theme_file(rel: &str) -> String {
    read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default")
            .join(rel),
    )
}
