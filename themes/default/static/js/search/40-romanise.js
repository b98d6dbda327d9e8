// Text analysis: romanised keys (HINDI.md §3.2), the consonant outline of a word that lets
// "naukri" find नौकरी. Mirrors `skeleton_latin`, `skeleton_devanagari`, `fold_letters` and
// `skeleton_key` in src/search/analyze.rs; Devanagari is romanised with any_ascii's table.
//
// Uses: VIRAMA, ANUSVARA (10-analyze.js).
// Gives: skeletonLatin, skeletonDevanagari, DEVA_ASCII.

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
  // A word-final nasal is optional (नहीं/"nahi", करें/"kare"): dropped while two letters stay.
  if (key.length >= 3 && key[key.length - 1] === 'n') key = key.slice(0, -1);
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
