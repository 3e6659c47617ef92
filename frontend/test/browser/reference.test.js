// The API reference for integrators on the static site: it opens in Chromium, lists the operations of the
// contract the API serves, names the API's address, and logs no error, also under the deployed nginx
// configuration's content security policy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { missingNginx, startNginx } from '../nginx.js';
import { freePort, missingChromium, startAll } from './harness.js';

const skip = missingChromium();
if (skip && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(skip);
const noNginx = missingNginx();
if (noNginx && process.env.BANTIN_REQUIRE_BROWSER) throw new Error(noNginx);

describe('the API reference page', skip ? { skip } : {}, () => {
  let env;

  before(async () => {
    env = await startAll();
  });

  after(async () => {
    await env?.stop();
  });

  /** Opens the reference at `siteUrl` and answers the operation ids it shows and what went wrong. */
  async function openReference(siteUrl) {
    const page = await env.browser.newPage();
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
    try {
      await page.goto(`${siteUrl}/tai-lieu-api/`);
      await page.waitForSelector('h1', { timeout: 30_000 });
      const title = await page.locator('h1').first().innerText();
      // Redoc gives each operation an anchor named after its tag and operationId.
      const shown = await page.locator('[id^="tag/"][id*="/operation/"]').evaluateAll(
        (elements) => elements.map((element) => element.id.split('/operation/')[1]),
      );
      return { title, shown: new Set(shown), html: await page.content(), errors };
    } finally {
      await page.close();
    }
  }

  test('opens, lists every operation of the served contract, and logs no error', async () => {
    const contract = await (await fetch(`${env.apiUrl}/q/openapi?format=json`)).json();
    // The operations, and the requests the API sends (webhooks, under x-webhooks).
    const operations = [...Object.values(contract.paths), ...Object.values(contract['x-webhooks'])]
      .flatMap((item) => Object.values(item)).filter((operation) => operation.operationId);
    const { title, shown, html, errors } = await openReference(env.siteUrl);
    assert.match(title, /Bantin API/);
    assert.deepEqual(shown, new Set(operations.map((operation) => operation.operationId)));
    assert.ok(html.includes(env.apiUrl), 'the reference names the API address integrators call');
    assert.deepEqual(errors, []);
  });

  test('works under the deployed nginx configuration and its content security policy', noNginx ? { skip: noNginx } : {}, async () => {
    const nginx = await startNginx(env.siteDir, await freePort());
    try {
      const response = await fetch(`${nginx.url}/tai-lieu-api/`);
      await response.body?.cancel();
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-security-policy'), /worker-src blob:/);
      const { shown, errors } = await openReference(nginx.url);
      assert.ok(shown.size > 100, `${shown.size} operations shown`);
      assert.deepEqual(errors, []);
    } finally {
      await nginx.stop();
    }
  });
});
