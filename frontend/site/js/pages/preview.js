// A preview link's page: the article as it would be published, under a notice, for reviewers only.
import { ApiError, getPreview } from '../api.js';
import { h, show } from '../dom.js';
import { articleView } from '../views/article.js';
import { PageNotFound } from '../views/messages.js';

/** Search engines that reach a preview address must not index it (the API says so too, in X-Robots-Tag). */
function keepOutOfSearch() {
  document.head.append(h('meta', { name: 'robots', content: 'noindex' }));
}

/** Shows the article of the preview link `where.value` in `main`; returns the page's title. */
export async function showPreview(main, where, context) {
  keepOutOfSearch();
  const article = await getPreview(where.value).catch((error) => {
    throw error instanceof ApiError && error.status === 404 ? new PageNotFound() : error;
  });
  const notice = h('p', { class: 'preview-notice', role: 'note' },
    h('strong', {}, 'Bản xem trước'),
    ' — bài viết chưa đăng hoặc đang chờ duyệt; chỉ người có liên kết này xem được.');
  show(main, notice, articleView(article, null, context));
  return `Bản xem trước: ${article.title}`;
}
