// The site in real Chromium against the real API (demo content, embedded PostgreSQL).
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { articlePage, listPage } from '../../publish/pages.js';
import { siteApi } from '../../publish/site-api.js';
import { articleUrl } from '../../site/js/urls.js';
import { SCREENSHOTS, VOTER_SECRET, missingChromium, startAll } from './harness.js';
import { BODY_SIZES, FILES, libraryImage, renderedFigure, serveLibrary } from './library-media.js';

const SAMPLE_SLUG = 'day-manh-cai-cach-hanh-chinh-huong-den-su-hai-long-cua-nguoi-dan-doanh-nghiep';
const SAMPLE_TITLE = 'Đẩy mạnh cải cách hành chính, hướng đến sự hài lòng của người dân, doanh nghiệp';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs in the page: whether an image has finished loading with pixels (a lazy image loads once in view). */
function loaded(img) {
  if (img.complete) return img.naturalWidth > 0;
  return new Promise((resolve) => {
    img.addEventListener('load', () => resolve(img.naturalWidth > 0), { once: true });
    img.addEventListener('error', () => resolve(false), { once: true });
  });
}

const skip = missingChromium();
if (skip && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(skip);
if (skip) console.log(`# ${skip}`);

describe('the public site', skip ? { skip } : {}, () => {
  let env;
  const pageErrors = [];

  before(async () => {
    env = await startAll();
  });

  after(async () => {
    await env?.stop();
  });

  /** A page in a new browser context: a new reader, with nothing stored. */
  async function open(path, { viewport = DESKTOP, context, waitUntil = 'load' } = {}) {
    const owner = context || await env.browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await owner.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const response = await page.goto(env.siteUrl + path, { waitUntil });
    return { page, response, context: owner };
  }

  const api = (method, path, body) => env.admin(method, path, body);

  /** What the generator needs to make a page (publish/pages.js), read from the API. */
  async function pageContext() {
    const api = siteApi(env.apiUrl);
    return { site: await api.site(), categories: await api.categories(), siteUrl: env.siteUrl, apiBaseUrl: env.apiUrl };
  }

  /** Serves, in `context`, the page the generator makes of content the API does not hold (made up here). */
  async function serveMadePage(context, path, html) {
    await context.route(env.siteUrl + path, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  }

  async function openSurvey() {
    const { items } = await api('GET', '/api/v1/admin/surveys');
    return api('GET', `/api/v1/admin/surveys/${items.find((s) => s.state === 'open').id}`);
  }

  /** Saves what the reader sees first, once every picture in it has loaded. */
  async function screenshot(target, name) {
    const page = target.page ? target.page() : target;
    await page.waitForFunction(() => [...document.images].every((img) => {
      const { top, bottom } = img.getBoundingClientRect();
      return img.complete || bottom < 0 || top > window.innerHeight;
    }));
    await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }

  async function expectAccessible(page, what) {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `WCAG 2.1 AA on ${what}`);
  }

  async function ratingCount(page) {
    const text = await page.locator('.rating-value').textContent();
    return Number(text.match(/\((\d+) đánh giá\)/)[1]);
  }

  test('home shows the newest articles, the header and the open survey', async () => {
    for (const [viewport, name] of [[DESKTOP, 'home-desktop'], [PHONE, 'home-375']]) {
      const { page, context } = await open('/', { viewport });
      await page.locator('.article-list .card').first().waitFor();
      await page.locator('.survey-form').waitFor();
      assert.equal(await page.locator('[data-slot="site-name"]').textContent(), 'Sở Thông tin và Truyền thông Ninh Bình');
      assert.equal(await page.locator('[data-slot="tagline"]').textContent(),
        'Chào mừng bạn đến Sở Thông tin và Truyền thông Ninh Bình');
      assert.match(await page.locator('[data-slot="today"]').textContent(),
        /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}\/\d{2}\/\d{4}$/);
      assert.equal(await page.locator('h1').textContent(), 'Tin mới nhất');
      assert.equal(await page.locator('.article-list .card').count(), 10);
      assert.match(await page.locator('.card .meta').first().textContent(),
        /^Thứ \S+, \d{2}\/\d{2}\/\d{4}\d+(,\d)? điểm \(\d+ đánh giá\)$/);
      assert.equal(await page.locator('.menu a[aria-current="page"]').textContent(), 'Trang chủ');
      assert.equal(await page.locator('.survey-form input[type="radio"]').count(), 5);
      await screenshot(page, name);
      await context.close();
    }
  });

  test('paging leads to the older articles', async () => {
    const { page, context } = await open('/');
    await page.getByRole('link', { name: 'Trang sau ›' }).click();
    await page.waitForURL(/\/trang-2\.html$/);
    await page.locator('.article-list .card').first().waitFor();
    const expected = await api('GET', '/api/v1/articles?page=2&limit=10');
    assert.deepEqual(await page.locator('.card-title').allTextContents(), expected.items.map((a) => a.title));
    assert.equal(await page.locator('.pager a[aria-current="page"]').textContent(), '2');
    await context.close();
  });

  test('a preview link shows a draft under a notice, kept out of search engines', async () => {
    const [category] = await api('GET', '/api/v1/categories');
    const title = 'Dự thảo: Kế hoạch chuyển đổi số năm 2027';
    const draft = await api('POST', '/api/v1/admin/articles', {
      title, category: category.slug, summary: 'Bản nháp gửi lãnh đạo duyệt.', body: '<p>Nội dung dự thảo.</p>',
    });
    const link = await api('POST', `/api/v1/admin/articles/${draft.id}/preview`);
    const { page } = await open(`/?preview=${encodeURIComponent(link.token)}`);
    await page.waitForURL(/\/xem-truoc\.html\?token=/);
    await page.locator('main[aria-busy="false"]').waitFor();
    assert.equal(await page.locator('h1').textContent(), title);
    assert.match(await page.locator('.preview-notice').textContent(), /^Bản xem trước — /);
    assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
    assert.equal(await page.locator('.rating-line').count(), 0, 'a draft has no rating to give');
    assert.match(await page.title(), /^Bản xem trước: Dự thảo: Kế hoạch chuyển đổi số năm 2027 – /);
    await expectAccessible(page, 'a preview');

    await api('DELETE', `/api/v1/admin/articles/${draft.id}/preview`);
    const revoked = await open(`/?preview=${encodeURIComponent(link.token)}`);
    await revoked.page.locator('main[aria-busy="false"]').waitFor();
    assert.equal(await revoked.page.locator('h1').textContent(), 'Không tìm thấy trang');
    await api('DELETE', `/api/v1/admin/articles/${draft.id}`);
  });

  test('the sample article reads like the model page', async () => {
    for (const [viewport, name] of [[DESKTOP, 'article-desktop'], [PHONE, 'article-375']]) {
      const { page, context } = await open(`/?article=${SAMPLE_SLUG}`, { viewport });
      await page.locator('.related .card').first().waitFor();
      assert.equal(await page.locator('h1').textContent(), SAMPLE_TITLE);
      assert.equal(await page.title(), `${SAMPLE_TITLE} – Sở Thông tin và Truyền thông Ninh Bình`);
      assert.equal(await page.locator('.article-meta time').textContent(), 'Thứ sáu, 09/06/2023');
      assert.match(await page.locator('.rating-line').textContent(), /^Đánh giá cho bài viết: \d+(,\d)? điểm \(\d+ đánh giá\)$/);
      assert.equal(await page.locator('.article-body figcaption').first().textContent(),
        'Đồng chí Chủ tịch UBND tỉnh Phạm Quang Ngọc chủ trì hội nghị.');
      const bodyImage = page.locator('.article-body figure img').first();
      await bodyImage.scrollIntoViewIfNeeded();
      assert.ok(await bodyImage.evaluate(loaded), 'the body image loads from the API');
      assert.equal(await page.locator('.article-body figure img').first().getAttribute('loading'), 'lazy');
      assert.equal(await page.locator('.article-cover').count(), 0, 'the cover is the body\'s first picture: shown once');
      assert.match(await page.locator('.article-body').textContent(), /8,17\/10.*\.\/\.$/s);
      assert.deepEqual(await page.locator('.article-tags a').allTextContents(),
        ['cải cách hành chính', 'CCHC', 'chỉ số hài lòng', 'TTHC']);
      const related = await page.locator('.related .card-title').allTextContents();
      assert.ok(related.length > 0 && !related.includes(SAMPLE_TITLE), 'related articles, not this one');
      await screenshot(page, name);
      await context.close();
    }
  });

  test('rating updates the line, and the reader\'s own score is remembered', async () => {
    const { page, context } = await open(`/?article=${SAMPLE_SLUG}`);
    const status = page.locator('.rating-status');
    await page.locator('.rating-value').waitFor();
    const before = (await api('GET', `/api/v1/articles/${SAMPLE_SLUG}/rating`)).count;
    await page.locator('label[for="score-4"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await status.filter({ hasText: 'Cảm ơn bạn! Đã ghi nhận 4 điểm.' }).waitFor();
    assert.equal(await ratingCount(page), before + 1);
    assert.equal((await api('GET', `/api/v1/articles/${SAMPLE_SLUG}/rating`)).count, before + 1, 'stored');

    await page.reload();
    await status.filter({ hasText: 'Bạn đã chấm 4 điểm.' }).waitFor();
    assert.ok(await page.locator('#score-4').isChecked());

    // Changing one's score replaces it: the count stays, the average moves.
    await page.locator('label[for="score-2"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await status.filter({ hasText: 'Đã ghi nhận 2 điểm.' }).waitFor();
    assert.equal(await ratingCount(page), before + 1);
    await context.close();

    const other = await open(`/?article=${SAMPLE_SLUG}`);
    await other.page.locator('label[for="score-5"]').click();
    await other.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await other.page.locator('.rating-status').filter({ hasText: 'Đã ghi nhận 5 điểm.' }).waitFor();
    const summary = await api('GET', `/api/v1/articles/${SAMPLE_SLUG}/rating`);
    const average = String(summary.average).replace('.', ',');
    assert.equal(await other.page.locator('.rating-value').textContent(), `${average} điểm (${before + 2} đánh giá)`);
    await other.context.close();
  });

  test('a slow first read of the rating does not undo the reader\'s own rating', async () => {
    const context = await env.browser.newContext({ viewport: DESKTOP });
    let releaseRead;
    const readHeld = new Promise((resolve) => { releaseRead = resolve; });
    // The first read is answered by the API at once, but reaches the page only after the rating.
    await context.route('**/rating', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      await readHeld;
      return route.fulfill({ response });
    });
    const { page } = await open(`/?article=${SAMPLE_SLUG}`, { context });
    await page.locator('.rating-value').waitFor();
    const before = (await api('GET', `/api/v1/articles/${SAMPLE_SLUG}/rating`)).count;
    await page.locator('label[for="score-1"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.locator('.rating-status').filter({ hasText: 'Đã ghi nhận 1 điểm.' }).waitFor();
    releaseRead();
    await page.waitForResponse((response) => response.url().endsWith('/rating') && response.request().method() === 'GET');
    await page.waitForTimeout(200);
    assert.equal(await ratingCount(page), before + 1);
    assert.equal(await page.locator('.rating-status').textContent(), 'Cảm ơn bạn! Đã ghi nhận 1 điểm.');
    await context.close();
  });

  test('rating works with the keyboard only, with the focus visible', async () => {
    const { page, context } = await open(`/?article=${SAMPLE_SLUG}`);
    await page.locator('.rating-value').waitFor();
    const before = (await api('GET', `/api/v1/articles/${SAMPLE_SLUG}/rating`)).count;
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.name === 'score')) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'score-1', 'Tab reaches the first score');
    assert.notEqual(await page.locator('label[for="score-1"]').evaluate((label) => getComputedStyle(label).outlineStyle),
      'none', 'the focused score is outlined');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.ok(await page.locator('#score-3').isChecked());
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Gửi đánh giá');
    await page.keyboard.press('Enter');
    await page.locator('.rating-status').filter({ hasText: 'Đã ghi nhận 3 điểm.' }).waitFor();
    assert.equal(await ratingCount(page), before + 1);
    await context.close();
  });

  test('voting in the survey shows the results, and a second vote is refused kindly', async () => {
    const before = await openSurvey();
    const first = await open('/');
    const form = first.page.locator('.survey-form');
    await form.waitFor();
    // A second tab of the same reader, opened before the vote: it still shows the form.
    const second = await open('/', { context: first.context });
    await second.page.locator('.survey-form').waitFor();

    await first.page.getByLabel('Thủ tục hành chính').check();
    await first.page.getByRole('button', { name: 'Bình chọn' }).click();
    const results = first.page.locator('.survey-results');
    await results.waitFor();
    const total = before.results.totalVoters + 1;
    assert.equal(await results.locator('.survey-total').textContent(), `Tổng số: ${total} người tham gia`);
    assert.equal(await results.locator('li').count(), 5);
    assert.equal(await results.locator('li.mine .result-text').textContent(), 'Thủ tục hành chính (bạn đã chọn)');
    const chosen = before.results.options.find((o) => o.text === 'Thủ tục hành chính');
    const percent = ((chosen.votes + 1) * 100 / total).toFixed(1).replace('.', ',');
    assert.equal(await results.locator('li.mine .result-numbers').textContent(), `${percent}% · ${chosen.votes + 1} phiếu`);
    assert.equal(await first.page.evaluate(() => document.activeElement.className), 'survey-results', 'focus moves to the results');
    assert.equal((await openSurvey()).results.totalVoters, total, 'stored');
    await screenshot(first.page, 'survey-results-desktop');

    await second.page.getByLabel('Hỏi đáp').check();
    await second.page.getByRole('button', { name: 'Bình chọn' }).click();
    await second.page.locator('.survey-results').filter({ hasText: 'Bạn đã tham gia khảo sát này rồi' }).waitFor();
    assert.equal((await openSurvey()).results.totalVoters, total, 'the second vote is not counted');

    await first.page.reload();
    await first.page.locator('.survey-results li.mine').waitFor();
    assert.equal(await first.page.locator('.survey-form').count(), 0, 'no form for a reader who voted');
    await first.context.close();

    const phone = await open('/', { viewport: PHONE });
    await phone.page.locator('.survey-form').waitFor();
    await phone.page.getByLabel('Tin tức – Sự kiện').check();
    await phone.page.getByRole('button', { name: 'Bình chọn' }).click();
    await phone.page.locator('.survey-results').waitFor();
    await screenshot(phone.page.locator('.survey'), 'survey-results-375');
    await phone.context.close();
  });

  test('a new reader gets a voter token by proof of work, solved in a worker', async () => {
    const { page, context } = await open(`/?article=${SAMPLE_SLUG}`);
    const workers = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const calls = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/voters')) calls.push(`${new URL(response.url()).pathname} ${response.status()}`);
    });
    await page.locator('.rating-value').waitFor();
    await page.locator('label[for="score-4"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.locator('.rating-status').filter({ hasText: 'Đã ghi nhận 4 điểm.' }).waitFor();
    assert.deepEqual(calls, ['/api/v1/voters/challenges 200', '/api/v1/voters 201']);
    assert.ok(workers.some((url) => url.endsWith('/js/challenge-worker.js')), `workers: ${workers}`);
    await context.close();
  });

  test('a returning reader whose token expired is renewed as the same voter', async () => {
    const voter = randomBytes(16);
    const issued = Buffer.alloc(8);
    issued.writeBigInt64BE(BigInt(Math.floor(Date.now() / 1000) - 2 * 24 * 3600));
    const payload = Buffer.concat([voter, issued]);
    const signature = createHmac('sha256', VOTER_SECRET).update(payload).digest().subarray(0, 16);
    const expired = `${payload.toString('base64url')}.${signature.toString('base64url')}`;
    const { page, context } = await open(`/?article=${SAMPLE_SLUG}`);
    await page.evaluate((token) => localStorage.setItem('bantin.voterToken', token), expired);
    const renewals = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/voters') renewals.push(request.headers()['voter-token']);
    });
    await page.reload();
    await page.locator('.rating-value').waitFor();
    await page.locator('label[for="score-3"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.locator('.rating-status').filter({ hasText: 'Đã ghi nhận 3 điểm.' }).waitFor();
    assert.deepEqual(renewals, [expired], 'one renewal, sending the expired token');
    const renewed = await page.evaluate(() => localStorage.getItem('bantin.voterToken'));
    assert.notEqual(renewed, expired);
    assert.deepEqual(Buffer.from(renewed.split('.')[0], 'base64url').subarray(0, 16), voter, 'the same voter');
    await context.close();
  });

  test('a phone-class browser solves a voter challenge in well under a second', async (t) => {
    const { page, context } = await open('/', { viewport: PHONE });
    // A phone: the page's CPU 4 times slower, where the solver runs here so that the throttling applies.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const solved = await page.evaluate(async (apiUrl) => {
      const { solveChallenge } = await import('/js/challenge.js');
      const runs = [];
      for (let i = 0; i < 30; i += 1) {
        const challenge = await (await fetch(`${apiUrl}/api/v1/voters/challenges`, { method: 'POST' })).json();
        const start = performance.now();
        const number = await solveChallenge(challenge);
        runs.push({ ms: performance.now() - start, number, maxnumber: challenge.maxnumber });
      }
      return runs;
    }, env.apiUrl);
    const times = solved.map((run) => run.ms).sort((a, b) => a - b);
    const hashesPerSecond = Math.round(solved.reduce((sum, run) => sum + run.number + 1, 0) * 1000
      / solved.reduce((sum, run) => sum + run.ms, 0));
    t.diagnostic(`voter challenges (maxnumber ${solved[0].maxnumber}) solved at 4x CPU throttling in `
      + `${times.map(Math.round).join(', ')} ms: median ${Math.round(times[15])} ms, p95 ${Math.round(times[28])} ms, `
      + `${hashesPerSecond} hashes/s`);
    assert.ok(solved.every((run) => run.number !== null), 'every challenge solved');
    await context.close();
  });

  test('the survey works with the keyboard only', async () => {
    const before = await openSurvey();
    const { page, context } = await open('/');
    await page.locator('.survey-form').waitFor();
    for (let presses = 0; presses < 80; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.name === 'option')) break;
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.survey-results li.mine').waitFor();
    assert.equal(await page.locator('.survey-results li.mine .result-text').textContent(), 'Thủ tục hành chính (bạn đã chọn)');
    assert.equal((await openSurvey()).results.totalVoters, before.results.totalVoters + 1);
    await context.close();
  });

  test('a multiple-choice survey offers checkboxes, keeps to its limit, and hides results until it closes', async () => {
    const survey = await api('POST', '/api/v1/admin/surveys', {
      question: 'Bạn muốn nhận thông tin qua kênh nào?', multipleChoice: true, maxChoices: 2,
      options: ['Cổng thông tin', 'Zalo', 'Báo in', 'Truyền thanh cơ sở'], resultsVisibility: 'afterClose',
    });
    await api('POST', `/api/v1/admin/surveys/${survey.id}/open`, {});
    try {
      const { page, context } = await open('/');
      await page.locator('.survey-form').filter({ hasText: 'Bạn muốn nhận thông tin qua kênh nào?' }).waitFor();
      assert.equal(await page.locator('.survey-form input[type="checkbox"]').count(), 4);
      assert.equal(await page.locator('.survey-hint').textContent(), 'Có thể chọn tối đa 2 mục.');
      for (const option of ['Cổng thông tin', 'Zalo', 'Báo in']) await page.getByLabel(option).check();
      await page.getByRole('button', { name: 'Bình chọn' }).click();
      await page.locator('.survey-status').filter({ hasText: 'Chỉ được chọn tối đa 2 mục.' }).waitFor();
      assert.equal((await api('GET', `/api/v1/admin/surveys/${survey.id}`)).results.totalVoters, 0);

      await page.getByLabel('Báo in').uncheck();
      await page.getByRole('button', { name: 'Bình chọn' }).click();
      await page.locator('.survey-results').filter({ hasText: 'Cảm ơn bạn đã tham gia khảo sát!' }).waitFor();
      assert.equal(await page.locator('.survey-results .bar').count(), 0, 'no results before the survey closes');
      const stored = (await api('GET', `/api/v1/admin/surveys/${survey.id}`)).results;
      assert.equal(stored.totalVoters, 1);
      assert.deepEqual(stored.options.map((o) => o.votes), [1, 1, 0, 0]);
      await context.close();
    } finally {
      await api('DELETE', `/api/v1/admin/surveys/${survey.id}`);
    }
  });

  test('a survey whose results everyone may see lets readers look before voting', async () => {
    const survey = await api('POST', '/api/v1/admin/surveys', {
      question: 'Bạn đánh giá thế nào về dịch vụ công trực tuyến?', multipleChoice: false,
      options: ['Rất hài lòng', 'Hài lòng', 'Chưa hài lòng'], resultsVisibility: 'always',
    });
    await api('POST', `/api/v1/admin/surveys/${survey.id}/open`, {});
    try {
      const { page, context } = await open('/');
      await page.locator('.survey-form').filter({ hasText: 'dịch vụ công trực tuyến' }).waitFor();
      await page.getByRole('button', { name: 'Xem kết quả' }).click();
      await page.locator('.survey-total').filter({ hasText: 'Tổng số: 0 người tham gia' }).waitFor();
      assert.equal(await page.locator('.survey-results li').count(), 3);
      await page.getByRole('button', { name: 'Quay lại bình chọn' }).click();
      await page.getByLabel('Hài lòng', { exact: true }).check();
      await page.getByRole('button', { name: 'Bình chọn' }).click();
      await page.locator('.survey-results li.mine').filter({ hasText: 'Hài lòng (bạn đã chọn)' }).waitFor();
      assert.equal(await page.locator('.survey-results li.mine .result-numbers').textContent(), '100,0% · 1 phiếu');
      await context.close();
    } finally {
      await api('DELETE', `/api/v1/admin/surveys/${survey.id}`);
    }
  });

  test('search without diacritics finds the article', async () => {
    const { page, context } = await open('/');
    await page.getByRole('searchbox', { name: 'Tìm kiếm bài viết' }).fill('cai cach');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=cai\+cach$/);
    await page.locator('.article-list .card').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Kết quả tìm kiếm');
    assert.match(await page.locator('.list-note').textContent(), /^Tìm thấy \d+ bài viết cho “cai cach”\.$/);
    assert.ok((await page.locator('.card-title').allTextContents()).includes(SAMPLE_TITLE));
    assert.equal(await page.getByRole('searchbox').inputValue(), 'cai cach');
    await context.close();
  });

  test('category and tag pages list their articles', async () => {
    const { page, context } = await open('/');
    await page.locator('.menu').getByRole('link', { name: 'Cải cách hành chính' }).click();
    await page.locator('.article-list .card').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Cải cách hành chính');
    assert.equal(await page.locator('.menu a[aria-current="page"]').textContent(), 'Cải cách hành chính');
    assert.ok((await page.locator('.card-title').allTextContents()).includes(SAMPLE_TITLE));

    await page.getByRole('link', { name: SAMPLE_TITLE }).click();
    await page.locator('.article-tags').getByRole('link', { name: 'CCHC' }).click();
    await page.locator('.article-list .card').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Từ khóa: CCHC');
    assert.ok((await page.locator('.card-title').allTextContents()).includes(SAMPLE_TITLE));
    await context.close();
  });

  test('unknown pages and articles say so', async () => {
    const unknownPath = await open('/trang-khong-co');
    assert.equal(unknownPath.response.status(), 404);
    await unknownPath.page.locator('h1').filter({ hasText: 'Không tìm thấy trang' }).waitFor();
    await unknownPath.context.close();

    const unknownArticle = await open('/?article=bai-viet-khong-co');
    await unknownArticle.page.locator('h1').filter({ hasText: 'Không tìm thấy trang' }).waitFor();
    assert.match(await unknownArticle.page.title(), /^Không tìm thấy trang – /);
    await expectAccessible(unknownArticle.page, 'the not-found page');
    await unknownArticle.context.close();
  });

  test('an expired article says that it has ended, not that it was never there', async () => {
    const [category] = await api('GET', '/api/v1/categories');
    const article = await api('POST', '/api/v1/admin/articles', { title: 'Thông báo có thời hạn', category: category.slug });
    const published = await api('POST', `/api/v1/admin/articles/${article.id}/publish`, {});
    await env.served(articleUrl(article.slug));
    const unpublishAt = new Date(Date.parse(published.publishedAt) + 3000).toISOString();
    await api('POST', `/api/v1/admin/articles/${article.id}/publish`, { unpublishAt });
    await new Promise((resolve) => { setTimeout(resolve, Date.parse(unpublishAt) - Date.now() + 500); });

    // The page that stays once the API says the article has expired: its address, no content.
    const titled = async () => (await fetch(env.siteUrl + articleUrl(article.slug))).text();
    const deadline = Date.now() + 20_000;
    while (!(await titled()).includes('Bài viết đã hết hiệu lực hiển thị') && Date.now() < deadline) {
      await new Promise((resolve) => { setTimeout(resolve, 200); });
    }
    const expired = await open(`/?article=${article.slug}`);
    await expired.page.locator('h1').filter({ hasText: 'Bài viết đã hết hiệu lực hiển thị' }).waitFor();
    assert.match(await expired.page.title(), /^Bài viết đã hết hiệu lực hiển thị – /);
    await expired.context.close();
  });

  test('with the API unreachable the reader gets a message, not a blank page', async () => {
    const context = await env.browser.newContext({ viewport: DESKTOP });
    // The same site, deployed with an API address where nothing listens.
    await context.route('**/config.js', (route) => route.fulfill({
      contentType: 'text/javascript', body: 'export default { apiBaseUrl: "http://127.0.0.1:9" };',
    }));
    const { page } = await open('/tim-kiem.html?q=cai+cach', { context });
    await page.locator('h1').filter({ hasText: 'Không kết nối được với máy chủ' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Thử lại' }).isVisible());
    assert.match(await page.locator('[data-slot="today"]').textContent(), /\d{2}\/\d{2}\/\d{4}$/);
    await expectAccessible(page, 'the unreachable message');
    await context.close();
  });

  test('titles and other text from the API are shown as text, never run as HTML', async () => {
    const title = '<img src=x onerror="window.attacked=1">Thông báo <b>khẩn</b>';
    const created = await api('POST', '/api/v1/admin/articles', {
      title, category: 'tin-tuc-su-kien', summary: '<script>window.attacked=2</script>Tóm tắt',
      body: '<p onclick="window.attacked=3">Nội dung <script>window.attacked=4</script>an toàn.</p>', tags: ['<i>thẻ</i>'],
    });
    await api('POST', `/api/v1/admin/articles/${created.id}/publish`, {});
    await env.served(articleUrl(created.slug));
    const { page, context } = await open(`/?article=${created.slug}`);
    await page.locator('.article-body').waitFor();
    assert.equal(await page.locator('h1').textContent(), title);
    assert.equal(await page.locator('.article-lead').textContent(), '<script>window.attacked=2</script>Tóm tắt');
    assert.equal(await page.locator('.article-body').innerHTML(), '<p>Nội dung an toàn.</p>');
    assert.equal(await page.locator('.article-tags a').textContent(), '<i>thẻ</i>');
    assert.equal(await page.locator('h1 img, .article-tags i').count(), 0);
    await page.locator('.article-body p').click();
    assert.equal(await page.evaluate(() => window.attacked), undefined);
    await context.close();
  });

  test('article bodies: media paths point at the API, images the API stripped are dropped, tables scroll', async () => {
    const created = await api('POST', '/api/v1/admin/articles', {
      title: 'Công bố danh mục văn bản tháng 12', category: 'van-ban-moi',
      body: '<p>Tải <a href="/media/demo/van-ban-tthc.svg">văn bản</a> hoặc xem <a href="/?tag=TTHC">TTHC</a>.</p>'
        + '<figure><img src="data:image/png;base64,AAAA" alt="dán từ Word"><figcaption>Ảnh dán</figcaption></figure>'
        + '<table><tr><th>Số</th><th>Tên văn bản</th></tr><tr><td>1</td><td>Quyết định 123/QĐ-UBND</td></tr></table>',
      coverImage: { url: '/media/demo/van-ban-tthc.svg?v=1&size=large', alt: 'Văn bản' },
    });
    await api('POST', `/api/v1/admin/articles/${created.id}/publish`, {});
    await env.served(articleUrl(created.slug));
    const { page, context } = await open(`/?article=${created.slug}`);
    await page.locator('.article-body').waitFor();
    assert.equal(await page.getByRole('link', { name: 'văn bản', exact: true }).getAttribute('href'),
      `${env.apiUrl}/media/demo/van-ban-tthc.svg`);
    assert.equal(await page.locator('.article-body').getByRole('link', { name: 'TTHC' }).getAttribute('href'), '/?tag=TTHC',
      'a link to an address of the one-page site is kept (the site forwards it)');
    assert.equal(await page.locator('.article-body img').count(), 0);
    assert.equal(await page.locator('.article-body figcaption').textContent(), 'Ảnh dán');
    const coverImg = page.locator('.article-cover > img');
    assert.equal(await coverImg.getAttribute('src'), `${env.apiUrl}/media/demo/van-ban-tthc.svg?v=1&size=large`);
    assert.deepEqual([await coverImg.getAttribute('width'), await coverImg.getAttribute('height')], ['1200', '675'],
      'a picture of unknown size keeps a 16:9 room');
    assert.deepEqual([await coverImg.getAttribute('srcset'), await coverImg.getAttribute('loading')], [null, null]);
    assert.equal(await coverImg.getAttribute('fetchpriority'), 'high');
    assert.equal(await page.locator('.table-scroll > table td').last().textContent(), 'Quyết định 123/QĐ-UBND');
    await context.close();
  });

  /** Where an element's top is in the page (not the viewport), in CSS pixels. */
  function pageTop(locator) {
    return locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  }

  /** `srcset` as the site must write it: every path under the API's address. */
  const underApi = (srcset) => srcset.replaceAll(FILES, `${env.apiUrl}${FILES}`);

  test('library pictures: srcset from the API, WebP first, room kept, cover first and body lazy', async () => {
    // 3:2, not the 16:9 room kept for pictures of unknown size.
    const coverImage = libraryImage('anh-bia', 1600, 1067);
    const bodyImage = libraryImage('anh-trong-bai', 1200, 800);
    const documentPath = `${FILES}${'c'.repeat(64)}.pdf`;
    const sample = await api('GET', `/api/v1/articles/${SAMPLE_SLUG}`);
    const article = {
      ...sample,
      slug: 'thu-vien-anh-mau',
      title: 'Hội nghị chuyển đổi số tỉnh Ninh Bình',
      body: '<p>Sáng 8/6, Sở Thông tin và Truyền thông tổ chức hội nghị.</p>'
        + renderedFigure(bodyImage, 'Toàn cảnh hội nghị', 'Toàn cảnh hội nghị chuyển đổi số.')
        + `<p class="after">Xem <a href="${documentPath}">kế hoạch</a> của Sở.</p>`,
      coverImage: {
        url: coverImage.url, alt: 'Lãnh đạo Sở phát biểu', caption: 'Lãnh đạo Sở phát biểu khai mạc.', mediaId: 7,
        width: 1600, height: 1067, credit: 'Minh Anh', srcset: coverImage.srcset, webpSrcset: coverImage.webpSrcset,
        ogImage: `${FILES}${'d'.repeat(64)}.jpg`,
      },
    };
    const context = await env.browser.newContext({ viewport: DESKTOP });
    const made = await pageContext();
    await serveMadePage(context, articleUrl(article.slug), articlePage(article, made));
    const files = await serveLibrary(context, [coverImage, bodyImage]);
    // Its pictures are held back (files.release() below), so the page does not finish loading before that.
    const { page } = await open(articleUrl(article.slug), { context, waitUntil: 'domcontentloaded' });
    const after = page.locator('.article-body p.after');
    await after.waitFor();
    await page.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); }));
    const before = { body: await pageTop(page.locator('.article-body')), after: await pageTop(after) };
    assert.equal(await page.locator('.article-cover img').evaluate((img) => img.complete), false,
      'the cover is still on its way');

    const cover = page.locator('.article-cover');
    assert.equal(await cover.locator('picture > source[type="image/webp"]').getAttribute('srcset'),
      underApi(coverImage.webpSrcset));
    assert.equal(await cover.locator('picture > source').getAttribute('sizes'), '(max-width: 800px) 100vw, 800px');
    const coverImg = cover.locator('picture > img');
    assert.equal(await coverImg.getAttribute('src'), `${env.apiUrl}${coverImage.url}`);
    assert.equal(await coverImg.getAttribute('srcset'), underApi(coverImage.srcset));
    assert.equal(await coverImg.getAttribute('sizes'), '(max-width: 800px) 100vw, 800px');
    assert.deepEqual([await coverImg.getAttribute('width'), await coverImg.getAttribute('height')], ['1600', '1067']);
    assert.equal(await coverImg.getAttribute('fetchpriority'), 'high');
    assert.equal(await coverImg.getAttribute('loading'), null, 'the largest paint is not lazy');
    assert.equal(await cover.locator('figcaption').textContent(), 'Lãnh đạo Sở phát biểu khai mạc. Ảnh: Minh Anh');

    const figure = page.locator('.article-body figure');
    assert.equal(await figure.locator('picture > source[type="image/webp"]').getAttribute('srcset'),
      underApi(bodyImage.webpSrcset));
    const bodyImg = figure.locator('picture > img');
    assert.equal(await bodyImg.getAttribute('src'), `${env.apiUrl}${bodyImage.url}`);
    assert.equal(await bodyImg.getAttribute('srcset'), underApi(bodyImage.srcset));
    assert.equal(await bodyImg.getAttribute('sizes'), BODY_SIZES);
    assert.deepEqual([await bodyImg.getAttribute('width'), await bodyImg.getAttribute('height')], ['1200', '800']);
    assert.deepEqual([await bodyImg.getAttribute('loading'), await bodyImg.getAttribute('decoding')], ['lazy', 'async']);
    assert.equal(await bodyImg.getAttribute('alt'), 'Toàn cảnh hội nghị');
    assert.equal(await figure.locator('figcaption').textContent(), 'Toàn cảnh hội nghị chuyển đổi số.');
    assert.ok(await figure.locator('figcaption').isVisible());
    assert.equal(await after.getByRole('link', { name: 'kế hoạch' }).getAttribute('href'), `${env.apiUrl}${documentPath}`);

    files.release();
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('.article img')]
      .every((img) => img.complete && img.naturalWidth > 0));
    await page.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); }));
    // Renditions are whole pixels, so their ratio may differ from the original's by a fraction of a pixel.
    const moved = {
      body: await pageTop(page.locator('.article-body')) - before.body, after: await pageTop(after) - before.after,
    };
    assert.ok(Math.abs(moved.body) < 1 && Math.abs(moved.after) < 1,
      `the text stays where it was when the pictures arrive: ${JSON.stringify(moved)}`);
    const shift = await page.evaluate(() => window.layoutShift);
    assert.ok(shift < 0.01, `layout shift ${shift}`);
    // At 1280 px the column is under 800 px: the 1024 px WebP, and only it, is fetched for each picture.
    const webp1024 = (image) => image.webpSrcset.split(', ').find((c) => c.endsWith(' 1024w')).split(' ')[0];
    assert.equal(await coverImg.evaluate((img) => img.currentSrc), `${env.apiUrl}${webp1024(coverImage)}`);
    assert.equal(await bodyImg.evaluate((img) => img.currentSrc), `${env.apiUrl}${webp1024(bodyImage)}`);
    assert.deepEqual(files.requested.toSorted(), [webp1024(coverImage), webp1024(bodyImage)].toSorted());
    assert.equal(files.requested[0], webp1024(coverImage), 'the cover is fetched first');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'article-library-media-desktop');

    await expectAccessible(page, 'an article with library pictures');

    // The same picture as cover and in the body is shown once, in the body: here the cover names
    // one of the body picture's renditions, by its full address.
    const rendition = `${env.apiUrl}${bodyImage.srcset.split(', ')[1].split(' ')[0]}`;
    const sameAsBody = { ...article, slug: 'anh-bia-trong-bai', coverImage: { ...article.coverImage, url: rendition } };
    await serveMadePage(context, articleUrl(sameAsBody.slug), articlePage(sameAsBody, made));
    await page.goto(env.siteUrl + articleUrl(sameAsBody.slug));
    await page.locator('.article-body figure').waitFor();
    assert.equal(await page.locator('.article-cover').count(), 0, 'no cover: the body shows that picture');
    await context.close();
  });

  test('article lists: thumbnails from the media library are small, lazy and keep their room', async () => {
    const image = libraryImage('anh-danh-sach', 1600, 1200);
    const { items } = await api('GET', '/api/v1/articles?limit=1');
    const list = {
      title: 'Từ khóa: thu-vien',
      articles: [{
        ...items[0],
        coverImage: {
          url: image.url, alt: 'Ảnh bìa', width: 1600, height: 1200, srcset: image.srcset, webpSrcset: image.webpSrcset,
        },
      }],
      urlFor: () => '/tu-khoa/thu-vien/',
    };
    const context = await env.browser.newContext({ viewport: DESKTOP });
    await serveMadePage(context, '/tu-khoa/thu-vien/', listPage(list, 1, await pageContext()));
    const files = await serveLibrary(context, [image]);
    files.release();
    const { page } = await open('/tu-khoa/thu-vien/', { context });
    const card = page.locator('.article-list .card');
    await card.waitFor();
    const thumbnail = card.locator('picture > img.card-cover');
    const sizes = '(min-width: 600px) 240px, calc(100vw - 32px)';
    assert.equal(await card.locator('picture > source[type="image/webp"]').getAttribute('srcset'),
      underApi(image.webpSrcset));
    assert.equal(await card.locator('picture > source').getAttribute('sizes'), sizes);
    assert.equal(await thumbnail.getAttribute('srcset'), underApi(image.srcset));
    assert.equal(await thumbnail.getAttribute('sizes'), sizes);
    assert.deepEqual([await thumbnail.getAttribute('width'), await thumbnail.getAttribute('height')], ['1600', '1200']);
    assert.deepEqual([await thumbnail.getAttribute('loading'), await thumbnail.getAttribute('decoding')],
      ['lazy', 'async']);
    await page.waitForFunction(() => document.querySelector('.card-cover').complete);
    const smallest = image.webpSrcset.split(', ')[0].split(' ')[0];
    assert.equal(await thumbnail.evaluate((img) => img.currentSrc), `${env.apiUrl}${smallest}`,
      'the 320 px WebP for a 240 px box');
    const box = await thumbnail.boundingBox();
    assert.deepEqual([Math.round(box.width), Math.round(box.height)], [240, 135], 'cut to the card\'s 16:9');
    await context.close();
  });

  test('pages meet WCAG 2.1 AA, fit 360 px, weigh under 100 KB and do not jump', async (t) => {
    const pages = ['/', `/?article=${SAMPLE_SLUG}`, '/?q=cai+cach'];
    for (const [path, viewport] of pages.flatMap((p) => [[p, { width: 360, height: 740 }], [p, DESKTOP]])) {
      const { page, context } = await open(path, { viewport });
      const bytes = [];
      page.on('response', async (response) => {
        if (response.request().resourceType() !== 'image') bytes.push((await response.body().catch(() => Buffer.alloc(0))).length);
      });
      await page.reload();
      await page.locator('.card').first().waitFor();
      await page.locator('.survey-form').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const where = `${path} at ${viewport.width} px`;
      assert.ok(overflow <= 0, `${where} is ${overflow} px too wide`);
      const weight = bytes.reduce((sum, n) => sum + n, 0);
      assert.ok(weight < 100 * 1024, `${where} weighs ${weight} bytes without images`);
      const shift = await page.evaluate(() => window.layoutShift);
      assert.ok(shift < 0.01, `${where}: layout shift ${shift}`);
      await expectAccessible(page, where);
      t.diagnostic(`${where}: ${weight} bytes without images, layout shift ${shift.toFixed(4)}`);
      await context.close();
    }
  });

  test('printing shows the article alone', async () => {
    const { page, context } = await open(`/?article=${SAMPLE_SLUG}`);
    await page.locator('.related').waitFor();
    await page.evaluate(() => {
      window.print = () => { window.printed = true; };
    });
    await page.getByRole('button', { name: 'In bài viết' }).click();
    assert.equal(await page.evaluate(() => window.printed), true);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.menu-bar', '#sidebar', '.rating-form', '.related', '.print-button']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    for (const shown of ['h1', '.article-meta time', '.rating-line', '.article-body figcaption']) {
      assert.ok(await page.locator(shown).first().isVisible(), `${shown} is printed`);
    }
    await context.close();
  });

  test('no script error on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
