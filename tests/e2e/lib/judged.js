// Judged queries: loading the files, running them through the search engine, and the
// figures (success@1, success@3, MRR per group). Shared by the Node evaluation and the
// Chromium spec (tests/e2e/specs/search-natural.test.js) so both count the same way, and by
// `node tests/e2e/lib/judged.js <built site>` for a quick look while tuning.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT } from './site.js';
import { searchScript } from './search-script.js';

/** The natural-language set (tests/fixtures/search/natural-queries.json). */
export const NATURAL_FILE = path.join(REPO_ROOT, 'tests', 'fixtures', 'search', 'natural-queries.json');
/** The original judged set (title words, romanised, typos), typed by search.test.js too. */
export const JUDGED_FILE = path.join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'search-queries.json');

export function loadJudged(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The pages a query accepts (relative to the site root). */
export const accepted = (q) => (Array.isArray(q.expect) ? q.expect : [q.expect]);

/** The reader's languages on a page: its own first (as the search page does). */
export const langsFor = (page) => (page === 'hi' ? ['hi', 'en'] : ['en', 'hi']);

/** 1-based rank of the first accepted page in `urls` (relative), or 0. */
export function rankOf(q, urls) {
  const want = accepted(q);
  const i = urls.findIndex((u) => want.includes(u));
  return i + 1;
}

/**
 * Figures per group (`kind`) and overall from [{q, rank}]:
 * {groups: {kind: {n, at1, at3, mrr}}, all: {…}}.
 */
export function figures(ranked) {
  const groups = {};
  const add = (g, rank) => {
    g.n += 1;
    if (rank === 1) g.at1 += 1;
    if (rank >= 1 && rank <= 3) g.at3 += 1;
    if (rank) g.rr += 1 / rank;
  };
  const all = { n: 0, at1: 0, at3: 0, rr: 0 };
  for (const { q, rank } of ranked) {
    add((groups[q.kind] ??= { n: 0, at1: 0, at3: 0, rr: 0 }), rank);
    add(all, rank);
  }
  const done = (g) => ({ n: g.n, at1: g.at1, at3: g.at3, mrr: g.n ? g.rr / g.n : 0 });
  const out = {};
  for (const [k, g] of Object.entries(groups)) out[k] = done(g);
  return { groups: out, all: done(all) };
}

/** Printable lines of `figures()`. */
export function report(fig) {
  const line = (name, g) =>
    `${name.padEnd(17)} n=${String(g.n).padStart(3)}  success@1 ${(g.at1 / g.n * 100).toFixed(1).padStart(5)}%` +
    `  success@3 ${(g.at3 / g.n * 100).toFixed(1).padStart(5)}%  MRR ${g.mrr.toFixed(3)}`;
  return [...Object.entries(fig.groups).map(([k, g]) => line(k, g)), line('all', fig.all)];
}

/** search.js (or `script`, a variant of it) run under Node (a vm context standing in for `window`) over a built site's index. */
export function nodeEngine(siteDir, script = searchScript()) {
  const ctx = vm.createContext({ URL, console, setTimeout, clearTimeout });
  ctx.window = ctx;
  vm.runInContext(script, ctx, { filename: 'search.js' });
  const base = pathToFileURL(path.join(siteDir, 'search-index') + path.sep).href;
  const load = (url) => vm.runInContext(fs.readFileSync(fileURLToPath(url), 'utf8'), ctx, { filename: url });
  const engine = ctx.__hbSearch.lib.createEngine(base, load);
  return { engine, lib: ctx.__hbSearch.lib };
}

/** Site-relative URL of a result (`/hi/x/` or `http://…/handbook/hi/x/` → `hi/x/`). */
export function relative(url, root = '/') {
  let u = url;
  if (u.startsWith(root)) u = u.slice(root.length);
  return u.replace(/^\/+/, '');
}

/** Runs `queries` through the Node engine as typed (no trailing space): [{q, rank, top}]. */
export async function runNode(engine, queries) {
  const out = [];
  for (const q of queries) {
    const results = await engine.search(q.q, langsFor(q.page));
    const urls = results.map((r) => relative(r.url));
    out.push({ q, rank: rankOf(q, urls), top: urls.slice(0, 3) });
  }
  return out;
}

// CLI: node tests/e2e/lib/judged.js <built site dir> [natural|judged]…
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const site = process.argv[2];
  const which = process.argv.slice(3);
  const files = (which.length ? which : ['natural', 'judged']).map((w) => (w === 'natural' ? NATURAL_FILE : JUDGED_FILE));
  const { engine } = nodeEngine(site);
  for (const file of files) {
    const ranked = await runNode(engine, loadJudged(file).queries);
    console.log(`# ${path.relative(REPO_ROOT, file)}`);
    for (const r of ranked) {
      if (r.rank < 1 || r.rank > 3 || process.env.VERBOSE) console.log(`  rank ${r.rank || '-'}  [${r.q.kind}] ${r.q.q}  want ${accepted(r.q).join(' | ')}  got ${r.top.join(' ')}`);
    }
    for (const l of report(figures(ranked))) console.log(l);
  }
}
