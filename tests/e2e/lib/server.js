// A tiny static HTTP server for browser tests: it serves a built site the way
// GitHub Pages serves a project site, under a subpath such as `/handbook/`.
//
//   const { url, close } = await serve('/path/to/site', { subpath: '/handbook/' });
//   // url === 'http://127.0.0.1:<port>/handbook/'
//   await close();
//
// Behaviour (mirrors GitHub Pages closely enough for the tests):
// - listens on 127.0.0.1 with a port chosen by the OS;
// - `<subpath>en/` serves `<root>/en/index.html`; a directory without a
//   trailing slash is redirected (301) to the same path with one, keeping the query;
// - anything that is not a file is answered with `<root>/404.html` and status
//   404 (a plain-text body when the site has no 404.html); so are paths outside
//   the subpath and paths that would escape the root (`..`, `%2e%2e`, `%2f`,
//   symlinks pointing outside);
// - GET and HEAD only (405 otherwise); malformed percent-encoding or NUL → 400;
// - Content-Type from the extension (woff2, svg, json, xml, atom, ...), with
//   `charset=utf-8` for every text type; `Cache-Control: no-store` so a rebuilt
//   site is never served stale.
// No npm dependencies: node:http only.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
  '.rss': 'application/rss+xml',
  '.xsl': 'application/xslt+xml',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
};

const TEXT_TYPES = new Set([
  'application/json',
  'application/manifest+json',
  'application/xml',
  'application/atom+xml',
  'application/rss+xml',
  'application/xslt+xml',
  'image/svg+xml',
]);

/** Content-Type header value for a file name (UTF-8 for every text type). */
export function contentType(file) {
  const base = path.basename(file).toLowerCase();
  // `.nojekyll`, `CNAME` and other extension-less files are text.
  const ext = path.extname(base);
  const type = TYPES[ext] ?? (ext === '' ? 'text/plain' : 'application/octet-stream');
  return type.startsWith('text/') || TEXT_TYPES.has(type) ? `${type}; charset=utf-8` : type;
}

function normaliseSubpath(subpath) {
  let s = String(subpath || '/');
  if (!s.startsWith('/')) s = '/' + s;
  if (!s.endsWith('/')) s += '/';
  return s;
}

function isInside(root, target) {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Serve `rootDir` on 127.0.0.1 under `subpath`.
 * @param {string} rootDir directory of the built site
 * @param {{ subpath?: string }} [options]
 * @returns {Promise<{ url: string, origin: string, port: number, close: () => Promise<void> }>}
 */
export async function serve(rootDir, { subpath = '/' } = {}) {
  const root = await fsp.realpath(path.resolve(rootDir));
  const stat = await fsp.stat(root);
  if (!stat.isDirectory()) throw new Error(`serve: ${rootDir} is not a directory`);
  const prefix = normaliseSubpath(subpath);

  // Resolve a URL path (already stripped of the prefix, still percent-encoded)
  // to a file inside root, or a redirect, or null (not found).
  async function resolve(rest) {
    let decoded;
    try {
      decoded = decodeURIComponent(rest);
    } catch {
      return { status: 400 };
    }
    if (decoded.includes('\0')) return { status: 400 };
    // Any `..` segment (after decoding, with either slash) is refused outright,
    // even when it would stay inside root: a browser never sends one.
    if (decoded.split(/[\\/]/).includes('..')) return null;
    const candidate = path.resolve(root, '.' + path.sep + decoded);
    if (!isInside(root, candidate)) return null;
    let real;
    try {
      real = await fsp.realpath(candidate);
    } catch {
      return null;
    }
    if (!isInside(root, real)) return null; // symlink pointing outside
    const st = await fsp.stat(real);
    if (st.isDirectory()) {
      if (!decoded.endsWith('/') && decoded !== '') return { redirect: true };
      const index = path.join(real, 'index.html');
      try {
        const ist = await fsp.stat(index);
        if (ist.isFile()) return { file: index, size: ist.size };
      } catch {
        /* fall through */
      }
      return null;
    }
    if (st.isFile()) return { file: real, size: st.size };
    return null;
  }

  function sendFile(req, res, status, file, size) {
    res.writeHead(status, {
      'Content-Type': contentType(file),
      'Content-Length': size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function notFound(req, res) {
    const page = path.join(root, '404.html');
    try {
      const st = await fsp.stat(page);
      if (st.isFile()) return sendFile(req, res, 404, page, st.size);
    } catch {
      /* no 404.html */
    }
    sendText(req, res, 404, 'Not Found\n');
  }

  function sendText(req, res, status, body, headers = {}) {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(req, res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }
    const raw = req.url || '/';
    const q = raw.indexOf('?');
    const pathname = q === -1 ? raw : raw.slice(0, q);
    const query = q === -1 ? '' : raw.slice(q);

    if (pathname + '/' === prefix) {
      return sendText(req, res, 301, 'Moved Permanently\n', { Location: prefix + query });
    }
    if (!pathname.startsWith(prefix)) return notFound(req, res);

    const found = await resolve(pathname.slice(prefix.length));
    if (found?.status) return sendText(req, res, found.status, 'Bad Request\n');
    if (found?.redirect) {
      return sendText(req, res, 301, 'Moved Permanently\n', { Location: pathname + '/' + query });
    }
    if (!found) return notFound(req, res);
    return sendFile(req, res, 200, found.file, found.size);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendText(req, res, 500, `Internal Server Error\n${err}\n`);
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold close() open; track and end them.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  let closed;
  function close() {
    closed ??= new Promise((resolveClose) => {
      server.close(() => resolveClose());
      for (const s of sockets) s.destroy();
    });
    return closed;
  }

  return { url: origin + prefix, origin, port, close };
}
