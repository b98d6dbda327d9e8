// The tips list narrows by tag in place with JavaScript, puts ?tag= in the URL so a filtered
// list can be shared, announces the count in the page's language, and without JavaScript the
// same chips are plain links to the tag pages. Runs over tests/fixtures/tags, and every chip
// of the real handbook's tips lists.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { serve } from '../lib/server.js';
import { launch, collectErrors } from '../lib/browser.js';
import { buildSite, REPO_ROOT } from '../lib/site.js';
import { servedHandbook } from '../lib/pages.js';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'tags');

describe('tag filter on the tips list', () => {
  let server;
  let browser;
  before(async () => {
    const dir = await buildSite({ name: 'tags', args: ['--root', FIXTURE, '--base-url', '/handbook/'] });
    server = await serve(dir, { subpath: '/handbook/' });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  const visibleTitles = (page) =>
    page.$$eval('[data-filter-list] > li:not([hidden]) h2', (hs) => hs.map((h) => h.textContent.trim()));

  it('filters in place and reflects the filter in the URL', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}en/tips/`);
    assert.deepEqual(await visibleTitles(page), ['Alpha tip', 'Beta tip', 'Gamma tip']);
    await page.click('.tag-filter a[data-tag="skills"]');
    assert.deepEqual(await visibleTitles(page), ['Gamma tip']);
    assert.equal(new URL(page.url()).searchParams.get('tag'), 'skills');
    assert.equal(new URL(page.url()).pathname, '/handbook/en/tips/', 'no navigation to the tag page');
    assert.equal(await page.textContent('.filter-status'), 'Showing 1 tip');
    assert.equal(await page.getAttribute('.tag-filter a[data-tag="skills"]', 'aria-current'), 'true');
    await page.click('.tag-filter a[data-tag=""]');
    assert.deepEqual(await visibleTitles(page), ['Alpha tip', 'Beta tip', 'Gamma tip']);
    assert.equal(new URL(page.url()).searchParams.get('tag'), null);
    await page.click('.tag-filter a[data-tag="feedback"]');
    await page.goBack();
    assert.deepEqual(await visibleTitles(page), ['Alpha tip', 'Beta tip', 'Gamma tip'], 'back undoes the filter');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('applies a shared ?tag= link on load, with the count in Hindi', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    await page.goto(`${server.url}en/tips/?tag=feedback`);
    assert.deepEqual(await visibleTitles(page), ['Alpha tip', 'Beta tip']);
    await page.goto(`${server.url}hi/tips/?tag=feedback`);
    assert.deepEqual(await visibleTitles(page), ['अल्फ़ा सुझाव']);
    await page.click('.tag-filter a[data-tag="growth"]');
    assert.equal(await page.textContent('.filter-status'), '1 सुझाव दिखाया जा रहा है');
    await page.goto(`${server.url}en/tips/?tag=no-such-tag`);
    assert.equal((await visibleTitles(page)).length, 3, 'an unknown tag shows everything');
    await page.close();
  });

  it('without JavaScript the chips lead to the tag pages', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}en/tips/`);
    await Promise.all([page.waitForURL('**/en/tags/skills/'), page.click('.tag-filter a[data-tag="skills"]')]);
    assert.equal(await page.textContent('h1'), 'Skills');
    assert.match(await page.textContent('main'), /Gamma tip/);
    await context.close();
  });
});

describe('tag filter on the real handbook', () => {
  let site;
  let browser;
  before(async () => {
    site = await servedHandbook();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const lang of ['en', 'hi']) {
    it(`every chip of the ${lang} tips list shows exactly its tips`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${site.url}${lang}/tips/`);
      const total = await page.locator('[data-filter-list] > li').count();
      const chips = await page.$$eval('.tag-filter a[data-tag]:not([data-tag=""])', (as) =>
        as.map((a) => ({ tag: a.dataset.tag, count: Number(a.querySelector('.tag-count')?.textContent) })),
      );
      assert.ok(chips.length >= 5, JSON.stringify(chips));
      for (const chip of chips) {
        await page.click(`.tag-filter a[data-tag="${chip.tag}"]`);
        const shown = await page.$$eval('[data-filter-list] > li:not([hidden])', (lis) => lis.map((li) => li.dataset.tags));
        assert.equal(shown.length, chip.count, `${chip.tag}: the chip's count`);
        assert.ok(shown.length < total, `${chip.tag} narrows the list`);
        assert.ok(shown.every((tags) => tags.split(' ').includes(chip.tag)), `${chip.tag}: ${shown}`);
        assert.equal(new URL(page.url()).searchParams.get('tag'), chip.tag);
        assert.notEqual((await page.textContent('.filter-status')).trim(), '');
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
