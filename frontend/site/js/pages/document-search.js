// The document search page (/tra-cuu-van-ban.html?q=…&type=…): the form as it was sent, and the API's
// matching documents, newest issue date first.
import { listDocuments } from '../api.js';
import { h, show } from '../dom.js';
import { formatCount } from '../format.js';
import { DOCUMENT_FILTERS, documentQuery, documentSearchUrl } from '../urls.js';
import { pager } from '../views/article-list.js';
import { DOCUMENT_PAGE_SIZE, documentTable } from '../views/documents.js';
import { PageNotFound } from '../views/messages.js';

const TITLE = 'Tra cứu văn bản';

function resultNote(total) {
  const text = total === 0 ? 'Không tìm thấy văn bản nào phù hợp.' : `Tìm thấy ${formatCount(total)} văn bản.`;
  return h('p', { class: 'list-note', role: 'status' }, text);
}

/** Sets a control of the form to `value`; a choice the site's documents no longer have is offered all the same. */
function fill(control, value) {
  if (control.tagName === 'SELECT' && ![...control.options].some((option) => option.value === value)) {
    control.append(h('option', { value }, value));
  }
  control.value = value;
}

/** Fills the page's form from this address's filters and shows their results in `main`; returns the page's title. */
export async function showDocumentSearch(main) {
  const query = documentQuery(location.href);
  if (!query) throw new PageNotFound();
  const { filter, page } = query;
  const form = main.querySelector('.document-search');
  for (const name of DOCUMENT_FILTERS) fill(form.elements[name], filter[name]);
  const result = await listDocuments({ ...filter, page, limit: DOCUMENT_PAGE_SIZE });
  if (result.items.length === 0 && page > 1) throw new PageNotFound();
  show(main.querySelector('[data-slot="document-results"]'),
    resultNote(result.total),
    documentTable(result.items, page > 1 ? `Kết quả tra cứu văn bản, trang ${page}` : 'Kết quả tra cứu văn bản'),
    pager(result, (n) => documentSearchUrl(filter, n)));
  return page > 1 ? `${TITLE} – Trang ${page}` : TITLE;
}
