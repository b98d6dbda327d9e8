// The ranking engine: looks a query's words up in the index (as typed, by stem, as a prefix,
// with a typo or two, by synonym, by romanised key), scores the documents and merges the
// languages into one list of results. The per-document weights (BM25F) were computed at build
// time by src/search/index/scoring.rs; here they are multiplied by how a word matched, added
// up and scaled by how much of the query a page covers: one score, in every language.
//
// Uses: skeletonLatin (text analysis), createLoader, shardFor, shardsForPrefix (50-load.js),
// queryTokens, prefixable, typoBudget, typoEdits, editDistance (55-query.js), needsBody
// (70-snippet.js).
// Gives: createEngine, cpLen, uniq, DEFAULT_LIMIT.

// How a word matched, as a factor of its index weight, graded so that the word as typed
// beats a synonym, which beats the romanised outline, which beats a typo.
var F_EXACT = 1.0;
var F_STEM = 0.8;
var F_ALIAS = 0.65;
var F_PREFIX = 0.6;
var F_SKEL = 0.5;
var F_TYPO = 0.4;
var F_SKEL_FUZZY = 0.35;
var F_PARTIAL = 0.35;
var F_SKEL_PREFIX = 0.3;
var F_TYPO2 = 0.25;
var PARTIAL_MIN = 4;
// Soft coordination: a page's score is scaled by the share of the query it covers, each
// word weighed by its IDF (a missing rare word costs more than a missing common one) and by
// how strongly the page matches it, (its score / the word's best score in any page)^
// STRENGTH_POWER, so a passing mention covers less than the page most about the word.
// Covering more of the query counts a lot without being an absolute rule. The figures were
// chosen on tests/fixtures/search/natural-queries.json from a flat region (see README).
var COORD_POWER = 1;
var STRENGTH_POWER = 0.5;
// The share of a multi-word query's words in a page's title adds at most this much to its
// score (x1.6): it orders near-equal pages and never beats a match that scores 1.6 times as
// high. A one-word query gets no bonus: there the title's BM25F weight alone counts, and
// it saturates (K1) below what a body full of the word reaches.
var TITLE_BONUS = 0.6;
var TITLE_BONUS_MIN_WORDS = 2;
// A question word kept beside content words counts this much of a content word.
var MINOR_WEIGHT = 0.15;
// A page in another language than the reader's (shown as its translation) counts this much.
var OTHER_LANG = 0.8;
// Results shown per query (override: data-search-limit). Each needs its document record.
var DEFAULT_LIMIT = 20;
// Skeleton keys are consonant outlines; short ones collide (kn, tr, gn) and one edit on a
// 4-letter key matched every third word in tests, so only keys of 5+ letters are fuzzy.
var SKEL_FUZZY_MIN = 5;

