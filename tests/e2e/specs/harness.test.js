// Self-test of the browser test harness (lib/server.js, lib/browser.js) on a
// tiny static fixture, served under /handbook/ like a GitHub Pages project site.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import { serve, contentType } from '../lib/server.js';
import { launch, collectErrors, axe, formatViolations } from '../lib/browser.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/static-smoke/', import.meta.url));
const PACKAGE_JSON = fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8');

/** A raw request whose path is sent exactly as given (no URL normalisation). */
function rawGet(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  let server;
  before(async () => {
    server = await serve(FIXTURE, { subpath: '/handbook/' });
  });
  after(() => server?.close());

  it('returns a URL with the subpath on 127.0.0.1', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/handbook\/$/);
  });

  it('serves directory index pages as UTF-8 HTML', async () => {
    const res = await rawGet(server.port, '/handbook/');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /यह पृष्ठ परीक्षण के लिए है।/);
    const about = await rawGet(server.port, '/handbook/about/');
    assert.equal(about.status, 200);
    assert.match(about.body, /<h1>About this fixture<\/h1>/);
    const file = await rawGet(server.port, '/handbook/about/index.html?x=1');
    assert.equal(file.status, 200);
  });

  it('redirects directories without a trailing slash', async () => {
    const about = await rawGet(server.port, '/handbook/about?q=1');
    assert.equal(about.status, 301);
    assert.equal(about.headers.location, '/handbook/about/?q=1');
    const root = await rawGet(server.port, '/handbook');
    assert.equal(root.status, 301);
    assert.equal(root.headers.location, '/handbook/');
  });

  it('answers missing paths with 404.html and status 404', async () => {
    for (const p of ['/handbook/missing/', '/handbook/missing.css', '/', '/other/index.html']) {
      const res = await rawGet(server.port, p);
      assert.equal(res.status, 404, p);
      assert.match(res.body, /<h1>Page not found<\/h1>/, p);
    }
  });

  it('never serves files outside the root', async () => {
    // tests/e2e/package.json is two levels above the fixture root.
    const attempts = [];
    for (const up of ['..', '%2e%2e', '%2E%2E', '.%2e', '..%2f..', '%2e%2e%2f%2e%2e']) {
      for (let depth = 1; depth <= 4; depth++) {
        attempts.push(`/handbook/${Array(depth).fill(up).join('/')}/package.json`);
      }
    }
    attempts.push('/handbook/..%5c..%5cpackage.json', '/handbook/%2e%2e%00/package.json', '/../package.json');
    attempts.push('/handbook/../static-smoke/index.html');
    for (const p of attempts) {
      const res = await rawGet(server.port, p);
      assert.notEqual(res.status, 200, p);
      assert.ok([400, 404].includes(res.status), `${p}: status ${res.status}`);
      assert.ok(!res.body.includes('"name": "handbook-e2e"'), `${p} leaked package.json`);
      assert.notEqual(res.body, PACKAGE_JSON, p);
    }
  });

  it('handles HEAD, other methods and bad encodings', async () => {
    const head = await rawGet(server.port, '/handbook/', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.ok(Number(head.headers['content-length']) > 0);
    const post = await rawGet(server.port, '/handbook/', 'POST');
    assert.equal(post.status, 405);
    const bad = await rawGet(server.port, '/handbook/%E0%A4');
    assert.equal(bad.status, 400);
  });

  it('sends the right content types', () => {
    assert.equal(contentType('a/b.woff2'), 'font/woff2');
    assert.equal(contentType('style.css'), 'text/css; charset=utf-8');
    assert.equal(contentType('app.js'), 'text/javascript; charset=utf-8');
    assert.equal(contentType('index.json'), 'application/json; charset=utf-8');
    assert.equal(contentType('sitemap.xml'), 'application/xml; charset=utf-8');
    assert.equal(contentType('feed.atom'), 'application/atom+xml; charset=utf-8');
    assert.equal(contentType('icon.svg'), 'image/svg+xml; charset=utf-8');
    assert.equal(contentType('sheet.pdf'), 'application/pdf');
    assert.equal(contentType('.nojekyll'), 'text/plain; charset=utf-8');
  });
});

describe('browser', () => {
  let server;
  let browser;
  before(async () => {
    server = await serve(FIXTURE, { subpath: '/handbook/' });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the site, follows a link, and has no errors', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const res = await page.goto(server.url);
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Harness smoke test');
    assert.equal(await page.getAttribute('p[lang=hi]', 'lang'), 'hi');

    await Promise.all([page.waitForURL(`${server.url}about/`), page.click('#about-link')]);
    assert.equal(await page.textContent('h1'), 'About this fixture');
    // The relative stylesheet of the second page loaded.
    const color = await page.evaluate(() => getComputedStyle(document.querySelector('main a, nav a')).color);
    assert.equal(color, 'rgb(11, 79, 168)');
    await Promise.all([page.waitForURL(server.url), page.getByRole('link', { name: 'Home' }).click()]);
    assert.equal(await page.textContent('h1'), 'Harness smoke test');

    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows 404.html with status 404', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const res = await page.goto(`${server.url}no/such/page/`);
    assert.equal(res.status(), 404);
    assert.equal(await page.textContent('h1'), 'Page not found');
    // The 404 of the document itself is the only error: the page's own
    // stylesheet (an absolute /handbook/ path) loads.
    assert.ok(errors.some((e) => e.type === 'http' && e.url === `${server.url}no/such/page/`), JSON.stringify(errors));
    for (const e of errors) {
      assert.ok(
        (e.type === 'http' && e.url === `${server.url}no/such/page/`) ||
          (e.type === 'console' && /status of 404/.test(e.text)),
        `unexpected error: ${JSON.stringify(e)}`,
      );
    }
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('a')).color), 'rgb(11, 79, 168)');
    await page.close();
  });

  it('does not serve path traversal to the browser', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    for (const p of ['/handbook/../package.json', '/handbook/%2e%2e/package.json', '/handbook/%2e%2e/%2e%2e/package.json']) {
      const res = await page.goto(server.origin + p);
      assert.equal(res.status(), 404, p);
      assert.ok(!(await page.content()).includes('handbook-e2e'), p);
    }
    await page.close();
  });

  it('index page has no axe violations', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const page = await browser.newPage();
    await page.goto(server.url);
    const violations = await axe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    // axe stays usable after a navigation (it is injected again).
    await page.goto(`${server.url}about/`);
    const again = await axe(page);
    assert.equal(again.length, 0, formatViolations(again));
    await page.close();
  });
});
