// Consultations on drafts (lấy ý kiến dự thảo): each open one with its draft, dates, the notice of how
// commenters' personal data is used, and the comment form.
import { h } from '../dom.js';
import { publishDate } from '../format.js';
import { labelled } from './questions.js';

/** `onSend(form, status)` is called when the form is sent. */
function commentForm(consultation, onSend) {
  const id = (name) => `comment-${consultation.id}-${name}`;
  const input = (name, attributes) => h('input', { id: id(name), name, ...attributes });
  const status = h('p', { class: 'ask-status', role: 'status' });
  const form = h('form', { class: 'ask-form', 'aria-labelledby': id('title'), novalidate: true },
    h('h3', { id: id('title') }, 'Gửi ý kiến góp ý'),
    h('div', { class: 'form-fields' },
      labelled(id('name'), 'Họ và tên (bắt buộc)', input('name', { type: 'text', required: true, maxlength: 100, autocomplete: 'name' })),
      labelled(id('email'), 'Thư điện tử (bắt buộc)', input('email', { type: 'email', required: true, maxlength: 254, autocomplete: 'email' }),
        'Để cơ quan soạn thảo liên hệ khi cần; không bao giờ công khai.'),
      labelled(id('organisation'), 'Cơ quan, tổ chức', input('organisation', { type: 'text', maxlength: 200, autocomplete: 'organization' })),
      h('div', { class: 'form-field wide' }, h('label', { for: id('comment') }, 'Nội dung góp ý (bắt buộc)'),
        h('textarea', { id: id('comment'), name: 'comment', required: true, rows: 6 }))),
    h('section', { class: 'privacy-notice', 'aria-labelledby': id('privacy') },
      h('h4', { id: id('privacy') }, 'Thông báo về xử lý dữ liệu cá nhân'),
      consultation.privacyNotice.split(/\n+/).map((paragraph) => h('p', {}, paragraph))),
    h('div', { class: 'consent' },
      input('consent', { type: 'checkbox', value: 'true', required: true }),
      h('label', { for: id('consent') }, 'Tôi đã đọc thông báo trên và đồng ý để cơ quan xử lý dữ liệu cá nhân của tôi như đã nêu.')),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Gửi ý kiến')),
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSend(form, status);
  });
  return form;
}

/** An open consultation with its form. */
export function consultationView(consultation, { timeZone }, onSend) {
  const { document } = consultation;
  return h('section', { class: 'consultation', 'aria-labelledby': `consultation-${consultation.id}` },
    h('h2', { id: `consultation-${consultation.id}` }, consultation.title),
    h('p', { class: 'meta' }, 'Thời gian lấy ý kiến: ',
      h('time', { datetime: consultation.opensAt }, publishDate(consultation.opensAt, timeZone)), ' – ',
      h('time', { datetime: consultation.closesAt }, publishDate(consultation.closesAt, timeZone))),
    consultation.description && h('p', {}, consultation.description),
    document && h('p', { class: 'consulted-document' }, h('strong', {}, `Dự thảo ${document.type} ${document.number}: `), document.summary),
    commentForm(consultation, onSend));
}
