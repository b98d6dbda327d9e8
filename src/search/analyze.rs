//! Text analysis for search: the one place that turns text into search keys.
//!
//! Stage: used by [`super::index`] at build time, and mirrored token for token by the theme's
//! `search.js` at query time: its analysis parts in `themes/default/static/js/search/`
//! (`10-analyze.js` normalise and tokenise, `20-stem-hindi.js`, `30-stem-english.js`,
//! `40-romanise.js`). Both sides are pinned by the shared test vectors in
//! `tests/fixtures/search/{vectors,pairs,stems}.json`; a change here without the same change in
//! `search.js` fails those tests.
//!
//! Pipeline (the order matters; the evidence for each step is in the project notes,
//! `shared/HINDI.md` §8):
//!
//! 1. [`normalize`]: NFKC + lowercase; strip default-ignorables; drop the nukta and Latin
//!    diacritics; fold chandrabindu to anusvara and a half nasal before a stop to anusvara;
//!    Devanagari digits to ASCII; danda, `|` and `:` become spaces; apostrophes vanish.
//! 2. [`tokenize`]: UAX#29 word bounds, then runs of letters/marks/digits inside each segment.
//! 3. [`analyze`]: per token, a stop-word flag, a stem (Snowball Hindi for Devanagari tokens of
//!    more than 2 code points, Snowball English for ASCII words) and, for Devanagari tokens, a
//!    romanised "skeleton" key so that Hinglish queries ("naukri") find Devanagari words.
//!
//! What is deliberately **not** done: vowel length is never folded and vowel signs and the
//! virama are never dropped. Lucene's HindiNormalizer does both and merges कम/काम, दिन/दीन,
//! पिता/पीता, सुख/सूख; for a handbook those are different words.

use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// U+093C DEVANAGARI SIGN NUKTA. Hindi typists leave it out as often as not (ज़रूरी/जरूरी).
const NUKTA: char = '\u{093C}';
/// U+094D DEVANAGARI SIGN VIRAMA: kept, it is what makes प्रश्न different from परशन.
const VIRAMA: char = '\u{094D}';
const CHANDRABINDU: char = '\u{0901}';
const ANUSVARA: char = '\u{0902}';

/// Curated Hindi function words (HINDI.md §2.5), in normalised form.
///
/// Why not Savoy's 225-word list: it contains content words that matter in a handbook
/// (कर "do"/"tax", करना, किया, घर). These are only particles, postpositions, pronouns and
/// auxiliaries. Stop words are still indexed (as surface forms, unstemmed) so that a
/// stop-word-only query is never empty; a query with other words ignores them.
pub const HINDI_STOP_WORDS: &[&str] = &[
    "का",
    "की",
    "के",
    "को",
    "में",
    "से",
    "पर",
    "ने",
    "है",
    "हैं",
    "था",
    "थी",
    "थे",
    "और",
    "या",
    "भी",
    "तो",
    "ही",
    "यह",
    "वह",
    "ये",
    "वे",
    "इस",
    "उस",
    "इन",
    "उन",
    "एक",
    "लिए",
    "साथ",
    "तक",
    "कि",
    "जो",
    "हो",
    "हुआ",
    "हुई",
    "हुए",
    "तथा",
    "एवं",
    "नहीं",
    "अपने",
    "अपना",
    "अपनी",
    "रहा",
    "रही",
    "रहे",
];

/// A short English stop list: articles, pronouns, auxiliaries, common prepositions.
pub const ENGLISH_STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he",
    "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our",
    "she", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "to", "was", "we", "were", "what", "which", "who", "will", "with", "you", "your",
];

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised word as written (after [`normalize`]); used for exact-match boosts.
    pub surface: String,
    /// The search key that inflections share (नौकरियों → नौकर, interviews → interview).
    /// Equal to `surface` for stop words and for words too short to stem.
    pub stem: String,
    /// Whether `surface` is on one of the stop lists.
    pub stop: bool,
    /// Whether the word is written in Devanagari (it then gets the Hindi stemmer and a skeleton).
    pub devanagari: bool,
}

