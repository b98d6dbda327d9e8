// Page weight as a reader on a phone pays it: every request a page makes with a cold cache
// (a fresh browser context, service workers blocked so they add nothing), each body counted
// as the bytes it takes gzipped (what GitHub Pages sends; woff2 and PNG are already
// compressed and count as they are). Fonts are counted apart. The search script is loaded
// only when the reader uses the search box, so a page that is just opened does not count it.
//
//   const w = await pageWeight(browser, url);   // { bytes, requests, fontBytes, fonts, files }

import zlib from 'node:zlib';

const PHONE = { width: 390, height: 844 };
const PRECOMPRESSED = /\.(woff2|png|jpe?g|webp|avif|gif|pdf|zip)$/i;

/** Bytes a body takes on the wire: gzipped (level 6, as servers do) unless already compressed. */
export function wireBytes(url, body) {
  return PRECOMPRESSED.test(new URL(url).pathname) ? body.length : zlib.gzipSync(body, { level: 6 }).length;
}

/**
 * Opens `url` in a fresh context and sums what it loaded.
 * @returns {Promise<{ bytes: number, requests: number, fontBytes: number, fonts: string[], files: { url: string, bytes: number }[] }>}
 */
export async function pageWeight(browser, url, { viewport = PHONE } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const pending = [];
  page.on('response', (res) => {
    pending.push(
      res.body().then(
        (body) => ({ url: res.url(), bytes: wireBytes(res.url(), body) }),
        () => ({ url: res.url(), bytes: 0 }),
      ),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  // Fonts are fetched when text needs them, which may be after `load`.
  await page.evaluate(() => document.fonts.ready.then(() => true));
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(pending);
  await context.close();
  const isFont = (f) => /\.(woff2?|ttf|otf)$/i.test(new URL(f.url).pathname);
  const fonts = files.filter(isFont);
  const rest = files.filter((f) => !isFont(f));
  return {
    bytes: rest.reduce((n, f) => n + f.bytes, 0),
    requests: files.length,
    fontBytes: fonts.reduce((n, f) => n + f.bytes, 0),
    fonts: fonts.map((f) => new URL(f.url).pathname.split('/').pop()).sort(),
    files,
  };
}

/** What a page may weigh: without fonts, and the fonts of a language's pages. */
export const BUDGET = {
  bytes: 25 * 1024,
  /** Devanagari, every weight together, on a Hindi page. */
  fontBytes: { hi: 90 * 1024 },
  /**
   * A print pack is every worksheet of a language in one document for the printer, each with
   * its QR code: its size grows with the worksheets, not with the theme (the HTML alone is
   * 13 KB gzip in English and 16 KB in Hindi, whose letters take three bytes each). It gets a
   * budget of its own: 25.8 KB (en) and 28.6 KB (hi) with 7 worksheets, QR codes drawn as
   * strokes (src/render/qr.rs).
   */
  packBytes: 30 * 1024,
};
