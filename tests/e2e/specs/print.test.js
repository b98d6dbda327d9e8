// Issue 4: the worksheets on paper. Every worksheet of the real handbook and each language's
// print pack are printed to PDF in headless Chromium (page.pdf, the browser's own print path)
// on A4 and on US Letter, then read back with poppler (pdfinfo, pdftotext, pdffonts):
// - each worksheet fits on at most 2 pages;
// - no navigation, search or other chrome is printed, and the running header and footer are;
// - the Hindi PDFs embed the bundled Noto Sans Devanagari, never a Type 3 font;
// - the pack is the cover with the contents plus every worksheet, each starting on a fresh
//   page, so its page count is the sum of its parts plus the cover.
// - the worksheets that ask how the reader feels (tagged `feelings`) print the help box on
//   their first page, Tele-MANAS's number included, alone and in the pack (issue 17).
// Also: the Print button is revealed by its script and opens the print dialog, and
// `handbook build --pdf` end to end on tests/fixtures/print (PDFs written, A4, linked).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { serve } from '../lib/server.js';
import { decodeQr } from '../lib/qr.js';
import { launch, collectErrors } from '../lib/browser.js';
import { buildSite, REPO_ROOT } from '../lib/site.js';

const ORIGIN = 'https://example.org/handbook/';
const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'print');
const FORMATS = ['A4', 'Letter'];
const MAX_PAGES = 2;
/** The worksheets that ask how the reader feels, and the number their help box prints. */
const FEELINGS_SHEETS = ['after-rejection-reflection', 'weekly-goals-tracker', 'interview-post-mortem', 'money-runway'];
const HELPLINE = '14416';
/** The licence line every printed page carries (Fluent `print-licence`). */
const LICENCE = {
  en: 'Text: CC BY 4.0, free to copy, share and adapt with credit.',
  hi: 'टेक्स्ट: CC BY 4.0, क्रेडिट देकर कॉपी करने, बाँटने और बदलने की छूट।',
};

