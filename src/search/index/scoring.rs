//! Scoring (second step of [`super::build_index`]): BM25F weights with bounded title and tag
//! boosts, computed once at build time so the browser only multiplies and adds numbers.
//!
//! Input: a key's [`PostingList`] and every document's field lengths. Output: the flat
//! `[doc, weight, …]` array the index stores for the key (see [`super::format`]), the weight
//! negative for a title hit.

use std::borrow::Cow;

use super::SearchDoc;
use super::postings::PostingList;

/// BM25 saturation: repeated words help, but less and less.
const K1: f64 = 1.2;
/// See [`Field::boost`]: a title hit is worth about two mentions in an average body, a tag
/// half a mention; together (2.0) they stay below a body's ceiling (`K1 + 1` = 2.2).
const TITLE_BOOST: f64 = 1.5;
const TAGS_BOOST: f64 = 0.5;

/// The fields of a document, with their weight and BM25 length normalisation `b`.
///
/// A word in the title says far more about a page than the same word in the body; tags are
/// chosen by hand, so they come next: both add a fixed boost ([`Field::boost`]) on top of the
/// saturated BM25F score of the other fields, so neither can outrank a much better body
/// match. Short fields get a small `b`: a slug is short by design, not because it is less
/// relevant.
#[derive(Clone, Copy)]
pub(super) enum Field {
    Title,
    Tags,
    TagSlugs,
    Slug,
    Summary,
    Section,
    Body,
}

impl Field {
    pub(super) const ALL: [Field; 7] = [
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
            // Boosted instead: see `boost`.
            Field::Title | Field::Tags => 0.0,
            Field::TagSlugs | Field::Slug => 1.5,
            Field::Summary => 2.0,
            Field::Section => 0.5,
            Field::Body => 1.0,
        }
    }

    /// The title and the tags add a fixed boost instead of term frequency: a page is about
    /// what its title says, but a title-only hit (at most [`TITLE_BOOST`] + [`TAGS_BOOST`])
    /// stays below what a body full of the word reaches (`K1 + 1`), so it cannot outrank a
    /// much better body match.
    fn boost(self) -> Option<f64> {
        match self {
            Field::Title => Some(TITLE_BOOST),
            Field::Tags => Some(TAGS_BOOST),
            _ => None,
        }
    }

    fn b(self) -> f64 {
        match self {
            Field::Body => 0.75,
            Field::Summary => 0.5,
            _ => 0.3,
        }
    }

    pub(super) fn text(self, doc: &SearchDoc) -> Cow<'_, str> {
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

pub(super) fn average_lengths(lengths: &[[f64; 7]]) -> [f64; 7] {
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
pub(super) struct Scorer<'a> {
    pub(super) n_docs: f64,
    pub(super) lengths: &'a [[f64; 7]],
    pub(super) avg: [f64; 7],
}

impl Scorer<'_> {
    /// The flat `[doc, weight, …]` array of a key; the weight is negative when the key occurs
    /// in the document's title.
    pub(super) fn postings(&self, docs: &PostingList) -> Vec<i64> {
        let df = docs.len() as f64;
        // The "+1" form of IDF never goes negative, so a word in every page still counts a bit
        // (a stop-word-only query still ranks something).
        let idf = (1.0 + (self.n_docs - df + 0.5) / (df + 0.5)).ln();
        let mut flat = Vec::with_capacity(docs.len() * 2);
        for (doc, tf) in docs.iter() {
            let len = self.lengths.get(doc as usize).copied().unwrap_or([0.0; 7]);
            let mut weighted = 0.0;
            let mut boost = 0.0;
            for (f, field) in Field::ALL.iter().enumerate() {
                if tf[f] == 0 {
                    continue;
                }
                if let Some(b) = field.boost() {
                    boost += b;
                    continue;
                }
                let norm = 1.0 - field.b() + field.b() * len[f] / self.avg[f];
                weighted += field.weight() * f64::from(tf[f]) / norm;
            }
            let score = idf * (weighted * (K1 + 1.0) / (weighted + K1) + boost);
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
