import { describe, expect, it } from 'vitest';
import { licenseKeyEmail } from './templates';

describe('licenseKeyEmail', () => {
  const facts = {
    businessName: 'Acme Software',
    customerName: 'Dana Kim',
    productName: 'PhotoPro',
    key: 'PHOTO-AAAA-BBBB-CCCC',
    activationsLimit: 3,
    expiresAt: new Date('2027-06-30T10:00:00Z'),
  };

  it('names the product, holds the key and says how to activate it', () => {
    const email = licenseKeyEmail(facts);
    expect(email.subject).toBe('Your license key for PhotoPro');
    expect(email.text).toContain('    PHOTO-AAAA-BBBB-CCCC\n');
    expect(email.text).toContain('How to activate');
    expect(email.text).toContain('up to 3 devices at a time');
    expect(email.text).toContain('It is valid until 30 Jun 2027, 10:00 UTC.');
    expect(email.text.endsWith('Acme Software')).toBe(true);
  });

  it('speaks of unlimited devices, one device and keys that never expire', () => {
    expect(licenseKeyEmail({ ...facts, activationsLimit: null, expiresAt: null }).text).toMatch(
      /any number of devices[\s\S]*It does not expire\./,
    );
    expect(licenseKeyEmail({ ...facts, activationsLimit: 1 }).text).toContain('up to 1 device at');
  });
});
