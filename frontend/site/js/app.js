// Brings a page of the static site to life: today's date, the open survey, and what the page itself
// needs from the API (an article's live rating, search results, document search results, questions,
// open consultations, a preview). Pages are complete without it; addresses of the earlier one-page site are sent on to
// where their pages now are.
import { ApiError, ApiUnreachable, apiBaseUrl } from './api.js';
import { show } from './dom.js';
import { movedAddress } from './urls.js';
import { enhanceArticle } from './pages/article.js';
import { showPreview } from './pages/preview.js';
import { showSearch } from './pages/search.js';
import { showSurvey } from './pages/survey.js';
import { renderToday } from './views/header.js';
import {
  FAILURE_TITLE, NOT_FOUND_TITLE, PageNotFound, UNREACHABLE_TITLE, failureView, notFoundView, unreachableView,
} from './views/messages.js';

/** Until the page says otherwise: the zone of the portals Bantin serves. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * What each kind of page (body's data-page) does once loaded; lists and messages need nothing. The
 * document search, the questions and the consultations load their modules when shown, so that no other page carries them.
 */
const PAGES = {
  article: enhanceArticle,
  search: showSearch,
  preview: showPreview,
  'document-search': async (...args) => (await import('./pages/document-search.js')).showDocumentSearch(...args),
  questions: async (...args) => (await import('./pages/questions.js')).showQuestions(...args),
  consultations: async (...args) => (await import('./pages/consultations.js')).showConsultations(...args),
};

/** The view and title for a page that could not be shown. A 400 means the address asked for nonsense. */
function failure(error) {
  if (error instanceof PageNotFound || (error instanceof ApiError && error.status === 400)) {
    return [notFoundView(), NOT_FOUND_TITLE];
  }
  if (error instanceof ApiUnreachable) return [unreachableView(), UNREACHABLE_TITLE];
  console.error(error);
  return [failureView(), FAILURE_TITLE];
}

async function start() {
  const moved = movedAddress(location.href);
  if (moved) {
    location.replace(moved);
    return;
  }
  const { page, timeZone = DEFAULT_TIME_ZONE } = document.body.dataset;
  const siteName = document.querySelector('[data-slot="site-name"]').textContent;
  renderToday(Date.now(), timeZone);
  showSurvey(document.getElementById('sidebar')).catch((error) => console.error('Survey not shown', error));
  if (!PAGES[page]) return;
  const main = document.getElementById('main');
  try {
    const title = await PAGES[page](main, { timeZone, apiBaseUrl });
    if (title) document.title = `${title} – ${siteName}`;
  } catch (error) {
    const [view, title] = failure(error);
    show(main, view);
    document.title = `${title} – ${siteName}`;
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

start();
