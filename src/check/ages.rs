//! `check`, after the model: content file paths in, the time each last changed out, to tell a
//! translation that is older than its source.
//!
//! File modification times are useless in a fresh clone (every file gets the time of the
//! checkout), so in a git checkout the age of a file is the time of the last commit that
//! touched it, read for all files with one `git log` over `content/`. Files with uncommitted
//! changes, or new ones, use their modification time, which is later than any commit: the
//! edit a translator is making right now counts. Outside git, modification times are all
//! there is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the ages came from; the report says so, since the two can disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeSource {
    /// Last commit time per file. In a shallow clone every file has the time of the one
    /// commit fetched, so nothing looks outdated.
    Git {
        shallow: bool,
    },
    Mtime,
}

impl AgeSource {
    pub fn describe(self) -> &'static str {
        match self {
            AgeSource::Git { shallow: false } => {
                "git history, the last commit that changed each file (a file with uncommitted changes: its modification time)"
            }
            AgeSource::Git { shallow: true } => {
                "git history, but this is a shallow clone: files changed before the fetched commits all look equally old"
            }
            AgeSource::Mtime => {
                "file modification times, as this is not a git checkout (in a fresh copy every file looks equally new)"
            }
        }
    }
}

/// Seconds since the Unix epoch for each of `files` (paths relative to `root`).
pub fn file_ages(root: &Path, files: &[PathBuf]) -> (AgeSource, BTreeMap<PathBuf, i64>) {
    let mut ages = BTreeMap::new();
    let source = match git_ages(root) {
        Some((shallow, committed, dirty)) => {
            for f in files {
                let key = slash(f);
                let age = if dirty.contains(&key) {
                    mtime(&root.join(f))
                } else {
                    committed
                        .get(&key)
                        .copied()
                        .or_else(|| mtime(&root.join(f)))
                };
                if let Some(a) = age {
                    ages.insert(f.clone(), a);
                }
            }
            AgeSource::Git { shallow }
        }
        None => {
            for f in files {
                if let Some(a) = mtime(&root.join(f)) {
                    ages.insert(f.clone(), a);
                }
            }
            AgeSource::Mtime
        }
    };
    (source, ages)
}

fn mtime(p: &Path) -> Option<i64> {
    let t = std::fs::metadata(p).ok()?.modified().ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(secs).ok()
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

type GitAges = (bool, BTreeMap<String, i64>, BTreeSet<String>);

/// `None` when git is missing or `root` is not inside a work tree. Paths are relative to
/// `root` (`--relative`), whatever folder of the repository the site is in.
fn git_ages(root: &Path) -> Option<GitAges> {
    let probe = git(
        root,
        &[
            "rev-parse",
            "--is-inside-work-tree",
            "--is-shallow-repository",
        ],
    )?;
    let mut lines = probe.lines();
    if lines.next()? != "true" {
        return None;
    }
    let shallow = lines.next() == Some("true");
    // Newest commit first, so the first time a path appears is its last change. The NUL
    // before the time tells a commit line from a path line.
    let log = git(
        root,
        &[
            "log",
            "--format=%x00%ct",
            "--name-only",
            "--relative",
            "--no-renames",
            "--",
            "content",
        ],
    )
    .unwrap_or_default();
    let mut committed = BTreeMap::new();
    let mut time = 0i64;
    for line in log.lines() {
        if let Some(t) = line.strip_prefix('\0') {
            time = t.trim().parse().unwrap_or(0);
        } else if !line.is_empty() {
            committed.entry(line.to_string()).or_insert(time);
        }
    }
    let mut dirty = BTreeSet::new();
    // Staged or unstaged changes against the last commit (absent in a repository with no
    // commit yet, where every file is new anyway), then files git does not track.
    for args in [
        &["diff", "--name-only", "--relative", "HEAD", "--", "content"][..],
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "--",
            "content",
        ][..],
    ] {
        if let Some(out) = git(root, args) {
            dirty.extend(out.lines().filter(|l| !l.is_empty()).map(str::to_string));
        }
    }
    Some((shallow, committed, dirty))
}

/// The time of the last commit that changed `path` (relative to `root`), when `root` is in
/// a git work tree.
pub fn last_commit(root: &Path, path: &str) -> Option<i64> {
    git(root, &["log", "-1", "--format=%ct", "--", path])?
        .trim()
        .parse()
        .ok()
}

/// The last commit time of every file under `content/` (paths relative to `root`), for the
/// "last updated" line of each page; empty outside git.
pub fn last_commits(root: &Path) -> BTreeMap<String, i64> {
    git_ages(root)
        .map(|(_, committed, _)| committed)
        .unwrap_or_default()
}

/// The folder of `root` inside its git repository (`""` at the top, else ending in `/`).
pub fn repo_prefix(root: &Path) -> Option<String> {
    let out = git(root, &["rev-parse", "--show-prefix"])?;
    Some(out.trim().to_string())
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// `YYYY-MM-DD` (UTC) for seconds since the epoch, for the report.
pub fn iso_date(secs: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_735_689_599), "2024-12-31");
    }

    #[test]
    fn mtimes_outside_git() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        let (src, ages) = file_ages(dir.path(), &[PathBuf::from("a.md"), PathBuf::from("b.md")]);
        // A temp folder is not inside a git work tree (unless TMPDIR is, which CI never does).
        if src == AgeSource::Mtime {
            assert!(ages.contains_key(Path::new("a.md")));
        }
        assert!(!ages.contains_key(Path::new("b.md")));
    }
}
