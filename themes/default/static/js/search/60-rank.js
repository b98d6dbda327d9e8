// The ranking engine: looks a query's words up in the index (as typed, by stem, as a prefix,
// with one typo, by curated alias, by romanised key), scores the documents and merges the
// languages into one list of results. The per-document weights (BM25F) were computed at build
// time by src/search/index/scoring.rs; here they are only multiplied by how a word matched
// and added up.
//
// Uses: analyze, skeletonLatin (text analysis), createLoader, shardFor, shardsForPrefix
// (50-load.js), needsBody (70-snippet.js).
// Gives: createEngine, queryTokens, uniq, DEFAULT_LIMIT.

// Ranking factors applied to index weights. Exact surface > stem > alias > prefix > typo >
// romanised; romanised hits also sort after native ones (see the sort in `searchLang`).
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
// Results shown per query (override: data-search-limit). Each needs its document record.
var DEFAULT_LIMIT = 20;
// Skeleton keys are consonant outlines; short ones collide (kn, tr, gn) and one edit on a
// 4-letter key matched every third word in tests, so only keys of 5+ letters are fuzzy.
var SKEL_FUZZY_MIN = 5;

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

/**
 * Creates a search engine over the index at `base` (URL of the index root, ending in "/").
 * `loadScript(url)` runs an index file (default: a <script> tag). Used by the UI and tests.
 */
function createEngine(base, loadScript) {
  var loader = createLoader(base, loadScript);
  var manifest = loader.manifest;
  var shard = loader.shard;
  var shards = loader.shards;
  var record = loader.record;
  var fragment = loader.fragment;

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
    out.total = Math.max(out.length, distinctPages(langs, perLang)); // "20 of 57" (80-ui.js)
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
