// The real handbook as the browser tests see it: built once per test process with the base
// URL of a GitHub Pages project site, served under /handbook/, and one page of every kind.
//
//   const site = await servedHandbook();        // { dir, url, close }
//   for (const p of pageTypes(site.dir)) ...    // { type, lang, path } with path relative to url
//
// Page types are found in the build, not hard-coded, so renaming a story does not break the
// tests: the first entry (by file name) of each section and the first tag stand for their kind.
// A kind that appears later (the worksheet print pack) is picked up as soon as it is built.

import fs from 'node:fs';
import path from 'node:path';

import { buildSite, REPO_ROOT } from './site.js';
import { serve } from './server.js';

/** The base URL the handbook is built with, as `.github/workflows/pages.yml` does. */
export const PAGES_BASE = 'https://example.github.io/handbook/';
export const SUBPATH = '/handbook/';
export const LANGS = ['en', 'hi'];

/** Builds the real handbook as it is published (once per process); returns the folder. */
export function buildHandbook() {
  return buildSite({ name: 'handbook-pages', args: ['--root', REPO_ROOT, '--base-url', PAGES_BASE] });
}

/** Builds the fixture site tests/fixtures/<name> (once per process); returns the folder. */
export function buildFixture(name) {
  const root = path.join(REPO_ROOT, 'tests', 'fixtures', name);
  return buildSite({ name: `fixture-${name}`, args: ['--root', root, '--base-url', PAGES_BASE] });
}

/** Builds the real handbook and serves it under /handbook/. */
export async function servedHandbook() {
  const dir = await buildHandbook();
  const server = await serve(dir, { subpath: SUBPATH });
  return { dir, url: server.url, close: server.close };
}

/** Builds a fixture site and serves it under /handbook/. */
export async function servedFixture(name) {
  const dir = await buildFixture(name);
  const server = await serve(dir, { subpath: SUBPATH });
  return { dir, url: server.url, close: server.close };
}

function firstSubdir(dir, skip = []) {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !skip.includes(d.name))
    .map((d) => d.name)
    .sort();
  if (!names.length) throw new Error(`no page in ${dir}`);
  return names[0];
}

const SECTIONS = ['stories', 'guidance', 'tips', 'worksheets'];
const SINGULAR = { stories: 'story', guidance: 'guidance', tips: 'tip', worksheets: 'worksheet' };

/**
 * One page of every kind in `lang`: home, each section list, an entry of each section, about,
 * the help page, the tag index, a tag page, search, and the print pack when the build has one.
 * @returns {{ type: string, lang: string, path: string }[]}
 */
export function languagePages(dir, lang) {
  const at = (p) => path.join(dir, lang, p);
  const pages = [{ type: 'home', lang, path: `${lang}/` }];
  for (const s of SECTIONS) pages.push({ type: `${s} list`, lang, path: `${lang}/${s}/` });
  for (const s of SECTIONS) {
    pages.push({ type: SINGULAR[s], lang, path: `${lang}/${s}/${firstSubdir(at(s), ['print'])}/` });
  }
  if (fs.existsSync(at('worksheets/print/index.html'))) {
    pages.push({ type: 'print pack', lang, path: `${lang}/worksheets/print/` });
  }
  if (fs.existsSync(at('about/index.html'))) pages.push({ type: 'about', lang, path: `${lang}/about/` });
  if (fs.existsSync(at('help/index.html'))) pages.push({ type: 'help', lang, path: `${lang}/help/` });
  pages.push({ type: 'tag index', lang, path: `${lang}/tags/` });
  pages.push({ type: 'tag', lang, path: `${lang}/tags/${firstSubdir(at('tags'))}/` });
  pages.push({ type: 'search', lang, path: `${lang}/search/` });
  return pages;
}

/** Every page kind of the site in every language, plus the root chooser and the 404 page. */
export function pageTypes(dir) {
  return [
    { type: 'root', lang: null, path: '' },
    ...LANGS.flatMap((l) => languagePages(dir, l)),
    { type: '404', lang: null, path: 'en/no-such-page/' },
  ];
}

/**
 * Errors a walk over `pageTypes` expects: the 404 page's own status, and requests (such as
 * the favicon) aborted by navigating on.
 */
export const EXPECTED_ERRORS = [/\/no-such-page\/$/, 'net::ERR_ABORTED'];

/** The same page in another language (paths start with the language). */
export function inLanguage(p, lang) {
  return p.replace(/^[a-z]{2,3}\//, `${lang}/`);
}
