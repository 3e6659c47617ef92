// Serves site/ as a static host would, for a first look and for the browser tests:
//   node serve.js [--port 8081] [--host 127.0.0.1] [--api http://localhost:8080]
// --api answers /config.js with that API address instead of the file's. In production any
// static host serves site/ (see the README for nginx); this server is not meant for it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SITE = fileURLToPath(new URL('./site/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function configFor(apiBaseUrl) {
  return `export default {\n  apiBaseUrl: ${JSON.stringify(apiBaseUrl)},\n};\n`;
}

/** The file a request path names, or null for one outside the site or hidden (a dot-file). */
function fileFor(requestUrl) {
  let path;
  try {
    path = decodeURIComponent(new URL(requestUrl, 'http://site').pathname);
  } catch {
    return null; // a malformed escape such as /%
  }
  const file = normalize(join(SITE, path.endsWith('/') ? `${path}index.html` : path));
  return file.startsWith(SITE) && !file.slice(SITE.length).split(sep).some((part) => part.startsWith('.')) ? file : null;
}

async function answer(request, response, apiBaseUrl) {
  const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  const file = fileFor(request.url);
  if (apiBaseUrl && file === join(SITE, 'config.js')) {
    response.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] }).end(configFor(apiBaseUrl));
    return;
  }
  try {
    if (!file) throw new Error('not a file of the site');
    const body = await readFile(file);
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    // As nginx's `error_page 404 /index.html`: the page itself says "not found".
    response.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
    response.end(await readFile(join(SITE, 'index.html')));
  }
}

/** Starts the server; resolves to it once it listens (port 0: any free port). */
export function serveSite({ port = 8081, host = '127.0.0.1', apiBaseUrl } = {}) {
  const server = createServer((request, response) => {
    answer(request, response, apiBaseUrl).catch(() => response.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8081' }, host: { type: 'string', default: '127.0.0.1' }, api: { type: 'string' } },
  });
  const server = await serveSite({ port: Number(values.port), host: values.host, apiBaseUrl: values.api });
  const { port } = server.address();
  console.log(`Bantin site: http://localhost:${port}/`);
}
