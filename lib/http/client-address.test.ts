import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const request = (forwardedFor?: string) =>
  new Request('http://keydesk.test/api/licenses/activate', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });

describe('clientAddress', () => {
  it.each([
    // [trusted proxies, X-Forwarded-For as Keydesk receives it, the address counted]
    // No proxy: Next's server wrote the peer address, unless the client sent the header itself.
    [0, '203.0.113.9', '203.0.113.9'],
    [0, '6.6.6.6, 203.0.113.9', '203.0.113.9'],
    // One proxy appended the address it saw; whatever came before is the client's own text.
    [1, '203.0.113.9', '203.0.113.9'],
    [1, '6.6.6.6, 203.0.113.9', '203.0.113.9'],
    [1, '6.6.6.6,7.7.7.7 ,  203.0.113.9', '203.0.113.9'],
    // Two proxies: the outer one wrote the client, the inner one the outer proxy's address.
    [2, '203.0.113.9, 10.0.0.2', '203.0.113.9'],
    [2, '6.6.6.6, 203.0.113.9, 10.0.0.2', '203.0.113.9'],
    [2, '6.6.6.6, 7.7.7.7, 203.0.113.9, 10.0.0.2', '203.0.113.9'],
    // Shorter than the chain of proxies: every entry is a proxy's; the first one is the client.
    [2, '203.0.113.9', '203.0.113.9'],
    [3, '203.0.113.9, 10.0.0.2', '203.0.113.9'],
    // Empty entries are not addresses.
    [1, '6.6.6.6, , 203.0.113.9,', '203.0.113.9'],
  ])('with %i trusted proxies, %j counts %s', (hops, header, expected) => {
    expect(clientAddress(request(header), hops)).toBe(expected);
  });

  it('counts requests without the header together', () => {
    expect(clientAddress(request(), 1)).toBe('unknown');
    expect(clientAddress(request(' , '), 0)).toBe('unknown');
  });

  it('reads KEYDESK_TRUSTED_PROXIES when not told', () => {
    process.env.KEYDESK_TRUSTED_PROXIES = '1';
    try {
      expect(clientAddress(request('6.6.6.6, 203.0.113.9'))).toBe('203.0.113.9');
    } finally {
      delete process.env.KEYDESK_TRUSTED_PROXIES;
    }
  });
});
