// Page weight per kind of page of the real handbook, both languages: bytes transferred
// (gzip, cold cache, phone viewport) without fonts, font bytes and requests, as a Markdown
// table (scripts/bench runs it; the budget is checked by specs/page-weight.test.js).
//
//   HANDBOOK_BIN=target/release/handbook node tests/e2e/bench/page-weight.mjs

import { launch } from '../lib/browser.js';
import { servedHandbook, pageTypes } from '../lib/pages.js';
import { pageWeight, BUDGET } from '../lib/weight.js';

const site = await servedHandbook();
const browser = await launch();
if (!browser) {
  console.error('page-weight: Chromium not found (set CHROME)');
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`Page weight, cold cache, gzip (budget ${kb(BUDGET.bytes)} KB without fonts)\n`);
console.log('| page | lang | KB without fonts | KB fonts | requests | fonts |');
console.log('|---|---|---:|---:|---:|---|');
try {
  for (const p of pageTypes(site.dir)) {
    const w = await pageWeight(browser, site.url + p.path);
    console.log(`| ${p.type} | ${p.lang ?? '–'} | ${kb(w.bytes)} | ${kb(w.fontBytes)} | ${w.requests} | ${w.fonts.join(', ') || '–'} |`);
  }
} finally {
  await browser.close();
  await site.close();
}
