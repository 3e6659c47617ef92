// The sidebar survey (`Khảo sát`): the question and its options, then the results as bars.
import { h, show } from '../dom.js';
import { formatCount, formatPercent } from '../format.js';

function choiceHint(survey) {
  if (!survey.multipleChoice) return 'Chọn một mục.';
  return survey.maxChoices >= survey.options.length
    ? 'Có thể chọn nhiều mục.'
    : `Có thể chọn tối đa ${survey.maxChoices} mục.`;
}

/**
 * The options as radio buttons or checkboxes. `onVote(optionIds, say)` when sent, and, if given,
 * `onPeek(say)` to look at the results first; `say(text, busy)` tells the reader what happens.
 */
export function surveyForm(survey, onVote, onPeek) {
  const type = survey.multipleChoice ? 'checkbox' : 'radio';
  const hintId = `survey-${survey.id}-hint`;
  const inputs = survey.options.map((option) => h('input', {
    type, name: 'option', value: option.id, id: `option-${option.id}`,
  }));
  const status = h('p', { class: 'survey-status', role: 'status' });
  const button = h('button', { type: 'submit' }, 'Bình chọn');
  const say = (text, busy = false) => {
    status.textContent = text;
    button.disabled = busy;
  };
  const form = h('form', { class: 'survey-form' },
    h('fieldset', { 'aria-describedby': hintId },
      h('legend', { class: 'survey-question' }, survey.question),
      h('p', { class: 'survey-hint', id: hintId }, choiceHint(survey)),
      h('ul', { class: 'survey-options' }, survey.options.map((option, i) =>
        h('li', {}, inputs[i], h('label', { for: `option-${option.id}` }, option.text))))),
    h('div', { class: 'survey-actions' }, button,
      onPeek && h('button', { type: 'button', class: 'secondary', onclick: () => onPeek(say) }, 'Xem kết quả')),
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = inputs.filter((input) => input.checked).map((input) => Number(input.value));
    if (chosen.length === 0) say('Hãy chọn ít nhất một mục.');
    else if (chosen.length > survey.maxChoices) say(`Chỉ được chọn tối đa ${survey.maxChoices} mục.`);
    else onVote(chosen, say);
  });
  return form;
}

function note(text) {
  return h('p', { class: 'survey-status', role: 'status' }, text);
}

/** Each option's share as a bar, the reader's own choices marked; `onBack` returns to the form. */
export function surveyResults(survey, results, myVote, message, onBack) {
  return h('div', { class: 'survey-results' },
    h('p', { class: 'survey-question' }, survey.question),
    message && note(message),
    h('ul', {}, results.options.map((option) => {
      const bar = h('span', { class: 'bar-fill' });
      bar.style.width = `${Math.min(100, option.percent)}%`;
      const mine = myVote.includes(option.id);
      return h('li', { class: mine ? 'mine' : null },
        h('span', { class: 'result-text' }, option.text, mine && h('span', { class: 'result-mine' }, ' (bạn đã chọn)')),
        h('span', { class: 'result-numbers' },
          `${formatPercent(option.percent)} · ${formatCount(option.votes)} phiếu`),
        h('span', { class: 'bar', 'aria-hidden': 'true' }, bar));
    })),
    h('p', { class: 'survey-total' }, `Tổng số: ${formatCount(results.totalVoters)} người tham gia`),
    onBack && h('button', { type: 'button', class: 'secondary', onclick: onBack }, 'Quay lại bình chọn'));
}

/** After a vote when results are not shown (yet) to this reader. */
export function surveyThanks(survey, message) {
  return h('div', { class: 'survey-results' }, h('p', { class: 'survey-question' }, survey.question), note(message));
}

/**
 * The box in the sidebar. `show` swaps its content; `showResults` also moves the focus there,
 * since the form the reader was in is gone.
 */
export function surveyBox() {
  const content = h('div', { class: 'survey-content' });
  const element = h('section', { class: 'survey', 'aria-labelledby': 'survey-title' },
    h('h2', { id: 'survey-title' }, 'Khảo sát'), content);
  return {
    element,
    show: (view) => show(content, view),
    showResults(view) {
      show(content, view);
      view.tabIndex = -1;
      view.focus();
    },
  };
}