function cpLen(s) { return Array.from(s).length; }

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
    var idfTotal = 0;
    var matchedTerms = { stems: Object.create(null), skeletons: Object.create(null) };
    for (var t = 0; t < tokens.length; t++) {
      var tok = tokens[t];
      var isLast = t === tokens.length - 1;
      var prefix = isLast && lastIsPrefix && !tok.minor && prefixable(tok, tokens.length);
      var hits = Object.create(null);
      var loaded = await shards(lang, 't', uniq([shardFor(m.terms, tok.stem), shardFor(m.terms, tok.surface)]
        .concat(prefix ? shardsForPrefix(m.terms, tok.surface) : [])
        .filter(function (n) { return n >= 0; })));
      var surfaceEdits = tok.stop || tok.minor ? 0 : typoBudget(cpLen(tok.surface));
      var stemEdits = tok.stop || tok.minor ? 0 : typoBudget(cpLen(tok.stem));
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
          } else if (surfaceEdits || stemEdits) {
            var edits = typoEdits(tok, term, forms, surfaceEdits, stemEdits);
            if (edits) {
              addPostings(hits, entry[0], edits === 1 ? F_TYPO : F_TYPO2, 'n');
              matchedTerms.stems[term] = native = true;
            }
          }
        }
      });
      if (!native && !tok.stop && !tok.minor && cpLen(tok.surface) >= TYPO_MIN) {
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
        // Synonyms (i18n/synonyms.txt, in the manifest): the other entries of the word's
        // groups, and of groups whose phrase the query spells out ("laid off").
        var targets = synonymTargets(m.aliases || [], tok, tokens);
        for (var a = 0; a < targets.length; a++) {
          var words = targets[a].split(' ');
          var lists = [];
          for (var wi = 0; wi < words.length; wi++) {
            var n = shardFor(m.terms, words[wi]);
            var sh2 = n < 0 ? null : await shard(lang, 't', n);
            var e2 = sh2 && Object.prototype.hasOwnProperty.call(sh2, words[wi]) ? sh2[words[wi]] : null;
            if (!e2) { lists = null; break; }
            lists.push(e2[0]);
          }
          if (!lists) continue;
          // Not "native": a synonym is still not the word the reader typed. A phrase counts
          // where all of its words are, with their mean weight.
          addPostings(hits, phrasePostings(lists), F_ALIAS, 'a');
          words.forEach(function (w) { matchedTerms.stems[w] = true; });
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
              else if (key.length >= SKEL_FUZZY_MIN && editDistance(sk, key, 1) <= 1) f = F_SKEL_FUZZY;
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
      // How telling the word is here (IDF of the pages it reached): coordination weighs a
      // missing rare word more than a missing common one.
      var reached = Object.keys(hits).length;
      var idf = Math.log(1 + (m.docCount - reached + 0.5) / (reached + 0.5));
      if (!tok.minor) idfTotal += reached ? idf : 0;
      var top = 0;
      for (var d0 in hits) top = Math.max(top, wordScore(hits[d0]));
      for (var d in hits) {
        var acc = perDoc[d] || (perDoc[d] = { doc: +d, score: 0, sum: 0, matched: 0, cover: 0, native: 0, title: 0 });
        if (tok.minor) {
          // Mostly a tie-breaker: such words are everywhere, so their weight is small, but
          // one in the title says the page answers this very question.
          acc.sum += MINOR_WEIGHT * wordScore(hits[d]);
          if (hits[d].title) acc.title += MINOR_WEIGHT;
          continue;
        }
        acc.sum += wordScore(hits[d]);
        acc.matched += 1;
        // A passing mention covers the word less than the page that is most about it.
        acc.cover += idf * Math.pow(wordScore(hits[d]) / top, STRENGTH_POWER);
        if (hits[d].n > 0) acc.native += 1;
        if (hits[d].title) acc.title += 1;
      }
    }
    var major = tokens.filter(function (x) { return !x.minor; }).length;
    // The title share counts question words at their small weight, so it stays within 0–1.
    var titleOf = major + MINOR_WEIGHT * (tokens.length - major);
    var list = [];
    for (var k in perDoc) {
      var r = perDoc[k];
      if (!r.matched) continue; // a page with question words only is no result
      var inTitle = major >= TITLE_BONUS_MIN_WORDS ? r.title / titleOf : 0;
      r.score = pageScore(r.sum, idfTotal > 0 ? r.cover / idfTotal : 1, inTitle);
      list.push(r);
    }
    list.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
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
    // One score across languages: a page of another language only weighs a little less.
    var merged = function (c) { return c.hit.score * (c.li === 0 ? 1 : OTHER_LANG); };
    candidates.sort(function (x, y) {
      return merged(y) - merged(x) || x.li - y.li || x.pos - y.pos;
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

/**
 * The synonym entries (space-separated stems) that query word `tok` also looks up: the other
 * entries of every group that has the word itself, or a phrase of the query that starts
 * with it.
 */
function synonymTargets(groups, tok, tokens) {
  var stems = tokens.map(function (t) { return t.stem; });
  var out = [];
  groups.forEach(function (group) {
    var hit = -1;
    for (var i = 0; i < group.length && hit < 0; i++) {
      var words = group[i].split(' ');
      if (words.length === 1 ? words[0] === tok.stem
        : words[0] === tok.stem && words.every(function (w) { return stems.indexOf(w) >= 0; })) hit = i;
    }
    if (hit < 0) return;
    group.forEach(function (e, j) { if (j !== hit && out.indexOf(e) < 0) out.push(e); });
  });
  return out;
}

/** Flat postings of the documents in every list, with the lists' mean weight. */
function phrasePostings(lists) {
  if (lists.length === 1) return lists[0];
  var acc = Object.create(null);
  lists.forEach(function (list, li) {
    for (var i = 0; i + 1 < list.length; i += 2) {
      var d = list[i];
      var a = acc[d] || (acc[d] = { n: 0, w: 0, title: true });
      if (a.n !== li) continue; // not in an earlier list
      a.n += 1;
      a.w += list[i + 1] < 0 ? -list[i + 1] : list[i + 1];
      if (list[i + 1] > 0) a.title = false;
    }
  });
  var out = [];
  Object.keys(acc).forEach(function (d) {
    var a = acc[d];
    if (a.n !== lists.length) return;
    var w = Math.round(a.w / a.n);
    out.push(+d, a.title ? -w : w);
  });
  return out;
}

/**
 * A page's one score: the sum of its words' scores, scaled by the share of the query it
 * covers (`cover`, 0–1, each word weighed by its IDF: soft coordination) and, a little, by
 * the share of the query's words in its title (`inTitle`, 0–1).
 */
function pageScore(sum, cover, inTitle) {
  return sum * Math.pow(cover, COORD_POWER) * (1 + TITLE_BONUS * inTitle);
}