/// Normalises text for search keys (never for display: pages are served as written, in NFC).
///
/// Each step mirrors `normalize()` in `search.js` (`10-analyze.js`); keep them in the same order.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        // Fast path with the same result: for ASCII every Unicode step below is a no-op, and
        // most English pages are ASCII (the three normalisation passes dominate build time).
        return text
            .bytes()
            .filter(|&b| b != b'\'')
            .map(|b| match b {
                b'|' | b':' => ' ',
                b => b.to_ascii_lowercase() as char,
            })
            .collect();
    }
    // NFKC folds full-width Latin and ligatures and is harmless for Devanagari. Lowercasing
    // after NFKC catches letters that NFKC produced.
    let lowered = text.nfkc().collect::<String>().to_lowercase();

    // Default-ignorables change rendering only (ZWJ/ZWNJ in क्‍ष, soft hyphens, BOMs and the
    // FSI/PDI isolates Fluent puts around placeables), so they must not split or change keys.
    // Danda, double danda, the abbreviation sign and `|` (typed for a danda) are sentence
    // punctuation: `करो।` must match `करो`. `:` is pre-split because UAX#29 treats it as
    // MidLetter and would glue `इंटरव्यू:नौकरी` into one word. Apostrophes are deleted so
    // that "don't" = "dont" and "interviewer's" stems like "interviewers".
    let cleaned: String = lowered
        .chars()
        .filter_map(|c| match c {
            c if is_ignorable(c) => None,
            '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' => None,
            '\u{0964}' | '\u{0965}' | '\u{0970}' | '|' | ':' => Some(' '),
            c => Some(c),
        })
        .collect();

    // NFD exposes the nukta as its own mark even in ऩ ऱ ऴ (which NFC keeps composed), and
    // exposes Latin diacritics; dropping both then recomposing folds क़/क and résumé/resume.
    let folded: String = cleaned
        .nfd()
        .filter(|&c| c != NUKTA && !('\u{0300}'..='\u{036F}').contains(&c))
        .nfc()
        .collect();

    let chars: Vec<char> = folded.chars().collect();
    let mut out = String::with_capacity(folded.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            // Chandrabindu and anusvara are used interchangeably in modern Hindi (चाँद/चांद).
            CHANDRABINDU => out.push(ANUSVARA),
            // A half nasal before a stop is the older spelling of the anusvara
            // (हिन्दी/हिंदी, सम्बन्ध/संबंध, पण्डित/पंडित). Only before a consonant: अन्य keeps न्.
            _ if is_nasal(c)
                && chars.get(i + 1) == Some(&VIRAMA)
                && chars
                    .get(i + 2)
                    .is_some_and(|&n| ('\u{0915}'..='\u{092E}').contains(&n)) =>
            {
                out.push(ANUSVARA);
                i += 1; // skip the virama too
            }
            // `char::to_digit` does not know Devanagari digits; २०२४ must match 2024.
            '\u{0966}'..='\u{096F}' => {
                let d = c as u32 - 0x0966;
                out.push(char::from_digit(d, 10).unwrap_or(c));
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Default-ignorable format characters stripped from keys: ZWSP, ZWNJ, ZWJ, word joiner,
/// BOM, soft hyphen, bidi embeddings/marks and isolates (U+2066–U+2069, used by Fluent).
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}')
}

/// ङ ञ ण न म: the nasal consonants whose half form before a stop equals an anusvara.
fn is_nasal(c: char) -> bool {
    matches!(
        c,
        '\u{0919}' | '\u{091E}' | '\u{0923}' | '\u{0928}' | '\u{092E}'
    )
}

/// Whether a character belongs to a word: letters, digits and combining marks.
///
/// Marks are needed explicitly because `char::is_alphanumeric` is false for the virama and
/// the nukta; a filter on it alone turns प्रश्न into परशन.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Splits normalised text into words.
///
/// UAX#29 word bounds keep Devanagari words whole (matras, virama and anusvara are `Extend`).
/// Inside a segment, runs of letters, digits and marks are the words: UAX#29 also joins
/// `e.g.` and `3.14`, which the query side could not reproduce exactly without a full UAX#29
/// implementation, so both sides split those at the punctuation. A run must contain a letter
/// or digit; a stray mark after a space is not a word.
pub fn tokenize(normalized: &str) -> Vec<String> {
    let mut words = Vec::new();
    for segment in normalized.split_word_bounds() {
        let mut run = String::new();
        let mut has_alnum = false;
        for c in segment.chars() {
            if is_word_char(c) {
                has_alnum |= c.is_alphanumeric();
                run.push(c);
            } else {
                if has_alnum {
                    words.push(std::mem::take(&mut run));
                }
                run.clear();
                has_alnum = false;
            }
        }
        if has_alnum {
            words.push(run);
        }
    }
    words
}

/// Whether a (normalised) word is written in Devanagari; it then gets Hindi treatment.
///
/// Chosen per word, not per page: an English word in a Hindi page ("LinkedIn") must meet
/// the same English word in a query, and the query side cannot know a page's language.
pub fn is_devanagari(word: &str) -> bool {
    word.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
}

