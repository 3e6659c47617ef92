// Legal documents on the static site, in real Chromium against the real API (demo documents with PDF
// files): the list without scripts, the search form and its results, a document's page, the keyboard,
// WCAG 2.1 AA, valid HTML, the sitemap, and a publication reaching the files by webhook.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { HtmlValidate } from 'html-validate';

import { zonedDate } from '../../site/js/format.js';
import { documentUrl } from '../../site/js/urls.js';
import { SCREENSHOTS, missingChromium, startAll } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

const skip = missingChromium();
if (skip && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(skip);

describe('legal documents', skip ? { skip } : {}, () => {
  let env;
  /** The demo's published documents as the API lists them, by number. */
  let listed;
  let byNumber;
  const pageErrors = [];

  before(async () => {
    env = await startAll();
    listed = (await env.admin('GET', '/api/v1/documents?limit=100')).items;
    byNumber = (number) => listed.find((document) => document.number === number);
  });

  after(async () => {
    await env?.stop();
  });

  async function open(path, { javaScriptEnabled = true, viewport = DESKTOP } = {}) {
    const context = await env.browser.newContext({ javaScriptEnabled, viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(env.siteUrl + path);
    return { page, context };
  }

  const siteFile = (path) => readFile(join(env.siteDir, path), 'utf8');
  const rowNumbers = (page) => page.locator('.document-table tbody th').allTextContents();

  async function results(page) {
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.locator('.document-results [role="status"]').waitFor();
    return rowNumbers(page);
  }

  async function expectAccessible(page, what) {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `WCAG 2.1 AA on ${what}`);
  }

  test('the demo documents are published: decisions and plans of the province and of the department', () => {
    assert.deepEqual(listed.map((document) => document.number), [
      '210/KH-STTTT', '28/2025/QĐ-UBND', '56/KH-UBND', '15/2024/QĐ-UBND', '125/KH-STTTT', '07/2019/QĐ-UBND',
    ]);
    assert.ok(listed.every((document) => document.attachments[0]?.contentType === 'application/pdf'));
  });

  test('the list reads without scripts, from the menu: newest issue date first, with number, date, summary and status', async () => {
    const { page, context } = await open('/', { javaScriptEnabled: false });
    await page.locator('.menu').getByRole('link', { name: 'Văn bản pháp luật' }).click();
    assert.equal(new URL(page.url()).pathname, '/van-ban/');
    assert.equal(await page.locator('h1').textContent(), 'Văn bản pháp luật');
    assert.equal(await page.locator('.menu a[aria-current="page"]').textContent(), 'Văn bản pháp luật');
    assert.deepEqual(await page.locator('.document-table thead th').allTextContents(),
      ['Số ký hiệu', 'Ngày ban hành', 'Trích yếu', 'Tình trạng']);
    assert.deepEqual(await rowNumbers(page), listed.map((document) => document.number));
    const row = (number) => page.locator('.document-table tbody tr').filter({ has: page.getByRole('link', { name: number, exact: true }) });
    assert.deepEqual(await row('15/2024/QĐ-UBND').locator('td').allTextContents(), [
      '15/05/2024',
      `Quyết định ${byNumber('15/2024/QĐ-UBND').summary}`,
      'Còn hiệu lực',
    ]);
    assert.equal(await row('07/2019/QĐ-UBND').locator('.document-status').textContent(), 'Bị thay thế');
    assert.equal(await row('125/KH-STTTT').locator('.document-status').textContent(), 'Hết hiệu lực');
    await row('15/2024/QĐ-UBND').getByRole('link').click();
    assert.equal(new URL(page.url()).pathname, documentUrl(byNumber('15/2024/QĐ-UBND').slug));

    // The form is a plain GET form: without scripts it still goes to the search page, which says what it needs.
    await page.goto(`${env.siteUrl}/van-ban/`);
    await page.getByLabel('Số ký hiệu', { exact: true }).fill('15/2024');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    assert.equal(new URL(page.url()).pathname, '/tra-cuu-van-ban.html');
    assert.equal(new URL(page.url()).searchParams.get('number'), '15/2024');
    assert.match(await page.locator('.document-results').textContent(), /cần bật JavaScript/);
    await context.close();
  });

  test('search by a part of the symbol, by summary words without diacritics, and by the form\'s choices', async () => {
    const { page, context } = await open('/van-ban/');
    await page.getByLabel('Số ký hiệu', { exact: true }).fill('15/2024');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL(/\/tra-cuu-van-ban\.html\?/);
    assert.deepEqual(await results(page), ['15/2024/QĐ-UBND']);
    assert.equal(await page.getByLabel('Số ký hiệu', { exact: true }).inputValue(), '15/2024', 'the form keeps what was asked');
    assert.equal(await page.locator('.document-results [role="status"]').textContent(), 'Tìm thấy 1 văn bản.');

    await page.goto(`${env.siteUrl}/tra-cuu-van-ban.html?q=${encodeURIComponent('QĐ-UBND')}`);
    const symbol = await results(page);
    assert.deepEqual(symbol, (await env.admin('GET', '/api/v1/documents?q=Q%C4%90-UBND')).items.map((document) => document.number));
    assert.ok(['28/2025/QĐ-UBND', '15/2024/QĐ-UBND', '07/2019/QĐ-UBND'].every((number) => symbol.includes(number)), symbol.join(', '));

    await page.goto(`${env.siteUrl}/van-ban/`);
    await page.getByLabel('Từ khóa', { exact: true }).fill('mot cua lien thong');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const words = await results(page);
    const expected = await env.admin('GET', '/api/v1/documents?q=mot%20cua%20lien%20thong');
    assert.deepEqual(words, expected.items.map((document) => document.number));
    assert.ok(words.includes('15/2024/QĐ-UBND') && words.includes('07/2019/QĐ-UBND'), words.join(', '));

    await page.goto(`${env.siteUrl}/van-ban/`);
    await page.getByLabel('Loại văn bản').selectOption('Kế hoạch');
    await page.getByLabel('Tình trạng').selectOption({ label: 'Hết hiệu lực' });
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    assert.deepEqual(await results(page), ['125/KH-STTTT']);
    assert.equal(await page.getByLabel('Loại văn bản').inputValue(), 'Kế hoạch');

    await page.goto(`${env.siteUrl}/van-ban/`);
    await page.getByLabel('Cơ quan ban hành').selectOption('UBND tỉnh Ninh Bình');
    await page.getByLabel('Năm ban hành').selectOption('2024');
    await page.getByLabel('Người ký').fill('pham quang ngoc');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    assert.deepEqual(await results(page), ['15/2024/QĐ-UBND']);

    await page.goto(`${env.siteUrl}/tra-cuu-van-ban.html?q=khongcovanbannay`);
    assert.deepEqual(await results(page), []);
    assert.equal(await page.locator('.document-results [role="status"]').textContent(), 'Không tìm thấy văn bản nào phù hợp.');

    // A year no document has (an old link): the form still says what was asked.
    await page.goto(`${env.siteUrl}/tra-cuu-van-ban.html?year=1999`);
    assert.deepEqual(await results(page), []);
    assert.equal(await page.getByLabel('Năm ban hành').inputValue(), '1999');
    await context.close();
  });

  test('a document\'s page: details, status, related documents both ways, its PDF downloads', async () => {
    const decision = byNumber('15/2024/QĐ-UBND');
    const { page, context } = await open(documentUrl(decision.slug), { javaScriptEnabled: false });
    assert.equal(await page.locator('h1').textContent(), 'Quyết định 15/2024/QĐ-UBND');
    assert.equal(await page.title(), 'Quyết định 15/2024/QĐ-UBND – Sở Thông tin và Truyền thông Ninh Bình');
    const details = await page.locator('.document-details tr').evaluateAll((rows) => rows.map((row) => [
      row.querySelector('th').textContent, row.querySelector('td').textContent, row.querySelector('th').getAttribute('scope'),
    ]));
    assert.deepEqual(details, [
      ['Số ký hiệu', '15/2024/QĐ-UBND', 'row'],
      ['Loại văn bản', 'Quyết định', 'row'],
      ['Cơ quan ban hành', 'UBND tỉnh Ninh Bình', 'row'],
      ['Người ký', 'Chủ tịch Phạm Quang Ngọc', 'row'],
      ['Lĩnh vực', 'Cải cách hành chính', 'row'],
      ['Ngày ban hành', '15/05/2024', 'row'],
      ['Ngày có hiệu lực', '01/06/2024', 'row'],
      ['Ngày hết hiệu lực', 'Không xác định', 'row'],
      ['Tình trạng', 'Còn hiệu lực', 'row'],
    ]);
    assert.equal(await page.locator('.article-lead').textContent(), decision.summary);
    const related = await page.locator('.document-related dt').evaluateAll((terms) => terms.map((term) => [
      term.textContent, [...term.nextElementSibling.querySelectorAll('a')].map((link) => link.textContent),
    ]));
    assert.deepEqual(related, [
      ['Thay thế', ['07/2019/QĐ-UBND']],
      ['Được sửa đổi, bổ sung bởi', ['28/2025/QĐ-UBND']],
      ['Được hướng dẫn bởi', ['56/KH-UBND']],
    ]);

    const meta = (key) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
    const address = env.siteUrl + documentUrl(decision.slug);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), address);
    assert.equal(await meta('og:url'), address);
    assert.equal(await meta('og:title'), 'Quyết định 15/2024/QĐ-UBND');
    assert.equal(await meta('og:type'), 'article');
    assert.equal(await meta('description'), decision.summary);
    assert.equal(await meta('og:description'), decision.summary);
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(data['@type'], 'Legislation');
    assert.equal(data.legislationIdentifier, '15/2024/QĐ-UBND');
    assert.equal(data.legislationLegalForce, 'InForce');

    const file = page.locator('.document-files a');
    assert.equal(await file.textContent(), '15-2024-QD-UBND.pdf');
    const { bytes } = decision.attachments[0];
    assert.equal(await page.locator('.file-facts').textContent(), ` (PDF, ${(bytes / 1024).toFixed(1).replace('.', ',')} KB)`);
    const download = await fetch(await file.getAttribute('href'));
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await download.arrayBuffer());
    assert.equal(pdf.length, bytes);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');

    // The other way round: the replaced decision names what replaced it, and says so in its status.
    await page.locator('.document-related').getByRole('link', { name: '07/2019/QĐ-UBND' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Quyết định 07/2019/QĐ-UBND');
    assert.equal(await page.locator('.document-details .document-status').textContent(), 'Bị thay thế');
    assert.deepEqual(await page.locator('.document-related dt').allTextContents(), ['Bị thay thế bởi']);
    await page.locator('.document-related').getByRole('link', { name: '15/2024/QĐ-UBND' }).click();
    await page.locator('.document-related').getByRole('link', { name: '28/2025/QĐ-UBND' }).click();
    assert.deepEqual(await page.locator('.document-related dt').allTextContents(), ['Sửa đổi, bổ sung']);
    await context.close();
  });

  test('the search form works with the keyboard only, with the focus visible', async () => {
    const { page, context } = await open('/van-ban/');
    const focused = () => page.evaluate(() => document.activeElement.id);
    for (let presses = 0; presses < 60 && await focused() !== 'document-q'; presses += 1) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'document-q', 'the first field is reached by Tab');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'the focus is outlined');
    const order = [];
    for (let field = 0; field < 7; field += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    assert.deepEqual(order, ['document-number', 'document-type', 'document-issuer', 'document-field', 'document-signer',
      'document-year', 'document-status']);
    await page.keyboard.press('Shift+Tab'); // back to the year
    await page.keyboard.press('ArrowDown'); // the newest year
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Tra cứu');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tra-cuu-van-ban\.html\?/);
    assert.equal(new URL(page.url()).searchParams.get('year'), '2026');
    assert.deepEqual(await results(page), ['210/KH-STTTT']);
    await context.close();
  });

  test('the pages meet WCAG 2.1 AA at 360 px and on a desktop', async () => {
    const paths = {
      documents: '/van-ban/', document: documentUrl(byNumber('15/2024/QĐ-UBND').slug), 'document-search': '/tra-cuu-van-ban.html?q=quy%20che',
    };
    for (const [viewport, size] of [[PHONE, '360'], [DESKTOP, 'desktop']]) {
      for (const [name, path] of Object.entries(paths)) {
        const { page, context } = await open(path, { viewport });
        await page.locator('main[aria-busy="false"]').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${path} fits ${viewport.width} px`);
        await expectAccessible(page, `${path} at ${viewport.width} px`);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`) });
        await context.close();
      }
    }
  });

  test('the static build holds every document\'s page, the list and the search page, all valid HTML; the sitemap lists them', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const made = (await readdir(join(env.siteDir, 'van-ban'))).sort();
    assert.deepEqual(made, ['index.html', ...listed.map((document) => `${document.slug}.html`)].sort());
    const problems = [];
    for (const file of [...made.map((name) => `van-ban/${name}`), 'tra-cuu-van-ban.html']) {
      const report = await validator.validateString(await siteFile(file), file);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
    const urls = [...(await siteFile('sitemap-1.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    assert.ok(urls.includes(`${env.siteUrl}/van-ban/`));
    for (const document of listed) assert.ok(urls.includes(env.siteUrl + documentUrl(document.slug)), document.number);
    assert.ok(!urls.some((url) => url.includes('tra-cuu-van-ban')));
    assert.match(await siteFile('robots.txt'), /^Disallow: \/tra-cuu-van-ban\.html$/m);
    assert.match(await siteFile('tra-cuu-van-ban.html'), /<meta(?=[^>]* name="robots")(?=[^>]* content="noindex")/);
  });

  test('publishing a document makes its page, the list, the sitemap and the related page follow; unpublishing takes it away', async () => {
    const amended = byNumber('15/2024/QĐ-UBND');
    const tomorrow = zonedDate(Date.now() + 24 * 3600 * 1000, 'Asia/Ho_Chi_Minh');
    const created = await env.admin('POST', '/api/v1/admin/documents', {
      number: '31/2026/QĐ-UBND',
      type: 'Quyết định',
      issuer: 'UBND tỉnh Ninh Bình',
      signer: { name: 'Phạm Quang Ngọc', position: 'Chủ tịch' },
      field: 'Cải cách hành chính',
      issuedAt: '2026-11-20',
      effectiveAt: tomorrow,
      summary: 'Sửa đổi Điều 7 của Quy chế phối hợp giải quyết thủ tục hành chính về thời hạn trả kết quả',
      amends: [amended.id],
    });
    const path = documentUrl(created.slug);
    assert.equal((await fetch(env.siteUrl + path)).status, 404, 'a draft has no page');
    await env.admin('POST', `/api/v1/admin/documents/${created.id}/publish`);
    await env.served(path);
    await env.idle();
    assert.match(await siteFile(path), /<h1 class="article-title">Quyết định 31\/2026\/QĐ-UBND<\/h1>/);
    assert.match(await siteFile(path), /<span class="document-status status-not-yet-in-force">Chưa có hiệu lực<\/span>/);
    assert.equal(env.publisher.nextDocumentDay(Date.now()).day, tomorrow, 'its page is made again when it comes into force');
    assert.match(await siteFile(documentUrl(amended.slug)),
      new RegExp(`<a href="${path}">31/2026/QĐ-UBND</a>`), 'the amended decision names it');
    assert.match(await siteFile('van-ban/index.html'), /<th scope="row"><a href="[^"]+">31\/2026\/QĐ-UBND<\/a><\/th>/);
    assert.match(await siteFile('sitemap-1.xml'), new RegExp(`<loc>${env.siteUrl}${path}</loc>`));

    await env.admin('POST', `/api/v1/admin/documents/${created.id}/unpublish`);
    await env.served(path, 404);
    await env.idle();
    assert.doesNotMatch(await siteFile(documentUrl(amended.slug)), /31\/2026/);
    assert.doesNotMatch(await siteFile('van-ban/index.html'), /31\/2026/);
    assert.doesNotMatch(await siteFile('sitemap-1.xml'), new RegExp(created.slug));
  });

  test('no script error on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
