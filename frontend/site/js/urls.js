// Addresses of the site's pages and of the API. Pure functions.
//
// Every page is the one index.html with a query, so that any static host serves the site
// without rewrite rules: /?article=slug, /?category=slug, /?tag=CCHC, /?q=words, and &page=N.

const ROUTE_KEYS = ['article', 'preview', 'category', 'tag', 'q'];

function pageQuery(key, value, page) {
  const query = new URLSearchParams();
  if (key) query.set(key, value);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/?${text}` : '/';
}

export const homeUrl = (page = 1) => pageQuery(null, null, page);
export const articleUrl = (slug) => pageQuery('article', slug, 1);
export const categoryUrl = (slug, page = 1) => pageQuery('category', slug, page);
export const tagUrl = (tag, page = 1) => pageQuery('tag', tag, page);
export const searchUrl = (q, page = 1) => pageQuery('q', q, page);

/** Which page an address shows: { name, value, page }; name is 'notFound' for anything else. */
export function route(href) {
  const url = new URL(href);
  if (url.pathname !== '/' && url.pathname !== '/index.html') return { name: 'notFound' };
  const pageText = url.searchParams.get('page');
  const page = pageText === null ? 1 : Number(pageText);
  if (!Number.isInteger(page) || page < 1) return { name: 'notFound' };
  const keys = ROUTE_KEYS.filter((key) => url.searchParams.has(key));
  if (keys.length > 1) return { name: 'notFound' };
  if (keys.length === 0) return { name: 'home', page };
  const value = url.searchParams.get(keys[0]).trim();
  if (keys[0] === 'q') return { name: 'search', value, page };
  return value ? { name: keys[0], value, page } : { name: 'notFound' };
}

function underBase(baseUrl, path) {
  return new URL(baseUrl.replace(/\/+$/, '') + path);
}

/** An API address: base (which may end in a path prefix) + path + the parameters that have a value. */
export function apiUrl(baseUrl, path, params = {}) {
  const url = underBase(baseUrl, path);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.href;
}

/**
 * Paths in content ("/api/v1/media/files/...", legacy "/media/...") are the API's, so they are
 * resolved under its base (prefix included); full URLs (a CDN, another site) stay as they are.
 */
export function mediaUrl(src, baseUrl) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return src;
  return underBase(baseUrl, src.startsWith('/') ? src : `/${src}`).href;
}

/**
 * The candidates of a srcset attribute as browsers split them: a URL runs to the next space
 * (commas inside it are kept, trailing ones end the candidate), its descriptor to the next comma.
 */
export function srcsetCandidates(srcset) {
  const candidates = [];
  const text = srcset || '';
  let at = 0;
  for (;;) {
    while (at < text.length && /[\s,]/.test(text[at])) at += 1;
    if (at >= text.length) return candidates;
    const urlEnd = text.slice(at).search(/\s/);
    let url = urlEnd < 0 ? text.slice(at) : text.slice(at, at + urlEnd);
    at += url.length;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const comma = text.indexOf(',', at);
      descriptor = (comma < 0 ? text.slice(at) : text.slice(at, comma)).trim().replace(/\s+/g, ' ');
      at = comma < 0 ? text.length : comma + 1;
    }
    candidates.push({ url, descriptor });
  }
}

/** A srcset with every URL resolved as mediaUrl() resolves a src, descriptors kept. */
export function mediaSrcset(srcset, baseUrl) {
  return srcsetCandidates(srcset)
    .map(({ url, descriptor }) => (descriptor ? `${mediaUrl(url, baseUrl)} ${descriptor}` : mediaUrl(url, baseUrl)))
    .join(', ');
}

/** How many pages `total` items fill, `limit` per page (at least one). */
export function pageCount(total, limit) {
  return Math.max(1, Math.ceil(total / limit));
}
