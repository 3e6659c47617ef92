// Receives the API's webhooks and has the publisher re-make what each event touches, one event at a
// time, in the order they came. A request is answered 202 once its signature holds and it is queued:
// an event lost to a crash after that is no loss, since a receiver always starts with a full build.
import { createServer } from 'node:http';

import { Webhook } from 'standardwebhooks';

/** Far more than any event's JSON; anything longer is refused unread. */
const MAX_BODY_BYTES = 256 * 1024;
/** After an event could not be applied (the API unreachable, say), the whole site is made again this much later. */
const REBUILD_DELAY_MS = 5000;

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
 * Listens on host:port; `secret` is the webhook's (whsec_…). `ready` is awaited before the first
 * event is applied (the first build). Resolves to { server, idle() }: idle() resolves once
 * everything received so far is applied.
 */
export function startReceiver({ publisher, secret, host, port, ready = Promise.resolve(), log = console }) {
  const webhook = new Webhook(secret);
  let queue = ready;

  const rebuildLater = () => {
    queue = queue
      .then(() => new Promise((resolve) => { setTimeout(resolve, REBUILD_DELAY_MS); }))
      .then(() => publisher.build())
      .catch((error) => {
        log.error(`Making the site again failed: ${error.message}`);
        rebuildLater();
      });
  };

  const enqueue = (event) => {
    queue = queue.then(() => publisher.apply(event)).catch((error) => {
      log.error(`${event.type} ${event.id ?? ''} not applied (${error.message}): the whole site is made again.`);
      rebuildLater();
    });
  };

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
    enqueue(event);
    response.writeHead(202).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, idle: () => queue }));
  });
}
