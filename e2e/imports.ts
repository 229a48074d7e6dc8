import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { Database } from '../lib/database/create-client';
import { newId } from '../lib/ids';
import { customerColumns } from '../lib/customers/rows';
import { productNameColumns } from '../lib/products/rows';
import { createOwnedBusiness, expect } from './fixtures';

// Support for e2e/bulk-import.spec.ts: a business of the test's own (its keys, imports and banner
// touch no other spec's counts), its owner's sign-in, and CSV files to import.

export type ImportBusiness = {
  token: string;
  businessId: string;
  product: { id: string; name: string };
  email: string;
  password: string;
};

/** A business with one product and an owner who signs in with a password. */
export async function createImportBusiness(db: Database): Promise<ImportBusiness> {
  const { token, businessId, email, password } = await createOwnedBusiness(db, {
    label: 'importer',
    name: 'Ingrid Importer',
    businessName: 'Import Works',
  });
  const product = await db.product.create({
    data: {
      id: newId('pdt'),
      businessId,
      ...productNameColumns(`Quillwriter ${token}`),
      keyPrefix: 'QUILL',
    },
    select: { id: true, name: true },
  });
  // A customer the file names too: the import finds it by email rather than adding another.
  await db.customer.create({
    data: {
      id: newId('cus'),
      businessId,
      ...customerColumns({ name: 'Buyer 0', email: `buyer0.${token}@e2e.example` }),
    },
  });
  return { token, businessId, product, email, password };
}

/** Signs in as the business's owner and opens the import page. */
export async function signInToImport(page: Page, business: ImportBusiness) {
  await page.goto('/sign-in?next=%2Flicense-keys%2Fimport');
  await page.getByRole('textbox', { name: 'Email' }).fill(business.email);
  await page.getByLabel('Password').fill(business.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Sign-ins hash with scrypt: slow on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Import keys' })).toBeVisible({
    timeout: 20_000,
  });
}

export const CSV_HEADER = 'license_key,email,name,product,activations_limit,expires_at,disabled,id';

/**
 * A file of 12 rows (lines 2 to 13) with 4 bad ones: line 4 (a negative limit), line 7 (an
 * unknown product), line 9 (a key too short) and line 11 (February 30th). The good rows name
 * the product by name or ID, in turn.
 */
export function smallKeysFile({ token, product }: ImportBusiness) {
  const bad = new Map<number, string>([
    [4, 'activations_limit'],
    [7, 'product'],
    [9, 'license_key'],
    [11, 'expires_at'],
  ]);
  const rows = Array.from({ length: 12 }, (_, n) => {
    const line = n + 2;
    const column = bad.get(line);
    const key = column === 'license_key' ? 'abc' : `IMP-${token}-${String(n).padStart(4, '0')}`;
    const productCell =
      column === 'product' ? 'No Such Product' : n % 2 === 0 ? product.name : product.id;
    const limit = column === 'activations_limit' ? '-3' : n % 4 === 0 ? '' : String(n % 4);
    const expires = column === 'expires_at' ? '2031-02-30' : n % 3 === 0 ? '' : '2031-05-15';
    const email = `buyer${n % 3}.${token}@e2e.example`;
    return [key, email, `"Buyer ${n % 3}"`, productCell, limit, expires, n === 6, `LS-${n}`].join(
      ',',
    );
  });
  return { csv: `${CSV_HEADER}\n${rows.join('\n')}\n`, bad, good: 12 - bad.size };
}

/** A file of `count` good rows, for a pass long enough to watch. */
export function bigKeysFile({ token, product }: ImportBusiness, count: number) {
  const lines = [CSV_HEADER];
  for (let n = 0; n < count; n++) {
    lines.push(
      `BIG-${token}-${String(n).padStart(6, '0')},buyer${n % 500}.${token}@e2e.example,Buyer ${n % 500},${product.name},${(n % 5) + 1},2031-0${(n % 9) + 1}-15,false,BIG-${n}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Chooses `name` as the file of the upload form and uploads it; answers the new import's id. */
export async function uploadFile(page: Page, name: string, csv: string) {
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(page).toHaveURL(/\/license-keys\/import\/imp_[0-9A-Za-z]+$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: `Import of ${name}` })).toBeVisible();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** The value of a term of the page's counts ("Keys to create"). */
export function count(page: Page, term: string) {
  return page
    .locator('dl div')
    .filter({
      has: page.locator('dt', { hasText: new RegExp(`^${term.replace(/[()]/g, '\\$&')}$`) }),
    })
    .locator('dd');
}

/** A failed import of the business, written straight into the database. */
export async function seedFailedImport(db: Database, businessId: string, failure: string) {
  return db.importJob.create({
    data: {
      id: newId('imp'),
      businessId,
      fileName: 'broken.csv',
      fileBytes: 120,
      delimiter: ',',
      headers: '["key","email"]',
      timeZone: 'UTC',
      state: 'failed',
      failure,
      totalRows: 2,
      actorType: 'member',
      actorId: newId('mem'),
      actorName: 'Ingrid Importer',
      actorRole: 'owner',
      requestId: newId('imp'),
    },
  });
}

/**
 * An import "running" under another machine's lease, written straight into the database: no
 * worker here takes it, so the test moves its progress itself, and the pages follow.
 */
export async function seedRunningImport(
  db: Database,
  businessId: string,
  fileName: string,
  totalRows: number,
) {
  return db.importJob.create({
    data: {
      id: newId('imp'),
      businessId,
      fileName,
      fileBytes: totalRows * 100,
      delimiter: ',',
      headers: JSON.stringify(CSV_HEADER.split(',')),
      mapping: JSON.stringify({ key: 0, customerEmail: 1 }),
      timeZone: 'UTC',
      state: 'importing',
      totalRows,
      claimedBy: `e2e-elsewhere.example:1:${randomBytes(4).toString('hex')}`,
      lockedUntil: new Date(Date.now() + 3600_000),
      actorType: 'member',
      actorId: newId('mem'),
      actorName: 'Ingrid Importer',
      actorRole: 'owner',
      requestId: newId('imp'),
    },
  });
}
