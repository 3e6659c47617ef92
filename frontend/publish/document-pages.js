// The pages of legal documents: each document's, the list of them all (/van-ban/), and the search page
// whose results its script reads from the API (/tra-cuu-van-ban.html).
import { h, show } from '../site/js/dom.js';
import { zonedDateTime } from '../site/js/format.js';
import { documentUrl, documentsUrl } from '../site/js/urls.js';
import { pager } from '../site/js/views/article-list.js';
import {
  DOCUMENT_PAGE_SIZE, documentSearchForm, documentTable, documentTitle, documentView,
} from '../site/js/views/documents.js';
import { DOCUMENTS_SECTION } from '../site/js/views/header.js';
import { buildPage } from './document.js';
import { fillCommon, jsonLd, shortened } from './pages.js';

const LIST_TITLE = 'Văn bản pháp luật';
const LIST_DESCRIPTION = 'Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành: tra cứu theo số ký hiệu, trích yếu, loại, '
  + 'cơ quan ban hành, lĩnh vực, người ký, năm và tình trạng hiệu lực.';

/** schema.org's legal force of each status. */
const LEGAL_FORCE = {
  in_force: 'InForce', not_yet_in_force: 'NotInForce', expired: 'NotInForce', replaced: 'NotInForce',
};

/** A document's page, with what link previews and search engines read. */
export function documentPage(document, ctx) {
  return buildPage((page) => {
    const { site, siteUrl } = ctx;
    const path = documentUrl(document.slug);
    const title = documentTitle(document);
    const description = shortened(document.summary || title);
    const main = fillCommon(page, ctx, {
      title, description, path, page: 'document', active: DOCUMENTS_SECTION, ogType: 'article',
    });
    const meta = (attributes) => page.head.append(h('meta', attributes));
    if (document.publishedAt) meta({ property: 'article:published_time', content: zonedDateTime(document.publishedAt, site.timeZone) });
    meta({ property: 'article:section', content: LIST_TITLE });
    meta({ name: 'twitter:card', content: 'summary' });
    meta({ name: 'twitter:title', content: title });
    meta({ name: 'twitter:description', content: description });
    page.head.append(jsonLd({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      name: title,
      legislationIdentifier: document.number,
      legislationType: document.type,
      ...(document.issuedAt ? { legislationDate: document.issuedAt } : {}),
      ...(document.issuer ? { legislationPassedBy: { '@type': 'Organization', name: document.issuer } } : {}),
      legislationLegalForce: LEGAL_FORCE[document.status],
      abstract: document.summary,
      inLanguage: 'vi',
      mainEntityOfPage: siteUrl + path,
      publisher: { '@type': 'Organization', name: site.name },
    }));
    show(main, documentView(document, { apiBaseUrl: ctx.apiBaseUrl }));
    main.setAttribute('aria-busy', 'false');
  });
}

/** Page `number` of the list of every published document (`documents` newest issue date first), with the search form. */
export function documentListPage(documents, choices, number, ctx) {
  return buildPage((page) => {
    const items = documents.slice((number - 1) * DOCUMENT_PAGE_SIZE, number * DOCUMENT_PAGE_SIZE);
    const title = number > 1 ? `${LIST_TITLE} – Trang ${number}` : LIST_TITLE;
    const main = fillCommon(page, ctx, {
      title, description: LIST_DESCRIPTION, path: documentsUrl(number), page: 'documents', active: DOCUMENTS_SECTION,
    });
    show(main,
      h('h1', { class: 'list-title' }, LIST_TITLE),
      documentSearchForm(choices),
      h('h2', { class: 'visually-hidden' }, 'Danh sách văn bản'),
      documentTable(items, number > 1 ? `Danh sách văn bản, trang ${number}` : 'Danh sách văn bản'),
      pager({ page: number, limit: DOCUMENT_PAGE_SIZE, total: documents.length }, documentsUrl));
    main.setAttribute('aria-busy', 'false');
  });
}

/** The search page: the form, and room for the results its script reads from the API. Never indexed. */
export function documentSearchPage(choices, ctx) {
  return buildPage((page) => {
    const title = 'Tra cứu văn bản';
    const main = fillCommon(page, ctx, { title, page: 'document-search', active: DOCUMENTS_SECTION, indexed: false });
    show(main,
      h('h1', { class: 'list-title' }, title),
      documentSearchForm(choices),
      h('section', { class: 'document-results', 'aria-labelledby': 'document-results-title' },
        h('h2', { id: 'document-results-title', class: 'visually-hidden' }, 'Kết quả tra cứu'),
        h('div', { 'data-slot': 'document-results' },
          h('noscript', {}, h('p', {}, 'Kết quả tra cứu cần bật JavaScript trong trình duyệt; ',
            h('a', { href: documentsUrl() }, 'danh sách tất cả văn bản'), ' xem được không cần JavaScript.')))));
  });
}
