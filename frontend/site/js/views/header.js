// The header of every page: today's date, the site's name and welcome line, the menu (home, the
// categories, legal documents, consultations on drafts, questions).
import { h, show } from '../dom.js';
import { headerDate } from '../format.js';
import {
  categoryUrl, consultationsUrl, documentsUrl, homeUrl, questionsUrl,
} from '../urls.js';

/** The menu's `active` on the pages of legal documents, and on the questions page (never a category's slug). */
export const DOCUMENTS_SECTION = Symbol('documents');
export const QUESTIONS_SECTION = Symbol('questions');
export const CONSULTATIONS_SECTION = Symbol('consultations');

function slot(name) {
  return document.querySelector(`[data-slot="${name}"]`);
}

/** Today's date needs nothing from the API, so it is shown at once. */
export function renderToday(now, timeZone) {
  slot('today').textContent = headerDate(now, timeZone);
}

export function renderSite(site) {
  const name = slot('site-name');
  name.textContent = site.name;
  name.removeAttribute('aria-label'); // the name itself says it now
  slot('tagline').textContent = site.tagline;
}

/** `active`: the slug of the category being shown, '' for the home page, a section of the site's own, or null for none. */
export function renderMenu(categories, active) {
  const item = (href, text, current) =>
    h('li', {}, h('a', { href, 'aria-current': current ? 'page' : null }, text));
  show(slot('menu'),
    item(homeUrl(), 'Trang chủ', active === ''),
    categories.map((category) => item(categoryUrl(category.slug), category.name, active === category.slug)),
    item(documentsUrl(), 'Văn bản pháp luật', active === DOCUMENTS_SECTION),
    item(consultationsUrl(), 'Góp ý dự thảo', active === CONSULTATIONS_SECTION),
    item(questionsUrl(), 'Hỏi đáp', active === QUESTIONS_SECTION));
}

/** Keeps the words searched for in the search box. */
export function renderSearchWords(words) {
  slot('search').value = words;
}
