//! Builds the static search index of one language (stage: after rendering, before output).
//!
//! Input: the language's pages as [`SearchDoc`]s. Output: [`IndexFile`]s, plain JavaScript files
//! that `search.js` loads with `<script src>` tags, so search works from `file://` where
//! `fetch()` of JSON is blocked. Ranking weights are computed here, once, so the browser only
//! adds numbers.
//!
//! # File format (version 2)
//!
//! Every [`IndexFile::path`] is relative to one **index root** directory shared by all
//! languages, e.g. `<site>/search-index/` (call [`build_index`] once per language and write all
//! files below it). For a language `L`:
//!
//! | file | call | content |
//! |---|---|---|
//! | `L/manifest.js` | `__hbSearch.manifest("L", M)` | what to load for which term |
//! | `L/t<N>.js` | `__hbSearch.shard("L", "t", N, T)` | term shard `N` |
//! | `L/k<N>.js` | `__hbSearch.shard("L", "k", N, K)` | skeleton (romanised key) shard `N` |
//! | `L/d<N>.js` | `__hbSearch.docs("L", N, D)` | document records `N*docChunk ..` |
//! | `L/f<N>.js` | `__hbSearch.fragment("L", N, B)` | body text of document `N`, for snippets |
//!
//! Each call's arguments are JSON; inside strings `<` is written `\u003c` (so no `</script`
//! can appear) and U+2028/U+2029 are escaped, so the files are also safe to inline.
//!
//! * `M` = `{"version":1, "lang":"L", "docCount":n, "docChunk":c, "terms":[[key,N],…],
//!   "skeletons":[[key,N],…], "aliases":[[stem,…],…]}`. `terms`/`skeletons` are sorted by
//!   key. A term lives in the shard of the **longest key that is a prefix of it**; keys are its
//!   first 1–3 code points (a key is only lengthened when its shard would be too big), and
//!   several consecutive keys share a file. A prefix search for `p` loads the shard of the
//!   longest key that is a prefix of `p` plus every shard whose key starts with `p`.
//!   `aliases` are groups of stems that find each other across scripts (job ↔ नौकरी).
//! * `T` = `{stem: entry}`. `entry` is `[postings]` when the stem was only ever written as
//!   itself, else `[postings, {surface: docs}]`, where `docs` is a sorted array of document
//!   numbers, or `1` for "every document of the postings". `postings` is a flat array
//!   `[doc, weight, doc, weight, …]`, `doc` ascending. `weight` is the term's BM25F score in
//!   that document ×100 (an integer ≥ 1), IDF included: a query's score is a sum of weights.
//!   The weight is written negative when the term occurs in the document's title, so the
//!   query side can rank pages whose title has more of the query's words first.
//! * `K` = `{skeleton: postings}` for the romanised keys of Devanagari words (HINDI.md §3.2).
//! * `D` = an array of records `{"u":url, "t":title, "s":section, "m":summary,
//!   "g":[tag slug, …]?, "tr":[url, title]?}`. `g` lets results be narrowed by tag; `tr` is
//!   the translation into the other language.
//! * `B` = the document's body as plain text, whitespace collapsed, at most
//!   [`FRAGMENT_CHARS`] characters (cut on a grapheme and word boundary). Loaded only for a
//!   result whose title and summary show none of the query's words, to cut a snippet around
//!   the first match.
//!   Relative URLs are relative to the site root.
//!
//! Document numbers are positions in the language's documents sorted by URL, so output is
//! byte-identical for the same input in any order (no hash-map order anywhere).
//!
//! # The search page (contract with `search.js`)
//!
//! ```html
//! <form role="search" action="" data-search-script="../../static/js/search.js">
//!   <input type="search" name="q"></form>
//! <p data-search-status aria-live="polite"></p>
//! <div data-search-tags hidden><button data-tag="feedback">फीडबैक</button>…</div>
//! <ol data-search-results
//!      data-search-index="../../search-index/"  (index root, relative to the page)
//!      data-search-langs="hi en"                (reader's language first; all are searched)
//!      data-msg-none="…" data-msg-one="%n नतीजा" data-msg-other="%n नतीजे"></ol>
//! <script>/* adds search.js on the first focus/input, or at once with ?q= */</script>
//! ```
//!
//! `search.js` adds `<script src="<index root>/L/…js">` tags on demand (works from `file://`).
//! Relative document URLs are resolved against the parent of the index root (the site root)
//! unless `data-search-root` says otherwise, so the same index works under a `/repo/` subpath
//! and from disk; a portable build should pass URLs ending in `index.html`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use serde_json::{Value, json};
use unicode_segmentation::GraphemeCursor;

