// The published legal documents as the static site last made them, whole (they are short): for their
// list, the choices of the search form, the sitemap, and which pages a change touches.

const RELATIONS = ['replaces', 'replacedBy', 'amends', 'amendedBy', 'guides', 'guidedBy'];
const vietnamese = new Intl.Collator('vi');

/** As the API lists them: newest issue date first, undated last, then the newest id first. */
function newestIssuedFirst(a, b) {
  if (a.issuedAt !== b.issuedAt) {
    if (!a.issuedAt || !b.issuedAt) return a.issuedAt ? -1 : 1;
    return b.issuedAt.localeCompare(a.issuedAt);
  }
  return b.id - a.id;
}

function sortedValues(values) {
  return [...new Set(values.filter(Boolean))].sort(vietnamese.compare);
}

export class DocumentCatalogue {
  #bySlug;
  #sorted = null;

  constructor(documents = []) {
    this.#bySlug = new Map(documents.map((document) => [document.slug, document]));
  }

  get(slug) {
    return this.#bySlug.get(slug);
  }

  put(document) {
    this.#bySlug.set(document.slug, document);
    this.#sorted = null;
  }

  remove(slug) {
    this.#sorted = null;
    return this.#bySlug.delete(slug);
  }

  newestFirst() {
    this.#sorted ??= [...this.#bySlug.values()].sort(newestIssuedFirst);
    return this.#sorted;
  }

  /** What the search form offers: the types, issuers and fields the documents have, and their years, newest first. */
  choices() {
    const documents = this.newestFirst();
    return {
      types: sortedValues(documents.map((document) => document.type)),
      issuers: sortedValues(documents.map((document) => document.issuer)),
      fields: sortedValues(documents.map((document) => document.field)),
      years: [...new Set(documents.filter((document) => document.issuedAt).map((document) => Number(document.issuedAt.slice(0, 4))))],
    };
  }

  /** The slugs of the documents this one is related to, either way (their pages name it). */
  static relatedSlugs(document) {
    return RELATIONS.flatMap((relation) => document[relation].map((other) => other.slug));
  }

  /** The documents whose status changes on `day` (YYYY-MM-DD): in force, or expired, from that day. */
  changingOn(day) {
    return this.newestFirst().filter((document) => document.effectiveAt === day || document.expiresAt === day);
  }

  /** The first day after `today` on which some document's status changes by its dates, or null. */
  nextChangeAfter(today) {
    const days = this.newestFirst().flatMap((document) => [document.effectiveAt, document.expiresAt])
      .filter((day) => day && day > today);
    return days.length > 0 ? days.sort()[0] : null;
  }

  usingMedia(id) {
    return this.newestFirst().filter((document) => document.attachments.some((file) => file.id === id));
  }
}
