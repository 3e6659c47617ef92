// An article's page, made ahead with the whole article: the scripts add what changes while it is
// read — the live rating with its form (the reader's own score remembered), printing, related articles.
import { getRating, listArticles, rate } from '../api.js';
import { h } from '../dom.js';
import { readAsVoter, withVoterToken } from '../voter.js';
import { articleList } from '../views/article-list.js';
import { sendingFailure } from '../views/messages.js';
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

async function related(slug, category, context) {
  const { items } = await listArticles({ category, limit: RELATED + 1 });
  const others = items.filter((item) => item.slug !== slug).slice(0, RELATED);
  if (others.length === 0) return null;
  return h('section', { class: 'related', 'aria-labelledby': 'related-title' },
    h('h2', { id: 'related-title' }, 'Tin cùng chuyên mục'), articleList(others, { ...context, headingLevel: 3 }));
}

/** Brings the article page in `main` to life; its title stays. */
export async function enhanceArticle(main, context) {
  const { slug, category } = document.body.dataset;
  const asMade = main.querySelector('.rating');
  asMade.replaceWith(wireRating(slug, JSON.parse(asMade.dataset.rating)));
  const print = main.querySelector('.print-button');
  print.addEventListener('click', () => window.print());
  print.hidden = false;
  related(slug, category, context).then((section) => section && main.append(section), () => {});
  return null;
}
