// Demo data for a new installation: the business "Acme Software" with its customers, products,
// license keys and activations. `npm run db:seed` runs this file; scripts/prepare-db.ts calls
// seedDemoData on `npm start` and `npm run dev`.
import { pathToFileURL } from 'node:url';
import { DEMO_BUSINESS_ID, DEMO_BUSINESS_NAME } from '@/lib/auth/demo-business';
import { createPrismaClient } from '@/lib/database/create-client';
import { migrateDatabase } from '@/lib/database/migrate';
import { readEnv } from '@/lib/env';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import {
  DEMO_CUSTOMER,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  PRODUCTS,
  type ProductSeed,
} from './seed-data';
import { buildLicenseKeys, type SeedCustomer, type SeedProduct } from './seed-license-keys';
import { DAY_MS, daysBefore, mulberry32, pick, type Random } from './seed-helpers';

const CUSTOMER_COUNT = 240;
const LICENSE_KEY_COUNT = 60;
// Fixed, so that every run (and every developer) gets the same names, products and key mix.
const PRNG_SEED = 20_261_126;

export type SeedCounts = {
  customers: number;
  products: number;
  licenseKeys: number;
  instances: number;
};

export type SeedResult = { seeded: false } | { seeded: true; counts: SeedCounts };

/**
 * Creates the demo business and its data in one transaction, unless the business already exists.
 * Names, products, statuses and dates (relative to `now`) are the same on every run; ids, key
 * strings and payment ids come from the cryptographic generators.
 */
export async function seedDemoData(
  db: PrismaClient,
  { now = new Date() }: { now?: Date } = {},
): Promise<SeedResult> {
  if (await demoBusinessExists(db)) return { seeded: false };
  const data = buildDemoData(now);
  try {
    await db.$transaction([
      db.business.create({
        data: { id: DEMO_BUSINESS_ID, name: DEMO_BUSINESS_NAME, createdAt: daysBefore(now, 200) },
      }),
      db.customer.createMany({ data: data.customers }),
      db.product.createMany({ data: data.products }),
      db.licenseKey.createMany({ data: data.licenseKeys }),
      db.licenseKeyInstance.createMany({ data: data.instances }),
    ]);
  } catch (error) {
    // Another process (a second `npm start`) seeded between our check and our write.
    if (await demoBusinessExists(db)) return { seeded: false };
    throw error;
  }
  return {
    seeded: true,
    counts: {
      customers: data.customers.length,
      products: data.products.length,
      licenseKeys: data.licenseKeys.length,
      instances: data.instances.length,
    },
  };
}

export function describeSeedResult(result: SeedResult): string {
  if (!result.seeded) return `Demo data: ${DEMO_BUSINESS_NAME} already exists, nothing seeded.`;
  const { customers, products, licenseKeys, instances } = result.counts;
  return (
    `Demo data: seeded ${DEMO_BUSINESS_NAME} with ${customers} customers, ${products} products, ` +
    `${licenseKeys} license keys and ${instances} activations.`
  );
}

async function demoBusinessExists(db: PrismaClient): Promise<boolean> {
  const business = await db.business.findUnique({
    where: { id: DEMO_BUSINESS_ID },
    select: { id: true },
  });
  return business !== null;
}

function buildDemoData(now: Date) {
  const random = mulberry32(PRNG_SEED);
  const customers = buildCustomers(random, now);
  const products = PRODUCTS.map((product, index) => buildProduct(product, index, now));
  const { licenseKeys, instances } = buildLicenseKeys({
    random,
    now,
    count: LICENSE_KEY_COUNT,
    businessId: DEMO_BUSINESS_ID,
    customers,
    products,
  });
  backdateCustomersBeforeTheirKeys(customers, licenseKeys);
  return {
    customers: customers.map((customer) => customer.row),
    products: products.map((product) => product.row),
    licenseKeys,
    instances,
  };
}

function buildCustomers(random: Random, now: Date): SeedCustomer[] {
  const demo = DEMO_CUSTOMER;
  const customers = [customer(demo.firstName, demo.lastName, demo.email, daysBefore(now, 170))];
  const names = new Set([`${demo.firstName} ${demo.lastName}`]);
  const emails = new Set(customers.map((c) => c.row.emailLower));
  while (customers.length < CUSTOMER_COUNT) {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const email = emailAddress(random, firstName, lastName);
    const name = `${firstName} ${lastName}`;
    if (firstName === lastName || names.has(name) || emails.has(email.toLowerCase())) continue;
    names.add(name);
    emails.add(email.toLowerCase());
    customers.push(customer(firstName, lastName, email, daysBefore(now, random() * 180)));
  }
  return customers;
}

function customer(firstName: string, lastName: string, email: string, createdAt: Date) {
  const name = `${firstName} ${lastName}`;
  const row = {
    id: newId('cus'),
    businessId: DEMO_BUSINESS_ID,
    name,
    email,
    nameLower: name.toLowerCase(),
    emailLower: email.toLowerCase(),
    createdAt,
  } satisfies Prisma.CustomerCreateManyInput;
  return { row, firstName };
}

/** Addresses in the shapes people use: dana.kim@, danakim@, dkim@, dana_kim@, kim.dana@, dana84@. */
function emailAddress(random: Random, firstName: string, lastName: string): string {
  const first = asciiSlug(firstName);
  const last = asciiSlug(lastName);
  const shapes = [
    `${first}.${last}`,
    `${first}${last}`,
    `${first[0]}${last}`,
    `${first}_${last}`,
    `${last}.${first}`,
    `${first}${10 + Math.floor(random() * 90)}`,
  ];
  const local = pick(random, shapes);
  const domain = pick(random, EMAIL_DOMAINS);
  // Some people type their address capitalised; search and uniqueness must not care.
  return random() < 0.1 ? `${local}@${domain}` : `${local}@${domain}`.toLowerCase();
}

/** "Müller" -> "Muller", "O'Brien" -> "OBrien", "Yılmaz" -> "Yilmaz". */
function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[^A-Za-z0-9-]/g, '');
}

function buildProduct(product: ProductSeed, index: number, now: Date): SeedProduct {
  const row = {
    id: newId('pdt'),
    businessId: DEMO_BUSINESS_ID,
    name: product.name,
    nameLower: product.name.toLowerCase(),
    licenseKeyActivationsLimit: product.activationsLimit,
    licenseKeyDurationCount: product.duration?.count ?? null,
    licenseKeyDurationInterval: product.duration?.interval ?? null,
    keyPrefix: product.keyPrefix,
    createdAt: daysBefore(now, 190 - index * 12),
  } satisfies Prisma.ProductCreateManyInput;
  return { row, seed: product };
}

/** A customer exists before any of their keys was issued. */
function backdateCustomersBeforeTheirKeys(
  customers: SeedCustomer[],
  licenseKeys: { customerId: string; createdAt: Date }[],
) {
  const byId = new Map(customers.map((c) => [c.row.id, c.row]));
  for (const key of licenseKeys) {
    const row = byId.get(key.customerId);
    if (row && row.createdAt >= key.createdAt) {
      row.createdAt = new Date(key.createdAt.getTime() - DAY_MS / 4);
    }
  }
}

async function main() {
  const { databaseUrl } = readEnv();
  const started = performance.now();
  const applied = await migrateDatabase(databaseUrl);
  if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const db = createPrismaClient(databaseUrl);
  try {
    const result = await seedDemoData(db);
    const elapsed = Math.round(performance.now() - started);
    console.log(`${describeSeedResult(result)} (${elapsed} ms)`);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
