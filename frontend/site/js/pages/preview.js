// A preview link's page: the article as it would be published, under a notice, for reviewers only.
import { ApiError, getPreview } from '../api.js';
import { h, show } from '../dom.js';
import { articleView } from '../views/article.js';
import { PageNotFound } from '../views/messages.js';

/**
 * Shows the article of this address's preview link (/xem-truoc.html?token=…) in `main`; returns the
 * page's title. The page is made with noindex (and the API says so too, in X-Robots-Tag).
 */
export async function showPreview(main, context) {
  const token = new URL(location.href).searchParams.get('token');
  if (!token) throw new PageNotFound();
  const article = await getPreview(token).catch((error) => {
    throw error instanceof ApiError && error.status === 404 ? new PageNotFound() : error;
  });
  const notice = h('p', { class: 'preview-notice', role: 'note' },
    h('strong', {}, 'Bản xem trước'),
    ' — bài viết chưa đăng hoặc đang chờ duyệt; chỉ người có liên kết này xem được.');
  show(main, notice, articleView(article, null, context));
  return `Bản xem trước: ${article.title}`;
}
