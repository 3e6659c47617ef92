// Legal documents (văn bản): the search form, lists as tables, and one document's page with its
// details, related documents and files.
import { h } from '../dom.js';
import { formatBytes, formatDay } from '../format.js';
import { documentUrl, documentsUrl, mediaUrl } from '../urls.js';

/** Documents per page of the list and of the search results. */
export const DOCUMENT_PAGE_SIZE = 20;

/** The statuses the API derives, in the order the form offers them. */
const STATUSES = [
  ['in_force', 'Còn hiệu lực'], ['not_yet_in_force', 'Chưa có hiệu lực'], ['expired', 'Hết hiệu lực'], ['replaced', 'Bị thay thế'],
];

/** A document's relations as the API names them, each with what the page calls it. */
const RELATIONS = [
  ['replaces', 'Thay thế'], ['replacedBy', 'Bị thay thế bởi'],
  ['amends', 'Sửa đổi, bổ sung'], ['amendedBy', 'Được sửa đổi, bổ sung bởi'],
  ['guides', 'Hướng dẫn'], ['guidedBy', 'Được hướng dẫn bởi'],
];

/** What readers call the files a document comes with; other types by their name's extension. */
const FILE_KINDS = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/zip': 'ZIP',
};

const NOT_GIVEN = 'Chưa cập nhật';

/** A labelled control of the search form; `control` has the id `document-<name>`, `hint` its description. */
function field(name, label, control, hint = null) {
  const hintId = hint && `document-${name}-hint`;
  if (hint) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'form-field' },
    h('label', { for: `document-${name}` }, label), control, hint && h('p', { class: 'form-hint', id: hintId }, hint));
}

function textInput(name, values, attributes = {}) {
  return h('input', {
    type: 'text', id: `document-${name}`, name, value: values[name] || null, maxlength: 200, ...attributes,
  });
}

function select(name, values, options) {
  return h('select', { id: `document-${name}`, name },
    h('option', { value: '' }, 'Tất cả'),
    options.map(([value, text]) => h('option', { value, selected: values[name] === value }, text)));
}

const same = (values) => values.map((value) => [value, value]);

/**
 * The search form: a plain GET form to the search page (/tra-cuu-van-ban.html), so that it is sent by
 * any browser. `choices` are what the published documents have ({ types, issuers, fields, years }),
 * `values` fill it in.
 */
export function documentSearchForm(choices, values = {}) {
  return h('form', {
    class: 'document-search', action: '/tra-cuu-van-ban.html', method: 'get', role: 'search', 'aria-label': 'Tra cứu văn bản',
  },
  h('div', { class: 'form-fields' },
    field('q', 'Từ khóa', textInput('q', values, { type: 'search' }),
      'Một phần số ký hiệu hoặc các từ trong trích yếu; gõ không dấu cũng được.'),
    field('number', 'Số ký hiệu', textInput('number', values, { placeholder: 'Ví dụ: 15/2024' })),
    field('type', 'Loại văn bản', select('type', values, same(choices.types))),
    field('issuer', 'Cơ quan ban hành', select('issuer', values, same(choices.issuers))),
    field('field', 'Lĩnh vực', select('field', values, same(choices.fields))),
    field('signer', 'Người ký', textInput('signer', values)),
    field('year', 'Năm ban hành', select('year', values, same(choices.years.map(String)))),
    field('status', 'Tình trạng', select('status', values, STATUSES))),
  h('div', { class: 'form-actions' },
    h('button', { type: 'submit' }, 'Tra cứu'),
    h('a', { href: documentsUrl() }, 'Xem tất cả văn bản')));
}

/** A document's legal status, coloured by kind and always in words. */
export function statusBadge(document) {
  return h('span', { class: `document-status status-${document.status.replace(/_/g, '-')}` }, document.statusLabel);
}

function day(isoDate, otherwise = NOT_GIVEN) {
  return isoDate ? h('time', { datetime: isoDate }, formatDay(isoDate)) : otherwise;
}

