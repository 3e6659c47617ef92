// The header of every page: today's date, the site's name and welcome line, the category menu.
import { h, show } from '../dom.js';
import { headerDate } from '../format.js';
import { categoryUrl, homeUrl } from '../urls.js';

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

/** `active`: the slug of the category being shown, '' for the home page, null for neither. */
export function renderMenu(categories, active) {
  const item = (href, text, current) =>
    h('li', {}, h('a', { href, 'aria-current': current ? 'page' : null }, text));
  show(slot('menu'),
    item(homeUrl(), 'Trang chủ', active === ''),
    categories.map((category) => item(categoryUrl(category.slug), category.name, active === category.slug)));
}

/** Keeps the words searched for in the search box. */
export function renderSearchWords(words) {
  slot('search').value = words;
}