/** poppler-utils, or a reason to skip (a failure under CI=true). */
function popplerMissing() {
  const r = spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' });
  if (!r.error) return null;
  const hint = 'poppler-utils is not installed (apt-get install poppler-utils): pdfinfo, pdftotext and pdffonts are needed';
  if (process.env.CI === 'true') throw new Error(hint);
  return hint;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error ?? r.stderr}`);
  return r.stdout;
}

const pageCount = (file) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))[1]);
const pageText = (file, n) => run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-']);
const allText = (file) => run('pdftotext', [file, '-']);
/**
 * Text compared without any whitespace: pdftotext puts spurious spaces after Devanagari
 * below-base vowel signs (कृपया → "कृ पया"), and line breaks fall anywhere.
 */
const squash = (s) => s.replace(/\s+/g, '');

describe('worksheets on paper', () => {
  let server;
  let browser;
  let skip = null;
  let tmp;
  before(async () => {
    skip = popplerMissing();
    const dir = await buildSite({ name: 'print', args: ['--base-url', ORIGIN] });
    server = await serve(dir, { subpath: '/handbook/' });
    browser = await launch();
    if (!browser) skip ??= 'chromium not installed';
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-print-'));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The worksheets of a language, in list order: { slug, title, url }. */
  async function worksheets(page, lang) {
    await page.goto(`${server.url}${lang}/worksheets/`);
    const sheets = await page.$$eval('.entry-list > li h2 a', (as) =>
      as.map((a) => ({ title: a.textContent.trim(), href: a.getAttribute('href') })),
    );
    return sheets.map((s) => ({
      title: s.title,
      slug: s.href.split('/').filter(Boolean).pop(),
      url: new URL(s.href, server.url).href,
    }));
  }

  /** The texts of the page's chrome that must never reach paper. */
  async function chromeTexts(page) {
    return page.evaluate(() => {
      const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim()).filter(Boolean);
      return [
        ...texts('.skip-link'),
        ...texts('.site-search label'), // the button's one word ("Search") is also content
        document.querySelector('.site-search input')?.getAttribute('placeholder'),
        ...texts('.lang-switch a'),
        texts('.site-nav a').join(' '),
        ...texts('.site-footer p'),
        ...texts('.breadcrumbs'),
        ...texts('.print-actions a, .print-actions button'),
        ...texts('.print-hint'),
      ].filter(Boolean);
    });
  }

  // Each page is printed once per paper size; the pack test reuses the worksheets' PDFs.
  const printed = new Map();
  async function printTo(page, url, format, name) {
    const key = `${url} ${format}`;
    if (printed.has(key)) return printed.get(key);
    if (page.url() !== url) await page.goto(url);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(tmp, `${name}-${format}.pdf`);
    await page.pdf({ path: file, format });
    printed.set(key, file);
    return file;
  }

  for (const lang of ['en', 'hi']) {
    it(`${lang}: every worksheet fits on ${MAX_PAGES} pages of A4 and Letter, without the site's chrome`, async (t) => {
      if (skip) return t.skip(skip);
      const page = await browser.newPage();
      // Navigating on while the favicon still loads aborts it; that is not a fault.
      const errors = collectErrors(page, { ignore: ['net::ERR_ABORTED'] });
      const sheets = await worksheets(page, lang);
      assert.ok(sheets.length >= 5, `expected the handbook's worksheets, found ${sheets.length}`);
      const boxed = [];
      for (const sheet of sheets) {
        await page.goto(sheet.url);
        const helpBox = (await page.locator('.help-box').count()) > 0;
        if (helpBox) boxed.push(sheet.slug);
        const forbidden = await chromeTexts(page);
        assert.ok(forbidden.length >= 8, `chrome texts of ${sheet.slug}: ${forbidden}`);
        for (const format of FORMATS) {
          const file = await printTo(page, sheet.url, format, `${lang}-${sheet.slug}`);
          const pages = pageCount(file);
          assert.ok(pages <= MAX_PAGES, `${lang}/${sheet.slug} takes ${pages} pages on ${format}`);
          const text = squash(allText(file));
          for (const f of forbidden) {
            assert.ok(!text.includes(squash(f)), `${lang}/${sheet.slug} (${format}) prints the chrome text "${f}"`);
          }
          // The running header and footer: site, title and the page's public address, and
          // the page number, on every page.
          for (let n = 1; n <= pages; n++) {
            const p = squash(pageText(file, n));
            assert.ok(p.includes(squash(sheet.title)), `${lang}/${sheet.slug} page ${n}: no title`);
            assert.ok(p.includes(`${ORIGIN}${lang}/worksheets/${sheet.slug}/`), `${lang}/${sheet.slug} page ${n}: no URL`);
            assert.ok(p.includes(`${n}/${pages}`), `${lang}/${sheet.slug} page ${n}: no page number`);
            assert.ok(p.includes(squash(LICENCE[lang])), `${lang}/${sheet.slug} page ${n}: no licence line`);
          }
          // The help box prints, on the first page.
          if (helpBox) {
            const first = squash(pageText(file, 1));
            assert.ok(first.includes(HELPLINE), `${lang}/${sheet.slug} (${format}): no ${HELPLINE} on page 1`);
            assert.ok(first.includes('112'), `${lang}/${sheet.slug} (${format}): no 112 on page 1`);
          }
          if (lang === 'hi') {
            const fonts = run('pdffonts', [file]);
            assert.match(fonts, /NotoSansDevanagari-Regular/, `${sheet.slug}: bundled font not embedded\n${fonts}`);
            assert.doesNotMatch(fonts, /Type 3/, `${sheet.slug}: a Type 3 (faux) font\n${fonts}`);
          }
        }
      }
      assert.deepEqual(boxed.sort(), [...FEELINGS_SHEETS].sort(), `${lang}: worksheets with the help box`);
      assert.deepEqual(errors, []);
      await page.close();
    });

    it(`${lang}: the print pack starts every worksheet on a front, on the page its contents names`, async (t) => {
      if (skip) return t.skip(skip);
      const page = await browser.newPage();
      // Navigating on while the favicon still loads aborts it; that is not a fault.
      const errors = collectErrors(page, { ignore: ['net::ERR_ABORTED'] });
      const sheets = await worksheets(page, lang);
      const packUrl = `${server.url}${lang}/worksheets/print/`;
      await page.goto(packUrl);
      const numbers = await page.$$eval('.pack-contents .pn-two', (els) => els.map((e) => Number(e.dataset.page)));
      assert.equal(numbers.length, sheets.length);
      const blank = squash(await page.$eval('.blank-page', (e) => e.textContent));
      for (const format of FORMATS) {
        const pack = await printTo(page, packUrl, format, `${lang}-pack`);
        const total = pageCount(pack);
        assert.ok(squash(pageText(pack, 2)).includes(blank), `${lang} (${format}): the cover's back is not marked blank`);
        sheets.forEach((s, i) => {
          const at = numbers[i];
          assert.equal(at % 2, 1, `${lang} (${format}): "${s.title}" starts on page ${at}, a back`);
          const head = squash(pageText(pack, at).split('\n').slice(0, 3).join(''));
          assert.ok(head.includes(squash(`${i + 1}. ${s.title}`).slice(0, 24)), `${lang} (${format}): page ${at} is not "${s.title}"`);
          const end = i + 1 < sheets.length ? numbers[i + 1] : total + 1;
          for (let n = at; n < end; n++) {
            const p = squash(pageText(pack, n));
            assert.ok(p.includes(`${ORIGIN}${lang}/worksheets/${s.slug}/`), `${lang} (${format}) page ${n}: no URL of ${s.slug}`);
            assert.ok(p.includes(squash(LICENCE[lang])), `${lang} (${format}) page ${n}: no licence line`);
          }
        });
        assert.ok(total >= numbers.at(-1), `${lang} (${format}): ${total} pages`);
        const coverText = squash(pageText(pack, 1));
        for (const s of sheets) assert.ok(coverText.includes(squash(s.title)), `contents lack "${s.title}"`);
        if (lang === 'hi') {
          const fonts = run('pdffonts', [pack]);
          assert.match(fonts, /NotoSansDevanagari-Bold/);
          assert.doesNotMatch(fonts, /Type 3/);
        }
      }
      // One-sided: no blank pages, the other page numbers.
      await page.check('#sides-one');
      const one = path.join(tmp, `${lang}-pack-one.pdf`);
      await page.pdf({ path: one, format: 'A4' });
      assert.ok(!squash(allText(one)).includes(blank), `${lang}: a blank page printed one-sided`);
      assert.ok(pageCount(one) < pageCount(await printTo(page, packUrl, 'A4', `${lang}-pack`)));
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('the Print button appears with JavaScript and opens the print dialog; without it, a hint', async (t) => {
    if (skip) return t.skip(skip);
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__printed = 0;
      window.print = () => {
        window.__printed += 1;
      };
    });
    await page.goto(`${server.url}hi/worksheets/weekly-goals-tracker/`);
    const button = page.locator('button[data-print]');
    assert.equal(await button.isVisible(), true);
    assert.equal((await button.textContent()).trim(), 'यह वर्कशीट प्रिंट करें');
    await button.click();
    assert.equal(await page.evaluate(() => window.__printed), 1);
    await page.goto(`${server.url}en/worksheets/print/`);
    await page.click('button[data-print]');
    assert.equal(await page.evaluate(() => window.__printed), 1, 'a fresh page counts from 0');
    await page.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}en/worksheets/weekly-goals-tracker/`);
    assert.equal(await noJs.locator('button[data-print]').isVisible(), false, 'no dead button without JavaScript');
    assert.match(await noJs.textContent('.print-hint'), /Ctrl\+P/);
    await context.close();
  });

  it('handbook build --pdf prints every sheet and pack on A4 and Letter, laid out from a first print', async (t) => {
    if (skip) return t.skip(skip);
    // The browser the tests use is the one --pdf finds (CHROME, else chromium on PATH).
    const dir = await buildSite({
      name: 'print-pdf',
      args: ['--root', FIXTURE, '--pdf'],
      env: process.env.CHROME ? {} : { CHROME: '/usr/bin/chromium' },
    });
    const SIZES = { a4: /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, letter: /Page size:\s+612 x 792 pts \(letter\)/ };
    for (const lang of ['en', 'hi']) {
      const other = lang === 'en' ? 'hi' : 'en';
      const files = [];
      for (const s of ['first-sheet', 'second-sheet']) {
        files.push([`${lang}/worksheets/${s}/`, (paper) => `${lang}/worksheets/${s}/${s}-${lang}-${paper}.pdf`, s]);
        files.push([`${lang}/worksheets/${s}/bilingual/`, (paper) => `${lang}/worksheets/${s}/bilingual/${s}-${lang}-${other}-${paper}.pdf`, s]);
      }
      files.push([`${lang}/worksheets/print/`, (paper) => `${lang}/worksheets/print/worksheets-${lang}-${paper}.pdf`, null]);
      for (const [pageDir, pdfOf, slug] of files) {
        const html = fs.readFileSync(path.join(dir, pageDir, 'index.html'), 'utf8');
        for (const paper of ['a4', 'letter']) {
          const pdf = pdfOf(paper);
          const file = path.join(dir, pdf);
          assert.ok(fs.existsSync(file), `${pdf} was not written`);
          assert.match(run('pdfinfo', [file]), SIZES[paper], `${pdf} is not ${paper}`);
          assert.ok(html.includes(`href="/handbook/${pdf}"`), `${pageDir} does not link ${pdf}`);
          const pages = pageCount(file);
          for (let n = 1; n <= pages; n++) {
            const text = squash(pageText(file, n));
            assert.ok(text.includes(`https://example.org/handbook/${lang}/worksheets/`), `${pdf} page ${n}: no address`);
            assert.ok(text.includes(squash(LICENCE[lang])), `${pdf} page ${n}: no licence line`);
          }
          if (slug) {
            // The QR code on the first page leads to the page itself.
            assert.equal(decodeQr(file, 1), `https://example.org/handbook/${pageDir}`, `${pdf}: QR code`);
            // The first print found room on the last page: it is lined for notes.
            assert.ok(squash(pageText(file, pages)).includes(lang === 'en' ? 'Notes' : 'नोट्स'), `${pdf}: no notes lines`);
          }
          if (lang === 'hi') {
            const fonts = run('pdffonts', [file]);
            assert.match(fonts, /NotoSansDevanagari-Regular/, `${pdf}\n${fonts}`);
            assert.doesNotMatch(fonts, /Type 3/, `${pdf}\n${fonts}`);
          }
        }
        assert.match(html, /Download PDF: <a [^>]*>A4<\/a> · <a [^>]*>Letter<\/a>|PDF डाउनलोड करें: <a [^>]*>A4<\/a> · <a [^>]*>Letter<\/a>/, `${pageDir}: PDF links`);
      }
      // The pack: every worksheet on a front, at the page number its contents gives.
      for (const paper of ['a4', 'letter']) {
        const pack = path.join(dir, `${lang}/worksheets/print/worksheets-${lang}-${paper}.pdf`);
        const cover = squash(pageText(pack, 1));
        const titles = lang === 'en' ? ['First sheet: "quotes" & <angles>', 'Second sheet'] : null;
        const starts = [...cover.matchAll(/(?:page|पेज)(\d+)/g)].map((m) => Number(m[1]));
        assert.equal(starts.length, 2, `${lang} ${paper}: contents page numbers ${cover}`);
        starts.forEach((at, i) => {
          assert.equal(at % 2, 1, `${lang} ${paper}: worksheet ${i + 1} starts on page ${at}`);
          const head = squash(pageText(pack, at).split('\n').slice(0, 3).join(''));
          assert.ok(head.startsWith(`${i + 1}.`) || head.includes(`${i + 1}.`), `${lang} ${paper}: page ${at} is not worksheet ${i + 1}: ${head}`);
          if (titles) assert.ok(squash(pageText(pack, at)).includes(squash(titles[i])), `${paper}: page ${at}`);
          assert.equal(decodeQr(pack, at), `https://example.org/handbook/${lang}/worksheets/${['first-sheet', 'second-sheet'][i]}/`);
        });
        assert.equal(pageCount(pack) % 2, 0, `${lang} ${paper}: an odd number of pages in a double-sided pack`);
      }
    }
    // No temporary print copy is left in the output.
    assert.ok(!fs.readdirSync(dir).some((n) => n.startsWith('handbook-pdf')));
  });
});
