// The consultations page (lấy ý kiến dự thảo) in real Chromium against the real API (the demo's open
// consultation): the draft and its dates, the privacy notice, consent required, a comment that
// arrives for moderation, no email on the page, WCAG 2.1 AA.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { missingChromium, startAll } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const skip = missingChromium();
if (skip && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(skip);

describe('consultations on drafts', skip ? { skip } : {}, () => {
  let env;
  let open;
  const pageErrors = [];

  before(async () => {
    env = await startAll();
    open = (await env.admin('GET', '/api/v1/consultations?status=open')).items;
  });

  after(async () => {
    await env?.stop();
  });

  async function visit(viewport = { width: 1280, height: 900 }) {
    const context = await env.browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${env.siteUrl}/`);
    await page.locator('.menu').getByRole('link', { name: 'Góp ý dự thảo' }).click();
    await page.locator('main[aria-busy="false"]').waitFor();
    return { page, context };
  }

  test('the open consultations are shown with their drafts, dates and privacy notice; a comment needs consent and arrives', async () => {
    assert.ok(open.length > 0, 'the demo has an open consultation');
    const { page, context } = await visit();
    assert.equal(await page.locator('h1').textContent(), 'Lấy ý kiến dự thảo');
    assert.deepEqual(await page.locator('.consultation h2').allTextContents(), open.map((item) => item.title));
    const first = page.locator('.consultation').first();
    assert.match(await first.locator('.privacy-notice').textContent(), /Thông báo về xử lý dữ liệu cá nhân/);
    assert.ok((await first.locator('.privacy-notice').textContent()).includes(open[0].privacyNotice.split('\n')[0]));
    await first.getByLabel('Họ và tên (bắt buộc)').fill('Đỗ Văn Hùng');
    await first.getByLabel('Thư điện tử (bắt buộc)').fill('dovanhung@example.vn');
    await first.getByLabel('Cơ quan, tổ chức').fill('Hội Luật gia tỉnh');
    await first.getByLabel('Nội dung góp ý (bắt buộc)').fill('Đề nghị quy định rõ thời hạn trả lời ý kiến góp ý.');
    await first.getByRole('button', { name: 'Gửi ý kiến' }).press('Enter');
    await first.locator('[role="status"]').filter({ hasText: 'Hãy đồng ý' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox', 'the focus goes to the consent');
    await page.keyboard.press('Space');
    await first.getByRole('button', { name: 'Gửi ý kiến' }).press('Enter');
    await first.locator('[role="status"]').filter({ hasText: 'Cảm ơn bạn!' }).waitFor({ timeout: 30_000 });
    const { items } = await env.admin('GET', `/api/v1/admin/consultations/${open[0].id}/comments?limit=100`);
    const sent = items.find((item) => item.comment === 'Đề nghị quy định rõ thời hạn trả lời ý kiến góp ý.');
    assert.ok(sent, 'the comment arrived');
    assert.equal(sent.email, 'dovanhung@example.vn');
    assert.doesNotMatch(await page.locator('main').textContent(), /@example\.vn/);
    await context.close();
  });

  test('the page meets WCAG 2.1 AA at 360 px and on a desktop', async () => {
    for (const viewport of [{ width: 360, height: 800 }, { width: 1280, height: 900 }]) {
      const { page, context } = await visit(viewport);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `WCAG 2.1 AA at ${viewport.width} px`);
      await context.close();
    }
  });

  test('no script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
