// The Nu Html Checker over whole builds: every HTML file (and the CSS and SVG files) of the real
// handbook as published under a subpath and as a portable build, of the one-language fixture
// and of the fixture with HTML written in Markdown (and edit links), with zero errors. One Java run checks all of them, together with a theme broken on
// purpose (tests/fixtures/broken-theme), whose errors prove the run really checked.

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { buildSite, REPO_ROOT } from '../lib/site.js';
import { buildHandbook, buildFixture } from '../lib/pages.js';
import { findJava, vnu, formatMessages } from '../lib/vnu.js';

describe('valid HTML and CSS (Nu Html Checker)', () => {
  let java;
  let sites;
  let messages;
  before(async () => {
    java = findJava();
    const [pages, portable, untranslated, external, broken] = await Promise.all([
      buildHandbook(),
      buildSite({ name: 'handbook-portable', args: ['--root', REPO_ROOT, '--portable'] }),
      buildFixture('untranslated'),
      buildFixture('external-html'),
      buildFixture('broken-theme'),
    ]);
    sites = { pages, portable, untranslated, external, broken };
    if (java) messages = await vnu(java, Object.values(sites));
  });

  const clean = [
    ['pages', 'the handbook as published under /handbook/'],
    ['portable', 'the portable handbook'],
    ['untranslated', 'pages with a "not yet translated" note'],
    ['external', 'HTML written in Markdown, through the allow-list, and the edit links'],
  ];
  for (const [key, what] of clean) {
    it(`${what}: no errors`, (t) => {
      if (!java) return t.skip('java not installed');
      const site = sites[key].split('/').pop();
      const errors = messages.filter((m) => m.site === site);
      assert.equal(errors.length, 0, formatMessages(errors));
    });
  }

  it('a broken theme is flagged: missing alt text, invalid nesting, bad CSS', (t) => {
    if (!java) return t.skip('java not installed');
    const site = sites.broken.split('/').pop();
    const errors = messages.filter((m) => m.site === site);
    const text = formatMessages(errors);
    assert.ok(errors.some((m) => m.file === 'en/tags/index.html' && /“img” element must have an “alt”/.test(m.message)), text);
    assert.ok(
      errors.some((m) => m.file === 'en/tags/index.html' && /“div” not allowed as child of element “ul”/.test(m.message)),
      text,
    );
    assert.ok(errors.some((m) => m.file === 'static/css/broken.css' && /colr/.test(m.message)), text);
    assert.ok(!errors.some((m) => m.file === 'static/css/site.css'), text);
  });

  it('under CI a missing Java fails the run instead of skipping', () => {
    const script = "import('./lib/vnu.js').then((m) => m.findJava())";
    const run = (env) =>
      spawnSync(process.execPath, ['-e', script], {
        cwd: new URL('..', import.meta.url),
        env: { PATH: '/nonexistent', ...env },
        encoding: 'utf8',
      });
    const ci = run({ CI: 'true' });
    assert.notEqual(ci.status, 0);
    assert.match(ci.stderr, /Java not found/);
    assert.equal(run({}).status, 0, 'outside CI it only skips');
  });
});
