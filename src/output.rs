//! Stage 5, output: [`OutputFile`]s in, the output folder on disk out.
//!
//! The only code that touches the output folder. A build is written into a fresh
//! folder beside the target and swapped in only when every file is written, so a failed build
//! leaves the previous output exactly as it was. A marker file tells a previous build's output
//! apart from a folder of the user's, which is never deleted.
//!
//! One build at a time writes an output: a build holds an advisory lock on a file beside it
//! (`.<name>.handbook-lock`), and a second build is told that another is running. Holding the
//! lock also means that every staging folder of this output found beside it belongs to a build
//! that is gone (killed, or the machine stopped), whatever its process id, so the build removes
//! them. A build that is stopped by Ctrl-C or SIGTERM removes its own ([`interrupted`]).

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, RwLock, RwLockWriteGuard};

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

/// What a build would leave behind if it were stopped now: its staging folders, the lock
/// file, a temporary copy for printing. Writers hold it shared while they write, so that
/// [`interrupted`], which holds it alone, never removes a folder a writer is filling.
static LEFTOVERS: RwLock<Vec<PathBuf>> = RwLock::new(Vec::new());
/// Set once the process is being stopped: no file is written after that.
static STOPPING: AtomicBool = AtomicBool::new(false);

fn leftovers() -> RwLockWriteGuard<'static, Vec<PathBuf>> {
    LEFTOVERS.write().unwrap_or_else(|e| e.into_inner())
}

/// Removes `path` (a folder or a file) if the process is stopped before the guard is dropped.
#[must_use = "the path is only removed on interrupt while the guard lives"]
pub struct RemoveOnInterrupt(PathBuf);

pub fn remove_on_interrupt(path: &Path) -> RemoveOnInterrupt {
    leftovers().push(path.to_path_buf());
    RemoveOnInterrupt(path.to_path_buf())
}

impl Drop for RemoveOnInterrupt {
    fn drop(&mut self) {
        leftovers().retain(|p| p != &self.0);
    }
}

