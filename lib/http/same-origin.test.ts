import { describe, expect, it } from 'vitest';
import { isForeignOrigin } from './same-origin';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('isForeignOrigin', () => {
  it('takes the server’s own origin, by Host or by the proxy’s X-Forwarded-Host', () => {
    expect(
      isForeignOrigin(headers({ origin: 'http://127.0.0.1:3310', host: '127.0.0.1:3310' })),
    ).toBe(false);
    expect(
      isForeignOrigin(
        headers({
          origin: 'https://keys.example.com',
          host: '10.0.0.5:3000',
          'x-forwarded-host': 'keys.example.com, proxy.internal',
        }),
      ),
    ).toBe(false);
  });

  it('takes a request without an Origin', () => {
    expect(isForeignOrigin(headers({ host: 'keys.example.com' }))).toBe(false);
  });

  it('refuses another site, another port, and an opaque origin', () => {
    expect(
      isForeignOrigin(headers({ origin: 'https://evil.example', host: 'keys.example.com' })),
    ).toBe(true);
    expect(
      isForeignOrigin(headers({ origin: 'http://localhost:3001', host: 'localhost:3000' })),
    ).toBe(true);
    expect(isForeignOrigin(headers({ origin: 'null', host: 'keys.example.com' }))).toBe(true);
  });
});
