// Suggestions for a search that found nothing: the indexed words nearest to the query's
// words (by edit distance, then by how many pages use them), taken from the index shards the
// search already loaded, so suggesting costs no download.
//
// Uses: queryTokens (60-rank.js), editDistance (55-query.js), shardFor, createLoader (50-load.js).
// Gives: nearestWords.

// At most this many edits between a query word and a suggested word, by the word's length
// in code points: two edits turn a three-letter word into almost anything, and a search that
// found nothing has already forgiven the typos the ranking forgives, so a long word needs
// one more than that to have anything to suggest.
function suggestEdits(len) {
  return len <= 3 ? 1 : len <= 6 ? 2 : 3;
}

/**
 * Up to `max` words of the index at `loader` (a createLoader) in `langs` that are closest to
 * the words of `query` and not the same: [word], best first.
 */
async function nearestWords(loader, query, langs, max) {
  var tokens = queryTokens(query).tokens;
  var found = Object.create(null);
  for (var li = 0; li < langs.length; li++) {
    var m = await loader.manifest(langs[li]);
    if (!m) continue;
    for (var t = 0; t < tokens.length; t++) {
      var tok = tokens[t];
      var limit = suggestEdits(Array.from(tok.surface).length);
      var nums = [shardFor(m.terms, tok.stem), shardFor(m.terms, tok.surface)].filter(function (n, i, a) {
        return n >= 0 && a.indexOf(n) === i;
      });
      var shards = await loader.shards(langs[li], 't', nums);
      shards.forEach(function (sh) {
        for (var stem in sh) {
          if (!Object.prototype.hasOwnProperty.call(sh, stem)) continue;
          var entry = sh[stem];
          var forms = entry.length > 1 ? Object.keys(entry[1]) : [stem];
          var pages = entry[0].length / 2;
          forms.forEach(function (form) {
            if (form === tok.surface) return;
            var d = editDistance(tok.surface, form, limit);
            if (d > limit) return;
            var old = found[form];
            if (!old || d < old.d || (d === old.d && pages > old.pages)) found[form] = { d: d, pages: pages };
          });
        }
      });
    }
  }
  return Object.keys(found).sort(function (x, y) {
    return found[x].d - found[y].d || found[y].pages - found[x].pages || (x < y ? -1 : x > y ? 1 : 0);
  }).slice(0, max);
}
