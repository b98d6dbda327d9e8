// Figures for the search benchmark (benches/search_index.rs runs this on the index it writes):
// the bytes a first query loads, raw and gzip, against the whole index, and query times of
// search.js under Node (V8, the engine Chromium uses) once the files are loaded. Prints only;
// nothing fails on a number.
//
//   node tests/e2e/bench/search-queries.mjs target/search-bench

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { searchScript } from '../lib/search-script.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const searchJs = searchScript();
const dir = path.resolve(process.argv[2] || path.join(here, '..', '..', '..', 'target', 'search-bench'));

const QUERIES = [
  ['en', 'feedback'],
  ['en', 'interview practice'],
  ['en', 'resil'],
  ['en', 'feedbak'],
  ['hi', 'नौकरी'],
  ['hi', 'फीडबैक कैसे माँगें'],
  ['hi', 'naukri'],
  ['hi', 'इंटरव्यू की प्रैक्टिस'],
];
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** A fresh search.js (empty cache) whose loads are counted. */
function fresh() {
  const ctx = vm.createContext({ URL, console, setTimeout, clearTimeout });
  ctx.window = ctx;
  vm.runInContext(searchJs, ctx);
  const loaded = [];
  const engine = ctx.__hbSearch.lib.createEngine(pathToFileURL(dir + path.sep).href, (url) => {
    const buf = fs.readFileSync(fileURLToPath(url));
    loaded.push(buf);
    vm.runInContext(buf.toString('utf8'), ctx, { filename: url });
  });
  return { engine, loaded };
}

const langsFor = (lang) => (lang === 'hi' ? ['hi', 'en'] : ['en', 'hi']);
let whole = { raw: 0, gzip: 0, files: 0 };
for (const lang of ['en', 'hi']) {
  const files = fs.readdirSync(path.join(dir, lang)).map((f) => fs.readFileSync(path.join(dir, lang, f)));
  const raw = files.reduce((n, f) => n + f.length, 0);
  const gzip = files.reduce((n, f) => n + gz(f), 0);
  whole = { raw: whole.raw + raw, gzip: whole.gzip + gzip, files: whole.files + files.length };
  console.log(`index ${lang}: ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip`);
}
for (const [lang, q] of QUERIES) {
  const { engine, loaded } = fresh();
  const results = await engine.search(q, langsFor(lang));
  await engine.withBody(results.slice(0, 10));
  const raw = loaded.reduce((n, f) => n + f.length, 0);
  const gzip = loaded.reduce((n, f) => n + gz(f), 0);
  console.log(`first query ${JSON.stringify(q)} (${lang}, both indexes searched): ${results.length} results, ` +
    `${loaded.length} files, ${kb(raw)} raw / ${kb(gzip)} gzip = ${(100 * raw / whole.raw).toFixed(1)}% of both indexes`);
}
const { engine } = fresh();
for (const [lang, q] of QUERIES) await engine.search(q, langsFor(lang));
for (const [lang, q] of QUERIES) {
  const times = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await engine.search(q, langsFor(lang));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`query ${JSON.stringify(q)} after download: median ${times[15].toFixed(2)} ms, max ${times[29].toFixed(2)} ms`);
}
