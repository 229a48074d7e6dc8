import { randomBytes } from 'node:crypto';
import { expect, test, type Scenario } from '../fixtures';
import { createApiKeyWithCli, target, uniqueKey } from './sdk-fixtures';

// Simultaneous requests against the running server over HTTP (fetch, one connection each), and the
// database read afterwards: the activation limit holds, a key string is taken once, the seat count
// equals the live instances, and an Idempotency-Key executes its request once.

let origin = '';
let apiKey = '';

test.beforeAll(async ({}, testInfo) => {
  const { origin: base, root } = target(testInfo);
  origin = base;
  apiKey = await createApiKeyWithCli(root, 'Acme Software');
});

type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

async function call(
  method: 'POST' | 'PATCH' | 'GET',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${origin}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

/** How many answers had each status (and error code), e.g. { "201": 5, "422 LICENSE_KEY_LIMIT_REACHED": 45 }. */
function tally(answers: Answer[]) {
  const counts: Record<string, number> = {};
  for (const { status, body } of answers) {
    const label = status >= 400 ? `${status} ${String(body.code)}` : String(status);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

async function newKey(scenario: Scenario, activationsLimit: number | null) {
  const answer = await call('POST', '/license_keys', {
    key: uniqueKey('RACE'),
    customer_id: scenario.customer.id,
    product_id: scenario.product.id,
    activations_limit: activationsLimit,
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; key: string };
}

const activate = (key: string, name: string) =>
  call('POST', '/licenses/activate', { license_key: key, name });
const deactivate = (key: string, instanceId: string) =>
  call('POST', '/licenses/deactivate', { license_key: key, license_key_instance_id: instanceId });

test('50 simultaneous activations of a key with limit 5: exactly 5 succeed', async ({
  scenario,
  db,
}) => {
  const key = await newKey(scenario, 5);
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => activate(key.key, `machine ${i}`)),
  );
  expect(tally(answers)).toEqual({ '201': 5, '422 LICENSE_KEY_LIMIT_REACHED': 45 });
  const row = await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } });
  expect(row.instancesCount).toBe(5);
  expect(await db.licenseKeyInstance.count({ where: { licenseKeyId: key.id } })).toBe(5);
});

test('50 simultaneous creations of one key string: one 201, 49 × 409', async ({ scenario, db }) => {
  const key = uniqueKey('SAME');
  const body = { key, customer_id: scenario.customer.id, product_id: scenario.product.id };
  const answers = await Promise.all(
    Array.from({ length: 50 }, () => call('POST', '/license_keys', body)),
  );
  expect(tally(answers)).toEqual({ '201': 1, '409 LICENSE_KEY_ALREADY_EXISTS': 49 });
  expect(await db.licenseKey.count({ where: { key } })).toBe(1);
});

test('simultaneous activations and deactivations: the count equals the live instances', async ({
  scenario,
  db,
}) => {
  // 10 + 10 + 5 + 30 = 55 calls on one key: under its limit of 60 per minute.
  const key = await newKey(scenario, 10);
  const first = await Promise.all(Array.from({ length: 10 }, (_, i) => activate(key.key, `a${i}`)));
  expect(tally(first)).toEqual({ '201': 10 });
  const seats = first.map((answer) => String(answer.body.id));

  const [deactivations, repeats, activations] = await Promise.all([
    Promise.all(seats.map((id) => deactivate(key.key, id))),
    // The same instance twice frees one seat, not two.
    Promise.all(seats.slice(0, 5).map((id) => deactivate(key.key, id))),
    Promise.all(Array.from({ length: 30 }, (_, i) => activate(key.key, `b${i}`))),
  ]);
  // Each instance is freed once: 10 × 200, and the 5 repeats find it gone.
  expect(tally([...deactivations, ...repeats])).toEqual({
    '200': 10,
    '404 LICENSE_KEY_INSTANCE_NOT_FOUND': 5,
  });
  const activated = activations.filter((a) => a.status === 201).length;
  expect(tally(activations)).toEqual({
    ...(activated ? { '201': activated } : {}),
    ...(activated < 30 ? { '422 LICENSE_KEY_LIMIT_REACHED': 30 - activated } : {}),
  });

  const live = await db.licenseKeyInstance.count({ where: { licenseKeyId: key.id } });
  const row = await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } });
  expect(row.instancesCount).toBe(live);
  expect(live).toBe(activated);
  expect(live).toBeLessThanOrEqual(10);
});

test('a lower limit set while activations arrive is never exceeded', async ({ scenario, db }) => {
  const key = await newKey(scenario, 10);
  for (let i = 0; i < 3; i++) expect((await activate(key.key, `early ${i}`)).status).toBe(201);
  const [patch, ...activations] = await Promise.all([
    call('PATCH', `/license_keys/${key.id}`, { activations_limit: 5 }),
    ...Array.from({ length: 20 }, (_, i) => activate(key.key, `late ${i}`)),
  ]);
  const row = await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } });
  const live = await db.licenseKeyInstance.count({ where: { licenseKeyId: key.id } });
  // Either the new limit came first and holds, or too many seats were taken by then and it was refused.
  if (patch.status === 200) {
    expect(row.activationsLimit).toBe(5);
  } else {
    expect(patch.body.code).toBe('ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT');
    expect(row.activationsLimit).toBe(10);
  }
  expect(live).toBeLessThanOrEqual(row.activationsLimit!);
  expect(row.instancesCount).toBe(live);
  expect(live).toBe(3 + activations.filter((a) => a.status === 201).length);
});

test('simultaneous requests with one Idempotency-Key: one executes, one row', async ({
  scenario,
  db,
}) => {
  const key = uniqueKey('IDEM-RACE');
  const body = { key, customer_id: scenario.customer.id, product_id: scenario.product.id };
  const headers = { 'idempotency-key': `race-${randomBytes(8).toString('hex')}` };
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => call('POST', '/license_keys', body, headers)),
  );
  const executed = answers.filter((a) => a.status === 201 && !a.headers.get('idempotent-replayed'));
  const replayed = answers.filter(
    (a) => a.status === 201 && a.headers.get('idempotent-replayed') === 'true',
  );
  const inProgress = answers.filter(
    (a) => a.status === 409 && a.body.code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  );
  expect(executed).toHaveLength(1);
  expect(executed.length + replayed.length + inProgress.length).toBe(20);
  for (const answer of replayed) expect(answer.body).toEqual(executed[0].body);
  expect(await db.licenseKey.count({ where: { key } })).toBe(1);

  // Afterwards, the same request is a replay.
  const later = await call('POST', '/license_keys', body, headers);
  expect(later.status).toBe(201);
  expect(later.headers.get('idempotent-replayed')).toBe('true');
  expect(later.body).toEqual(executed[0].body);
});

test('simultaneous activations with one Idempotency-Key take one seat', async ({
  scenario,
  db,
}) => {
  const key = await newKey(scenario, null);
  const headers = { 'idempotency-key': `seat-${randomBytes(8).toString('hex')}` };
  const body = { license_key: key.key, name: 'the one machine' };
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => call('POST', '/licenses/activate', body, headers)),
  );
  const executed = answers.filter((a) => a.status === 201 && !a.headers.get('idempotent-replayed'));
  expect(executed).toHaveLength(1);
  expect(
    answers.every((a) => a.status === 201 || a.body.code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS'),
  ).toBe(true);
  expect(await db.licenseKeyInstance.count({ where: { licenseKeyId: key.id } })).toBe(1);
  expect((await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).instancesCount).toBe(1);
});
