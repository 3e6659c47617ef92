// The header of every page: today's date, the site's name and welcome line, the menu (home, the
// categories, legal documents).
import { h, show } from '../dom.js';
import { headerDate } from '../format.js';
import { categoryUrl, documentsUrl, homeUrl } from '../urls.js';

/** The menu's `active` on the pages of legal documents (never a category's slug). */
export const DOCUMENTS_SECTION = Symbol('documents');

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

/** `active`: the slug of the category being shown, '' for the home page, DOCUMENTS_SECTION, or null for none. */
export function renderMenu(categories, active) {
  const item = (href, text, current) =>
    h('li', {}, h('a', { href, 'aria-current': current ? 'page' : null }, text));
  show(slot('menu'),
    item(homeUrl(), 'Trang chủ', active === ''),
    categories.map((category) => item(categoryUrl(category.slug), category.name, active === category.slug)),
    item(documentsUrl(), 'Văn bản pháp luật', active === DOCUMENTS_SECTION));
}

/** Keeps the words searched for in the search box. */
export function renderSearchWords(words) {
  slot('search').value = words;
}