/// Stems a normalised Devanagari word with Snowball Hindi.
///
/// Words of 1–2 code points are left alone: Snowball strips them to one letter
/// (में→म, को→क, दी→द) and would merge unrelated words.
///
/// Two folds come before Snowball, which knows neither:
/// - an English plural in `्स` on a loanword meets its singular (स्किल्स → स्किल, टिप्स →
///   टिप) when at least three code points remain;
/// - a stem shorter than [`MIN_HINDI_STEM`] code points is no stem: लाएँ and लें would become
///   ल and meet every word that starts with it, so the surface form is kept.
pub fn stem_hindi(word: &str) -> String {
    if word.chars().count() <= 2 {
        return word.to_owned();
    }
    if let Some(singular) = word.strip_suffix(LOANWORD_PLURAL)
        && singular.chars().count() >= 3
    {
        return stem_hindi(singular);
    }
    let stem = Stemmer::create(Algorithm::Hindi).stem(word);
    if stem.chars().count() < MIN_HINDI_STEM {
        return word.to_owned();
    }
    stem.into_owned()
}

/// The shortest Hindi stem, in code points (a consonant and a vowel sign, or two letters).
pub const MIN_HINDI_STEM: usize = 2;
/// `्स`: the English plural "-s" written on a Devanagari loanword.
const LOANWORD_PLURAL: &str = "\u{094D}\u{0938}";

/// Stems a normalised word with Snowball English (Porter2).
///
/// Only pure a–z words are stemmed: the JS port then works on plain ASCII strings and is
/// exact, and digits or other scripts have nothing to gain from an English stemmer.
pub fn stem_english(word: &str) -> String {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    Stemmer::create(Algorithm::English).stem(word).into_owned()
}

/// Analyses text into tokens: normalise, tokenise, flag stop words, stem.
pub fn analyze(text: &str) -> Vec<Token> {
    tokenize(&normalize(text))
        .into_iter()
        .map(analyze_word)
        .collect()
}

/// Analyses one already-normalised word.
pub fn analyze_word(surface: String) -> Token {
    let devanagari = is_devanagari(&surface);
    let stop = if devanagari {
        HINDI_STOP_WORDS.contains(&surface.as_str())
    } else {
        ENGLISH_STOP_WORDS.contains(&surface.as_str())
    };
    // Stop words are not stemmed: Snowball would turn में into म and collide with content.
    let stem = if stop {
        surface.clone()
    } else if devanagari {
        stem_hindi(&surface)
    } else {
        stem_english(&surface)
    };
    Token {
        surface,
        stem,
        stop,
        devanagari,
    }
}

/// The romanised skeleton key of a normalised Devanagari word (HINDI.md §3.2), or `None`.
///
/// Readers often type Hindi in Latin letters without any scheme ("naukri", "asafalta").
/// Scholarly transliteration keeps the schwa (`naukarI`), so it never round-trips. The
/// skeleton keeps only the consonant outline, which both spellings share:
/// नौकरी → `nkr` ← "naukri". `any_ascii` already drops the inherent "a".
pub fn skeleton_devanagari(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut folded = String::with_capacity(word.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        match (c, next, after) {
            // The anusvara is pronounced as the nasal of the following consonant: "n" in
            // इंटरव्यू ("interview"), "m" before a labial (कंपनी "kampani"). any_ascii
            // always writes "m".
            (ANUSVARA, Some('\u{092A}'..='\u{092E}'), _) => folded.push_str("म्"),
            (ANUSVARA, _, _) => folded.push_str("न्"),
            // ज्ञ is said "gy" in Hindi (ज्ञान "gyan"); क्ष is "ksh" (परीक्षा "pariksha").
            ('\u{091C}', Some(VIRAMA), Some('\u{091E}')) => {
                folded.push_str("ग्य");
                i += 2;
            }
            ('\u{0915}', Some(VIRAMA), Some('\u{0937}')) => {
                folded.push_str("क्श");
                i += 2;
            }
            _ => folded.push(c),
        }
        i += 1;
    }
    // Transliterate letter by letter and fold each letter's own spelling: ख "kh" is one
    // sound (k), but प + ह in पहली ("pehli") are two, and folding the "ph" that any_ascii
    // writes for them once the schwa is gone would give "f" and miss the Latin spelling.
    // any_ascii writes च as "c" and छ as "ch"; both are "ch" to a Hinglish typist, and the
    // Latin rule turns a bare "c" into "k" (computer), so spell च as "ch" first.
    let mut letters: Vec<u8> = Vec::with_capacity(folded.len());
    for c in folded.chars() {
        let ascii = any_ascii::any_ascii_char(c).replace('c', "ch");
        if !ascii.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        letters.extend(fold_letters(ascii.as_bytes()));
    }
    skeleton_key(&letters)
}

