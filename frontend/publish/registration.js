// For a site and an API on the same machine (./run, the browser tests): the receiver signs itself up
// for the API's webhooks with an admin token, replacing any webhook an earlier run left at its address.

const EVENTS = ['article.*', 'category.*', 'media.*', 'document.*'];

async function call(apiUrl, adminToken, method, path, body) {
  const response = await fetch(apiUrl.replace(/\/+$/, '') + path, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** Registers `receiverUrl` for the events that change pages; resolves to the webhook's secret. */
export async function registerWebhook({ apiUrl, adminToken, receiverUrl }) {
  // The receiver is on this machine: the API must be allowed to call a loopback address.
  await call(apiUrl, adminToken, 'PATCH', '/api/v1/admin/settings', { webhookPrivateTargets: true });
  const webhooks = await call(apiUrl, adminToken, 'GET', '/api/v1/admin/webhooks');
  for (const earlier of webhooks.filter((webhook) => webhook.url === receiverUrl)) {
    await call(apiUrl, adminToken, 'DELETE', `/api/v1/admin/webhooks/${earlier.id}`);
  }
  const created = await call(apiUrl, adminToken, 'POST', '/api/v1/admin/webhooks', { url: receiverUrl, events: EVENTS, enabled: true });
  return created.secret;
}
