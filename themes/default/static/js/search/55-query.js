// Query understanding: which of a query's words are searched and how loosely. Question and
// auxiliary words (कैसे, kya, how) step back behind the content words; the word being typed is
// expanded as a prefix unless it is too short to be one; typos are forgiven by edit distance,
// decided and applied on the same form. Query side only: the index knows nothing of this.
//
// Uses: analyze, hindiStemTooShort (text analysis), cpLen (60-rank.js, called at run time).
// Gives: queryTokens, prefixable, typoBudget, typoEdits, editDistance, QUESTION.

// Typo tolerance, decided and applied on the same form (the surface against indexed surfaces,
// the stem against stems): one edit for words of 5+ code points, two for 7+. One edit on a
// shorter word reaches too many other words (कम/काम, दिन/दीन).
var TYPO_MIN = 5;
var TYPO2_MIN = 7;
var MAX_QUERY_TOKENS = 10;

// Query words that ask rather than say (question words, auxiliaries, pronouns): dropped from
// a query while other words remain, like the stop words. Query side only (the index keeps
// them as ordinary words). In normalised form: chandrabindu is written as anusvara.
var QUESTION_WORDS = [
  // Hindi
  'कैसे', 'क्या', 'क्यों', 'कब', 'कहां', 'कौन', 'कितना', 'कितनी', 'कितने', 'करें', 'करूं', 'करू',
  'करना', 'करनी', 'करने', 'करता', 'करती', 'करते', 'करो', 'कर', 'हूं', 'हूँ', 'चाहिए', 'मुझे', 'मैं',
  'मेरा', 'मेरी', 'मेरे', 'हम', 'आप', 'आपका', 'आपकी', 'अब', 'बहुत', 'कोई', 'कुछ', 'गया', 'गई', 'गए',
  'जाए', 'सकता', 'सकती', 'सकते', 'दूं', 'बताएं', 'बताऊं',
  // Hinglish in Latin letters
  'ke', 'ka', 'ki', 'ko', 'se', 'pe', 'par', 'me', 'mein', 'mai', 'mujhe', 'mera', 'meri',
  'mere', 'kya', 'kyu', 'kyun', 'kyon', 'kaise', 'kese', 'kab', 'kahan', 'kaun', 'hai', 'hain',
  'he', 'h', 'tha', 'thi', 'nahi', 'nahin', 'nhi', 'kare', 'karein', 'karen', 'karu', 'karun',
  'karna', 'karni', 'karne', 'kar', 'karo', 'ho', 'hua', 'hui', 'hue', 'gaya', 'gayi', 'gaye',
  'gya', 'raha', 'rahi', 'rahe', 'ab', 'aur', 'bhi', 'toh', 'ne', 'ye', 'yeh', 'wo', 'woh', 'ek',
  'liye', 'chahiye', 'apna', 'apni', 'apne', 'hum', 'aap', 'sakta', 'sakti', 'bahut', 'bohot',
  'koi', 'kuch', 'ji',
  // English
  'how', 'do', 'does', 'did', 'should', 'can', 'could', 'would', 'shall', 'may', 'might', 'must',
  'when', 'why', 'where', 'am', 'been', 'being', 'im', 'ive', 'now', 'very', 'really', 'while',
  'about', 'keep', 'so'
];
var QUESTION = Object.create(null);
QUESTION_WORDS.forEach(function (w) { QUESTION[w] = true; });

/**
 * Optimal-string-alignment distance between `a` and `b` (code points: insertions,
 * deletions, substitutions, swaps of neighbours), or `max + 1` once it must exceed `max`.
 * Only the band of cells within `max` of the diagonal is computed: this runs against every
 * word of a shard, for every long query word.
 */
