// The questions page (/hoi-dap.html?q=…&topic=…): published questions with their answers, read from
// the API (questions send no webhooks, so no list is made ahead), and the form to ask one.
import { ApiError, askQuestion, listQuestions } from '../api.js';
import { h, show } from '../dom.js';
import { formatCount } from '../format.js';
import { questionsUrl } from '../urls.js';
import { withVoterToken } from '../voter.js';
import { pager } from '../views/article-list.js';
import { sendingFailure } from '../views/messages.js';
import { QUESTION_PAGE_SIZE, questionList } from '../views/questions.js';

const TITLE = 'Hỏi đáp';

/** What to tell the asker when the form is not complete; null when it is. */
function missing(form) {
  const { name, topic, question, email, phone, consent } = form.elements;
  if (!name.value.trim()) return [name, 'Hãy nhập họ và tên.'];
  if (!topic.value) return [topic, 'Hãy chọn lĩnh vực.'];
  if (!email.value.trim() && !phone.value.trim()) return [email, 'Hãy nhập thư điện tử hoặc số điện thoại để nhận trả lời.'];
  if (!question.value.trim()) return [question, 'Hãy nhập nội dung câu hỏi.'];
  if (!consent.checked) return [consent, 'Hãy đồng ý với thông báo về xử lý dữ liệu cá nhân để gửi câu hỏi.'];
  return null;
}

function askFailure(error) {
  if (error instanceof ApiError && error.status === 422) return `Câu hỏi chưa gửi được: ${error.message}`;
  return sendingFailure(error, 'Chưa gửi được câu hỏi. Vui lòng thử lại.');
}

function wireAskForm(form) {
  const status = form.querySelector('.ask-status');
  const button = form.querySelector('button[type="submit"]');
  button.disabled = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const incomplete = missing(form);
    if (incomplete) {
      status.textContent = incomplete[1];
      incomplete[0].focus();
      return;
    }
    const { name, topic, question, email, phone } = form.elements;
    const body = {
      name: name.value.trim(),
      topic: topic.value,
      question: question.value.trim(),
      email: email.value.trim() || null,
      phone: phone.value.trim() || null,
      consent: true,
    };
    button.disabled = true;
    status.textContent = 'Đang gửi câu hỏi…';
    try {
      await withVoterToken((token) => askQuestion(body, token));
      form.reset();
      status.textContent = 'Cảm ơn bạn! Câu hỏi đã được gửi; câu trả lời sẽ được đăng tại trang này.';
    } catch (error) {
      status.textContent = askFailure(error);
    } finally {
      button.disabled = false;
    }
  });
}

/** Shows the published questions for this address's words and topic, and enables the ask form; returns the page's title. */
export async function showQuestions(main, context) {
  const params = new URL(location.href).searchParams;
  const q = (params.get('q') || '').trim();
  const topic = (params.get('topic') || '').trim();
  const page = Number(params.get('page') || 1);
  const search = main.querySelector('form[role="search"]');
  search.elements.q.value = q;
  search.elements.topic.value = topic;
  wireAskForm(main.querySelector('.ask-form'));
  const result = await listQuestions({ q, topic, page: Number.isInteger(page) && page > 0 ? page : 1, limit: QUESTION_PAGE_SIZE });
  const note = q || topic ? h('p', { class: 'list-note', role: 'status' }, `Tìm thấy ${formatCount(result.total)} câu hỏi.`) : null;
  show(main.querySelector('[data-slot="questions"]'), note, questionList(result.items, context),
    pager(result, (n) => questionsUrl(q, topic, n)));
  return result.page > 1 ? `${TITLE} – Trang ${result.page}` : TITLE;
}
