// Wires a page: reads the address, fills the header and the sidebar, shows the page's content.
import { ApiUnreachable, apiBaseUrl, getSite, listCategories } from './api.js';
import { show } from './dom.js';
import { route } from './urls.js';
import { showArticle } from './pages/article.js';
import { showList } from './pages/lists.js';
import { showSurvey } from './sidebar.js';
import { renderMenu, renderSearchWords, renderSite, renderToday } from './views/header.js';
import { failureView, notFoundView, unreachableView } from './views/messages.js';

/** Until the API says otherwise: the zone of the portals Bantin serves. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const PAGES = {
  home: showList, category: showList, tag: showList, search: showList, article: showArticle,
  notFound: async (main) => {
    show(main, notFoundView());
    return 'Không tìm thấy trang';
  },
};

function activeMenuItem(where) {
  if (where.name === 'home') return '';
  return where.name === 'category' ? where.value : null;
}

async function start() {
  const where = route(location.href);
  const main = document.getElementById('main');
  renderToday(Date.now(), DEFAULT_TIME_ZONE);
  if (where.name === 'search') renderSearchWords(where.value);
  try {
    const [site, categories] = await Promise.all([getSite(), listCategories()]);
    renderSite(site);
    renderToday(Date.now(), site.timeZone);
    renderMenu(categories, activeMenuItem(where));
    showSurvey(document.getElementById('sidebar')).catch((error) => console.error('Survey not shown', error));
    const title = await PAGES[where.name](main, where, { site, categories, timeZone: site.timeZone, apiBaseUrl });
    document.title = `${title} – ${site.name}`;
  } catch (error) {
    console.error(error);
    show(main, error instanceof ApiUnreachable ? unreachableView() : failureView());
    document.title = error instanceof ApiUnreachable ? 'Không kết nối được với máy chủ' : 'Đã có lỗi xảy ra';
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

start();
