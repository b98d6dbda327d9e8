//! The index's file format (last step of [`super::build_index`]): what each `.js` file of the
//! index holds, and the code that writes it.
//!
//! Input: serialised entries, shard lists, document records and bodies from the steps before.
//! Output: [`IndexFile`]s, each one call of the `__hbSearch` registry that `search.js` defines
//! (its loader, `js/search/50-load.js` in the theme, reads them back).
//!
//! # File format (version 3)
//!
//! Every [`IndexFile::path`] is relative to one **index root** directory shared by all
//! languages, e.g. `<site>/search-index/` (call [`build_index`](super::build_index) once per language and write all
//! files below it). For a language `L`:
//!
//! | file | call | content |
//! |---|---|---|
//! | `L/manifest.js` | `__hbSearch.manifest("L", M)` | what to load for which term |
//! | `L/t<N>.js` | `__hbSearch.shard("L", "t", N, T)` | term shard `N` |
//! | `L/k<N>.js` | `__hbSearch.shard("L", "k", N, K)` | skeleton (romanised key) shard `N` |
//! | `L/d<N>.js` | `__hbSearch.docs("L", N, D)` | document records `N*docChunk ..` |
//! | `L/f<N>.js` | `__hbSearch.fragments("L", N, [B, …])` | bodies of documents `N*fragmentPack ..`, for snippets |
//!
//! Each call's arguments are JSON; inside strings `<` is written `\u003c` (so no `</script`
//! can appear) and U+2028/U+2029 are escaped, so the files are also safe to inline.
//!
//! **Compact lists.** Number lists are strings of base-32 varints (`compact.rs`): a
//! *doc list* is sorted document numbers as gaps (the first number, then each minus the one
//! before); *postings* are, per document in ascending order, the gap to the previous document
//! and then `weight * 2 + (1 if in the title)`. The loader (`js/search/50-load.js`) decodes
//! them into the arrays below, which is what the ranking code sees.
//!
//! * `M` = `{"version":3, "lang":"L", "docCount":n, "docChunk":c, "fragmentPack":p,
//!   "terms":[[key,N],…], "skeletons":[[key,N],…], "aliases":[[stem,…],…], "pairs":list?}`.
//!   `terms`/`skeletons` are sorted by key. A term lives in the shard of the **longest key
//!   that is a prefix of it**; keys are its first 1–3 code points (a key is only lengthened
//!   when its shard would be too big), and several consecutive keys share a file. A prefix
//!   search for `p` loads the shard of the longest key that is a prefix of `p` plus every
//!   shard whose key starts with `p`. `aliases` are groups of stems that find each other
//!   across scripts (job ↔ नौकरी). `pairs` (when some page has a translation) is a compact
//!   list of zigzag deltas of each document's translation number plus one (0: none), so a
//!   page found in both languages is counted once.
//! * `T` = `{stem: entry}`. `entry` is compact postings when the stem was only ever written
//!   as itself, else `[postings, {surface: docs}]`, where `docs` is a doc list, or `1` for
//!   "every document of the postings". Decoded, postings are a flat array
//!   `[doc, weight, doc, weight, …]`, `doc` ascending, and an entry is always an array
//!   (`[postings]` or `[postings, {surface: [doc, …] | 1}]`). `weight` is the term's BM25F
//!   score in that document ×100 (an integer ≥ 1), IDF included: a query's score is a sum of
//!   weights. Decoded, the weight is negative when the term occurs in the document's title,
//!   so the query side can rank pages whose title has more of the query's words first.
//! * `K` = `{skeleton: postings}` for the romanised keys of Devanagari words (HINDI.md §3.2).
//! * `D` = an array of records `{"u":url, "t":title, "s":section, "m":summary,
//!   "g":[tag slug, …]?, "tr":[url, title]?}`. `g` lets results be narrowed by tag; `tr` is
//!   the translation into the other language.
//! * `B` = a document's body as plain text, whitespace collapsed, at most [`FRAGMENT_CHARS`]
//!   characters (cut on a grapheme and word boundary). Loaded only for a result whose title
//!   and summary show none of the query's words, to cut a snippet around the first match.
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

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::compact::{encode_postings, encode_sorted};
use super::fragment::body_head;
use super::postings::Surface;
use super::{IndexFile, SearchDoc};

/// The version written into every manifest; `search.js` refuses other versions.
pub const INDEX_FORMAT_VERSION: u32 = 3;
/// Documents per `d<N>.js` file. Hits are spread over the whole corpus, so a page of 20
/// results loads up to 20 chunks: small chunks keep that to a few records per hit (measured on
/// 1,000 Hindi pages: 40 per chunk loaded 770 KB of records for one query, 10 loads < 200 KB).
pub const DOC_CHUNK: usize = 10;
/// At most this many characters of a body go into its fragment. A snippet shows about 280
/// characters around the first word that matched, and only for a result whose title and
/// summary show none of the query's words; a match further in shows the summary instead.
/// The whole body (20,000 characters at most) was most of the index's bytes and files.
pub const FRAGMENT_CHARS: usize = 800;
/// Bodies per `f<N>.js` file: a result that needs its body loads this many, so the pack is
/// small (a few KB gzip), yet there are five times fewer files than pages.
pub const FRAGMENT_PACK: usize = 5;

