// One article: title, date, rating, lead, body (the editor's sanitised HTML), tags, print.
import { h, trustedHtml } from '../dom.js';
import { publishDate } from '../format.js';
import { categoryUrl, mediaUrl, tagUrl } from '../urls.js';

/** The body, its media pointed at the API (where "/media/..." paths live), wide tables scrolling. */
function body(html, apiBaseUrl) {
  const content = trustedHtml(html);
  for (const image of content.querySelectorAll('img')) {
    const src = image.getAttribute('src');
    if (!src) {
      image.remove(); // the API dropped a source it does not allow (e.g. data: pasted from a word processor)
      continue;
    }
    image.src = mediaUrl(src, apiBaseUrl);
    image.loading = 'lazy';
    image.decoding = 'async';
  }
  for (const link of content.querySelectorAll('a[href^="/media/"]')) {
    link.href = mediaUrl(link.getAttribute('href'), apiBaseUrl);
  }
  for (const table of content.querySelectorAll('table')) {
    const scroller = h('div', { class: 'table-scroll' });
    table.replaceWith(scroller);
    scroller.append(table);
  }
  return h('div', { class: 'article-body' }, content);
}

/** The cover, unless the body already shows the same picture. */
function cover(image, bodyElement, apiBaseUrl) {
  if (!image) return null;
  const src = mediaUrl(image.url, apiBaseUrl);
  const absolute = new URL(src, document.baseURI).href;
  if ([...bodyElement.querySelectorAll('img')].some((img) => img.src === absolute)) return null;
  return h('figure', { class: 'article-cover' },
    h('img', { src, alt: image.alt || '', width: 1200, height: 675 }),
    image.caption && h('figcaption', {}, image.caption));
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
    article.tags.length > 0 && h('div', { class: 'article-tags' },
      h('span', { id: 'tags-label' }, 'Từ khóa: '),
      h('ul', { 'aria-labelledby': 'tags-label' },
        article.tags.map((tag) => h('li', {}, h('a', { href: tagUrl(tag) }, tag))))));
}
