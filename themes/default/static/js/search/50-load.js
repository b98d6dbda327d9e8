// The index loader: reads the files that src/search/index/format.rs writes (its module doc
// describes them) by adding <script> tags, so search works from file:// where fetch() of
// JSON is blocked. Every index file calls the global registry `__hbSearch` defined here.
// Each file is loaded at most once; one that is missing or fails to load is "no data",
// never an error.
//
// Uses: nothing. Gives: registry, createLoader, shardFor, shardsForPrefix.

// The version of the index format; src/search/index/format.rs writes the same number.
var FORMAT_VERSION = 2;

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

  async function record(lang, docNo) {
    var m = await manifest(lang);
    if (!m) return null;
    var chunk = await docChunk(lang, Math.floor(docNo / m.docChunk));
    return chunk ? chunk[docNo % m.docChunk] || null : null;
  }

  return { manifest: manifest, shard: shard, shards: shards, record: record, fragment: fragment };
}