use super::analyze::{self, ALIASES, Token};

/// The version written into every manifest; `search.js` refuses other versions.
pub const INDEX_FORMAT_VERSION: u32 = 2;
/// Documents per `d<N>.js` file. Hits are spread over the whole corpus, so a page of 20
/// results loads up to 20 chunks: small chunks keep that to a few records per hit (measured on
/// 1,000 Hindi pages: 40 per chunk loaded 770 KB of records for one query, 10 loads < 200 KB).
pub const DOC_CHUNK: usize = 10;
/// At most this many characters of a body go into its fragment (a pathological page must not
/// make one result cost megabytes).
pub const FRAGMENT_CHARS: usize = 20_000;
/// Consecutive keys are packed into one shard file until it reaches about this many bytes.
const SHARD_TARGET_BYTES: usize = 24_000;
/// A single key bigger than this is split by one more code point (up to [`MAX_KEY_CHARS`]).
const SHARD_SPLIT_BYTES: usize = 32_000;
const MAX_KEY_CHARS: usize = 3;

/// BM25 saturation: repeated words help, but less and less.
const K1: f64 = 1.2;

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
}

/// A file of the index, to be written below the index root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    /// Relative to the index root, `/`-separated, e.g. `hi/manifest.js`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The fields of a document, with their weight and BM25 length normalisation `b`.
///
/// A word in the title says far more about a page than the same word in the body; tags are
/// chosen by hand, so they come next. Short fields get a small `b`: a title is short by design,
/// not because it is less relevant.
#[derive(Clone, Copy)]
enum Field {
    Title,
    Tags,
    TagSlugs,
    Slug,
    Summary,
    Section,
    Body,
}

impl Field {
    const ALL: [Field; 7] = [
        Field::Title,
        Field::Tags,
        Field::TagSlugs,
        Field::Slug,
        Field::Summary,
        Field::Section,
        Field::Body,
    ];

    fn weight(self) -> f64 {
        match self {
            Field::Title => 6.0,
            Field::Tags => 3.0,
            Field::TagSlugs | Field::Slug => 1.5,
            Field::Summary => 2.0,
            Field::Section => 0.5,
            Field::Body => 1.0,
        }
    }

    fn b(self) -> f64 {
        match self {
            Field::Body => 0.75,
            Field::Summary => 0.5,
            _ => 0.3,
        }
    }

    fn text(self, doc: &SearchDoc) -> Cow<'_, str> {
        match self {
            Field::Title => Cow::Borrowed(&doc.title),
            Field::Tags => Cow::Owned(doc.tags.join(" \n ")),
            // Slugs are kebab-case; the tokenizer splits them on `-`.
            Field::TagSlugs => Cow::Owned(doc.tag_slugs.join(" ")),
            Field::Slug => Cow::Borrowed(&doc.slug),
            Field::Summary => Cow::Borrowed(&doc.summary),
            Field::Section => Cow::Borrowed(&doc.section),
            Field::Body => Cow::Borrowed(&doc.body),
        }
    }
}

