//! Stage 5: the only code that touches the output folder. A build is written into a fresh
//! folder beside the target and swapped in only when every file is written, so a failed build
//! leaves the previous output exactly as it was. A marker file tells a previous build's output
//! apart from a folder of the user's, which is never deleted.

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Written into every output folder; only folders holding it are ever replaced.
pub const MARKER: &str = ".handbook-output";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output root, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes,
        }
    }
}

/// Refuses output folders that would destroy the site's own files.
pub fn check_target(site_root: &Path, out: &Path) -> Result<()> {
    let root = site_root
        .canonicalize()
        .with_context(|| format!("cannot open `{}`", site_root.display()))?;
    let out_abs = absolute(out)?;
    if root.starts_with(&out_abs) {
        bail!(
            "refusing to build into `{}`: it is the site folder or contains it; choose a folder such as `public/`",
            out.display()
        );
    }
    for protected in ["content", "themes", "i18n", "src", "tests", ".git"] {
        if out_abs.starts_with(root.join(protected)) {
            bail!(
                "refusing to build into `{}`: it is inside the site's `{protected}/` folder",
                out.display()
            );
        }
    }
    if out_abs.join("content").is_dir() {
        bail!(
            "refusing to build into `{}`: it holds a `content/` folder, so it looks like a site, not build output",
            out.display()
        );
    }
    if out_abs.exists() {
        if !out_abs.is_dir() {
            bail!(
                "refusing to build into `{}`: it is a file, not a folder",
                out.display()
            );
        }
        let empty = std::fs::read_dir(&out_abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !out_abs.join(MARKER).exists() {
            bail!(
                "refusing to replace `{}`: it is not empty and was not made by `handbook build` (no `{MARKER}` file); move it away or choose another --out",
                out.display()
            );
        }
    }
    Ok(())
}

/// `out` as an absolute path, resolving the parent when the folder does not exist yet.
fn absolute(out: &Path) -> Result<PathBuf> {
    let abs = if out.is_absolute() {
        out.to_path_buf()
    } else {
        std::env::current_dir()?.join(out)
    };
    let parent = abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| abs.clone());
    let name = abs.file_name().map(|n| n.to_os_string());
    match (parent.canonicalize(), name) {
        (Ok(p), Some(n)) => Ok(p.join(n)),
        _ => Ok(abs),
    }
}

/// Writes `files` as the new content of `out`, atomically as seen by readers of `out`.
pub fn write_atomic(site_root: &Path, out: &Path, files: &[OutputFile]) -> Result<()> {
    check_target(site_root, out)?;
    let out = absolute(out)?;
    let parent = out
        .parent()
        .context("the output folder has no parent folder")?
        .to_path_buf();
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create `{}`", parent.display()))?;
    let name = out
        .file_name()
        .context("the output folder has no name")?
        .to_string_lossy()
        .into_owned();
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.handbook-new-{pid}"));
    let old = parent.join(format!(".{name}.handbook-old-{pid}"));
    for leftover in [&tmp, &old] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover)
                .with_context(|| format!("cannot remove `{}`", leftover.display()))?;
        }
    }
    let written = write_tree(&tmp, files);
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if out.exists() {
        std::fs::rename(&out, &old).with_context(|| {
            format!("cannot move the previous output `{}` aside", out.display())
        })?;
    }
    if let Err(e) = std::fs::rename(&tmp, &out) {
        // Put the previous output back so the user is never left with nothing.
        if old.exists() {
            let _ = std::fs::rename(&old, &out);
        }
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e)
            .with_context(|| format!("cannot move the new output into `{}`", out.display()));
    }
    if old.exists() {
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove the previous output `{}`", old.display()))?;
    }
    Ok(())
}

/// Writes `files` into a scratch folder that is not the output (the copy `build --pdf`
/// prints from). The caller owns and removes the folder.
pub fn write_scratch(dir: &Path, files: &[OutputFile]) -> Result<()> {
    write_tree(dir, files)
}

fn write_tree(dir: &Path, files: &[OutputFile]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).with_context(|| format!("cannot create `{}`", d.display()))?;
    }
    files.par_iter().try_for_each(|f| {
        if f.path.split('/').any(|s| s == ".." || s.is_empty()) {
            bail!("internal error: unsafe output path `{}`", f.path);
        }
        let p = dir.join(&f.path);
        std::fs::write(&p, &f.bytes).with_context(|| format!("cannot write `{}`", p.display()))
    })?;
    std::fs::write(
        dir.join(MARKER),
        b"This folder is build output of `handbook build`; it is replaced on every build.\n",
    )
    .context("cannot write the output marker")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_and_refuses() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("content")).unwrap();
        let out = site.path().join("public");
        write_atomic(
            site.path(),
            &out,
            &[OutputFile::new("a/index.html", b"1".to_vec())],
        )
        .unwrap();
        write_atomic(
            site.path(),
            &out,
            &[OutputFile::new("b.txt", b"2".to_vec())],
        )
        .unwrap();
        assert!(!out.join("a").exists());
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"2");
        // Not ours: refused and untouched.
        let mine = site.path().join("mine");
        std::fs::create_dir(&mine).unwrap();
        std::fs::write(mine.join("notes.txt"), "keep").unwrap();
        assert!(write_atomic(site.path(), &mine, &[]).is_err());
        assert_eq!(
            std::fs::read_to_string(mine.join("notes.txt")).unwrap(),
            "keep"
        );
        assert!(write_atomic(site.path(), site.path(), &[]).is_err());
        assert!(write_atomic(site.path(), &site.path().join("content/x"), &[]).is_err());
        let leftovers: Vec<_> = std::fs::read_dir(site.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 3, "{leftovers:?}");
    }
}
