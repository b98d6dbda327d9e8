// The handbook in a job seeker's hand (issue 19): on a 320 px phone and with the text at 200%
// (a phone's large-text setting) no page of any kind scrolls sideways; every target in the
// header, the menus, the chips and the lists is at least 44 × 44 px; the header is compact;
// the home page shows the help line and three "start here" cards on the first screen, each
// card one big link; long pages have contents (a <details> that works without JavaScript),
// heading links, previous/next and back-to-top; the dark theme follows the phone and a
// remembered choice without a flash; the share button copies the link where the Web Share
// API is missing; the 404 page speaks the language of the address, also under /hi/.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, collectErrors } from '../lib/browser.js';
import { servedHandbook, pageTypes, EXPECTED_ERRORS } from '../lib/pages.js';

const site = await servedHandbook();
const pages = pageTypes(site.dir);
after(() => site.close());

/** What a thumb aims at: the header's, menus', chips' and lists' links, buttons and fields. */
const TARGETS = [
  '.site-header a:not(.skip-link)',
  '.site-header button',
  '.site-header input',
  '.breadcrumbs a',
  '.tags a',
  '.tags button',
  '.search-tags button',
  '.entry-list a',
  '.section-cards a',
  '.start-cards a',
  '.toc summary',
  '.toc a',
  '.pager a',
  '.language-choice a',
  '.back-to-top a',
].join(', ');

/** Targets smaller than 44 × 44 px (visible ones; a menu scrolled sideways still counts). */
async function smallTargets(page) {
  return page.evaluate((sel) => {
    const out = [];
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden
      if (r.width < 43.5 || r.height < 43.5) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, TARGETS);
}

/** How far the page scrolls sideways, and what sticks out. */
async function overflow(page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.site-nav ul, .ws-table, pre'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    return { extra: document.documentElement.scrollWidth - w, wide };
  });
}