/// Term frequencies of one key in one document, per field (indexed like [`Field::ALL`]).
/// 16 bits each: a posting is 16 bytes instead of 28, which is a third of the memory of a
/// 100,000-page build; a count saturates at 65,535, where BM25 has long stopped growing.
type FieldTf = [u16; 7];

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
            docs.par_chunks(DOC_CHUNK)
                .enumerate()
                .try_for_each(|(chunk_no, chunk)| {
                    let records: Vec<Value> = chunk.iter().map(|d| doc_record(d)).collect();
                    let call = format!(
                        "__hbSearch.docs({lang_json},{chunk_no},{})",
                        js_json(&Value::Array(records))
                    );
                    sink(js_file(format!("{lang}/d{chunk_no}.js"), &call))?;
                    for (i, doc) in chunk.iter().enumerate() {
                        let doc_no = chunk_no * DOC_CHUNK + i;
                        sink(fragment_file(lang, &lang_json, doc_no, &doc.body))?;
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
        // Serialised straight from the numbers: building a `Value` per number first was
        // most of the time spent writing the index.
        let entry = if forms.len() == 1 && forms[0].text == stem.text {
            serde_json::to_string(&(flat,))
        } else {
            let map: BTreeMap<&str, SurfaceDocs> = forms
                .iter()
                .map(|form| {
                    let docs = if form.docs.len() == stem.docs.len() {
                        SurfaceDocs::All(1)
                    } else {
                        SurfaceDocs::Some(&form.docs)
                    };
                    (form.text.as_str(), docs)
                })
                .collect();
            serde_json::to_string(&(flat, map))
        };
        term_entries.push((stem.text, script_safe(entry.expect(NUMBERS_AND_STRINGS))));
    }
    drop(surfaces);
    // Each kind's shards go to the sink as they are made, the terms' before the skeletons'
    // entries exist: the serialised entries of a kind are the size of its shards.
    let term_shards = write_shards(lang, "t", term_entries, sink)?;
    let skeleton_entries: Vec<(String, String)> = skeletons
        .into_iter()
        .map(|k| {
            let flat = serde_json::to_string(&scorer.postings(&k.docs));
            (k.text, script_safe(flat.expect(NUMBERS_AND_STRINGS)))
        })
        .collect();

    let skeleton_shards = write_shards(lang, "k", skeleton_entries, sink)?;

    let manifest = json!({
        "version": INDEX_FORMAT_VERSION,
        "lang": lang,
        "docCount": docs.len(),
        "docChunk": DOC_CHUNK,
        "terms": term_shards,
        "skeletons": skeleton_shards,
        "aliases": alias_groups(),
    });
    let call = format!(
        "__hbSearch.manifest({},{})",
        js_json(&json!(lang)),
        js_json(&manifest)
    );
    sink(js_file(format!("{lang}/manifest.js"), &call))
}

/// The `f<N>.js` file of a document: its body for snippets (see [`FRAGMENT_CHARS`]). Written
/// straight into one buffer; at one file per page these are most of the index's bytes.
fn fragment_file(lang: &str, lang_json: &str, doc_no: usize, body: &str) -> IndexFile {
    let text = body_head(body, FRAGMENT_CHARS);
    let head = format!("__hbSearch.fragment({lang_json},{doc_no},");
    let mut bytes = Vec::with_capacity(head.len() + text.len() + text.len() / 16 + 8);
    bytes.extend_from_slice(head.as_bytes());
    serde_json::to_writer(&mut bytes, &text).expect(NUMBERS_AND_STRINGS);
    // Whitespace is collapsed, so U+2028 and U+2029 are gone; only `<` can need escaping.
    if text.contains('<') {
        let json = String::from_utf8(bytes.split_off(head.len())).expect("JSON is UTF-8");
        bytes.extend_from_slice(script_safe(json).as_bytes());
    }
    bytes.extend_from_slice(b");\n");
    IndexFile {
        path: format!("{lang}/f{doc_no}.js"),
        bytes,
    }
}

/// The postings of one language while documents are added in order.
///
/// Analysis is memoised per whitespace-separated chunk of text: a corpus repeats its words
/// endlessly, and normalising, segmenting and stemming each occurrence again was most of the
/// build time (profile of a 10,000-page build). Analysing chunk by chunk gives the same tokens
/// as analysing the whole text, because no step of [`analyze::analyze`] looks across ASCII
/// whitespace: normalisation never composes or reorders across a space, a line break or a
/// form feed, and UAX#29 always breaks on both sides of one (a unit test holds the two to the
/// same result).
///
/// A document's words are first counted in small dense arrays, and each key's postings are
/// appended once per document in [`Postings::end_doc`]: updating the large, scattered
/// postings once per word left the loop waiting on memory (profile).
#[derive(Default)]
struct Postings {
    /// Chunk of raw text → its tokens: a range of `chunk_tokens`, which holds indices into
    /// `surfaces`.
    chunks: HashMap<String, (u32, u32)>,
    chunk_tokens: Vec<u32>,
    surfaces: Vec<Surface>,
    surface_ids: HashMap<String, u32>,
    /// Per surface: its keys, and the last document (plus one) that used it.
    surface_keys: Vec<SurfaceKeys>,
    surface_last_doc: Vec<u32>,
    stems: Vec<Keyed>,
    stem_ids: HashMap<String, u32>,
    skeletons: Vec<Keyed>,
    skeleton_ids: HashMap<String, u32>,
    /// The current document: its surfaces, and its counts per stem and skeleton key (zero
    /// when untouched) with the keys it touched.
    doc_surfaces: Vec<u32>,
    stem_tf: Vec<FieldTf>,
    skeleton_tf: Vec<FieldTf>,
    touched_stems: Vec<u32>,
    touched_skeletons: Vec<u32>,
}

/// The keys of a surface: its stem, and the romanised keys of a non-stop Devanagari word (of
/// the surface and of the stem, so "naukri" meets नौकरी through the surface and "naukriyon"
/// meets नौकरियों, and the stem's key catches endings the surface key spells differently).
#[derive(Clone, Copy)]
struct SurfaceKeys {
    stem: u32,
    skeletons: [Option<u32>; 2],
}

/// Why serialising an index entry cannot fail: it is made of numbers, strings and arrays.
const NUMBERS_AND_STRINGS: &str = "JSON of numbers and strings always serialises";

/// The documents where a stem was written as one surface: `1` for all of the stem's.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum SurfaceDocs<'a> {
    All(u8),
    Some(&'a [u32]),
}

/// A normalised word as written, and the documents using it.
struct Surface {
    text: String,
    docs: Vec<u32>,
}

/// A stem or skeleton key with its per-document term frequencies, documents ascending.
struct Keyed {
    text: String,
    docs: PostingList,
    /// For stems: the surfaces it was written as.
    surfaces: Vec<u32>,
}

/// The documents of one key with their counts per field, packed: for each document, the
/// distance from the previous one, a byte with a bit per field that has the key, and the
/// count of each such field, numbers as LEB128 varints.
///
/// A posting is usually three or four bytes this way against twenty as `(u32, [u16; 7])`,
/// and the postings of a language are the largest thing a build holds while its index is
/// made (at 100,000 pages, most of a gigabyte above the site model unpacked).
#[derive(Default)]
struct PostingList {
    bytes: Vec<u8>,
    len: u32,
    last: u32,
}

impl PostingList {
    /// Appends document `doc`, which comes after every document already in the list.
    fn push(&mut self, doc: u32, tf: &FieldTf) {
        push_varint(&mut self.bytes, doc - self.last);
        self.last = doc;
        let mask = tf
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .fold(0u8, |m, (f, _)| m | 1 << f);
        self.bytes.push(mask);
        for &n in tf.iter().filter(|n| **n > 0) {
            push_varint(&mut self.bytes, u32::from(n));
        }
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len as usize
    }

    /// The documents in order, with their counts per field.
    fn iter(&self) -> impl Iterator<Item = (u32, FieldTf)> + '_ {
        let mut at = 0;
        let mut doc = 0;
        (0..self.len).map(move |_| {
            doc += read_varint(&self.bytes, &mut at);
            let mask = self.bytes[at];
            at += 1;
            let mut tf = FieldTf::default();
            for (f, n) in tf.iter_mut().enumerate() {
                if mask & 1 << f != 0 {
                    // Counts were `u16` when pushed.
                    *n = read_varint(&self.bytes, &mut at) as u16;
                }
            }
            (doc, tf)
        })
    }
}

