import { newId } from '../lib/ids';
import { expect, termValue, test } from './fixtures';

test('the key page follows activations at once and deactivates an instance', async ({
  page,
  request,
  scenario,
  db,
}) => {
  const key = await db.licenseKey.create({
    data: {
      id: newId('lic'),
      businessId: (await db.customer.findUniqueOrThrow({ where: { id: scenario.customer.id } }))
        .businessId,
      key: `LIVE-${scenario.token}-0001`,
      customerId: scenario.customer.id,
      productId: scenario.product.id,
      activationsLimit: 3,
      source: 'import',
    },
  });
  await page.goto(`/license-keys/${key.id}`);
  await expect(termValue(page, 'Activations')).toContainText('0 of 3');
  await expect(page.getByText('No activations yet')).toBeVisible();

  // Shipped software activates the key through the public API; the open page follows.
  const activated = await request.post('/api/licenses/activate', {
    data: { license_key: key.key, name: 'Tess’s MacBook Air' },
  });
  expect(activated.status()).toBe(201);
  await expect(termValue(page, 'Activations')).toContainText('1 of 3', { timeout: 10_000 });
  await expect(page.getByRole('rowheader', { name: 'Tess’s MacBook Air' })).toBeVisible();

  await page.getByRole('button', { name: 'Deactivate Tess’s MacBook Air' }).click();
  await page.getByRole('button', { name: 'Confirm deactivation of Tess’s MacBook Air' }).click();
  await expect(page.getByRole('rowheader', { name: 'Tess’s MacBook Air' })).toHaveCount(0);
  await expect(termValue(page, 'Activations')).toContainText('0 of 3');
  await expect
    .poll(
      async () => (await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } })).instancesCount,
    )
    .toBe(0);
  expect(await db.licenseKeyInstance.count({ where: { licenseKeyId: key.id } })).toBe(0);
  await expect(page.getByText(/Deactivated instance .*Tess’s MacBook Air/)).toBeVisible();
});
