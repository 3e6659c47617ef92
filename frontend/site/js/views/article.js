// One article: title, date, rating, lead, body (the editor's sanitised HTML), tags, print.
import { h, trustedHtml } from '../dom.js';
import { publishDate } from '../format.js';
import { categoryUrl, mediaSrcset, mediaUrl, srcsetCandidates, tagUrl } from '../urls.js';
import { picture } from './picture.js';

/** The cover is the page's largest paint: fetched first, at the column's width (800 px at most). */
const COVER_SIZES = '(max-width: 800px) 100vw, 800px';

/**
 * The body, its media pointed at the API, wide tables scrolling. Library images come rendered
 * by the API (picture, srcset, sizes, width, height): only their URLs change here.
 */
function body(html, apiBaseUrl) {
  const content = trustedHtml(html);
  for (const image of content.querySelectorAll('img')) {
    const src = image.getAttribute('src');
    if (!src) {
      // The API dropped a source it does not allow (e.g. data: pasted from a word processor).
      (image.closest('picture') || image).remove();
      continue;
    }
    // As attributes, not properties: pages made ahead in Node (publish/) have no properties that reflect these.
    image.setAttribute('src', mediaUrl(src, apiBaseUrl));
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
  }
  for (const element of content.querySelectorAll('img[srcset], picture > source[srcset]')) {
    element.setAttribute('srcset', mediaSrcset(element.getAttribute('srcset'), apiBaseUrl));
  }
  for (const link of content.querySelectorAll('a[href^="/media/"], a[href^="/api/"]')) {
    link.setAttribute('href', mediaUrl(link.getAttribute('href'), apiBaseUrl));
  }
  for (const table of content.querySelectorAll('table')) {
    const scroller = h('div', { class: 'table-scroll' });
    table.replaceWith(scroller);
    scroller.append(table);
  }
  return h('div', { class: 'article-body' }, content);
}

/**
 * An address as the browser fetches it; null for one it cannot read (it shows nothing). Pages made
 * ahead in Node have no base address, and need none: their media addresses are already absolute.
 */
function absolute(url) {
  try {
    return new URL(url, document.baseURI ?? undefined).href;
  } catch {
    return null; // URL.canParse would say so without throwing, but readers' older browsers lack it
  }
}

/** Every address the body's images may show (src and srcset candidates), resolved. */
function imageAddresses(bodyElement) {
  const addresses = new Set();
  for (const element of bodyElement.querySelectorAll('img, picture > source')) {
    const urls = srcsetCandidates(element.getAttribute('srcset')).map(({ url }) => url);
    if (element.hasAttribute('src')) urls.push(element.getAttribute('src'));
    for (const url of urls) addresses.add(absolute(url));
  }
  return addresses;
}

/** The cover, unless the body already shows the same picture (as its src or one of its srcset). */
function cover(image, bodyElement, apiBaseUrl) {
  if (!image) return null;
  const src = absolute(mediaUrl(image.url, apiBaseUrl));
  if (src && imageAddresses(bodyElement).has(src)) return null;
  return h('figure', { class: 'article-cover' },
    picture(image, apiBaseUrl, { sizes: COVER_SIZES, fallbackSize: [1200, 675], fetchpriority: 'high' }),
    (image.caption || image.credit) && h('figcaption', {},
      image.caption,
      image.caption && image.credit && ' ',
      image.credit && h('span', { class: 'media-credit' }, `Ảnh: ${image.credit}`)));
}

export function articleView(article, ratingSection, { timeZone, apiBaseUrl }) {
  const bodyElement = body(article.body, apiBaseUrl);
  return h('article', { class: 'article' },
    h('p', { class: 'breadcrumb' }, h('a', { href: categoryUrl(article.category.slug) }, article.category.name)),
    h('h1', { class: 'article-title' }, article.title),
    h('div', { class: 'article-meta' },
      h('time', { datetime: article.publishedAt }, publishDate(article.publishedAt, timeZone)),
      h('button', { type: 'button', class: 'print-button', onclick: () => window.print() }, 'In bài viết')),
    ratingSection,
    article.summary && h('p', { class: 'article-lead' }, article.summary),
    cover(article.coverImage, bodyElement, apiBaseUrl),
    bodyElement,
    article.author && h('p', { class: 'article-author' }, article.author),
    article.tags.length > 0 && h('nav', { class: 'article-tags', 'aria-labelledby': 'tags-label' },
      h('span', { id: 'tags-label' }, 'Từ khóa: '),
      h('ul', {},
        article.tags.map((tag) => h('li', {}, h('a', { href: tagUrl(tag) }, tag))))));
}
