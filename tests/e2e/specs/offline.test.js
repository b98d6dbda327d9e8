// Installable and readable offline (issue 19), in Chromium, with the handbook built for and
// served under the subpath /handbook/ (as on GitHub Pages):
// - install criteria: manifest, service worker and icons, with no installability error;
// - "Save for offline" on the Hindi home page says how big it is, saves the whole language,
//   and then, with the network gone, ten Hindi pages open, a Hindi search finds results and a
//   worksheet opens with its script;
// - a new build deployed over the old one: the open page is told a newer version is ready,
//   the cache is replaced (only the new version's is left), and the new text shows, online
//   and offline.
// The builds are of a copy of the handbook (content, i18n, theme, handbook.yaml), so the
// second one can differ by one sentence.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { launch, collectErrors } from '../lib/browser.js';
import { buildSite, REPO_ROOT } from '../lib/site.js';
import { serve } from '../lib/server.js';
import { PAGES_BASE, SUBPATH } from '../lib/pages.js';

const NEW_SENTENCE = 'यह वाक्य नए वर्ज़न में जोड़ा गया है।';

/** A copy of the handbook's sources; `change` edits it before the build. */
function copyOfHandbook(change) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-offline-'));
  for (const p of ['content', 'i18n', 'themes', 'handbook.yaml']) {
    fs.cpSync(path.join(REPO_ROOT, p), path.join(dir, p), { recursive: true });
  }
  change?.(dir);
  return dir;
}

const env = { SOURCE_DATE_EPOCH: '1760000000' };
const rootA = copyOfHandbook();
const rootB = copyOfHandbook((dir) => {
  const home = path.join(dir, 'content/hi/_index.md');
  fs.appendFileSync(home, `\n${NEW_SENTENCE}\n`);
});
const [siteA, siteB] = await Promise.all([
  buildSite({ name: 'offline-a', args: ['--root', rootA, '--base-url', PAGES_BASE], env }),
  buildSite({ name: 'offline-b', args: ['--root', rootB, '--base-url', PAGES_BASE], env }),
]);

/** A folder served under /handbook/ whose contents a test can replace (a deploy). */
async function deployed(from) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-served-'));
  fs.cpSync(from, dir, { recursive: true });
  const server = await serve(dir, { subpath: SUBPATH });
  return {
    ...server,
    dir,
    deploy(next) {
      for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      fs.cpSync(next, dir, { recursive: true });
    },
  };
}

const version = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'offline/version.json'), 'utf8')).version;

/** Opens `url` and waits until the service worker controls the page. */
async function controlled(page, url) {
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 });
  }
}

/** Clicks "Save for offline" and waits until it says it is done; returns what it said before and after. */
async function saveForOffline(page) {
  const box = page.locator('[data-offline-save]');
  await box.waitFor({ state: 'visible' });
  const status = page.locator('[data-offline-status]');
  await page.waitForFunction(() => document.querySelector('[data-offline-status]').textContent !== '');
  const before = await status.textContent();
  await page.click('[data-offline-button]');
  await page.waitForFunction(() => /सेव हो गया/.test(document.querySelector('[data-offline-status]').textContent), null, {
    timeout: 60000,
  });
  return { before, after: await status.textContent() };
}

