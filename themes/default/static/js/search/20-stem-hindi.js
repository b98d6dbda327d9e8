// Text analysis: the Hindi stemmer. Mirrors `stem_hindi` in src/search/analyze.rs, which
// calls pagefind_stem's Hindi stemmer (Snowball 3.0.0 hindi.sbl, generated code).
//
// Uses: nothing. Gives: stemHindi, hindiStemTooShort.

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

// The shortest stem (analyze::MIN_HINDI_STEM) and the loanword plural ्स (स्किल्स → स्किल).
var MIN_HINDI_STEM = 2;
var LOANWORD_PLURAL = '\u094D\u0938';

/** Mirror of analyze::stem_hindi: the loanword plural, Snowball, the shortest stem. */
function stemHindi(word) {
  if (Array.from(word).length <= 2) return word;
  if (word.endsWith(LOANWORD_PLURAL)) {
    var singular = word.slice(0, -LOANWORD_PLURAL.length);
    if (Array.from(singular).length >= 3) return stemHindi(singular);
  }
  var stem = snowballHindi(word);
  return Array.from(stem).length < MIN_HINDI_STEM ? word : stem;
}

/**
 * Whether `word` keeps its surface form only because Snowball would cut it below the
 * shortest stem (लाएँ, लें → ल): such a word is not expanded as a prefix either.
 */
function hindiStemTooShort(word) {
  return stemHindi(word) === word && Array.from(snowballHindi(word)).length < MIN_HINDI_STEM;
}

/** Snowball Hindi as generated (the longest listed suffix that leaves a character). */
function snowballHindi(word) {
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
