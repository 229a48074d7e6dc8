import { randomBytes } from 'node:crypto';
import type { Fixture } from './scenarios';
import { signedInCookie } from './sign-in';

// What the measured routes need, made through the API itself: an unlimited key with one instance,
// and the keys the production-defaults activations are spread over.

const SPREAD_KEYS = 500;

export async function prepareFixture(
  origin: string,
  apiKey: string,
  customerId: string,
  productId: string,
): Promise<Fixture> {
  const runId = randomBytes(4).toString('hex');
  const post = async (path: string, body: unknown, expected: number) => {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected)
      throw new Error(`${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const newKey = (key: string) =>
    post(
      '/api/license_keys',
      { key, customer_id: customerId, product_id: productId, activations_limit: null },
      201,
    );
  const unlimitedKey = `BENCH-UNLIMITED-${runId}`;
  await newKey(unlimitedKey);
  const instance = await post(
    '/api/licenses/activate',
    { license_key: unlimitedKey, name: 'bench-validate' },
    201,
  );
  const spreadKeys = Array.from({ length: SPREAD_KEYS }, (_, i) => `BENCH-SPREAD-${runId}-${i}`);
  for (let i = 0; i < spreadKeys.length; i += 10) {
    await Promise.all(spreadKeys.slice(i, i + 10).map(newKey));
  }
  return {
    runId,
    customerId,
    productId,
    unlimitedKey,
    instanceId: String(instance.id),
    spreadKeys,
    sessionCookie: await signedInCookie(origin),
  };
}
