// Tests for the search script (themes/default/static/js/search/*.js, joined as the build joins
// them) under Node's built-in runner. No browser: the shared analyser vectors
// (tests/fixtures/search/vectors.json, also checked against the Rust analyser by `cargo test`)
// and queries over the committed fixture index.
//
// search.js is a browser script; it is run in a vm context whose global stands in for
// `window` (no `document`, so the UI part stays off).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../lib/site.js';
import { SEARCH_PARTS_DIR, searchScript } from '../lib/search-script.js';

const testsDir = path.join(REPO_ROOT, 'tests', 'fixtures', 'search');

function loadSearch() {
  const ctx = vm.createContext({ URL, console, setTimeout, clearTimeout });
  ctx.window = ctx;
  vm.runInContext(searchScript(), ctx, { filename: path.join(SEARCH_PARTS_DIR, '..', 'search.js') });
  return ctx;
}

const ctx = loadSearch();
const lib = ctx.__hbSearch.lib;
// Values from the vm context have their own Array prototype; compare plain copies.
const plain = (v) => JSON.parse(JSON.stringify(v));

test('shared vectors: JS tokens equal Rust tokens', () => {
  const vectors = JSON.parse(fs.readFileSync(path.join(testsDir, 'vectors.json'), 'utf8'));
  assert.ok(vectors.length >= 60);
  for (const v of vectors) {
    const toks = lib.analyze(v.text);
    const got = {
      tokens: plain(toks.map((t) => t.stem)),
      surfaces: plain(toks.map((t) => t.surface)),
      stop: plain(toks.map((t, i) => (t.stop ? i : -1)).filter((i) => i >= 0)),
      skeletons: plain(toks.map((t) => (t.stop ? null
        : t.devanagari ? lib.skeletonDevanagari(t.surface) : lib.skeletonLatin(t.surface)))),
    };
    const want = { tokens: v.tokens, surfaces: v.surfaces, stop: v.stop || [], skeletons: v.skeletons };
    assert.deepEqual(got, want, `vector ${JSON.stringify(v.text)} (${v.note})`);
  }
});

test('stemmer agreement on the word list', () => {
  const cases = JSON.parse(fs.readFileSync(path.join(testsDir, 'stems.json'), 'utf8'));
  let agree = 0;
  const bad = [];
  for (const [word, want] of cases) {
    const got = /[\u0900-\u097F]/.test(word) ? lib.stemHindi(word) : lib.stemEnglish(word);
    if (got === want) agree++;
    else if (bad.length < 20) bad.push(`${word}: js ${got} rust ${want}`);
  }
  console.log(`# stemmer agreement: ${agree}/${cases.length}`);
  assert.deepEqual(bad, []);
});

test('pairs: variants meet, minimal pairs stay apart, families share a stem, romanised keys agree', () => {
  const pairs = JSON.parse(fs.readFileSync(path.join(testsDir, 'pairs.json'), 'utf8'));
  const stems = (text) => plain(lib.analyze(text).map((t) => t.stem));
  for (const [a, b, note] of pairs.same) {
    assert.ok(stems(a).length > 0, `${a} gives a token`);
    assert.deepEqual(stems(a), stems(b), `${a} = ${b} (${note})`);
  }
  for (const [a, b] of pairs.different) {
    assert.notDeepEqual(stems(a), stems(b), `${a} and ${b} must stay apart`);
  }
  for (const family of pairs.families) {
    for (const w of family.slice(1)) assert.deepEqual(stems(w), stems(family[0]), `${w} should meet ${family[0]}`);
  }
  for (const family of pairs.known_splits) {
    assert.ok(new Set(family.map((w) => stems(w).join())).size > 1, `${family} now joins: move it to families`);
  }
  for (const [deva, latin] of pairs.romanised) {
    const key = lib.skeletonDevanagari(lib.analyze(deva)[0].surface);
    assert.ok(key, `${deva} has a key`);
    assert.equal(key, lib.skeletonLatin(latin), `${deva} ~ ${latin}`);
  }
});

// ---- Index fixture: built by `cargo test --test index_fixture` into tests/fixtures/index ----

function engineFor(dir) {
  const base = pathToFileURL(dir + path.sep).href;
  const load = (url) => {
    vm.runInContext(fs.readFileSync(fileURLToPath(url), 'utf8'), ctx, { filename: url });
  };
  return lib.createEngine(base, load);
}

const indexDir = path.join(testsDir, 'index');
const engine = engineFor(indexDir);

async function first(query, langs) {
  const results = await engine.search(query, langs);
  return results.length ? results[0].url : null;
}

