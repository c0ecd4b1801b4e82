import { isIPv4, isIPv6 } from 'node:net';

// Where a signed webhook may go. A webhook body carries personal data and the request comes from inside
// our network, so a URL an outsider registers must not reach our own hosts (SSRF): only https, only
// public addresses, no credentials in the URL. The same rules are checked at registration (on the URL
// as written) and at every delivery (on each address its host name resolves to, see webhook-target.ts).

/** What kind of address an IP is; only `public` is a webhook target unless private targets are allowed. */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'metadata'
  | 'unique-local'
  | 'site-local'
  | 'ipv4-mapped'
  | 'multicast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

const DESCRIPTIONS: Record<Exclude<AddressKind, 'public'>, string> = {
  unspecified: 'an unspecified ("this host") address',
  loopback: 'a loopback address',
  private: 'a private-network address',
  shared: 'a carrier-grade NAT (shared) address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata service address',
  'unique-local': 'a unique-local IPv6 address',
  'site-local': 'a site-local IPv6 address',
  'ipv4-mapped': 'an IPv4-mapped IPv6 address',
  multicast: 'a multicast address',
  documentation: 'a documentation address',
  benchmarking: 'a benchmarking address',
  reserved: 'a reserved address',
};

// IANA's special-purpose registries (RFC 6890 and successors). First match wins: the metadata
// addresses come before the ranges that contain them.
const IPV4_RANGES: ReadonlyArray<readonly [string, number, AddressKind]> = [
  ['169.254.169.254', 32, 'metadata'], // AWS, GCP, Azure, OpenStack
  ['100.100.100.200', 32, 'metadata'], // Alibaba Cloud
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments (incl. Oracle's 192.0.0.192 metadata)
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast, deprecated
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // incl. 255.255.255.255
];

const IPV6_RANGES: ReadonlyArray<readonly [string, number, AddressKind]> = [
  ['fd00:ec2::254', 128, 'metadata'], // AWS instance metadata over IPv6
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::ffff:0:0', 96, 'ipv4-mapped'],
  ['64:ff9b:1::', 48, 'private'], // local-use IPv4/IPv6 translation
  ['100::', 64, 'reserved'], // discard-only
  ['2001:db8::', 32, 'documentation'],
  ['2001::', 23, 'reserved'], // IETF protocol assignments: Teredo, ORCHID, …
  ['3fff::', 20, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

/** The 32 bits of a dotted-quad IPv4 address, or undefined. Only the canonical form: URLs are normalised first. */
function ipv4Bits(text: string): bigint | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split('.').reduce((bits, part) => (bits << 8n) | BigInt(Number(part)), 0n);
}

/** The 128 bits of an IPv6 address in any RFC 4291 form (`::`, an IPv4 tail, a zone), or undefined. */
function ipv6Bits(text: string): bigint | undefined {
  const address = text.split('%')[0] ?? '';
  if (!isIPv6(address)) return undefined;
  let groups = address;
  const tail = address.slice(address.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Bits(tail);
    if (v4 === undefined) return undefined;
    groups = `${address.slice(0, address.length - tail.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = groups.split('::');
  const headParts = head ? head.split(':') : [];
  const restParts = rest ? rest.split(':') : [];
  const zeros = rest === undefined ? [] : Array<string>(8 - headParts.length - restParts.length).fill('0');
  const parts = [...headParts, ...zeros, ...restParts];
  if (parts.length !== 8) return undefined;
  return parts.reduce((bits, part) => (bits << 16n) | BigInt(parseInt(part, 16)), 0n);
}

function inRange(bits: bigint, width: number, base: bigint, prefix: number): boolean {
  const shift = BigInt(width - prefix);
  return bits >> shift === base >> shift;
}

function kindOfIpv4(bits: bigint): AddressKind {
  for (const [base, prefix, kind] of IPV4_RANGES)
    if (inRange(bits, 32, ipv4Bits(base) as bigint, prefix)) return kind;
  return 'public';
}

function kindOfIpv6(bits: bigint): AddressKind {
  for (const [base, prefix, kind] of IPV6_RANGES)
    if (inRange(bits, 128, ipv6Bits(base) as bigint, prefix)) return kind;
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: they are what it is.
  if (inRange(bits, 128, ipv6Bits('64:ff9b::') as bigint, 96)) return kindOfIpv4(bits & 0xffffffffn);
  if (inRange(bits, 128, ipv6Bits('2002::') as bigint, 16)) return kindOfIpv4((bits >> 80n) & 0xffffffffn);
  // Outside global unicast (2000::/3) nothing is public: IPv4-compatible ::a.b.c.d and the unassigned rest.
  return inRange(bits, 128, ipv6Bits('2000::') as bigint, 3) ? 'public' : 'reserved';
}

/** The kind of an IP address (IPv4 dotted quad, or IPv6 with or without brackets); undefined for a name. */
export function addressKind(address: string): AddressKind | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const v4 = ipv4Bits(bare);
  if (v4 !== undefined) return kindOfIpv4(v4);
  const v6 = ipv6Bits(bare);
  return v6 === undefined ? undefined : kindOfIpv6(v6);
}

/** Why `address` is no webhook target ("127.0.0.1, a loopback address"), or undefined when it is public. */
export function refusedAddress(address: string): string | undefined {
  const kind = addressKind(address);
  if (kind === undefined) return `${address}, not an IP address`;
  if (kind === 'public') return undefined;
  const bare = address.replace(/^\[|\]$/g, '');
  if (kind === 'ipv4-mapped') {
    const v4 = ipv6Bits(bare) as bigint;
    const embedded = [24n, 16n, 8n, 0n].map((shift) => String((v4 >> shift) & 0xffn)).join('.');
    const inner = kindOfIpv4(v4 & 0xffffffffn);
    const of = inner === 'public' ? embedded : `${embedded}, ${DESCRIPTIONS[inner]}`;
    return `${bare}, ${DESCRIPTIONS[kind]} (of ${of})`;
  }
  return `${bare}, ${DESCRIPTIONS[kind]}`;
}

export interface WebhookTargetOptions {
  /**
   * Also private, loopback and link-local targets, and plain http: local development and tests only
   * (WEBHOOK_ALLOW_PRIVATE_TARGETS). Credentials in the URL and other schemes stay refused.
   */
  allowPrivateTargets: boolean;
}

export type WebhookUrlProblem = 'not-a-url' | 'scheme' | 'credentials' | 'address' | 'name';

export type WebhookUrlVerdict =
  { ok: true; url: URL } | { ok: false; problem: WebhookUrlProblem; reason: string };

/** A webhook URL is never longer than this. */
export const MAX_WEBHOOK_URL_LENGTH = 2_000;

// Names that never lead to a public host: RFC 6761 (localhost), RFC 6762 (.local, multicast DNS),
// ICANN's private-use .internal (e.g. metadata.google.internal), and single labels (search domains).
function refusedName(hostname: string): string | undefined {
  const name = hostname.replace(/\.$/, '').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return `${name} names the loopback interface`;
  if (name.endsWith('.local')) return `${name} is a multicast-DNS name of the local link`;
  if (name === 'internal' || name.endsWith('.internal')) return `${name} is a private-use name`;
  if (!name.includes('.')) return `${name} is not a fully qualified public host name`;
  return undefined;
}

/**
 * The one policy of webhook URLs, as written (registration, and again before each delivery): https
 * only, no `user:password@`, and a host that is a public IP address or a public-looking name. A name is
 * resolved and every address it resolves to checked at delivery (`resolveWebhookTarget`). The WHATWG
 * URL parser reads every IPv4 spelling (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`) as the address
 * it means, so those are refused as what they are.
 */
export function checkWebhookUrl(value: unknown, options: WebhookTargetOptions): WebhookUrlVerdict {
  const refuse = (problem: WebhookUrlProblem, reason: string): WebhookUrlVerdict => ({
    ok: false,
    problem,
    reason,
  });
  if (typeof value !== 'string' || value.length === 0) return refuse('not-a-url', 'a URL is required');
  if (value.length > MAX_WEBHOOK_URL_LENGTH)
    return refuse('not-a-url', `at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value itself stays out of the reason: some URLs carry a token.
    return refuse('not-a-url', 'not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowPrivateTargets))
    return refuse('scheme', `must be https (got ${url.protocol.slice(0, 20)})`);
  if (url.username || url.password)
    return refuse(
      'credentials',
      'must not carry credentials (user:password@); authenticate by the signature',
    );
  if (options.allowPrivateTargets) return { ok: true, url };
  const kind = addressKind(url.hostname);
  if (kind === undefined) {
    const name = refusedName(url.hostname);
    return name ? refuse('name', `the host ${name}; webhooks go only to public hosts`) : { ok: true, url };
  }
  const refused = refusedAddress(url.hostname);
  return refused
    ? refuse('address', `the host ${refused}; webhooks go only to public addresses`)
    : { ok: true, url };
}
