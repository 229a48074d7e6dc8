import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/auth/schema';
import { safeLocalPath } from './safe-path';

// Values as the page or action receives them, after the query string was decoded once.
describe('safeLocalPath', () => {
  it.each([
    ['/license-keys', '/license-keys'],
    ['/license-keys/new?productId=pdt_1', '/license-keys/new?productId=pdt_1'],
    ['/customers/../license-keys', '/license-keys'],
    ['/license-keys#history', '/license-keys'],
    // Still percent-encoded: a path segment of this site, never a slash or a TAB to the browser.
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/%09/evil.example/phish', '/%09/evil.example/phish'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    // Unicode is sent percent-encoded, so that the Location header stays ASCII.
    ['/customers?q=Zoë', '/customers?q=Zo%C3%AB'],
    ['/\uff0f\uff0fevil.example', '/%EF%BC%8F%EF%BC%8Fevil.example'],
    ['/\u3002evil.example', '/%E3%80%82evil.example'],
  ])('keeps the local path %j as %j', (value, expected) => {
    expect(safeLocalPath(value)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    42,
    ['/license-keys'],
    '',
    'license-keys',
    'https://evil.example/',
    'https:evil.example',
    'https:/evil.example',
    'javascript:alert(1)',
    '  /license-keys',
    '//evil.example/path',
    '///evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/\t/evil.example/phish', // what `?next=/%09/evil.example/phish` decodes to
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '/\u0085/evil.example',
    '/\u2028/evil.example',
    '/..//evil.example', // dot segments collapse into `//evil.example`
    '/.//evil.example',
    '/a/..//evil.example',
    '/%2e%2e//evil.example',
    `/${'a'.repeat(2000)}`,
  ])('refuses %j', (value) => {
    expect(safeLocalPath(value)).toBeNull();
  });
});

describe('safeNextPath (sign-in)', () => {
  it('goes to the overview for anything unsafe, and never back to sign-in', () => {
    expect(safeNextPath('/\t/evil.example/phish')).toBe('/');
    expect(safeNextPath('/..//evil.example')).toBe('/');
    expect(safeNextPath('/sign-in?next=/sign-in')).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('/license-keys')).toBe('/license-keys');
    expect(safeNextPath('/customers?q=Zoë')).toBe('/customers?q=Zo%C3%AB');
  });
});