describe('installable and offline, under a subpath', () => {
  let browser;
  const servers = [];
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const d of [rootA, rootB, ...servers.map((s) => s.dir)]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('meets the install criteria in both languages: manifest, service worker, icons', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const site = await deployed(siteA);
    servers.push(site);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    for (const lang of ['en', 'hi']) {
      await controlled(page, `${site.url}${lang}/`);
      const worker = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
      assert.equal(worker, `${site.origin}/handbook/sw.js?v=${version(siteA)}`);
      const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
      assert.equal(scope, `${site.url}`);
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      assert.equal(manifest.url, `${site.url}${lang}/manifest.webmanifest`);
      assert.deepEqual(manifest.errors, []);
      const m = JSON.parse(manifest.data);
      assert.equal(m.start_url, `/handbook/${lang}/`);
      assert.equal(m.scope, `/handbook/${lang}/`);
      for (const icon of m.icons) {
        const res = await page.request.get(new URL(icon.src, site.url).href);
        assert.equal(res.status(), 200, icon.src);
        assert.equal(res.headers()['content-type'], 'image/png');
      }
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      // A test browser's context is off the record; that is the browser's state, not the site's.
      const real = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
      assert.deepEqual(real, [], JSON.stringify(installabilityErrors));
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('saves the Hindi handbook, then reads ten pages, searches in Hindi and opens a worksheet offline', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    const site = await deployed(siteA);
    servers.push(site);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await controlled(page, `${site.url}hi/`);
    const list = JSON.parse(fs.readFileSync(path.join(siteA, 'offline/hi.json'), 'utf8'));
    const said = await saveForOffline(page);
    assert.match(said.before, /फ़ोन में लगभग [\d.,]+ (MB|KB) जगह लेगी/);
    assert.match(said.after, /सेव हो गया: [\d.,]+ (MB|KB)/);
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `handbook-${list.version}`);
    assert.ok(cached >= list.files.length, `${cached} of ${list.files.length} files in the cache`);

    await context.setOffline(true);
    const online = await page.evaluate(() => fetch('/handbook/offline/version.json', { cache: 'no-store' }).then(() => true, () => false));
    assert.equal(online, false, 'the network is gone');

    const pick = (dir) => {
      const names = fs.readdirSync(path.join(siteA, 'hi', dir)).filter((n) => n !== 'print' && fs.statSync(path.join(siteA, 'hi', dir, n)).isDirectory()).sort();
      return `hi/${dir}/${names[1]}/`;
    };
    const ten = ['hi/', 'hi/stories/', 'hi/guidance/', 'hi/tips/', 'hi/worksheets/', pick('stories'), pick('guidance'), pick('tips'), 'hi/help/', 'hi/tags/'];
    for (const p of ten) {
      const res = await page.goto(site.url + p);
      assert.equal(res.status(), 200, p);
      assert.ok((await page.locator('h1').count()) === 1, `${p} has its heading`);
      const look = await page.evaluate(async () => {
        await document.fonts.ready;
        return {
          header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
          fonts: [...document.fonts].filter((f) => f.status === 'loaded').length,
        };
      });
      assert.equal(look.header, 'rgb(29, 92, 99)', `${p}: styled from the cache`);
      assert.ok(look.fonts >= 1, `${p}: the Devanagari font from the cache`);
    }

    await page.goto(`${site.url}hi/search/?q=${encodeURIComponent('इंटरव्यू')}`);
    await page.waitForSelector('[data-search-results] a', { timeout: 20000 });
    assert.ok((await page.locator('[data-search-results] a').count()) > 0, 'Hindi search results offline');

    await page.goto(site.url + pick('worksheets'));
    assert.equal(await page.locator('.worksheet h1').count(), 1);
    await page.waitForSelector('[data-fill-panel]:not([hidden])', { timeout: 10000 });

    // A page that was never saved: the 404 page, from the cache, in the address's language.
    const missing = await page.goto(`${site.url}hi/no-such-page/`);
    assert.equal(missing.status(), 200);
    assert.equal(await page.locator('.not-found-message').first().getAttribute('lang'), 'hi');
    await context.close();
  });

  it('a new build replaces the cache and the open page is told a newer version is ready', async (t) => {
    if (!browser) return t.skip('chromium not installed');
    assert.notEqual(version(siteA), version(siteB));
    const site = await deployed(siteA);
    servers.push(site);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await controlled(page, `${site.url}hi/`);
    await saveForOffline(page);
    assert.equal(await page.locator(`text=${NEW_SENTENCE}`).count(), 0);

    site.deploy(siteB);
    await page.reload();
    await page.waitForSelector('[data-update-notice]:not([hidden])', { timeout: 60000 });
    assert.match(await page.textContent('[data-update-notice]'), /नया वर्ज़न तैयार है/);
    const names = await page.evaluate(() => caches.keys());
    assert.deepEqual(names, [`handbook-${version(siteB)}`], 'only the new version is cached');
    await Promise.all([page.waitForEvent('load'), page.click('[data-update-reload]')]);
    assert.equal(await page.locator(`text=${NEW_SENTENCE}`).count(), 1, 'the new text');
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL.split('v=')[1]), version(siteB));

    // The new version saved the language again: offline, the new text is there.
    await context.setOffline(true);
    await page.goto(`${site.url}hi/`);
    assert.equal(await page.locator(`text=${NEW_SENTENCE}`).count(), 1, 'the new text offline');
    await page.goto(`${site.url}hi/tips/`);
    assert.equal(await page.locator('h1').count(), 1);
    await context.close();
  });
});
