// What the search page tells the reader while it works, in real headless Chromium on the real
// handbook served under /handbook/: the searching state from the first keystroke (before any
// index file has arrived), results that stream in as each language's files arrive, "20 of 57"
// with a button for the next results, and suggestions when nothing was found. The index
// responses are held back with request interception (page.route), so nothing here depends
// on timing.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { serve } from '../lib/server.js';
import { launch, collectErrors as collect, axe, formatViolations } from '../lib/browser.js';
import { buildSite } from '../lib/site.js';

const collectErrors = (page) => collect(page, { ignore: [/favicon\.svg$/] });
const SEARCHING_HI = 'ढूँढ रहे हैं…';

const resultLinks = (page) =>
  page.$$eval('[data-search-results] li:not([hidden]) > a', (as) => as.map((a) => a.href));

/** Waits until the result list is final for `query`. */
async function settled(page, query) {
  await page.waitForFunction(
    (q) => {
      const list = document.querySelector('[data-search-results]');
      return list.getAttribute('data-search-query') === q && !list.hasAttribute('aria-busy');
    },
    query,
    { timeout: 10000 },
  );
}

/**
 * Holds back every request for an index file whose path matches `re` until `release(re2)`
 * lets those matching `re2` through (and any later ones). Returns { held, arrived, release }.
 */
async function holdIndex(page) {
  const held = [];
  const open = [];
  const arrived = [];
  page.on('requestfinished', (r) => { if (r.url().includes('/search-index/')) arrived.push(r.url()); });
  await page.route('**/search-index/**', (route) => {
    if (open.some((re) => re.test(route.request().url()))) route.continue();
    else held.push(route);
  });
  return {
    held,
    arrived,
    async release(re) {
      open.push(re);
      for (let i = held.length - 1; i >= 0; i--) {
        if (re.test(held[i].request().url())) await held.splice(i, 1)[0].continue();
      }
    },
  };
}

