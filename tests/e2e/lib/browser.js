// Headless Chromium for the browser tests, through playwright-core.
//
// playwright-core never downloads a browser: we drive Debian's Chromium
// (`apt-get install chromium`, /usr/bin/chromium), or the executable named by
// the CHROME environment variable.
//
//   const browser = await launch();
//   if (!browser) return t.skip('chromium not installed');
//   const page = await browser.newPage();
//   const errors = collectErrors(page);
//   await page.goto(url);
//   assert.deepEqual(errors, []);
//   assert.deepEqual(await axe(page), []);
//   await browser.close();

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const DEFAULT_CHROME = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach
// Google's hosts, which this machine's closed network refuses.
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Chromium executable to use: $CHROME, else /usr/bin/chromium. */
export function chromePath() {
  return process.env.CHROME || DEFAULT_CHROME;
}

/**
 * Launch headless Chromium.
 *
 * Returns null when no browser is installed, so a test can
 * `t.skip('chromium not installed')`; under CI (CI=true), or when $CHROME
 * names a file that does not exist, it throws instead, so a missing browser
 * can never turn a CI run green.
 *
 * @param {import('playwright-core').LaunchOptions} [options] merged into the launch options
 * @returns {Promise<import('playwright-core').Browser | null>}
 */
export async function launch(options = {}) {
  const executablePath = chromePath();
  if (!isExecutable(executablePath)) {
    const hint =
      `Chromium not found at ${executablePath}. Install it with ` +
      '`apt-get install chromium` (Debian), or set CHROME to the path of a ' +
      'Chromium/Chrome executable. (playwright-core does not download browsers.)';
    if (process.env.CI === 'true' || process.env.CHROME) throw new Error(hint);
    return null;
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROME_ARGS, ...(options.args ?? [])],
    ...Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'args')),
  });
}

/**
 * Record everything that went wrong on a page: console errors, uncaught page
 * errors, requests that failed at the network level, and responses with an
 * HTTP status >= 400 (missing CSS, fonts, scripts ...).
 *
 * Returns a live array of `{ type, text, url }`, where type is one of
 * 'console', 'pageerror', 'requestfailed', 'http'. Assert on it with
 * `assert.deepEqual(errors, [])`.
 *
 * @param {import('playwright-core').Page} page
 * @param {{ ignore?: Array<RegExp | string> }} [options] entries whose text or
 *   url matches one of these are not recorded (e.g. an intended 404)
 */
export function collectErrors(page, { ignore = [] } = {}) {
  const errors = [];
  const ignored = (e) =>
    ignore.some((p) =>
      typeof p === 'string'
        ? e.text.includes(p) || (e.url ?? '').includes(p)
        : p.test(e.text) || p.test(e.url ?? ''),
    );
  const push = (e) => {
    if (!ignored(e)) errors.push(e);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      push({ type: 'console', text: msg.text(), url: msg.location()?.url ?? '' });
    }
  });
  page.on('pageerror', (err) => {
    push({ type: 'pageerror', text: String(err?.stack || err), url: page.url() });
  });
  page.on('requestfailed', (req) => {
    push({ type: 'requestfailed', text: req.failure()?.errorText ?? 'failed', url: req.url() });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) {
      push({ type: 'http', text: `HTTP ${res.status()} ${res.statusText()}`.trim(), url: res.url() });
    }
  });
  return errors;
}

let axeSource;

/**
 * Run axe-core on the page (main frame) and return its violations, each
 * reduced to `{ id, impact, help, helpUrl, nodes: [{ target, html, failureSummary }] }`.
 *
 * axe is injected through the DevTools protocol (page.evaluate), so a
 * Content-Security-Policy of the site does not block it.
 *
 * @param {import('playwright-core').Page} page
 * @param {{ context?: unknown, options?: object }} [opts] passed to axe.run;
 *   by default all of axe's default rules run (WCAG 2.x A/AA and best practices)
 */
export async function axe(page, { context, options } = {}) {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(`${axeSource}\n;void 0`);
  return page.evaluate(
    async ([ctx, opts]) => {
      const result = await window.axe.run(ctx ?? document, opts ?? {});
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html,
          failureSummary: n.failureSummary,
        })),
      }));
    },
    [context ?? null, options ?? null],
  );
}

/** A readable multi-line summary of axe violations, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map(
      (v) =>
        `${v.impact ?? 'n/a'}: ${v.id} (${v.help}) ${v.helpUrl}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html}\n      ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}
