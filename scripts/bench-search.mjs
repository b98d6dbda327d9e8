// Bytes a reader's first search downloads, measured with the site's own search engine.
//
//   node scripts/bench-search.mjs <built site folder>
//
// Runs the built site's static/js/search.js in a Node vm (as the browser tests do), with a
// loader that reads index files from disk and counts their bytes. Every query starts in a fresh
// context, so it pays for the manifests, the term and skeleton shards and the document chunks
// of the results it shows, exactly what a first visit to /<lang>/search/?q=… loads. Prints one
// line per query and a last line `median <bytes> max <bytes>` for scripts/bench.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/bench-search.mjs <built site folder>');
  process.exit(2);
}
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
    loaded.set(file, text.length);
    vm.runInContext(text.toString('utf8'), ctx, { filename: file });
  };
  const engine = ctx.__hbSearch.lib.createEngine(pathToFileURL(indexDir + path.sep).href, load);
  const results = await engine.search(query, langs);
  let bytes = 0;
  for (const n of loaded.values()) bytes += n;
  return { bytes, files: loaded.size, results: results.length };
}

const sizes = [];
for (const [q, langs] of QUERIES) {
  const r = await firstQuery(q, langs);
  sizes.push(r.bytes);
  console.log(`${JSON.stringify(q)} (${langs[0]}): ${r.files} files, ${r.bytes} bytes, ${r.results} results`);
}
sizes.sort((a, b) => a - b);
const median = sizes[Math.floor(sizes.length / 2)];
console.log(`median ${median} max ${sizes[sizes.length - 1]}`);
