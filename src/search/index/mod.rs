//! Builds the static search index of one language (stage: after rendering, before output).
//!
//! Input: the language's pages as [`SearchDoc`]s. Output: [`IndexFile`]s, plain JavaScript files
//! that `search.js` loads with `<script src>` tags, so search works from `file://` where
//! `fetch()` of JSON is blocked. Ranking weights are computed here, once, so the browser only
//! adds numbers. The files and what they hold are described in [`format`](mod@format).
//!
//! The steps, each a module:
//!
//! ```text
//! documents ─▶ postings (count words per field) ─▶ scoring (BM25F weights)
//!           ─▶ shards (group entries into files by key prefix) ─▶ format (write the .js files)
//!           └▶ format (document records) + fragment (bodies for snippets), in parallel
//! ```

mod compact;
pub mod format;
mod fragment;
mod postings;
mod scoring;
mod shards;

use std::sync::Mutex;

use rayon::prelude::*;
use serde_json::json;

use super::synonyms;
pub use format::{DOC_CHUNK, FRAGMENT_CHARS, FRAGMENT_PACK, INDEX_FORMAT_VERSION, js_json};
use format::{fragment_file, manifest_file, records_file, skeleton_entry, term_entry};
pub use fragment::body_head;
use postings::{Postings, Surface};
use scoring::{Field, Scorer, average_lengths};
use shards::write_shards;

/// One page, as the search index sees it. All text is plain (no HTML).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchDoc {
    /// The page's URL: absolute (`/hi/tips/x/`, `https://…`) or relative to the site root.
    pub url: String,
    pub title: String,
    /// The localised section name ("सुझाव", "Tips").
    pub section: String,
    pub summary: String,
    /// Localised tag names.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Tag slugs (ASCII); indexed at a lower weight so "feedback" also finds the Hindi tag.
    #[serde(default)]
    pub tag_slugs: Vec<String>,
    /// The page's slug (ASCII kebab-case, the same in every language), indexed like the tag
    /// slugs: it gives a Hindi page an English handle ("self care" → `self-care-routine`).
    #[serde(default)]
    pub slug: String,
    /// The body as plain text.
    pub body: String,
    /// The page's language code; [`build_index`] keeps only the documents of its language.
    pub lang: String,
    /// The translation of this page into the other language: (url, title).
    #[serde(default)]
    pub translation: Option<(String, String)>,
    /// The translation's document number in its language's index (its place among that
    /// language's documents sorted by URL), so the query side can count a page found in both
    /// languages once without loading records.
    #[serde(default)]
    pub translation_doc: Option<u32>,
}

