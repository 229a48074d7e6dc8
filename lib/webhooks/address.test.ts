import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress, type LookupAll } from './address';

// Where a webhook may go. No test touches the network: host names resolve through a made-up
// resolver, and a literal address is never resolved at all.

/** A resolver that knows these names only, and fails for the rest as the system one does. */
function resolver(names: Record<string, string[]>): LookupAll & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    const addresses = names[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
      });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { asked });
}

const dns = resolver({
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.com': ['10.0.0.7'],
  'mixed.example.com': ['93.184.215.14', '192.168.1.20'],
  'metadata.example.com': ['169.254.169.254'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'nothing.example.com': [],
});

const strict = { allowPrivate: false, lookup: dns };
const check = (url: string) => checkWebhookUrl(url, strict);

describe('checkWebhookUrl without KEYDESK_WEBHOOKS_ALLOW_PRIVATE', () => {
  it('accepts an https URL whose host resolves to public addresses only', async () => {
    const result = await check('https://hooks.example.com/keydesk?tenant=7');
    expect(result).toMatchObject({
      ok: true,
      addresses: ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
    if (result.ok) expect(result.url.href).toBe('https://hooks.example.com/keydesk?tenant=7');
    // A public literal address needs no lookup.
    expect(await check('https://8.8.8.8:8443/hook')).toMatchObject({ ok: true });
    expect(await check('https://[2606:4700:4700::1111]/hook')).toMatchObject({ ok: true });
  });

  it.each([
    ['loopback', 'https://127.0.0.1/hook', '127.0.0.1'],
    ['loopback in short notation', 'https://127.1/hook', '127.0.0.1'],
    ['loopback in hexadecimal', 'https://0x7f000001/hook', '127.0.0.1'],
    ['private 10/8', 'https://10.1.2.3/hook', '10.1.2.3'],
    ['private 172.16/12', 'https://172.20.0.1/hook', '172.20.0.1'],
    ['private 192.168/16', 'https://192.168.0.10/hook', '192.168.0.10'],
    ['the metadata service', 'https://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['link-local', 'https://169.254.10.1/', '169.254.10.1'],
    ['carrier-grade NAT', 'https://100.64.0.1/', '100.64.0.1'],
    ['unspecified', 'https://0.0.0.0/', '0.0.0.0'],
    ['multicast', 'https://224.0.0.1/', '224.0.0.1'],
    ['a documentation range', 'https://203.0.113.5/', '203.0.113.5'],
    ['IPv6 loopback', 'https://[::1]/hook', '::1'],
    ['IPv6 unspecified', 'https://[::]/hook', '::'],
    ['IPv6 link-local', 'https://[fe80::1]/hook', 'fe80::1'],
    ['IPv6 unique-local', 'https://[fd12:3456::1]/hook', 'fd12:3456::1'],
    ['the IPv6 metadata service', 'https://[fd00:ec2::254]/', 'fd00:ec2::254'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1'],
    ['IPv4-mapped private', 'https://[::ffff:10.0.0.1]/hook', '::ffff:a00:1'],
    ['NAT64 of a private address', 'https://[64:ff9b::a00:1]/', '64:ff9b::a00:1'],
  ])('refuses %s (%s) without resolving anything', async (_, url, address) => {
    const before = dns.asked.length;
    expect(await check(url)).toEqual({
      ok: false,
      code: 'WEBHOOK_URL_PRIVATE',
      message: expect.stringContaining('public addresses only'),
      address,
    });
    expect(dns.asked.length).toBe(before);
  });

  it('refuses localhost and its subdomains, whatever a resolver would say', async () => {
    const liar = resolver({ localhost: ['93.184.215.14'], 'app.localhost': ['93.184.215.14'] });
    for (const url of [
      'https://localhost/hook',
      'https://LOCALHOST./',
      'https://app.localhost:8443/',
    ]) {
      expect(await checkWebhookUrl(url, { allowPrivate: false, lookup: liar }), url).toMatchObject({
        ok: false,
        code: 'WEBHOOK_URL_PRIVATE',
      });
    }
    expect(liar.asked).toEqual([]);
  });

  it('refuses a name that resolves to a private, metadata or IPv4-mapped loopback address', async () => {
    expect(await check('https://internal.example.com/hook')).toMatchObject({
      ok: false,
      code: 'WEBHOOK_URL_PRIVATE',
      address: '10.0.0.7',
    });
    expect(await check('https://metadata.example.com/')).toMatchObject({
      code: 'WEBHOOK_URL_PRIVATE',
      address: '169.254.169.254',
    });
    expect(await check('https://mapped.example.com/')).toMatchObject({
      code: 'WEBHOOK_URL_PRIVATE',
      address: '::ffff:127.0.0.1',
    });
  });

  it('refuses a name with any private address among public ones', async () => {
    expect(await check('https://mixed.example.com/hook')).toMatchObject({
      ok: false,
      code: 'WEBHOOK_URL_PRIVATE',
      address: '192.168.1.20',
    });
  });

  it('refuses a name that does not resolve, resolves to nothing, or too slowly', async () => {
    expect(await check('https://missing.example.com/')).toMatchObject({
      ok: false,
      code: 'WEBHOOK_URL_UNRESOLVED',
    });
    expect(await check('https://nothing.example.com/')).toMatchObject({
      code: 'WEBHOOK_URL_UNRESOLVED',
    });
    const never: LookupAll = () => new Promise(() => {});
    expect(
      await checkWebhookUrl('https://slow.example.com/', {
        allowPrivate: false,
        lookup: never,
        timeoutMs: 20,
      }),
    ).toMatchObject({ code: 'WEBHOOK_URL_UNRESOLVED' });
  });

  it('refuses http, other schemes, credentials, and URLs over 2,048 characters', async () => {
    expect(await check('http://hooks.example.com/hook')).toMatchObject({
      ok: false,
      code: 'WEBHOOK_URL_NOT_HTTPS',
      message: expect.stringContaining('https://'),
    });
    for (const url of ['ftp://hooks.example.com/', 'hooks.example.com/hook', 'not a url', '']) {
      expect(await check(url), url).toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
    }
    expect(await check('https://user:secret@hooks.example.com/')).toMatchObject({
      code: 'WEBHOOK_URL_CREDENTIALS',
    });
    expect(await check('https://user@hooks.example.com/')).toMatchObject({
      code: 'WEBHOOK_URL_CREDENTIALS',
    });
    const long = `https://hooks.example.com/${'a'.repeat(2048)}`;
    expect(await check(long)).toMatchObject({ code: 'WEBHOOK_URL_TOO_LONG' });
    expect(await check(long.slice(0, 2048))).toMatchObject({ ok: true });
  });
});

describe('checkWebhookUrl with KEYDESK_WEBHOOKS_ALLOW_PRIVATE', () => {
  it('accepts http and https to any address, without resolving', async () => {
    const lookup = resolver({});
    for (const url of [
      'http://127.0.0.1:4000/hook',
      'http://localhost:4000/hook',
      'https://10.0.0.7/hook',
      'http://[::1]:4000/',
      'http://receiver.internal/hook',
    ]) {
      expect(await checkWebhookUrl(url, { allowPrivate: true, lookup }), url).toMatchObject({
        ok: true,
      });
    }
    expect(lookup.asked).toEqual([]);
  });

  it('still refuses what is not an http(s) URL, or carries credentials', async () => {
    const options = { allowPrivate: true, lookup: resolver({}) };
    expect(await checkWebhookUrl('ftp://127.0.0.1/', options)).toMatchObject({
      code: 'WEBHOOK_URL_INVALID',
    });
    expect(await checkWebhookUrl('http://a:b@127.0.0.1/', options)).toMatchObject({
      code: 'WEBHOOK_URL_CREDENTIALS',
    });
  });
});

describe('isPublicAddress', () => {
  it('is true for public unicast only', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true);
    expect(isPublicAddress('::ffff:8.8.8.8')).toBe(true);
    for (const address of ['127.0.0.1', '::1', '::ffff:169.254.169.254', 'fd00:ec2::254', 'x']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
