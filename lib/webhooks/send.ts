import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_RESPONSE_KEPT_BYTES, WEBHOOK_TIMEOUT_MS } from './schedule';

// One POST of one event to one endpoint, as Standard Webhooks (and so Dodo's SDK `unwrap`) expect:
// `webhook-id` (the event's id, the same on every attempt, so receivers can drop repeats),
// `webhook-timestamp` (seconds) and `webhook-signature` ("v1,<base64 HMAC-SHA256>", one per
// secret while a rotated one still counts). Any 2xx is a success; a redirect is not followed.

export type WebhookTarget = {
  url: string;
  /** The current secret, then the one before a rotation while it still counts. */
  secrets: string[];
  /** The merchant's own headers, sent too (never instead of the signature's). */
  headers: Record<string, string>;
};

export type AttemptOutcome = {
  ok: boolean;
  /** null when no answer came. */
  statusCode: number | null;
  durationMs: number;
  /** The answer's first 1 KB, or why there was none. */
  responseBody: string;
};

export type SendOptions = {
  /** Loopback and private addresses allowed (KEYDESK_WEBHOOKS_ALLOW_PRIVATE=1). */
  allowPrivate: boolean;
  timeoutMs?: number;
  /** The signature's time. */
  now?: Date;
};

// Kept-alive connections, per kind; without allowPrivate every connection is checked when it is
// made, after DNS, so a name that now resolves to a private address is refused (DNS rebinding).
const agents = {
  open: {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  },
  public: {
    'http:': new RequestFilteringHttpAgent({ keepAlive: true }),
    'https:': new RequestFilteringHttpsAgent({ keepAlive: true }),
  },
};

/** The three Standard Webhooks headers for `payload`. */
export function signatureHeaders(id: string, payload: string, secrets: string[], now: Date) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(id, now, payload))
      .join(' '),
  };
}

export async function postWebhook(
  target: WebhookTarget,
  message: { id: string; payload: string },
  { allowPrivate, timeoutMs = WEBHOOK_TIMEOUT_MS, now = new Date() }: SendOptions,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const outcome = (statusCode: number | null, responseBody: string): AttemptOutcome => ({
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
    statusCode,
    durationMs: Math.round(performance.now() - started),
    responseBody,
  });
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return outcome(null, 'Not sent: the endpoint URL is not valid');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return outcome(null, 'Not sent: the endpoint URL must use https');
  }
  const body = Buffer.from(message.payload);
  const headers = {
    ...target.headers,
    'content-type': 'application/json',
    'content-length': String(body.length),
    'user-agent': 'Keydesk-Webhooks/1.0',
    ...signatureHeaders(message.id, message.payload, target.secrets, now),
  };
  const agent = agents[allowPrivate ? 'open' : 'public'][url.protocol];
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    const finish = (result: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = send(url, { method: 'POST', headers, agent }, (response) => {
      const kept: Buffer[] = [];
      let keptBytes = 0;
      response.on('data', (chunk: Buffer) => {
        if (keptBytes < WEBHOOK_RESPONSE_KEPT_BYTES) {
          kept.push(chunk.subarray(0, WEBHOOK_RESPONSE_KEPT_BYTES - keptBytes));
          keptBytes += Math.min(chunk.length, WEBHOOK_RESPONSE_KEPT_BYTES - keptBytes);
        }
      });
      response.on('end', () =>
        finish(outcome(response.statusCode ?? null, storable(Buffer.concat(kept)))),
      );
      response.on('error', (error) => finish(outcome(null, describe(error))));
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish(outcome(null, `No complete answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    request.on('error', (error) => finish(outcome(null, describe(error))));
    request.end(body);
  });
}

/** An answer's bytes as text the log can store: UTF-8, without NUL (PostgreSQL text refuses it). */
function storable(bytes: Buffer): string {
  return bytes.toString('utf8').replaceAll('\u0000', '');
}

/** Why no answer came, in words for the delivery log (never the payload). */
function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (/is not allowed|private|meta/i.test(error.message)) {
    return 'Not sent: the endpoint resolves to an address that is not public';
  }
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The endpoint’s host name was not found';
  if (code === 'ECONNRESET') return 'The connection was closed before an answer';
  return `Not delivered: ${error.message}`.slice(0, WEBHOOK_RESPONSE_KEPT_BYTES);
}
