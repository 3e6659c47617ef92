// The questions page (/hoi-dap.html): the search form, room for the published questions its script
// reads from the API, and the form to ask one with the privacy notice, as the API words it.
import { h, show } from '../site/js/dom.js';
import { QUESTIONS_SECTION } from '../site/js/views/header.js';
import { askForm, questionSearchForm } from '../site/js/views/questions.js';
import { buildPage } from './document.js';
import { fillCommon } from './pages.js';

const TITLE = 'Hỏi đáp';

/** `topics` and `notice` as the API's /questions/topics and /questions/privacy-notice answer. */
export function questionsPage(topics, notice, ctx) {
  return buildPage((page) => {
    const main = fillCommon(page, ctx, {
      title: TITLE,
      description: 'Câu hỏi của người dân, doanh nghiệp và trả lời của cơ quan; gửi câu hỏi mới.',
      path: '/hoi-dap.html',
      page: 'questions',
      active: QUESTIONS_SECTION,
    });
    show(main,
      h('h1', { class: 'list-title' }, TITLE),
      questionSearchForm(topics),
      h('section', { class: 'questions', 'aria-labelledby': 'questions-title' },
        h('h2', { id: 'questions-title' }, 'Câu hỏi đã trả lời'),
        h('div', { 'data-slot': 'questions' },
          h('noscript', {}, h('p', {}, 'Danh sách câu hỏi cần bật JavaScript trong trình duyệt.')))),
      askForm(topics, notice));
  });
}
