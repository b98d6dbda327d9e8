// Code in both scripts (tests/fixtures/external-html, Hindi page): Devanagari in a code block
// and in inline code is drawn with the bundled Noto Sans Devanagari, never as empty boxes, even
// where the system has no Devanagari font; a fenced block is one panel, and its long lines
// scroll inside it on a phone instead of widening the page.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, collectErrors } from '../lib/browser.js';
import { servedFixture, EXPECTED_ERRORS } from '../lib/pages.js';

describe('code blocks in Hindi', () => {
  let site;
  let browser;
  before(async () => {
    site = await servedFixture('external-html');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('draws every Devanagari glyph of code with the bundled font', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectErrors(page, { ignore: EXPECTED_ERRORS });
    await page.goto(`${site.url}hi/guidance/imported/`);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const selector of ['pre code', 'p code']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      assert.ok(nodeId, selector);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      // Which fonts drew the text: the Devanagari must all be the bundled web font, and no
      // glyph may have fallen through to a font that lacks it (drawn as a box, .notdef).
      const custom = fonts.filter((f) => f.isCustomFont);
      assert.ok(
        custom.some((f) => /Noto Sans Devanagari/i.test(f.familyName)),
        `${selector}: ${JSON.stringify(fonts)}`,
      );
      const text = await page.$eval(selector, (el) => el.textContent);
      const devanagari = [...text].filter((c) => /[\u0900-\u097F]/.test(c)).length;
      const drawnByBundled = custom.reduce((n, f) => n + f.glyphCount, 0);
      assert.ok(devanagari > 0 && drawnByBundled > 0, `${selector}: ${JSON.stringify(fonts)}`);
      for (const f of fonts.filter((f) => !f.isCustomFont)) {
        assert.ok(!/Devanagari|Last ?Resort/i.test(f.familyName), `${selector}: ${JSON.stringify(fonts)}`);
      }
    }
    const check = await page.evaluate(() => {
      const code = document.querySelector('pre code');
      const style = getComputedStyle(code);
      return {
        loaded: document.fonts.check(`16px "Handbook Devanagari"`, code.textContent),
        family: style.fontFamily,
      };
    });
    assert.ok(check.loaded, 'the bundled face is loaded for the block text');
    assert.match(check.family, /^"Handbook Devanagari", .*monospace/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is one block that scrolls inside itself on a 320 px phone', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${site.url}hi/guidance/imported/`);
    const got = await page.evaluate(() => {
      const pre = document.querySelector('pre');
      const code = pre.querySelector('code');
      const ps = getComputedStyle(pre);
      const cs = getComputedStyle(code);
      return {
        // The block's own edge (the header's search form is the theme's business).
        preRight: pre.getBoundingClientRect().right,
        proseWidth: document.querySelector('.prose').scrollWidth,
        viewport: window.innerWidth,
        preScrolls: pre.scrollWidth > pre.clientWidth,
        overflowX: ps.overflowX,
        preBackground: ps.backgroundColor,
        codeBackground: cs.backgroundColor,
        codeDisplay: cs.display,
        inlineBackground: getComputedStyle(document.querySelector('p code')).backgroundColor,
      };
    });
    assert.ok(got.preRight <= got.viewport, `the block ends at ${got.preRight}px of ${got.viewport}px`);
    assert.ok(got.proseWidth <= got.viewport, `the text is ${got.proseWidth}px wide at ${got.viewport}px`);
    assert.ok(got.preScrolls, 'the long line scrolls inside the block');
    assert.equal(got.overflowX, 'auto');
    assert.equal(got.codeDisplay, 'block');
    assert.equal(got.codeBackground, 'rgba(0, 0, 0, 0)', 'no background per line');
    assert.notEqual(got.preBackground, 'rgba(0, 0, 0, 0)', 'the block is one panel');
    assert.notEqual(got.inlineBackground, 'rgba(0, 0, 0, 0)', 'inline code keeps its background');
    await page.close();
  });
});
