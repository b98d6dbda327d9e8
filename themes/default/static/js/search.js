/*! handbook search — query side of the static search index (no dependencies, ES2017).
 *
 * Three parts:
 *  1. Analyser: a port of src/search/analyze.rs (normalise, tokenise, stop words, Snowball
 *     Hindi and English stemmers, romanised skeleton). It must produce the same tokens as Rust;
 *     tests/fixtures/search/{vectors,pairs,stems}.json pin that on both sides
 *     (tests/testsuite/search/vectors.rs, tests/e2e/specs/search-analyzer.test.js).
 *  2. Engine: loads the index files written by src/search/index.rs (see its doc comment for the
 *     format) with <script> tags, so it works from file://, and ranks documents.
 *  3. UI: wires `form[role=search] input[name=q]` to the `[data-search-results]` container.
 *     The search page loads this file when the reader first uses the box (or has ?q=), so
 *     the UI starts at once and runs a query already in the box or in ?q=.
 *
 * Page contract (attributes on the [data-search-results] element, or on this <script> tag):
 *   data-search-index  URL of the index root (relative to the page), e.g. "../../search-index/".
 *                      Default: "../search-index/" relative to this script's URL.
 *   data-search-root   URL of the site root, to resolve relative document URLs.
 *                      Default: the parent of the index root.
 *   data-search-lang   the reader's language (default: <html lang>).
 *   data-search-langs  all languages to search, space-separated (default: the reader's only).
 *   data-search-limit  how many results to show (default 20).
 *   data-msg-one, data-msg-other, … (any CLDR plural category), data-msg-none (count 0,
 *                      optional): the result count text, with "{count}" or "%n" as the
 *                      placeholder (the page writes these from one Fluent message).
 * The count is written to the [data-search-status] element, else the first [aria-live] element
 * (one is created before the results if there is none). Optional: a [data-search-tags] element
 * holding <button data-tag="slug"> for every tag, shown for the tags of the results, to narrow
 * them (?tag=). While a search runs the list has aria-busy; when its results are final it has
 * data-search-query="<the query>".
 */