/// The skeleton key of a Latin query word, or `None` (digits, other scripts, too short).
pub fn skeleton_latin(word: &str) -> Option<String> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    skeleton_key(&fold_letters(word.as_bytes()))
}

/// Folds Latin spellings to one letter per sound: digraphs (`kh` → `k`), `w` → `v`,
/// `z` → `j`, `q`/`c` → `k`, `x` → `ks`. Greedy left to right, so `search.js` agrees.
fn fold_letters(b: &[u8]) -> Vec<u8> {
    let mut letters: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (out, used): (&[u8], usize) = if rest.starts_with(b"chh") {
            (b"c", 3)
        } else if let Some(&(_, to)) = DIGRAPHS.iter().find(|(from, _)| rest.starts_with(from)) {
            (to, 2)
        } else {
            let single: &[u8] = match rest[0] {
                b'w' => b"v",
                b'z' => b"j",
                b'q' | b'c' => b"k",
                b'x' => b"ks",
                _ => &rest[..1],
            };
            (single, 1)
        };
        letters.extend_from_slice(out);
        i += used;
    }
    letters
}

/// Shared tail of the skeleton: drop vowels and `y` after the first letter (an initial vowel
/// becomes `a`), collapse doubled letters, drop a final `n`. Mirrored by `skeletonKey()` in `search.js`.
fn skeleton_key(letters: &[u8]) -> Option<String> {
    let mut key = String::with_capacity(letters.len());
    for (n, &l) in letters.iter().enumerate() {
        let l = if n == 0 {
            if b"aeiou".contains(&l) { b'a' } else { l }
        } else if b"aeiouy".contains(&l) {
            continue;
        } else {
            l
        };
        if key.as_bytes().last() != Some(&l) {
            key.push(l as char);
        }
    }
    // A word-final nasal is often not typed: नहीं is "nahi" as often as "nahin", करें "kare"
    // as often as "karein". It is optional on both sides, so it is dropped from every key
    // that keeps two letters without it.
    if key.len() >= 3 && key.ends_with('n') {
        key.pop();
    }
    // A one-letter key matches half the dictionary; it is no key.
    (key.len() >= 2).then_some(key)
}