/// Why serialising an index entry cannot fail: it is made of numbers, strings and arrays.
const NUMBERS_AND_STRINGS: &str = "JSON of numbers and strings always serialises";

/// The documents where a stem was written as one surface: `1` for all of the stem's, else
/// their numbers as a compact list of gaps.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum SurfaceDocs {
    All(u8),
    Some(String),
}

/// A stem's entry of a `t<N>.js` shard (`entry` in `T` above): its compact postings when the
/// stem was only ever written as itself, else `[postings, {surface: docs}]`. `forms` are the
/// surfaces sorted by text, `doc_count` the number of documents of the stem.
pub(super) fn term_entry(stem: &str, flat: &[i64], forms: &[&Surface], doc_count: usize) -> String {
    let postings = encode_postings(flat);
    let entry = if forms.len() == 1 && forms[0].text == stem {
        serde_json::to_string(&postings)
    } else {
        let map: BTreeMap<&str, SurfaceDocs> = forms
            .iter()
            .map(|form| {
                let docs = if form.docs.len() == doc_count {
                    SurfaceDocs::All(1)
                } else {
                    SurfaceDocs::Some(encode_sorted(&form.docs))
                };
                (form.text.as_str(), docs)
            })
            .collect();
        serde_json::to_string(&(postings, map))
    };
    script_safe(entry.expect(NUMBERS_AND_STRINGS))
}

/// A romanised key's entry of a `k<N>.js` shard: its compact postings.
pub(super) fn skeleton_entry(flat: &[i64]) -> String {
    // Compact lists are made of letters, digits, `-` and `_`: nothing to escape.
    format!("\"{}\"", encode_postings(flat))
}

/// A `t<N>.js` or `k<N>.js` file (`kind` `t` or `k`): `map` is the JSON object of its entries.
pub(super) fn shard_file(lang: &str, kind: &str, file_no: usize, map: &str) -> IndexFile {
    let call = format!(
        "__hbSearch.shard({},{},{},{map})",
        js_json(&json!(lang)),
        js_json(&json!(kind)),
        file_no,
    );
    js_file(format!("{lang}/{kind}{file_no}.js"), &call)
}

/// The `manifest.js` file of `lang` (`M` above).
pub(super) fn manifest_file(
    lang: &str,
    doc_count: usize,
    term_shards: &[(String, usize)],
    skeleton_shards: &[(String, usize)],
    aliases: &[Vec<String>],
    pairs: &str,
) -> IndexFile {
    let mut manifest = json!({
        "version": INDEX_FORMAT_VERSION,
        "lang": lang,
        "docCount": doc_count,
        "docChunk": DOC_CHUNK,
        "fragmentPack": FRAGMENT_PACK,
        "terms": term_shards,
        "skeletons": skeleton_shards,
        "aliases": aliases,
    });
    if !pairs.is_empty() {
        manifest["pairs"] = json!(pairs);
    }
    let call = format!(
        "__hbSearch.manifest({},{})",
        js_json(&json!(lang)),
        js_json(&manifest)
    );
    js_file(format!("{lang}/manifest.js"), &call)
}

/// The `d<N>.js` file of documents `chunk_no * DOC_CHUNK ..` (`D` above).
pub(super) fn records_file(
    lang: &str,
    lang_json: &str,
    chunk_no: usize,
    chunk: &[&SearchDoc],
) -> IndexFile {
    let records: Vec<Value> = chunk.iter().map(|d| doc_record(d)).collect();
    let call = format!(
        "__hbSearch.docs({lang_json},{chunk_no},{})",
        js_json(&Value::Array(records))
    );
    js_file(format!("{lang}/d{chunk_no}.js"), &call)
}

/// The `f<N>.js` file of documents `pack_no * FRAGMENT_PACK ..`: their bodies for snippets
/// (see [`FRAGMENT_CHARS`]), written straight into one buffer.
pub(super) fn fragment_file(
    lang: &str,
    lang_json: &str,
    pack_no: usize,
    bodies: &[&str],
) -> IndexFile {
    let mut bytes = format!("__hbSearch.fragments({lang_json},{pack_no},[").into_bytes();
    for (i, body) in bodies.iter().enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        let text = body_head(body, FRAGMENT_CHARS);
        let json = serde_json::to_string(&text).expect(NUMBERS_AND_STRINGS);
        // Whitespace is collapsed, so U+2028 and U+2029 are gone; only `<` can need escaping.
        bytes.extend_from_slice(script_safe(json).as_bytes());
    }
    bytes.extend_from_slice(b"]);\n");
    IndexFile {
        path: format!("{lang}/f{pack_no}.js"),
        bytes,
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