const cases = [
  // [query, reader languages (first = reader's), expected first result URL]
  ['naukri', ['hi', 'en'], 'hi/guidance/job-search/'],
  ['नौकरियों', ['hi', 'en'], 'hi/guidance/job-search/'],
  ['नौकरी', ['hi', 'en'], 'hi/guidance/job-search/'],
  ['interview', ['en', 'hi'], 'en/tips/practice-interviews/'],
  ['interview', ['hi', 'en'], 'hi/tips/practice-interviews/'],
  ['इंटरव्यू', ['hi', 'en'], 'hi/tips/practice-interviews/'],
  ['feedbak', ['en', 'hi'], 'en/tips/seek-feedback/'],
  ['feedback', ['hi', 'en'], 'hi/tips/seek-feedback/'],
  ['rejec', ['en', 'hi'], 'en/guidance/rejection-as-redirection/'],
  ['asafalta', ['hi', 'en'], 'hi/guidance/rejection-as-redirection/'],
  ['असफलताओं', ['hi', 'en'], 'hi/guidance/rejection-as-redirection/'],
  ['job', ['hi', 'en'], 'hi/guidance/job-search/'],
  ['networking', ['en', 'hi'], 'en/tips/keep-networking/'],
  ['interviews practice', ['en', 'hi'], 'en/tips/practice-interviews/'],
  ['हिन्दी', ['hi', 'en'], 'hi/stories/hindi-page/'],
];

for (const [query, langs, want] of cases) {
  test(`index: ${JSON.stringify(query)} (${langs[0]}) finds ${want} first`, async () => {
    assert.equal(await first(query, langs), want);
  });
}

test('index: a page only in the other language is listed after, as its translation', async () => {
  // "LinkedIn" only appears in the English version of keep-networking.
  const results = plain(await engine.search('linkedin', ['hi', 'en']));
  assert.equal(results.length, 1);
  assert.equal(results[0].url, 'hi/tips/keep-networking/');
  assert.equal(results[0].viaLang, 'en');
});

test('index: minimal pairs stay apart (काम does not find कम)', async () => {
  const results = plain(await engine.search('काम ', ['hi']));
  assert.deepEqual(results.map((r) => r.url), ['hi/stories/hindi-page/']);
  const none = plain(await engine.search('कम ', ['hi']));
  assert.deepEqual(none.map((r) => r.url), []);
});

test('index: stop-word-only query is not empty', async () => {
  const results = await engine.search('में', ['hi']);
  assert.ok(results.length > 0);
});

test('index: words as typed rank first; a romanised or synonym hit is weighed, not banished', async () => {
  // Latin "interview" is written natively in practice-interviews (tag slug) and once, deep in a
  // long body, in english-words. final-round has इंटरव्यू in its title: a romanised (skeleton)
  // and synonym hit. One score with graded weights (as typed > synonym > outline > typo): the
  // native tag hit stays first, and the strong title hit in the reader's script outranks a
  // single passing mention in a long body, which is still listed.
  const urls = plain(await engine.search('interview ', ['hi'])).map((r) => r.url);
  assert.deepEqual(urls.slice(0, 3), [
    'hi/tips/practice-interviews/', 'hi/stories/final-round/', 'hi/stories/english-words/',
  ]);
});

test('index: skeleton-only romanised queries (no alias) find Devanagari pages', async () => {
  assert.equal(await first('naukriyon', ['hi']), 'hi/guidance/job-search/');
  assert.equal(await first('abhyas', ['hi']), 'hi/tips/practice-interviews/');
  assert.equal(await first('aakhiri', ['hi']), 'hi/stories/final-round/');
});

test('index: exact surface form ranks above a stem-only match', async () => {
  // exact-a and exact-b differ only in "applied" / "applies" (same stem "appli").
  let urls = plain(await engine.search('applied ', ['en'])).map((r) => r.url);
  assert.deepEqual(urls.slice(0, 2), ['en/tips/exact-a/', 'en/tips/exact-b/']);
  urls = plain(await engine.search('applies ', ['en'])).map((r) => r.url);
  assert.deepEqual(urls.slice(0, 2), ['en/tips/exact-b/', 'en/tips/exact-a/']);
});

test('index: one typo is forgiven in long Devanagari words too', async () => {
  assert.equal(await first('नौकरीयों ', ['hi']), 'hi/guidance/job-search/');
});

