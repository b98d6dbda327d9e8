// Text analysis: normalise, tokenise, stop words, and the entry points that put the steps
// together. Mirrors src/search/analyze.rs (`normalize`, `tokenize`, `is_devanagari`,
// `analyze_word`, `analyze`, the stop-word lists) step for step: the index was built with the
// Rust side, so a query must become the same keys here. tests/fixtures/search/vectors.json,
// pairs.json and stems.json pin both sides (tests/testsuite/search/vectors.rs and
// tests/e2e/specs/search-analyzer.test.js).
//
// Uses: stemHindi (20-stem-hindi.js), stemEnglish (30-stem-english.js).
// Gives: normalize, tokenize, isDevanagari, analyzeWord, analyze, VIRAMA, ANUSVARA, RAW_RUN_RE.

var NUKTA = 0x093c;
var VIRAMA = 0x094d;
var CHANDRABINDU = 0x0901;
var ANUSVARA = 0x0902;

var HINDI_STOP_WORDS = [
  'का', 'की', 'के', 'को', 'में', 'से', 'पर', 'ने', 'है', 'हैं', 'था', 'थी', 'थे', 'और', 'या', 'भी',
  'तो', 'ही', 'यह', 'वह', 'ये', 'वे', 'इस', 'उस', 'इन', 'उन', 'एक', 'लिए', 'साथ', 'तक', 'कि', 'जो',
  'हो', 'हुआ', 'हुई', 'हुए', 'तथा', 'एवं', 'नहीं', 'अपने', 'अपना', 'अपनी', 'रहा', 'रही', 'रहे'
];
var ENGLISH_STOP_WORDS = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'has', 'have', 'he',
  'her', 'his', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'me', 'my', 'of', 'on', 'or', 'our',
  'she', 'so', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this',
  'to', 'was', 'we', 'were', 'what', 'which', 'who', 'will', 'with', 'you', 'your'
];
var STOP = Object.create(null);
HINDI_STOP_WORDS.concat(ENGLISH_STOP_WORDS).forEach(function (w) { STOP[w] = true; });

// Unicode property escapes are ES2018; build them from strings so an older parser still
// loads the file, and fall back to explicit ranges (Latin, Greek, Cyrillic, Devanagari).
var WORD_RE, ALNUM_RE, RAW_RUN_RE;
try {
  WORD_RE = new RegExp('[\\p{Alphabetic}\\p{N}\\p{M}]', 'u');
  ALNUM_RE = new RegExp('[\\p{Alphabetic}\\p{N}]', 'u');
  RAW_RUN_RE = new RegExp("[\\p{Alphabetic}\\p{N}\\p{M}\\u200B-\\u200F\\u2060\\uFEFF\\u00AD'\\u2018\\u2019\\u02BC]+", 'gu');
} catch (e) {
  var L = 'A-Za-z0-9\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u03FF\\u0400-\\u052F\\u0900-\\u0963\\u0966-\\u096F\\u0971-\\u097F\\u1E00-\\u1FFF\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
  WORD_RE = new RegExp('[' + L + '\\u0300-\\u036F]');
  ALNUM_RE = new RegExp('[' + L.replace('\\u0900-\\u0963', '\\u0904-\\u0939\\u093D\\u0950\\u0958-\\u0961') + ']');
  RAW_RUN_RE = new RegExp('[' + L + "\\u0300-\\u036F\\u200B-\\u200F\\u2060\\uFEFF\\u00AD'\\u2018\\u2019\\u02BC]+", 'g');
}

function isIgnorable(c) {
  return (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || c === 0x00ad ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}
function isNasal(c) {
  return c === 0x0919 || c === 0x091e || c === 0x0923 || c === 0x0928 || c === 0x092e;
}

/** Mirror of analyze::normalize. */
function normalize(text) {
  var s = String(text).normalize('NFKC').toLowerCase();
  var cleaned = '';
  for (var ch of s) {
    var c = ch.codePointAt(0);
    if (isIgnorable(c) || c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x02bc) continue;
    if (c === 0x0964 || c === 0x0965 || c === 0x0970 || c === 0x7c || c === 0x3a) cleaned += ' ';
    else cleaned += ch;
  }
  var folded = cleaned.normalize('NFD').replace(/[\u093C\u0300-\u036F]/g, '').normalize('NFC');
  var cps = Array.from(folded);
  var out = '';
  for (var i = 0; i < cps.length; i++) {
    var cp = cps[i].codePointAt(0);
    if (cp === CHANDRABINDU) {
      out += '\u0902';
    } else if (isNasal(cp) && i + 2 < cps.length && cps[i + 1].codePointAt(0) === VIRAMA &&
      cps[i + 2].codePointAt(0) >= 0x0915 && cps[i + 2].codePointAt(0) <= 0x092e) {
      out += '\u0902';
      i += 1;
    } else if (cp >= 0x0966 && cp <= 0x096f) {
      out += String(cp - 0x0966);
    } else {
      out += cps[i];
    }
  }
  return out;
}

/** Mirror of analyze::tokenize: runs of letters/digits/marks holding a letter or digit. */
function tokenize(normalized) {
  var words = [];
  var run = '';
  var hasAlnum = false;
  for (var ch of normalized) {
    if (WORD_RE.test(ch)) {
      if (ALNUM_RE.test(ch)) hasAlnum = true;
      run += ch;
    } else {
      if (hasAlnum) words.push(run);
      run = '';
      hasAlnum = false;
    }
  }
  if (hasAlnum) words.push(run);
  return words;
}

function isDevanagari(word) {
  for (var i = 0; i < word.length; i++) {
    var c = word.charCodeAt(i);
    if (c >= 0x0900 && c <= 0x097f) return true;
  }
  return false;
}

/** Mirror of analyze::analyze_word. */
function analyzeWord(surface) {
  var dev = isDevanagari(surface);
  var stop = STOP[surface] === true;
  var stem = stop ? surface : dev ? stemHindi(surface) : stemEnglish(surface);
  return { surface: surface, stem: stem, stop: stop, devanagari: dev };
}

/** Mirror of analyze::analyze. */
function analyze(text) {
  return tokenize(normalize(text)).map(analyzeWord);
}
