// The page-weight budget (issue 19): on a phone with a cold cache, every kind of page of the
// real handbook, in both languages, transfers at most 25 KB gzipped without fonts (a print
// pack, every worksheet in one document for the printer, has a budget of its own, see
// lib/weight.js); an English
// page loads no font file at all (the language switch's "हिंदी" is drawn as outlines); a
// Hindi page, and a bilingual page (the root chooser, the 404) for its Hindi half, at most 90 KB of Devanagari font, every weight together. The benchmark
// (bench/page-weight.mjs, from scripts/bench) prints the same figures as a table.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.js';
import { servedHandbook, pageTypes } from '../lib/pages.js';
import { pageWeight, BUDGET } from '../lib/weight.js';

const site = await servedHandbook();
const pages = pageTypes(site.dir);

describe('page weight, cold cache, gzip', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site.close();
  });

  for (const p of pages) {
    it(`${p.type}${p.lang ? ` (${p.lang})` : ''}: /${p.path}`, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const w = await pageWeight(browser, site.url + p.path);
      const list = w.files.map((f) => `${f.bytes}\t${f.url}`).join('\n');
      const budget = p.type === 'print pack' ? BUDGET.packBytes : BUDGET.bytes;
      assert.ok(w.bytes <= budget, `${w.bytes} bytes without fonts, over ${budget}:\n${list}`);
      assert.ok(!w.files.some((f) => /\/js\/search\//.test(f.url)), `the search script loaded before use:\n${list}`);
      // The root language chooser and the 404 page are half Hindi: that half is drawn with
      // the bundled face.
      if (p.lang === 'hi' || p.lang === null) {
        assert.ok(w.fontBytes <= BUDGET.fontBytes.hi, `${w.fontBytes} bytes of fonts: ${w.fonts}`);
      } else {
        assert.deepEqual(w.fonts, [], `an English page loaded fonts:\n${list}`);
      }
    });
  }

  it('a Hindi page loads the Devanagari font (the measure sees fonts)', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const w = await pageWeight(browser, site.url + 'hi/');
    assert.ok(w.fonts.some((f) => /Devanagari/.test(f)), `${w.fonts}`);
  });
});
