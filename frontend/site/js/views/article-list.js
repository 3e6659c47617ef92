// Lists of articles (newest, a category, a tag, search results) and their paging.
import { h } from '../dom.js';
import { publishDate, ratingLine } from '../format.js';
import { articleUrl, pageCount } from '../urls.js';
import { picture } from './picture.js';

/** A thumbnail: 240 px wide beside the text from 600 px, the column's width below. */
const THUMBNAIL_SIZES = '(min-width: 600px) 240px, calc(100vw - 32px)';

function cover(image, apiBaseUrl) {
  if (!image) return h('div', { class: 'card-cover card-cover-empty', 'aria-hidden': 'true' });
  return picture(image, apiBaseUrl, {
    sizes: THUMBNAIL_SIZES, fallbackSize: [240, 135], class: 'card-cover', loading: 'lazy', decoding: 'async',
  });
}

/** One card per article; `headingLevel` keeps the page's outline (h2 under the page's h1). */
export function articleList(items, { timeZone, apiBaseUrl, headingLevel = 2 }) {
  return h('ul', { class: 'article-list' }, items.map((article) => h('li', {},
    h('article', { class: 'card' },
      cover(article.coverImage, apiBaseUrl),
      h('div', { class: 'card-text' },
        h(`h${headingLevel}`, { class: 'card-title' }, h('a', { href: articleUrl(article.slug) }, article.title)),
        h('p', { class: 'meta' },
          h('time', { datetime: article.publishedAt }, publishDate(article.publishedAt, timeZone)),
          h('span', { class: 'card-rating' }, ratingLine(article.rating))),
        h('p', { class: 'card-summary' }, article.summary))))));
}

/** Previous / numbered / next links; nothing when everything fits on one page. */
export function pager({ page, limit, total }, urlForPage) {
  const pages = pageCount(total, limit);
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 2, pages - 4));
  const numbers = [];
  for (let n = first; n <= Math.min(pages, first + 4); n += 1) {
    numbers.push(h('li', {}, h('a', { href: urlForPage(n), 'aria-current': n === page ? 'page' : null }, String(n))));
  }
  return h('nav', { class: 'pager', 'aria-label': 'Phân trang' },
    h('ul', {},
      page > 1 && h('li', {}, h('a', { href: urlForPage(page - 1), rel: 'prev' }, '‹ Trang trước')),
      numbers,
      page < pages && h('li', {}, h('a', { href: urlForPage(page + 1), rel: 'next' }, 'Trang sau ›'))));
}
