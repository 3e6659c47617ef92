import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  apiUrl, articleUrl, categoryUrl, documentQuery, documentSearchUrl, documentUrl, documentsUrl, homeUrl, mediaSrcset, mediaUrl, movedAddress, pageCount, previewUrl, searchQuery, searchUrl,
  srcsetCandidates, tagKey, tagUrl,
} from '../../site/js/urls.js';

const SITE = 'https://tin.example.gov.vn';

test('pages are files at readable addresses', () => {
  assert.equal(homeUrl(), '/');
  assert.equal(homeUrl(3), '/trang-3.html');
  assert.equal(articleUrl('day-manh-cai-cach-hanh-chinh'), '/tin-tuc/day-manh-cai-cach-hanh-chinh.html');
  assert.equal(categoryUrl('chuyen-doi-so'), '/chuyen-muc/chuyen-doi-so/');
  assert.equal(categoryUrl('chuyen-doi-so', 2), '/chuyen-muc/chuyen-doi-so/trang-2.html');
  assert.equal(tagUrl('cải cách hành chính'), '/tu-khoa/cai-cach-hanh-chinh/');
  assert.equal(tagUrl('Đề án 06', 4), '/tu-khoa/de-an-06/trang-4.html');
  assert.equal(searchUrl('cai cach & "hành chính"'), '/tim-kiem.html?q=cai+cach+%26+%22h%C3%A0nh+ch%C3%ADnh%22');
  assert.equal(searchUrl('cai cach', 2), '/tim-kiem.html?q=cai+cach&page=2');
  assert.equal(previewUrl('pv_abc'), '/xem-truoc.html?token=pv_abc');
  assert.equal(documentsUrl(), '/van-ban/');
  assert.equal(documentsUrl(2), '/van-ban/trang-2.html');
  assert.equal(documentUrl('15-2024-qd-ubnd-ban-hanh-quy-che'), '/van-ban/15-2024-qd-ubnd-ban-hanh-quy-che.html');
});

test('the document search keeps its filters in its address, in the form\'s order, and reads them back', () => {
  const url = documentSearchUrl({ status: 'in_force', number: '15/2024', q: '', type: 'Quyết định' }, 2);
  assert.equal(url, '/tra-cuu-van-ban.html?number=15%2F2024&type=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh&status=in_force&page=2');
  assert.deepEqual(documentQuery(SITE + url), {
    filter: { q: '', number: '15/2024', type: 'Quyết định', issuer: '', field: '', signer: '', year: '', status: 'in_force' },
    page: 2,
  });
  assert.deepEqual(documentQuery(`${SITE}/tra-cuu-van-ban.html?q=+mot+cua+`).filter.q, 'mot cua');
  assert.equal(documentQuery(`${SITE}/tra-cuu-van-ban.html?page=0`), null);
});

test('tags that differ only in case, tones or spacing share a page; tags without letters get one of their own', () => {
  assert.equal(tagKey('CCHC'), 'cchc');
  assert.equal(tagKey('  Cải  cách, hành chính! '), 'cai-cach-hanh-chinh');
  assert.equal(tagKey('Đường điện'), 'duong-dien');
  assert.equal(tagKey('!!!'), 'x-212121');
  assert.notEqual(tagKey('+'), tagKey('-'));
});

test('the search page reads its words and page number', () => {
  assert.deepEqual(searchQuery(`${SITE}${searchUrl(' cai cach ', 3)}`), { q: 'cai cach', page: 3 });
  assert.deepEqual(searchQuery(`${SITE}/tim-kiem.html`), { q: '', page: 1 });
  for (const page of ['0', 'abc', '1.5']) assert.equal(searchQuery(`${SITE}/tim-kiem.html?q=a&page=${page}`), null, page);
});

test('addresses of the one-page site lead to where their pages now are', () => {
  const cases = [
    ['/?article=a-b', '/tin-tuc/a-b.html'],
    ['/index.html?article=a-b', '/tin-tuc/a-b.html'],
    ['/?category=c&page=4', '/chuyen-muc/c/trang-4.html'],
    ['/?tag=%C4%90%E1%BB%81+%C3%A1n+06', '/tu-khoa/de-an-06/'],
    ['/?q=cai+cach&page=2', '/tim-kiem.html?q=cai+cach&page=2'],
    ['/?q=', '/tim-kiem.html'],
    ['/?page=2', '/trang-2.html'],
    ['/?preview=pv_x', '/xem-truoc.html?token=pv_x'],
  ];
  for (const [address, expected] of cases) assert.equal(movedAddress(SITE + address), expected, address);
});

