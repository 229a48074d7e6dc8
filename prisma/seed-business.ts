// One demo business with its customers, products, license keys and activations, built in memory
// from a BusinessSeed (./seed-data.ts) and written in one transaction.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { customerColumns } from '@/lib/customers/rows';
import { productNameColumns } from '@/lib/products/rows';
import { newId } from '@/lib/ids';
import type { BusinessSeed, PersonSeed, ProductSeed } from './seed-data';
import { buildHistory } from './seed-history';
import { buildLicenseKeys, type SeedCustomer, type SeedProduct } from './seed-license-keys';
import { DAY_MS, daysBefore, mulberry32, pick, type Random } from './seed-helpers';

export type SeedCounts = {
  customers: number;
  products: number;
  licenseKeys: number;
  instances: number;
};

/**
 * Creates the business and its data in one transaction, unless the business already exists
 * (then returns null). Names, products, statuses and dates (relative to `now`) are the same on every
 * run; ids, key strings and payment ids come from the cryptographic generators.
 */
export async function seedBusiness(
  db: PrismaClient,
  business: BusinessSeed,
  now: Date,
): Promise<SeedCounts | null> {
  if (await businessExists(db, business.id)) return null;
  const data = buildBusinessData(business, now);
  try {
    await db.$transaction([
      db.business.create({
        data: {
          id: business.id,
          name: business.name,
          createdAt: daysBefore(now, business.createdDaysAgo),
        },
      }),
      db.customer.createMany({ data: data.customers }),
      db.product.createMany({ data: data.products }),
      db.licenseKey.createMany({ data: data.licenseKeys }),
      db.licenseKeyInstance.createMany({ data: data.instances }),
      db.auditEvent.createMany({ data: data.history.auditEvents }),
      db.keyTally.createMany({ data: data.history.keyTallies }),
      db.activityRollup.createMany({ data: data.history.activityRollups }),
    ]);
  } catch (error) {
    // Another process (a second `npm start`) seeded between our check and our write.
    if (await businessExists(db, business.id)) return null;
    throw error;
  }
  return {
    customers: data.customers.length,
    products: data.products.length,
    licenseKeys: data.licenseKeys.length,
    instances: data.instances.length,
  };
}

async function businessExists(db: PrismaClient, id: string): Promise<boolean> {
  const row = await db.business.findUnique({ where: { id }, select: { id: true } });
  return row !== null;
}

export function buildBusinessData(business: BusinessSeed, now: Date) {
  const random = mulberry32(business.prngSeed);
  const customers = buildCustomers(business, random, now);
  const products = business.products.map((product, index) =>
    buildProduct(business, product, index, now),
  );
  const { licenseKeys, instances } = buildLicenseKeys({
    random,
    now,
    count: business.licenseKeyCount,
    businessId: business.id,
    customers,
    products,
    devices: business.devices,
  });
  backdateCustomersBeforeTheirKeys(customers, licenseKeys);
  return {
    customers: customers.map((customer) => customer.row),
    products: products.map((product) => product.row),
    licenseKeys,
    instances,
    // Its own generator, so that the keys above stay what they were before the seed had a history.
    history: buildHistory(licenseKeys, instances, mulberry32(business.prngSeed + 1), now),
  };
}

/** The featured customer first, then distinct people with distinct addresses. */
function buildCustomers(business: BusinessSeed, random: Random, now: Date): SeedCustomer[] {
  const { featuredCustomer: featured, createdDaysAgo } = business;
  const customer = (person: PersonSeed, createdAt: Date) =>
    customerRow(business.id, person, createdAt);
  const customers = [customer(featured, daysBefore(now, createdDaysAgo - 30))];
  const names = new Set([`${featured.firstName} ${featured.lastName}`]);
  const emails = new Set(customers.map((c) => c.row.emailLower));
  while (customers.length < business.customerCount) {
    const firstName = pick(random, business.firstNames);
    const lastName = pick(random, business.lastNames);
    const email = emailAddress(random, firstName, lastName, business.emailDomains);
    const name = `${firstName} ${lastName}`;
    if (firstName === lastName || names.has(name) || emails.has(email.toLowerCase())) continue;
    names.add(name);
    emails.add(email.toLowerCase());
    const createdAt = daysBefore(now, random() * (createdDaysAgo - 20));
    customers.push(customer({ firstName, lastName, email }, createdAt));
  }
  return customers;
}

function customerRow(businessId: string, person: PersonSeed, createdAt: Date): SeedCustomer {
  const name = `${person.firstName} ${person.lastName}`;
  const row = {
    id: newId('cus'),
    businessId,
    ...customerColumns({ name, email: person.email }),
    createdAt,
  } satisfies Prisma.CustomerCreateManyInput;
  return { row, firstName: person.firstName };
}

/** Addresses in the shapes people use: dana.kim@, danakim@, dkim@, dana_kim@, kim.dana@, dana84@. */
function emailAddress(
  random: Random,
  firstName: string,
  lastName: string,
  domains: readonly string[],
): string {
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
  const domain = pick(random, domains);
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

/** Products were added one after another, starting ten days after the business opened. */
function buildProduct(
  business: BusinessSeed,
  product: ProductSeed,
  index: number,
  now: Date,
): SeedProduct {
  const row = {
    id: newId('pdt'),
    businessId: business.id,
    ...productNameColumns(product.name),
    licenseKeyActivationsLimit: product.activationsLimit,
    licenseKeyDurationCount: product.duration?.count ?? null,
    licenseKeyDurationInterval: product.duration?.interval ?? null,
    keyPrefix: product.keyPrefix,
    createdAt: daysBefore(now, business.createdDaysAgo - 10 - index * 12),
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
