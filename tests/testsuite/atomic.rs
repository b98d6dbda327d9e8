//! A failed build leaves the previous output byte for byte; folders that are not build output
//! are never replaced.

use crate::support::*;

#[test]
fn failed_build_leaves_previous_output_intact() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let before = tree(&out);
    let page = site.path().join("content/en/tips/rest.md");
    std::fs::write(&page, "---\ntitle: [broken\n---\n").unwrap();
    let o = handbook(site.path(), &["build", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(tree(&out) == before, "output changed after a failed build");
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("handbook-new") || n.contains("handbook-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refuses_to_replace_folders_it_did_not_make() {
    let site = copy_fixture("basic");
    let mine = site.path().join("notes");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("todo.txt"), "keep me").unwrap();
    for out in [mine.as_path(), site.path(), &site.path().join("content")] {
        let o = handbook(site.path(), &["build", "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", out.display());
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("refusing"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert_eq!(read(mine.join("todo.txt")), "keep me");
    assert!(site.path().join("content/en/_index.md").is_file());
}
