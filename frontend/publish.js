// Makes the static site from the API into a folder, and with --listen keeps it current by webhooks:
//   node publish.js --api http://127.0.0.1:8080 --site-url https://tin.example.gov.vn --out /srv/bantin-site
//     [--public-api https://api.tin.example.gov.vn] [--listen 127.0.0.1:8082] [--register]
// --public-api: the API's address as readers' browsers reach it (default: --api).
// --listen: after the build, receive webhooks there; the webhook's secret is BANTIN_WEBHOOK_SECRET,
// or, with --register, the receiver registers its own webhook using BANTIN_ADMIN_TOKEN.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import { SiteKeeper } from './publish/keeper.js';
import { Publisher } from './publish/publisher.js';
import { startReceiver } from './publish/receiver.js';
import { registerWebhook } from './publish/registration.js';

const { values } = parseArgs({
  options: {
    api: { type: 'string' },
    'public-api': { type: 'string' },
    'site-url': { type: 'string' },
    out: { type: 'string' },
    listen: { type: 'string' },
    register: { type: 'boolean', default: false },
  },
});
for (const required of ['api', 'site-url', 'out']) {
  if (!values[required]) {
    console.error(`--${required} is required (see the top of publish.js)`);
    process.exit(2);
  }
}

/** Started beside the API (./run, a service manager), the generator waits for it to answer first. */
const API_START_SECONDS = 180;

async function untilApiAnswers() {
  const deadline = Date.now() + API_START_SECONDS * 1000;
  for (;;) {
    try {
      const response = await fetch(new URL('/api/v1/site', values.api));
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The API at ${values.api} did not answer within ${API_START_SECONDS} s.`);
    await sleep(500);
  }
}

const publisher = new Publisher({
  apiUrl: values.api, publicApiUrl: values['public-api'], siteUrl: values['site-url'], root: values.out,
});

async function timedBuild() {
  const started = performance.now();
  const { articles, documents, files } = await publisher.build();
  console.log(`Site made in ${values.out}: ${articles} articles, ${documents} documents, ${files} files, `
    + `${Math.round(performance.now() - started)} ms.`);
}

await untilApiAnswers();
if (!values.listen) {
  await timedBuild();
} else {
  const [host, port] = values.listen.split(/:(?=\d+$)/);
  let secret = process.env.BANTIN_WEBHOOK_SECRET;
  if (values.register) {
    secret = await registerWebhook({
      apiUrl: values.api, adminToken: process.env.BANTIN_ADMIN_TOKEN, receiverUrl: `http://${values.listen}/`,
    });
  }
  if (!secret) {
    console.error('--listen needs the webhook secret in BANTIN_WEBHOOK_SECRET (or --register)');
    process.exit(2);
  }
  const built = timedBuild();
  await startReceiver({ keeper: new SiteKeeper(publisher, built), secret, host, port: Number(port) });
  await built;
  console.log(`Keeping it current: webhooks received on http://${values.listen}/`);
}
