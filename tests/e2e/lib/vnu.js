// The Nu Html Checker (vnu.jar from the `vnu-jar` npm package) run with the machine's Java.
//
//   const java = findJava();                  // null when missing (throws under CI=true)
//   const messages = await vnu(java, [dir1, dir2]);
//
// One run checks whole folders (every .html file, plus the .css and .svg files with
// --also-check-css/--also-check-svg) in one Java start, which is most of the cost.
// The package's postinstall would download a Java runtime from GitHub when none is installed;
// the tests never rely on it (npm ci runs with --ignore-scripts in CI): .ci/run installs
// Debian's default-jre-headless instead.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Path of vnu.jar inside node_modules. */
export const VNU_JAR = String(require('vnu-jar'));

function javaWorks(file) {
  const r = spawnSync(file, ['-version'], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * The Java executable: $JAVA, else $JAVA_HOME/bin/java, else `java` on PATH. Returns null
 * when there is none, so a test can skip; under CI (CI=true) it throws instead, so a missing
 * Java can never turn a CI run green.
 */
export function findJava() {
  const candidates = process.env.JAVA
    ? [process.env.JAVA]
    : [process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java'), 'java'].filter(Boolean);
  const found = candidates.find(javaWorks);
  if (found) return found;
  const hint =
    `Java not found (tried ${candidates.join(', ')}): the Nu Html Checker needs Java 11 or later. ` +
    'Install it with `apt-get install default-jre-headless` (Debian), or set JAVA to a java executable.';
  if (process.env.CI === 'true' || process.env.JAVA) throw new Error(hint);
  return null;
}

/**
 * Checks `targets` (folders or files) and returns vnu's messages of type `error` (and
 * `non-document-error`, for a file it could not read), each `{ file, line, message, extract }`
 * with `file` relative to the folder given when it is inside one.
 */
export async function vnu(java, targets, { extraArgs = [] } = {}) {
  if (!fs.existsSync(VNU_JAR)) throw new Error(`${VNU_JAR} is missing: run npm ci in tests/e2e`);
  const args = [
    '-jar',
    VNU_JAR,
    '--format',
    'json',
    '--skip-non-html',
    '--also-check-css',
    '--also-check-svg',
    ...extraArgs,
    ...targets,
  ];
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (c) =>
      resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
  let report;
  try {
    report = JSON.parse(stderr || stdout);
  } catch {
    throw new Error(`vnu did not answer in JSON (exit ${code}):\n${stderr}\n${stdout}`);
  }
  const roots = targets.map((t) => path.resolve(t));
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => {
      const abs = m.url ? decodeURIComponent(new URL(m.url).pathname) : '';
      const root = roots.find((r) => abs.startsWith(r + path.sep));
      return {
        site: root ? path.basename(root) : '',
        file: root ? path.relative(root, abs) : abs,
        line: m.lastLine ?? 0,
        message: m.message,
        extract: m.extract ?? '',
      };
    });
}

/** One line per message, for assertion output. */
export function formatMessages(messages) {
  return messages.map((m) => `${m.site}/${m.file}:${m.line}: ${m.message}\n    ${m.extract.replace(/\n/g, '⏎')}`).join('\n');
}
