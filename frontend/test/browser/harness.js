// Starts what the browser tests need: the packaged API with demo content on a throwaway embedded
// PostgreSQL; the static site made from it and kept current by its webhooks (as ./run does), served
// as a static host would; and Debian's Chromium.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { SiteKeeper } from '../../publish/keeper.js';
import { Publisher } from '../../publish/publisher.js';
import { startReceiver } from '../../publish/receiver.js';
import { registerWebhook } from '../../publish/registration.js';
import { serveSite } from '../../serve.js';

const API_JAR = process.env.BANTIN_API_JAR
  || fileURLToPath(new URL('../../../api/target/quarkus-app/quarkus-run.jar', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
/** The admin token of the API these tests start: random, as ./run makes it. */
export const ADMIN_TOKEN = randomBytes(24).toString('base64url');
/** The key that signs voter tokens in these tests, so that a test can make an expired one. */
export const VOTER_SECRET = 'browser-tests-voter-secret-0123456789';

/** Why the browser tests cannot run here, or null. */
export function missingChromium() {
  return existsSync(CHROMIUM)
    ? null
    : `Chromium not found at ${CHROMIUM}: browser tests skipped (apt-get install chromium chromium-driver, or set CHROMIUM_PATH).`;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** How long a change may take to reach the site's files (webhook poll, retries, the pages it touches). */
const PUBLISHING_SECONDS = 20;

async function waitUntilUp(url, api, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`The API stopped while starting (exit ${api.exitCode}).`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => { setTimeout(resolve, 250); });
  }
  throw new Error(`The API did not answer ${url} within ${seconds} s.`);
}

/** Everything running, with `stop()` to end it all. */
export async function startAll() {
  if (!existsSync(API_JAR)) throw new Error(`No API at ${API_JAR}: run 'mvn package' first (or set BANTIN_API_JAR).`);
  const [apiPort, sitePort, receiverPort] = [await freePort(), await freePort(), await freePort()];
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bantin-site-test-'));
  chmodSync(dataDir, 0o755); // started as root, the database runs as nobody, who must reach it
  const api = spawn('java', [
    '-Dquarkus.profile=dev', `-Dquarkus.http.port=${apiPort}`, '-Dquarkus.http.host=127.0.0.1',
    `-Dquarkus.http.cors.origins=${siteUrl}`, '-Dquarkus.log.level=WARN', `-Dbantin.voter-secret=${VOTER_SECRET}`,
    '-jar', API_JAR,
  ], { env: { ...process.env, BANTIN_ADMIN_TOKEN: ADMIN_TOKEN, BANTIN_EMBEDDED_DB_DIR: join(dataDir, 'postgres') }, stdio: ['ignore', 'inherit', 'inherit'] });
  const siteDir = join(dataDir, 'site');
  const publisher = new Publisher({ apiUrl, siteUrl, root: siteDir });
  const site = await serveSite({ root: siteDir, port: sitePort });
  let browser;
  let receiver;
  let keeper;
  let secret;
  try {
    await waitUntilUp(`${apiUrl}/api/v1/site`, api, 120);
    secret = await registerWebhook({ apiUrl, adminToken: ADMIN_TOKEN, receiverUrl: `http://127.0.0.1:${receiverPort}/` });
    const built = publisher.build();
    keeper = new SiteKeeper(publisher, built);
    receiver = await startReceiver({ keeper, secret, host: '127.0.0.1', port: receiverPort });
    await built;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Root in CI needs --no-sandbox; the rest keeps Chromium off the network beyond 127.0.0.1.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    api.kill();
    site.close();
    receiver?.close();
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  /** Resolves once GET path on the site answers `status` (a change has reached the files). */
  async function served(path, status = 200) {
    const deadline = Date.now() + PUBLISHING_SECONDS * 1000;
    for (;;) {
      const response = await fetch(siteUrl + path, { redirect: 'manual' });
      await response.body?.cancel();
      if (response.status === status) return;
      if (Date.now() > deadline) throw new Error(`${path} still answers ${response.status}, not ${status}`);
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
  }

  /** A call of the API as its admin; throws unless it succeeds. Answers the JSON (null for a 204). */
  async function admin(method, path, body) {
    const response = await fetch(apiUrl + path, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  }

  return {
    siteUrl,
    apiUrl,
    admin,
    siteDir,
    browser,
    publisher,
    receiverUrl: `http://127.0.0.1:${receiverPort}/`,
    webhookSecret: secret,
    served,
    /** Resolves once every event received so far is applied to the files. */
    idle: () => keeper.idle(),
    async stop() {
      await browser.close();
      site.close();
      receiver.close();
      const exited = new Promise((resolve) => { api.once('exit', resolve); });
      api.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
