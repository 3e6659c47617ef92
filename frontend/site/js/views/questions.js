// Citizens' questions (hỏi đáp): the search form, published questions with their answers, and the
// form to ask one, beside the notice of how the asker's personal data is used.
import { h } from '../dom.js';
import { publishDate } from '../format.js';

/** Questions per page of the list. */
export const QUESTION_PAGE_SIZE = 10;

/** A control with its label (and a hint that describes it), as the site's forms lay them out. */
export function labelled(id, label, control, hint = null) {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'form-field' },
    h('label', { for: id }, label), control, hint && h('p', { class: 'form-hint', id: `${id}-hint` }, hint));
}

function topicSelect(id, name, topics, first, attributes = {}) {
  return h('select', { id, name, ...attributes },
    h('option', { value: '' }, first), topics.map((topic) => h('option', { value: topic }, topic)));
}

/** A GET form to the questions page itself (/hoi-dap.html), sent by any browser. */
export function questionSearchForm(topics) {
  return h('form', {
    class: 'document-search', action: '/hoi-dap.html', method: 'get', role: 'search', 'aria-label': 'Tìm câu hỏi',
  },
  h('div', { class: 'form-fields' },
    labelled('question-q', 'Từ khóa', h('input', { type: 'search', id: 'question-q', name: 'q', maxlength: 200 }),
      'Các từ trong câu hỏi hoặc câu trả lời; gõ không dấu cũng được.'),
    labelled('question-topic', 'Lĩnh vực', topicSelect('question-topic', 'topic', topics, 'Tất cả'))),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Tìm câu hỏi')));
}

/** Published questions, each with its answer; `headingLevel` keeps the page's outline. */
export function questionList(items, { timeZone, headingLevel = 3 }) {
  if (items.length === 0) return h('p', { class: 'list-note' }, 'Chưa có câu hỏi nào phù hợp.');
  return h('ul', { class: 'question-list' }, items.map((item) => h('li', {},
    h('article', { class: 'question' },
      h(`h${headingLevel}`, { class: 'question-title' }, `${item.name} hỏi về ${item.topic}`),
      h('p', { class: 'meta' }, h('time', { datetime: item.askedAt }, publishDate(item.askedAt, timeZone))),
      h('p', { class: 'question-text' }, item.question),
      h('div', { class: 'answer' },
        h('p', { class: 'answer-by' }, `Trả lời của ${item.unit}`, ' · ',
          h('time', { datetime: item.answeredAt }, publishDate(item.answeredAt, timeZone))),
        h('p', {}, item.answer))))));
}

/**
 * The form to ask a question, with the privacy notice it refers to. Made ahead with its button
 * disabled: sending needs the page's script (a voter token, JSON), which enables it.
 */
export function askForm(topics, notice) {
  const field = (id, label, control, hint) => labelled(`ask-${id}`, label, control, hint);
  return h('form', { class: 'ask-form', 'aria-labelledby': 'ask-title', novalidate: true },
    h('h2', { id: 'ask-title' }, 'Gửi câu hỏi'),
    h('div', { class: 'form-fields' },
      field('name', 'Họ và tên (bắt buộc)', h('input', {
        type: 'text', id: 'ask-name', name: 'name', required: true, maxlength: 100, autocomplete: 'name',
      })),
      field('topic', 'Lĩnh vực (bắt buộc)', topicSelect('ask-topic', 'topic', topics, 'Chọn lĩnh vực', { required: true })),
      field('email', 'Thư điện tử', h('input', {
        type: 'email', id: 'ask-email', name: 'email', maxlength: 254, autocomplete: 'email',
      }), 'Thư điện tử hoặc số điện thoại, ít nhất một, để trả lời bạn; không bao giờ công khai.'),
      field('phone', 'Số điện thoại', h('input', {
        type: 'tel', id: 'ask-phone', name: 'phone', maxlength: 20, autocomplete: 'tel',
      })),
      h('div', { class: 'form-field wide' }, h('label', { for: 'ask-question' }, 'Nội dung câu hỏi (bắt buộc)'),
        h('textarea', { id: 'ask-question', name: 'question', required: true, maxlength: 5000, rows: 6 }))),
    h('section', { class: 'privacy-notice', 'aria-labelledby': 'privacy-title' },
      h('h3', { id: 'privacy-title' }, 'Thông báo về xử lý dữ liệu cá nhân'),
      notice.text.split(/\n+/).map((paragraph) => h('p', {}, paragraph))),
    h('div', { class: 'consent' },
      h('input', { type: 'checkbox', id: 'ask-consent', name: 'consent', value: 'true', required: true }),
      h('label', { for: 'ask-consent' }, 'Tôi đã đọc thông báo trên và đồng ý để cơ quan xử lý dữ liệu cá nhân của tôi như đã nêu.')),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', disabled: true }, 'Gửi câu hỏi')),
    h('p', { class: 'ask-status', role: 'status' }),
    h('noscript', {}, h('p', {}, 'Gửi câu hỏi cần bật JavaScript trong trình duyệt.')));
}
