//! Builds the index of `tests/fixtures/search/docs.json` and checks it against the committed copy in
//! `tests/fixtures/search/index/`, which `tests/e2e/specs/search-analyzer.test.js` queries under Node. Output must be
//! byte-identical run to run; regenerate with `BLESS=1 cargo test --test testsuite search`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use handbook::search::index::{IndexFile, SearchDoc, build_index};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search")
}

fn build() -> Vec<IndexFile> {
    let text = std::fs::read_to_string(root().join("docs.json")).expect("docs.json is readable");
    let docs: Vec<SearchDoc> = serde_json::from_str(&text).expect("docs.json parses");
    let mut files = build_index("en", &docs);
    files.extend(build_index("hi", &docs));
    files
}

fn existing(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for lang in ["en", "hi"] {
        if let Ok(entries) = std::fs::read_dir(dir.join(lang)) {
            for e in entries.flatten() {
                out.insert(format!("{lang}/{}", e.file_name().to_string_lossy()));
            }
        }
    }
    out
}

#[test]
fn fixture_index_is_current() {
    let dir = root().join("index");
    let files = build();
    if std::env::var_os("BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        for f in &files {
            let path = dir.join(&f.path);
            std::fs::create_dir_all(path.parent().expect("index files are in a language dir"))
                .expect("create index dir");
            std::fs::write(&path, &f.bytes).expect("write index file");
        }
    }
    let wanted: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
    assert_eq!(existing(&dir), wanted, "index file list");
    for f in &files {
        let on_disk = std::fs::read(dir.join(&f.path)).expect("index file exists");
        assert!(on_disk == f.bytes, "{} differs; rerun with BLESS=1", f.path);
    }
    for lang in ["en", "hi"] {
        let bytes: usize = files
            .iter()
            .filter(|f| f.path.starts_with(&format!("{lang}/")))
            .map(|f| f.bytes.len())
            .sum();
        println!(
            "index size {lang}: {bytes} bytes in {} files",
            files
                .iter()
                .filter(|f| f.path.starts_with(&format!("{lang}/")))
                .count()
        );
    }
}

#[test]
fn build_is_deterministic() {
    assert_eq!(build(), build());
}