fn push_varint(bytes: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        bytes.push((n as u8) | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut n = 0u32;
    let mut shift = 0;
    loop {
        let b = bytes[*at];
        *at += 1;
        n |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return n;
        }
        shift += 7;
    }
}

impl Postings {
    /// Adds the words of one field of document `doc`; returns how many words it has.
    fn add_text(&mut self, doc: u32, field: usize, text: &str) -> usize {
        let mut count = 0;
        for chunk in text.split_ascii_whitespace() {
            let (start, end) = match self.chunks.get(chunk) {
                Some(&range) => range,
                None => {
                    let start = self.chunk_tokens.len() as u32;
                    for token in analyze::analyze(chunk) {
                        let id = self.surface_id(token);
                        self.chunk_tokens.push(id);
                    }
                    let range = (start, self.chunk_tokens.len() as u32);
                    self.chunks.insert(chunk.to_string(), range);
                    range
                }
            };
            count += (end - start) as usize;
            for &id in &self.chunk_tokens[start as usize..end as usize] {
                let id = id as usize;
                if self.surface_last_doc[id] != doc + 1 {
                    self.surface_last_doc[id] = doc + 1;
                    self.doc_surfaces.push(id as u32);
                }
                let keys = self.surface_keys[id];
                count_in(&mut self.stem_tf, &mut self.touched_stems, keys.stem, field);
                for k in keys.skeletons.into_iter().flatten() {
                    count_in(&mut self.skeleton_tf, &mut self.touched_skeletons, k, field);
                }
            }
        }
        count
    }

    /// Moves the counts of document `doc` into the postings (documents come in order).
    fn end_doc(&mut self, doc: u32) {
        for s in self.doc_surfaces.drain(..) {
            self.surfaces[s as usize].docs.push(doc);
        }
        for (keys, tf, touched) in [
            (&mut self.stems, &mut self.stem_tf, &mut self.touched_stems),
            (
                &mut self.skeletons,
                &mut self.skeleton_tf,
                &mut self.touched_skeletons,
            ),
        ] {
            for k in touched.drain(..) {
                let tf = std::mem::take(&mut tf[k as usize]);
                keys[k as usize].docs.push(doc, &tf);
            }
        }
    }

