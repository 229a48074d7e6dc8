import { describe, expect, it } from 'vitest';
import { newNonce, pageContentSecurityPolicy, transportSecurityHeaders } from './security-headers';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
  );

describe('pageContentSecurityPolicy', () => {
  it('runs only scripts with the nonce, and nothing may frame the page', () => {
    const policy = directives(
      pageContentSecurityPolicy({ nonce: 'abc123==', development: false, https: false }),
    );
    expect(policy['script-src']).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(policy['object-src']).toBe("'none'");
    expect(policy['base-uri']).toBe("'self'");
    expect(policy).not.toHaveProperty('upgrade-insecure-requests');
  });

  it('allows eval and live reload in development only, and upgrades requests on https', () => {
    const dev = directives(
      pageContentSecurityPolicy({ nonce: 'n', development: true, https: true }),
    );
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(dev['connect-src']).toContain('ws:');
    expect(dev).toHaveProperty('upgrade-insecure-requests');
  });

  it('makes a new 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('transportSecurityHeaders', () => {
  it('sends Strict-Transport-Security when Keydesk is served over https, only then', () => {
    expect(transportSecurityHeaders('https://keys.example.com')).toEqual({
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    });
    expect(transportSecurityHeaders('http://localhost:3000')).toEqual({});
  });
});
