//! A failed build leaves the previous output byte for byte; folders that are not build output
//! are never replaced.

use crate::support::*;
use std::path::Path;

/// No half-written new folder and no moved-aside old one stays beside the output.
fn assert_no_leftovers(dir: &Path) {
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("handbook-new") || n.contains("handbook-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

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
    assert_no_leftovers(site.path());
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

/// A rebuild into the same folder writes only what changed: every other file is the previous
/// build's file, linked into the new folder (same inode), and the result equals a fresh build.
#[cfg(unix)]
#[test]
fn rebuild_writes_only_changed_files() {
    use std::os::unix::fs::MetadataExt;
    let inode = |p: &std::path::Path| std::fs::metadata(p).unwrap().ino();
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let css = out.join("static/css/site.css");
    let page = out.join("en/tips/rest/index.html");
    let (css_before, page_before) = (inode(&css), inode(&page));
    let source = site.path().join("content/en/tips/rest.md");
    let mut text = read(&source);
    text.push_str("\nOne more sentence.\n");
    std::fs::write(&source, text).unwrap();
    let o = handbook(site.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains(" unchanged)"));
    assert_eq!(
        inode(&css),
        css_before,
        "an unchanged file was written again"
    );
    assert_ne!(inode(&page), page_before, "the edited page was not written");
    assert!(read(&page).contains("One more sentence."));
    let fresh = site.path().join("fresh");
    let o = handbook(site.path(), &["build", "--out", fresh.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        tree(&out) == tree(&fresh),
        "a rebuild differs from a fresh build"
    );
}

/// A template that fails while pages are being written (some already linked from the previous
/// build into the new folder) still leaves the previous output byte for byte, and no new folder.
#[test]
fn failure_while_writing_leaves_previous_output_intact() {
    let site = copy_fixture("basic");
    let out = build_ok(site.path(), &[]);
    let before = tree(&out);
    let templates = site.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("tag.html"), "{{ no_such_variable.field }}").unwrap();
    let o = handbook(site.path(), &["build", "--out", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(tree(&out) == before, "output changed after a failed build");
    assert_no_leftovers(site.path());
}
