// The article page: the article, its rating (the reader's own score remembered), related articles.
import { ApiError, getArticle, getRating, listArticles, rate } from '../api.js';
import { h, show } from '../dom.js';
import { readAsVoter, withVoterToken } from '../voter.js';
import { articleView } from '../views/article.js';
import { articleList } from '../views/article-list.js';
import { PageExpired, PageNotFound, sendingFailure } from '../views/messages.js';
import { ratingView } from '../views/rating.js';

const RELATED = 4;

function wireRating(slug, rating) {
  let sent = false;
  const view = ratingView(rating, async (score) => {
    sent = true;
    view.busy('Đang gửi đánh giá…');
    try {
      view.update(await withVoterToken((token) => rate(slug, score, token)), true);
    } catch (error) {
      view.failed(sendingFailure(error, 'Chưa gửi được đánh giá. Vui lòng thử lại.'));
    }
  });
  // The exact rating and the reader's own score; an answer to the reader's rating is newer.
  readAsVoter((token) => getRating(slug, token)).then((summary) => sent || view.update(summary), () => {});
  return view.section;
}

async function related(article, context) {
  const { items } = await listArticles({ category: article.category.slug, limit: RELATED + 1 });
  const others = items.filter((item) => item.slug !== article.slug).slice(0, RELATED);
  if (others.length === 0) return null;
  return h('section', { class: 'related', 'aria-labelledby': 'related-title' },
    h('h2', { id: 'related-title' }, 'Tin cùng chuyên mục'), articleList(others, { ...context, headingLevel: 3 }));
}

/** Shows the article `where.value` in `main`; returns the page's title. */
export async function showArticle(main, where, context) {
  const article = await getArticle(where.value).catch((error) => {
    if (error instanceof ApiError && error.status === 410) throw new PageExpired();
    throw error instanceof ApiError && error.status === 404 ? new PageNotFound() : error;
  });
  show(main, articleView(article, wireRating(article.slug, article.rating), context));
  related(article, context).then((section) => section && main.append(section), () => {});
  return article.title;
}
