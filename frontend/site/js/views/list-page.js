// A page that lists articles (newest, a category, a tag, search results): title, note, cards, pager.
import { h } from '../dom.js';
import { articleList, pager } from './article-list.js';

/** Articles per page of every list. */
export const PAGE_SIZE = 10;

/**
 * The content of a list page: `result` is one page of the list ({ items, page, limit, total }),
 * `urlForPage(n)` the address of page n, `note` a line under the title (or null).
 */
export function listPageView(title, note, result, urlForPage, context) {
  return [
    h('h1', { class: 'list-title' }, title),
    note,
    articleList(result.items, context),
    pager(result, urlForPage),
  ];
}

/** The note of a list with nothing in it (yet). */
export function emptyListNote() {
  return h('p', { class: 'list-note' }, 'Chưa có bài viết.');
}