describe('phone layout on every kind of page', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  for (const p of pages) {
    it(`${p.type}${p.lang ? ` (${p.lang})` : ''}: no sideways scroll at 320 px and at 200% text; 44 px targets`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
      const page = await context.newPage();
      const errors = collectErrors(page, { ignore: EXPECTED_ERRORS });
      await page.goto(site.url + p.path);
      const narrow = await overflow(page);
      assert.equal(narrow.extra, 0, `320 px: ${JSON.stringify(narrow)}`);
      assert.deepEqual(await smallTargets(page), [], 'targets under 44 px at 320 px');
      await page.setViewportSize({ width: 390, height: 844 });
      // A phone's large-text setting: the default font size doubled.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      await page.reload();
      const large = await overflow(page);
      assert.equal(large.extra, 0, `200% text: ${JSON.stringify(large)}`);
      assert.deepEqual(await smallTargets(page), [], 'targets under 44 px at 200% text');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('finding one\'s way on a phone', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('the header is compact: one row for title, language and theme, one for search, one for the menu', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const lang of ['en', 'hi']) {
      await page.goto(`${site.url}${lang}/guidance/`);
      const h = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
      assert.ok(h <= 150, `${lang}: header ${h} px tall`);
      const rows = await page.evaluate(() => {
        const tops = [...document.querySelectorAll('.site-nav li')].map((li) => Math.round(li.getBoundingClientRect().top));
        return new Set(tops).size;
      });
      assert.equal(rows, 1, `${lang}: the menu is on one line`);
    }
    await page.close();
  });

  it('on a desktop the menu is centred like the rest', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}en/`);
    const { left, right, main } = await page.evaluate(() => {
      const menu = document.querySelector('.site-nav ul').getBoundingClientRect();
      const col = document.querySelector('main').getBoundingClientRect();
      return { left: menu.left, right: innerWidth - menu.right, main: col.left };
    });
    assert.ok(left > 100 && Math.abs(left - right) < 2, `menu margins ${left} and ${right}`);
    assert.ok(Math.abs(left - main) < 2, `the menu starts at ${left}, the text at ${main}`);
    await page.close();
  });

  for (const lang of ['en', 'hi']) {
    it(`${lang} home: the help line and three whole-card links fit the first screen of a 390×844 phone`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${site.url}${lang}/`);
      const boxes = await page.evaluate(() =>
        [document.querySelector('main .help-line'), ...document.querySelectorAll('.start-card')].map((e) => {
          const r = e.getBoundingClientRect();
          return { bottom: r.bottom, height: r.height, href: e.getAttribute('href') };
        }),
      );
      assert.equal(boxes.length, 4, 'the help line and three cards');
      for (const b of boxes) assert.ok(b.bottom <= 844, `below the fold: ${JSON.stringify(b)}`);
      // The whole card is the link: a tap near its bottom right corner opens the page.
      const card = page.locator('.start-card').nth(1);
      const box = await card.boundingBox();
      const target = await card.evaluate((a) => a.href);
      await Promise.all([page.waitForURL(target), page.mouse.click(box.x + box.width - 6, box.y + box.height - 6)]);
      assert.match(new URL(target).pathname, /\/stories\/[^/]+\/$/);
      await page.close();
    });
  }

  it('a long page: contents collapsed on a phone and usable without JavaScript, heading links, previous/next, back to top', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}hi/guidance/just-rejected/`);
    const toc = page.locator('details.toc');
    assert.equal(await toc.getAttribute('open'), null, 'collapsed');
    const entries = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const headings = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
    assert.ok(entries.length >= 3);
    assert.deepEqual(entries, headings);
    await page.click('.toc summary');
    assert.equal(await toc.getAttribute('open'), '');
    await page.click(`.toc a >> nth=2`);
    assert.equal(decodeURIComponent(new URL(page.url()).hash), decodeURIComponent(entries[2]));
    // Every section heading links to itself.
    const links = await page.locator('.prose h2 .heading-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, headings);
    // Previous and next follow the guidance list's reading order.
    await page.goto(`${site.url}hi/guidance/`);
    const order = await page.locator('.entry-list h2 a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    const i = order.findIndex((p) => p.endsWith('/just-rejected/'));
    await page.goto(`${site.url}hi/guidance/just-rejected/`);
    const next = await page.locator('.pager a[rel=next]').evaluate((a) => new URL(a.href).pathname);
    assert.equal(next, order[i + 1]);
    assert.equal(await page.locator('.pager a[rel=prev]').count(), i > 0 ? 1 : 0);
    await page.goto(new URL(order[i + 1], site.url).href);
    const prev = await page.locator('.pager a[rel=prev]').evaluate((a) => new URL(a.href).pathname);
    assert.equal(prev, order[i]);
    assert.equal(await page.locator('.back-to-top a[href="#main"]').count(), 1);
    await context.close();
  });

  it('dark theme: from the phone, and a remembered choice applied before the first paint', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const paper = () => getComputedStyle(document.body).backgroundColor;
    const dark = await browser.newContext({ colorScheme: 'dark' });
    let page = await dark.newPage();
    await page.goto(`${site.url}hi/`);
    assert.equal(await page.evaluate(paper), 'rgb(21, 25, 28)');
    assert.equal(await page.getAttribute('[data-theme-toggle]', 'aria-pressed'), 'true');
    await dark.close();

    const light = await browser.newContext({ colorScheme: 'light' });
    page = await light.newPage();
    await page.goto(`${site.url}en/`);
    assert.equal(await page.evaluate(paper), 'rgb(253, 252, 249)');
    await page.click('[data-theme-toggle]');
    assert.equal(await page.evaluate(paper), 'rgb(21, 25, 28)');
    // The colour of the page when <body> first appears, before any deferred script runs.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.body) {
          window.__firstPaper = getComputedStyle(document.body).backgroundColor;
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${site.url}hi/tips/`);
    assert.equal(await page.evaluate(() => window.__firstPaper), 'rgb(21, 25, 28)', 'no flash of the light theme');
    assert.equal(await page.getAttribute('[data-theme-toggle]', 'aria-pressed'), 'true');
    await page.click('[data-theme-toggle]');
    await page.goto(`${site.url}hi/`);
    assert.equal(await page.evaluate(() => window.__firstPaper), 'rgb(253, 252, 249)');
    await light.close();
  });

  it('share: without the Web Share API the link is copied', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    await context.addInitScript(() => {
      delete Navigator.prototype.share;
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${site.url}hi/tips/acknowledge-feelings/`);
    assert.equal(await page.evaluate(() => 'share' in navigator), false);
    await page.click('[data-share]');
    await page.waitForFunction(() => document.querySelector('.share-status').textContent !== '');
    assert.match(await page.textContent('.share-status'), /लिंक कॉपी हो गया/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('share: where the Web Share API exists, it is used', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Navigator.prototype.share = function (data) {
        window.__shared = data;
        return Promise.resolve();
      };
    });
    const page = await context.newPage();
    await page.goto(`${site.url}en/tips/acknowledge-feelings/`);
    await page.click('[data-share]');
    const shared = await page.evaluate(() => window.__shared);
    assert.equal(shared.url, page.url());
    assert.match(shared.title, /After the No/);
    await context.close();
  });

  for (const [path, lang] of [
    ['hi/no-such-page/', 'hi'],
    ['hi/tips/missing/', 'hi'],
    ['en/nothing-here/', 'en'],
    ['no-such-place', 'en'],
  ]) {
    it(`404 at /${path} speaks ${lang} first`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const res = await page.goto(site.url + path);
      assert.equal(res.status(), 404);
      const first = await page.locator('.not-found-message').first();
      assert.equal(await first.getAttribute('lang'), lang);
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal(await first.locator('h1').count(), 1);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      const home = await first.locator('a.not-found-home').getAttribute('href');
      assert.equal(home, `/handbook/${lang}/`);
      await page.close();
    });
  }

  it('404 without JavaScript shows every language', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}hi/no-such-page/`);
    const langs = await page.locator('.not-found-message').evaluateAll((s) => s.map((e) => e.lang));
    assert.deepEqual(langs, ['en', 'hi']);
    assert.match(await page.textContent('[lang=hi] h2'), /पेज नहीं मिला/);
    await context.close();
  });
});
