// Sites built by the Rust tool, for the browser tests.
//
// Every site lives in target/e2e-sites/<name>/ (git-ignored). There are two
// ways to get one:
//
// 1. Prebuilt by the test runner (scripts/test), e.g.
//      cargo run --release -- build --out target/e2e-sites/pages --base-url http://127.0.0.1/handbook/
//    and looked up in a spec with `builtSite('pages')`.
//
// 2. Built on demand by a spec with
//      const dir = await buildSite({ name: 'pages', args: ['--base-url', 'http://127.0.0.1/handbook/'] });
//    which runs, in the repository root,
//      cargo run --quiet --release -- build --out target/e2e-sites/<name> ...args
//    once per test process (node --test runs each spec file in its own
//    process; a second call with the same name and args returns the same
//    promise), and throws with the tool's stderr when the build fails.
//
// Environment:
//   HANDBOOK_BIN=/path/to/handbook  run that binary instead of `cargo run`
//                                   (e.g. target/release/handbook, built by scripts/test)
//   E2E_SITES_DIR=/some/dir         keep built sites there instead of target/e2e-sites/

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/e2e/lib/site.js). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where built sites go: target/e2e-sites/ (outside the site's own folders, which `handbook
 * build` refuses to write into), or $E2E_SITES_DIR when set. */
export const SITES_DIR = process.env.E2E_SITES_DIR
  ? path.resolve(process.env.E2E_SITES_DIR)
  : path.join(REPO_ROOT, 'target', 'e2e-sites');

function checkName(name) {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new Error(`site name must be a plain file name, got ${JSON.stringify(name)}`);
  }
}

/** Path of the site `<name>` in target/e2e-sites/; throws if it was not built. */
export function builtSite(name) {
  checkName(name);
  const dir = path.join(SITES_DIR, name);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(
      `site ${dir} has not been built: run scripts/test, or use buildSite({ name: '${name}', args }) in the spec`,
    );
  }
  return dir;
}

const cache = new Map(); // name -> { key, promise }

/**
 * Build the handbook into target/e2e-sites/<name>/ with the given extra
 * arguments of `handbook build`, at most once per process.
 *
 * @param {{ name: string, args?: string[], env?: Record<string,string> }} opts
 * @returns {Promise<string>} the output directory
 */
export function buildSite({ name, args = [], env = {} }) {
  checkName(name);
  const key = JSON.stringify({ args, env });
  const hit = cache.get(name);
  if (hit) {
    if (hit.key !== key) {
      throw new Error(`buildSite: site '${name}' was already built with other arguments (${hit.key})`);
    }
    return hit.promise;
  }
  const promise = runBuild(name, args, env);
  cache.set(name, { key, promise });
  return promise;
}

/**
 * The command that runs `handbook` with `args`: $HANDBOOK_BIN when set (scripts/test sets
 * it), else `cargo run --release`.
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
export function handbookCommand(args) {
  const bin = process.env.HANDBOOK_BIN;
  return bin ? [bin, args] : ['cargo', ['run', '--quiet', '--release', '--', ...args]];
}

async function runBuild(name, args, env) {
  const out = path.join(SITES_DIR, name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(SITES_DIR, { recursive: true });

  const [cmd, cmdArgs] = handbookCommand(['build', '--out', out, ...args]);
  const shown = [cmd, ...cmdArgs].join(' ');

  const { code, signal, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const so = [];
    const se = [];
    child.stdout.on('data', (d) => so.push(d));
    child.stderr.on('data', (d) => se.push(d));
    child.on('error', (err) => reject(new Error(`buildSite: cannot run ${shown}: ${err.message}`)));
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(so).toString('utf8'),
        stderr: Buffer.concat(se).toString('utf8'),
      }),
    );
  });
  if (code !== 0) {
    const cap = (text, max = 16000) =>
      text.length > max ? `${text.slice(0, max)}\n... (${text.length - max} more characters)` : text;
    throw new Error(
      `buildSite: \`${shown}\` (in ${REPO_ROOT}) failed with ${signal ?? `exit code ${code}`}\n` +
        `--- stderr ---\n${cap(stderr.trimEnd())}\n--- stdout ---\n${cap(stdout.trimEnd(), 4000)}`,
    );
  }
  return out;
}
