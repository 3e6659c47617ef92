// Serves a folder made by publish.js as the nginx of deploy/nginx.conf would, for a first look and
// for the browser tests:  node serve.js --root DIR [--port 8081] [--host 127.0.0.1]
// Not for production: there, nginx (or any static host) serves the folder.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { movedAddress } from './site/js/urls.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** The file a request path names, or null for one outside the folder or hidden (a dot-file). */
function fileFor(root, path) {
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  return file.startsWith(root) && !file.slice(root.length).split(sep).some((part) => part.startsWith('.')) ? file : null;
}

/** Where an address forwards to, as nginx's rules say: an old slug's article, or an address of the one-page site. */
async function forwarded(root, url) {
  const moved = movedAddress(url.href);
  if (moved) return moved;
  const redirects = JSON.parse(await readFile(join(root, '.bantin', 'redirects.json'), 'utf8').catch(() => '[]'));
  return new Map(redirects).get(url.pathname) || null;
}

async function answer(root, request, response) {
  const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  let url;
  let path;
  try {
    url = new URL(request.url, 'http://site');
    path = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400, headers).end();
    return;
  }
  const location = await forwarded(root, url);
  if (location) {
    response.writeHead(301, { ...headers, Location: location }).end();
    return;
  }
  try {
    const file = fileFor(root, path);
    if (!file) throw new Error('not a file of the site');
    const body = await readFile(file);
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
    response.end(await readFile(join(root, '404.html')).catch(() => 'Not found'));
  }
}

/** Starts the server on the folder `root`; resolves to it once it listens (port 0: any free port). */
export function serveSite({ root, port = 8081, host = '127.0.0.1' }) {
  const folder = normalize(`${root}${sep}`);
  const server = createServer((request, response) => {
    answer(folder, request, response).catch(() => response.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { root: { type: 'string' }, port: { type: 'string', default: '8081' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  if (!values.root) {
    console.error('--root is required: the folder publish.js made');
    process.exit(2);
  }
  const server = await serveSite({ root: values.root, port: Number(values.port), host: values.host });
  const { port } = server.address();
  console.log(`Bantin site: http://localhost:${port}/`);
}
