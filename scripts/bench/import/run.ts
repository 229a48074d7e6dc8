/**
 * One engine's part of the import benchmark (../import.ts starts it once per engine): a scratch
 * database with one business, a generated CSV file of ROWS rows (a few products, customers shared
 * by several keys, limits, expiries as dates and instants, some disabled), then the app's own
 * createImportJob, check and import, as the dashboard and the CLI run them.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';
import { parseDatabaseUrl } from '@/lib/database/url';
import { productNameColumns } from '@/lib/products/rows';
import { benchNumber, SMOKE } from '../shared/smoke';

const ROWS = benchNumber('KEYDESK_BENCH_IMPORT_ROWS', 100_000, 500);
const MEMORY_BUDGET_MB = 150;

const testDb = await createTestDatabase();
const engine = parseDatabaseUrl(testDb.url).engine;
const { db } = testDb;
const { createImportJob, getImportJob, startImport } = await import('@/lib/imports/data-jobs');
const { configureImportJob } = await import('@/lib/imports/data-configure');
const { runWaitingImports } = await import('@/lib/imports/worker');
const { configureImportSchema } = await import('@/lib/imports/schema');

const acme = await createBusinessFixture(db, 'Bench');
const products = [acme.product.name];
for (const name of ['Bench Studio', 'Bench Cloud', 'Bench CLI']) {
  await db.product.create({
    data: {
      id: `pdt_bench_${name.split(' ')[1].toLowerCase()}`,
      businessId: acme.business.id,
      ...productNameColumns(name),
      keyPrefix: 'BEN',
    },
  });
  products.push(name);
}

const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-import-'));
const file = path.join(dir, 'keys.csv');
const out = createWriteStream(file);
out.write('license_key,email,name,product,activations_limit,expires_at,disabled,id\n');
for (let i = 0; i < ROWS; i++) {
  const customer = i % Math.ceil(ROWS / 3);
  const expires =
    i % 4 === 0 ? '' : i % 4 === 1 ? `2030-0${(i % 9) + 1}-1${i % 10}` : `2029-12-01T10:00:00Z`;
  const line = `LS-${i.toString(36).toUpperCase().padStart(8, '0')}-${(i * 7919) % 100_003},buyer${customer}@bench.example,"Buyer ${customer}",${products[i % products.length]},${i % 5 === 0 ? 'unlimited' : (i % 10) + 1},${expires},${i % 50 === 0},LEGACY-${i}\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const bytes = statSync(file).size;
console.log(`${engine}: ${ROWS.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB`);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const heapBaseline = process.memoryUsage();
let heapPeak = 0;
let externalPeak = 0;
const sampler = setInterval(() => {
  const memory = process.memoryUsage();
  peak = Math.max(peak, memory.rss);
  heapPeak = Math.max(heapPeak, memory.heapUsed);
  externalPeak = Math.max(externalPeak, memory.external + memory.arrayBuffers);
}, 50);

const seconds = (since: number) => (performance.now() - since) / 1000;

async function importOnce(label: string) {
  const times: Record<string, number> = {};
  let started = performance.now();
  const created = await createImportJob(acme.owner, {
    name: 'keys.csv',
    source: createReadStream(file),
  });
  if (!created.ok) throw new Error(created.code);
  times.upload = seconds(started);
  const id = created.value.id;
  const job = (await getImportJob(acme.owner, id))!;
  started = performance.now();
  const configured = await configureImportJob(
    acme.owner,
    configureImportSchema.parse({ jobId: id, ...job.mapping, timeZone: 'UTC' }),
  );
  if (!configured.ok) throw new Error(configured.code);
  await runWaitingImports({ workerId: 'bench:1:check' });
  times.check = seconds(started);
  started = performance.now();
  const begun = await startImport(acme.owner, id);
  if (!begun.ok) throw new Error(begun.code);
  await runWaitingImports({ workerId: 'bench:1:import' });
  times.import = seconds(started);
  const done = (await getImportJob(acme.owner, id))!;
  const total = times.upload + times.check + times.import;
  console.log(
    `${label}: upload ${times.upload.toFixed(1)} s, check ${times.check.toFixed(1)} s, import ` +
      `${times.import.toFixed(1)} s; in all ${total.toFixed(1)} s (${Math.round(ROWS / total).toLocaleString('en')} rows/s)`,
  );
  console.log(`  ${JSON.stringify({ state: done.state, ...done.counts })}`);
  return { total, done };
}

console.log(
  `Load average before timing: ${loadavg()
    .map((a) => a.toFixed(2))
    .join(', ')}`,
);
const first = await importOnce('First import');
const second = await importOnce('Same file again');
clearInterval(sampler);
const growth = (peak - baseline) / 1024 / 1024;
const budget = engine === 'sqlite' ? 30 : 60;
const scaled = (first.total * 100_000) / ROWS;
console.log(
  `Memory: RSS ${(baseline / 1024 / 1024).toFixed(0)} MB before, peak ${(peak / 1024 / 1024).toFixed(0)} MB: ` +
    `growth ${growth.toFixed(0)} MB (target < ${MEMORY_BUDGET_MB} MB) ${growth < MEMORY_BUDGET_MB ? 'met' : 'MISSED'}`,
);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `  JS heap ${mb(heapBaseline.heapUsed)} before, peak ${mb(heapPeak)}; buffers ` +
    `${mb(heapBaseline.external + heapBaseline.arrayBuffers)} before, peak ${mb(externalPeak)}`,
);
// A smoke run's few hundred rows are mostly fixed costs: scaled up, they would read as a miss.
if (!SMOKE) {
  console.log(
    `Time for 100,000 rows: ${scaled.toFixed(1)} s (target <= ${budget} s) ${scaled <= budget ? 'met' : 'MISSED'}`,
  );
}
if (first.done.counts.created !== ROWS || second.done.counts.present !== ROWS) {
  console.error('✗ The import did not create every row, or the second run was not all present.');
  process.exitCode = 1;
}
rmSync(dir, { recursive: true, force: true });
await testDb.cleanup();