function editDistance(a, b, max) {
  if (a === b) return 0;
  // Most words of a shard differ in length by more than `max`: the quickest rejection.
  if (Math.abs(a.length - b.length) > 2 * max) return max + 1;
  // Indexing a string is by UTF-16 unit, which is the code point for every BMP character
  // (Devanagari, Latin); only astral characters need the slower array of code points.
  var x = a, y = b;
  if (SURROGATE_RE.test(a) || SURROGATE_RE.test(b)) { x = Array.from(a); y = Array.from(b); }
  var n = x.length, m = y.length;
  if (Math.abs(n - m) > max) return max + 1;
  var BIG = max + 1;
  var prev2 = null, prev = new Array(m + 1), cur;
  for (var j = 0; j <= m; j++) prev[j] = j <= max ? j : BIG;
  for (var i = 1; i <= n; i++) {
    cur = new Array(m + 1);
    cur[0] = i <= max ? i : BIG;
    var lo = Math.max(1, i - max), hi = Math.min(m, i + max);
    for (var k = 1; k < lo; k++) cur[k] = BIG;
    var rowMin = cur[0];
    for (k = lo; k <= hi; k++) {
      var v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (x[i - 1] === y[k - 1] ? 0 : 1));
      if (prev2 && k > 1 && x[i - 1] === y[k - 2] && x[i - 2] === y[k - 1]) v = Math.min(v, prev2[k - 2] + 1);
      cur[k] = v > BIG ? BIG : v;
      if (v < rowMin) rowMin = v;
    }
    for (k = hi + 1; k <= m; k++) cur[k] = BIG;
    if (rowMin > max) return BIG;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[m], BIG);
}

var SURROGATE_RE = /[\uD800-\uDFFF]/;

/** The edits a word of `len` code points may have: 0, 1 (5+) or 2 (7+). */
function typoBudget(len) {
  return len >= TYPO2_MIN ? 2 : len >= TYPO_MIN ? 1 : 0;
}

/**
 * Whether the word being typed is expanded as a prefix: not a Hindi word whose stem would be
 * shorter than the shortest stem (लें, लाएँ), not a two-letter Latin word after others
 * ("dil pe mat lo": "lo" is a word, not the start of "long").
 */
function prefixable(tok, count) {
  var len = cpLen(tok.surface);
  if (len < 2) return false;
  if (tok.devanagari) return !hindiStemTooShort(tok.surface);
  return len >= 3 || count === 1;
}

/**
 * 1 or 2 when `term` (with its indexed surface `forms`) is a typo of `tok` within the
 * allowed edits, surface against surfaces and stem against stem; else 0.
 */
function typoEdits(tok, term, forms, surfaceEdits, stemEdits) {
  var best = 3;
  if (stemEdits) {
    var es = editDistance(term, tok.stem, stemEdits);
    if (es <= stemEdits) best = es;
  }
  if (surfaceEdits) {
    for (var i = 0; i < forms.length && best > 1; i++) {
      var e = editDistance(forms[i], tok.surface, surfaceEdits);
      if (e <= surfaceEdits && e < best) best = e;
    }
  }
  return best <= 2 && best > 0 ? best : 0;
}

/**
 * Analyses a query: drops stop words and question words (how, कैसे, kya) unless nothing else
 * is left, dedupes stems.
 */
function queryTokens(query) {
  var all = analyze(query);
  all.forEach(function (t) { if (QUESTION[t.surface]) t.question = true; });
  var content = all.filter(function (t) { return !t.stop && !t.question; });
  // Question words stay as minor words when there is content: they only order pages that
  // match the content alike ("फ़ीडबैक कैसे माँगें" is the title of one of the feedback pages).
  var tokens = content.length
    ? all.filter(function (t) { return !t.stop; }).map(function (t) { t.minor = !!t.question; return t; })
    : all;
  var seen = Object.create(null);
  tokens = tokens.filter(function (t) {
    if (seen[t.stem]) return false;
    seen[t.stem] = true;
    return true;
  }).slice(0, MAX_QUERY_TOKENS);
  var trimmed = String(query);
  var lastIsPrefix = trimmed.length > 0 && !/\s$/.test(trimmed);
  return { tokens: tokens, lastIsPrefix: lastIsPrefix };
}
