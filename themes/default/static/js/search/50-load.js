// The index loader: reads the files that src/search/index/format.rs writes (its module doc
// describes them) by adding <script> tags, so search works from file:// where fetch() of
// JSON is blocked. Every index file calls the global registry `__hbSearch` defined here.
// Each file is loaded at most once; one that is missing or fails to load is "no data",
// never an error.
//
// Uses: nothing. Gives: registry, createLoader, shardFor, shardsForPrefix, decodeNums,
// distinctPages.

// The version of the index format; src/search/index/format.rs writes the same number.
var FORMAT_VERSION = 3;

// The registry that index files call. It may already exist if an index file ran first.
var registry = root.__hbSearch || {};
root.__hbSearch = registry;
var store = registry._store || (registry._store = {});
function put(key, value) { store[key] = value; }
registry.manifest = function (lang, m) { put(lang + '|m', m); };
registry.shard = function (lang, kind, n, data) { put(lang + '|' + kind + '|' + n, decodeShard(kind, data)); };
registry.docs = function (lang, n, data) { put(lang + '|d|' + n, data); };
registry.fragments = function (lang, n, texts) { put(lang + '|f|' + n, texts); };

// The digits of the index's compact number lists (src/search/index/compact.rs): five bits
// each, least significant first; a digit of value 32-63 says more digits follow.
var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
var DIGIT_VALUE = (function () {
  var t = new Int8Array(128).fill(-1);
  for (var i = 0; i < DIGITS.length; i++) t[DIGITS.charCodeAt(i)] = i;
  return t;
})();

/** The numbers of a compact list, in order (an unknown character ends the list). */
function decodeNums(text) {
  var out = [];
  var n = 0, mul = 1;
  for (var i = 0; i < text.length; i++) {
    var c = text.charCodeAt(i);
    var v = c < 128 ? DIGIT_VALUE[c] : -1;
    if (v < 0) break;
    n += (v & 31) * mul;
    if (v < 32) { out.push(n); n = 0; mul = 1; } else mul *= 32;
  }
  return out;
}

/** Compact postings as the flat array [doc, weight, …] (weight negative for a title hit). */
function decodePostings(text) {
  var nums = decodeNums(text);
  var doc = 0;
  for (var i = 0; i + 1 < nums.length; i += 2) {
    doc += nums[i];
    nums[i] = doc;
    var v = nums[i + 1];
    nums[i + 1] = v % 2 ? -(v - 1) / 2 : v / 2;
  }
  return nums;
}

/** A compact doc list (gaps) as the document numbers. */
function decodeSorted(text) {
  var nums = decodeNums(text);
  for (var i = 1; i < nums.length; i++) nums[i] += nums[i - 1];
  return nums;
}

/**
 * A shard as the ranking reads it (src/search/index/format.rs describes both forms): term
 * entries as [postings] or [postings, {surface: docs | 1}], skeleton entries as postings.
 */
function decodeShard(kind, data) {
  var out = {};
  for (var key in data) {
    if (!Object.prototype.hasOwnProperty.call(data, key)) continue;
    var e = data[key];
    if (kind === 'k') { out[key] = decodePostings(e); continue; }
    if (typeof e === 'string') { out[key] = [decodePostings(e)]; continue; }
    var forms = {};
    for (var f in e[1]) {
      if (Object.prototype.hasOwnProperty.call(e[1], f)) forms[f] = e[1][f] === 1 ? 1 : decodeSorted(e[1][f]);
    }
    out[key] = [decodePostings(e[0]), forms];
  }
  return out;
}

/** A manifest's translation numbers, decoded once: doc → doc in the other language, or -1. */
function pairsOf(m) {
  if (!m || !m.pairs) return null;
  if (!m._pairs) {
    var zz = decodeNums(m.pairs);
    var out = new Int32Array(zz.length);
    var last = 0;
    for (var i = 0; i < zz.length; i++) {
      last += zz[i] % 2 ? -(zz[i] + 1) / 2 : zz[i] / 2;
      out[i] = last - 1;
    }
    m._pairs = out;
  }
  return m._pairs;
}

/**
 * How many different pages the per-language hit lists `perLang` ([{doc}] per language of
 * `langs`, the reader's first) hold: a hit whose translation is among the reader's own hits
 * is the same page and counts once (the results list shows it once). The index knows each
 * page's translation into one other language, so with more than two languages this may
 * count a page twice.
 */
function distinctPages(langs, perLang) {
  var own = perLang[0] || [];
  var total = own.length;
  var seen = Object.create(null);
  own.forEach(function (h) { seen[h.doc] = true; });
  for (var li = 1; li < perLang.length; li++) {
    var pairs = langs.length === 2 ? pairsOf(store[langs[li] + '|m']) : null;
    (perLang[li] || []).forEach(function (h) {
      var t = pairs && h.doc < pairs.length ? pairs[h.doc] : -1;
      if (!(t >= 0 && seen[t])) total += 1;
    });
  }
  return total;
}

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
 * The files of the index at `base` (URL of the index root, ending in "/"). `loadScript(url)`
 * runs an index file (default: a <script> tag). Every getter resolves to the file's data,
 * or null.
 */
function createLoader(base, loadScript) {
  loadScript = loadScript || loadScriptTag;
  // Loads in flight, shared by every loader of the same index and script loader (the UI's
  // prefetching and the engine's lookups), so a file is never asked for twice.
  var pendingAll = registry._pending || (registry._pending = []);
  var pending = null;
  for (var p = 0; p < pendingAll.length; p++) {
    if (pendingAll[p].base === base && pendingAll[p].load === loadScript) pending = pendingAll[p].map;
  }
  if (!pending) {
    pending = {};
    pendingAll.push({ base: base, load: loadScript, map: pending });
  }

  function fetchKey(key, path) {
    if (store[key] !== undefined) return Promise.resolve(store[key]);
    if (!pending[key]) {
      var url = new URL(path, base).href;
      // A file the page's search-loader.js already asked for (a manifest): wait for it.
      var early = loadScript === loadScriptTag && registry._preloading && registry._preloading[url];
      // A file that fails to load (or a loader that throws) is "no data", never an error.
      pending[key] = Promise.resolve(early)
        .then(function () { return store[key] !== undefined || loadScript(url); })
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
  async function fragment(lang, n) {
    var m = await manifest(lang);
    if (!m) return null;
    var pack = Math.floor(n / m.fragmentPack);
    var texts = await fetchKey(lang + '|f|' + pack, lang + '/f' + pack + '.js');
    return texts ? texts[n % m.fragmentPack] || null : null;
  }
  function shards(lang, kind, nums) {
    return Promise.all(nums.map(function (n) { return shard(lang, kind, n); })).then(function (all) {
      return all.filter(Boolean);
    });
  }

  async function record(lang, docNo) {
    var m = await manifest(lang);
    if (!m) return null;
    var chunk = await docChunk(lang, Math.floor(docNo / m.docChunk));
    return chunk ? chunk[docNo % m.docChunk] || null : null;
  }

  return { manifest: manifest, shard: shard, shards: shards, record: record, fragment: fragment };
}
