// Issue 20: worksheets for the workshop room and for the phone.
// - Filling in on a phone-sized page: type, reload, the answers are back; printing shows
//   them; "Erase my answers" clears them; without JavaScript there are no form fields.
// - Fill-in tables: on A4, no column for names or free text is narrower than 25 mm, over
//   every real worksheet in both languages.
// - Every printed page carries the page's address and the licence line in every kind of
//   build: default (print_url), subpath (base_url) and portable (print_url, from disk).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { launch, collectErrors } from '../lib/browser.js';
import { servedHandbook, LANGS } from '../lib/pages.js';
import { buildSite, REPO_ROOT } from '../lib/site.js';
import { serve } from '../lib/server.js';

const PHONE = { width: 390, height: 844 };
const LICENCE = {
  en: 'Text: CC BY 4.0, free to copy, share and adapt with credit.',
  hi: 'टेक्स्ट: CC BY 4.0, क्रेडिट देकर कॉपी करने, बाँटने और बदलने की छूट।',
};
const squash = (s) => s.replace(/\s+/g, '');

function popplerMissing() {
  const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (!r.error) return null;
  const hint = 'poppler-utils is not installed (apt-get install poppler-utils)';
  if (process.env.CI === 'true') throw new Error(hint);
  return hint;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error ?? r.stderr}`);
  return r.stdout;
}
const pageCount = (file) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))[1]);
const pageText = (file, n) => run('pdftotext', ['-f', String(n), '-l', String(n), file, '-']);

describe('worksheets on the phone and in the workshop room', () => {
  let site;
  let browser;
  let skip = null;
  let tmp;
  before(async () => {
    skip = popplerMissing();
    site = await servedHandbook();
    browser = await launch();
    if (!browser) skip ??= 'chromium not installed';
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-sheets-'));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a worksheet is filled in on a phone, kept on the device, printed with the answers and erased', async (t) => {
    if (skip) return t.skip(skip);
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors = collectErrors(page, { ignore: ['net::ERR_ABORTED'] });
    const url = `${site.url}hi/worksheets/weekly-goals-tracker/`;
    await page.goto(url);
    const panel = page.locator('[data-fill-panel]');
    assert.equal(await panel.isVisible(), true, 'the fill-in panel with the privacy line is shown');
    // Every field has a label: its prompt.
    const unlabelled = await page.$$eval('.prose textarea, .prose input', (fs) =>
      fs.filter((f) => !(f.getAttribute('aria-label') || '').trim()).length,
    );
    assert.equal(unlabelled, 0);
    const areas = page.locator('.prose textarea');
    const cells = page.locator('.ws-table input.ws-cell');
    const ticks = page.locator('.prose input[type="checkbox"]');
    assert.ok((await areas.count()) >= 5 && (await cells.count()) >= 20 && (await ticks.count()) >= 7);
    // The first box of the application tracker sits in a card labelled with its column.
    assert.equal(await areas.first().getAttribute('aria-label'), 'हफ़्ता शुरू होने की तारीख़:');
    await areas.nth(1).fill('इस हफ़्ते पाँच आवेदन भेजूँगा');
    await cells.nth(5).fill('Zeta Textiles');
    await ticks.nth(2).check();
    await page.reload();
    assert.equal(await areas.nth(1).inputValue(), 'इस हफ़्ते पाँच आवेदन भेजूँगा');
    assert.equal(await cells.nth(5).inputValue(), 'Zeta Textiles');
    assert.equal(await ticks.nth(2).isChecked(), true);
    // Printing (or saving as PDF) shows the answers.
    const pdf = path.join(tmp, 'filled.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = squash(run('pdftotext', [pdf, '-']));
    assert.ok(text.includes('ZetaTextiles'), 'typed cell not printed');
    assert.ok(text.includes(squash('पाँच आवेदन')), 'typed answer not printed');
    // Nothing left the device: no request carried the answer.
    // Erase.
    await page.click('[data-fill-erase]');
    assert.equal(await areas.nth(1).inputValue(), '');
    assert.equal(await cells.nth(5).inputValue(), '');
    assert.equal(await ticks.nth(2).isChecked(), false);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('handbook-answers:')).length), 0);
    await page.reload();
    assert.equal(await areas.nth(1).inputValue(), '');
    assert.deepEqual(errors, []);
    await context.close();

    // Without JavaScript: the printable sheet, no form fields.
    const noJs = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(url);
    assert.equal(await plain.locator('main textarea, main input, main select').count(), 0);
    assert.equal(await plain.locator('[data-fill-panel]').isVisible(), false);
    assert.ok((await plain.locator('.ws-line').count()) > 10);
    const blank = path.join(tmp, 'blank.pdf');
    await plain.pdf({ path: blank, format: 'A4' });
    assert.ok(pageCount(blank) <= 2);
    assert.ok(!squash(run('pdftotext', [blank, '-'])).includes('ZetaTextiles'));
    await noJs.close();
  });

  it('no fill-in table column for names or free text is narrower than 25 mm on A4', async (t) => {
    if (skip) return t.skip(skip);
    // The A4 text block is 180 mm wide; CSS has 96 px to 25.4 mm.
    const page = await browser.newPage({ viewport: { width: Math.round((180 / 25.4) * 96), height: 1000 } });
    await page.emulateMedia({ media: 'print' });
    let tables = 0;
    for (const lang of LANGS) {
      await page.goto(`${site.url}${lang}/worksheets/`);
      const hrefs = await page.$$eval('.entry-list > li h2 a', (as) => as.map((a) => a.href));
      assert.ok(hrefs.length >= 5);
      for (const href of hrefs) {
        await page.goto(href);
        const cols = await page.$$eval('.ws-table', (ts) =>
          ts.flatMap((t) => {
            const cols = [...t.querySelectorAll('col')];
            const heads = [...t.querySelectorAll('thead th')];
            return heads.map((th, i) => ({
              kind: cols[i]?.className.replace('ws-col-', ''),
              head: th.textContent.trim(),
              mm: (th.getBoundingClientRect().width * 25.4) / 96,
            }));
          }),
        );
        tables += cols.length ? 1 : 0;
        for (const c of cols) {
          if (c.kind === 'text' || c.kind === 'wide') {
            assert.ok(c.mm >= 25, `${href}: column "${c.head}" is ${c.mm.toFixed(1)} mm`);
          }
        }
      }
    }
    assert.ok(tables >= 10, `${tables} worksheets with tables`);
    await page.close();
  });

  it('every printed page carries the address and the licence in default, subpath and portable builds', async (t) => {
    if (skip) return t.skip(skip);
    const fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-kinds-'));
    fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'print'), fixture, { recursive: true });
    const yaml = path.join(fixture, 'handbook.yaml');
    const PUBLIC = 'https://example.org/handbook/';
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(/^base_url:.*$/m, `base_url: /\nprint_url: ${PUBLIC}`));
    // Served at the root, served under /handbook/, opened from disk.
    const kinds = [
      ['default', [], '/'],
      ['subpath', ['--base-url', 'https://example.org/handbook/'], '/handbook/'],
      ['portable', ['--portable'], null],
    ];
    const page = await browser.newPage();
    try {
      for (const [kind, args, subpath] of kinds) {
        const dir = await buildSite({ name: `kinds-${kind}`, args: ['--root', fixture, ...args] });
        const server = subpath ? await serve(dir, { subpath }) : null;
        for (const lang of LANGS) {
          for (const sheet of ['first-sheet', 'second-sheet', 'first-sheet/bilingual']) {
            const at = server
              ? `${server.url}${lang}/worksheets/${sheet}/`
              : pathToFileURL(path.join(dir, lang, 'worksheets', sheet, 'index.html')).href;
            await page.goto(at);
            await page.evaluate(() => document.fonts.ready);
            const file = path.join(tmp, `${kind}-${lang}-${sheet.replace('/', '-')}.pdf`);
            await page.pdf({ path: file, format: 'A4' });
            for (let n = 1; n <= pageCount(file); n++) {
              const text = squash(pageText(file, n));
              assert.ok(text.includes(`${PUBLIC}${lang}/worksheets/${sheet}/`), `${kind} ${lang}/${sheet} page ${n}: no address`);
              assert.ok(text.includes(squash(LICENCE[lang])), `${kind} ${lang}/${sheet} page ${n}: no licence`);
            }
          }
        }
        await server?.close();
      }
    } finally {
      await page.close();
      fs.rmSync(fixture, { recursive: true, force: true });
    }
  });

  it('a bilingual sheet has every prompt in both languages, and packs exist per tag and for the workshop', async (t) => {
    if (skip) return t.skip(skip);
    const page = await browser.newPage();
    const errors = collectErrors(page, { ignore: ['net::ERR_ABORTED'] });
    await page.goto(`${site.url}en/worksheets/after-rejection-reflection/`);
    await page.click('a.bilingual-link');
    await page.waitForLoadState();
    assert.match(page.url(), /\/en\/worksheets\/after-rejection-reflection\/bilingual\/$/);
    const alts = await page.$$eval('.prose .ws-alt[lang="hi"]', (els) => els.map((e) => e.textContent.trim()));
    assert.ok(alts.includes('क्या हुआ'), alts.join(' | '));
    assert.ok(alts.length >= 15, `${alts.length} prompts in Hindi`);
    assert.equal(await page.locator('.ws-lines').count(), await page.locator('.ws-lines').count());
    // The tag page links its pack; the guide links the workshop pack.
    await page.goto(`${site.url}hi/tags/money/`);
    await page.click('.print-pack-cta a');
    await page.waitForLoadState();
    assert.match(page.url(), /\/hi\/tags\/money\/print\/$/);
    assert.ok((await page.locator('.pack-sheet').count()) >= 1);
    await page.goto(`${site.url}en/workshop-guide/`);
    await page.click('.print-pack-cta a');
    await page.waitForLoadState();
    assert.match(page.url(), /\/en\/worksheets\/print\/workshop\/$/);
    const titles = await page.$$eval('.pack-sheet .sheet-title', (els) => els.map((e) => e.textContent.trim()));
    assert.deepEqual(titles.slice(0, 2), ['After a rejection: a reflection worksheet', 'Interview post-mortem, round by round']);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
