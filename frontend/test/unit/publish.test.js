import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseFeed } from '@rowanmanning/feed-parser';

import { Catalogue, entryOf } from '../../publish/catalogue.js';
import { feedsOf } from '../../publish/feeds.js';
import { fileOf, homeList, tagList } from '../../publish/lists.js';
import { Redirects } from '../../publish/redirects.js';
import { SITEMAP_SIZE, sitemapFiles } from '../../publish/sitemaps.js';

const SITE = { name: 'Sở Thông tin và Truyền thông Ninh Bình', tagline: 'Chào mừng', timeZone: 'Asia/Ho_Chi_Minh' };
const CTX = { site: SITE, categories: [], siteUrl: 'https://tin.example.gov.vn', apiBaseUrl: 'https://api.tin.example.gov.vn' };

function article(n, fields = {}) {
  return {
    slug: `bai-${n}`, title: `Bài số ${n}`, summary: `Tóm tắt ${n}`, body: '<p>Nội dung</p>', coverImage: null,
    category: { slug: 'chuyen-doi-so', name: 'Chuyển đổi số' }, tags: [], author: 'Phòng Thông tin',
    publishedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(), updatedAt: '2024-02-01T00:00:00Z',
    rating: { average: 0, count: 0 }, ...fields,
  };
}

test('addresses map to the files a static host serves them from', () => {
  assert.equal(fileOf('/'), 'index.html');
  assert.equal(fileOf('/trang-2.html'), 'trang-2.html');
  assert.equal(fileOf('/chuyen-muc/chuyen-doi-so/'), 'chuyen-muc/chuyen-doi-so/index.html');
  assert.equal(fileOf('/tin-tuc/bai-1.html'), 'tin-tuc/bai-1.html');
});

test('the catalogue lists newest first and groups tags that differ only in case and tones', () => {
  const catalogue = new Catalogue();
  catalogue.put(entryOf(article(1, { tags: ['Cải cách'] })));
  catalogue.put(entryOf(article(3, { tags: ['cải cách', 'CCHC'] })));
  catalogue.put(entryOf(article(2, { tags: ['CCHC'] })));
  assert.deepEqual(catalogue.newestFirst().map((entry) => entry.slug), ['bai-3', 'bai-2', 'bai-1']);
  assert.deepEqual([...catalogue.tagKeys()].sort(), ['cai-cach', 'cchc']);
  const list = tagList('cai-cach', catalogue);
  assert.equal(list.title, 'Từ khóa: cải cách', 'the spelling of the newest article');
  assert.deepEqual(list.articles.map((entry) => entry.slug), ['bai-3', 'bai-1']);
  assert.equal(list.urlFor(2), '/tu-khoa/cai-cach/trang-2.html');
  catalogue.remove('bai-3');
  assert.equal(tagList('cai-cach', catalogue).title, 'Từ khóa: Cải cách');
  assert.equal(tagList('khong-co', catalogue), null);
});

test('an entry knows the library media its article shows, in the body and as cover', () => {
  const entry = entryOf(article(1, {
    body: '<figure><img src="/a.jpg" data-media-id="7"></figure><p>x</p><img data-media-id="12" src="/b.jpg">',
    coverImage: { url: '/c.jpg', mediaId: 3 },
  }));
  assert.deepEqual(entry.media.sort((a, b) => a - b), [3, 7, 12]);
  const catalogue = new Catalogue([entry, entryOf(article(2))]);
  assert.deepEqual(catalogue.usingMedia(12).map((e) => e.slug), ['bai-1']);
  assert.deepEqual(catalogue.usingMedia(99), []);
});

test('redirects never chain and never leave an article\'s own address forwarding', () => {
  const redirects = new Redirects();
  assert.deepEqual(redirects.add('/tin-tuc/a.html', '/tin-tuc/b.html'), [['/tin-tuc/a.html', '/tin-tuc/b.html']]);
  assert.deepEqual(redirects.add('/tin-tuc/b.html', '/tin-tuc/c.html'),
    [['/tin-tuc/b.html', '/tin-tuc/c.html'], ['/tin-tuc/a.html', '/tin-tuc/c.html']]);
  // Back to an earlier slug: that address is the article's again.
  redirects.add('/tin-tuc/c.html', '/tin-tuc/a.html');
  assert.deepEqual(new Map(redirects.entries()), new Map([['/tin-tuc/b.html', '/tin-tuc/a.html'], ['/tin-tuc/c.html', '/tin-tuc/a.html']]));
  redirects.drop('/tin-tuc/b.html');
  assert.deepEqual(redirects.entries(), [['/tin-tuc/c.html', '/tin-tuc/a.html']]);
});

test('feeds carry the newest twenty, with absolute addresses, and parse as RSS and Atom', () => {
  const catalogue = new Catalogue(Array.from({ length: 25 }, (_, n) => entryOf(article(n, {
    title: `Bài <số> ${n} & "trích dẫn"`, coverImage: { url: '/api/v1/media/files/a.jpg' },
  }))));
  const { rss, atom } = feedsOf(homeList(catalogue, SITE), CTX);
  for (const xml of [rss, atom]) {
    const feed = parseFeed(xml);
    assert.equal(feed.items.length, 20);
    assert.equal(feed.items[0].title, 'Bài <số> 24 & "trích dẫn"');
    assert.equal(feed.items[0].url, 'https://tin.example.gov.vn/tin-tuc/bai-24.html');
    assert.equal(feed.items[0].published.toISOString(), catalogue.newestFirst()[0].publishedAt);
  }
  assert.match(rss, /<enclosure url="https:\/\/api\.tin\.example\.gov\.vn\/api\/v1\/media\/files\/a\.jpg"/);
});

test('sitemaps split at 50,000 addresses; the news sitemap holds the last two days and is left out when empty', async () => {
  const now = Date.parse('2024-06-10T00:00:00Z');
  const old = Array.from({ length: SITEMAP_SIZE }, (_, n) => entryOf(article(n)));
  const fresh = entryOf(article(0, { slug: 'tin-moi', title: 'Tin mới', publishedAt: '2024-06-09T01:00:00Z' }));
  const files = await sitemapFiles(new Catalogue([...old, fresh]), [], [], CTX, now);
  assert.deepEqual(Object.keys(files).sort(), ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-news.xml', 'sitemap.xml']);
  const count = (xml) => xml.match(/<url>/g).length;
  assert.equal(count(files['sitemap-1.xml']), SITEMAP_SIZE);
  assert.equal(count(files['sitemap-2.xml']), 2, 'the home page and the last article');
  assert.equal(count(files['sitemap-news.xml']), 1);
  assert.match(files['sitemap-news.xml'], /<news:title>Tin mới<\/news:title>/);
  assert.equal(files['sitemap.xml'].match(/<sitemap>/g).length, 3);
  const quiet = await sitemapFiles(new Catalogue(old.slice(0, 3)), [], [], CTX, now);
  assert.deepEqual(Object.keys(quiet).sort(), ['sitemap-1.xml', 'sitemap.xml']);
});
