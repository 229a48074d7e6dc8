// The demo seed's license keys and their activations (instances), built in memory.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { LicenseKeySource, Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { generateLicenseKey } from '@/lib/license-keys/key-generator';
import type { BusinessSeed, ProductSeed } from './seed-data';
import {
  DAY_MS,
  addDuration,
  daysBefore,
  pick,
  shuffled,
  weighted,
  type Random,
} from './seed-helpers';

export type SeedCustomer = {
  row: Prisma.CustomerCreateManyInput & { id: string; createdAt: Date };
  firstName: string;
};

export type SeedProduct = {
  row: Prisma.ProductCreateManyInput & { id: string };
  seed: ProductSeed;
};

type KeyStatus = 'active' | 'expired' | 'disabled';

type KeyPlan = {
  status: KeyStatus;
  source: LicenseKeySource;
  customer: SeedCustomer;
  product: SeedProduct;
  fillToLimit?: boolean;
};

type LicenseKeyRow = Prisma.LicenseKeyCreateManyInput & {
  id: string;
  activationsLimit: number | null;
  expiresAt: Date | null;
  createdAt: Date;
};

type InstanceRow = Prisma.LicenseKeyInstanceCreateManyInput;

const STATUSES: KeyStatus[] = ['active', 'expired', 'disabled'];
const SOURCES: LicenseKeySource[] = ['auto', 'import', 'manual'];
// The first keys cover every status × source pair; the rest follow a store's usual mix.
const COVERAGE = STATUSES.flatMap((status) => SOURCES.map((source) => ({ status, source })));
const STATUS_WEIGHTS: Record<KeyStatus, number> = { active: 70, expired: 18, disabled: 12 };
const SOURCE_WEIGHTS: Record<LicenseKeySource, number> = { auto: 60, import: 20, manual: 20 };
/** Imported keys arrived in one migration from the previous licensing system. */
const IMPORT_DAYS_AGO = 75;
const MAX_SEEDED_INSTANCES = 6;

export function buildLicenseKeys(options: {
  random: Random;
  now: Date;
  count: number;
  businessId: string;
  customers: SeedCustomer[];
  products: SeedProduct[];
  devices: BusinessSeed['devices'];
}) {
  const { random, now, count, businessId, devices } = options;
  const licenseKeys: LicenseKeyRow[] = [];
  const instances: InstanceRow[] = [];
  for (let index = 0; index < count; index++) {
    const plan = planKey(index, random, options.customers, options.products);
    const key = licenseKeyRow(plan, random, now, businessId);
    const keyInstances = instanceRows(plan, key, devices, random, now);
    key.instancesCount = keyInstances.length;
    licenseKeys.push(key);
    instances.push(...keyInstances);
  }
  return { licenseKeys, instances };
}

function planKey(
  index: number,
  random: Random,
  customers: SeedCustomer[],
  products: SeedProduct[],
): KeyPlan {
  // The featured customer (Acme's Dana Kim) has a key for the first product (PhotoForge Pro)
  // that is activated on all its seats: the "limit reached" example.
  const [featured] = customers;
  if (index === 0) {
    return {
      status: 'active',
      source: 'auto',
      customer: featured,
      product: products[0],
      fillToLimit: true,
    };
  }
  const { status, source } = COVERAGE[index] ?? {
    status: weighted(random, STATUS_WEIGHTS),
    source: weighted(random, SOURCE_WEIGHTS),
  };
  const customer = index === 1 ? featured : pick(random, customers);
  return { status, source, customer, product: pick(random, products) };
}

