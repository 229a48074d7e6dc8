import { describe, expect, it } from 'vitest';
import { createLicenseKeySchema } from '@/lib/license-keys/schema';
import { productSchema } from '@/lib/products/schema';
import { zodResolver } from './zod-resolver';

// The forms read errors as react-hook-form's zodResolver shaped them: the first message of each
// field, an object field's under its keys (`errors.keyLifetime.count`).

describe('zodResolver', () => {
  it('answers the parsed values when they are valid', async () => {
    const resolve = zodResolver(productSchema);
    const result = await resolve({
      name: ' Photo Editor ',
      description: '',
      activationsLimit: 3,
      keyLifetime: { count: 1, interval: 'year' },
      keyPrefix: 'pe',
    });
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ name: 'Photo Editor', keyPrefix: 'PE' });
  });

  it('answers the first message of each field, nested for an object field', async () => {
    const resolve = zodResolver(productSchema);
    const result = await resolve({
      name: '',
      description: '',
      activationsLimit: -1,
      keyLifetime: { count: 0, interval: 'year' },
      keyPrefix: '1x',
    });
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      name: { type: expect.any(String), message: expect.any(String) },
      activationsLimit: { type: 'too_small', message: 'The activations limit cannot be negative.' },
      keyLifetime: { count: { type: 'too_small', message: 'A key lifetime is at least 1.' } },
      keyPrefix: { type: 'custom', message: 'A key prefix starts with a letter.' },
    });
  });

  it("places a refinement's message on its path", async () => {
    const resolve = zodResolver(createLicenseKeySchema);
    const result = await resolve({
      mode: 'generate',
      customerId: '',
      productId: 'pdt_1',
      activationsLimit: 1,
      expiresAt: '2001-01-01T00:00:00.000Z',
    });
    expect(result.errors).toEqual({
      customerId: { type: 'too_small', message: 'Choose a customer.' },
      expiresAt: {
        type: 'custom',
        message: 'A new key must expire in the future. Choose a later time, or Never expires.',
      },
    });
  });
});
