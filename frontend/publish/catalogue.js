// What the static site shows, as it was last made: every published article in brief (its page's
// address, the lists and feeds it is in, the media it shows). Kept beside the site, so that a change
// re-makes only the pages it touches, and an article that changed its slug or tags leaves its old
// places.
import { tagKey } from '../site/js/urls.js';

const MEDIA_ID = /data-media-id="(\d+)"/g;

/** An instant (ISO 8601, any offset, up to nanoseconds) as text that sorts as time does. */
function timeKey(iso) {
  const fraction = iso.match(/T[\d:]+\.(\d+)/)?.[1] || '';
  return `${new Date(iso).toISOString().slice(0, 19)}.${fraction.padEnd(9, '0')}`;
}

/** Newest first, as the API lists them (to the microsecond); equal times by slug, so that every list keeps one order. */
function newestFirst(a, b) {
  return timeKey(b.publishedAt).localeCompare(timeKey(a.publishedAt)) || b.slug.localeCompare(a.slug);
}

/** An article's entry: what its cards and the feeds, sitemaps and lists need, without its body. */
export function entryOf(article) {
  const media = new Set([...article.body.matchAll(MEDIA_ID)].map((match) => Number(match[1])));
  if (article.coverImage?.mediaId) media.add(article.coverImage.mediaId);
  return {
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    coverImage: article.coverImage,
    category: article.category,
    tags: article.tags,
    author: article.author,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    rating: article.rating,
    media: [...media],
  };
}

export class Catalogue {
  #bySlug;
  /** Derived from #bySlug when first asked for, dropped at every change. */
  #sorted = null;
  #lists = null;

  constructor(entries = []) {
    this.#bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  }

  toJSON() {
    return this.newestFirst();
  }

  get(slug) {
    return this.#bySlug.get(slug);
  }

  put(entry) {
    this.#bySlug.set(entry.slug, entry);
    this.#changed();
  }

  remove(slug) {
    this.#changed();
    return this.#bySlug.delete(slug);
  }

  #changed() {
    this.#sorted = null;
    this.#lists = null;
  }

  newestFirst() {
    this.#sorted ??= [...this.#bySlug.values()].sort(newestFirst);
    return this.#sorted;
  }

  /** The articles of each category and of each tag key, newest first, in one pass over all of them. */
  #grouped() {
    if (!this.#lists) {
      const byCategory = new Map();
      const byTag = new Map();
      const add = (map, key, entry) => (map.get(key) || map.set(key, []).get(key)).push(entry);
      for (const entry of this.newestFirst()) {
        add(byCategory, entry.category.slug, entry);
        for (const key of new Set(entry.tags.map(tagKey))) add(byTag, key, entry);
      }
      this.#lists = { byCategory, byTag };
    }
    return this.#lists;
  }

  inCategory(slug) {
    return this.#grouped().byCategory.get(slug) || [];
  }

  /** The articles with a tag of this key (tags that differ only in case or tones share it). */
  withTag(key) {
    return this.#grouped().byTag.get(key) || [];
  }

  tagKeys() {
    return new Set(this.#grouped().byTag.keys());
  }

  usingMedia(id) {
    return this.newestFirst().filter((entry) => entry.media.includes(id));
  }
}
