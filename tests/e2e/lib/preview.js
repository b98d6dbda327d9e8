// `handbook serve` for browser tests: copies a fixture site to a temporary folder, starts the
// preview on a free port and returns its address.
//
//   const preview = await startPreview({ fixture: 'basic' });
//   // preview.url === 'http://127.0.0.1:<port>/', preview.root is the copy to edit
//   await preview.close();
//
// Runs $HANDBOOK_BIN when set (scripts/test sets it), else `cargo run --release`.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT, handbookCommand } from './site.js';

/**
 * @param {{ fixture: string }} opts
 * @returns {Promise<{ url: string, root: string, close: () => Promise<void> }>}
 */
export async function startPreview({ fixture }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-serve-'));
  fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', fixture), root, { recursive: true });
  const [cmd, cmdArgs] = handbookCommand(['--root', root, 'serve', '--port', '0']);
  const child = spawn(cmd, cmdArgs, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`handbook serve did not start:\n${out}`)), 120_000);
    const look = () => {
      const m = out.match(/^Serving (http:\/\/\S+)$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => reject(new Error(`handbook serve exited (${code}):\n${out}`)));
  });
  return {
    url,
    root,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
