// Receives the API's webhooks for a SiteKeeper (keeper.js). A request is answered 202 once its
// signature holds and its event is queued: an event lost to a crash after that is no loss, since a
// receiver always starts with a full build.
import { createServer } from 'node:http';

import { Webhook } from 'standardwebhooks';

/** Far more than any event's JSON; anything longer is refused unread. */
const MAX_BODY_BYTES = 256 * 1024;

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let length = 0;
    request.on('data', (chunk) => {
      length += chunk.length;
      if (length > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too long'), { status: 413 }));
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Listens on host:port for requests signed with `secret` (the webhook's, whsec_…) and hands their
 * events to `keeper` (a SiteKeeper). Resolves to the server once it listens.
 */
export function startReceiver({ keeper, secret, host, port }) {
  const webhook = new Webhook(secret);
  const server = createServer(async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    let event;
    try {
      const body = await readBody(request);
      // Checks the signature, and that the timestamp is within five minutes (no replays of old requests).
      event = webhook.verify(body, request.headers);
    } catch (error) {
      response.writeHead(error.status || 401).end();
      return;
    }
    keeper.add(event);
    response.writeHead(202).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
