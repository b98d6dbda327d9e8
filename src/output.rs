//! Stage 5, output: [`OutputFile`]s in, the output folder on disk out.
//!
//! The only code that touches the output folder. A build is written into a fresh
//! folder beside the target and swapped in only when every file is written, so a failed build
//! leaves the previous output exactly as it was. A marker file tells a previous build's output
//! apart from a folder of the user's, which is never deleted.

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

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

/// Writes `files` into a scratch folder that is not the output (the copy `build --pdf`
/// prints from). The caller owns and removes the folder.
pub fn write_scratch(dir: &Path, files: &[OutputFile]) -> Result<()> {
    files.par_iter().try_for_each(|f| {
        let p = dir.join(safe_rel(&f.path)?);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        std::fs::write(&p, &f.bytes).with_context(|| format!("cannot write `{}`", p.display()))
    })
}

/// `path` when it stays inside the folder it is written to (no `..`, no empty or absolute
/// part); generated paths always do, so anything else is a bug.
fn safe_rel(path: &str) -> Result<&str> {
    if path.split('/').any(|s| s == ".." || s.is_empty()) {
        bail!("internal error: unsafe output path `{path}`");
    }
    Ok(path)
}

/// A build being written: files go into a fresh folder beside `out` as they are rendered
/// (so the whole site never has to be in memory at once), and [`Staging::commit`] swaps it in.
/// Dropped without a commit (an error anywhere), the new folder is removed and `out` is left
/// exactly as it was.
///
/// A file whose bytes equal the previous build's file at the same path is not written again:
/// the new folder gets a hard link to the previous file. The previous output is only read,
/// never changed, so a failed build still leaves it byte for byte; a successful rebuild
/// writes only the files that changed, and unchanged files keep their modification time
/// (an upload that compares times sends only what changed).
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    /// Whether `out` holds a previous output of ours (it has the marker), whose unchanged
    /// files can be reused.
    reuse_previous: bool,
    /// Folders already made inside `tmp`.
    dirs: Mutex<HashSet<String>>,
    files: AtomicUsize,
    bytes: AtomicU64,
    reused: AtomicUsize,
    committed: bool,
}

/// What a committed [`Staging`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub files: usize,
    pub bytes: u64,
    /// Files identical to the previous build's, linked instead of written.
    pub reused: usize,
}

impl Staging {
    /// Checks the target and makes the new folder beside it.
    pub fn begin(site_root: &Path, out: &Path) -> Result<Staging> {
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
        std::fs::create_dir_all(&tmp)
            .with_context(|| format!("cannot create `{}`", tmp.display()))?;
        let reuse_previous = out.join(MARKER).is_file();
        Ok(Staging {
            out,
            tmp,
            old,
            reuse_previous,
            dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            reused: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Writes one file into the new folder; safe to call from many threads at once.
    pub fn put(&self, f: &OutputFile) -> Result<()> {
        safe_rel(&f.path)?;
        if let Some((dir, _)) = f.path.rsplit_once('/') {
            let made = self.dirs.lock().is_ok_and(|dirs| dirs.contains(dir));
            if !made {
                let d = self.tmp.join(dir);
                std::fs::create_dir_all(&d)
                    .with_context(|| format!("cannot create `{}`", d.display()))?;
                if let Ok(mut dirs) = self.dirs.lock() {
                    dirs.insert(dir.to_string());
                }
            }
        }
        let p = self.tmp.join(&f.path);
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes
            .fetch_add(f.bytes.len() as u64, Ordering::Relaxed);
        if self.reuse_previous {
            let before = self.out.join(&f.path);
            if same_bytes(&before, &f.bytes) && std::fs::hard_link(&before, &p).is_ok() {
                self.reused.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        }
        std::fs::write(&p, &f.bytes).with_context(|| format!("cannot write `{}`", p.display()))
    }

    /// Writes `f` again over a file this staging already holds (a page rendered anew once
    /// `build --pdf` measured it). The old file is removed first: it may be a hard link to the
    /// previous output's, which must stay as it was.
    pub fn replace(&self, f: &OutputFile) -> Result<()> {
        safe_rel(&f.path)?;
        let p = self.tmp.join(&f.path);
        if p.exists() {
            std::fs::remove_file(&p)
                .with_context(|| format!("cannot replace `{}`", p.display()))?;
            self.files.fetch_sub(1, Ordering::Relaxed);
        }
        self.put(f)
    }

    /// Swaps the new folder in for `out` and removes the previous output.
    pub fn commit(mut self) -> Result<WriteStats> {
        std::fs::write(
            self.tmp.join(MARKER),
            b"This folder is build output of `handbook build`; it is replaced on every build.\n",
        )
        .context("cannot write the output marker")?;
        let (out, tmp, old) = (&self.out, &self.tmp, &self.old);
        if out.exists() {
            std::fs::rename(out, old).with_context(|| {
                format!("cannot move the previous output `{}` aside", out.display())
            })?;
        }
        if let Err(e) = std::fs::rename(tmp, out) {
            // Put the previous output back so the user is never left with nothing.
            if old.exists() {
                let _ = std::fs::rename(old, out);
            }
            return Err(e)
                .with_context(|| format!("cannot move the new output into `{}`", out.display()));
        }
        self.committed = true;
        if old.exists() {
            std::fs::remove_dir_all(old).with_context(|| {
                format!("cannot remove the previous output `{}`", old.display())
            })?;
        }
        Ok(WriteStats {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Whether the file at `path` holds exactly `bytes` (sizes first, so most changed files are
/// never read).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            std::fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_atomic(site_root: &Path, out: &Path, files: &[OutputFile]) -> Result<()> {
        let staging = Staging::begin(site_root, out)?;
        files.iter().try_for_each(|f| staging.put(f))?;
        staging.commit()?;
        Ok(())
    }

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
