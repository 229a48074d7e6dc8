import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP receiver on loopback for the webhook tests: it keeps every request it gets and
// answers as told (a status, or no answer for a while).

export type ReceivedWebhook = {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
};

export type WebhookReceiver = {
  url: (path?: string) => string;
  port: number;
  received: ReceivedWebhook[];
  /** How to answer the next requests: a status (default 200), after `delayMs` and `before()`. */
  answer: (next: {
    status?: number;
    delayMs?: number;
    body?: string;
    before?: () => Promise<unknown>;
  }) => void;
  /** Requests after the first `count` get no answer until release(). */
  holdAfter: (count: number) => void;
  release: () => void;
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
  clear: () => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  type Reply = { status: number; delayMs: number; body: string; before?: () => Promise<unknown> };
  let reply: Reply = { status: 200, delayMs: 0, body: 'ok' };
  let holdFrom = Infinity;
  let held: (() => void)[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      received.push({
        path: request.url ?? '/',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      const { status, delayMs, body, before } = reply;
      const send = () => {
        void (before ?? (async () => {}))().then(() => {
          if (!response.destroyed) response.writeHead(status).end(body);
        });
      };
      if (received.length > holdFrom) held.push(send);
      else if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (next) => {
      reply = { status: 200, delayMs: 0, body: 'ok', ...next };
    },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) {
          throw new Error(`The receiver got ${received.length} of ${count} webhooks`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    holdAfter: (count) => {
      holdFrom = count;
    },
    release: () => {
      holdFrom = Infinity;
      for (const send of held) send();
      held = [];
    },
    clear: () => void received.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