/// Two-letter spellings folded to one letter by the skeleton (HINDI.md §3.2).
const DIGRAPHS: &[(&[u8], &[u8])] = &[
    (b"ch", b"c"),
    (b"ph", b"f"),
    (b"kh", b"k"),
    (b"gh", b"g"),
    (b"jh", b"j"),
    (b"th", b"t"),
    (b"dh", b"d"),
    (b"bh", b"b"),
    (b"sh", b"s"),
    (b"ee", b"i"),
    (b"oo", b"u"),
    (b"ri", b"r"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        analyze(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn equivalences_always_merge() {
        let pairs = [
            ("क़ानून", "कानून"),
            ("क\u{093C}ानून", "कानून"),
            ("चाँद", "चांद"),
            ("हिन्दी", "हिंदी"),
            ("सम्बन्ध", "संबंध"),
            ("पण्डित", "पंडित"),
            ("क्\u{200D}ष", "क्ष"),
            ("क्\u{200C}ष", "क्ष"),
            ("२०२४", "2024"),
            ("करो।", "करो"),
            ("ज़रूरी", "जरूरी"),
            ("लड़कियाँ", "लड़कियां"),
            ("जाऊँगा", "जाऊंगा"),
            ("\u{2068}नौकरी\u{2069}", "नौकरी"),
            ("Résumé", "resume"),
            ("ＩＮＴＥＲＶＩＥＷ", "interview"),
            ("don’t", "dont"),
        ];
        for (a, b) in pairs {
            assert_eq!(stems(a), stems(b), "{a} should equal {b}");
            assert!(!stems(a).is_empty(), "{a} should give a token");
        }
    }

    #[test]
    fn minimal_pairs_never_merge() {
        let pairs = [
            ("कम", "काम"),
            ("दिन", "दीन"),
            ("पिता", "पीता"),
            ("सुख", "सूख"),
            ("कल", "काल"),
            ("बच्चा", "बचा"),
            ("मिल", "मील"),
            ("जल", "जाल"),
            ("चिता", "चीता"),
            ("कुल", "कूल"),
            ("बल", "बाल"),
            ("सास", "सांस"),
            ("पता", "पत्ता"),
            ("गुड", "गूड"),
            ("मेल", "मैल"),
            ("पुरा", "पूरा"),
            ("अन्य", "अंय"),
            ("प्रश्न", "परशन"),
            ("बहन", "बाहन"),
            ("सही", "साही"),
        ];
        for (a, b) in pairs {
            let (sa, sb) = (stems(a), stems(b));
            assert_ne!(sa, sb, "{a} and {b} must stay apart");
        }
    }

    #[test]
    fn inflection_families_meet() {
        let families: &[&[&str]] = &[
            &["नौकरी", "नौकरियाँ", "नौकरियों"],
            &["लड़का", "लड़के", "लड़कियाँ", "लड़कियों"],
            &["असफलता", "असफलताओं"],
            &["करना", "करता", "करेंगे", "करती", "करने"],
            &["किताबें", "किताबों"],
            &["interview", "interviews", "interviewing", "interviewed"],
            &["rejection", "rejections"],
            &["network", "networking", "networks"],
        ];
        for family in families {
            let first = stems(family[0]);
            for w in &family[1..] {
                assert_eq!(stems(w), first, "{w} should meet {}", family[0]);
            }
        }
    }

    #[test]
    fn virama_words_stay_whole() {
        assert_eq!(
            tokenize(&normalize("प्रश्न, उत्तर। हिन्दी॥ अगला")),
            ["प्रश्न", "उत्तर", "हिंदी", "अगला"]
        );
        assert_eq!(tokenize(&normalize("इंटरव्यू:नौकरी")), ["इंटरव्यू", "नौकरी"]);
        assert_eq!(
            tokenize(&normalize("e.g. 3.14 ई-मेल")),
            ["e", "g", "3", "14", "ई", "मेल"]
        );
        // A lone mark after a space is not a word.
        assert!(tokenize(" \u{094D} ").is_empty());
    }

    #[test]
    fn ascii_fast_path_agrees_with_full_pipeline() {
        // Appending a non-ASCII character forces the full pipeline on the same text.
        let samples = [
            "Don't PANIC: it's e.g. 3.14 | the End\u{7f}\t\n",
            "ASCII control \u{1} chars & symbols #$%^*()[]{}<>?/\\~`",
        ];
        for s in samples {
            let fast = normalize(s);
            let full = normalize(&format!("{s}\u{e9}"));
            // The full pipeline folds é to e (NFD, drop U+0301).
            assert_eq!(format!("{fast}e"), full);
        }
    }

    #[test]
    fn stop_words_are_flagged_not_stemmed() {
        let t = analyze("में the");
        assert!(t.iter().all(|t| t.stop && t.stem == t.surface));
        for w in HINDI_STOP_WORDS {
            assert_eq!(normalize(w), *w, "stop word {w} must be in normalised form");
        }
    }

    #[test]
    fn loanword_plurals_meet_their_singular() {
        assert_eq!(stems("स्किल्स"), stems("स्किल"));
        assert_eq!(stems("टिप्स"), stems("टिप"));
        // Too short to be a plural: बस stays बस.
        assert_eq!(stems("बस"), ["बस"]);
    }

    #[test]
    fn a_stem_under_two_code_points_keeps_the_surface() {
        assert_eq!(stems("लाएँ लें"), ["लाएं", "लें"]);
        assert_eq!(stems("करें"), ["कर"]);
    }

    #[test]
    fn a_word_final_nasal_is_optional_in_outlines() {
        for (hi, lat) in [
            ("नहीं", "nahi"),
            ("नहीं", "nahin"),
            ("करें", "kare"),
            ("करें", "karein"),
        ] {
            assert_eq!(
                skeleton_devanagari(&normalize(hi)),
                skeleton_latin(lat),
                "{hi} ~ {lat}"
            );
        }
        // A two-letter key keeps its n: में is "mn", not "m".
        assert_eq!(skeleton_latin("mein").as_deref(), Some("mn"));
    }

    #[test]
    fn skeletons_bridge_romanised_hindi() {
        let pairs = [
            ("नौकरी", "naukri"),
            ("इंटरव्यू", "interview"),
            ("असफलता", "asafalta"),
            ("फीडबैक", "feedback"),
            ("साक्षात्कार", "sakshatkar"),
            ("ज्ञान", "gyan"),
            ("क़ानून", "kanoon"),
            ("कंप्यूटर", "computer"),
            ("चांद", "chand"),
            ("सफलता", "safalta"),
        ];
        for (hi, lat) in pairs {
            let k1 = skeleton_devanagari(&normalize(hi));
            let k2 = skeleton_latin(&normalize(lat));
            assert!(k1.is_some(), "{hi} has a key");
            assert_eq!(k1, k2, "{hi} ~ {lat}");
        }
        assert_eq!(skeleton_latin("a"), None);
        assert_eq!(skeleton_latin("2024"), None);
    }
}
