// The rating of an article: `Đánh giá cho bài viết: 4,2 điểm (12 đánh giá)` and a 1–5 choice.
import { h } from '../dom.js';
import { ratingLine } from '../format.js';

const SCORES = [1, 2, 3, 4, 5];

/**
 * Builds the section at once from the rating that came with the article (so nothing moves
 * when the exact rating arrives) and returns it with `update(summary)` and `busy(text)`.
 * `onRate(score)` is called when the reader sends a score.
 */
export function ratingView(rating, onRate) {
  const line = h('span', { class: 'rating-value' }, ratingLine(rating));
  const status = h('p', { class: 'rating-status', role: 'status' });
  const radios = SCORES.map((score) => h('input', {
    type: 'radio', name: 'score', id: `score-${score}`, value: score, class: 'visually-hidden',
  }));
  const stars = SCORES.map((score, i) => [radios[i], h('label', { for: `score-${score}`, title: `${score} điểm` },
    h('span', { class: 'star', 'aria-hidden': 'true' }, '★'), h('span', { class: 'visually-hidden' }, `${score} điểm`))]);
  const button = h('button', { type: 'submit' }, 'Gửi đánh giá');
  const form = h('form', { class: 'rating-form', 'aria-label': 'Chấm điểm bài viết' },
    h('fieldset', {}, h('legend', {}, 'Bạn chấm bài viết này mấy điểm?'), h('div', { class: 'stars' }, stars)),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = radios.find((radio) => radio.checked);
    if (!chosen) {
      status.textContent = 'Hãy chọn từ 1 đến 5 điểm.';
      return;
    }
    onRate(Number(chosen.value));
  });
  const section = h('section', { class: 'rating', 'aria-label': 'Đánh giá' },
    h('p', { class: 'rating-line' }, 'Đánh giá cho bài viết: ', line), form);
  return {
    section,
    /** Shows an exact summary; `thanks` after the reader's own rating was saved. */
    update(summary, thanks = false) {
      line.textContent = ratingLine(summary);
      if (summary.myScore) {
        radios[summary.myScore - 1].checked = true;
        status.textContent = thanks
          ? `Cảm ơn bạn! Đã ghi nhận ${summary.myScore} điểm.`
          : `Bạn đã chấm ${summary.myScore} điểm. Bạn có thể đổi điểm.`;
      }
      button.disabled = false;
    },
    busy(text) {
      button.disabled = true;
      status.textContent = text;
    },
    failed(text) {
      button.disabled = false;
      status.textContent = text;
    },
  };
}
