// Wires a page: reads the address, fills the header and the sidebar, shows the page's content.
import { ApiError, ApiUnreachable, apiBaseUrl, getSite, listCategories } from './api.js';
import { show } from './dom.js';
import { route } from './urls.js';
import { showArticle } from './pages/article.js';
import { showPreview } from './pages/preview.js';
import { showList } from './pages/lists.js';
import { showSurvey } from './pages/survey.js';
import { renderMenu, renderSearchWords, renderSite, renderToday } from './views/header.js';
import {
  EXPIRED_TITLE, FAILURE_TITLE, NOT_FOUND_TITLE, PageExpired, PageNotFound, UNREACHABLE_TITLE, expiredView, failureView,
  notFoundView, unreachableView,
} from './views/messages.js';

/** Until the API says otherwise: the zone of the portals Bantin serves. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const PAGES = {
  home: showList,
  category: showList,
  tag: showList,
  search: showList,
  article: showArticle,
  preview: showPreview,
  notFound: () => {
    throw new PageNotFound();
  },
};

function activeMenuItem(where) {
  if (where.name === 'home') return '';
  return where.name === 'category' ? where.value : null;
}

/** The view and title for a page that could not be shown. A 400 means the address asked for nonsense. */
function failure(error) {
  if (error instanceof PageNotFound || (error instanceof ApiError && error.status === 400)) {
    return [notFoundView(), NOT_FOUND_TITLE];
  }
  if (error instanceof PageExpired) return [expiredView(), EXPIRED_TITLE];
  if (error instanceof ApiUnreachable) return [unreachableView(), UNREACHABLE_TITLE];
  console.error(error);
  return [failureView(), FAILURE_TITLE];
}

async function start() {
  const where = route(location.href);
  const main = document.getElementById('main');
  renderToday(Date.now(), DEFAULT_TIME_ZONE);
  if (where.name === 'search') renderSearchWords(where.value);
  let site;
  try {
    const [loaded, categories] = await Promise.all([getSite(), listCategories()]);
    site = loaded;
    renderSite(site);
    renderToday(Date.now(), site.timeZone);
    renderMenu(categories, activeMenuItem(where));
    showSurvey(document.getElementById('sidebar')).catch((error) => console.error('Survey not shown', error));
    const title = await PAGES[where.name](main, where, { site, categories, timeZone: site.timeZone, apiBaseUrl });
    document.title = `${title} – ${site.name}`;
  } catch (error) {
    const [view, title] = failure(error);
    show(main, view);
    document.title = site ? `${title} – ${site.name}` : title;
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

start();
