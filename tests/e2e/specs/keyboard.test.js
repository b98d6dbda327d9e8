// Keyboard-only use of the real handbook: Tab reaches the skip link first and it moves focus to
// the main content; the menu, the language switcher and the search box are reached with Tab and
// work with Enter and typing alone; and every element that takes focus shows it, with a ring
// that contrasts at least 3:1 with what is around it (WCAG 2.4.7 and 1.4.11).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, collectErrors } from '../lib/browser.js';
import { servedHandbook, languagePages, inLanguage } from '../lib/pages.js';

/**
 * What has focus, and how its focus ring looks: outline style, width and colour, the colour
 * behind the ring (the parent's background, since the ring is drawn outside the element,
 * composited over every translucent layer up to the page), and the contrast between the two.
 */
function describeFocus() {
  const el = document.activeElement;
  const rgba = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  // The background the ring is drawn on: layers from the parent up, composited.
  const layers = [];
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let color = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    color = [r * a + color[0] * (1 - a), g * a + color[1] * (1 - a), b * a + color[2] * (1 - a)];
  }
  const lum = ([r, g, b]) => {
    const f = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const cs = getComputedStyle(el);
  const ring = rgba(cs.outlineColor);
  const [l1, l2] = [lum(ring), lum(color)].sort((a, b) => b - a);
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    cls: el.className,
    text: (el.textContent || el.value || el.placeholder || '').trim().slice(0, 40),
    href: el.getAttribute('href'),
    inHeader: !!el.closest('header.site-header'),
    inMain: !!el.closest('main'),
    visible: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth,
    outlineStyle: cs.outlineStyle,
    outlineWidth: parseFloat(cs.outlineWidth),
    contrast: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
    ring: cs.outlineColor,
    behind: `rgb(${color.map(Math.round).join(', ')})`,
  };
}

/** Fails with a readable message unless the focused element shows a clear focus ring. */
function assertFocusVisible(f, where) {
  const what = `${where}: <${f.tag}${f.id ? `#${f.id}` : ''}> "${f.text}"`;
  assert.ok(f.visible, `${what} has focus but is not on screen`);
  assert.notEqual(f.outlineStyle, 'none', `${what} shows no focus ring`);
  assert.ok(f.outlineWidth >= 2, `${what}: focus ring only ${f.outlineWidth}px wide`);
  assert.ok(
    f.contrast >= 3,
    `${what}: focus ring ${f.ring} on ${f.behind} has a contrast of ${f.contrast}:1, at least 3:1 is needed`,
  );
}

/** Presses Tab until `match(focus)` holds (at most `max` times); returns the focus seen. */
async function tabUntil(page, match, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(describeFocus);
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached the element after ${max} presses`);
}

const site = await servedHandbook();

describe('keyboard-only use', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site.close();
  });

  const tip = languagePages(site.dir, 'en').find((p) => p.type === 'tip').path;

  it('Tab reaches the skip link first, and it moves focus to the main content', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    for (const path of [tip, 'hi/', 'en/search/', 'hi/worksheets/']) {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(site.url + path);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(describeFocus);
      assert.match(first.cls, /\bskip-link\b/, `${path}: the first Tab lands on ${JSON.stringify(first)}`);
      assertFocusVisible(first, path);
      await page.keyboard.press('Enter');
      const main = await page.evaluate(describeFocus);
      assert.equal(main.tag, 'main', `${path}: focus after the skip link: ${JSON.stringify(main)}`);
      assert.equal(new URL(page.url()).hash, '#main');
      await page.keyboard.press('Tab');
      const next = await page.evaluate(describeFocus);
      assert.ok(next.inMain, `${path}: the next Tab stays in the content: ${JSON.stringify(next)}`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  it('every stop in the header and the menu is reached in order and shows its focus', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    for (const [width, height] of [[360, 740], [1280, 800]]) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(site.url + tip);
      const expected = await page.$$eval('header.site-header a, header.site-header input, header.site-header button', (els) =>
        els.map((e) => e.getAttribute('href') ?? e.tagName.toLowerCase()),
      );
      const seen = [];
      for (;;) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(describeFocus);
        if (f.inMain) break;
        assertFocusVisible(f, `${width}px`);
        seen.push(f);
        assert.ok(seen.length < 40, 'Tab never reached the content');
      }
      assert.match(seen[0].cls, /skip-link/);
      const order = seen.slice(1).map((f) => f.href ?? f.tag);
      assert.deepEqual(order, expected, `${width}px: header stops in the order they are shown`);
      assert.ok(seen.some((f) => f.cls.includes('skip-link')));
      // Some focus stops in the content and the footer show their ring too.
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        assertFocusVisible(await page.evaluate(describeFocus), `${width}px content`);
      }
      await page.close();
    }
  });

  it('the menu works with Tab and Enter', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    await page.goto(`${site.url}en/`);
    await tabUntil(page, (f) => f.href === '/handbook/en/worksheets/');
    await Promise.all([page.waitForURL(`${site.url}en/worksheets/`), page.keyboard.press('Enter')]);
    await tabUntil(page, (f) => f.href === '/handbook/en/tags/');
    await Promise.all([page.waitForURL(`${site.url}en/tags/`), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('the language switcher works with Tab and Enter, both ways', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    await page.goto(site.url + tip);
    const hi = inLanguage(tip, 'hi');
    await tabUntil(page, (f) => f.href === `/handbook/${hi}`);
    await Promise.all([page.waitForURL(site.url + hi), page.keyboard.press('Enter')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'hi');
    await tabUntil(page, (f) => f.href === `/handbook/${tip}`);
    await Promise.all([page.waitForURL(site.url + tip), page.keyboard.press('Enter')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.close();
  });

  it('the search box works with typing and Enter, and results are reached with Tab', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const errors = collectErrors(page, { ignore: ['net::ERR_ABORTED'] });
    await page.goto(`${site.url}hi/`);
    const box = await tabUntil(page, (f) => f.tag === 'input');
    assertFocusVisible(box, 'header search box');
    await page.keyboard.type('naukri');
    await Promise.all([page.waitForURL(/\/hi\/search\/\?q=naukri$/), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-search-results] a');
    // From the search page's own box, Tab leads to the results.
    await page.focus('main input[type="search"]');
    const result = await tabUntil(page, (f) => f.inMain && f.tag === 'a' && f.href?.includes('/hi/'), 40);
    assertFocusVisible(result, 'first search result');
    await Promise.all([page.waitForURL((u) => !u.pathname.includes('/search/')), page.keyboard.press('Enter')]);
    assert.equal(page.url(), new URL(result.href, page.url()).href);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
