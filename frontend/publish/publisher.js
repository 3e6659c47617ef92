// Makes the static site from the API: all of it (build), or only the pages one change touches (apply).
import { dirname, join } from 'node:path';

import { zonedDate, zonedDateTime } from '../site/js/format.js';
import {
  articleUrl, documentUrl, documentsUrl, pageCount, tagKey,
} from '../site/js/urls.js';
import { DOCUMENT_PAGE_SIZE } from '../site/js/views/documents.js';
import { PAGE_SIZE } from '../site/js/views/list-page.js';
import { Catalogue, entryOf } from './catalogue.js';
import { DocumentCatalogue } from './document-catalogue.js';
import { documentListPage, documentPage, documentSearchPage } from './document-pages.js';
import { questionsPage } from './question-pages.js';
import { feedsOf } from './feeds.js';
import { categoryList, fileOf, homeList, tagList } from './lists.js';
import { OWN_FOLDER, Output } from './output.js';
import {
  articlePage, expiredPage, listPage, notFoundPage, redirectPage, scriptedPage,
} from './pages.js';
import { writeReference } from './reference.js';
import { Redirects } from './redirects.js';
import { siteApi } from './site-api.js';
import { robotsTxt, sitemapFiles } from './sitemaps.js';

/** Articles read from the API at once during a build. */
const READS_AT_ONCE = 8;
const CATALOGUE = join(OWN_FOLDER, 'catalogue.json');
/** Pages a build writes in these places; any other file there is from an earlier build and goes. */
const MADE_FOLDERS = ['tin-tuc', 'chuyen-muc', 'tu-khoa', 'van-ban'];
const MADE_IN_ROOT = /^(trang-\d+\.html|sitemap-.+\.xml)$/;
const LATER_PAGE = /^trang-(\d+)\.html$/;
/** Among the entries pages() touched: the list of documents (with the search form's choices), not an article's lists. */
const DOCUMENT_LIST = Object.freeze({ documentList: true });
/** The event the keeper adds on a day documents change status by their dates alone (see nextDocumentDay()). */
export const DOCUMENT_DAY = 'site.document-day';
/**
 * How long after the site's midnight that day's pages are made: the API's cached responses live up to
 * a minute (bantin.response-cache.max-age), and must show the new day's status.
 */
const DAY_MARGIN_MS = 2 * 60 * 1000;

