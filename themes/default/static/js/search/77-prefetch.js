// Prefetching for a slow connection: the index files a query will need are asked for all at
// once, as soon as it is typed, instead of one round trip after another as the ranking walks
// through the query's words (on a 400 ms round trip that was most of the wait); and while the
// reader is still typing the first letters, the shards of the words those letters start.
// Only files are loaded here; what to do with them stays with the ranking (60-rank.js).
//
// Uses: queryTokens (60-rank.js), skeletonLatin (40-romanise.js), shardFor, shardsForPrefix
// (50-load.js).
// Gives: prefetchQuery.

/**
 * Starts loading, with `loader` (a createLoader), every shard that searching `query` in
 * `langs` looks up: each word's own term shard, the shards of the last word's completions,
 * romanised keys for Latin words, and alias shards. Resolves when they have all arrived.
 */
function prefetchQuery(loader, query, langs) {
  var q = queryTokens(query);
  if (!q.tokens.length) return Promise.resolve();
  return Promise.all(langs.map(function (lang) {
    return loader.manifest(lang).then(function (m) {
      if (!m) return null;
      var terms = [];
      var keys = [];
      q.tokens.forEach(function (tok, i) {
        var last = i === q.tokens.length - 1 && q.lastIsPrefix && Array.from(tok.surface).length >= 2;
        terms.push(shardFor(m.terms, tok.stem), shardFor(m.terms, tok.surface));
        if (last) terms = terms.concat(shardsForPrefix(m.terms, tok.surface));
        (m.aliases || []).forEach(function (group) {
          if (group.indexOf(tok.stem) >= 0) group.forEach(function (s) { terms.push(shardFor(m.terms, s)); });
        });
        var key = tok.devanagari || tok.stop ? null : skeletonLatin(tok.surface);
        if (key) {
          keys.push(shardFor(m.skeletons, key));
          if (last && key.length >= 3) keys = keys.concat(shardsForPrefix(m.skeletons, key));
        }
      });
      var wanted = function (list) {
        return list.filter(function (n, i) { return n >= 0 && list.indexOf(n) === i; });
      };
      return Promise.all([loader.shards(lang, 't', wanted(terms)), loader.shards(lang, 'k', wanted(keys))]);
    });
  }));
}
