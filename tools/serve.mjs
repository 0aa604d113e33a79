// serve.mjs — a small static server for the built portal, on 127.0.0.1 only.
// Serves precompressed .br / .gz copies when the browser accepts them, with the right MIME types
// (application/wasm matters: browsers refuse to stream-compile wasm served as anything else).
// Usage: node tools/serve.mjs [dir] [--port N]   (port 0 = any free port; the URL is printed)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.ttf': 'font/ttf', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.pack': 'application/octet-stream', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
};
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-jGDFPlzaxIlgRUa0azHuaSh/t85VHr6vOxE5MifhVjU='; " +
            "img-src 'self' data:; " +
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export function startServer(root, port = 0, { log = false } = {}) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(decodeURIComponent(url.pathname));
      if (path.endsWith('/')) path += 'index.html';
      const file = join(root, path);
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
      const info = await stat(file);
      const accept = String(req.headers['accept-encoding'] || '');
      let body = null, encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accept.includes(enc)) continue;
        try { body = await readFile(file + ext); encoding = enc; break; } catch { /* no such copy */ }
      }
      if (!body) body = await readFile(file);
      // A validator, so a revalidating fetch (the service worker's install, see web/sw.js) of a file
      // the page already has costs a 304 and no body.
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}-${encoding || 'id'}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { 'ETag': etag, 'Cache-Control': 'no-cache', 'Vary': 'Accept-Encoding' }).end();
        if (log) console.log(`${req.method} ${url.pathname} 304`);
        return;
      }
      const headers = {
        'ETag': etag,
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Vary': 'Accept-Encoding',
      };
      if (encoding) headers['Content-Encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${req.method} ${url.pathname} ${encoding || 'identity'} ${body.length}`);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf('--port');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : Number(process.env.SIAGA_PORT || 0);
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') || 'build/web/dist';
  const server = await startServer(dir, port, { log: !!process.env.SIAGA_LOG });
  console.log(`Siaga is served at http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