    fn surface_id(&mut self, token: Token) -> u32 {
        if let Some(&id) = self.surface_ids.get(&token.surface) {
            return id;
        }
        let id = self.surfaces.len() as u32;
        let mut skeletons = [None; 2];
        if !token.stop && token.devanagari {
            let keys: BTreeSet<String> = analyze::skeleton_devanagari(&token.surface)
                .into_iter()
                .chain(analyze::skeleton_devanagari(&token.stem))
                .collect();
            for (slot, k) in skeletons.iter_mut().zip(keys) {
                *slot = Some(intern(&mut self.skeletons, &mut self.skeleton_ids, k));
            }
        }
        let stem = intern(&mut self.stems, &mut self.stem_ids, token.stem);
        self.stems[stem as usize].surfaces.push(id);
        self.surface_ids.insert(token.surface.clone(), id);
        self.surfaces.push(Surface {
            text: token.surface,
            docs: Vec::new(),
        });
        self.surface_keys.push(SurfaceKeys { stem, skeletons });
        self.surface_last_doc.push(0);
        id
    }

    /// Once every document is in: sorts stems and skeletons by key (the order of the index
    /// files) and frees the lookup tables, which are no longer needed.
    fn finish(mut self) -> Postings {
        self.surface_keys = Vec::new();
        self.surface_last_doc = Vec::new();
        self.stem_tf = Vec::new();
        self.skeleton_tf = Vec::new();
        self.chunks = HashMap::default();
        self.chunk_tokens = Vec::new();
        self.surface_ids = HashMap::default();
        self.stem_ids = HashMap::default();
        self.skeleton_ids = HashMap::default();
        self.stems.sort_by(|a, b| a.text.cmp(&b.text));
        self.skeletons.sort_by(|a, b| a.text.cmp(&b.text));
        self
    }
}

fn intern(keys: &mut Vec<Keyed>, ids: &mut HashMap<String, u32>, text: String) -> u32 {
    if let Some(&id) = ids.get(&text) {
        return id;
    }
    let id = keys.len() as u32;
    ids.insert(text.clone(), id);
    keys.push(Keyed {
        text,
        docs: PostingList::default(),
        surfaces: Vec::new(),
    });
    id
}

/// Counts one occurrence of key `k` in `field` of the current document.
fn count_in(tf: &mut Vec<FieldTf>, touched: &mut Vec<u32>, k: u32, field: usize) {
    let k = k as usize;
    if tf.len() <= k {
        tf.resize(k + 1, FieldTf::default());
    }
    if tf[k] == FieldTf::default() {
        touched.push(k as u32);
    }
    tf[k][field] = tf[k][field].saturating_add(1);
}

fn average_lengths(lengths: &[[f64; 7]]) -> [f64; 7] {
    let mut avg = [1.0; 7];
    for (f, slot) in avg.iter_mut().enumerate() {
        let total: f64 = lengths.iter().map(|l| l[f]).sum();
        if total > 0.0 {
            *slot = total / lengths.len() as f64;
        }
    }
    avg
}

/// BM25F with per-field weights and length normalisation (Robertson & Zaragoza 2009).
struct Scorer<'a> {
    n_docs: f64,
    lengths: &'a [[f64; 7]],
    avg: [f64; 7],
}

impl Scorer<'_> {
    /// The flat `[doc, weight, …]` array of a key; the weight is negative when the key occurs
    /// in the document's title.
    fn postings(&self, docs: &PostingList) -> Vec<i64> {
        let df = docs.len() as f64;
        // The "+1" form of IDF never goes negative, so a word in every page still counts a bit
        // (a stop-word-only query still ranks something).
        let idf = (1.0 + (self.n_docs - df + 0.5) / (df + 0.5)).ln();
        let mut flat = Vec::with_capacity(docs.len() * 2);
        for (doc, tf) in docs.iter() {
            let len = self.lengths.get(doc as usize).copied().unwrap_or([0.0; 7]);
            let mut weighted = 0.0;
            for (f, field) in Field::ALL.iter().enumerate() {
                if tf[f] == 0 {
                    continue;
                }
                let norm = 1.0 - field.b() + field.b() * len[f] / self.avg[f];
                weighted += field.weight() * f64::from(tf[f]) / norm;
            }
            let score = idf * weighted * (K1 + 1.0) / (weighted + K1);
            let weight = (score * 100.0).round().clamp(1.0, f64::from(u32::MAX)) as i64;
            flat.push(i64::from(doc));
            flat.push(if tf[Field::Title as usize] > 0 {
                -weight
            } else {
                weight
            });
        }
        flat
    }
}

