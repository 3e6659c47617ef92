// What the generator reads: the API's public endpoints, as any reader's browser could.
import { setTimeout as sleep } from 'node:timers/promises';

import { zonedDate } from '../site/js/format.js';
import { apiUrl } from '../site/js/urls.js';

/** The API answered with an error the generator cannot go on from. */
class ApiFailure extends Error {
  constructor(status, url) {
    super(`${url}: HTTP ${status}`);
    this.status = status;
  }
}

const LIST_LIMIT = 100;
/** As the API's lists: page × limit at most this deep; older articles are reached by narrowing `to`. */
const LIST_DEPTH = 10_000;
const BUSY_RETRIES = 20;

/**
 * A client of the API at `baseUrl`. Reads that are refused for being too many (429) or too slow
 * (503) wait as Retry-After says and are tried again: a full build reads far more than a reader.
 */
export function siteApi(baseUrl) {
  async function get(path, params, { missing = [] } = {}) {
    const url = apiUrl(baseUrl, path, params);
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.ok) return response.json();
      await response.body?.cancel();
      if (missing.includes(response.status)) return { missing: response.status };
      if ((response.status === 429 || response.status === 503) && attempt < BUSY_RETRIES) {
        await sleep(1000 * Math.min(30, Number(response.headers.get('Retry-After')) || 1));
        continue;
      }
      throw new ApiFailure(response.status, url);
    }
  }

  return {
    site: () => get('/api/v1/site'),
    categories: () => get('/api/v1/categories'),
    /** The contract (OpenAPI) the API serves. */
    contract: () => get('/q/openapi', { format: 'json' }),
    /** The published article, or { missing: 404 } (never published, unpublished) or { missing: 410 } (expired). */
    article: (slug) => get(`/api/v1/articles/${encodeURIComponent(slug)}`, {}, { missing: [404, 410] }),

    /** The published document, or { missing: 404 } (a draft, deleted, never there). */
    document: (slug) => get(`/api/v1/documents/${encodeURIComponent(slug)}`, {}, { missing: [404] }),

    /** Every published document, whole, as the API lists them (newest issue date first). */
    async documents() {
      const all = [];
      for (let page = 1; ; page += 1) {
        const { items } = await get('/api/v1/documents', { limit: LIST_LIMIT, page });
        all.push(...items);
        if (items.length < LIST_LIMIT) return all;
      }
    },

    questionTopics: () => get('/api/v1/questions/topics'),
    questionPrivacyNotice: () => get('/api/v1/questions/privacy-notice'),

    /** Every published article's summary, newest first, however many there are. */
    async summaries(timeZone) {
      const all = new Map();
      let to;
      for (;;) {
        let added = 0;
        let last;
        for (let page = 1; page * LIST_LIMIT <= LIST_DEPTH; page += 1) {
          const { items } = await get('/api/v1/articles', { limit: LIST_LIMIT, page, to });
          for (const item of items) {
            if (!all.has(item.slug)) added += 1;
            all.set(item.slug, item);
          }
          last = items.at(-1);
          if (items.length < LIST_LIMIT) return [...all.values()];
        }
        // Deeper than lists go: again from the day of the last one read (its day is read again, and known ones kept once).
        if (added === 0) return [...all.values()];
        to = zonedDate(last.publishedAt, timeZone);
      }
    },
  };
}
