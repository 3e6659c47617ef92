// The consultations page (/gop-y-du-thao.html): the drafts open for comments, read from the API, each
// with its form; comments are sent with the reader's voter token and the commenter's consent.
import { ApiError, commentOnConsultation, listOpenConsultations } from '../api.js';
import { h, show } from '../dom.js';
import { withVoterToken } from '../voter.js';
import { consultationView } from '../views/consultations.js';
import { sendingFailure } from '../views/messages.js';

const TITLE = 'Lấy ý kiến dự thảo';

function missing(form) {
  const { name, email, comment, consent } = form.elements;
  if (!name.value.trim()) return [name, 'Hãy nhập họ và tên.'];
  if (!email.value.trim()) return [email, 'Hãy nhập thư điện tử.'];
  if (!comment.value.trim()) return [comment, 'Hãy nhập nội dung góp ý.'];
  if (!consent.checked) return [consent, 'Hãy đồng ý với thông báo về xử lý dữ liệu cá nhân để gửi ý kiến.'];
  return null;
}

function failure(error) {
  if (error instanceof ApiError && error.status === 422) return `Ý kiến chưa gửi được: ${error.message}`;
  if (error instanceof ApiError && error.status === 409) return 'Đợt lấy ý kiến này đã kết thúc.';
  return sendingFailure(error, 'Chưa gửi được ý kiến. Vui lòng thử lại.');
}

async function send(consultation, form, status) {
  const incomplete = missing(form);
  if (incomplete) {
    status.textContent = incomplete[1];
    incomplete[0].focus();
    return;
  }
  const { name, email, organisation, comment } = form.elements;
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  status.textContent = 'Đang gửi ý kiến…';
  try {
    await withVoterToken((token) => commentOnConsultation(consultation.id, {
      name: name.value.trim(), email: email.value.trim(), organisation: organisation.value.trim() || null,
      comment: comment.value.trim(), consent: true,
    }, token));
    form.reset();
    status.textContent = 'Cảm ơn bạn! Ý kiến đã được gửi; ý kiến được duyệt sẽ được công bố khi kết thúc lấy ý kiến.';
  } catch (error) {
    status.textContent = failure(error);
  } finally {
    button.disabled = false;
  }
}

/** Shows the open consultations in `main`; returns the page's title. */
export async function showConsultations(main, context) {
  const { items } = await listOpenConsultations();
  show(main, h('h1', { class: 'list-title' }, TITLE),
    items.length === 0
      ? h('p', { class: 'list-note' }, 'Hiện không có dự thảo nào đang lấy ý kiến.')
      : items.map((consultation) => consultationView(consultation, context,
        (form, status) => send(consultation, form, status))));
  return TITLE;
}
