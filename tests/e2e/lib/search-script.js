// The search script as the build joins it, straight from the theme's parts, so the analyser
// tests and benches run the current sources without a rebuild of the binary.
//
// The build joins static/js/search/*.js in file-name order, each without its header (the `//`
// lines it starts with), inside one function scope (src/search/script.rs says how and why).
// This is the same join; search.test.js checks that the built site's static/js/search.js is
// byte for byte what this returns.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './site.js';

/** The built-in theme's folder of search.js parts. */
export const SEARCH_PARTS_DIR = path.join(REPO_ROOT, 'themes', 'default', 'static', 'js', 'search');

const HEAD = `/*! handbook search: the query side of the static search index (no dependencies, ES2017).
 * Joined by handbook from the parts in the theme's static/js/search/ folder, in file-name
 * order, in one function scope; each part says what it does and what it mirrors. */
(function (root) {
'use strict';
`;
const TAIL = "})(typeof window !== 'undefined' ? window : this);\n";

/** A part without its header: the `//` lines it starts with and the blank lines after them. */
function code(text) {
  let rest = text;
  while (rest.startsWith('//') || rest.startsWith('\n') || rest.startsWith('\r\n')) {
    const end = rest.indexOf('\n');
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return rest;
}

/** The joined search.js of the parts in `dir` (default: the built-in theme's). */
export function searchScript(dir = SEARCH_PARTS_DIR) {
  const names = fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => e.name)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  let out = HEAD;
  for (const name of names) {
    const body = code(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (!body) continue;
    out += `\n// js/search/${name}\n${body}${body.endsWith('\n') ? '' : '\n'}`;
  }
  return out + TAIL;
}
