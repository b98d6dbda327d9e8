// Bytes a reader's first search downloads, measured with the site's own search engine.
//
//   node scripts/bench-search.mjs <built site folder>
//
// Runs the built site's static/js/search.js in a Node vm (as the browser tests do), with a
// loader that reads index files from disk and counts their bytes. Every query starts in a fresh
// context, so it pays for the manifests, the term and skeleton shards, the records of the
// results it shows and the body fragments of the first BODY_SNIPPETS of them (the search page
// loads those for its snippets), exactly what a first visit to /<lang>/search/?q=… loads.
// search.js itself is not counted (it is the page's script, cached with the rest of the site).
// Each file counts raw and gzipped (level 9, as a server that compresses would send it).
// Prints one line per query and a last line `median <raw> max <raw> gzip median <gz> max <gz>`
// for scripts/bench.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/bench-search.mjs <built site folder>');
  process.exit(2);
}
// The search page fetches the bodies of this many results for their snippets (search.js).
const BODY_SNIPPETS = 10;
const gzipped = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const searchJs = path.join(site, 'static', 'js', 'search.js');
const indexDir = path.join(site, 'search-index');

// Typical first queries: the reader's language first, as on the search page.
const QUERIES = [
  ['interview', ['en', 'hi']],
  ['feedback after rejection', ['en', 'hi']],
  ['resume', ['en', 'hi']],
  ['इंटरव्यू', ['hi', 'en']],
  ['फ़ीडबैक कैसे माँगें', ['hi', 'en']],
  ['naukri', ['hi', 'en']],
];

async function firstQuery(query, langs) {
  const ctx = vm.createContext({ URL, console, setTimeout, clearTimeout });
  ctx.window = ctx;
  vm.runInContext(fs.readFileSync(searchJs, 'utf8'), ctx, { filename: searchJs });
  const loaded = new Map();
  const load = (url) => {
    const file = fileURLToPath(url);
    const text = fs.readFileSync(file);
    loaded.set(file, [text.length, gzipped(text)]);
    vm.runInContext(text.toString('utf8'), ctx, { filename: file });
  };
  const engine = ctx.__hbSearch.lib.createEngine(pathToFileURL(indexDir + path.sep).href, load);
  const results = await engine.search(query, langs);
  if (engine.withBody) await engine.withBody(results.slice(0, BODY_SNIPPETS));
  let bytes = 0;
  let gz = 0;
  for (const [n, g] of loaded.values()) {
    bytes += n;
    gz += g;
  }
  return { bytes, gz, files: loaded.size, results: results.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const raw = [];
const gz = [];
for (const [q, langs] of QUERIES) {
  const r = await firstQuery(q, langs);
  raw.push(r.bytes);
  gz.push(r.gz);
  console.log(
    `${JSON.stringify(q)} (${langs[0]}): ${r.files} files, ${r.bytes} bytes, ${r.gz} gzip, ${r.results} results`,
  );
}
console.log(`median ${median(raw)} max ${Math.max(...raw)} gzip median ${median(gz)} max ${Math.max(...gz)}`);
