import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { refusedAddress, type WebhookTargetOptions } from './target-policy.js';

/** One address a host name resolves to, as `dns.lookup(name, { all: true })` answers. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses; the system resolver (`dns.lookup`) by default. */
export type WebhookLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemLookup: WebhookLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * A target that breaks the policy (a private address behind a public name, a URL registered before the
 * policy): it will not become acceptable by retrying, so the delivery is dead-lettered at once. The
 * message names the address and why, never the URL (some carry a token).
 */
export class RefusedTargetError extends Error {
  override readonly name = 'RefusedTargetError';
}

/**
 * The address one delivery attempt connects to. A name is resolved once, and every address it resolves
 * to must be public: a name that answers a public and a private address is refused whole, since the
 * connection could go to either. The caller connects to the address returned (pinned), never resolving
 * again, so a name that changes its answer between the check and the connection (DNS rebinding) cannot
 * lead the request to a private host.
 */
export async function resolveWebhookTarget(
  url: URL,
  options: WebhookTargetOptions & { lookup?: WebhookLookup },
): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await (options.lookup ?? systemLookup)(host);
  if (addresses.length === 0) throw new RefusedTargetError('the host resolves to no address');
  if (!options.allowPrivateTargets) {
    for (const { address } of addresses) {
      const refused = refusedAddress(address);
      if (refused) throw new RefusedTargetError(`refused target: the host resolves to ${refused}`);
    }
  }
  return addresses[0] as ResolvedAddress;
}
