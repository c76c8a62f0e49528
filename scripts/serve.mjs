// Serves the built portal (dist/) on loopback the way the deployment does:
// files as they are, app routes answered with index.html, and a real 404
// for missing files and API documents (never index.html in their place).
// With --feedback, passes /feedback/ on to the feedback service, as nginx
// does. Used by `make serve` and by the end-to-end tests; deploy/ holds nginx.
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--feedback 127.0.0.1:8090]

import { createServer, request } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.xml']);
// Trunk names built assets with a content hash: they never change.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/;

// `fallback`: the app's index.html, relative to root (`portal/index.html` for a sub-path build).
// `feedback`: the feedback service's host:port, if any.
export function startServer({ root = 'dist', port = 8080, host = '127.0.0.1', fallback = 'index.html', feedback = null } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    if (feedback && req.url.startsWith('/feedback/')) {
      passOn(req, res, feedback);
      return;
    }
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url, 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info) {
        const lastSegment = path.split('/').pop() ?? '';
        const isAsset = path.startsWith('/api/') || lastSegment.includes('.');
        if (isAsset) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
          return;
        }
        file = join(base, fallback); // an app route: the app decides what it shows
      }
      const ext = extname(file);
      let body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Server error: ${err.message}\n`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

// The request as it came, to the feedback service, with the reader's address
// as nginx gives it (X-Real-IP); 502 when the service does not answer.
function passOn(req, res, target) {
  const [hostname, targetPort] = target.split(':');
  const forward = request({
    hostname, port: Number(targetPort), method: req.method, path: req.url,
    headers: { ...req.headers, 'x-real-ip': req.socket.remoteAddress },
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The feedback service does not answer.\n');
  });
  req.pipe(forward);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const root = arg('root', 'dist');
  const port = Number(arg('port', '8080'));
  const feedback = arg('feedback', null);
  startServer({ root, port, feedback }).then(() => console.log(`Serving ${root} at http://127.0.0.1:${port}/ (Ctrl+C to stop)`),
    (err) => { console.error(`Cannot serve on port ${port}: ${err.message}`); process.exit(1); });
}
