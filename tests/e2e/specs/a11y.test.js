// axe-core (all default rules: WCAG 2.x A and AA, and best practices) on every kind of page of
// the real handbook in both languages, at a phone's width (most readers are on phones), plus
// the states scripts create (search results, a tag filter, a focused skip link) and the
// "not yet translated" note. Zero violations, no console errors, no failed requests; in the
// light theme and in the dark one (the phone's setting, and the header's toggle).
// A theme broken on purpose (tests/fixtures/broken-theme) must fail the same check.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, collectErrors, axe, formatViolations } from '../lib/browser.js';
import { servedHandbook, servedFixture, pageTypes, EXPECTED_ERRORS } from '../lib/pages.js';

const PHONE = { width: 360, height: 740 };

/** One tab for a whole describe block; errors are read per visit. */
async function openTab(browser, colorScheme = 'light') {
  const page = await browser.newPage({ viewport: PHONE, colorScheme });
  const errors = collectErrors(page, { ignore: EXPECTED_ERRORS });
  return {
    page,
    /** Opens `url`, waits for `ready` (a selector) if given, and returns axe's violations. */
    async check(url, { ready, before } = {}) {
      const seen = errors.length;
      await page.goto(url);
      if (ready) await page.waitForSelector(ready);
      if (before) await before(page);
      const violations = await axe(page);
      return { violations, errors: errors.slice(seen) };
    },
  };
}

const site = await servedHandbook();
const pages = pageTypes(site.dir);

for (const scheme of ['light', 'dark']) describe(`axe on every kind of page of the handbook (${scheme})`, () => {
  let browser;
  let tab;
  before(async () => {
    browser = await launch();
    if (browser) tab = await openTab(browser, scheme);
  });
  after(async () => {
    await browser?.close();
  });

  for (const p of pages) {
    it(`${p.type}${p.lang ? ` (${p.lang})` : ''}: /${p.path}`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const { violations, errors } = await tab.check(site.url + p.path);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(errors, []);
    });
  }

  const states = [
    { name: 'search results (en)', path: 'en/search/?q=interview', ready: '[data-search-results] a' },
    { name: 'search results (hi, typed in Latin letters)', path: 'hi/search/?q=naukri', ready: '[data-search-results] a' },
    {
      name: 'tips filtered by a tag (en)',
      path: 'en/tips/',
      before: (page) => page.click('.tag-filter a[data-tag]:not([data-tag=""])'),
    },
    {
      name: 'tips filtered by a tag (hi)',
      path: 'hi/tips/',
      before: (page) => page.click('.tag-filter a[data-tag]:not([data-tag=""])'),
    },
    { name: 'skip link focused', path: 'hi/', before: (page) => page.keyboard.press('Tab') },
    {
      name: 'the other theme chosen with the toggle',
      path: 'hi/guidance/just-rejected/',
      before: async (page) => {
        await page.click('[data-theme-toggle]');
        await page.evaluate(() => localStorage.removeItem('handbook-theme'));
      },
    },
  ];
  for (const s of states) {
    it(s.name, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const { violations, errors } = await tab.check(site.url + s.path, s);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(errors, []);
    });
  }
});

after(() => site.close());

describe('axe on pages with a "not yet translated" note', () => {
  let browser;
  let fixture;
  before(async () => {
    fixture = await servedFixture('untranslated');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await fixture?.close();
  });

  for (const path of ['en/tips/only-english/', 'hi/stories/only-hindi/']) {
    it(path, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const tab = await openTab(browser);
      const { violations, errors } = await tab.check(fixture.url + path);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(errors, []);
      await tab.page.close();
    });
  }
});

describe('a broken theme fails the accessibility check', () => {
  let browser;
  let fixture;
  before(async () => {
    fixture = await servedFixture('broken-theme');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await fixture?.close();
  });

  it('flags the image without alt text and the list holding a div', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const tab = await openTab(browser);
    const { violations } = await tab.check(`${fixture.url}en/tags/`);
    const ids = violations.map((v) => v.id).sort();
    assert.ok(ids.includes('image-alt'), formatViolations(violations));
    assert.ok(ids.includes('list'), formatViolations(violations));
    await tab.page.close();
  });
});