test('index: prefix search as you type, Devanagari too', async () => {
  assert.equal(await first('नौक', ['hi']), 'hi/guidance/job-search/');
  assert.equal(await first('netw', ['en']), 'en/tips/keep-networking/');
  // A trailing space ends the word: no prefix expansion.
  assert.deepEqual(plain(await engine.search('netw ', ['en'])), []);
});

test('snippet: highlights matched words, escapes nothing itself (DOM text only)', async () => {
  const results = await engine.search('naukri', ['hi']);
  const pieces = plain(lib.snippet(results[0]));
  const marked = pieces.filter((p) => p.mark).map((p) => p.text);
  assert.ok(marked.some((t) => t.startsWith('नौकरी')), JSON.stringify(pieces));
  const xss = plain(await engine.search('onerror', ['en']));
  assert.equal(xss[0].title, '<img src=x onerror=alert(1)>');
});

test('snippet: a match only in the body loads that page\'s fragment and shows it', async () => {
  const results = await engine.search('answering', ['en']);
  assert.equal(results[0].url, 'en/tips/practice-interviews/');
  assert.equal(results[0].body, '');
  await engine.withBody(results);
  assert.match(results[0].body, /^Ask a friend to run a mock interview/);
  const marked = plain(lib.snippet(results[0])).filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marked, ['answering']);
});

test('engine: a missing shard file is no hit, not an error', async () => {
  const broken = lib.createEngine('file:///nonexistent/', () => {
    throw new Error('no such file');
  });
  assert.deepEqual(plain(await broken.search('x', ['xx'])), []);
});

// ---- Ranking and query understanding (issue 18) ----

const urlsOf = async (query, langs) => plain(await engine.search(query, langs)).map((r) => r.url);

test('rank: typo tolerance is decided and applied on the same form ("getting" is not git, got, let)', async () => {
  const urls = await urlsOf('getting ', ['en']);
  assert.ok(urls.includes('en/tips/getting-started/'), urls.join(' '));
  assert.ok(!urls.includes('en/tips/version-control/'), urls.join(' '));
});

test('rank: two edits are forgiven in a long word, one in a shorter one, none in a short one', async () => {
  assert.equal(await first('netwerkng ', ['en', 'hi']), 'en/tips/keep-networking/');
  assert.equal(await first('feedbak ', ['en', 'hi']), 'en/tips/seek-feedback/');
  assert.deepEqual(await urlsOf('gti ', ['en']), []);
});

test('rank: question words are dropped while other words remain, and kept when alone', async () => {
  assert.equal(await first('how do I practice interviews', ['en']), 'en/tips/practice-interviews/');
  assert.equal(await first('इंटरव्यू का अभ्यास कैसे करें', ['hi']), 'hi/tips/practice-interviews/');
  assert.equal(await first('naukri kaise mile', ['hi']), 'hi/guidance/job-search/');
  const q = lib.queryTokens('feedback kaise mange');
  assert.deepEqual(plain(q.tokens.filter((t) => !t.minor).map((t) => t.surface)), ['feedback', 'mange']);
  assert.ok((await urlsOf('कैसे', ['hi'])).length >= 0); // alone, it is searched as typed
  assert.deepEqual(plain(lib.queryTokens('how').tokens.map((t) => t.surface)), ['how']);
});

test('rank: a short Hindi stem is not expanded as a prefix (लें does not find लेंगे)', async () => {
  assert.ok(!(await urlsOf('लें', ['hi'])).includes('hi/guidance/silence/'));
  // A long enough word still is: नौक → नौकरी.
  assert.equal(await first('नौक', ['hi']), 'hi/guidance/job-search/');
});

test('rank: a synonym phrase is found where all its words are (ghosted → जवाब नहीं आया)', async () => {
  assert.equal(await first('ghosted ', ['hi']), 'hi/guidance/silence/');
});

test('rank: one score, so a title hit cannot outrank a much better body match', async () => {
  const urls = await urlsOf('budget ', ['en']);
  assert.deepEqual(urls.slice(0, 2), ['en/guidance/budget-body/', 'en/tips/budget-title/']);
});

test('rank: across languages the word as typed beats the romanised outline', async () => {
  // "networking" as typed in the English page and the Hindi title नेटवर्किंग (outline and
  // synonym): for an English reader the English page comes first, for a Hindi reader the
  // Hindi page (own language, and the synonym) — and each is listed once.
  assert.equal(await first('networking ', ['en', 'hi']), 'en/tips/keep-networking/');
  const hi = await urlsOf('networking ', ['hi', 'en']);
  assert.equal(hi[0], 'hi/tips/keep-networking/');
  assert.equal(hi.filter((u) => u.endsWith('keep-networking/')).length, 1);
});
