import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestInfo } from '@playwright/test';
import DodoPayments, { APIError } from 'dodopayments';
import { expect, type Scenario } from '../fixtures';

const run = promisify(execFile);

/** The running Keydesk (playwright.config.ts's baseURL) and the project folder the CLI runs in. */
export function target(testInfo: TestInfo) {
  const origin = testInfo.project.use.baseURL;
  if (!origin) throw new Error('playwright.config.ts sets no baseURL');
  return { origin, root: path.dirname(testInfo.config.configFile ?? '.') };
}

/**
 * A new API key, made the way an operator makes one: `npm run keydesk -- api-key create`. It writes to
 * DATABASE_URL, which playwright.config.ts points at the test server's database.
 */
export async function createApiKeyWithCli(
  root: string,
  business: string,
  { readOnly = false } = {},
): Promise<string> {
  const args = ['run', '--silent', 'keydesk', '--', 'api-key', 'create', '--business', business];
  const { stdout } = await run('npm', readOnly ? [...args, '--read-only'] : args, {
    cwd: root,
    env: process.env,
  });
  const secret = stdout.trim();
  expect(secret, 'the CLI prints the new key alone').toMatch(/^kd_live_[A-Za-z0-9_-]{43}$/);
  return secret;
}

/** How the ApiKey table finds a secret (lib/api-keys/secret.ts). */
export const apiKeyHash = (secret: string) =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** One HTTP exchange the SDK made, as the recording fetch saw it. */
export type Exchange = {
  method: string;
  url: URL;
  requestHeaders: Headers;
  status: number;
  headers: Headers;
};

/** Every exchange of every client made with `sdk()`: the spec checks them all for an x-request-id. */
export const exchanges: Exchange[] = [];

const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const response = await fetch(request);
  exchanges.push({
    method: request.method,
    url: new URL(request.url),
    requestHeaders: request.headers,
    status: response.status,
    headers: response.headers,
  });
  return response;
};

/** For each spec's afterAll: every answer to every call this worker made, errors included, carried a request id. */
export function expectEveryAnswerHadRequestId() {
  expect(exchanges.length).toBeGreaterThan(0);
  const without = exchanges.filter(
    (e) => !/^req_[\w-]+$/.test(e.headers.get('x-request-id') ?? ''),
  );
  expect(without.map((e) => `${e.method} ${e.url.pathname} ${e.status}`)).toEqual([]);
}

/**
 * The official SDK pointed at Keydesk, as a merchant configures it: `baseURL` with the /api prefix
 * (no `environment`). No retries, so that a 409 or a 429 arrives as the error the test expects.
 */
export function sdk(origin: string, bearerToken: string) {
  return new DodoPayments({
    bearerToken,
    baseURL: `${origin}/api`,
    maxRetries: 0,
    fetch: recordingFetch,
  });
}

/**
 * The SDK as shipped software holds it for the public license endpoints: it has no API key, so the
 * Authorization header is removed from every request.
 */
export function publicSdk(origin: string) {
  return new DodoPayments({
    bearerToken: 'none',
    baseURL: `${origin}/api`,
    maxRetries: 0,
    fetch: recordingFetch,
    defaultHeaders: { Authorization: null },
  });
}

/** Awaits a call that must fail with `errorClass`, `status` and, when given, Keydesk's `code`. */
export async function expectApiError(
  call: Promise<unknown>,
  errorClass: abstract new (...args: never[]) => APIError,
  status: number,
  code?: string,
): Promise<APIError<number, Headers>> {
  const error = await call.then(
    (value) => {
      throw new Error(`expected ${errorClass.name} (${status}), got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(errorClass);
  const apiError = error as APIError<number, Headers>;
  expect(apiError.status).toBe(status);
  expect(apiError.headers?.get('x-request-id')).toMatch(/^req_/);
  expect(apiError.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  if (code) expect((apiError.error as { code: string }).code).toBe(code);
  return apiError;
}

/** A license key string no other test uses. */
export function uniqueKey(label: string) {
  return `E2E-${label}-${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** Imports a key for the scenario's customer and product through the SDK. */
export function importKey(
  client: DodoPayments,
  scenario: Scenario,
  label: string,
  terms: { activations_limit?: number | null; expires_at?: string | null } = {},
) {
  return client.licenseKeys.create({
    key: uniqueKey(label),
    customer_id: scenario.customer.id,
    product_id: scenario.product.id,
    ...terms,
  });
}

/** Every item of a list, walked with the SDK's auto-pagination. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The ids of `items`, sorted: to compare lists whatever their order. */
export const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
