import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DocumentCatalogue } from '../../publish/document-catalogue.js';
import { Publisher } from '../../publish/publisher.js';

/** A published document as the API sends it, with only what the generator reads. */
function document(id, number, fields = {}) {
  return {
    id,
    slug: number.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    number,
    type: 'Quyết định',
    issuer: 'UBND tỉnh Ninh Bình',
    field: 'Cải cách hành chính',
    issuedAt: null,
    effectiveAt: null,
    expiresAt: null,
    attachments: [],
    ...Object.fromEntries(['replaces', 'replacedBy', 'amends', 'amendedBy', 'guides', 'guidedBy'].map((name) => [name, []])),
    ...fields,
  };
}

test('documents are listed as the API lists them: newest issue date first, undated last, then newest id', () => {
  const catalogue = new DocumentCatalogue([
    document(1, '07/2019/QĐ-UBND', { issuedAt: '2019-03-20' }),
    document(2, 'Không ngày'),
    document(3, '15/2024/QĐ-UBND', { issuedAt: '2024-05-15' }),
    document(4, '16/2024/QĐ-UBND', { issuedAt: '2024-05-15' }),
  ]);
  assert.deepEqual(catalogue.newestFirst().map((entry) => entry.id), [4, 3, 1, 2]);
  catalogue.remove(catalogue.get('16-2024-q-ubnd').slug);
  assert.deepEqual(catalogue.newestFirst().map((entry) => entry.id), [3, 1, 2]);
});

test('the search form offers the types, issuers and fields documents have, in Vietnamese order, and their years', () => {
  const catalogue = new DocumentCatalogue([
    document(1, 'A', { issuedAt: '2019-03-20', type: 'Kế hoạch', issuer: 'Sở Thông tin và Truyền thông', field: '' }),
    document(2, 'B', { issuedAt: '2024-05-15', field: 'Đất đai' }),
    document(3, 'C', { issuedAt: '2024-01-02', type: 'Chỉ thị', field: 'Dân tộc' }),
  ]);
  assert.deepEqual(catalogue.choices(), {
    types: ['Chỉ thị', 'Kế hoạch', 'Quyết định'],
    issuers: ['Sở Thông tin và Truyền thông', 'UBND tỉnh Ninh Bình'],
    fields: ['Dân tộc', 'Đất đai'],
    years: [2024, 2019],
  });
});

test('a document names the documents related to it either way; a file names the documents that attach it', () => {
  const decision = document(2, '15/2024/QĐ-UBND', {
    replaces: [{ id: 1, number: '07/2019/QĐ-UBND', slug: 'a' }],
    amendedBy: [{ id: 3, number: '28/2025/QĐ-UBND', slug: 'b' }],
    guidedBy: [{ id: 4, number: '56/KH-UBND', slug: 'c' }],
    attachments: [{ id: 12 }],
  });
  assert.deepEqual(DocumentCatalogue.relatedSlugs(decision), ['a', 'b', 'c']);
  assert.deepEqual(new DocumentCatalogue([decision]).usingMedia(12).map((entry) => entry.id), [2]);
  assert.deepEqual(new DocumentCatalogue([decision]).usingMedia(13), []);
});

test('the next day a document comes into force or expires is made two minutes after the site\'s midnight', () => {
  const publisher = new Publisher({ apiUrl: 'http://127.0.0.1:1', siteUrl: 'https://tin.example.gov.vn', root: '/nonexistent' });
  assert.equal(publisher.nextDocumentDay(Date.now()), null, 'nothing known before the first build');
  publisher.ctx = { site: { timeZone: 'Asia/Ho_Chi_Minh' } };
  publisher.documents = new DocumentCatalogue([
    document(1, 'A', { effectiveAt: '2026-12-01', expiresAt: '2027-01-01' }),
    document(2, 'B', { effectiveAt: '2026-12-10' }),
  ]);
  // 18:00 UTC on 4 December is already 5 December in Hà Nội.
  const next = publisher.nextDocumentDay(Date.parse('2026-12-04T18:00:00Z'));
  assert.deepEqual(next, { day: '2026-12-10', at: Date.parse('2026-12-09T17:02:00Z') });
  assert.deepEqual(publisher.documents.changingOn('2027-01-01').map((entry) => entry.id), [1]);
  assert.equal(publisher.nextDocumentDay(Date.parse('2027-01-01T00:00:00Z')), null);
});
