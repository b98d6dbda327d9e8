//! `serve`, before stage 1: file-system events in, batches of changed paths out.
//!
//! Watching the site's sources with notify. Only `content/`, `themes/` and `i18n/` are watched
//! (recursively) and the site folder itself (not recursively, for `handbook.yaml` and for those
//! folders coming or going), so the output folder, `target/` and `.git/` never trigger a
//! rebuild, and large folders beside the site cost no watches.
//!
//! Editors save in bursts: vim writes a `4913` probe, renames the old file to `x~`, writes the
//! new one and deletes the backup; others truncate and write, or write a temporary file and
//! rename it over the page. Events are therefore gathered until the folder has been quiet for
//! [`QUIET`], and temporary and hidden files are ignored (the rename onto the real name is
//! what counts). The rebuild then looks at the files as they are, never at the events' kinds.

use crate::config::CONFIG_FILE;
use crate::content::discover::{CONTENT_DIR, is_ignored};
use crate::i18n::I18N_DIR;
use crate::pipeline::preview::Changes;
use crate::render::templates::THEMES_DIR;
use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long the sources must stay unchanged before a rebuild starts: long enough for an
/// editor's save (a few milliseconds), short enough not to be felt.
pub const QUIET: Duration = Duration::from_millis(25);
/// A rebuild starts after this long even if files keep changing (a long copy, a checkout).
pub const MAX_WAIT: Duration = Duration::from_millis(400);

/// The folders whose files are the site's sources.
const SOURCE_DIRS: [&str; 3] = [CONTENT_DIR, THEMES_DIR, I18N_DIR];

pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    /// Source folders with a recursive watch.
    watched: BTreeSet<PathBuf>,
}

impl Watch {
    pub fn start(root: &Path) -> Result<Watch> {
        let root = root
            .canonicalize()
            .with_context(|| format!("cannot open `{}`", root.display()))?;
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(tx).context("cannot watch files")?;
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch `{}`", root.display()))?;
        let mut watch = Watch {
            root,
            watcher,
            events,
            watched: BTreeSet::new(),
        };
        for dir in SOURCE_DIRS {
            watch.watch_source_dir(&watch.root.join(dir))?;
        }
        Ok(watch)
    }

    /// Adds a recursive watch on a source folder that exists and is not watched yet.
    fn watch_source_dir(&mut self, dir: &Path) -> Result<bool> {
        if !dir.is_dir() || self.watched.contains(dir) {
            return Ok(false);
        }
        self.watcher
            .watch(dir, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch `{}`", dir.display()))?;
        self.watched.insert(dir.to_path_buf());
        Ok(true)
    }

    /// Waits for the next batch of changes to the sources, gathered until they have been
    /// quiet for [`QUIET`]. `None` when the watcher stopped.
    pub fn wait(&mut self) -> Option<Changes> {
        let mut changes = Changes::default();
        while changes.paths.is_empty() && !changes.rescan {
            let event = self.events.recv().ok()?;
            self.take(event, &mut changes);
        }
        let first = Instant::now();
        loop {
            let left = MAX_WAIT.saturating_sub(first.elapsed());
            if left.is_zero() {
                break;
            }
            match self.events.recv_timeout(QUIET.min(left)) {
                Ok(event) => self.take(event, &mut changes),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        Some(changes)
    }

    fn take(&mut self, event: notify::Result<notify::Event>, changes: &mut Changes) {
        let Ok(event) = event else {
            // The backend lost track (for example the watch limit was reached): look again.
            changes.rescan = true;
            return;
        };
        if event.need_rescan() {
            changes.rescan = true;
        }
        if !is_change(&event.kind) {
            return;
        }
        for path in event.paths {
            if !is_source(&self.root, &path) {
                continue;
            }
            if path.parent() == Some(self.root.as_path()) {
                // A source folder appeared (watch it, and everything already in it counts as
                // changed) or went (a later one of the same name needs a new watch).
                if path.is_dir() {
                    if self.watch_source_dir(&path).is_err() {
                        changes.rescan = true;
                    }
                } else {
                    self.watched.remove(&path);
                    let _ = self.watcher.unwatch(&path);
                }
            }
            changes.paths.insert(path);
        }
    }
}

/// Events that may change a file's content or existence (opening or reading one does not).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether `path` is one of the site's sources: `handbook.yaml`, or a file or folder in a
/// source folder (or the folder itself), with no hidden or temporary name along the way.
pub fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    if first == CONFIG_FILE {
        return parts.next().is_none();
    }
    SOURCE_DIRS.contains(&first.as_ref()) && parts.all(|p| !is_ignored(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_the_rest() {
        let root = Path::new("/site");
        let yes = [
            "handbook.yaml",
            "content",
            "content/en/tips/x.md",
            "content/en/tips/pic.png",
            "themes/default/static/css/site.css",
            "i18n/hi/tags.ftl",
        ];
        for p in yes {
            assert!(is_source(root, &root.join(p)), "{p}");
        }
        let no = [
            "public/en/index.html",
            "target/debug/handbook",
            ".git/index",
            "handbook.yaml~",
            ".handbook.yaml.swp",
            "content/en/tips/.x.md.swp",
            "content/en/tips/x.md~",
            "content/en/tips/4913",
            "content/en/tips/.#x.md",
            "content/en/tips/#x.md#",
            "content/en/tips/x.md___jb_tmp___",
            "content/en/.hidden/x.md",
            "README.md",
        ];
        for p in no {
            assert!(!is_source(root, &root.join(p)), "{p}");
        }
        assert!(!is_source(root, Path::new("/elsewhere/content/x.md")));
    }

    #[test]
    fn reading_is_not_changing() {
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Remove(
            notify::event::RemoveKind::File
        )));
    }

    /// A burst of editor-style writes becomes one batch naming the page, never its temporary
    /// files; the output folder is not watched at all.
    #[test]
    fn an_editor_save_is_one_batch() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let tips = root.join("content/en/tips");
        std::fs::create_dir_all(&tips).unwrap();
        std::fs::create_dir_all(root.join("public")).unwrap();
        let page = tips.join("x.md");
        std::fs::write(&page, "one").unwrap();
        let mut watch = Watch::start(&root).unwrap();
        // vim: probe file, backup by rename, write the new file, remove the backup.
        std::fs::write(tips.join("4913"), "").unwrap();
        std::fs::remove_file(tips.join("4913")).unwrap();
        std::fs::rename(&page, tips.join("x.md~")).unwrap();
        std::fs::write(&page, "two").unwrap();
        std::fs::remove_file(tips.join("x.md~")).unwrap();
        std::fs::write(root.join("public/index.html"), "output").unwrap();
        let changes = watch.wait().unwrap();
        assert_eq!(changes.paths, BTreeSet::from([page.clone()]));
        // A folder made after the start is watched too, and its files count.
        std::fs::create_dir_all(root.join("themes/default/static/css")).unwrap();
        std::fs::write(root.join("themes/default/static/css/site.css"), "a{}").unwrap();
        let mut seen = BTreeSet::new();
        while !seen.contains(&root.join("themes")) {
            seen.extend(watch.wait().unwrap().paths);
        }
        std::fs::write(root.join("themes/default/static/css/site.css"), "b{}").unwrap();
        let changes = watch.wait().unwrap();
        assert!(
            changes
                .paths
                .contains(&root.join("themes/default/static/css/site.css")),
            "{changes:?}"
        );
    }
}
