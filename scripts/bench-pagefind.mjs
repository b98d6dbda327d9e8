// Bytes a reader's first search downloads from Pagefind, for the side-by-side figure of
// scripts/bench. The same six queries as scripts/bench-search.mjs, each in a fresh headless
// Chromium context (no cache) on a page of the query's first language (Pagefind picks its
// index by the page's `lang`): pagefind.js, its WebAssembly, the entry file, the language's
// metadata, the index chunks the query needs and the fragments of the first ten results (what
// the search page shows snippets for; the handbook figure loads the same number of bodies).
//
//   node scripts/bench-pagefind.mjs <Hugo output folder with pagefind/ in it>
//
// The folder is served over HTTP on 127.0.0.1 by this script; every response under /pagefind/
// is counted raw and gzipped (level 9; a file gzip would not shrink, such as Pagefind's
// already compressed index chunks, counts as sent raw). Prints one line per query and a last
// line `median <raw> max <raw> gzip median <gz> max <gz> runtime gzip <gz>`, where "runtime"
// is the part that is Pagefind's code (pagefind.js and the WebAssembly), the same for every
// query. Needs Chromium and playwright-core (installed by `npm ci` in tests/e2e).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))) {
  console.error('usage: node scripts/bench-pagefind.mjs <site folder with pagefind/pagefind.js>');
  process.exit(2);
}
const root = path.resolve(site);

const QUERIES = [
  ['interview', 'en'],
  ['feedback after rejection', 'en'],
  ['resume', 'en'],
  ['इंटरव्यू', 'hi'],
  ['फ़ीडबैक कैसे माँगें', 'hi'],
  ['naukri', 'hi'],
];
const SNIPPETS = 10;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
let counted = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const body = fs.readFileSync(file);
  if (url.pathname.startsWith('/pagefind/')) {
    const gz = Math.min(body.length, zlib.gzipSync(body, { level: 9 }).length);
    counted.push({ name: url.pathname, raw: body.length, gz });
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const raw = [];
const gz = [];
let runtime = 0;
try {
  for (const [q, lang] of QUERIES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/${lang}/`);
    counted = [];
    const r = await page.evaluate(
      async ([query, n]) => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const search = await pagefind.search(query);
        const shown = await Promise.all(search.results.slice(0, n).map((x) => x.data()));
        return { results: search.results.length, shown: shown.length };
      },
      [q, SNIPPETS],
    );
    await context.close();
    const sum = (k) => counted.reduce((s, f) => s + f[k], 0);
    runtime = counted.filter((f) => /\/(pagefind\.js|wasm\.[^/]*\.pagefind)$/.test(f.name)).reduce((s, f) => s + f.gz, 0);
    raw.push(sum('raw'));
    gz.push(sum('gz'));
    console.log(`${JSON.stringify(q)} (${lang}): ${counted.length} files, ${sum('raw')} bytes, ${sum('gz')} gzip, ${r.results} results`);
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median ${median(raw)} max ${Math.max(...raw)} gzip median ${median(gz)} max ${Math.max(...gz)} runtime gzip ${runtime}`);
