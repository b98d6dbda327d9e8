// The first search on a slow phone: headless Chromium with the network of a weak mobile
// connection (400 kbit/s down and up, 400 ms round trip) and a CPU four times slower, through
// the DevTools protocol, on a built site served gzipped (as GitHub Pages serves it). For each
// query, in a fresh browser context (nothing cached): the search page is opened and left to
// settle, then the reader taps the box and types the query at phone speed. Printed: the time
// from the first keystroke to the first result on screen (search runs as the reader types, so
// that result may be for the first letters typed), the bytes (gzip as sent, raw as decoded)
// and requests of search.js and the index before it, and the time from the last keystroke to
// the final results of the whole query. A benchmark: it prints, it never fails on a number.
//
//   node tests/e2e/bench/search-slow-network.mjs <built site> [--runs N] [--files]
//
// scripts/bench runs it on the real handbook (built with `handbook build`).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch } from '../lib/browser.js';
import { contentType } from '../lib/server.js';

const QUERIES = [
  ['Hindi', 'hi', 'रिजेक्शन के बाद क्या करें'],
  ['Hinglish', 'hi', 'naukri nahi mil rahi'],
  ['English', 'en', 'interview feedback'],
];
const KEY_DELAY_MS = 180; // a reader typing with one thumb
const NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const CPU_SLOWDOWN = 4;

const args = process.argv.slice(2);
const site = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'target/bench/handbook-site');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const listFiles = args.includes('--files'); // also print each file loaded before the first result
if (!fs.existsSync(path.join(site, 'search-index'))) {
  console.error(`search-slow-network: ${site} is not a built site (no search-index/)`);
  process.exit(2);
}

/** Serves `root` on 127.0.0.1, gzip for text files, like a static host. */
function serveGzip(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = contentType(file);
    let body = fs.readFileSync(file);
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (/^(text\/|application\/(json|javascript|manifest|xml)|image\/svg)/.test(type)) {
      body = zlib.gzipSync(body, { level: 6 });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const server = await serveGzip(site);
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
if (!browser) {
  console.error('search-slow-network: Chromium not found');
  process.exit(1);
}
console.log(`first search on a slow phone: ${NETWORK.downloadThroughput * 8 / 1000} kbit/s, ${NETWORK.latency} ms round trip, CPU ${CPU_SLOWDOWN}× slower; ${runs} runs per query, medians`);
console.log(`site: ${site}; typing ${KEY_DELAY_MS} ms per key`);
for (const [kind, lang, query] of QUERIES) {
  const times = [];
  const finals = [];
  let bytes = null;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}${lang}/search/`, { waitUntil: 'networkidle', timeout: 120_000 });
    await page.evaluate(() => {
      window.__bench = { start: 0, first: 0, last: 0 };
      const box = document.querySelector('main input[name="q"]');
      box.addEventListener('keydown', () => {
        window.__bench.last = performance.now();
        if (!window.__bench.start) window.__bench.start = window.__bench.last;
      });
      const list = document.querySelector('[data-search-results]');
      new MutationObserver(() => {
        if (!window.__bench.first && list.querySelector('li')) window.__bench.first = performance.now();
      }).observe(list, { childList: true });
    });
    await page.locator('main input[name="q"]').click();
    await page.keyboard.type(query, { delay: KEY_DELAY_MS });
    await page.waitForFunction(() => window.__bench.first > 0, null, { timeout: 120_000 });
    await page.waitForFunction((q) => {
      const list = document.querySelector('[data-search-results]');
      return list.getAttribute('data-search-query') === q && !list.hasAttribute('aria-busy');
    }, query, { timeout: 120_000 });
    finals.push(await page.evaluate(() => performance.now() - window.__bench.last));
    const r = await page.evaluate(() => {
      const b = window.__bench;
      const files = performance.getEntriesByType('resource')
        .filter((e) => /\/static\/js\/search\.js$|\/search-index\//.test(e.name) && e.responseEnd <= b.first)
        .map((e) => ({ name: e.name, gzip: e.encodedBodySize, raw: e.decodedBodySize }));
      return { ms: b.first - b.start, files };
    });
    times.push(r.ms);
    if (listFiles && run === 0) for (const f of r.files) console.log(`  ${f.name.replace(origin, '')} ${f.gzip} gzip ${f.raw} raw`);
    const sum = (fs2, k) => fs2.reduce((n, f) => n + f[k], 0);
    const index = r.files.filter((f) => f.name.includes('/search-index/'));
    bytes = {
      gzip: sum(r.files, 'gzip'), raw: sum(r.files, 'raw'), requests: r.files.length,
      indexGzip: sum(index, 'gzip'), indexRaw: sum(index, 'raw'), indexRequests: index.length,
    };
    await context.close();
  }
  console.log(`${kind} ${JSON.stringify(query)} on /${lang}/search/: first result ${(median(times) / 1000).toFixed(2)} s after the first keystroke ` +
    `(runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s); before it ${kb(bytes.gzip)} gzip / ${kb(bytes.raw)} raw in ${bytes.requests} requests ` +
    `(index alone ${kb(bytes.indexGzip)} gzip / ${kb(bytes.indexRaw)} raw in ${bytes.indexRequests}; the rest is search.js); ` +
    `final results for the whole query ${(median(finals) / 1000).toFixed(2)} s after the last keystroke`);
}
await browser.close();
server.close();
