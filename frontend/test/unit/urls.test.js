import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  apiUrl, articleUrl, categoryUrl, homeUrl, mediaSrcset, mediaUrl, pageCount, route, searchUrl, srcsetCandidates, tagUrl,
} from '../../site/js/urls.js';

const SITE = 'https://tin.example.gov.vn';

test('page addresses are the one page with a query', () => {
  assert.equal(homeUrl(), '/');
  assert.equal(homeUrl(3), '/?page=3');
  assert.equal(articleUrl('day-manh-cai-cach-hanh-chinh'), '/?article=day-manh-cai-cach-hanh-chinh');
  assert.equal(categoryUrl('chuyen-doi-so', 2), '/?category=chuyen-doi-so&page=2');
  assert.equal(tagUrl('cải cách hành chính'), '/?tag=c%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADnh');
  assert.equal(searchUrl('cai cach & "hành chính"'), '/?q=cai+cach+%26+%22h%C3%A0nh+ch%C3%ADnh%22');
});

test('every address built is read back as the same page', () => {
  const cases = [
    [homeUrl(2), { name: 'home', page: 2 }],
    [articleUrl('a-b'), { name: 'article', value: 'a-b', page: 1 }],
    [categoryUrl('c', 4), { name: 'category', value: 'c', page: 4 }],
    [tagUrl('Đề án 06'), { name: 'tag', value: 'Đề án 06', page: 1 }],
    [searchUrl('cai cach'), { name: 'search', value: 'cai cach', page: 1 }],
  ];
  for (const [address, expected] of cases) assert.deepEqual(route(SITE + address), expected, address);
});

test('anything else is not found', () => {
  for (const address of ['/khong-co', '/?page=0', '/?page=abc', '/?page=1.5', '/?article=', '/?article=a&tag=b']) {
    assert.deepEqual(route(SITE + address), { name: 'notFound' }, address);
  }
  assert.deepEqual(route(`${SITE}/index.html`), { name: 'home', page: 1 });
  assert.deepEqual(route(`${SITE}/?q=`), { name: 'search', value: '', page: 1 });
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