/// The alias table analysed into stems, as the query side looks them up.
fn alias_groups() -> Vec<Vec<String>> {
    ALIASES
        .iter()
        .filter_map(|group| {
            let mut stems: Vec<String> = Vec::new();
            for word in group.iter() {
                // Multi-word entries cannot match one query word; skip them.
                if let [token] = analyze::analyze(word).as_slice()
                    && !stems.contains(&token.stem)
                {
                    stems.push(token.stem.clone());
                }
            }
            (stems.len() >= 2).then_some(stems)
        })
        .collect()
}

/// Splits `entries` ((key, entry as script-safe JSON), sorted by key) into shard files
/// (`<lang>/<kind><N>.js`), each handed to `sink` when complete, and returns the manifest's
/// `[[key, N], …]` list. Each entry's text is freed once it is in its shard.
fn write_shards<E>(
    lang: &str,
    kind: &str,
    entries: Vec<(String, String)>,
    sink: &(dyn Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<Vec<(String, usize)>, E> {
    debug_assert!(
        entries.windows(2).all(|w| w[0].0 < w[1].0),
        "keys sorted, each once"
    );
    let (keys, mut texts): (Vec<String>, Vec<Option<String>>) =
        entries.into_iter().map(|(k, v)| (k, Some(v))).unzip();
    // Sized entries, so that grouping does not serialise twice.
    let sized: Vec<(&str, usize)> = keys
        .iter()
        .zip(&texts)
        .map(|(k, v)| (k.as_str(), k.len() + v.as_ref().map_or(0, String::len) + 4))
        .collect();
    let mut keyed: Vec<(String, Vec<usize>)> = Vec::new();
    split_keys(&sized, (0..sized.len()).collect(), 1, &mut keyed);

    let mut out = Vec::new();
    let mut file_no = 0usize;
    let mut current: Vec<usize> = Vec::new();
    let mut current_bytes = 0usize;
    let mut flush = |file_no: usize, members: &mut Vec<usize>| {
        // The JSON object of the members, keys in order as serde_json writes a map.
        members.sort_by_key(|&i| sized[i].0);
        let mut map = String::from("{");
        for (n, &i) in members.iter().enumerate() {
            if n > 0 {
                map.push(',');
            }
            map.push_str(&js_json(&json!(sized[i].0)));
            map.push(':');
            map.push_str(
                &texts[i]
                    .take()
                    .expect("every entry goes into exactly one shard"),
            );
        }
        map.push('}');
        let call = format!(
            "__hbSearch.shard({},{},{},{map})",
            js_json(&json!(lang)),
            js_json(&json!(kind)),
            file_no,
        );
        sink(js_file(format!("{lang}/{kind}{file_no}.js"), &call))
    };
    for (key, members) in keyed {
        let bytes: usize = members.iter().map(|&i| sized[i].1).sum();
        if !current.is_empty() && current_bytes + bytes > SHARD_TARGET_BYTES {
            flush(file_no, &mut current)?;
            file_no += 1;
            current.clear();
            current_bytes = 0;
        }
        current.extend(members);
        current_bytes += bytes;
        out.push((key, file_no));
    }
    if !current.is_empty() {
        flush(file_no, &mut current)?;
    }
    Ok(out)
}

/// Groups entries (sorted by key) by their first `depth` code points, splitting a group one
/// code point deeper when it is too big. Appends `(key, members)` in key order.
fn split_keys(
    sized: &[(&str, usize)],
    members: Vec<usize>,
    depth: usize,
    out: &mut Vec<(String, Vec<usize>)>,
) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in members {
        let key: String = sized[i].0.chars().take(depth).collect();
        groups.entry(key).or_default().push(i);
    }
    for (key, group) in groups {
        let bytes: usize = group.iter().map(|&i| sized[i].1).sum();
        let can_split =
            depth < MAX_KEY_CHARS && group.iter().any(|&i| sized[i].0.chars().count() > depth);
        if bytes > SHARD_SPLIT_BYTES && can_split {
            // Terms no longer than the key stay under the key itself; longer ones go deeper.
            let (short, long): (Vec<usize>, Vec<usize>) = group
                .into_iter()
                .partition(|&i| sized[i].0.chars().count() <= depth);
            if !short.is_empty() {
                out.push((key, short));
            }
            split_keys(sized, long, depth + 1, out);
        } else {
            out.push((key, group));
        }
    }
}

/// The record of one document in a `d<N>.js` file.
fn doc_record(doc: &SearchDoc) -> Value {
    let mut record = serde_json::Map::new();
    record.insert("u".into(), json!(doc.url));
    record.insert("t".into(), json!(doc.title));
    record.insert("s".into(), json!(doc.section));
    record.insert("m".into(), json!(doc.summary));
    if !doc.tag_slugs.is_empty() {
        record.insert("g".into(), json!(doc.tag_slugs));
    }
    if let Some((url, title)) = &doc.translation {
        record.insert("tr".into(), json!([url, title]));
    }
    Value::Object(record)
}

/// The first `max_chars` or so characters of `body`, cut on a grapheme boundary (never inside
/// a conjunct such as न्दी), preferably at whitespace, with an ellipsis when cut.
pub fn body_head(body: &str, max_chars: usize) -> String {
    if body.len() <= max_chars {
        // No more characters than bytes: nothing to cut (most pages, for the fragments).
        return collapse_whitespace(body);
    }
    // Whitespace is collapsed only in the words up to well past the cut: doing it for the
    // whole body was a visible share of the build. Grapheme boundaries before the end of that
    // prefix are the whole text's (a boundary depends only on what comes before it and the
    // one character after), so the cut falls where it would in the whole body.
    let mut words = body.split_whitespace();
    let mut head = String::with_capacity(body.len().min(4 * max_chars + 64));
    let mut chars = 0;
    for w in words.by_ref() {
        if !head.is_empty() {
            head.push(' ');
            chars += 1;
        }
        head.push_str(w);
        chars += w.chars().count();
        if chars > max_chars + 16 {
            break;
        }
    }
    if chars <= max_chars {
        // The whole body, and short enough: nothing to cut.
        return head;
    }
    let (text, cut) = match cut_point(&head, max_chars) {
        None if words.next().is_some() => {
            let all = collapse_whitespace(body);
            let cut = cut_point(&all, max_chars);
            (all, cut)
        }
        cut => (head, cut),
    };
    match cut {
        Some(cut) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

/// `text` with every run of whitespace made one space and none at either end: what
/// `text.split_whitespace().collect::<Vec<_>>().join(" ")` gives, in one pass over the bytes
/// (a tenth of the search index's time went into splitting and joining the body fragments).
fn collapse_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Bytes that can start a whitespace character (`char::is_whitespace`): ASCII tab to
        // carriage return and space; U+0085 and U+00A0 (C2); U+1680 (E1); U+2000–U+200A,
        // U+2028, U+2029, U+202F, U+205F (E2); U+3000 (E3). Never a continuation byte.
        let space = match bytes[i] {
            b'\t'..=b'\r' | b' ' => 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if space == 0 {
            word.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[start..i]);
        }
        i += space;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

/// Where [`body_head`] cuts whitespace-collapsed `text`, or `None` when it keeps all of it:
/// at the first grapheme boundary after `max_chars` characters, or back at the last space
/// (a grapheme of its own) if that is not too far back; a long word is cut mid-word.
///
/// Only the boundaries that matter are asked for: segmenting every grapheme of the head was
/// most of the cost of the search records.
fn cut_point(text: &str, max_chars: usize) -> Option<usize> {
    let after = text.char_indices().nth(max_chars)?.0;
    let is_boundary = |at: usize| {
        GraphemeCursor::new(at, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(true)
    };
    let cut = if is_boundary(after) {
        after
    } else {
        GraphemeCursor::new(after, text.len(), true)
            .next_boundary(text, 0)
            .ok()
            .flatten()?
    };
    if cut >= text.len() {
        return None;
    }
    let last_space = text[..cut]
        .rmatch_indices(' ')
        .map(|(i, _)| i)
        .find(|&i| is_boundary(i) && is_boundary(i + 1));
    Some(match last_space {
        Some(s) if s * 4 >= cut * 3 => s,
        _ => cut,
    })
}

/// JSON text that is also safe inside `<script>`: no `<`, no raw U+2028/U+2029.
///
/// These characters can only occur inside JSON strings, so a plain replacement is exact.
pub fn js_json(value: &Value) -> String {
    script_safe(value.to_string())
}

/// [`js_json`] of JSON text that is already serialised.
fn script_safe(text: String) -> String {
    // Most index text has none of the three (all posting lists): nothing to copy. One
    // search per character: a search for any of three characters decodes every character,
    // which was a visible share of writing the body fragments.
    if !(text.contains('<') || text.contains('\u{2028}') || text.contains('\u{2029}')) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn js_file(path: String, call: &str) -> IndexFile {
    // `window.` would break in a worker; a bare global keeps the file loadable anywhere the
    // registry was defined first (search.js always defines it before adding script tags).
    IndexFile {
        path,
        bytes: format!("{call};\n").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn posting_lists_give_back_what_was_pushed() {
        let postings: Vec<(u32, FieldTf)> = vec![
            (0, [0, 0, 0, 0, 0, 0, 1]),
            (1, [2, 0, 0, 0, 0, 0, 0]),
            (200, [1, 1, 1, 1, 1, 1, 1]),
            (70_000, [0, 300, 0, 0, 0, 0, u16::MAX]),
            (u32::MAX, [0, 0, 0, 0, 0, 0, 127]),
        ];
        let mut list = PostingList::default();
        for (doc, tf) in &postings {
            list.push(*doc, tf);
        }
        assert_eq!(list.len(), postings.len());
        assert_eq!(list.iter().collect::<Vec<_>>(), postings);
        assert_eq!(PostingList::default().iter().count(), 0);
    }

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

    /// [`Postings`] analyses text chunk by chunk; that must give the tokens of the whole text.
    #[test]
    fn chunked_analysis_equals_whole_text_analysis() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/search/vectors.json"
        );
        let vectors: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(path).expect("vectors.json"))
                .expect("vectors.json parses");
        let mut texts: Vec<String> = vectors
            .iter()
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        assert!(texts.len() >= 60);
        texts.extend(
            [
                "a \u{0301}b \u{093C}क ि x",
                "Σ Σa aΣ ΑΣ Σ\nb Σ\r\nΣ a\x0cΣ \u{0301}\r\u{0301}x",
                "न् क ङ्\tग इंटरव्यू:नौकरी ई-मेल",
                "e.g. 3.14 don't ｆｕｌｌ ﬁne २०२४।",
                "क्\u{200D} ष \u{2068}x\u{2069} \u{00A0}y",
            ]
            .map(String::from),
        );
        for text in &texts {
            let whole: Vec<Token> = analyze::analyze(text);
            let chunked: Vec<Token> = text
                .split_ascii_whitespace()
                .flat_map(analyze::analyze)
                .collect();
            assert_eq!(whole, chunked, "{text:?}");
        }
    }

    #[test]
    fn body_head_cuts_on_graphemes() {
        let body = "हिन्दी ".repeat(100);
        let head = body_head(&body, 300);
        assert!(head.ends_with('…'));
        assert!(head.trim_end_matches('…').ends_with("हिन्दी"));
        assert_eq!(body_head("short text", 300), "short text");
        // A cut inside a long word still never splits a grapheme cluster.
        let long = "न्दी".repeat(200);
        let head = body_head(&long, 10);
        assert!(head.trim_end_matches('…').ends_with("न्दी"));
    }

    /// `body_head` looks only at the start of the body; it must cut as if it had collapsed all.
    #[test]
    fn body_head_equals_collapsing_the_whole_body() {
        // The straightforward version, graphemes of the whole collapsed body.
        fn reference(body: &str, max_chars: usize) -> String {
            let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut end = body.len();
            let mut last_space = None;
            let mut count = 0;
            for (i, g) in body.grapheme_indices(true) {
                if count >= max_chars {
                    end = i;
                    break;
                }
                if g == " " {
                    last_space = Some(i);
                }
                count += g.chars().count();
            }
            if end == body.len() {
                return body;
            }
            let cut = match last_space {
                Some(s) if s * 4 >= end * 3 => s,
                _ => end,
            };
            format!("{}…", body[..cut].trim_end())
        }
        let zalgo = format!("a{}", "\u{0301}".repeat(700));
        let bodies = [
            "word  \n\n another\tword ".repeat(200),
            "हिन्दी में\n लिखा  गया पाठ। ".repeat(100),
            format!("{} {}", "x".repeat(1000), "tail ".repeat(10)),
            format!("start {zalgo} end {zalgo}"),
            "short".to_string(),
            String::new(),
            "x".repeat(300),
            "x".repeat(301),
            format!("{} y", "x".repeat(299)),
            // A prepend mark before a space, a combining mark after one: no grapheme " ".
            "\u{0600} word a \u{0301}b ".repeat(60),
            "क्षमता ज़रूरी फ़ीडबैक इंटरव्यू ".repeat(30),
        ];
        for body in &bodies {
            for max in [1, 10, 299, 300] {
                assert_eq!(
                    body_head(body, max),
                    reference(body, max),
                    "{max}: {body:.40}"
                );
            }
        }
    }

    #[test]
    fn collapsing_whitespace_equals_splitting_and_joining() {
        let every_space: String = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let texts = [
            String::new(),
            " ".into(),
            "word".into(),
            "  two\twords \n".into(),
            format!("a{every_space}b{every_space}"),
            "हिन्दी में\u{00A0}लिखा\u{2028}गया … “पाठ”\u{3000}।".into(),
            "\u{2026}\u{2027}\u{2030} \u{1680}x\u{180E}y\u{200B}z\u{0085}".into(),
            format!("{every_space}{}", "न्दी ".repeat(50)),
        ];
        for text in &texts {
            let reference = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), reference, "{text:?}");
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
