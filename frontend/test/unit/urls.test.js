import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  apiUrl, articleUrl, categoryUrl, homeUrl, mediaUrl, pageCount, route, searchUrl, tagUrl,
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

test('page count', () => {
  assert.equal(pageCount(0, 10), 1);
  assert.equal(pageCount(10, 10), 1);
  assert.equal(pageCount(11, 10), 2);
});
