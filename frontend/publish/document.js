// Pages are made by the site's own view modules (site/js/views), which build DOM nodes: here in
// linkedom's DOM, on a copy of site/page.html, then written out as HTML.
import { readFileSync } from 'node:fs';

import { parseHTML } from 'linkedom';

const TEMPLATE = readFileSync(new URL('../site/page.html', import.meta.url), 'utf8');

/**
 * The HTML of the template once fill(document) has filled it. The views reach the page through the
 * global `document`, as in a browser, so it is that page's while fill runs (rendering is synchronous).
 */
export function buildPage(fill) {
  const { document } = parseHTML(TEMPLATE);
  const outer = globalThis.document;
  globalThis.document = document;
  try {
    fill(document);
  } finally {
    globalThis.document = outer;
  }
  return document.toString();
}
