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
  return strip(rest);
}

/**
 * Without comment lines, whole-line block comments (not `/*!`), indentation and blank lines,
 * unless a line has an odd number of backticks or ends in a backslash (see `strip` in
 * src/search/script.rs, which this mirrors).
 */
function strip(text) {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.some((l) => (l.split('`').length - 1) % 2 === 1 || l.trimEnd().endsWith('\\'))) return text;
  let out = '';
  for (let i = 0; i < lines.length;) {
    const line = lines[i].trim();
    i += 1;
    if (!line || line.startsWith('//')) continue;
    if (line.startsWith('/*') && !line.startsWith('/*!')) {
      let end = i - 1;
      while (end < lines.length && !lines[end].includes('*/')) end += 1;
      if (end < lines.length && lines[end].trimEnd().endsWith('*/') && lines[end].split('*/').length === 2) {
        i = end + 1;
        continue;
      }
    }
    out += `${line}\n`;
  }
  return out;
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