/**
 * Documents as a table (number, issue date, summary, status); wide tables scroll in a region that
 * the keyboard can reach (a section named by the caption). `caption` names it for screen readers.
 */
export function documentTable(items, caption) {
  if (items.length === 0) return h('p', { class: 'list-note' }, 'Không có văn bản nào.');
  const captionId = 'document-table-caption';
  return h('section', { class: 'table-scroll', 'aria-labelledby': captionId, tabindex: 0 },
    h('table', { class: 'document-table' },
      h('caption', { id: captionId, class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, ['Số ký hiệu', 'Ngày ban hành', 'Trích yếu', 'Tình trạng'].map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, items.map((document) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: documentUrl(document.slug) }, document.number)),
        h('td', { class: 'nowrap' }, day(document.issuedAt, '')),
        h('td', {}, h('span', { class: 'document-type' }, document.type), ' ', document.summary),
        h('td', {}, statusBadge(document)))))));
}

function signerText({ name, position }) {
  if (!name) return position || NOT_GIVEN;
  return position ? `${position} ${name}` : name;
}

function detailsTable(document) {
  const row = (label, value) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value || NOT_GIVEN));
  return h('table', { class: 'document-details' },
    h('caption', { class: 'visually-hidden' }, 'Thông tin văn bản'),
    h('tbody', {},
      row('Số ký hiệu', document.number),
      row('Loại văn bản', document.type),
      row('Cơ quan ban hành', document.issuer),
      row('Người ký', signerText(document.signer)),
      row('Lĩnh vực', document.field),
      row('Ngày ban hành', day(document.issuedAt)),
      row('Ngày có hiệu lực', day(document.effectiveAt)),
      row('Ngày hết hiệu lực', day(document.expiresAt, 'Không xác định')),
      row('Tình trạng', statusBadge(document))));
}

function relatedSection(document) {
  const present = RELATIONS.filter(([name]) => document[name].length > 0);
  if (present.length === 0) return null;
  return h('section', { class: 'document-related', 'aria-labelledby': 'related-documents' },
    h('h2', { id: 'related-documents' }, 'Văn bản liên quan'),
    h('dl', {}, present.map(([name, label]) => [
      h('dt', {}, label),
      h('dd', {}, h('ul', {}, document[name].map((other) => h('li', {}, h('a', { href: documentUrl(other.slug) }, other.number))))),
    ])));
}

function fileKind({ contentType, fileName }) {
  return FILE_KINDS[contentType] || fileName.split('.').pop().toUpperCase();
}

function attachmentsSection(document, apiBaseUrl) {
  if (document.attachments.length === 0) return null;
  return h('section', { class: 'document-files', 'aria-labelledby': 'document-files' },
    h('h2', { id: 'document-files' }, 'Tệp đính kèm'),
    h('ul', {}, document.attachments.map((file) => h('li', {},
      h('a', { href: mediaUrl(file.url, apiBaseUrl), download: file.fileName, type: file.contentType }, file.fileName),
      h('span', { class: 'file-facts' }, ` (${fileKind(file)}, ${formatBytes(file.bytes)})`)))));
}

/** A document's title as the page and link previews show it: `Quyết định 15/2024/QĐ-UBND`. */
export function documentTitle(document) {
  return `${document.type} ${document.number}`;
}

/** A document's page: what it is, its summary, its details, the documents it relates to, its files. */
export function documentView(document, { apiBaseUrl }) {
  return h('article', { class: 'legal-document' },
    h('p', { class: 'breadcrumb' }, h('a', { href: documentsUrl() }, 'Văn bản pháp luật')),
    h('h1', { class: 'article-title' }, documentTitle(document)),
    document.summary && h('p', { class: 'article-lead' }, document.summary),
    detailsTable(document),
    relatedSection(document),
    attachmentsSection(document, apiBaseUrl));
}