async function eachAtMost(limit, items, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class Publisher {
  /**
   * `apiUrl`: where the API is read; `publicApiUrl`: where readers' browsers reach it (pages and
   * config.js name it; the same by default); `siteUrl`: the site's own address (canonical links,
   * feeds, sitemaps); `root`: the folder the site is written to.
   */
  constructor({ apiUrl, publicApiUrl = apiUrl, siteUrl, root }) {
    this.api = siteApi(apiUrl);
    this.publicApiUrl = publicApiUrl.replace(/\/+$/, '');
    this.siteUrl = siteUrl.replace(/\/+$/, '');
    this.output = new Output(root);
    this.catalogue = new Catalogue();
    this.documents = new DocumentCatalogue();
    this.redirects = null;
    this.ctx = null;
  }

  async #readSite() {
    const [site, categories] = await Promise.all([this.api.site(), this.api.categories()]);
    this.ctx = { site, categories, siteUrl: this.siteUrl, apiBaseUrl: this.publicApiUrl };
    this.redirects ??= await Redirects.load(this.output);
  }

  /** The whole site from what the API publishes now; files of earlier builds that name nothing now go. Returns counts. */
  async build() {
    await this.#readSite();
    const written = new Set();
    const write = async (file, content) => {
      written.add(file);
      await this.output.write(file, content);
    };
    const catalogue = new Catalogue();
    await this.output.copyAssets(this.publicApiUrl);
    const summaries = await this.api.summaries(this.ctx.site.timeZone);
    await eachAtMost(READS_AT_ONCE, summaries, async ({ slug }) => {
      const article = await this.api.article(slug);
      if (article.missing) return; // unpublished since it was listed
      catalogue.put(entryOf(article));
      await write(fileOf(articleUrl(slug)), articlePage(article, this.ctx));
    });
    this.catalogue = catalogue;
    const withFeeds = [
      homeList(catalogue, this.ctx.site), ...this.ctx.categories.map((category) => categoryList(category, catalogue)),
    ];
    for (const list of withFeeds) {
      await this.#writeList(list, write);
      await this.#writeFeeds(list, write);
    }
    for (const key of catalogue.tagKeys()) await this.#writeList(tagList(key, catalogue), write);
    const documents = new DocumentCatalogue(await this.api.documents());
    for (const document of documents.newestFirst()) await write(fileOf(documentUrl(document.slug)), documentPage(document, this.ctx));
    this.documents = documents;
    await this.#writeDocumentList(write);
    await this.#writeSitemaps(write);
    await this.#writeFixedPages(write);
    for (const entry of catalogue.newestFirst()) this.redirects.drop(articleUrl(entry.slug));
    for (const [from, to] of this.redirects.entries()) await write(fileOf(from), redirectPage(to, this.ctx));
    await this.redirects.save(this.output);
    await this.#removeAllBut(written);
    await this.#saveCatalogue();
    return { articles: catalogue.newestFirst().length, documents: documents.newestFirst().length, files: written.size };
  }

  /**
   * The first step of applying webhook events: each article's own page as its event says (for a
   * media event, each article that shows the file); each document's page, and the pages of the
   * documents it relates to before and after (they name it, and its publication can replace them).
   * Returns { rebuild } when the whole site must be made again (a category changed: names and the
   * menu are on every page), else { touched }: the catalogue entries, before and after, whose lists
   * (see lists()) are to be made again, and DOCUMENT_LIST when a document changed.
   */
  async pages(events) {
    if (!this.ctx) await this.#readSite();
    if (events.some((event) => event.type.startsWith('category.'))) return { rebuild: true };
    const changes = [];
    const documentSlugs = new Set();
    for (const event of events) {
      if (event.type.startsWith('article.')) changes.push(event.data);
      if (event.type.startsWith('document.')) documentSlugs.add(event.data.slug);
      if (event.type === DOCUMENT_DAY) for (const document of this.documents.changingOn(event.data.day)) documentSlugs.add(document.slug);
      if (event.type.startsWith('media.')) {
        changes.push(...this.catalogue.usingMedia(event.data.id).map((entry) => ({ slug: entry.slug })));
        for (const document of this.documents.usingMedia(event.data.id)) documentSlugs.add(document.slug);
      }
    }
    // Surveys are read by the page's script; pings and anything newer change no page.
    const touched = [];
    for (const change of changes) touched.push(...await this.#articleChanged(change));
    if (changes.length > 0) {
      await this.redirects.save(this.output);
      await this.#saveCatalogue();
    }
    if (documentSlugs.size > 0) {
      const related = new Set();
      for (const slug of documentSlugs) for (const other of await this.#documentChanged(slug)) related.add(other);
      for (const slug of related) if (!documentSlugs.has(slug)) await this.#documentChanged(slug);
      touched.push(DOCUMENT_LIST);
    }
    return { touched };
  }

  /**
   * The next day after `now` on which a document comes into force or expires, when no webhook tells
   * of it, and when to make its pages: { day, at } (at in ms since the epoch), or null.
   */
  nextDocumentDay(now) {
    if (!this.ctx) return null;
    const { timeZone } = this.ctx.site;
    const day = this.documents.nextChangeAfter(zonedDate(now, timeZone));
    if (!day) return null;
    const asUtc = Date.parse(`${day}T00:00:00Z`);
    const offset = zonedDateTime(asUtc, timeZone).slice(19); // the zone's offset that day, e.g. +07:00
    return { day, at: Date.parse(`${day}T00:00:00${offset}`) + DAY_MARGIN_MS };
  }

  /**
   * The second step: the lists that show or showed these entries (home, their categories, their
   * tags; a tag nobody has any more goes), their feeds, the list of documents if touched, and the sitemaps.
   */
  async lists(touched) {
    const write = (file, content) => this.output.write(file, content);
    const articles = touched.filter((entry) => entry !== DOCUMENT_LIST);
    if (articles.length > 0) await this.#articleLists(articles, write);
    if (articles.length < touched.length) await this.#writeDocumentList(write);
    await this.#writeSitemaps(write);
  }

  async #articleLists(touched, write) {
    const categorySlugs = new Set(touched.map((entry) => entry.category.slug));
    const tagKeys = new Set(touched.flatMap((entry) => entry.tags.map(tagKey)));
    const categories = this.ctx.categories.filter((category) => categorySlugs.has(category.slug))
      .map((category) => categoryList(category, this.catalogue));
    for (const list of [homeList(this.catalogue, this.ctx.site), ...categories]) {
      await this.#writeList(list, write);
      await this.#writeFeeds(list, write);
    }
    for (const key of tagKeys) {
      const list = tagList(key, this.catalogue);
      if (list) await this.#writeList(list, write);
      else await this.output.removeFolder(`tu-khoa/${key}`);
    }
  }

  /**
   * Re-makes a document's page from what the API publishes now (or removes it); returns the slugs of the
   * documents it related to before and relates to now.
   */
  async #documentChanged(slug) {
    const before = this.documents.get(slug);
    const related = new Set(before ? DocumentCatalogue.relatedSlugs(before) : []);
    const document = await this.api.document(slug);
    const file = fileOf(documentUrl(slug));
    if (document.missing) {
      this.documents.remove(slug);
      await this.output.remove(file);
    } else {
      this.documents.put(document);
      await this.output.write(file, documentPage(document, this.ctx));
      for (const other of DocumentCatalogue.relatedSlugs(document)) related.add(other);
    }
    return related;
  }

  /** Re-makes an article's own page (or removes it); returns its catalogue entries before and after, for its lists. */
  async #articleChanged({ slug, previousSlug }) {
    const write = (file, content) => this.output.write(file, content);
    const moved = previousSlug && previousSlug !== slug ? previousSlug : null;
    const before = [this.catalogue.get(slug), moved && this.catalogue.get(moved)].filter(Boolean);
    const article = await this.api.article(slug);
    const file = fileOf(articleUrl(slug));
    if (moved) {
      this.catalogue.remove(moved);
      await this.output.remove(fileOf(articleUrl(moved)));
    }
    if (article.missing) {
      this.catalogue.remove(slug);
      if (article.missing === 410) await write(file, expiredPage(this.ctx));
      else await this.output.remove(file);
      return before;
    }
    this.catalogue.put(entryOf(article));
    this.redirects.drop(articleUrl(slug)); // a live article's own address is never redirected
    await write(file, articlePage(article, this.ctx));
    const redirected = moved ? this.redirects.add(articleUrl(moved), articleUrl(slug)) : [];
    for (const [from, to] of redirected) await write(fileOf(from), redirectPage(to, this.ctx));
    return [...before, this.catalogue.get(slug)];
  }

  /** Every page of a list, and no later page left from when it was longer. */
  async #writeList(list, write) {
    const pages = pageCount(list.articles.length, PAGE_SIZE);
    for (let page = 1; page <= pages; page += 1) await write(fileOf(list.urlFor(page)), listPage(list, page, this.ctx));
    await this.#removePagesAfter(pages, dirname(fileOf(list.urlFor(1))));
  }

  /** The pages of every document, newest issue date first, and the search page, whose form offers what they have. */
  async #writeDocumentList(write) {
    const documents = this.documents.newestFirst();
    const choices = this.documents.choices();
    const pages = pageCount(documents.length, DOCUMENT_PAGE_SIZE);
    for (let page = 1; page <= pages; page += 1) {
      await write(fileOf(documentsUrl(page)), documentListPage(documents, choices, page, this.ctx));
    }
    await this.#removePagesAfter(pages, dirname(fileOf(documentsUrl())));
    await write('tra-cuu-van-ban.html', documentSearchPage(choices, this.ctx));
  }

  /** No later page left in `folder` from when its list was longer. */
  async #removePagesAfter(pages, folder) {
    for (const name of await this.output.namesIn(folder)) {
      const later = name.match(LATER_PAGE);
      if (later && Number(later[1]) > pages) await this.output.remove(join(folder, name));
    }
  }

  async #writeFeeds(list, write) {
    const { rss, atom } = feedsOf(list, this.ctx);
    await write(fileOf(list.feeds.rss), rss);
    await write(fileOf(list.feeds.atom), atom);
  }

  /** The sitemaps, which every published change touches; no sitemap file left from a longer site. */
  async #writeSitemaps(write) {
    const sitemaps = await sitemapFiles(this.catalogue, this.ctx.categories, this.documents.newestFirst(), this.ctx);
    for (const [file, xml] of Object.entries(sitemaps)) await write(file, xml);
    for (const name of await this.output.namesIn('.')) {
      if (/^sitemap-.+\.xml$/.test(name) && !(name in sitemaps)) await this.output.remove(name);
    }
  }

  /**
   * What changes only with the site's name or menu: robots.txt and the pages of not found, search, consultations
   * (filled by their script) and preview; and the
   * questions page, whose topics and privacy notice change with no event (a build takes them anew).
   */
  async #writeFixedPages(write) {
    const [topics, notice] = await Promise.all([this.api.questionTopics(), this.api.questionPrivacyNotice()]);
    await write('hoi-dap.html', questionsPage(topics, notice, this.ctx));
    await write('robots.txt', robotsTxt(this.siteUrl));
    await write('404.html', notFoundPage(this.ctx));
    await write('tim-kiem.html', scriptedPage('search', 'Kết quả tìm kiếm', this.ctx));
    await write('gop-y-du-thao.html', scriptedPage('consultations', 'Lấy ý kiến dự thảo', this.ctx));
    await write('xem-truoc.html', scriptedPage('preview', 'Bản xem trước', this.ctx));
    await writeReference(write, await this.api.contract(), this.publicApiUrl);
  }

  async #removeAllBut(written) {
    const made = [
      ...(await this.output.namesIn('.')).filter((name) => MADE_IN_ROOT.test(name)),
      ...(await Promise.all(MADE_FOLDERS.map((folder) => this.output.filesIn(folder)))).flat(),
    ];
    for (const file of made) if (!written.has(file)) await this.output.remove(file);
  }

  async #saveCatalogue() {
    await this.output.write(CATALOGUE, JSON.stringify(this.catalogue));
  }
}
