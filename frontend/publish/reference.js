// The API reference for integrators, as a page of the site: Redoc (from npm, served by the site itself, no
// third-party host) drawing the contract the API serves, with the API's public address as its server.
import { readFile } from 'node:fs/promises';

export const REFERENCE_FOLDER = 'tai-lieu-api';
const REDOC = new URL('../node_modules/redoc/bundles/redoc.standalone.js', import.meta.url);
/**
 * The one file Redoc's bundle fetches from elsewhere: the logo of its footer link. The site loads nothing from
 * other hosts (a reader's address stays with the portal), so the logo is the site's own icon.
 */
const REDOC_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bantin API reference</title>
<meta name="description" content="Every operation of this portal's API: public reads, editors' writes, readers' actions, webhooks.">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<noscript>The reference needs JavaScript; the contract itself is <a href="openapi.json">openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="redoc.standalone.js"></script>
<script src="/js/reference.js"></script>
</body>
</html>
`;

/** Writes the reference into the site: the page, Redoc, and the contract pointed at `publicApiUrl` (the starter is /js/reference.js). */
export async function writeReference(write, contract, publicApiUrl) {
  const servers = (contract.servers ?? []).filter((server) => server.url !== '/');
  const pointed = { ...contract, servers: [{ url: publicApiUrl, description: "This portal's API" }, ...servers] };
  await write(`${REFERENCE_FOLDER}/openapi.json`, JSON.stringify(pointed));
  const redoc = (await readFile(REDOC, 'utf8')).replaceAll(REDOC_LOGO, '/favicon.svg');
  if (redoc.includes('cdn.redoc.ly')) throw new Error('Redoc fetches from its CDN: see REDOC_LOGO');
  await write(`${REFERENCE_FOLDER}/redoc.standalone.js`, redoc);
  await write(`${REFERENCE_FOLDER}/index.html`, PAGE);
}