test('any other address stays where it is', () => {
  for (const address of ['/', '/tin-tuc/a.html', '/?page=0', '/?page=abc', '/?article=', '/?article=a&tag=b', '/x?article=a', '/?utm_source=zalo']) {
    assert.equal(movedAddress(SITE + address), null, address);
  }
});

test('API addresses keep a path prefix and drop empty parameters', () => {
  assert.equal(apiUrl('http://127.0.0.1:8080', '/api/v1/articles', { category: 'a', tag: '', page: 2, q: null }),
    'http://127.0.0.1:8080/api/v1/articles?category=a&page=2');
  assert.equal(apiUrl('https://x.gov.vn/bantin/', '/api/v1/site'), 'https://x.gov.vn/bantin/api/v1/site');
  assert.equal(apiUrl('https://x.gov.vn', '/api/v1/articles', { q: 'cải cách' }),
    'https://x.gov.vn/api/v1/articles?q=c%E1%BA%A3i+c%C3%A1ch');
});

test('media paths are served by the API; full URLs are kept', () => {
  assert.equal(mediaUrl('/media/demo/a.svg', 'http://127.0.0.1:8080'), 'http://127.0.0.1:8080/media/demo/a.svg');
  assert.equal(mediaUrl('/media/a.png', 'https://x.gov.vn/bantin'), 'https://x.gov.vn/bantin/media/a.png');
  assert.equal(mediaUrl('https://cdn.x.gov.vn/a.png', 'http://127.0.0.1:8080'), 'https://cdn.x.gov.vn/a.png');
  assert.equal(mediaUrl('//cdn.x.gov.vn/a.png', 'http://127.0.0.1:8080'), '//cdn.x.gov.vn/a.png');
});

test('media library paths are served by the API, under its prefix', () => {
  const key = `${'ab'.repeat(32)}.jpg`;
  assert.equal(mediaUrl(`/api/v1/media/files/${key}`, 'http://127.0.0.1:8080'), `http://127.0.0.1:8080/api/v1/media/files/${key}`);
  assert.equal(mediaUrl(`/api/v1/media/files/${key}`, 'https://x.gov.vn/bantin/'),
    `https://x.gov.vn/bantin/api/v1/media/files/${key}`);
  assert.equal(mediaUrl(`https://cdn.x.gov.vn/api/v1/media/files/${key}`, 'https://x.gov.vn/bantin'),
    `https://cdn.x.gov.vn/api/v1/media/files/${key}`);
});

test('srcset candidates are split as browsers split them', () => {
  assert.deepEqual(srcsetCandidates('/a-320.jpg 320w, /a-640.jpg 640w'),
    [{ url: '/a-320.jpg', descriptor: '320w' }, { url: '/a-640.jpg', descriptor: '640w' }]);
  assert.deepEqual(srcsetCandidates('  /a.jpg, /b.jpg   2x ,, /c,d.jpg 3x,'),
    [{ url: '/a.jpg', descriptor: '' }, { url: '/b.jpg', descriptor: '2x' }, { url: '/c,d.jpg', descriptor: '3x' }]);
  assert.deepEqual(srcsetCandidates('/a.jpg\n\t640w,\n/b.jpg'),
    [{ url: '/a.jpg', descriptor: '640w' }, { url: '/b.jpg', descriptor: '' }]);
  assert.deepEqual(srcsetCandidates('/a.jpg,/b.jpg 2x'), [{ url: '/a.jpg,/b.jpg', descriptor: '2x' }],
    'a comma followed by no space is part of the URL');
  assert.deepEqual(srcsetCandidates(''), []);
  assert.deepEqual(srcsetCandidates(null), []);
});

test('every URL of a srcset is resolved like a src, descriptors kept', () => {
  const api = 'https://x.gov.vn/bantin';
  assert.equal(mediaSrcset('/api/v1/media/files/a.jpg 320w, /api/v1/media/files/b.jpg 640w', api),
    'https://x.gov.vn/bantin/api/v1/media/files/a.jpg 320w, https://x.gov.vn/bantin/api/v1/media/files/b.jpg 640w');
  assert.equal(mediaSrcset('/media/a.png 1x,https://cdn.x.gov.vn/b.webp 2x', api),
    'https://x.gov.vn/bantin/media/a.png 1x, https://cdn.x.gov.vn/b.webp 2x');
  assert.equal(mediaSrcset('/api/v1/media/files/a.jpg?v=1,2 1024w', api),
    'https://x.gov.vn/bantin/api/v1/media/files/a.jpg?v=1,2 1024w');
  assert.equal(mediaSrcset('', api), '');
});

test('page count', () => {
  assert.equal(pageCount(0, 10), 1);
  assert.equal(pageCount(10, 10), 1);
  assert.equal(pageCount(11, 10), 2);
});
