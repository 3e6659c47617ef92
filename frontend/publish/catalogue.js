// What the static site shows, as it was last made: every published article in brief (its page's
// address, the lists and feeds it is in, the media it shows). Kept beside the site, so that a change
// re-makes only the pages it touches, and an article that changed its slug or tags leaves its old
// places.
import { tagKey } from '../site/js/urls.js';

const MEDIA_ID = /data-media-id="(\d+)"/g;

/** Newest first, as the API lists them; equal times by slug, so that every list keeps one order. */
function newestFirst(a, b) {
  return b.publishedAt.localeCompare(a.publishedAt) || b.slug.localeCompare(a.slug);
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
    publishedAt: new Date(article.publishedAt).toISOString(),
    updatedAt: article.updatedAt,
    rating: article.rating,
    media: [...media],
  };
}

export class Catalogue {
  #bySlug;
  #sorted = null;

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
    this.#sorted = null;
  }

  remove(slug) {
    this.#sorted = null;
    return this.#bySlug.delete(slug);
  }

  newestFirst() {
    this.#sorted ??= [...this.#bySlug.values()].sort(newestFirst);
    return this.#sorted;
  }

  inCategory(slug) {
    return this.newestFirst().filter((entry) => entry.category.slug === slug);
  }

  /** The articles with a tag of this key (tags that differ only in case or tones share it). */
  withTag(key) {
    return this.newestFirst().filter((entry) => entry.tags.some((tag) => tagKey(tag) === key));
  }

  tagKeys() {
    return new Set(this.newestFirst().flatMap((entry) => entry.tags.map(tagKey)));
  }

  usingMedia(id) {
    return this.newestFirst().filter((entry) => entry.media.includes(id));
  }
}
