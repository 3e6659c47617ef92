// Every page of the static site as HTML: the template with its head (title, description, canonical
// address, link-preview and search-engine data), header, and content made by the site's views.
import { h, show } from '../site/js/dom.js';
import { zonedDateTime } from '../site/js/format.js';
import { articleUrl, categoryUrl, mediaUrl } from '../site/js/urls.js';
import { articleView } from '../site/js/views/article.js';
import { renderMenu, renderSite } from '../site/js/views/header.js';
import { PAGE_SIZE, emptyListNote, listPageView } from '../site/js/views/list-page.js';
import {
  EXPIRED_TITLE, NOT_FOUND_TITLE, expiredView, notFoundView,
} from '../site/js/views/messages.js';
import { ratingView } from '../site/js/views/rating.js';
import { buildPage } from './document.js';

/** Link previews (Zalo, Facebook) cut descriptions near this length. */
const DESCRIPTION_LENGTH = 200;

/** The addresses of the site's own feeds, for <link rel="alternate">. */
export const SITE_FEEDS = { rss: '/rss.xml', atom: '/atom.xml' };
export const categoryFeeds = (slug) => ({ rss: `${categoryUrl(slug)}rss.xml`, atom: `${categoryUrl(slug)}atom.xml` });

export function shortened(text) {
  const plain = (text || '').replace(/\s+/g, ' ').trim();
  return plain.length <= DESCRIPTION_LENGTH ? plain : `${plain.slice(0, DESCRIPTION_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}

/** Data for search engines in a <script> that is never run; `<` escaped so the text cannot end the element. */
export function jsonLd(data) {
  return h('script', { type: 'application/ld+json' }, JSON.stringify(data).replace(/</g, '\\u003c'));
}

/**
 * What every page has: title, description, canonical address, Open Graph and Twitter basics,
 * feeds, header (name, tagline, menu) and what the page's scripts need to know (data-page,
 * data-time-zone). `ctx`: { site, categories, siteUrl }; `active`: the menu's current item (see renderMenu).
 */
export function fillCommon(document, ctx, {
  title, description, path, page, active = null, feeds = SITE_FEEDS, indexed = true, ogType = 'website',
}) {
  const { site, categories, siteUrl } = ctx;
  const fullTitle = title ? `${title} – ${site.name}` : site.name;
  const head = document.head;
  const meta = (attributes) => head.append(h('meta', attributes));
  document.querySelector('title').textContent = fullTitle;
  if (description) meta({ name: 'description', content: description });
  if (!indexed) meta({ name: 'robots', content: 'noindex' });
  if (path) {
    const url = siteUrl + path;
    head.append(h('link', { rel: 'canonical', href: url }));
    meta({ property: 'og:url', content: url });
  }
  meta({ property: 'og:site_name', content: site.name });
  meta({ property: 'og:locale', content: 'vi_VN' });
  meta({ property: 'og:type', content: ogType });
  meta({ property: 'og:title', content: title || site.name });
  if (description) meta({ property: 'og:description', content: description });
  head.append(
    h('link', { rel: 'alternate', type: 'application/rss+xml', title: `${site.name} (RSS)`, href: siteUrl + feeds.rss }),
    h('link', { rel: 'alternate', type: 'application/atom+xml', title: `${site.name} (Atom)`, href: siteUrl + feeds.atom }),
  );
  renderSite(site);
  renderMenu(categories, active);
  document.body.setAttribute('data-page', page);
  document.body.setAttribute('data-time-zone', site.timeZone);
  return document.getElementById('main');
}

/**
 * The rating as it stood when the page was made, its form there but disabled (rating needs the
 * page's script, which puts the live one in its place: same size, so nothing below it moves).
 */
function ratingAsMade(rating) {
  const { section } = ratingView(rating, () => {});
  for (const control of section.querySelectorAll('fieldset, button')) control.setAttribute('disabled', '');
  section.setAttribute('data-rating', JSON.stringify({ average: rating.average, count: rating.count }));
  return section;
}

function coverTags(article, ctx, meta) {
  const image = article.coverImage;
  if (!image) return [];
  const url = mediaUrl(image.ogImage || image.url, ctx.apiBaseUrl);
  meta({ property: 'og:image', content: url });
  if (image.ogImage) {
    meta({ property: 'og:image:width', content: '1200' });
    meta({ property: 'og:image:height', content: '630' });
  }
  if (image.alt) meta({ property: 'og:image:alt', content: image.alt });
  meta({ name: 'twitter:image', content: url });
  return [url];
}

/** An article's page: the whole text, with everything link previews and search engines read. */
export function articlePage(article, ctx) {
  return buildPage((document) => {
    const { site, siteUrl } = ctx;
    const path = articleUrl(article.slug);
    const description = shortened(article.summary || article.body.replace(/<[^>]*>/g, ' '));
    const main = fillCommon(document, ctx, {
      title: article.title, description, path, page: 'article', active: article.category.slug, ogType: 'article',
    });
    document.body.setAttribute('data-slug', article.slug);
    document.body.setAttribute('data-category', article.category.slug);
    const head = document.head;
    const meta = (attributes) => head.append(h('meta', attributes));
    const published = zonedDateTime(article.publishedAt, site.timeZone);
    const modified = zonedDateTime(article.updatedAt || article.publishedAt, site.timeZone);
    meta({ property: 'article:published_time', content: published });
    meta({ property: 'article:modified_time', content: modified });
    meta({ property: 'article:section', content: article.category.name });
    for (const tag of article.tags) meta({ property: 'article:tag', content: tag });
    const images = coverTags(article, ctx, meta);
    meta({ name: 'twitter:card', content: images.length ? 'summary_large_image' : 'summary' });
    meta({ name: 'twitter:title', content: article.title });
    meta({ name: 'twitter:description', content: description });
    head.append(jsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description,
      ...(images.length ? { image: images } : {}),
      datePublished: published,
      dateModified: modified,
      author: [{ '@type': 'Organization', name: article.author || site.name }],
      publisher: { '@type': 'Organization', name: site.name },
      mainEntityOfPage: siteUrl + path,
      articleSection: article.category.name,
      keywords: article.tags.join(', '),
      inLanguage: 'vi',
    }));
    const view = articleView(article, ratingAsMade(article.rating), { timeZone: site.timeZone, apiBaseUrl: ctx.apiBaseUrl });
    view.querySelector('.print-button').setAttribute('hidden', ''); // printing needs a script: shown by it
    show(main, view);
    main.setAttribute('aria-busy', 'false');
  });
}

/**
 * Page `page` of a list: `list` is { title, articles (all, newest first), urlFor(n), active, feeds },
 * `description` what the list is.
 */
export function listPage(list, page, ctx) {
  return buildPage((document) => {
    const items = list.articles.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const title = page > 1 ? `${list.title} – Trang ${page}` : list.title;
    const main = fillCommon(document, ctx, {
      title: list.isHome && page === 1 ? null : title,
      description: list.description,
      path: list.urlFor(page),
      page: 'list',
      active: list.active,
      feeds: list.feeds,
    });
    const result = { items, page, limit: PAGE_SIZE, total: list.articles.length };
    const context = { timeZone: ctx.site.timeZone, apiBaseUrl: ctx.apiBaseUrl };
    show(main, ...listPageView(list.title, items.length === 0 && emptyListNote(), result, list.urlFor, context));
    main.setAttribute('aria-busy', 'false');
  });
}

/** A page whose content its script fills from the API (search, preview): never indexed. */
export function scriptedPage(page, title, ctx) {
  return buildPage((document) => {
    const main = fillCommon(document, ctx, { title, page, indexed: false });
    show(main, h('h1', {}, title), h('noscript', {}, h('p', {}, 'Trang này cần bật JavaScript trong trình duyệt.')));
  });
}

/** The page a static host shows for any address that names nothing. */
export function notFoundPage(ctx) {
  return buildPage((document) => {
    const main = fillCommon(document, ctx, { title: NOT_FOUND_TITLE, page: 'message', indexed: false });
    show(main, notFoundView());
    main.setAttribute('aria-busy', 'false');
  });
}

/** What stays at an expired article's address: that it has ended, nothing of its content. */
export function expiredPage(ctx) {
  return buildPage((document) => {
    const main = fillCommon(document, ctx, { title: EXPIRED_TITLE, page: 'message', indexed: false });
    show(main, expiredView());
    main.setAttribute('aria-busy', 'false');
  });
}

/** What stays at an article's old address once its slug changed: where it is now (nginx answers a 301 before this). */
export function redirectPage(to, ctx) {
  return buildPage((document) => {
    const main = fillCommon(document, ctx, { title: 'Bài viết đã chuyển địa chỉ', page: 'message', indexed: false });
    const target = ctx.siteUrl + to;
    document.head.append(h('link', { rel: 'canonical', href: target }), h('meta', { 'http-equiv': 'refresh', content: `0; url=${to}` }));
    show(main, h('section', { class: 'message' },
      h('h1', {}, 'Bài viết đã chuyển địa chỉ'),
      h('p', {}, 'Bài viết này nay ở ', h('a', { href: to }, target), '.')));
    main.setAttribute('aria-busy', 'false');
  });
}
