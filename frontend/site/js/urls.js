// Addresses of the site's pages and of the API. Pure functions.
//
// Pages are files that any static host serves: /tin-tuc/<slug>.html for an article, folders for
// lists (/chuyen-muc/<slug>/, /tu-khoa/<tag>/, and trang-N.html for their later pages). Legal
// documents: /van-ban/<slug>.html, listed in /van-ban/. Search, document search and previews are one
// page each that reads its query.

const enc = encodeURIComponent;

function listPage(folder, page) {
  return page > 1 ? `${folder}trang-${page}.html` : folder;
}

function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * A tag's part of its address: without tones, marks and case (so "Cải cách" and "cải cách" share a
 * page). A tag with no letter or digit is named by its bytes.
 */
export function tagKey(tag) {
  const key = tag.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (key) return key;
  return `x-${[...new TextEncoder().encode(tag)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export const homeUrl = (page = 1) => listPage('/', page);
export const articleUrl = (slug) => `/tin-tuc/${enc(slug)}.html`;
export const categoryUrl = (slug, page = 1) => listPage(`/chuyen-muc/${enc(slug)}/`, page);
export const tagUrl = (tag, page = 1) => listPage(`/tu-khoa/${tagKey(tag)}/`, page);
export const searchUrl = (q, page = 1) => withQuery('/tim-kiem.html', { q, page: page > 1 && page });
export const previewUrl = (token) => withQuery('/xem-truoc.html', { token });
export const documentsUrl = (page = 1) => listPage('/van-ban/', page);
export const consultationsUrl = () => '/gop-y-du-thao.html';
export const questionsUrl = (q, topic, page = 1) => withQuery('/hoi-dap.html', { q, topic, page: page > 1 && page });
export const documentUrl = (slug) => `/van-ban/${enc(slug)}.html`;

/** The filters of the document search, in the order of its form and of its addresses. */
export const DOCUMENT_FILTERS = ['q', 'number', 'type', 'issuer', 'field', 'signer', 'year', 'status'];

/** The document search page for `filter` (any of DOCUMENT_FILTERS), page `page`. */
export function documentSearchUrl(filter, page = 1) {
  const params = Object.fromEntries(DOCUMENT_FILTERS.map((name) => [name, filter[name]]));
  return withQuery('/tra-cuu-van-ban.html', { ...params, page: page > 1 && page });
}

/** The page number of a query's `page`: 1 when absent, null when it is not a whole number from 1. */
function pageNumber(params) {
  const text = params.get('page');
  const page = text === null ? 1 : Number(text);
  return Number.isInteger(page) && page >= 1 ? page : null;
}

/** What the search page shows: { q, page }, or null for a page number that is not one. */
export function searchQuery(href) {
  const params = new URL(href).searchParams;
  const page = pageNumber(params);
  return page && { q: (params.get('q') || '').trim(), page };
}

/**
 * What the document search page shows: { filter, page } with every filter trimmed ('' when absent),
 * or null for a page number that is not one.
 */
export function documentQuery(href) {
  const params = new URL(href).searchParams;
  const page = pageNumber(params);
  const filter = Object.fromEntries(DOCUMENT_FILTERS.map((name) => [name, (params.get(name) || '').trim()]));
  return page && { filter, page };
}

const LEGACY = {
  article: (value) => articleUrl(value),
  category: (value, page) => categoryUrl(value, page),
  tag: (value, page) => tagUrl(value, page),
  q: (value, page) => searchUrl(value, page),
  preview: (value) => previewUrl(value),
};

/**
 * Where an address of the earlier one-page site (/?article=slug, /?category=…, /?tag=…, /?q=…,
 * /?preview=…, /?page=N) now is; null for any other address.
 */
export function movedAddress(href) {
  const url = new URL(href);
  if ((url.pathname !== '/' && url.pathname !== '/index.html') || !url.search) return null;
  const page = pageNumber(url.searchParams);
  const keys = Object.keys(LEGACY).filter((key) => url.searchParams.has(key));
  if (!page || keys.length > 1) return null;
  if (keys.length === 0) return url.searchParams.has('page') ? homeUrl(page) : null;
  const value = url.searchParams.get(keys[0]).trim();
  return value || keys[0] === 'q' ? LEGACY[keys[0]](value, page) : null;
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
