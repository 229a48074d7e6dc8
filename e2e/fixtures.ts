import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { hashPassword } from 'better-auth/crypto';
import { DEMO_BUSINESS_ID } from '../lib/auth/demo-business';
import { createPrismaClient, type Database } from '../lib/database/create-client';
import { newId } from '../lib/ids';

/** A customer and a product of the demo business that belong to one test alone. */
export type Scenario = {
  token: string;
  customer: { id: string; name: string; email: string };
  product: { id: string; name: string };
};

export const test = base.extend<{ scenario: Scenario }, { db: Database }>({
  // The server's own database file (playwright.config.ts sets DATABASE_URL), to seed and to assert.
  db: [
    async ({}, use) => {
      const db = createPrismaClient(process.env.DATABASE_URL);
      await use(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],
  scenario: async ({ db }, use) => {
    const token = randomBytes(4).toString('hex');
    const name = `Tess Quill ${token}`;
    const email = `tess.${token}@e2e.example`;
    const customer = await db.customer.create({
      data: {
        id: newId('cus'),
        businessId: DEMO_BUSINESS_ID,
        name,
        email,
        nameLower: name.toLowerCase(),
        emailLower: email,
      },
      select: { id: true, name: true, email: true },
    });
    const productName = `Quillwriter ${token}`;
    const product = await db.product.create({
      data: {
        id: newId('pdt'),
        businessId: DEMO_BUSINESS_ID,
        name: productName,
        nameLower: productName.toLowerCase(),
        keyPrefix: 'QUILL',
        licenseKeyActivationsLimit: 4,
        licenseKeyDurationCount: 1,
        licenseKeyDurationInterval: 'year',
      },
      select: { id: true, name: true },
    });
    await use({ token, customer, product });
  },
});

export { expect };

/** Types into a picker and chooses the option whose accessible name contains `optionText`. */
export async function choose(
  page: Page,
  picker: 'Customer' | 'Product',
  query: string,
  optionText: string,
) {
  const combobox = page.getByRole('combobox', { name: picker });
  await combobox.fill(query);
  const option = page.getByRole('option', { name: new RegExp(escapeRegExp(optionText)) });
  await option.click();
}

export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The value shown for a term of the key page's description list. */
export function termValue(page: Page, term: string) {
  return page
    .locator('dl div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');
}

/** The id of the key whose page is open. */
export function keyIdFromUrl(page: Page) {
  const match = new URL(page.url()).pathname.match(/^\/license-keys\/(lic_[A-Za-z0-9]+)$/);
  if (!match) throw new Error(`not on a license key page: ${page.url()}`);
  return match[1];
}

/** A person with a password sign-in, made for one test alone; the email starts with `label`. */
async function createPasswordUser(db: Database, label: string, name: string, token: string) {
  const email = `${label}-${token}@e2e.example`;
  const password = 'right-password-123';
  const user = await db.user.create({ data: { id: newId('usr'), name, email } });
  await db.account.create({
    data: {
      id: newId('acc'),
      userId: user.id,
      accountId: user.id,
      providerId: 'credential',
      password: await hashPassword(password),
    },
  });
  return { userId: user.id, email, password };
}

/**
 * A support member of the demo business with a password sign-in, made for one test alone: its
 * sign-ins (and lock) touch no other test. The email starts with `label`.
 */
export async function createStaffAccount(db: Database, label: string, name: string) {
  const token = randomBytes(4).toString('hex');
  const { userId, email, password } = await createPasswordUser(db, label, name, token);
  await db.membership.create({
    data: { id: newId('mem'), businessId: DEMO_BUSINESS_ID, userId, role: 'support' },
  });
  return { email, password };
}

/**
 * A business of its own (`<businessName> <token>`) and its owner, who signs in with a password
 * (`<label>-<token>@e2e.example`), for a test whose counts no other test may touch.
 */
export async function createOwnedBusiness(
  db: Database,
  { label, name, businessName }: { label: string; name: string; businessName: string },
) {
  const token = randomBytes(4).toString('hex');
  const { userId, email, password } = await createPasswordUser(db, label, name, token);
  const business = await db.business.create({
    data: { id: newId('bus'), name: `${businessName} ${token}` },
  });
  await db.membership.create({
    data: { id: newId('mem'), businessId: business.id, userId, role: 'owner' },
  });
  return { token, businessId: business.id, email, password };
}
