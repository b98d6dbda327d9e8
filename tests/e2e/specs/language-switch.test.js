// The language switcher, both ways, on every kind of page of the real handbook served under
// /handbook/ as on GitHub Pages: it lands on the translation. Where a page has no translation
// (tests/fixtures/untranslated) it lands on the other language's home, and the link carries a
// "not yet translated" note in the page's own language. No page visited may log a console
// error or fail a request.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, collectErrors } from '../lib/browser.js';
import { servedHandbook, servedFixture, languagePages, inLanguage, LANGS, EXPECTED_ERRORS } from '../lib/pages.js';

/**
 * A browser tab that visits pages one after another (a new tab per page costs more than the
 * page), recording what went wrong on each visit.
 */
async function tab(browser) {
  const page = await browser.newPage();
  // The 404 page is meant to answer 404; a request cut short because the test clicked on to
  // the next page (the favicon, fetched after `load`) is not a failure of the site.
  const errors = collectErrors(page, { ignore: EXPECTED_ERRORS });
  return {
    page,
    close: () => page.close(),
    /** Opens `url` (unless the tab is there), clicks the switcher link to `to`, and returns
     * where it landed. */
    async switchLanguage(url, to) {
      const seen = errors.length;
      if (page.url() !== url) await page.goto(url);
      const link = page.locator(`.lang-switch a[hreflang="${to}"]`);
      assert.equal(await link.count(), 1, `${url}: one switcher link to ${to}`);
      const found = {
        untranslated: await link.evaluate((a) => a.classList.contains('untranslated')),
        note: ((await link.evaluate((a) => a.parentElement.querySelector('.lang-note')?.textContent)) ?? '').trim(),
      };
      await Promise.all([page.waitForURL((u) => u.href !== url), link.click()]);
      found.url = page.url();
      found.lang = await page.getAttribute('html', 'lang');
      found.errors = errors.slice(seen);
      return found;
    },
  };
}

describe('language switcher on the real handbook', () => {
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

  it('every kind of page switches to its translation and back', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const [from, to] = LANGS;
    const t1 = await tab(browser);
    for (const p of languagePages(site.dir, from)) {
      const there = await t1.switchLanguage(site.url + p.path, to);
      const back = await t1.switchLanguage(there.url, from);
      for (const [got, lang, path] of [
        [there, to, inLanguage(p.path, to)],
        [back, from, p.path],
      ]) {
        const what = `${p.type} (${p.path}) → ${lang}`;
        assert.equal(got.url, site.url + path, what);
        assert.equal(got.lang, lang, `${what}: <html lang> after switching`);
        assert.equal(got.untranslated, false, `${what}: the handbook is fully translated`);
        assert.equal(got.note, '', `${what}: no "not yet translated" note`);
        assert.deepEqual(got.errors, [], what);
      }
    }
    await t1.close();
  });

  it('the root page offers every language and leads to its home', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    for (const lang of LANGS) {
      const page = await browser.newPage();
      // Clicking on right after `load` may cut the favicon's request short; not a fault.
      const errors = collectErrors(page, { ignore: ['net::ERR_ABORTED'] });
      await page.goto(site.url);
      await Promise.all([
        page.waitForURL(`${site.url}${lang}/`),
        page.click(`.language-choice a[hreflang="${lang}"]`),
      ]);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  it('the 404 page leads to the other language home, with no untrue note', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const t1 = await tab(browser);
    const got = await t1.switchLanguage(`${site.url}en/no-such-page/`, 'hi');
    await t1.close();
    assert.equal(got.url, `${site.url}hi/`);
    assert.equal(got.lang, 'hi');
    assert.equal(got.note, '');
    assert.deepEqual(got.errors, []);
  });

  it('a search keeps working after switching language', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const t1 = await tab(browser);
    const got = await t1.switchLanguage(`${site.url}en/search/?q=interview`, 'hi');
    await t1.close();
    assert.equal(new URL(got.url).pathname, '/handbook/hi/search/');
    assert.deepEqual(got.errors, []);
  });
});

describe('language switcher where there is no translation', () => {
  let site;
  let browser;
  before(async () => {
    site = await servedFixture('untranslated');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const cases = [
    { from: 'en/tips/only-english/', to: 'hi', note: '(not yet translated into Hindi)' },
    { from: 'en/about/', to: 'hi', note: '(not yet translated into Hindi)' },
    { from: 'hi/stories/only-hindi/', to: 'en', note: '(अंग्रेज़ी में अभी अनुवाद नहीं हुआ है)' },
  ];
  for (const c of cases) {
    it(`${c.from} leads to the ${c.to} home with a note in its own language`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const t1 = await tab(browser);
      const got = await t1.switchLanguage(site.url + c.from, c.to);
      await t1.close();
      assert.equal(got.url, `${site.url}${c.to}/`);
      assert.equal(got.lang, c.to);
      assert.equal(got.untranslated, true);
      assert.equal(got.note, c.note);
      assert.deepEqual(got.errors, []);
    });
  }

  it('a translated page of the same site still switches to its translation', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const t1 = await tab(browser);
    for (const [from, to] of [['en', 'hi'], ['hi', 'en']]) {
      const got = await t1.switchLanguage(`${site.url}${from}/tips/both/`, to);
      assert.equal(got.url, `${site.url}${to}/tips/both/`);
      assert.equal(got.untranslated, false);
      assert.equal(got.note, '');
      assert.deepEqual(got.errors, []);
    }
    await t1.close();
  });

  it('an untranslated page declares no alternate in the missing language', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    await page.goto(`${site.url}en/tips/only-english/`);
    const hreflangs = await page.$$eval('link[rel="alternate"][hreflang]', (ls) => ls.map((l) => l.hreflang));
    assert.ok(hreflangs.includes('en') && !hreflangs.includes('hi'), JSON.stringify(hreflangs));
    await page.close();
  });
});