/// Called when the process is asked to stop (Ctrl-C, SIGTERM): waits for files being written
/// and for a swap in progress to finish, then removes every staging folder, temporary copy
/// and lock file of this process. The caller exits right after.
pub fn interrupted() {
    let mut paths = leftovers();
    STOPPING.store(true, Ordering::SeqCst);
    for path in paths.drain(..) {
        if path.is_dir() {
            let _ = std::fs::remove_dir_all(&path);
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The advisory lock that lets one build at a time write an output folder: an exclusive lock
/// (`flock` on Unix, `LockFileEx` on Windows, through the standard library) on
/// `.<name>.handbook-lock` beside it, holding the owner's process id for the message a second
/// build shows. The file is removed when the build ends, while it is still locked; a build
/// that locked a file that was removed meanwhile finds out and locks the new one.
struct OutputLock {
    path: PathBuf,
    _file: File,
}

impl OutputLock {
    /// Locks the output `name` in `parent`; `pending` is the list of [`LEFTOVERS`], held by
    /// the caller, where the lock file is put so that an interrupt removes it.
    fn acquire(parent: &Path, name: &str, pending: &mut Vec<PathBuf>) -> Result<OutputLock> {
        let path = parent.join(format!(".{name}.handbook-lock"));
        loop {
            let mut file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .with_context(|| format!("cannot open the lock file `{}`", path.display()))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    let owner = std::fs::read_to_string(&path).unwrap_or_default();
                    let owner = match owner.trim() {
                        pid if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) => {
                            format!(" (process {pid})")
                        }
                        _ => String::new(),
                    };
                    bail!(
                        "another `handbook build`{owner} is writing `{}` now; wait for it to finish, or build into another folder with --out",
                        parent.join(name).display()
                    );
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("cannot lock `{}`", path.display()));
                }
            }
            if !same_file(&file, &path) {
                continue;
            }
            pending.push(path.clone());
            let _ = file.set_len(0);
            let _ = write!(file, "{}", std::process::id());
            return Ok(OutputLock { path, _file: file });
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked (the file is closed after this), so a build waiting to
        // lock it sees that it is gone. Windows cannot remove an open file: it stays.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether the open `file` is still the one at `path` (not removed or replaced since).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, _: &Path) -> bool {
    // The lock file is never removed where open files cannot be.
    true
}

/// Staging folders of the output `name` left by builds that are gone: `.<name>.handbook-new-N`
/// and `.<name>.handbook-old-N` for any process id N. Only called with the lock held.
fn remove_leftovers(parent: &Path, name: &str, out: &Path) -> Result<()> {
    let mut new = Vec::new();
    let mut old = Vec::new();
    for entry in std::fs::read_dir(parent)
        .with_context(|| format!("cannot read `{}`", parent.display()))?
        .flatten()
    {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        for (kind, list) in [("new", &mut new), ("old", &mut old)] {
            let pid = file_name.strip_prefix(&format!(".{name}.handbook-{kind}-"));
            if pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
                list.push(entry.path());
            }
        }
    }
    // Stopped in the middle of a swap, after the previous output was moved aside and before
    // the new one took its place: the previous output goes back.
    if !out.exists()
        && let Some(previous) = old.iter().find(|p| p.join(MARKER).is_file())
    {
        std::fs::rename(previous, out).with_context(|| {
            format!(
                "cannot put the previous output `{}` back",
                previous.display()
            )
        })?;
    }
    for leftover in new.iter().chain(&old).filter(|p| p.exists()) {
        std::fs::remove_dir_all(leftover).with_context(|| {
            format!(
                "cannot remove `{}`, left by a build that was stopped",
                leftover.display()
            )
        })?;
    }
    Ok(())
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
    /// Released (and its file removed) when the build ends, after the folders are settled.
    lock: OutputLock,
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
        // Everything this build leaves beside the output is made and listed for an interrupt
        // in one step, so a stop that comes in between can neither miss nor race it.
        let mut pending = leftovers();
        if STOPPING.load(Ordering::SeqCst) {
            bail!("the build was stopped");
        }
        let lock = OutputLock::acquire(&parent, &name, &mut pending)?;
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.handbook-new-{pid}"));
        let old = parent.join(format!(".{name}.handbook-old-{pid}"));
        let made = remove_leftovers(&parent, &name, &out).and_then(|()| {
            std::fs::create_dir_all(&tmp)
                .with_context(|| format!("cannot create `{}`", tmp.display()))
        });
        if let Err(e) = made {
            pending.retain(|p| p != &lock.path);
            return Err(e);
        }
        pending.push(tmp.clone());
        drop(pending);
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
            lock,
        })
    }

    /// Writes one file into the new folder; safe to call from many threads at once.
    pub fn put(&self, f: &OutputFile) -> Result<()> {
        safe_rel(&f.path)?;
        // Shared with other writers; an interrupt waits for it before removing the folder.
        let _writing = LEFTOVERS.read().unwrap_or_else(|e| e.into_inner());
        if STOPPING.load(Ordering::SeqCst) {
            bail!("the build was stopped");
        }
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
        {
            // An interrupt waits for the swap: it never finds the output moved aside.
            let mut pending = leftovers();
            if STOPPING.load(Ordering::SeqCst) {
                bail!("the build was stopped");
            }
            if out.exists() {
                pending.push(old.clone());
                std::fs::rename(out, old).with_context(|| {
                    format!("cannot move the previous output `{}` aside", out.display())
                })?;
            }
            if let Err(e) = std::fs::rename(tmp, out) {
                // Put the previous output back so the user is never left with nothing.
                if old.exists() {
                    let _ = std::fs::rename(old, out);
                }
                return Err(e).with_context(|| {
                    format!("cannot move the new output into `{}`", out.display())
                });
            }
            pending.retain(|p| p != tmp);
            self.committed = true;
        }
        if old.exists() {
            std::fs::remove_dir_all(old).with_context(|| {
                format!("cannot remove the previous output `{}`", old.display())
            })?;
        }
        leftovers().retain(|p| p != old);
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
        leftovers().retain(|p| p != &self.tmp && p != &self.old && p != &self.lock.path);
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

    #[test]
    fn one_build_at_a_time_and_leftovers_of_any_pid_go() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("content")).unwrap();
        let out = site.path().join("public");
        write_atomic(
            site.path(),
            &out,
            &[OutputFile::new("a.txt", b"1".to_vec())],
        )
        .unwrap();
        // A build killed in the middle of writing, another in the middle of its swap (the
        // previous output moved aside, the new one not yet in place).
        let stale_new = site.path().join(".public.handbook-new-999999");
        std::fs::create_dir_all(stale_new.join("x")).unwrap();
        let stale_old = site.path().join(".public.handbook-old-123");
        std::fs::rename(&out, &stale_old).unwrap();
        let unrelated = site.path().join(".public.handbook-new-12x");
        std::fs::create_dir(&unrelated).unwrap();
        let first = Staging::begin(site.path(), &out).unwrap();
        assert!(!stale_new.exists() && !stale_old.exists() && unrelated.exists());
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"1", "put back");
        let second = Staging::begin(site.path(), &out).err().unwrap().to_string();
        assert!(
            second.contains(&format!(
                "another `handbook build` (process {}) is writing",
                std::process::id()
            )),
            "{second}"
        );
        first.put(&OutputFile::new("b.txt", b"2".to_vec())).unwrap();
        first.commit().unwrap();
        assert!(!site.path().join(".public.handbook-lock").exists());
        assert!(
            Staging::begin(site.path(), &out).is_ok(),
            "the lock is released"
        );
    }
}
