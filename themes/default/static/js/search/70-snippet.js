// Snippets and highlighting: which words of a title, summary or body matched the query
// (analysed the same way as the query, so हिंदी marks हिन्दी and "naukri" marks नौकरी), and
// the window of text a result shows.
//
// Uses: analyze, RAW_RUN_RE (10-analyze.js), skeletonDevanagari (40-romanise.js).
// Gives: highlight, snippet, needsBody.

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