function licenseKeyRow(plan: KeyPlan, random: Random, now: Date, businessId: string) {
  const { createdAt, expiresAt } = keyDates(plan, random, now);
  const isAuto = plan.source === 'auto';
  const isSubscription = isAuto && plan.product.seed.duration !== null && random() < 0.6;
  return {
    id: newId('lic'),
    businessId,
    key:
      plan.source === 'import'
        ? importedKey(random)
        : generateLicenseKey(plan.product.seed.keyPrefix),
    customerId: plan.customer.row.id,
    productId: plan.product.row.id,
    activationsLimit: activationsLimit(plan, random),
    expiresAt,
    disabled: plan.status === 'disabled',
    instancesCount: 0,
    source: plan.source,
    paymentId: isAuto ? `pay_${randomBase62(21)}` : null,
    subscriptionId: isSubscription ? `sub_${randomBase62(21)}` : null,
    createdAt,
  } satisfies LicenseKeyRow;
}

/** The product's default, except that support grants some manual keys unlimited activations. */
function activationsLimit(plan: KeyPlan, random: Random): number | null {
  if (plan.source === 'manual' && random() < 0.25) return null;
  return plan.product.seed.activationsLimit;
}

function keyDates(plan: KeyPlan, random: Random, now: Date) {
  const { duration } = plan.product.seed;
  const imported = plan.source === 'import';
  if (plan.status === 'expired') {
    const createdAt = imported ? importedAt(random, now) : daysBefore(now, 10 + random() * 80);
    const termEnd = duration && addDuration(createdAt, duration);
    // When the product's own term would still be running, this was a trial or a shortened term.
    const elapsed = now.getTime() - createdAt.getTime();
    const shortened = new Date(createdAt.getTime() + elapsed * (0.3 + random() * 0.6));
    return { createdAt, expiresAt: termEnd && termEnd < now ? termEnd : shortened };
  }
  let createdAt = imported ? importedAt(random, now) : daysBefore(now, random() * 90);
  const termEnd = duration && addDuration(createdAt, duration);
  if (plan.status === 'active' && termEnd && termEnd.getTime() <= now.getTime() + DAY_MS) {
    // The product's term would be over by now: an active key of this product is more recent.
    createdAt = daysBefore(now, random() * 60);
  }
  return { createdAt, expiresAt: duration ? addDuration(createdAt, duration) : null };
}

function importedAt(random: Random, now: Date): Date {
  return daysBefore(now, IMPORT_DAYS_AGO - random() / 24);
}

/** Keys in the formats of the systems customers migrate from. */
function importedKey(random: Random): string {
  const format = pick(random, ['legacy', 'uuid', 'gumroad'] as const);
  if (format === 'uuid') return randomUUID();
  if (format === 'gumroad') {
    return randomBytes(16).toString('hex').toUpperCase().match(/.{8}/g)!.join('-');
  }
  // e.g. XK-2291-AB77-Q0
  const digits = '0123456789';
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const mixed = letters + digits;
  return `XK-${randomChars(digits, 4)}-${randomChars(letters, 2)}${randomChars(digits, 2)}-${randomChars(mixed, 2)}`;
}

function instanceRows(
  plan: KeyPlan,
  key: LicenseKeyRow,
  deviceNames: BusinessSeed['devices'],
  random: Random,
  now: Date,
) {
  const count = instanceCount(plan, key.activationsLimit, random);
  const kind = plan.product.seed.devices;
  const devices = shuffled(random, deviceNames[kind]).slice(0, count);
  const from = key.createdAt.getTime();
  const until = Math.min(now.getTime(), key.expiresAt?.getTime() ?? Infinity);
  return devices.map((device): InstanceRow => ({
    id: newId('lki'),
    businessId: key.businessId,
    licenseKeyId: key.id,
    name: kind === 'server' ? device : `${plan.customer.firstName}'s ${device}`,
    createdAt: new Date(from + random() * (until - from)),
  }));
}

/** Never above the key's limit; four keys in ten were never activated. */
function instanceCount(plan: KeyPlan, limit: number | null, random: Random): number {
  if (plan.fillToLimit && limit !== null) return limit;
  if (random() < 0.4) return 0;
  const cap = Math.min(limit ?? MAX_SEEDED_INSTANCES, MAX_SEEDED_INSTANCES);
  return 1 + Math.floor(random() * cap);
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomBase62(length: number): string {
  return randomChars(BASE62, length);
}

function randomChars(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
