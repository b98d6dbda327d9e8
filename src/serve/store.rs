//! `serve`, after stage 4: rendered files in, the in-memory site the server reads out.
//!
//! The built site, in memory: the preview never writes into the user's output folder, so a
//! preview can never clobber a release build, and a rebuild is a few map insertions.

use crate::output::OutputFile;
use crate::pipeline::preview::Update;
use crate::render::search::INDEX_DIR;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Every file of the served site by its path relative to the site root (`en/tips/x/index.html`).
#[derive(Debug, Default, Clone)]
pub struct SiteFiles {
    files: BTreeMap<String, Arc<[u8]>>,
}

impl SiteFiles {
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        self.files.get(path).cloned()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), &**v))
    }

    /// Applies a rebuild. A full rebuild keeps only the search index from before (it is
    /// rebuilt separately and replaced by [`SiteFiles::replace_dir`]).
    pub fn apply(&mut self, update: &Update) {
        if update.replace_all {
            let search = format!("{INDEX_DIR}/");
            self.files.retain(|k, _| k.starts_with(&search));
        }
        for path in &update.removed {
            self.files.remove(path);
        }
        for f in &update.files {
            self.insert(f);
        }
    }

    /// Replaces every file under `dir` (ending in `/`) with `files`.
    pub fn replace_dir(&mut self, dir: &str, files: &[OutputFile]) {
        self.files.retain(|k, _| !k.starts_with(dir));
        for f in files.iter().filter(|f| f.path.starts_with(dir)) {
            self.insert(f);
        }
    }

    fn insert(&mut self, f: &OutputFile) {
        self.files
            .insert(f.path.clone(), Arc::from(f.bytes.as_slice()));
    }
}
