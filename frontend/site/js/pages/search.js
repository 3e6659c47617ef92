// The search page (/tim-kiem.html?q=…): the API's matches for the words, most relevant first.
import { listArticles } from '../api.js';
import { h, show } from '../dom.js';
import { formatCount } from '../format.js';
import { searchQuery, searchUrl } from '../urls.js';
import { renderSearchWords } from '../views/header.js';
import { PAGE_SIZE, listPageView } from '../views/list-page.js';
import { PageNotFound } from '../views/messages.js';

const TITLE = 'Kết quả tìm kiếm';

/** A search serves only its newest matches: when there are more (`totalExact` false), `total` is how many it shows. */
function searchSummary(q, { total, totalExact }) {
  if (!q) return h('p', { class: 'list-note' }, 'Nhập từ cần tìm vào ô tìm kiếm; có thể gõ không dấu.');
  let text = `Tìm thấy ${formatCount(total)} bài viết cho “${q}”.`;
  if (total === 0) text = `Không tìm thấy bài viết nào cho “${q}”.`;
  if (!totalExact) text = `Tìm thấy hơn ${formatCount(total)} bài viết cho “${q}”; dưới đây là ${formatCount(total)} bài mới nhất.`;
  return h('p', { class: 'list-note', role: 'status' }, text);
}

/** Shows the results for this address's words in `main`; returns the page's title. */
export async function showSearch(main, context) {
  const query = searchQuery(location.href);
  if (!query) throw new PageNotFound();
  const { q, page } = query;
  renderSearchWords(q);
  const result = q
    ? await listArticles({ q, page, limit: PAGE_SIZE })
    : { items: [], page: 1, limit: PAGE_SIZE, total: 0, totalExact: true };
  if (result.items.length === 0 && page > 1) throw new PageNotFound();
  show(main, ...listPageView(TITLE, searchSummary(q, result), result, (n) => searchUrl(q, n), context));
  return page > 1 ? `${TITLE} – Trang ${page}` : TITLE;
}
