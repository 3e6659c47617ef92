// The rating of an article: `Đánh giá cho bài viết: 4,2 điểm (12 đánh giá)` and a 1–5 choice.
import { h } from '../dom.js';
import { ratingLine } from '../format.js';

const SCORES = [1, 2, 3, 4, 5];

/**
 * Builds the section at once from the rating that came with the article (so nothing moves when
 * the exact rating arrives). `onRate(score)` is called when the reader sends a score. Returns the
 * section with `update(summary, thanks)` (an exact rating arrived), `busy(text)` (sending) and
 * `failed(text)` (not sent).
 */
export function ratingView(rating, onRate) {
  const line = h('span', { class: 'rating-value' }, ratingLine(rating));
  const status = h('p', { class: 'rating-status', role: 'status' });
  const radios = SCORES.map((score) => h('input', {
    type: 'radio', name: 'score', id: `score-${score}`, value: score, class: 'visually-hidden',
  }));
  const stars = SCORES.map((score, i) => [radios[i], h('label', { for: `score-${score}`, title: `${score} điểm` },
    h('span', { class: 'star', 'aria-hidden': 'true' }), h('span', { class: 'visually-hidden' }, `${score} điểm`))]);
  const button = h('button', { type: 'submit' }, 'Gửi đánh giá');
  const form = h('form', { class: 'rating-form', 'aria-label': 'Chấm điểm bài viết' },
    h('fieldset', {}, h('legend', {}, 'Bạn chấm bài viết này bao nhiêu điểm?'), h('div', { class: 'stars' }, stars)),
    button, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = radios.find((radio) => radio.checked);
    if (chosen) onRate(Number(chosen.value));
    else status.textContent = 'Hãy chọn từ 1 đến 5 điểm.';
  });
  const section = h('section', { class: 'rating', 'aria-label': 'Đánh giá' },
    h('p', { class: 'rating-line' }, 'Đánh giá cho bài viết: ', line), form);
  return {
    section,
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
