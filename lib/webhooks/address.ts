import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import {
  WEBHOOK_URL_MAX_LENGTH,
  WEBHOOK_URL_MESSAGES,
  hasCredentials,
  isHttpUrl,
  type WebhookUrlRefusalCode,
} from './schema';

// Where a webhook may be sent (issue 14): without KEYDESK_WEBHOOKS_ALLOW_PRIVATE, only to https URLs
// whose host is, and resolves only to, public unicast addresses, so that no one can point Keydesk at
// the network it runs in (its own loopback, the cloud's metadata service, a private database). Checked
// when an endpoint is saved, and again by the delivery worker before every send (DNS can change).

/** Every address a host name resolves to, as `dns.lookup(host, { all: true })` answers. */
export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export type WebhookUrlCheck =
  | {
      ok: true;
      url: URL;
      /** The addresses the host resolved to when checked (none with allowPrivate or a literal address). */
      addresses: string[];
    }
  | {
      ok: false;
      code: WebhookUrlRefusalCode;
      /** For people: the form's field error, the API's 422, the delivery log. */
      message: string;
      /** The address that was refused, when one was. */
      address?: string;
    };

export type CheckWebhookUrlOptions = {
  /** KEYDESK_WEBHOOKS_ALLOW_PRIVATE: http and any address (tests, local development). */
  allowPrivate: boolean;
  /** Resolves host names; tests give their own. Default: the system resolver, every address. */
  lookup?: LookupAll;
  /** How long resolving may take before the host counts as unresolved. */
  timeoutMs?: number;
};

/** The cloud metadata services, refused by name in case a range table ever forgets them. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Whether Keydesk may send a webhook to `url`; see the top of this file. */
export async function checkWebhookUrl(
  url: string,
  { allowPrivate, lookup = systemLookup, timeoutMs = 5_000 }: CheckWebhookUrlOptions,
): Promise<WebhookUrlCheck> {
  if (url.length > WEBHOOK_URL_MAX_LENGTH) return refuse('WEBHOOK_URL_TOO_LONG');
  if (!isHttpUrl(url)) return refuse('WEBHOOK_URL_INVALID');
  if (hasCredentials(url)) return refuse('WEBHOOK_URL_CREDENTIALS');
  const parsed = new URL(url);
  if (allowPrivate) return { ok: true, url: parsed, addresses: [] };
  if (parsed.protocol !== 'https:') return refuse('WEBHOOK_URL_NOT_HTTPS');

  // new URL() has already normalized the host: IPv4 in any notation (0x7f.1) is dotted decimal,
  // IPv6 is in brackets, names are lower case and punycode.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (ipaddr.isValid(host)) {
    return isPublicAddress(host)
      ? { ok: true, url: parsed, addresses: [] }
      : refuse('WEBHOOK_URL_PRIVATE', host);
  }
  // RFC 6761: localhost and its subdomains are the machine itself, whatever a resolver says.
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return refuse('WEBHOOK_URL_PRIVATE', host);
  }
  let addresses: string[];
  try {
    addresses = (await withTimeout(lookup(host), timeoutMs)).map((entry) => entry.address);
  } catch {
    return refuse('WEBHOOK_URL_UNRESOLVED');
  }
  if (addresses.length === 0) return refuse('WEBHOOK_URL_UNRESOLVED');
  // One private address is enough to refuse: a connection may go to any of them.
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused !== undefined) return refuse('WEBHOOK_URL_PRIVATE', refused);
  return { ok: true, url: parsed, addresses };
}

/**
 * Whether an IP address is public unicast: ipaddr.js puts it in no special range (loopback,
 * private, link-local, unique-local, unspecified, carrier-grade NAT, multicast, broadcast,
 * reserved and documentation ranges, and the IPv6 ranges that embed an IPv4 address: 6to4,
 * Teredo, NAT64). An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as its IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const normalized =
    parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toRFC5952String() : String(parsed);
  if (METADATA_ADDRESSES.has(normalized)) return false;
  return parsed.range() === 'unicast';
}

function refuse(code: WebhookUrlRefusalCode, address?: string): WebhookUrlCheck {
  return {
    ok: false,
    code,
    message: WEBHOOK_URL_MESSAGES[code],
    ...(address === undefined ? {} : { address }),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`DNS lookup took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
