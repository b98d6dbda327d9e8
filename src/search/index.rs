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

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use unicode_segmentation::UnicodeSegmentation;

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

    fn text(self, doc: &SearchDoc) -> String {
        match self {
            Field::Title => doc.title.clone(),
            Field::Tags => doc.tags.join(" \n "),
            // Slugs are kebab-case; the tokenizer splits them on `-`.
            Field::TagSlugs => doc.tag_slugs.join(" "),
            Field::Slug => doc.slug.clone(),
            Field::Summary => doc.summary.clone(),
            Field::Section => doc.section.clone(),
            Field::Body => doc.body.clone(),
        }
    }
}

/// Term frequencies of one key in one document, per field (indexed like [`Field::ALL`]).
type FieldTf = [u32; 7];

/// Builds the index files of language `lang` from `docs` (documents of other languages are
/// ignored). See the module docs for the format.
pub fn build_index(lang: &str, docs: &[SearchDoc]) -> Vec<IndexFile> {
    let mut docs: Vec<&SearchDoc> = docs.iter().filter(|d| d.lang == lang).collect();
    docs.sort_by(|a, b| a.url.cmp(&b.url).then_with(|| a.title.cmp(&b.title)));

    // stem -> doc -> tf per field; surface -> (its stem, docs); skeleton -> doc -> tf.
    let mut stems: BTreeMap<String, BTreeMap<u32, FieldTf>> = BTreeMap::new();
    let mut surfaces: BTreeMap<String, BTreeMap<String, BTreeSet<u32>>> = BTreeMap::new();
    let mut skeletons: BTreeMap<String, BTreeMap<u32, FieldTf>> = BTreeMap::new();
    let mut lengths: Vec<[f64; 7]> = Vec::with_capacity(docs.len());

    for (n, doc) in docs.iter().enumerate() {
        let n = n as u32;
        let mut len = [0.0; 7];
        for (f, field) in Field::ALL.iter().enumerate() {
            let tokens = analyze::analyze(&field.text(doc));
            len[f] = tokens.len() as f64;
            for token in tokens {
                add_token(n, f, token, &mut stems, &mut surfaces, &mut skeletons);
            }
        }
        lengths.push(len);
    }

    let avg = average_lengths(&lengths);
    let scorer = Scorer {
        n_docs: docs.len() as f64,
        lengths: &lengths,
        avg,
    };

    let mut term_entries: BTreeMap<String, Value> = BTreeMap::new();
    for (stem, postings) in &stems {
        let flat = scorer.postings(postings);
        let forms = surfaces.get(stem);
        let entry = match forms {
            Some(forms) if !(forms.len() == 1 && forms.contains_key(stem)) => {
                let mut map = serde_json::Map::new();
                for (surface, in_docs) in forms {
                    let value = if in_docs.len() == postings.len() {
                        json!(1)
                    } else {
                        json!(in_docs)
                    };
                    map.insert(surface.clone(), value);
                }
                json!([flat, map])
            }
            _ => json!([flat]),
        };
        term_entries.insert(stem.clone(), entry);
    }
    let skeleton_entries: BTreeMap<String, Value> = skeletons
        .iter()
        .map(|(key, postings)| (key.clone(), json!(scorer.postings(postings))))
        .collect();

    let mut files = Vec::new();
    let term_shards = write_shards(lang, "t", &term_entries, &mut files);
    let skeleton_shards = write_shards(lang, "k", &skeleton_entries, &mut files);

    for (chunk_no, chunk) in docs.chunks(DOC_CHUNK).enumerate() {
        let records: Vec<Value> = chunk.iter().map(|d| doc_record(d)).collect();
        let call = format!(
            "__hbSearch.docs({},{},{})",
            js_json(&json!(lang)),
            chunk_no,
            js_json(&Value::Array(records))
        );
        files.push(js_file(format!("{lang}/d{chunk_no}.js"), &call));
    }
    for (doc_no, doc) in docs.iter().enumerate() {
        let call = format!(
            "__hbSearch.fragment({},{},{})",
            js_json(&json!(lang)),
            doc_no,
            js_json(&json!(body_head(&doc.body, FRAGMENT_CHARS)))
        );
        files.push(js_file(format!("{lang}/f{doc_no}.js"), &call));
    }

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
    files.push(js_file(format!("{lang}/manifest.js"), &call));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Records one token occurrence in document `doc`, field `field`.
fn add_token(
    doc: u32,
    field: usize,
    token: Token,
    stems: &mut BTreeMap<String, BTreeMap<u32, FieldTf>>,
    surfaces: &mut BTreeMap<String, BTreeMap<String, BTreeSet<u32>>>,
    skeletons: &mut BTreeMap<String, BTreeMap<u32, FieldTf>>,
) {
    if !token.stop && token.devanagari {
        // Both keys: "naukri" meets नौकरी through the surface, "naukriyon" meets नौकरियों,
        // and the stem's key catches endings the surface key spells differently.
        let mut keys = BTreeSet::new();
        keys.extend(analyze::skeleton_devanagari(&token.surface));
        keys.extend(analyze::skeleton_devanagari(&token.stem));
        for key in keys {
            skeletons.entry(key).or_default().entry(doc).or_default()[field] += 1;
        }
    }
    stems
        .entry(token.stem.clone())
        .or_default()
        .entry(doc)
        .or_default()[field] += 1;
    surfaces
        .entry(token.stem)
        .or_default()
        .entry(token.surface)
        .or_default()
        .insert(doc);
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
    fn postings(&self, docs: &BTreeMap<u32, FieldTf>) -> Vec<i64> {
        let df = docs.len() as f64;
        // The "+1" form of IDF never goes negative, so a word in every page still counts a bit
        // (a stop-word-only query still ranks something).
        let idf = (1.0 + (self.n_docs - df + 0.5) / (df + 0.5)).ln();
        let mut flat = Vec::with_capacity(docs.len() * 2);
        for (&doc, tf) in docs {
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

/// Splits `entries` into shard files (`<lang>/<kind><N>.js`) and returns the manifest's
/// `[[key, N], …]` list.
fn write_shards(
    lang: &str,
    kind: &str,
    entries: &BTreeMap<String, Value>,
    files: &mut Vec<IndexFile>,
) -> Vec<(String, usize)> {
    // Sized entries, so that grouping does not serialise twice.
    let sized: Vec<(&str, &Value, usize)> = entries
        .iter()
        .map(|(k, v)| (k.as_str(), v, k.len() + js_json(v).len() + 4))
        .collect();
    let mut keyed: Vec<(String, Vec<usize>)> = Vec::new();
    split_keys(&sized, (0..sized.len()).collect(), 1, &mut keyed);

    let mut out = Vec::new();
    let mut file_no = 0usize;
    let mut current: Vec<usize> = Vec::new();
    let mut current_bytes = 0usize;
    let flush = |file_no: usize, members: &[usize], files: &mut Vec<IndexFile>| {
        let mut map = serde_json::Map::new();
        for &i in members {
            map.insert(sized[i].0.to_owned(), sized[i].1.clone());
        }
        let call = format!(
            "__hbSearch.shard({},{},{},{})",
            js_json(&json!(lang)),
            js_json(&json!(kind)),
            file_no,
            js_json(&Value::Object(map))
        );
        files.push(js_file(format!("{lang}/{kind}{file_no}.js"), &call));
    };
    for (key, members) in keyed {
        let bytes: usize = members.iter().map(|&i| sized[i].2).sum();
        if !current.is_empty() && current_bytes + bytes > SHARD_TARGET_BYTES {
            flush(file_no, &current, files);
            file_no += 1;
            current.clear();
            current_bytes = 0;
        }
        current.extend(members);
        current_bytes += bytes;
        out.push((key, file_no));
    }
    if !current.is_empty() {
        flush(file_no, &current, files);
    }
    out
}

/// Groups entries (sorted by key) by their first `depth` code points, splitting a group one
/// code point deeper when it is too big. Appends `(key, members)` in key order.
fn split_keys(
    sized: &[(&str, &Value, usize)],
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
        let bytes: usize = group.iter().map(|&i| sized[i].2).sum();
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
    // Back up to the last space if it is not too far back; a long word is cut mid-word.
    let cut = match last_space {
        Some(s) if s * 4 >= end * 3 => s,
        _ => end,
    };
    format!("{}…", body[..cut].trim_end())
}

/// JSON text that is also safe inside `<script>`: no `<`, no raw U+2028/U+2029.
///
/// These characters can only occur inside JSON strings, so a plain replacement is exact.
pub fn js_json(value: &Value) -> String {
    let text = value.to_string();
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
