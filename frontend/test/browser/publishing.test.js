// The static site as made by publish/ from the real API and kept current by its webhooks: pages
// read without scripts, valid HTML, feeds, sitemaps, nothing unpublished anywhere, moved slugs,
// and a receiver that takes only signed, fresh requests.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { parseFeed } from '@rowanmanning/feed-parser';
import { HtmlValidate } from 'html-validate';

import { articleUrl } from '../../site/js/urls.js';
import { missingNginx, startNginx } from '../nginx.js';
import { freePort, missingChromium, startAll } from './harness.js';

const SAMPLE_SLUG = 'day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep';
const SAMPLE_TITLE = 'Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp';

const skip = missingChromium();
if (skip && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(skip);
const noNginx = missingNginx();
if (noNginx && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(noNginx);

/** Every file under `folder`, with its path relative to it. */
async function filesUnder(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

describe('the static site', skip ? { skip } : {}, () => {
  let env;

  before(async () => {
    env = await startAll();
  });

  after(async () => {
    await env?.stop();
  });

  const api = (method, path, body) => env.admin(method, path, body);

  async function published(fields) {
    const created = await api('POST', '/api/v1/admin/articles', { category: 'chuyen-doi-so', ...fields });
    await api('POST', `/api/v1/admin/articles/${created.id}/publish`, {});
    await env.served(articleUrl(created.slug));
    return created;
  }

  const siteFile = (path) => readFile(join(env.siteDir, path), 'utf8');

  test('the model article reads without JavaScript, with what link previews and search engines read', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(env.siteUrl + articleUrl(SAMPLE_SLUG));
    assert.equal(await page.locator('h1').textContent(), SAMPLE_TITLE);
    assert.equal(await page.title(), `${SAMPLE_TITLE} – Sở Thông tin và Truyền thông Ninh Bình`);
    assert.equal(await page.locator('.article-meta time').textContent(), 'Thứ sáu, 09/06/2023');
    assert.match(await page.locator('.article-body').textContent(), /Chỉ số hài lòng.*8,17\/10 điểm/s);
    assert.deepEqual(await page.locator('.article-body figcaption').allTextContents(), [
      'Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.',
      'Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc phát biểu kết luận hội nghị.',
    ]);
    assert.equal(await page.locator('.article-body figure img').count(), 2);
    assert.match(await page.locator('.rating-line').textContent(), /^Đánh giá cho bài viết: \d+(,\d)? điểm \(\d+ đánh giá\)$/);
    assert.equal(await page.locator('.print-button:visible').count(), 0, 'no button that needs a script');
    assert.ok(await page.locator('#score-1').isDisabled(), 'rating needs the script');
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    const meta = (key) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
    const address = env.siteUrl + articleUrl(SAMPLE_SLUG);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), address);
    assert.equal(await meta('og:title'), SAMPLE_TITLE);
    assert.equal(await meta('og:url'), address);
    assert.equal(await meta('og:type'), 'article');
    assert.match(await meta('og:image'), new RegExp(`^${env.apiUrl}/api/v1/media/files/[0-9a-f]{64}\\.jpg$`));
    assert.match(await meta('og:description'), /^Sáng 8\/6, Ban Chỉ đạo cải cách hành chính/);
    assert.equal(await meta('twitter:card'), 'summary_large_image');
    assert.equal(await meta('article:published_time'), '2023-06-09T08:30:00+07:00');
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, SAMPLE_TITLE);
    assert.equal(data.datePublished, '2023-06-09T08:30:00+07:00');
    assert.equal(data.publisher.name, 'Sở Thông tin và Truyền thông Ninh Bình');
    const image = await fetch(await meta('og:image'));
    assert.equal(image.headers.get('content-type'), 'image/jpeg', 'the preview picture is served');

    // Navigable without scripts: the menu, a category's list, an article, a tag's list.
    await page.locator('.menu').getByRole('link', { name: 'Cải cách hành chính' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Cải cách hành chính');
    await page.getByRole('link', { name: SAMPLE_TITLE }).click();
    await page.locator('.article-tags').getByRole('link', { name: 'CCHC' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Từ khóa: CCHC');
    assert.ok((await page.locator('.card-title').allTextContents()).includes(SAMPLE_TITLE));
    await page.goto(`${env.siteUrl}/`);
    assert.equal(await page.locator('.article-list .card').count(), 10);
    await page.getByRole('link', { name: 'Trang sau ›' }).click();
    assert.match(page.url(), /\/trang-2\.html$/);
    await context.close();
  });

  test('every page made is valid HTML', async () => {
    // Headlines are the editors' and often longer than 70 characters; search engines shorten them, which is no error.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const pages = (await filesUnder(env.siteDir)).filter((file) => file.endsWith('.html'));
    assert.ok(pages.length > 40, `${pages.length} pages`);
    const problems = [];
    for (const file of pages) {
      const report = await validator.validateString(await readFile(file, 'utf8'), file);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('RSS and Atom feeds parse and list the newest articles, for the site and for each category', async () => {
    const { items } = await api('GET', '/api/v1/articles?limit=20');
    for (const file of ['rss.xml', 'atom.xml']) {
      const feed = parseFeed(await siteFile(file));
      assert.equal(feed.title, 'Sở Thông tin và Truyền thông Ninh Bình', file);
      assert.deepEqual(feed.items.map((item) => item.title), items.map((article) => article.title), file);
      assert.equal(feed.items[0].url, env.siteUrl + articleUrl(items[0].slug));
      assert.equal(feed.items[0].published.toISOString(), new Date(items[0].publishedAt).toISOString());
    }
    const inCategory = await api('GET', '/api/v1/articles?category=cai-cach-hanh-chinh&limit=20');
    const categoryFeed = parseFeed(await siteFile('chuyen-muc/cai-cach-hanh-chinh/rss.xml'));
    assert.deepEqual(categoryFeed.items.map((item) => item.title), inCategory.items.map((article) => article.title));
  });

  test('the sitemap lists every published article, the news sitemap the last two days, robots.txt names it', async () => {
    const { items, total } = await api('GET', '/api/v1/articles?limit=100');
    assert.equal(items.length, total);
    const index = await siteFile('sitemap.xml');
    assert.match(index, new RegExp(`<loc>${env.siteUrl}/sitemap-1.xml</loc>`));
    const urls = [...(await siteFile('sitemap-1.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    const articles = urls.filter((url) => url.includes('/tin-tuc/')).sort();
    assert.deepEqual(articles, items.map((article) => env.siteUrl + articleUrl(article.slug)).sort());
    assert.ok(urls.includes(`${env.siteUrl}/chuyen-muc/cai-cach-hanh-chinh/`));
    const fresh = await published({ title: 'Tin mới trong sơ đồ tin tức', summary: 'Vừa đăng.' });
    await env.idle();
    const news = await siteFile('sitemap-news.xml');
    assert.match(news, new RegExp(`<loc>${env.siteUrl}${articleUrl(fresh.slug)}</loc>`));
    assert.match(news, /<news:title>Tin mới trong sơ đồ tin tức<\/news:title>/);
    assert.doesNotMatch(news, new RegExp(SAMPLE_SLUG), 'an article of 2023 is not news');
    assert.match(await siteFile('sitemap.xml'), /sitemap-news\.xml/);
    assert.match(await siteFile('robots.txt'), new RegExp(`^Sitemap: ${env.siteUrl}/sitemap.xml$`, 'm'));
  });

  test('a draft, a scheduled article before its time and an unpublished one appear in no file', async () => {
    const secrets = { draft: 'Bản nháp Zyxwvu chưa duyệt', scheduled: 'Tin hẹn giờ Qponml sáng mai', unpublished: 'Tin đã gỡ Kjihgf' };
    const draft = await api('POST', '/api/v1/admin/articles', { title: secrets.draft, category: 'chuyen-doi-so', tags: ['Zyxwvu'] });
    const scheduled = await api('POST', '/api/v1/admin/articles', { title: secrets.scheduled, category: 'chuyen-doi-so', tags: ['Qponml'] });
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    await api('POST', `/api/v1/admin/articles/${scheduled.id}/publish`, { publishAt: tomorrow });
    const unpublished = await published({ title: secrets.unpublished, tags: ['Kjihgf'] });
    await api('POST', `/api/v1/admin/articles/${unpublished.id}/unpublish`, {});
    await env.served(articleUrl(unpublished.slug), 404);
    // One more change after them all: once it is on the site, every earlier event has been applied.
    const marker = await published({ title: 'Tin đánh dấu đã xử lý' });
    await env.idle();
    assert.match(await siteFile('index.html'), new RegExp(marker.slug));

    const leaks = [];
    for (const file of await filesUnder(env.siteDir)) {
      const text = await readFile(file, 'utf8');
      for (const [kind, title] of Object.entries(secrets)) {
        const word = title.split(' ').find((w) => /^[A-Z][a-z]{5}$/.test(w));
        if (text.includes(word) || text.includes([draft, scheduled, unpublished].find((a) => a.title === title).slug)) {
          leaks.push(`${kind} in ${file}`);
        }
      }
    }
    assert.deepEqual(leaks, []);
  });

  test('a changed slug: the new address serves the article, the old one forwards to it', async () => {
    const article = await published({ title: 'Tin sẽ đổi địa chỉ', summary: 'Địa chỉ cũ.' });
    await api('PATCH', `/api/v1/admin/articles/${article.id}`, { slug: 'tin-da-doi-dia-chi' });
    await api('POST', `/api/v1/admin/articles/${article.id}/publish`, {});
    await env.served(articleUrl('tin-da-doi-dia-chi'));
    await env.idle();
    const old = await fetch(env.siteUrl + articleUrl(article.slug), { redirect: 'manual' });
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), articleUrl('tin-da-doi-dia-chi'));
    assert.match(await siteFile('.bantin/redirects.map'),
      new RegExp(`^"${articleUrl(article.slug)}" "${articleUrl('tin-da-doi-dia-chi')}";$`, 'm'));
    assert.match(await siteFile(articleUrl(article.slug)),
      /<meta(?=[^>]* http-equiv="refresh")(?=[^>]* content="0; url=\/tin-tuc\/tin-da-doi-dia-chi\.html")/,
      'static hosts without the map forward too');
  });

  test('nginx serves the folder as deploy/nginx.conf says', noNginx ? { skip: noNginx } : {}, async () => {
    const moving = await published({ title: 'Tin chuyển địa chỉ trên nginx' });
    await api('PATCH', `/api/v1/admin/articles/${moving.id}`, { slug: 'tin-da-chuyen-tren-nginx' });
    await api('POST', `/api/v1/admin/articles/${moving.id}/publish`, {});
    await env.served(articleUrl('tin-da-chuyen-tren-nginx'));
    await env.idle();
    const nginx = await startNginx(env.siteDir, await freePort()); // reads the redirect map as it starts
    try {
      const get = (path, headers = {}) => fetch(nginx.url + path, { redirect: 'manual', headers });
      const article = await get(articleUrl(SAMPLE_SLUG), { 'Accept-Encoding': 'gzip' });
      assert.equal(article.status, 200);
      assert.equal(article.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(article.headers.get('content-encoding'), 'gzip');
      assert.equal(article.headers.get('cache-control'), 'no-cache');
      assert.ok(article.headers.get('etag'));
      assert.match(await article.text(), new RegExp(`<h1 class="article-title">${SAMPLE_TITLE}</h1>`));
      const old = await get(`/?article=${SAMPLE_SLUG}`);
      assert.equal(old.status, 301);
      assert.equal(new URL(old.headers.get('location')).pathname, articleUrl(SAMPLE_SLUG));
      const moved = await get(articleUrl(moving.slug));
      assert.equal(moved.status, 301, 'an old slug, from the map');
      assert.equal(new URL(moved.headers.get('location')).pathname, articleUrl('tin-da-chuyen-tren-nginx'));
      const missing = await get('/tin-tuc/khong-co-bai-nay.html');
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /Không tìm thấy trang/);
      assert.equal((await get('/.bantin/catalogue.json')).status, 404, 'the generator\'s own files are not served');
      assert.equal((await get('/rss.xml')).headers.get('content-type'), 'application/rss+xml; charset=utf-8');
      assert.equal((await get('/atom.xml')).headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    } finally {
      await nginx.stop();
    }
  });

  test('the receiver takes only requests signed with the secret, and only fresh ones', async () => {
    const body = JSON.stringify({ id: 'evt_test', type: 'webhook.ping', occurredAt: new Date().toISOString(), data: {} });
    const key = Buffer.from(env.webhookSecret.slice('whsec_'.length), 'base64');
    const send = (text, { seconds = Math.floor(Date.now() / 1000), signedText = text } = {}) => fetch(env.receiverUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'webhook-id': 'evt_test',
        'webhook-timestamp': String(seconds),
        'webhook-signature': `v1,${createHmac('sha256', key).update(`evt_test.${seconds}.${signedText}`).digest('base64')}`,
      },
      body: text,
    });
    assert.equal((await send(body)).status, 202, 'signed now');
    assert.equal((await send(body.replace('webhook.ping', 'article.deleted'), { signedText: body })).status, 401, 'body changed');
    assert.equal((await send(body, { seconds: Math.floor(Date.now() / 1000) - 600 })).status, 401, 'ten minutes old');
    const unsigned = await fetch(env.receiverUrl, { method: 'POST', body });
    assert.equal(unsigned.status, 401, 'no signature');
  });

  test('many changes at once: every page made, and the lists show them all, in order', async () => {
    const created = [];
    for (let n = 1; n <= 6; n += 1) {
      created.push(await api('POST', '/api/v1/admin/articles', { title: `Tin loạt số ${n}`, category: 'cai-cach-hanh-chinh', tags: ['Loạt tin'] }));
    }
    await Promise.all(created.map((article) => api('POST', `/api/v1/admin/articles/${article.id}/publish`, {})));
    for (const article of created) await env.served(articleUrl(article.slug));
    await env.idle();
    const { items } = await api('GET', '/api/v1/articles?tag=Lo%E1%BA%A1t%20tin');
    const titles = (html) => [...html.matchAll(/<h2 class="card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]);
    assert.deepEqual(titles(await siteFile('tu-khoa/loat-tin/index.html')), items.map((article) => article.title));
    const home = titles(await siteFile('index.html'));
    assert.deepEqual(home.slice(0, 6), items.map((article) => article.title), 'the newest on the home page, as the API lists them');
  });

  test('publishing reaches the site in seconds', async (t) => {
    const created = await api('POST', '/api/v1/admin/articles', { title: 'Tin đo thời gian xuất bản', category: 'chuyen-doi-so' });
    const started = Date.now();
    await api('POST', `/api/v1/admin/articles/${created.id}/publish`, {});
    await env.served(articleUrl(created.slug));
    t.diagnostic(`publish → page served: ${Date.now() - started} ms (webhook poll interval 1 s)`);
  });
});
