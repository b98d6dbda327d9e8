// `handbook serve` in a real browser: an open page reloads by itself after its Markdown is
// saved, a page that did not change stays as it is, a stylesheet change is swapped in without
// a reload, and a content error shows in an overlay that a fix clears. Runs over a copy of
// tests/fixtures/basic.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { launch, collectErrors } from '../lib/browser.js';
import { startPreview } from '../lib/preview.js';
import { REPO_ROOT } from '../lib/site.js';

describe('handbook serve reloads open pages', () => {
  let preview;
  let browser;
  before(async () => {
    preview = await startPreview({ fixture: 'basic' });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
  });

  const edit = (rel, change) => {
    const file = path.join(preview.root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.writeFileSync(file, change(before));
    return before;
  };
  // A value kept in the page's JavaScript lives until the page reloads.
  const mark = (page) => page.evaluate(() => (window.__notReloaded = true));
  const marked = (page) => page.evaluate(() => window.__notReloaded === true);
  // The event stream is cut when a page reloads; that is not an error.
  const ignore = ['/__handbook/events'];
  // Opens a page and waits until its event stream is connected, so no rebuild is missed.
  const open = async (page, url) => {
    const stream = page.waitForResponse((r) => r.url().endsWith('/__handbook/events'));
    await page.goto(url);
    await stream;
  };

  it('reloads the edited page by itself, and only that page', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const other = await browser.newPage();
    const errors = collectErrors(page, { ignore });
    await open(page, `${preview.url}en/tips/rest/`);
    await open(other, `${preview.url}en/stories/first-no/`);
    await mark(page);
    await mark(other);
    const reloaded = page.waitForEvent('load');
    edit('content/en/tips/rest.md', (s) => s.replace('Rest first.', 'Rest first, then walk.'));
    await reloaded;
    assert.match(await page.textContent('main'), /Rest first, then walk\./);
    assert.equal(await marked(page), false, 'the page reloaded');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await marked(other), true, 'a page that did not change stays');
    assert.deepEqual(errors, []);
    await page.close();
    await other.close();
  });

  it('swaps a changed stylesheet without reloading', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    await open(page, `${preview.url}en/`);
    await mark(page);
    const css = fs.readFileSync(path.join(REPO_ROOT, 'themes/default/static/css/site.css'), 'utf8');
    edit('themes/default/static/css/site.css', () => `${css}\nbody { outline: 7px solid rgb(1, 2, 3); }\n`);
    await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)', null, {
      timeout: 10_000,
    });
    assert.equal(await marked(page), true, 'no reload');
    await page.close();
  });

  it('shows a content error in the page and clears it when fixed', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    await open(page, `${preview.url}en/tips/rest/`);
    let reloaded = page.waitForEvent('load');
    const good = edit('content/en/tips/rest.md', () => '---\ntitle: [unclosed\nsummary: x\n---\n');
    await reloaded;
    const overlay = page.locator('#hb-serve-overlay');
    await overlay.waitFor();
    assert.match(await overlay.textContent(), /content\/en\/tips\/rest\.md:2/);
    assert.match(await page.textContent('main'), /Rest first/, 'the last good version stays underneath');
    await page.click('#hb-serve-overlay [data-hb-close]');
    assert.equal(await overlay.count(), 0, 'the overlay closes');
    reloaded = page.waitForEvent('load');
    edit('content/en/tips/rest.md', () => good);
    await reloaded;
    assert.equal(await page.locator('#hb-serve-overlay').count(), 0);
    await page.close();
  });
});
