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
 * The harmless HTML a page may write (`<details>`, `<kbd>`…): the allow-list `ALLOWED` of
 * src/content/raw_html.rs, read from the source so the two cannot drift apart.
 */
function pageHtmlTags() {
  const src = fs.readFileSync(path.join(REPO_ROOT, 'src', 'content', 'raw_html.rs'), 'utf8');
  const list = src.slice(src.indexOf('pub const ALLOWED'), src.indexOf('];', src.indexOf('pub const ALLOWED')));
  const tags = [...list.matchAll(/\("([a-z0-9]+)", &\[/g)].map((m) => m[1]);
  assert.ok(tags.includes('details') && tags.includes('kbd'), `allow-list not found: ${tags}`);
  return tags;
}

/**
 * What the theme itself writes: element names in its templates and those its scripts create
 * (`createElement('mark')`), and its inline scripts.
 */
function themeMarkup() {
  const theme = path.join(REPO_ROOT, 'themes', 'default');
  const tags = new Set([...MARKDOWN_TAGS, ...pageHtmlTags()]);
  const scripts = [];
  // Partials (templates/partials/) included.
  for (const f of fs.readdirSync(path.join(theme, 'templates'), { recursive: true })) {
    const file = path.join(theme, 'templates', f);
    if (!fs.statSync(file).isFile()) continue;
    const html = fs.readFileSync(file, 'utf8');
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

  // Issue 15: every page and every published SVG, with a dialog listener, the mouse moved
  // over every element, every element focused and hovered, and every link clicked.
  it('hovering, focusing and clicking everything opens no dialog, under the CSP', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
      await d.dismiss();
    });
    // An SVG opened on its own makes the browser ask for /favicon.ico, which is outside /handbook/.
    const errors = collectErrors(page, { ignore: [...EXPECTED_ERRORS, /^tel:/, /ERR_UNKNOWN_URL_SCHEME/, /ERR_ABORTED/, /\/favicon\.ico$/] });
    const pages = [...pagesOf(site.dir).map((p) => site.url + p), `${site.url}en/no-such-page/`];
    const svgs = [];
    const walk = (rel) => {
      for (const e of fs.readdirSync(path.join(site.dir, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(r);
        else if (e.name.endsWith('.svg') && !r.startsWith('static/')) svgs.push(site.url + r);
      }
    };
    walk('');
    assert.ok(svgs.length >= 2, svgs.join(' '));
    const links = new Map(); // href -> a page it is on
    let hovered = 0;
    for (const url of [...pages, ...svgs]) {
      // Served as GitHub Pages serves it (no headers of ours): the page's own policy counts.
      await page.goto(url);
      if (!url.endsWith('.svg')) {
        const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.match(meta ?? '', /script-src 'self';.*object-src 'none';.*base-uri 'none'/, `${url} has no policy of its own`);
      }
      // Every element: the mouse over its middle, then focused and hovered by script.
      const boxes = await page.evaluate(() => [...document.querySelectorAll('body *, svg *')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => [r.x + r.width / 2, r.y + r.height / 2]));
      // Elements that share a spot are hovered together; each spot once.
      const spots = new Set(boxes.map(([x, y]) => `${Math.round(x / 8) * 8},${Math.round(y / 8) * 8}`));
      for (const spot of spots) {
        const [x, y] = spot.split(',').map(Number);
        await page.mouse.move(x, y);
      }
      hovered += await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        for (const el of all) {
          if (typeof el.focus === 'function') el.focus();
          for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focusin']) {
            el.dispatchEvent(new Event(type, { bubbles: true }));
          }
        }
        return all.length;
      });
      for (const href of await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href'), document.baseURI).href))) {
        if (!links.has(href)) links.set(href, url);
      }
      // The policy at work: a script put into the page by other means does not run.
      if (url.endsWith('.svg')) continue;
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.documentElement.append(s);
        return window.__injected === true;
      });
      assert.equal(ran, false, `${url}: an inline script ran`);
    }
    assert.ok(hovered > 500, `${hovered} elements`);
    let clicked = 0;
    const started = Date.now();
    for (const [href, from] of links) {
      if (!href.startsWith(site.url) && !href.startsWith('tel:') && !href.startsWith('mailto:')) continue;
      await page.goto(from);
      const handle = await page.evaluateHandle(
        (h) => [...document.querySelectorAll('a[href]')].find((a) => new URL(a.getAttribute('href'), document.baseURI).href === h),
        href,
      );
      const el = handle.asElement();
      if (!el || !(await el.isVisible())) continue;
      const leaving = page.waitForURL((u) => u.href !== from, { timeout: 1000 }).catch(() => {});
      await el.click({ noWaitAfter: true, force: true, timeout: 2000 }).catch(() => {});
      await leaving;
      await page.waitForLoadState('load').catch(() => {});
      clicked += 1;
    }
    assert.ok(clicked >= 20, `${clicked} links clicked`);
    await page.close();
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e.text) || !/__injected|inline script/i.test(e.text)), []);
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
