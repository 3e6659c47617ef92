// The questions page (hỏi đáp) in real Chromium against the real API (demo questions): the published
// questions with their answers, search without diacritics, asking with the keyboard (consent
// required, privacy notice shown), no contact ever on the page, WCAG 2.1 AA, valid HTML.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { HtmlValidate } from 'html-validate';

import { missingChromium, startAll } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const skip = missingChromium();
if (skip && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(skip);

describe('questions and answers', skip ? { skip } : {}, () => {
  let env;
  const pageErrors = [];

  before(async () => {
    env = await startAll();
  });

  after(async () => {
    await env?.stop();
  });

  async function open(path, viewport = { width: 1280, height: 900 }) {
    const context = await env.browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(env.siteUrl + path);
    await page.locator('main[aria-busy="false"]').waitFor();
    return { page, context };
  }

  const questionTexts = (page) => page.locator('.question-text').allTextContents();

  test('the page lists the published questions with their answers, as the API does, and never a contact', async () => {
    const { items } = await env.admin('GET', '/api/v1/questions?limit=10');
    assert.ok(items.length > 0, 'the demo has answered questions');
    const { page, context } = await open('/');
    await page.locator('.menu').getByRole('link', { name: 'Hỏi đáp' }).click();
    await page.locator('main[aria-busy="false"]').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Hỏi đáp');
    assert.deepEqual(await questionTexts(page), items.map((item) => item.question));
    assert.equal(await page.locator('.question-title').first().textContent(), `${items[0].name} hỏi về ${items[0].topic}`);
    assert.match(await page.locator('.answer').first().textContent(), new RegExp(`Trả lời của ${items[0].unit}`));
    const text = await page.locator('body').textContent();
    assert.doesNotMatch(text, /@example\.vn|0912 345 678/, 'no email or phone of an asker');
    await context.close();
  });

  test('search finds questions by words without diacritics, and by topic', async () => {
    const { page, context } = await open('/hoi-dap.html');
    await page.getByLabel('Từ khóa', { exact: true }).fill('dinh danh dien tu');
    await page.getByRole('button', { name: 'Tìm câu hỏi' }).click();
    await page.waitForURL(/\/hoi-dap\.html\?q=/);
    await page.locator('.questions [role="status"]').waitFor();
    const expected = await env.admin('GET', '/api/v1/questions?q=dinh%20danh%20dien%20tu');
    assert.ok(expected.items.length > 0);
    assert.deepEqual(await questionTexts(page), expected.items.map((item) => item.question));
    assert.match(expected.items[0].question, /định danh điện tử/);
    assert.equal(await page.getByLabel('Từ khóa', { exact: true }).inputValue(), 'dinh danh dien tu');

    await page.getByLabel('Từ khóa', { exact: true }).fill('');
    await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('Thủ tục hành chính');
    await page.getByRole('button', { name: 'Tìm câu hỏi' }).click();
    await page.waitForURL(/topic=/);
    await page.locator('.questions [role="status"]').waitFor();
    const byTopic = await env.admin('GET', `/api/v1/questions?topic=${encodeURIComponent('Thủ tục hành chính')}`);
    assert.ok(byTopic.items.length > 0);
    assert.deepEqual(await questionTexts(page), byTopic.items.map((item) => item.question));
    await context.close();
  });

  test('asking with the keyboard only: the privacy notice is shown, consent is required, the question arrives', async () => {
    const { page, context } = await open('/hoi-dap.html');
    const notice = await env.admin('GET', '/api/v1/questions/privacy-notice');
    assert.match(await page.locator('.privacy-notice').textContent(), new RegExp(notice.controller));
    const status = page.locator('.ask-status');
    const focused = () => page.evaluate(() => document.activeElement.id);
    await page.locator('#ask-name').focus();
    await page.keyboard.type('Phạm Thị Hoa');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'ask-topic');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('phamthihoa@example.vn');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'ask-question');
    await page.keyboard.type('Xin hỏi thủ tục cấp bản sao trích lục hộ tịch trực tuyến mất bao lâu?');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'ask-consent');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'the focus is outlined');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: 'Hãy đồng ý' }).waitFor();
    assert.equal(await focused(), 'ask-consent', 'the focus goes to what is missing');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: 'Cảm ơn bạn!' }).waitFor({ timeout: 30_000 });
    const { items } = await env.admin('GET', '/api/v1/admin/questions?limit=100');
    const asked = items.find((item) => item.question.startsWith('Xin hỏi thủ tục cấp bản sao trích lục'));
    assert.ok(asked, 'the question arrived');
    assert.equal(asked.email, 'phamthihoa@example.vn');
    assert.equal(asked.state, 'new');
    assert.equal(await page.locator('#ask-name').inputValue(), '', 'the form is cleared');
    await context.close();
  });

  test('the page meets WCAG 2.1 AA at 360 px and on a desktop, and is valid HTML as made', async () => {
    for (const viewport of [{ width: 360, height: 800 }, { width: 1280, height: 900 }]) {
      const { page, context } = await open('/hoi-dap.html?q=giay%20phep', viewport);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `WCAG 2.1 AA at ${viewport.width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0);
      await context.close();
    }
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateString(await readFile(join(env.siteDir, 'hoi-dap.html'), 'utf8'), 'hoi-dap.html');
    assert.deepEqual(report.results.flatMap((result) => result.messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`)), []);
  });

  test('no script error on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