(function (root) {
  'use strict';

  // ---------------------------------------------------------------------------------------
  // 1. Analyser — keep in step with analyze.rs.
  // ---------------------------------------------------------------------------------------

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

  // --- Snowball Hindi (Snowball 3.0.0 hindi.sbl, as generated in pagefind_stem 1.0.0) ---
  // The stemmer removes the longest listed suffix that leaves at least one character; the
  // suffixes in HI_SUFFIXES_AFTER_CONSONANT also need a consonant (not the first letter) before.
  var HI_SUFFIXES = ["\u0940","\u0942\u0902\u0917\u0940","\u0947\u0902\u0917\u0940","\u090A\u0902\u0917\u0940","\u0906\u090A\u0902\u0917\u0940","\u093E\u090A\u0902\u0917\u0940","\u090F\u0902\u0917\u0940","\u0906\u090F\u0902\u0917\u0940","\u093E\u090F\u0902\u0917\u0940","\u0947\u0917\u0940","\u094B\u0917\u0940","\u090F\u0917\u0940","\u0906\u090F\u0917\u0940","\u093E\u090F\u0917\u0940","\u0913\u0917\u0940","\u0906\u0913\u0917\u0940","\u093E\u0913\u0917\u0940","\u0905\u0924\u0940","\u0906\u0924\u0940","\u093E\u0924\u0940","\u0905\u0928\u0940","\u0906\u0901","\u093E\u0901","\u0907\u092F\u093E\u0901","\u0906\u0907\u092F\u093E\u0901","\u093E\u0907\u092F\u093E\u0901","\u093F\u092F\u093E\u0901","\u0941","\u0940\u0902","\u0905\u0924\u0940\u0902","\u0906\u0924\u0940\u0902","\u093E\u0924\u0940\u0902","\u0906\u0902","\u0941\u0906\u0902","\u0909\u0906\u0902","\u0947\u0902","\u0908\u0902","\u0906\u0908\u0902","\u093E\u0908\u0902","\u094B\u0902","\u0907\u092F\u094B\u0902","\u0906\u0907\u092F\u094B\u0902","\u093E\u0907\u092F\u094B\u0902","\u093F\u092F\u094B\u0902","\u090F\u0902","\u0941\u090F\u0902","\u0906\u090F\u0902","\u0909\u090F\u0902","\u093E\u090F\u0902","\u0905\u0924\u093E\u090F\u0902","\u0905\u0928\u093E\u090F\u0902","\u0913\u0902","\u0941\u0913\u0902","\u0906\u0913\u0902","\u0909\u0913\u0902","\u093E\u0913\u0902","\u0905\u0924\u093E\u0913\u0902","\u0905\u0928\u093E\u0913\u0902","\u093E\u0902","\u0907\u092F\u093E\u0902","\u0906\u0907\u092F\u093E\u0902","\u093E\u0907\u092F\u093E\u0902","\u093F\u092F\u093E\u0902","\u0942","\u0905","\u0906","\u0907","\u0947","\u0947\u0902\u0917\u0947","\u090F\u0902\u0917\u0947","\u0906\u090F\u0902\u0917\u0947","\u093E\u090F\u0902\u0917\u0947","\u094B\u0917\u0947","\u0913\u0917\u0947","\u0906\u0913\u0917\u0947","\u093E\u0913\u0917\u0947","\u0905\u0924\u0947","\u0906\u0924\u0947","\u093E\u0924\u0947","\u0905\u0928\u0947","\u0906\u0928\u0947","\u093E\u0928\u0947","\u0908","\u0906\u0908","\u093E\u0908","\u0909","\u090A","\u094B","\u094D","\u090F","\u0906\u090F","\u0907\u090F","\u0906\u0907\u090F","\u093E\u0907\u090F","\u093E\u090F","\u093F\u090F","\u0913","\u0906\u0913","\u093E\u0913","\u0905\u0915\u0930","\u0906\u0915\u0930","\u093E\u0915\u0930","\u093E","\u0942\u0902\u0917\u093E","\u090A\u0902\u0917\u093E","\u0906\u090A\u0902\u0917\u093E","\u093E\u090A\u0902\u0917\u093E","\u0947\u0917\u093E","\u090F\u0917\u093E","\u0906\u090F\u0917\u093E","\u093E\u090F\u0917\u093E","\u0905\u0924\u093E","\u0906\u0924\u093E","\u093E\u0924\u093E","\u0905\u0928\u093E","\u0906\u0928\u093E","\u093E\u0928\u093E","\u0906\u092F\u093E","\u093E\u092F\u093E","\u093F"];
  var HI_SUFFIXES_AFTER_CONSONANT = ["\u0924\u0940","\u0928\u0940","\u0924\u0940\u0902","\u0924\u093E\u090F\u0902","\u0928\u093E\u090F\u0902","\u0924\u093E\u0913\u0902","\u0928\u093E\u0913\u0902","\u0924\u0947","\u0928\u0947","\u0915\u0930","\u0924\u093E","\u0928\u093E"];
  var HI_TABLE = HI_SUFFIXES.map(function (s) { return [Array.from(s), false]; })
    .concat(HI_SUFFIXES_AFTER_CONSONANT.map(function (s) { return [Array.from(s), true]; }))
    .sort(function (a, b) { return b[0].length - a[0].length; });

  function isHindiConsonant(ch) {
    var c = ch.codePointAt(0);
    return (c >= 0x0915 && c <= 0x0939) || c === 0x093c || (c >= 0x0958 && c <= 0x095f);
  }

  /** Mirror of analyze::stem_hindi. */
  function stemHindi(word) {
    var cps = Array.from(word);
    if (cps.length <= 2) return word;
    for (var t = 0; t < HI_TABLE.length; t++) {
      var suf = HI_TABLE[t][0];
      var start = cps.length - suf.length;
      if (start < 1) continue;
      var ok = true;
      for (var k = 0; k < suf.length; k++) {
        if (cps[start + k] !== suf[k]) { ok = false; break; }
      }
      if (!ok) continue;
      if (HI_TABLE[t][1] && !(start >= 2 && isHindiConsonant(cps[start - 1]))) continue;
      return cps.slice(0, start).join('');
    }
    return word;
  }

  // --- Snowball English (Porter2, Snowball 3.0.0 english.sbl) ---
  // A line-by-line port of the generated Rust (pagefind_stem 1.0.0), including its runtime.
  // Only called on /^[a-z]+$/ words, where a byte is a UTF-16 unit, so offsets agree.
  function Env(s) {
    this.current = s;
    this.cursor = 0;
    this.limit = s.length;
    this.limit_backward = 0;
    this.bra = 0;
    this.ket = s.length;
  }
  function inG(g, min, max, ch) {
    if (ch > max || ch < min) return false;
    ch -= min;
    return (g[ch >> 3] & (1 << (ch & 7))) !== 0;
  }
  Env.prototype = {
    code: function (i) { return this.current.charCodeAt(i); },
    replace_s: function (bra, ket, s) {
      var adj = s.length - (ket - bra);
      this.current = this.current.slice(0, bra) + s + this.current.slice(ket);
      this.limit += adj;
      if (this.cursor >= ket) this.cursor += adj;
      else if (this.cursor > bra) this.cursor = bra;
      return adj;
    },
    eq_s: function (s) {
      if (this.cursor >= this.limit) return false;
      if (this.current.startsWith(s, this.cursor)) { this.cursor += s.length; return true; }
      return false;
    },
    eq_s_b: function (s) {
      if (this.cursor - this.limit_backward < s.length) return false;
      if (!this.current.startsWith(s, this.cursor - s.length)) return false;
      this.cursor -= s.length;
      return true;
    },
    slice_from: function (s) { this.replace_s(this.bra, this.ket, s); this.ket = this.bra + s.length; },
    slice_del: function () { this.slice_from(''); },
    next_char: function () { this.cursor += 1; },
    previous_char: function () { this.cursor -= 1; },
    hop: function (delta) {
      var res = this.cursor;
      while (delta > 0) { delta--; if (res >= this.limit) return false; res += 1; }
      this.cursor = res;
      return true;
    },
    hop_back: function (delta) {
      var res = this.cursor;
      while (delta > 0) { delta--; if (res <= this.limit_backward) return false; res -= 1; }
      this.cursor = res;
      return true;
    },
    in_grouping: function (g, min, max) {
      if (this.cursor >= this.limit) return false;
      if (!inG(g, min, max, this.code(this.cursor))) return false;
      this.cursor += 1;
      return true;
    },
    go_in_grouping: function (g, min, max) {
      while (this.cursor < this.limit) {
        if (!inG(g, min, max, this.code(this.cursor))) return true;
        this.cursor += 1;
      }
      return false;
    },
    in_grouping_b: function (g, min, max) {
      if (this.cursor <= this.limit_backward) return false;
      if (!inG(g, min, max, this.code(this.cursor - 1))) return false;
      this.cursor -= 1;
      return true;
    },
    out_grouping_b: function (g, min, max) {
      if (this.cursor <= this.limit_backward) return false;
      if (inG(g, min, max, this.code(this.cursor - 1))) return false;
      this.cursor -= 1;
      return true;
    },
    go_out_grouping: function (g, min, max) {
      while (this.cursor < this.limit) {
        if (inG(g, min, max, this.code(this.cursor))) return true;
        this.cursor += 1;
      }
      return false;
    },
    go_out_grouping_b: function (g, min, max) {
      while (this.cursor > this.limit_backward) {
        if (inG(g, min, max, this.code(this.cursor - 1))) return true;
        this.cursor -= 1;
      }
      return false;
    },
    find_among: function (v) {
      var i = 0, j = v.length, c = this.cursor, l = this.limit;
      var common_i = 0, common_j = 0, first = false;
      for (;;) {
        var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
        for (var lv = common; lv < w[0].length; lv++) {
          if (c + common === l) { diff = -1; break; }
          diff = this.code(c + common) - w[0].charCodeAt(lv);
          if (diff !== 0) break;
          common++;
        }
        if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
        if (j - i <= 1) {
          if (i > 0 || j === i || first) break;
          first = true;
        }
      }
      for (;;) {
        var w2 = v[i];
        if (common_i >= w2[0].length) { this.cursor = c + w2[0].length; return w2[2]; }
        i = w2[1];
        if (i < 0) return 0;
      }
    },
    find_among_b: function (v) {
      var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward;
      var common_i = 0, common_j = 0, first = false;
      for (;;) {
        var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
        for (var lv = w[0].length - 1 - common; lv >= 0; lv--) {
          if (c - common === lb) { diff = -1; break; }
          diff = this.code(c - common - 1) - w[0].charCodeAt(lv);
          if (diff !== 0) break;
          common++;
        }
        if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
        if (j - i <= 1) {
          if (i > 0 || j === i || first) break;
          first = true;
        }
      }
      for (;;) {
        var w2 = v[i];
        if (common_i >= w2[0].length) { this.cursor = c - w2[0].length; return w2[2]; }
        i = w2[1];
        if (i < 0) return 0;
      }
    }
  };

  // Among tables: [string, index of its longest listed suffix/prefix, result].
  var A_0 = [['arsen', -1, -1], ['commun', -1, -1], ['emerg', -1, -1], ['gener', -1, -1],
    ['inter', -1, -1], ['later', -1, -1], ['organ', -1, -1], ['past', -1, -1], ['univers', -1, -1]];
  var A_1 = [["'", -1, 1], ["'s'", 0, 1], ["'s", -1, 1]];
  var A_2 = [['ied', -1, 2], ['s', -1, 3], ['ies', 1, 2], ['sses', 1, 1], ['ss', 1, -1], ['us', 1, -1]];
  var A_3 = [['succ', -1, 1], ['proc', -1, 1], ['exc', -1, 1]];
  var A_4 = [['even', -1, 2], ['cann', -1, 2], ['inn', -1, 2], ['earr', -1, 2], ['herr', -1, 2],
    ['out', -1, 2], ['y', -1, 1]];
  var A_5 = [['', -1, -1], ['ed', 0, 2], ['eed', 1, 1], ['ing', 0, 3], ['edly', 0, 2], ['eedly', 4, 1],
    ['ingly', 0, 2]];
  var A_6 = [['', -1, 3], ['bb', 0, 2], ['dd', 0, 2], ['ff', 0, 2], ['gg', 0, 2], ['bl', 0, 1],
    ['mm', 0, 2], ['nn', 0, 2], ['pp', 0, 2], ['rr', 0, 2], ['at', 0, 1], ['tt', 0, 2], ['iz', 0, 1]];
  var A_7 = [['anci', -1, 3], ['enci', -1, 2], ['ogi', -1, 14], ['li', -1, 16], ['bli', 3, 12],
    ['abli', 4, 4], ['alli', 3, 8], ['fulli', 3, 9], ['lessli', 3, 15], ['ousli', 3, 10],
    ['entli', 3, 5], ['aliti', -1, 8], ['biliti', -1, 12], ['iviti', -1, 11], ['tional', -1, 1],
    ['ational', 14, 7], ['alism', -1, 8], ['ation', -1, 7], ['ization', 17, 6], ['izer', -1, 6],
    ['ator', -1, 7], ['iveness', -1, 11], ['fulness', -1, 9], ['ousness', -1, 10], ['ogist', -1, 13]];
  var A_8 = [['icate', -1, 4], ['ative', -1, 6], ['alize', -1, 3], ['iciti', -1, 4], ['ical', -1, 4],
    ['tional', -1, 1], ['ational', 5, 2], ['ful', -1, 5], ['ness', -1, 5]];
  var A_9 = [['ic', -1, 1], ['ance', -1, 1], ['ence', -1, 1], ['able', -1, 1], ['ible', -1, 1],
    ['ate', -1, 1], ['ive', -1, 1], ['ize', -1, 1], ['iti', -1, 1], ['al', -1, 1], ['ism', -1, 1],
    ['ion', -1, 2], ['er', -1, 1], ['ous', -1, 1], ['ant', -1, 1], ['ent', -1, 1], ['ment', 15, 1],
    ['ement', 16, 1]];
  var A_10 = [['e', -1, 1], ['l', -1, 2]];
  var A_11 = [['andes', -1, -1], ['atlas', -1, -1], ['bias', -1, -1], ['cosmos', -1, -1],
    ['early', -1, 6], ['gently', -1, 4], ['howe', -1, -1], ['idly', -1, 3], ['news', -1, -1],
    ['only', -1, 7], ['singly', -1, 8], ['skies', -1, 2], ['skis', -1, 1], ['sky', -1, -1],
    ['ugly', -1, 5]];
  var G_aeo = [17, 64];
  var G_v = [17, 65, 16, 1];
  var G_v_WXY = [1, 17, 65, 208, 1];
  var G_valid_LI = [55, 141, 2];

  // `bit(mask, byte)`: the generated code's quick pre-checks on the last/next letter.
  function bitOk(env, idx, mask) {
    var b = env.code(idx);
    return (b >> 5) === 3 && ((mask >> (b & 0x1f)) & 1) !== 0;
  }

  function r_prelude(env, ctx) {
    ctx.Y_found = false;
    var v_1 = env.cursor;
    lab0: {
      env.bra = env.cursor;
      if (!env.eq_s("'")) break lab0;
      env.ket = env.cursor;
      env.slice_del();
    }
    env.cursor = v_1;
    var v_2 = env.cursor;
    lab1: {
      env.bra = env.cursor;
      if (!env.eq_s('y')) break lab1;
      env.ket = env.cursor;
      env.slice_from('Y');
      ctx.Y_found = true;
    }
    env.cursor = v_2;
    var v_3 = env.cursor;
    replab3: for (;;) {
      var v_4 = env.cursor;
      lab4: {
        golab5: for (;;) {
          var v_5 = env.cursor;
          lab6: {
            if (!env.in_grouping(G_v, 97, 121)) break lab6;
            env.bra = env.cursor;
            if (!env.eq_s('y')) break lab6;
            env.ket = env.cursor;
            env.cursor = v_5;
            break golab5;
          }
          env.cursor = v_5;
          if (env.cursor >= env.limit) break lab4;
          env.next_char();
        }
        env.slice_from('Y');
        ctx.Y_found = true;
        continue replab3;
      }
      env.cursor = v_4;
      break replab3;
    }
    env.cursor = v_3;
    return true;
  }

  function r_mark_regions(env, ctx) {
    ctx.p1 = env.limit;
    ctx.p2 = env.limit;
    var v_1 = env.cursor;
    lab0: {
      lab1: {
        var v_2 = env.cursor;
        lab2: {
          if (env.cursor + 3 >= env.limit || !bitOk(env, env.cursor + 3, 5513250)) break lab2;
          if (env.find_among(A_0) === 0) break lab2;
          break lab1;
        }
        env.cursor = v_2;
        if (!env.go_out_grouping(G_v, 97, 121)) break lab0;
        env.next_char();
        if (!env.go_in_grouping(G_v, 97, 121)) break lab0;
        env.next_char();
      }
      ctx.p1 = env.cursor;
      if (!env.go_out_grouping(G_v, 97, 121)) break lab0;
      env.next_char();
      if (!env.go_in_grouping(G_v, 97, 121)) break lab0;
      env.next_char();
      ctx.p2 = env.cursor;
    }
    env.cursor = v_1;
    return true;
  }

  function r_shortv(env) {
    lab0: {
      var v_1 = env.limit - env.cursor;
      lab1: {
        if (!env.out_grouping_b(G_v_WXY, 89, 121)) break lab1;
        if (!env.in_grouping_b(G_v, 97, 121)) break lab1;
        if (!env.out_grouping_b(G_v, 97, 121)) break lab1;
        break lab0;
      }
      env.cursor = env.limit - v_1;
      lab2: {
        if (!env.out_grouping_b(G_v, 97, 121)) break lab2;
        if (!env.in_grouping_b(G_v, 97, 121)) break lab2;
        if (env.cursor > env.limit_backward) break lab2;
        break lab0;
      }
      env.cursor = env.limit - v_1;
      if (!env.eq_s_b('past')) return false;
    }
    return true;
  }

  function r_R1(env, ctx) { return ctx.p1 <= env.cursor; }
  function r_R2(env, ctx) { return ctx.p2 <= env.cursor; }

  function r_Step_1a(env) {
    var among_var;
    var v_1 = env.limit - env.cursor;
    lab0: {
      env.ket = env.cursor;
      if (env.cursor <= env.limit_backward ||
        (env.code(env.cursor - 1) !== 39 && env.code(env.cursor - 1) !== 115)) {
        env.cursor = env.limit - v_1;
        break lab0;
      }
      if (env.find_among_b(A_1) === 0) {
        env.cursor = env.limit - v_1;
        break lab0;
      }
      env.bra = env.cursor;
      env.slice_del();
    }
    env.ket = env.cursor;
    if (env.cursor <= env.limit_backward ||
      (env.code(env.cursor - 1) !== 100 && env.code(env.cursor - 1) !== 115)) return false;
    among_var = env.find_among_b(A_2);
    if (among_var === 0) return false;
    env.bra = env.cursor;
    switch (among_var) {
      case 1:
        env.slice_from('ss');
        break;
      case 2:
        lab1: {
          var v_2 = env.limit - env.cursor;
          lab2: {
            if (!env.hop_back(2)) break lab2;
            env.slice_from('i');
            break lab1;
          }
          env.cursor = env.limit - v_2;
          env.slice_from('ie');
        }
        break;
      case 3:
        if (env.cursor <= env.limit_backward) return false;
        env.previous_char();
        if (!env.go_out_grouping_b(G_v, 97, 121)) return false;
        env.previous_char();
        env.slice_del();
        break;
    }
    return true;
  }

  function r_Step_1b(env, ctx) {
    var among_var;
    env.ket = env.cursor;
    if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 33554576)) among_var = -1;
    else among_var = env.find_among_b(A_5);
    env.bra = env.cursor;
    lab0: {
      var v_1 = env.limit - env.cursor;
      lab1: {
        switch (among_var) {
          case 1:
            var v_2 = env.limit - env.cursor;
            lab2: {
              if (!r_R1(env, ctx)) break lab2;
              lab3: {
                var v_3 = env.limit - env.cursor;
                lab4: {
                  if (env.cursor - 2 <= env.limit_backward || env.code(env.cursor - 1) !== 99) break lab4;
                  if (env.find_among_b(A_3) === 0) break lab4;
                  if (env.cursor > env.limit_backward) break lab4;
                  break lab3;
                }
                env.cursor = env.limit - v_3;
                env.slice_from('ee');
              }
            }
            env.cursor = env.limit - v_2;
            break;
          case 2:
            break lab1;
          case 3:
            if (env.cursor <= env.limit_backward || !bitOk(env, env.cursor - 1, 34881536)) break lab1;
            among_var = env.find_among_b(A_4);
            if (among_var === 0) break lab1;
            switch (among_var) {
              case 1:
                var v_4 = env.limit - env.cursor;
                if (!env.out_grouping_b(G_v, 97, 121)) break lab1;
                if (env.cursor > env.limit_backward) break lab1;
                env.cursor = env.limit - v_4;
                env.bra = env.cursor;
                env.slice_from('ie');
                break;
              case 2:
                if (env.cursor > env.limit_backward) break lab1;
                break;
            }
            break;
        }
        break lab0;
      }
      env.cursor = env.limit - v_1;
      var v_5 = env.limit - env.cursor;
      if (!env.go_out_grouping_b(G_v, 97, 121)) return false;
      env.previous_char();
      env.cursor = env.limit - v_5;
      env.slice_del();
      env.ket = env.cursor;
      env.bra = env.cursor;
      var v_6 = env.limit - env.cursor;
      if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 68514004)) among_var = 3;
      else among_var = env.find_among_b(A_6);
      switch (among_var) {
        case 1:
          env.slice_from('e');
          return false;
        case 2:
          var v_7 = env.limit - env.cursor;
          lab5: {
            if (!env.in_grouping_b(G_aeo, 97, 111)) break lab5;
            if (env.cursor > env.limit_backward) break lab5;
            return false;
          }
          env.cursor = env.limit - v_7;
          break;
        case 3:
          if (env.cursor !== ctx.p1) return false;
          var v_8 = env.limit - env.cursor;
          if (!r_shortv(env)) return false;
          env.cursor = env.limit - v_8;
          env.slice_from('e');
          return false;
      }
      env.cursor = env.limit - v_6;
      env.ket = env.cursor;
      if (env.cursor <= env.limit_backward) return false;
      env.previous_char();
      env.bra = env.cursor;
      env.slice_del();
    }
    return true;
  }

  function r_Step_1c(env) {
    env.ket = env.cursor;
    lab0: {
      var v_1 = env.limit - env.cursor;
      if (env.eq_s_b('y')) break lab0;
      env.cursor = env.limit - v_1;
      if (!env.eq_s_b('Y')) return false;
    }
    env.bra = env.cursor;
    if (!env.out_grouping_b(G_v, 97, 121)) return false;
    if (!(env.cursor > env.limit_backward)) return false;
    env.slice_from('i');
    return true;
  }

  var STEP2 = [null, 'tion', 'ence', 'ance', 'able', 'ent', 'ize', 'ate', 'al', 'ful', 'ous', 'ive',
    'ble', 'og', null, 'less', null];

  function r_Step_2(env, ctx) {
    env.ket = env.cursor;
    if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 1864192)) return false;
    var among_var = env.find_among_b(A_7);
    if (among_var === 0) return false;
    env.bra = env.cursor;
    if (!r_R1(env, ctx)) return false;
    if (among_var === 14) {
      if (!env.eq_s_b('l')) return false;
      env.slice_from('og');
    } else if (among_var === 16) {
      if (!env.in_grouping_b(G_valid_LI, 99, 116)) return false;
      env.slice_del();
    } else {
      env.slice_from(STEP2[among_var]);
    }
    return true;
  }

  function r_Step_3(env, ctx) {
    env.ket = env.cursor;
    if (env.cursor - 2 <= env.limit_backward || !bitOk(env, env.cursor - 1, 528928)) return false;
    var among_var = env.find_among_b(A_8);
    if (among_var === 0) return false;
    env.bra = env.cursor;
    if (!r_R1(env, ctx)) return false;
    switch (among_var) {
      case 1: env.slice_from('tion'); break;
      case 2: env.slice_from('ate'); break;
      case 3: env.slice_from('al'); break;
      case 4: env.slice_from('ic'); break;
      case 5: env.slice_del(); break;
      case 6:
        if (!r_R2(env, ctx)) return false;
        env.slice_del();
        break;
    }
    return true;
  }

  function r_Step_4(env, ctx) {
    env.ket = env.cursor;
    if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 1864232)) return false;
    var among_var = env.find_among_b(A_9);
    if (among_var === 0) return false;
    env.bra = env.cursor;
    if (!r_R2(env, ctx)) return false;
    if (among_var === 1) {
      env.slice_del();
    } else if (among_var === 2) {
      lab0: {
        var v_1 = env.limit - env.cursor;
        if (env.eq_s_b('s')) break lab0;
        env.cursor = env.limit - v_1;
        if (!env.eq_s_b('t')) return false;
      }
      env.slice_del();
    }
    return true;
  }

  function r_Step_5(env, ctx) {
    env.ket = env.cursor;
    if (env.cursor <= env.limit_backward ||
      (env.code(env.cursor - 1) !== 101 && env.code(env.cursor - 1) !== 108)) return false;
    var among_var = env.find_among_b(A_10);
    if (among_var === 0) return false;
    env.bra = env.cursor;
    if (among_var === 1) {
      lab0: {
        if (r_R2(env, ctx)) break lab0;
        if (!r_R1(env, ctx)) return false;
        var v_1 = env.limit - env.cursor;
        if (r_shortv(env)) return false;
        env.cursor = env.limit - v_1;
      }
      env.slice_del();
    } else if (among_var === 2) {
      if (!r_R2(env, ctx)) return false;
      if (!env.eq_s_b('l')) return false;
      env.slice_del();
    }
    return true;
  }

  var EXCEPTION1 = [null, 'ski', 'sky', 'idl', 'gentl', 'ugli', 'earli', 'onli', 'singl'];

  function r_exception1(env) {
    env.bra = env.cursor;
    if (env.cursor + 2 >= env.limit || !bitOk(env, env.cursor + 2, 42750482)) return false;
    var among_var = env.find_among(A_11);
    if (among_var === 0) return false;
    env.ket = env.cursor;
    if (env.cursor < env.limit) return false;
    if (among_var > 0) env.slice_from(EXCEPTION1[among_var]);
    return true;
  }

  function r_postlude(env, ctx) {
    if (!ctx.Y_found) return false;
    replab0: for (;;) {
      var v_1 = env.cursor;
      lab1: {
        golab2: for (;;) {
          var v_2 = env.cursor;
          lab3: {
            env.bra = env.cursor;
            if (!env.eq_s('Y')) break lab3;
            env.ket = env.cursor;
            env.cursor = v_2;
            break golab2;
          }
          env.cursor = v_2;
          if (env.cursor >= env.limit) break lab1;
          env.next_char();
        }
        env.slice_from('y');
        continue replab0;
      }
      env.cursor = v_1;
      break replab0;
    }
    return true;
  }

  function porter2(word) {
    var env = new Env(word);
    var ctx = { Y_found: false, p1: 0, p2: 0 };
    lab0: {
      var v_1 = env.cursor;
      if (r_exception1(env)) break lab0;
      env.cursor = v_1;
      var v_2 = env.cursor;
      if (!env.hop(3)) { env.cursor = v_2; break lab0; }
      env.cursor = v_1;
      r_prelude(env, ctx);
      r_mark_regions(env, ctx);
      env.limit_backward = env.cursor;
      env.cursor = env.limit;
      var steps = [r_Step_1a, r_Step_1b, r_Step_1c, r_Step_2, r_Step_3, r_Step_4, r_Step_5];
      for (var s = 0; s < steps.length; s++) {
        var v = env.limit - env.cursor;
        steps[s](env, ctx);
        env.cursor = env.limit - v;
      }
      env.cursor = env.limit_backward;
      var v_10 = env.cursor;
      r_postlude(env, ctx);
      env.cursor = v_10;
    }
    return env.current;
  }

  /** Mirror of analyze::stem_english. */
  function stemEnglish(word) {
    return /^[a-z]+$/.test(word) ? porter2(word) : word;
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

  // --- Romanised skeleton (HINDI.md §3.2) ---
  // any_ascii 0.3.3's table for U+0900–U+097F, so the page can highlight Devanagari words that
  // a romanised query matched. tests/vectors.rs checks it against the crate.
  var DEVA_ASCII = ["m","m","m","h","a","a","a","i","i","u","u","r","l","e","e","e","ai","o","o","o","au","k","kh","g","gh","n","c","ch","j","jh","n","t","th","d","dh","n","t","th","d","dh","n","n","p","ph","b","bh","m","y","r","r","l","l","l","v","s","s","s","h","o","o","'","'","a","i","i","u","u","r","r","e","e","e","ai","o","o","o","au","","e","a","Om","","","","","e","u","u","q","kh","g","z","r","rh","f","y","r","l","l","l",",",".","0","1","2","3","4","5","6","7","8","9",".","'","a","o","o","a","u","u","d","zh","y","g","j","'","d","b"];
  var DIGRAPHS = [['ch', 'c'], ['ph', 'f'], ['kh', 'k'], ['gh', 'g'], ['jh', 'j'], ['th', 't'],
    ['dh', 'd'], ['bh', 'b'], ['sh', 's'], ['ee', 'i'], ['oo', 'u'], ['ri', 'r']];
  var SINGLE = { w: 'v', z: 'j', q: 'k', c: 'k', x: 'ks' };

  /** Mirror of analyze::fold_letters: one letter per sound (an array of one-char strings). */
  function foldLetters(word) {
    var letters = [];
    var i = 0;
    while (i < word.length) {
      if (word.startsWith('chh', i)) { letters.push('c'); i += 3; continue; }
      var done = false;
      for (var d = 0; d < DIGRAPHS.length; d++) {
        if (word.startsWith(DIGRAPHS[d][0], i)) { letters.push(DIGRAPHS[d][1]); i += 2; done = true; break; }
      }
      if (done) continue;
      var ch = word[i];
      (SINGLE[ch] || ch).split('').forEach(function (l) { letters.push(l); });
      i += 1;
    }
    return letters;
  }

  /** Mirror of analyze::skeleton_key. */
  function skeletonKey(letters) {
    var key = '';
    for (var n = 0; n < letters.length; n++) {
      var l = letters[n];
      if (n === 0) {
        if ('aeiou'.indexOf(l) >= 0) l = 'a';
      } else if ('aeiouy'.indexOf(l) >= 0) {
        continue;
      }
      if (key[key.length - 1] !== l) key += l;
    }
    return key.length >= 2 ? key : null;
  }

  /** Mirror of analyze::skeleton_latin. */
  function skeletonLatin(word) {
    return /^[a-z]+$/.test(word) ? skeletonKey(foldLetters(word)) : null;
  }

  /** Mirror of analyze::skeleton_devanagari. */
  function skeletonDevanagari(word) {
    var cps = Array.from(word);
    var folded = [];
    for (var i = 0; i < cps.length; i++) {
      var c = cps[i].codePointAt(0);
      var next = i + 1 < cps.length ? cps[i + 1].codePointAt(0) : -1;
      var after = i + 2 < cps.length ? cps[i + 2].codePointAt(0) : -1;
      if (c === ANUSVARA) {
        if (next >= 0x092a && next <= 0x092e) folded.push(0x092e, VIRAMA);
        else folded.push(0x0928, VIRAMA);
      } else if (c === 0x091c && next === VIRAMA && after === 0x091e) {
        folded.push(0x0917, VIRAMA, 0x092f);
        i += 2;
      } else if (c === 0x0915 && next === VIRAMA && after === 0x0937) {
        folded.push(0x0915, VIRAMA, 0x0936);
        i += 2;
      } else {
        folded.push(c);
      }
    }
    // Letter by letter, as in Rust: प + ह in पहली must not become the digraph "ph".
    var letters = [];
    for (var k = 0; k < folded.length; k++) {
      var cp = folded[k];
      var ascii;
      if (cp < 0x80) ascii = String.fromCharCode(cp);
      else if (cp >= 0x0900 && cp <= 0x097f) ascii = DEVA_ASCII[cp - 0x0900];
      else return null; // any_ascii would write something that is not a-z, or nothing known
      ascii = ascii.replace(/c/g, 'ch');
      if (!/^[a-z]*$/.test(ascii)) return null;
      letters = letters.concat(foldLetters(ascii));
    }
    return skeletonKey(letters);
  }

  // ---------------------------------------------------------------------------------------
  // 2. Engine
  // ---------------------------------------------------------------------------------------

  var FORMAT_VERSION = 2;
  // Ranking factors applied to index weights. Exact surface > stem > alias > prefix > typo >
  // romanised; romanised hits also sort after native ones (see `rank`).
  var F_EXACT = 1.0;
  var F_STEM = 0.75;
  var F_ALIAS = 0.6;
  var F_PREFIX = 0.55;
  var F_TYPO = 0.45;
  var F_SKEL = 0.4;
  var F_SKEL_FUZZY = 0.3;
  var F_SKEL_PREFIX = 0.25;
  var F_PARTIAL = 0.35;
  // Typo tolerance (one edit) and partial matches only for words this long (code points):
  // one edit on a shorter word reaches too many other words (कम/काम, दिन/दीन).
  var TYPO_MIN = 5;
  var PARTIAL_MIN = 4;
  var MAX_QUERY_TOKENS = 10;
  // How many of the first results may load their body text for a snippet.
  var BODY_SNIPPETS = 10;
  // Results shown per query (override: data-search-limit). Each needs its document record.
  var DEFAULT_LIMIT = 20;
  // Skeleton keys are consonant outlines; short ones collide (kn, tr, gn) and one edit on a
  // 4-letter key matched every third word in tests, so only keys of 5+ letters are fuzzy.
  var SKEL_FUZZY_MIN = 5;

  // The registry that index files call. It may already exist if an index file ran first.
  var registry = root.__hbSearch || {};
  root.__hbSearch = registry;
  var store = registry._store || (registry._store = {});
  function put(key, value) { store[key] = value; }
  registry.manifest = function (lang, m) { put(lang + '|m', m); };
  registry.shard = function (lang, kind, n, data) { put(lang + '|' + kind + '|' + n, data); };
  registry.docs = function (lang, n, data) { put(lang + '|d|' + n, data); };
  registry.fragment = function (lang, n, text) { put(lang + '|f|' + n, text); };

  /** Loads a script URL with a <script> tag; resolves either way (a missing shard = no hits). */
  function loadScriptTag(url) {
    return new Promise(function (resolve) {
      var s = root.document.createElement('script');
      s.src = url;
      s.async = true;
      s.onload = function () { resolve(true); };
      s.onerror = function () { resolve(false); };
      root.document.head.appendChild(s);
    });
  }

  function cpLen(s) { return Array.from(s).length; }

  /** Optimal-string-alignment distance ≤ 1 (one insertion, deletion, substitution or swap). */
  function within1(a, b) {
    if (a === b) return true;
    var x = Array.from(a), y = Array.from(b);
    if (Math.abs(x.length - y.length) > 1) return false;
    var i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) i++;
    if (x.length === y.length) {
      if (x.slice(i + 1).join('') === y.slice(i + 1).join('')) return true;
      return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2).join('') === y.slice(i + 2).join('');
    }
    if (x.length > y.length) return x.slice(i + 1).join('') === y.slice(i).join('');
    return x.slice(i).join('') === y.slice(i + 1).join('');
  }

  /** The file number of the longest key that is a prefix of `term`, or -1. */
  function shardFor(list, term) {
    var best = -1, bestLen = 0;
    for (var i = 0; i < list.length; i++) {
      var key = list[i][0];
      if (key.length > bestLen && term.startsWith(key)) { best = list[i][1]; bestLen = key.length; }
    }
    return best;
  }

  /** File numbers that may hold terms starting with `prefix`. */
  function shardsForPrefix(list, prefix) {
    var out = [];
    var own = shardFor(list, prefix);
    if (own >= 0) out.push(own);
    for (var i = 0; i < list.length; i++) {
      if (list[i][0].startsWith(prefix) && out.indexOf(list[i][1]) < 0) out.push(list[i][1]);
    }
    return out;
  }

  /**
   * Creates a search engine over the index at `base` (URL of the index root, ending in "/").
   * `loadScript(url)` runs an index file (default: a <script> tag). Used by the UI and tests.
   */
  function createEngine(base, loadScript) {
    loadScript = loadScript || loadScriptTag;
    var pending = {};

    function fetchKey(key, path) {
      if (store[key] !== undefined) return Promise.resolve(store[key]);
      if (!pending[key]) {
        // A file that fails to load (or a loader that throws) is "no data", never an error.
        pending[key] = Promise.resolve()
          .then(function () { return loadScript(new URL(path, base).href); })
          .catch(function () { return false; })
          .then(function () { return store[key] === undefined ? null : store[key]; });
      }
      return pending[key];
    }
    function manifest(lang) {
      return fetchKey(lang + '|m', lang + '/manifest.js').then(function (m) {
        return m && m.version === FORMAT_VERSION ? m : null;
      });
    }
    function shard(lang, kind, n) {
      return fetchKey(lang + '|' + kind + '|' + n, lang + '/' + kind + n + '.js');
    }
    function docChunk(lang, n) {
      return fetchKey(lang + '|d|' + n, lang + '/d' + n + '.js');
    }
    /** The body text of document `n` (for snippets), or null. */
    function fragment(lang, n) {
      return fetchKey(lang + '|f|' + n, lang + '/f' + n + '.js');
    }
    function shards(lang, kind, nums) {
      return Promise.all(nums.map(function (n) { return shard(lang, kind, n); })).then(function (all) {
        return all.filter(Boolean);
      });
    }

    /**
     * Adds `weight*factor` for each doc of flat postings into `hits`, keeping the best score
     * per doc and route: 'n' native (the word as typed: exact, stem, prefix, typo, partial),
     * 'a' curated alias, 'k' romanised skeleton. `weakTitle`: a title hit of this match does
     * not count as one (see the skeleton lookup).
     */
    function addPostings(hits, postings, factor, route, filter, weakTitle) {
      for (var i = 0; i + 1 < postings.length; i += 2) {
        var d = postings[i];
        var f = filter ? filter(d) : factor;
        if (!f) continue;
        var w = postings[i + 1];
        var s = (w < 0 ? -w : w) * f;
        var h = hits[d] || (hits[d] = { n: 0, a: 0, k: 0, title: false });
        if (s > h[route]) h[route] = s;
        if (w < 0 && !weakTitle) h.title = true; // the index writes title hits negative
      }
    }

    /**
     * One query word's score in one document. Routes are independent evidence: a Hindi page
     * that has "interview" in a tag and इंटरव्यू in its title is a better match than one with
     * the tag only, so the other routes add half their score to the best one.
     */
    function wordScore(h) {
      var best = Math.max(h.n, h.a, h.k);
      return best + 0.5 * (h.n + h.a + h.k - best);
    }

    function surfacesOf(stem, entry) {
      var out = [];
      if (entry.length < 2) return [stem];
      for (var k in entry[1]) if (Object.prototype.hasOwnProperty.call(entry[1], k)) out.push(k);
      return out;
    }

    /** Docs where the stem entry was written exactly as `surface`: a filter of factors. */
    function exactFilter(stem, entry, surface) {
      if (entry.length < 2) {
        return function () { return surface === stem ? F_EXACT : F_STEM; };
      }
      var docs = Object.prototype.hasOwnProperty.call(entry[1], surface) ? entry[1][surface] : null;
      if (docs === 1) return function () { return F_EXACT; };
      var set = Object.create(null);
      if (docs) docs.forEach(function (d) { set[d] = true; });
      return function (d) { return set[d] ? F_EXACT : F_STEM; };
    }

    /**
     * Scores one language's documents for analysed query `tokens`.
     * Returns [{doc, score, matched, native, terms}] best first; `terms` are the index stems
     * (and skeleton keys) that matched, for highlighting.
     */
    async function searchLang(lang, tokens, lastIsPrefix) {
      var m = await manifest(lang);
      if (!m || !tokens.length) return [];
      var perDoc = Object.create(null);
      var matchedTerms = { stems: Object.create(null), skeletons: Object.create(null) };
      for (var t = 0; t < tokens.length; t++) {
        var tok = tokens[t];
        var isLast = t === tokens.length - 1;
        var prefix = isLast && lastIsPrefix && cpLen(tok.surface) >= 2;
        var hits = Object.create(null);
        var loaded = await shards(lang, 't', uniq([shardFor(m.terms, tok.stem), shardFor(m.terms, tok.surface)]
          .concat(prefix ? shardsForPrefix(m.terms, tok.surface) : [])
          .filter(function (n) { return n >= 0; })));
        var typo = !tok.stop && cpLen(tok.surface) >= TYPO_MIN;
        var native = false;
        loaded.forEach(function (sh) {
          for (var term in sh) {
            if (!Object.prototype.hasOwnProperty.call(sh, term)) continue;
            var entry = sh[term];
            if (term === tok.stem) {
              addPostings(hits, entry[0], 0, 'n', exactFilter(term, entry, tok.surface));
              matchedTerms.stems[term] = native = true;
              continue;
            }
            // A stop word is only expanded as the word being typed ("in" → "interview").
            if (tok.stop && !prefix) continue;
            var forms = surfacesOf(term, entry);
            if (prefix && (term.startsWith(tok.stem) || forms.some(function (f) { return f.startsWith(tok.surface); }))) {
              addPostings(hits, entry[0], F_PREFIX, 'n');
              matchedTerms.stems[term] = native = true;
            } else if (typo && (within1(term, tok.stem) ||
              forms.some(function (f) { return within1(f, tok.surface); }))) {
              addPostings(hits, entry[0], F_TYPO, 'n');
              matchedTerms.stems[term] = native = true;
            }
          }
        });
        if (!native && !tok.stop && cpLen(tok.surface) >= TYPO_MIN) {
          // Nothing as typed: try words the query word starts with, for run-together or
          // over-long forms ("burnout" → burn, "selfcare" → self). Only long stems (four
          // code points or more, at least half the word) so "interval" never finds "in".
          loaded.forEach(function (sh) {
            for (var term in sh) {
              if (!Object.prototype.hasOwnProperty.call(sh, term)) continue;
              var len = cpLen(term);
              if (len >= PARTIAL_MIN && 2 * len >= cpLen(tok.surface) &&
                (tok.surface.startsWith(term) || tok.stem.startsWith(term))) {
                addPostings(hits, sh[term][0], F_PARTIAL, 'n');
                matchedTerms.stems[term] = true;
              }
            }
          });
        }
        if (!tok.stop) {
          // Curated aliases (job ↔ नौकरी): exact lookups of the other stems of the group.
          var aliasStems = [];
          (m.aliases || []).forEach(function (group) {
            if (group.indexOf(tok.stem) >= 0) {
              group.forEach(function (s) { if (s !== tok.stem && aliasStems.indexOf(s) < 0) aliasStems.push(s); });
            }
          });
          for (var a = 0; a < aliasStems.length; a++) {
            var n = shardFor(m.terms, aliasStems[a]);
            if (n < 0) continue;
            var sh2 = await shard(lang, 't', n);
            var e2 = sh2 && Object.prototype.hasOwnProperty.call(sh2, aliasStems[a]) ? sh2[aliasStems[a]] : null;
            if (e2) {
              // Not "native": a curated translation is still not the word the reader typed.
              addPostings(hits, e2[0], F_ALIAS, 'a');
              matchedTerms.stems[aliasStems[a]] = true;
            }
          }
          // Romanised Hindi: a Latin word's skeleton against the Devanagari words' skeletons.
          var key = tok.devanagari ? null : skeletonLatin(tok.surface);
          if (key) {
            var nums = [shardFor(m.skeletons, key)];
            var keyPrefix = prefix && key.length >= 3;
            if (keyPrefix) nums = nums.concat(shardsForPrefix(m.skeletons, key));
            var kShards = await shards(lang, 'k', uniq(nums.filter(function (x) { return x >= 0; })));
            kShards.forEach(function (ks) {
              for (var sk in ks) {
                if (!Object.prototype.hasOwnProperty.call(ks, sk)) continue;
                var f = 0;
                if (sk === key) f = F_SKEL;
                else if (key.length >= SKEL_FUZZY_MIN && within1(sk, key)) f = F_SKEL_FUZZY;
                else if (keyPrefix && sk.startsWith(key)) f = F_SKEL_PREFIX;
                if (f) {
                  // A two-letter key is a weak signal when the Latin word also occurs as typed
                  // (an English word, like "care" → kr → करें): it adds score, not title rank.
                  addPostings(hits, ks[sk], f, 'k', null, key.length < 3 && native);
                  matchedTerms.skeletons[sk] = true;
                }
              }
            });
          }
        }
        for (var d in hits) {
          var acc = perDoc[d] || (perDoc[d] = { doc: +d, score: 0, matched: 0, native: 0, title: 0 });
          acc.score += wordScore(hits[d]);
          acc.matched += 1;
          if (hits[d].n > 0) acc.native += 1;
          if (hits[d].title) acc.title += 1;
        }
      }
      var list = [];
      for (var k in perDoc) list.push(perDoc[k]);
      // More of the query's words first; then words as typed (a romanised or alias hit never
      // outranks a native one); then more of them in the title; then the BM25F score.
      list.sort(function (x, y) {
        return y.matched - x.matched || y.native - x.native || y.title - x.title ||
          y.score - x.score || x.doc - y.doc;
      });
      list.forEach(function (r) { r.lang = lang; r.terms = matchedTerms; });
      return list;
    }

    async function record(lang, docNo) {
      var m = await manifest(lang);
      if (!m) return null;
      var chunk = await docChunk(lang, Math.floor(docNo / m.docChunk));
      return chunk ? chunk[docNo % m.docChunk] || null : null;
    }

    /**
     * Searches `query` in `langs` (the reader's language first). Returns display results, best
     * first: [{url, title, section, lang, viaLang, summary, body, tags, terms, tokens, score}],
     * where `lang` is the language of the page linked and `viaLang` that of the index that
     * matched (summary/body are in `viaLang`).
     *
     * Pages that match more of the query's words come first, whatever their language; among
     * equal ones the reader's language comes first. A hit found only in another language is
     * shown as its translation into the reader's language when there is one, and a page is
     * listed once even when both language versions matched.
     */
    async function search(query, langs, opts) {
      opts = opts || {};
      var limit = opts.limit || DEFAULT_LIMIT;
      var q = queryTokens(query);
      if (!q.tokens.length) return [];
      var perLang = await Promise.all(langs.map(function (l) { return searchLang(l, q.tokens, q.lastIsPrefix); }));
      var candidates = [];
      perLang.forEach(function (hits, li) {
        hits.slice(0, limit).forEach(function (h, pos) { candidates.push({ li: li, pos: pos, hit: h }); });
      });
      candidates.sort(function (x, y) {
        return y.hit.matched - x.hit.matched || x.li - y.li || x.pos - y.pos;
      });
      var out = [];
      var seen = Object.create(null);
      // Records are loaded in batches, in display order, only as far as the page needs.
      for (var start = 0; start < candidates.length && out.length < limit; ) {
        var batch = candidates.slice(start, start + (limit - out.length));
        start += batch.length;
        var recs = await Promise.all(batch.map(function (c) { return record(c.hit.lang, c.hit.doc); }));
        for (var i = 0; i < batch.length && out.length < limit; i++) {
          var r = recs[i];
          var li = batch[i].li;
          var hit = batch[i].hit;
          if (!r) continue;
          var shown;
          if (li === 0) {
            shown = { url: r.u, title: r.t, section: r.s, lang: langs[0] };
          } else if (r.tr) {
            shown = { url: r.tr[0], title: r.tr[1], section: '', lang: langs[0] };
          } else {
            shown = { url: r.u, title: r.t, section: r.s, lang: langs[li] };
          }
          if (seen[shown.url]) continue;
          seen[shown.url] = true;
          // A hit's translation is the same page for the reader: never list it again.
          if (r.tr) seen[r.tr[0]] = true;
          seen[r.u] = true;
          shown.viaLang = langs[li];
          shown.doc = hit.doc;
          shown.summary = r.m || '';
          shown.body = ''; // loaded on demand by withBody()
          shown.tags = r.g || [];
          shown.terms = hit.terms;
          shown.score = hit.score;
          shown.tokens = q.tokens;
          shown.lastIsPrefix = q.lastIsPrefix;
          out.push(shown);
        }
      }
      return out;
    }

    /**
     * Adds the body text to results whose title and summary show none of the query's words,
     * so their snippet can show where the page matched. Loads one small file per such result.
     */
    function withBody(results) {
      return Promise.all(results.map(function (r) {
        if (!needsBody(r)) return r;
        return fragment(r.viaLang, r.doc).then(function (text) {
          if (typeof text === 'string') r.body = text;
          return r;
        });
      }));
    }

    return { search: search, searchLang: searchLang, manifest: manifest, record: record, withBody: withBody };
  }

  function uniq(a) {
    var out = [];
    a.forEach(function (x) { if (out.indexOf(x) < 0) out.push(x); });
    return out;
  }

  /** Analyses a query: drops stop words unless nothing else is left, dedupes stems. */
  function queryTokens(query) {
    var all = analyze(query);
    var content = all.filter(function (t) { return !t.stop; });
    var tokens = content.length ? content : all;
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

  // --- Snippets and highlighting ---

  /** Whether an analysed word of a snippet matched the query (for <mark>). */
  function wordMatches(tok, result) {
    var terms = result.terms || { stems: {}, skeletons: {} };
    if (terms.stems[tok.stem]) return true;
    var q = result.tokens || [];
    for (var i = 0; i < q.length; i++) {
      if (q[i].stem === tok.stem) return true;
    }
    if (tok.devanagari && !tok.stop) {
      var keys = [skeletonDevanagari(tok.surface), skeletonDevanagari(tok.stem)];
      for (var k = 0; k < keys.length; k++) if (keys[k] && terms.skeletons[keys[k]]) return true;
    }
    return false;
  }

  /**
   * Splits `text` into [{text, mark}] pieces: each raw word is analysed and marked if it
   * matched. Raw words keep their original spelling; only keys are normalised.
   */
  function highlight(text, result) {
    var pieces = [];
    var last = 0;
    RAW_RUN_RE.lastIndex = 0;
    var m;
    while ((m = RAW_RUN_RE.exec(text)) !== null) {
      var toks = analyze(m[0]);
      var hit = toks.some(function (t) { return wordMatches(t, result); });
      if (hit) {
        if (m.index > last) pieces.push({ text: text.slice(last, m.index), mark: false });
        pieces.push({ text: m[0], mark: true });
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
    return pieces;
  }

  function hasMark(pieces) { return pieces.some(function (p) { return p.mark; }); }

  /** Whether a result needs its body for a useful snippet (title and summary have no hit). */
  function needsBody(result) {
    return !result.body && !hasMark(highlight(result.title || '', result)) &&
      !hasMark(highlight(result.summary || '', result));
  }

  /** Offset of the first word of `text` that matched, or -1 (stops at the first). */
  function firstMatch(text, result) {
    RAW_RUN_RE.lastIndex = 0;
    var m;
    while ((m = RAW_RUN_RE.exec(text)) !== null) {
      if (analyze(m[0]).some(function (t) { return wordMatches(t, result); })) return m.index;
    }
    return -1;
  }

  /** Picks the snippet text: the summary if it has a hit, else a window of the body. */
  function snippet(result) {
    var summary = result.summary || '';
    var body = result.body || '';
    var sp = highlight(summary, result);
    if (hasMark(sp) || !body) return sp;
    var first = firstMatch(body, result);
    if (first < 0) return summary ? sp : highlight(body, result);
    // Cut at spaces only, so no grapheme cluster is ever split.
    var start = first > 60 ? body.lastIndexOf(' ', first - 60) : 0;
    if (start < 0) start = 0;
    var end = body.indexOf(' ', start + 220);
    if (end < 0) end = body.length;
    var win = (start > 0 ? '…' : '') + body.slice(start, end).trim() + (end < body.length ? '…' : '');
    return highlight(win, result);
  }

  // ---------------------------------------------------------------------------------------
  // 3. UI
  // ---------------------------------------------------------------------------------------

  var currentScript = root.document && root.document.currentScript;

  function initUi() {
    var documentRef = root.document;
    var container = documentRef.querySelector('[data-search-results]');
    var form = documentRef.querySelector('form[role="search"]');
    var input = (form && form.querySelector('input[name="q"]')) || documentRef.querySelector('input[type="search"][name="q"]');
    if (!container || !input) return;
    var cfg = function (name) {
      return container.getAttribute(name) || (currentScript && currentScript.getAttribute(name)) || null;
    };
    var lang = cfg('data-search-lang') || documentRef.documentElement.lang || 'en';
    var langs = uniq([lang].concat((cfg('data-search-langs') || lang).split(/\s+/).filter(Boolean)));
    var indexAttr = cfg('data-search-index');
    var base = indexAttr ? new URL(indexAttr, documentRef.baseURI)
      : new URL('../search-index/', (currentScript && currentScript.src) || documentRef.baseURI);
    var rootAttr = cfg('data-search-root');
    var siteRoot = rootAttr ? new URL(rootAttr, documentRef.baseURI) : new URL('../', base);
    var limit = parseInt(cfg('data-search-limit') || '', 10) || DEFAULT_LIMIT;
    var engine = createEngine(base.href);
    // The reader is about to search: fetch the manifests now, while they type.
    langs.forEach(function (l) { engine.manifest(l); });

    var list = container;
    if (!/^(OL|UL)$/.test(container.tagName)) {
      list = container.querySelector('ol,ul');
      if (!list) {
        list = documentRef.createElement('ol');
        container.appendChild(list);
      }
    }
    // Prefer the search page's own live region; a site-wide [aria-live] may exist elsewhere.
    var status = documentRef.querySelector('[data-search-status]') || container.querySelector('[aria-live]') ||
      documentRef.querySelector('[aria-live]');
    if (!status) {
      status = documentRef.createElement('p');
      status.setAttribute('aria-live', 'polite');
      status.setAttribute('role', 'status');
      container.parentNode.insertBefore(status, container);
    }
    var plural = null;
    try { plural = new Intl.PluralRules(lang); } catch (e) { plural = null; }

    function countText(n) {
      var msg = null;
      if (n === 0) msg = container.getAttribute('data-msg-none');
      if (!msg && plural) msg = container.getAttribute('data-msg-' + plural.select(n));
      if (!msg) msg = container.getAttribute('data-msg-other') || '{count}';
      var num = String(n);
      try { num = n.toLocaleString(lang); } catch (e) { num = String(n); }
      return msg.split('{count}').join(num).split('%n').join(num);
    }

    function resolveUrl(u) {
      try { return new URL(u, siteRoot).href; } catch (e) { return u; }
    }

    /** Appends highlighted pieces as text nodes and <mark>s: index text never becomes HTML. */
    function appendPieces(parent, pieces) {
      pieces.forEach(function (piece) {
        if (piece.mark) {
          var mk = documentRef.createElement('mark');
          mk.textContent = piece.text;
          parent.appendChild(mk);
        } else {
          parent.appendChild(documentRef.createTextNode(piece.text));
        }
      });
    }

    // Narrowing by tag: the page lists every tag as a hidden button; those present in the
    // results are shown with their count, and one can be chosen (?tag= in the URL).
    var tagBox = documentRef.querySelector('[data-search-tags]');
    var tagButtons = tagBox ? Array.prototype.slice.call(tagBox.querySelectorAll('button[data-tag]')) : [];
    var activeTag = null;
    try { activeTag = new URL(root.location.href).searchParams.get('tag'); } catch (e) { activeTag = null; }
    var shownCount = 0;

    function render(results) {
      while (list.firstChild) list.removeChild(list.firstChild);
      results.forEach(function (r) {
        var li = documentRef.createElement('li');
        li.setAttribute('data-tags', (r.tags || []).join(' '));
        var a = documentRef.createElement('a');
        a.href = resolveUrl(r.url);
        appendPieces(a, highlight(r.title, r));
        if (r.lang !== lang) { a.lang = r.lang; a.hreflang = r.lang; }
        li.appendChild(a);
        if (r.section) {
          li.appendChild(documentRef.createTextNode(' '));
          var sec = documentRef.createElement('span');
          sec.className = 'search-section';
          sec.textContent = r.section;
          li.appendChild(sec);
        }
        var p = documentRef.createElement('p');
        p.className = 'search-snippet';
        if (r.viaLang !== lang) p.lang = r.viaLang;
        appendPieces(p, snippet(r));
        li.appendChild(p);
        list.appendChild(li);
      });
      renderTags();
    }

    function renderTags() {
      var items = Array.prototype.slice.call(list.children);
      var counts = Object.create(null);
      items.forEach(function (li) {
        (li.getAttribute('data-tags') || '').split(' ').forEach(function (t) { if (t) counts[t] = (counts[t] || 0) + 1; });
      });
      if (activeTag && !counts[activeTag]) activeTag = null;
      var any = false;
      tagButtons.forEach(function (b) {
        var tag = b.getAttribute('data-tag');
        var n = counts[tag] || 0;
        // Only tags that narrow something: one on every result filters nothing.
        b.hidden = !(n > 0 && (n < items.length || tag === activeTag));
        b.setAttribute('aria-pressed', tag === activeTag ? 'true' : 'false');
        var c = b.querySelector('.tag-count');
        if (!c) {
          c = documentRef.createElement('span');
          c.className = 'tag-count';
          b.appendChild(documentRef.createTextNode(' '));
          b.appendChild(c);
        }
        c.textContent = '(' + n + ')';
        if (!b.hidden) any = true;
      });
      if (tagBox) tagBox.hidden = !any;
      shownCount = 0;
      items.forEach(function (li) {
        var tags = (li.getAttribute('data-tags') || '').split(' ');
        li.hidden = !!activeTag && tags.indexOf(activeTag) < 0;
        if (!li.hidden) shownCount += 1;
      });
    }

    function setUrl(query) {
      if (!root.history || !root.history.replaceState) return;
      try {
        var u = new URL(root.location.href);
        if (query) u.searchParams.set('q', query); else u.searchParams.delete('q');
        if (query && activeTag) u.searchParams.set('tag', activeTag); else u.searchParams.delete('tag');
        root.history.replaceState(null, '', u.href);
      } catch (e) { /* file:// in some browsers: keep the URL as it is */ }
    }

    tagButtons.forEach(function (b) {
      b.addEventListener('click', function () {
        var tag = b.getAttribute('data-tag');
        activeTag = activeTag === tag ? null : tag;
        renderTags();
        setUrl(input.value);
        status.textContent = countText(shownCount);
      });
    });

    var seq = 0;
    async function run(query, updateUrl) {
      var mine = ++seq;
      if (updateUrl) setUrl(query);
      if (!query.trim()) {
        render([]);
        status.textContent = '';
        list.removeAttribute('aria-busy');
        list.setAttribute('data-search-query', query);
        return;
      }
      list.setAttribute('aria-busy', 'true');
      var results = await engine.search(query, langs, { limit: limit });
      if (mine !== seq) return; // a newer query finished first
      // Bodies for the snippets of the first results that matched only in the body.
      await engine.withBody(results.slice(0, BODY_SNIPPETS));
      if (mine !== seq) return;
      render(results);
      if (updateUrl) setUrl(query);
      status.textContent = countText(shownCount);
      list.removeAttribute('aria-busy');
      // Which query the list shows: a hook for themes and tests (the list is final).
      list.setAttribute('data-search-query', query);
    }

    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, 120);
    });
    if (form) {
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        clearTimeout(timer);
        run(input.value, true);
      });
    }
    function links() {
      return Array.prototype.slice.call(list.querySelectorAll('li:not([hidden]) > a'));
    }
    function clear() {
      input.value = '';
      clearTimeout(timer);
      run('', true);
      input.focus();
    }
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') {
        var l = links();
        if (l.length) { ev.preventDefault(); l[0].focus(); }
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        clear();
      }
    });
    list.addEventListener('keydown', function (ev) {
      var l = links();
      var i = l.indexOf(documentRef.activeElement);
      if (ev.key === 'ArrowDown' && i >= 0) {
        ev.preventDefault();
        if (i + 1 < l.length) l[i + 1].focus();
      } else if (ev.key === 'ArrowUp' && i >= 0) {
        ev.preventDefault();
        if (i > 0) l[i - 1].focus(); else input.focus();
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        clear();
      }
      // Enter on a focused link follows it natively.
    });

    // search.js is loaded on first use, so the reader may have typed already; a ?q= in the
    // URL (the header's search box, a shared link) comes first.
    var initial = null;
    try { initial = new URL(root.location.href).searchParams.get('q'); } catch (e) { initial = null; }
    if (initial && !input.value) input.value = initial;
    if (input.value) run(input.value, false);
  }

  registry.lib = {
    normalize: normalize,
    tokenize: tokenize,
    analyze: analyze,
    analyzeWord: analyzeWord,
    stemHindi: stemHindi,
    stemEnglish: stemEnglish,
    skeletonLatin: skeletonLatin,
    skeletonDevanagari: skeletonDevanagari,
    queryTokens: queryTokens,
    createEngine: createEngine,
    highlight: highlight,
    snippet: snippet,
    DEVA_ASCII: DEVA_ASCII
  };

  if (root.document && root.document.querySelector) {
    if (root.document.readyState === 'loading') root.document.addEventListener('DOMContentLoaded', initUi);
    else initUi();
  }
})(typeof window !== 'undefined' ? window : this);