describe('search states on the real handbook, served under /handbook/', () => {
  let server;
  let browser;
  before(async () => {
    const dir = await buildSite({ name: 'search-pages', args: ['--base-url', 'http://127.0.0.1/handbook/'] });
    server = await serve(dir, { subpath: '/handbook/' });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // page.route cannot see a request the service worker answers (Playwright's documented
  // limit), and the worker takes over the page as soon as it is installed: these tests hold
  // the index back at the network, so they run without the worker (tests/e2e/specs/offline.test.js
  // covers search through it).
  const newPage = () => browser.newPage({ serviceWorkers: 'block' });

  it('says it is searching before any index file has arrived, then streams the results in', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await newPage();
    const errors = collectErrors(page);
    const index = await holdIndex(page);
    await page.goto(`${server.url}hi/search/`);
    await page.locator('main input[name="q"]').focus();
    await page.keyboard.type('नौकरी', { delay: 5 });
    const status = page.locator('[data-search-status]');
    await page.waitForFunction(() => document.querySelectorAll('script[src*="search-index/"]').length > 0);
    assert.equal(await status.textContent(), SEARCHING_HI);
    assert.equal(await page.locator('[data-search-results]').getAttribute('aria-busy'), 'true');
    assert.deepEqual(index.arrived, [], 'no index file has arrived');
    assert.ok(index.held.length > 0, 'the index was asked for');
    assert.deepEqual(await resultLinks(page), []);

    // The reader's own language arrives: its results show while English is still held back.
    await index.release(/\/search-index\/hi\//);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0);
    const early = await resultLinks(page);
    assert.ok(early.length > 0 && early.every((u) => u.includes('/handbook/hi/')), early.join('\n'));
    assert.equal(await page.locator('[data-search-results]').getAttribute('aria-busy'), 'true');
    assert.equal(await status.textContent(), SEARCHING_HI);
    assert.ok(index.arrived.every((u) => u.includes('/search-index/hi/')), index.arrived.join('\n'));

    // Then every language: the final list and its count.
    await index.release(/./);
    await settled(page, 'नौकरी');
    assert.ok((await resultLinks(page)).length >= early.length);
    assert.match(await status.textContent(), /नतीजे$/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('asks for the manifests with search.js, and for every shard of a typed query at once', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await newPage();
    const errors = collectErrors(page);
    const asked = [];
    page.on('request', (r) => asked.push(r.url()));
    // search.js itself is held back too: the manifests must not wait for it.
    let releaseScript;
    const scriptHeld = new Promise((resolve) => { releaseScript = resolve; });
    await page.route('**/static/js/search.js', async (route) => { await scriptHeld; await route.continue(); });
    const index = await holdIndex(page);
    await page.goto(`${server.url}hi/search/`);
    await page.locator('main input[name="q"]').focus();
    await page.waitForFunction(() => document.querySelectorAll('script[src*="manifest.js"]').length === 2);
    assert.deepEqual(index.held.map((r) => r.request().url().replace(/.*search-index\//, '')).sort(), ['en/manifest.js', 'hi/manifest.js']);
    releaseScript();
    await index.release(/manifest\.js$/);

    // Three words: every term and romanised-key shard they need is asked for before any
    // shard has arrived (no round trip per word).
    const query = 'naukri interview tanav';
    await page.keyboard.type(query, { delay: 5 });
    // Until no new request has been held back for a while (the page has asked for all it can).
    for (let n = -1; n !== index.held.length;) {
      n = index.held.length;
      await page.waitForTimeout(500);
    }
    const before = new Set(index.held.map((r) => r.request().url()));
    assert.ok([...before].every((u) => /\/[tk]\d+\.js$/.test(u)), [...before].join('\n'));
    await index.release(/./);
    await settled(page, query);
    const shards = asked.filter((u) => /search-index\/(en|hi)\/[tk]\d+\.js$/.test(u));
    assert.ok(shards.length > 2, shards.join('\n'));
    const late = shards.filter((u) => !before.has(u));
    assert.deepEqual(late, [], 'shards asked for only after others arrived');
    assert.ok((await resultLinks(page)).length > 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('says "20 of N" and shows the next results on request', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}hi/search/?q=नौकरी`);
    await settled(page, 'नौकरी');
    const status = page.locator('[data-search-status]');
    const text = await status.textContent();
    const m = /^(\d+) में से 20 नतीजे$/.exec(text);
    assert.ok(m, text);
    const total = Number(m[1]);
    assert.ok(total > 20, text);
    assert.equal((await resultLinks(page)).length, 20);
    const more = page.locator('[data-search-more]');
    assert.equal(await more.isVisible(), true);
    assert.equal(await more.textContent(), 'और नतीजे दिखाएँ');
    const violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await more.click();
    const shown = Math.min(40, total);
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] li').length === n, shown);
    await settled(page, 'नौकरी');
    const links = await resultLinks(page);
    assert.equal(links.length, shown);
    assert.equal(new Set(links).size, shown, 'no page listed twice');
    // Keyboard readers land on the first new result.
    assert.equal(await page.evaluate(() => document.activeElement.href), links[20]);
    assert.equal(await status.textContent(), total > 40 ? `${total} में से 40 नतीजे` : `${total} नतीजे`);
    assert.equal(await more.isVisible(), total > 40);
    // Every result can be reached: the count is the number of pages, not of index hits.
    while (await more.isVisible()) {
      await more.click();
      await settled(page, 'नौकरी');
    }
    assert.equal(new Set(await resultLinks(page)).size, total);

    // English: the same message, in English.
    await page.goto(`${server.url}en/search/?q=job`);
    await settled(page, 'job');
    assert.match(await status.textContent(), /^20 of \d+ results$/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('suggests the nearest indexed words, the tag list and the help page when nothing is found', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}hi/search/`);
    const none = page.locator('[data-search-none]');
    assert.equal(await none.isVisible(), false);
    await page.locator('main input[name="q"]').focus();
    await page.keyboard.type('रिजेकशननन', { delay: 5 });
    await settled(page, 'रिजेकशननन');
    assert.match(await page.locator('[data-search-status]').textContent(), /^कोई नतीजा नहीं मिला/);
    assert.equal(await none.isVisible(), true);
    const words = none.locator('[data-search-words] a');
    await words.first().waitFor();
    assert.equal(await words.first().textContent(), 'रिजेक्शन');
    const hrefs = await none.locator('ul a').evaluateAll((as) => as.map((a) => a.href));
    assert.deepEqual(hrefs, [`${server.url}hi/tags/`, `${server.url}hi/help/`]);
    const violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    // A suggestion searches for itself, and the suggestions go away with the results.
    await words.first().click();
    await settled(page, 'रिजेक्शन');
    assert.ok((await resultLinks(page)).length > 0);
    assert.equal(await none.isVisible(), false);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'रिजेक्शन');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('search states in a portable build opened from file://', () => {
  let browser;
  let dir;
  before(async () => {
    dir = await buildSite({ name: 'search-portable', args: ['--portable'] });
    browser = await launch();
  });
  after(() => browser?.close());

  it('counts "20 of N" and shows more from disk too', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${pathToFileURL(dir + path.sep).href}en/search/index.html?q=job`);
    await settled(page, 'job');
    assert.match(await page.locator('[data-search-status]').textContent(), /^20 of \d+ results$/);
    await page.locator('[data-search-more]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 20);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