/// A file of the index, to be written below the index root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    /// Relative to the index root, `/`-separated, e.g. `hi/manifest.js`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Builds the index files of language `lang` from `docs` (documents of other languages are
/// ignored), sorted by path. See the module docs for the format.
pub fn build_index(lang: &str, docs: &[SearchDoc]) -> Vec<IndexFile> {
    let files = Mutex::new(Vec::new());
    let collect = |f: IndexFile| -> Result<(), std::convert::Infallible> {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(f);
        Ok(())
    };
    let Ok(()) = build_index_into(lang, docs, &collect);
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// [`build_index`], each file handed to `sink` as soon as it is made (in no particular order),
/// so a build need not hold the whole index in memory. The documents' own files (records and
/// body fragments) are made on other threads while the postings are counted: they need no
/// postings, and the fragments alone are a third of the work.
pub fn build_index_into<E: Send>(
    lang: &str,
    docs: &[SearchDoc],
    sink: &(dyn Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<(), E> {
    let mut docs: Vec<&SearchDoc> = docs.iter().filter(|d| d.lang == lang).collect();
    docs.sort_by(|a, b| a.url.cmp(&b.url).then_with(|| a.title.cmp(&b.title)));
    let (terms, records) = rayon::join(
        || terms_into(lang, &docs, sink),
        || {
            let lang_json = js_json(&json!(lang));
            // Record chunks and fragment packs are both whole multiples of the smaller.
            const _: () = assert!(DOC_CHUNK.is_multiple_of(FRAGMENT_PACK));
            docs.par_chunks(DOC_CHUNK)
                .enumerate()
                .try_for_each(|(chunk_no, chunk)| {
                    sink(records_file(lang, &lang_json, chunk_no, chunk))?;
                    for (i, pack) in chunk.chunks(FRAGMENT_PACK).enumerate() {
                        let pack_no = chunk_no * (DOC_CHUNK / FRAGMENT_PACK) + i;
                        let bodies: Vec<&str> = pack.iter().map(|d| d.body.as_str()).collect();
                        sink(fragment_file(lang, &lang_json, pack_no, &bodies))?;
                    }
                    Ok(())
                })
        },
    );
    terms?;
    records
}

/// The term and skeleton shards and the manifest of `lang`, from its sorted documents.
fn terms_into<E>(
    lang: &str,
    docs: &[&SearchDoc],
    sink: &(dyn Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<(), E> {
    let mut postings = Postings::default();
    let mut lengths: Vec<[f64; 7]> = Vec::with_capacity(docs.len());
    for (n, doc) in docs.iter().enumerate() {
        let n = n as u32;
        let mut len = [0.0; 7];
        for (f, field) in Field::ALL.iter().enumerate() {
            len[f] = postings.add_text(n, f, &field.text(doc)) as f64;
        }
        postings.end_doc(n);
        lengths.push(len);
    }

    let Postings {
        stems,
        skeletons,
        surfaces,
        ..
    } = postings.finish();
    let avg = average_lengths(&lengths);
    let scorer = Scorer {
        n_docs: docs.len() as f64,
        lengths: &lengths,
        avg,
    };

    // Entries are serialised as soon as they are made, and each key's postings are freed
    // once serialised: a `Value` per posting number, or the postings and their text side by
    // side, took more memory than the rest of a 100,000-page build.
    // In key order: `finish` sorted the stems and skeletons, and each key is there once.
    let mut term_entries: Vec<(String, String)> = Vec::with_capacity(stems.len());
    for stem in stems {
        let flat = scorer.postings(&stem.docs);
        let mut forms: Vec<&Surface> = stem
            .surfaces
            .iter()
            .map(|&s| &surfaces[s as usize])
            .collect();
        forms.sort_by(|a, b| a.text.cmp(&b.text));
        let entry = term_entry(&stem.text, &flat, &forms, stem.docs.len());
        term_entries.push((stem.text, entry));
    }
    drop(surfaces);
    // Each kind's shards go to the sink as they are made, the terms' before the skeletons'
    // entries exist: the serialised entries of a kind are the size of its shards.
    let term_shards = write_shards(lang, "t", term_entries, sink)?;
    let skeleton_entries: Vec<(String, String)> = skeletons
        .into_iter()
        .map(|k| (k.text, skeleton_entry(&scorer.postings(&k.docs))))
        .collect();

    let skeleton_shards = write_shards(lang, "k", skeleton_entries, sink)?;

    sink(manifest_file(
        lang,
        docs.len(),
        &term_shards,
        &skeleton_shards,
        &synonyms::alias_groups(synonyms::BUILTIN),
        &translation_pairs(docs),
    ))
}

/// Each document's translation as a number (its document number in the other language plus
/// one, 0 for none), as zigzag deltas from the document before (translations mostly come in
/// the same order, so most take one digit). Empty when no document has a known translation.
fn translation_pairs(docs: &[&SearchDoc]) -> String {
    if docs.iter().all(|d| d.translation_doc.is_none()) {
        return String::new();
    }
    let mut out = String::with_capacity(docs.len() * 2);
    let mut last = 0i64;
    for d in docs {
        let v = d.translation_doc.map_or(0, |n| i64::from(n) + 1);
        compact::push_num(&mut out, compact::zigzag(v - last));
        last = v;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: &str, lang: &str, title: &str, body: &str) -> SearchDoc {
        SearchDoc {
            url: url.into(),
            title: title.into(),
            section: "Tips".into(),
            summary: String::new(),
            tags: vec![],
            tag_slugs: vec![],
            slug: String::new(),
            body: body.into(),
            lang: lang.into(),
            translation: None,
            translation_doc: None,
        }
    }

    #[test]
    fn output_is_deterministic_and_order_independent() {
        let a = doc(
            "/en/a/",
            "en",
            "Interview tips",
            "Prepare for the interview.",
        );
        let b = doc(
            "/en/b/",
            "en",
            "Feedback",
            "Ask for feedback after a rejection.",
        );
        let h = doc("/hi/a/", "hi", "नौकरी", "नौकरियों के बारे में");
        let one = build_index("en", &[a.clone(), b.clone(), h.clone()]);
        let two = build_index("en", &[h, b, a]);
        assert_eq!(one, two);
        assert!(one.iter().any(|f| f.path == "en/manifest.js"));
    }

    #[test]
    fn dangerous_text_is_escaped_for_script_context() {
        let d = doc(
            "/en/x/",
            "en",
            "</script><img src=x onerror=alert(1)>\u{2028}",
            "body",
        );
        for f in build_index("en", &[d]) {
            let text = String::from_utf8(f.bytes).expect("index files are UTF-8");
            assert!(!text.contains('<'), "{}: {text}", f.path);
            assert!(!text.contains('\u{2028}'));
        }
    }

    #[test]
    fn big_keys_are_split_into_longer_prefixes() {
        let words: Vec<String> = (0..3000)
            .map(|i| format!("s{}x{}", (b'a' + (i % 26) as u8) as char, i))
            .collect();
        let d = doc("/en/big/", "en", "big", &words.join(" "));
        let files = build_index("en", &[d]);
        let manifest = files
            .iter()
            .find(|f| f.path == "en/manifest.js")
            .expect("manifest");
        let text = String::from_utf8(manifest.bytes.clone()).expect("utf8");
        assert!(text.contains("[\"sa\","), "{text}");
        assert!(files.iter().filter(|f| f.path.starts_with("en/t")).count() > 1);
    }
}
