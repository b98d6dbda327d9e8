// Search on the real handbook, through the stable hooks only (the box is
// `input[type=search][name=q]`, results are links inside `[data-search-results]`): a query from
// the header box lands on the search page with results, typing on the search page shows results
// as you type, in English, in Hindi and in Hindi typed in Latin letters, and a result opens its
// page. Ranking and snippets are tested with the search code itself.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, collectErrors } from '../lib/browser.js';
import { servedHandbook } from '../lib/pages.js';

const results = (page) =>
  page.$$eval('[data-search-results] a', (as) => as.map((a) => ({ href: a.href, text: a.textContent.trim() })));

describe('search', () => {
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

  it('the header box leads to results, and a result opens its page', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const errors = collectErrors(page, { ignore: ['net::ERR_ABORTED'] });
    await page.goto(`${site.url}en/`);
    await page.fill('header input[type="search"][name="q"]', 'interview');
    await Promise.all([page.waitForURL(/\/en\/search\/\?q=interview$/), page.press('header input[name="q"]', 'Enter')]);
    await page.waitForSelector('[data-search-results] a');
    const found = await results(page);
    assert.ok(found.length >= 2, JSON.stringify(found));
    assert.equal(await page.inputValue('main input[type="search"][name="q"]'), 'interview', 'the query stays in the box');
    await Promise.all([page.waitForURL(found[0].href), page.click('[data-search-results] a')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('main'), /interview/i);
    assert.deepEqual(errors, []);
    await page.close();
  });

  const typed = [
    { lang: 'en', query: 'feedb', why: 'a word being typed (prefix)' },
    { lang: 'hi', query: 'नौकरी', why: 'Hindi' },
    { lang: 'hi', query: 'naukri', why: 'Hindi typed in Latin letters' },
  ];
  for (const c of typed) {
    it(`results appear as you type: ${c.why}`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${site.url}${c.lang}/search/`);
      await page.locator('main input[type="search"][name="q"]').pressSequentially(c.query);
      await page.waitForSelector('[data-search-results] a');
      const found = await results(page);
      assert.ok(found.length >= 1, `${c.query}: ${JSON.stringify(found)}`);
      for (const r of found) {
        assert.ok(r.href.startsWith(site.url), `${r.href} stays in the site`);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
