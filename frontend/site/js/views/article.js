// One article: title, date, rating, lead, body (the editor's sanitised HTML), tags, print.
import { h, trustedHtml } from '../dom.js';
import { publishDate } from '../format.js';
import { categoryUrl, mediaUrl, tagUrl } from '../urls.js';

/** Points the body's images at the API's media and lets them load lazily. */
function body(html, apiBaseUrl) {
  const content = trustedHtml(html);
  for (const image of content.querySelectorAll('img')) {
    image.src = mediaUrl(image.getAttribute('src'), apiBaseUrl);
    image.loading = 'lazy';
    image.decoding = 'async';
  }
  return h('div', { class: 'article-body' }, content);
}

/** The cover is shown only when the body does not already show the same picture. */
function cover(article, apiBaseUrl) {
  const image = article.coverImage;
  if (!image || article.body.includes(`src="${image.url}"`)) return null;
  return h('figure', { class: 'article-cover' },
    h('img', { src: mediaUrl(image.url, apiBaseUrl), alt: image.alt || '', width: 1200, height: 675 }),
    image.caption && h('figcaption', {}, image.caption));
}

export function articleView(article, ratingSection, { timeZone, apiBaseUrl }) {
  return h('article', { class: 'article' },
    h('p', { class: 'breadcrumb' }, h('a', { href: categoryUrl(article.category.slug) }, article.category.name)),
    h('h1', { class: 'article-title' }, article.title),
    h('div', { class: 'article-meta' },
      h('time', { datetime: article.publishedAt }, publishDate(article.publishedAt, timeZone)),
      h('button', { type: 'button', class: 'print-button', onclick: () => window.print() }, 'In bài viết')),
    ratingSection,
    article.summary && h('p', { class: 'article-lead' }, article.summary),
    cover(article, apiBaseUrl),
    body(article.body, apiBaseUrl),
    article.author && h('p', { class: 'article-author' }, article.author),
    article.tags.length > 0 && h('div', { class: 'article-tags' },
      h('span', { id: 'tags-label' }, 'Từ khóa: '),
      h('ul', { 'aria-labelledby': 'tags-label' },
        article.tags.map((tag) => h('li', {}, h('a', { href: tagUrl(tag) }, tag))))));
}
