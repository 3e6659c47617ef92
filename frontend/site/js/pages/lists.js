// Pages that list articles: home (newest), a category, a tag, search results.
import { listArticles } from '../api.js';
import { h, show } from '../dom.js';
import { formatCount } from '../format.js';
import { categoryUrl, homeUrl, searchUrl, tagUrl } from '../urls.js';
import { articleList, pager } from '../views/article-list.js';
import { PageNotFound } from '../views/messages.js';

const PAGE_SIZE = 10;

/** What each list page asks the API for, and how it titles itself. */
const LISTS = {
  home: () => ({ filter: {}, title: 'Tin mới nhất', urlFor: homeUrl }),
  category: (slug, { categories }) => {
    const category = categories.find((c) => c.slug === slug);
    return category && { filter: { category: slug }, title: category.name, urlFor: (n) => categoryUrl(slug, n) };
  },
  tag: (tag) => ({ filter: { tag }, title: `Từ khóa: ${tag}`, urlFor: (n) => tagUrl(tag, n) }),
  search: (q) => ({ filter: { q }, title: 'Kết quả tìm kiếm', urlFor: (n) => searchUrl(q, n) }),
};

/** A search serves only its newest matches: when there are more (`totalExact` false), `total` is how many it shows. */
function searchSummary(q, { total, totalExact }) {
  if (!q) return h('p', { class: 'list-note' }, 'Nhập từ cần tìm vào ô tìm kiếm; có thể gõ không dấu.');
  let text = `Tìm thấy ${formatCount(total)} bài viết cho “${q}”.`;
  if (total === 0) text = `Không tìm thấy bài viết nào cho “${q}”.`;
  if (!totalExact) text = `Tìm thấy hơn ${formatCount(total)} bài viết cho “${q}”; dưới đây là ${formatCount(total)} bài mới nhất.`;
  return h('p', { class: 'list-note', role: 'status' }, text);
}

/** Shows list `where.name` in `main`; returns the page's title. */
export async function showList(main, where, context) {
  const list = LISTS[where.name](where.value, context);
  if (!list) throw new PageNotFound();
  const result = where.name === 'search' && !where.value
    ? { items: [], page: 1, limit: PAGE_SIZE, total: 0, totalExact: true }
    : await listArticles({ ...list.filter, page: where.page, limit: PAGE_SIZE });
  if (result.items.length === 0 && where.page > 1) throw new PageNotFound();
  show(main,
    h('h1', { class: 'list-title' }, list.title),
    where.name === 'search' && searchSummary(where.value, result),
    result.items.length === 0 && where.name !== 'search' && h('p', { class: 'list-note' }, 'Chưa có bài viết.'),
    articleList(result.items, context),
    pager(result, list.urlFor));
  return where.page > 1 ? `${list.title} – Trang ${where.page}` : list.title;
}
