//! Counting (first step of [`super::build_index`]): every word of every field of the
//! language's documents, analysed, counted per field and document.
//!
//! Input: the documents' field texts, in document order. Output: [`Postings`] — the stems and
//! romanised (skeleton) keys, sorted, each with a packed [`PostingList`] of per-field counts,
//! and the surfaces (words as written) each stem was written as. The scorer
//! ([`super::scoring`]) turns the counts into weights.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use crate::search::analyze::{self, Token};

/// Term frequencies of one key in one document, per field (indexed like
/// [`Field::ALL`](super::scoring::Field::ALL)).
/// 16 bits each: a posting is 16 bytes instead of 28, which is a third of the memory of a
/// 100,000-page build; a count saturates at 65,535, where BM25 has long stopped growing.
pub(super) type FieldTf = [u16; 7];

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
pub(super) struct Postings {
    /// Chunk of raw text → its tokens: a range of `chunk_tokens`, which holds indices into
    /// `surfaces`.
    chunks: HashMap<String, (u32, u32)>,
    chunk_tokens: Vec<u32>,
    pub(super) surfaces: Vec<Surface>,
    surface_ids: HashMap<String, u32>,
    /// Per surface: its keys, and the last document (plus one) that used it.
    surface_keys: Vec<SurfaceKeys>,
    surface_last_doc: Vec<u32>,
    pub(super) stems: Vec<Keyed>,
    stem_ids: HashMap<String, u32>,
    pub(super) skeletons: Vec<Keyed>,
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

/// A normalised word as written, and the documents using it.
pub(super) struct Surface {
    pub(super) text: String,
    pub(super) docs: Vec<u32>,
}

/// A stem or skeleton key with its per-document term frequencies, documents ascending.
pub(super) struct Keyed {
    pub(super) text: String,
    pub(super) docs: PostingList,
    /// For stems: the surfaces it was written as.
    pub(super) surfaces: Vec<u32>,
}

/// The documents of one key with their counts per field, packed: for each document, the
/// distance from the previous one, a byte with a bit per field that has the key, and the
/// count of each such field, numbers as LEB128 varints.
///
/// A posting is usually three or four bytes this way against twenty as `(u32, [u16; 7])`,
/// and the postings of a language are the largest thing a build holds while its index is
/// made (at 100,000 pages, most of a gigabyte above the site model unpacked).
#[derive(Default)]
pub(super) struct PostingList {
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

    pub(super) fn len(&self) -> usize {
        self.len as usize
    }

    /// The documents in order, with their counts per field.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u32, FieldTf)> + '_ {
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
    pub(super) fn add_text(&mut self, doc: u32, field: usize, text: &str) -> usize {
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
    pub(super) fn end_doc(&mut self, doc: u32) {
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
    pub(super) fn finish(mut self) -> Postings {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

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
}
