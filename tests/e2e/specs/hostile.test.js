// Markup written to attack the site (tests/fixtures/hostile-markup: `<script>`, event handlers,
// `javascript:` URLs and attribute break-outs in every front-matter field, the body, tag names
// and the site title) must stay text in the browser too: every page of the built fixture is
// loaded in Chromium, served and as a portable build from file://, searched, and filtered by
// its tag, and nothing may open a dialog, log an error, request a file the site does not have,
// or leave an event handler, a foreign script or a script URL in the live DOM.
// tests/testsuite/hostile.rs checks the same build's HTML without a browser.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { launch, collectErrors } from '../lib/browser.js';
import { buildSite, REPO_ROOT } from '../lib/site.js';
import { servedFixture, EXPECTED_ERRORS } from '../lib/pages.js';

/** Element names the Markdown renderer may write (as in tests/testsuite/html_tags.rs). */
const MARKDOWN_TAGS = [
  'p', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'em', 'strong', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'hr', 'br', 'div',
  'span', 'sup', 'section', 'colgroup', 'col',
  // The QR code of a printed page's address (src/render/qr.rs): <svg><rect/><path/></svg>.
  'svg', 'rect', 'path',
];

/**
 * What the theme itself writes: element names in its templates and those its scripts create
 * (`createElement('mark')`), and its inline scripts.
 */
function themeMarkup() {
  const theme = path.join(REPO_ROOT, 'themes', 'default');
  const tags = new Set(MARKDOWN_TAGS);
  const scripts = [];
  for (const f of fs.readdirSync(path.join(theme, 'templates'))) {
    const html = fs.readFileSync(path.join(theme, 'templates', f), 'utf8');
    for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)) tags.add(m[1].toLowerCase());
    for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) scripts.push(m[1].trim());
  }
  // The theme's scripts, search.js as its parts (static/js/search/*.js).
  for (const f of fs.readdirSync(path.join(theme, 'static', 'js'), { recursive: true })) {
    if (!f.endsWith('.js')) continue;
    const js = fs.readFileSync(path.join(theme, 'static', 'js', f), 'utf8');
    for (const m of js.matchAll(/createElement(?:NS)?\((?:[^,)]*,\s*)?['"]([a-zA-Z0-9-]+)['"]/g)) tags.add(m[1].toLowerCase());
  }
  return { tags: [...tags], scripts };
}

/**
 * Everything in the live DOM that could run script: event handlers, script URLs, scripts that
 * are not the theme's (files under static/js/ or the search index, or inline scripts written
 * verbatim in its templates), and any kind of element neither the theme nor Markdown writes.
 */
function liveDanger({ tags, scripts }) {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
      if (/^\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)) {
        found.push(`<${el.localName} ${a.name}="${a.value}">`);
      }
    }
    if (el.localName === 'script') {
      const src = el.getAttribute('src');
      const ok = src === null ? scripts.includes(el.textContent.trim()) : /\/static\/js\/|search-index\//.test(src);
      if (!ok) found.push(`<script src="${src ?? ''}"> ${el.textContent.slice(0, 60)}`);
    } else if (!tags.includes(el.localName)) {
      found.push(`<${el.localName}> is neither the theme's nor Markdown's`);
    }
  }
  return found;
}

/** Every page of a built site, as paths relative to its root (`en/tips/x/`, `404.html`). */
function pagesOf(dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name === 'index.html') out.push(rel ? `${rel}/` : '');
    }
  };
  walk('');
  return out.sort();
}

const theme = themeMarkup();

describe('hostile markup stays text in the browser', () => {
  let site;
  let portable;
  let browser;
  before(async () => {
    site = await servedFixture('hostile-markup');
    portable = await buildSite({
      name: 'fixture-hostile-markup-portable',
      args: ['--root', path.join(REPO_ROOT, 'tests', 'fixtures', 'hostile-markup'), '--portable'],
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Visits `urls` in one tab (with `act` run on each) and returns what went wrong. */
  async function visit(urls, act = async () => {}) {
    const page = await browser.newPage();
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
      await d.dismiss();
    });
    const errors = collectErrors(page, { ignore: EXPECTED_ERRORS });
    const danger = [];
    for (const url of urls) {
      await page.goto(url);
      await act(page);
      for (const d of await page.evaluate(liveDanger, theme)) danger.push(`${url}: ${d}`);
    }
    await page.close();
    return { dialogs, errors, danger };
  }

  it('every page, served under /handbook/', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const pages = pagesOf(site.dir);
    assert.ok(pages.length >= 14, pages.join(' '));
    const got = await visit([...pages.map((p) => site.url + p), `${site.url}en/no-such-page/`], async (page) => {
      // Hover and focus everything a payload could hang a handler on.
      await page.hover('h1');
      await page.keyboard.press('Tab');
    });
    assert.deepEqual(got.dialogs, []);
    assert.deepEqual(got.errors, []);
    assert.deepEqual(got.danger, []);
  });

  it('search results and the tag filter show hostile titles as text', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const queries = ['alert', 'script', 'onerror', 'story', 'evil'];
    const urls = queries.flatMap((q) => [`${site.url}en/search/?q=${q}`, `${site.url}hi/search/?q=${q}`]);
    let shown = 0;
    const got = await visit(urls, async (page) => {
      await page.waitForSelector('[data-search-results] a');
      shown += await page.locator('[data-search-results] a').count();
    });
    assert.ok(shown >= 10, `${shown} results shown`);
    assert.deepEqual(got.dialogs, []);
    assert.deepEqual(got.errors, []);
    assert.deepEqual(got.danger, []);

    const filtered = await visit([`${site.url}en/tips/`], (page) => page.click('.tag-filter a[data-tag="evil"]'));
    assert.deepEqual(filtered.dialogs, []);
    assert.deepEqual(filtered.errors, []);
    assert.deepEqual(filtered.danger, []);
  });

  it('every page of the portable build, from file://, search included', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const file = (p) => pathToFileURL(path.join(portable, p)).href;
    const urls = pagesOf(portable).map((p) => file(`${p}index.html`));
    const got = await visit([...urls, `${file('en/search/index.html')}?q=alert`]);
    assert.deepEqual(got.dialogs, []);
    assert.deepEqual(got.errors, []);
    assert.deepEqual(got.danger, []);
  });
});
