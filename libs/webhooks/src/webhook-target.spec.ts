import { RefusedTargetError, resolveWebhookTarget, type WebhookLookup } from './webhook-target.js';

/** A resolver that answers from a table, counting its calls. */
function fakeDns(answers: Record<string, string[]>): WebhookLookup & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string) => {
    calls.push(hostname);
    const addresses = answers[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { calls });
}

const STRICT = { allowPrivateTargets: false };

describe('resolveWebhookTarget', () => {
  it('answers the first address of a name whose every address is public, resolving once', async () => {
    const lookup = fakeDns({
      'hooks.example.org': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
    const target = await resolveWebhookTarget(new URL('https://hooks.example.org/x'), { ...STRICT, lookup });
    expect(target).toEqual({ address: '93.184.215.14', family: 4 });
    expect(lookup.calls).toEqual(['hooks.example.org']);
  });

  it.each<[string[], string]>([
    [['127.0.0.1'], 'the host resolves to 127.0.0.1, a loopback address'],
    [['93.184.215.14', '10.0.0.8'], 'the host resolves to 10.0.0.8, a private-network address'],
    [['169.254.169.254'], 'a cloud metadata service address'],
    [['::ffff:192.168.1.1'], 'an IPv4-mapped IPv6 address (of 192.168.1.1, a private-network address)'],
    [['fd00::5'], 'a unique-local IPv6 address'],
    [['not-an-address'], 'not-an-address, not an IP address'],
  ])('refuses a name resolving to %j', async (addresses, reason) => {
    const lookup = fakeDns({ 'rebind.example.org': addresses });
    const resolving = resolveWebhookTarget(new URL('https://rebind.example.org/x'), { ...STRICT, lookup });
    await expect(resolving).rejects.toBeInstanceOf(RefusedTargetError);
    await expect(resolving).rejects.toThrow(reason);
  });

  it('refuses a name with no address, and passes the resolver’s own failure on', async () => {
    const lookup = fakeDns({ 'empty.example.org': [] });
    await expect(
      resolveWebhookTarget(new URL('https://empty.example.org/'), { ...STRICT, lookup }),
    ).rejects.toThrow('the host resolves to no address');
    await expect(
      resolveWebhookTarget(new URL('https://nowhere.example.org/'), { ...STRICT, lookup }),
    ).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('takes an IP literal as it is, without a lookup', async () => {
    const lookup = fakeDns({});
    const target = await resolveWebhookTarget(new URL('https://[2606:4700:4700::1111]/'), {
      ...STRICT,
      lookup,
    });
    expect(target).toEqual({ address: '2606:4700:4700::1111', family: 6 });
    expect(lookup.calls).toEqual([]);
  });

  it('lets private addresses through when private targets are allowed', async () => {
    const lookup = fakeDns({ 'receiver.test': ['127.0.0.1'] });
    const target = await resolveWebhookTarget(new URL('http://receiver.test:8080/'), {
      allowPrivateTargets: true,
      lookup,
    });
    expect(target.address).toBe('127.0.0.1');
  });
});
