// Reads the QR code on a page of a PDF, as a phone would from paper: poppler's pdftoppm
// renders the page to PNG at 150 dpi, pngjs decodes the PNG and jsQR finds and reads the code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code on page `n` of `pdf`, or null when none is found. */
export function decodeQr(pdf, n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-qr-'));
  try {
    const out = path.join(dir, 'page');
    const r = spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', String(n), '-l', String(n), pdf, out]);
    if (r.error || r.status !== 0) throw new Error(`pdftoppm failed on ${pdf}: ${r.error ?? r.stderr}`);
    const png = PNG.sync.read(fs.readFileSync(`${out}.png`));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    return code ? code.data : null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
