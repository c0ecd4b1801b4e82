import { addressKind, checkWebhookUrl, refusedAddress, type AddressKind } from './target-policy.js';

const STRICT = { allowPrivateTargets: false };
const LOCAL = { allowPrivateTargets: true };

describe('addressKind', () => {
  it.each<[string, AddressKind]>([
    // IPv4
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.0', 'public'],
    ['100.100.100.200', 'metadata'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'metadata'],
    ['169.254.0.1', 'link-local'],
    ['172.15.255.255', 'public'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.0.0.192', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    // IPv6
    ['2606:4700:4700::1111', 'public'],
    ['[2606:4700:4700::1111]', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:7f00:1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['::127.0.0.1', 'reserved'], // IPv4-compatible, deprecated
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'reserved'], // Teredo
    ['100::1', 'reserved'],
    ['64:ff9b::808:808', 'public'], // NAT64 of 8.8.8.8
    ['64:ff9b::a00:1', 'private'], // NAT64 of 10.0.0.1
    ['64:ff9b::169.254.169.254', 'metadata'],
    ['64:ff9b:1::1', 'private'],
    ['2002:c0a8:0101::1', 'private'], // 6to4 of 192.168.1.1
    ['2002:0808:0808::1', 'public'], // 6to4 of 8.8.8.8
    ['4000::1', 'reserved'], // outside global unicast
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it.each(['example.org', 'localhost', '1.2.3', '01.2.3.4', '1.2.3.256', ':::1', 'fe80::1::2'])(
    '%s is not an IP address',
    (text) => {
      expect(addressKind(text)).toBeUndefined();
    },
  );

  it('says why an address is refused, and what an IPv4-mapped one maps to', () => {
    expect(refusedAddress('169.254.169.254')).toBe('169.254.169.254, a cloud metadata service address');
    expect(refusedAddress('::ffff:7f00:1')).toBe(
      '::ffff:7f00:1, an IPv4-mapped IPv6 address (of 127.0.0.1, a loopback address)',
    );
    expect(refusedAddress('[fd00::1]')).toBe('fd00::1, a unique-local IPv6 address');
    expect(refusedAddress('8.8.8.8')).toBeUndefined();
  });
});

describe('checkWebhookUrl', () => {
  it.each([
    'https://hooks.example.org/docscreen',
    'https://hooks.example.org:8443/docscreen?tenant=7',
    'https://93.184.215.14/hook',
    'https://[2606:4700:4700::1111]/hook',
  ])('accepts %s', (url) => {
    expect(checkWebhookUrl(url, STRICT)).toMatchObject({ ok: true });
  });

  it.each<[string, string, string]>([
    // Every spelling of loopback the URL parser (and inet_aton) reads as 127.0.0.1.
    ['https://127.0.0.1/hook', 'address', 'the host 127.0.0.1, a loopback address'],
    ['https://2130706433/hook', 'address', 'the host 127.0.0.1, a loopback address'],
    ['https://0177.0.0.1/hook', 'address', 'the host 127.0.0.1, a loopback address'],
    ['https://0x7f.0.0.1/hook', 'address', 'the host 127.0.0.1, a loopback address'],
    ['https://0x7f000001/hook', 'address', 'the host 127.0.0.1, a loopback address'],
    ['https://127.1/hook', 'address', 'the host 127.0.0.1, a loopback address'],
    ['https://017700000001/hook', 'address', 'the host 127.0.0.1, a loopback address'],
    ['https://169.254.169.254/latest/meta-data/', 'address', 'a cloud metadata service address'],
    ['https://2852039166/latest/meta-data/', 'address', 'the host 169.254.169.254, a cloud metadata'],
    ['https://10.1.2.3/hook', 'address', 'the host 10.1.2.3, a private-network address'],
    ['https://0xa010203/hook', 'address', 'the host 10.1.2.3, a private-network address'],
    ['https://192.168.0.10/hook', 'address', 'a private-network address'],
    ['https://172.20.0.1/hook', 'address', 'a private-network address'],
    ['https://169.254.10.10/hook', 'address', 'a link-local address'],
    ['https://0.0.0.0/hook', 'address', 'an unspecified'],
    ['https://0/hook', 'address', 'the host 0.0.0.0, an unspecified'],
    ['https://[::1]/hook', 'address', 'the host ::1, a loopback address'],
    ['https://[0:0:0:0:0:0:0:1]/hook', 'address', 'the host ::1, a loopback address'],
    ['https://[::]/hook', 'address', 'the host ::, an unspecified'],
    ['https://[::ffff:127.0.0.1]/hook', 'address', 'an IPv4-mapped IPv6 address (of 127.0.0.1'],
    ['https://[::ffff:a9fe:a9fe]/hook', 'address', '(of 169.254.169.254, a cloud metadata service address)'],
    ['https://[fd00::1]/hook', 'address', 'a unique-local IPv6 address'],
    ['https://[fd00:ec2::254]/hook', 'address', 'a cloud metadata service address'],
    ['https://[fe80::1]/hook', 'address', 'a link-local address'],
    ['https://localhost/hook', 'name', 'localhost names the loopback interface'],
    ['https://LOCALHOST./hook', 'name', 'localhost names the loopback interface'],
    ['https://api.localhost/hook', 'name', 'names the loopback interface'],
    ['https://printer.local/hook', 'name', 'multicast-DNS'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'name', 'private-use name'],
    ['https://intranet/hook', 'name', 'not a fully qualified public host name'],
    ['http://hooks.example.org/hook', 'scheme', 'must be https (got http:)'],
    ['ftp://hooks.example.org/hook', 'scheme', 'must be https'],
    ['file:///etc/passwd', 'scheme', 'must be https'],
    ['https://user:pass@hooks.example.org/hook', 'credentials', 'must not carry credentials'],
    ['https://token@hooks.example.org/hook', 'credentials', 'must not carry credentials'],
    ['not a url', 'not-a-url', 'not a URL'],
    ['', 'not-a-url', 'a URL is required'],
  ])('refuses %s (%s)', (url, problem, reason) => {
    const verdict = checkWebhookUrl(url, STRICT);
    expect(verdict).toMatchObject({ ok: false, problem });
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it('never repeats a URL it cannot parse in its reason (it may carry a token)', () => {
    const verdict = checkWebhookUrl('https://exa mple.org/?token=s3cr3t', STRICT);
    expect(verdict.ok ? '' : verdict.reason).not.toContain('s3cr3t');
  });

  it('refuses what is not a string and URLs longer than 2,000 characters', () => {
    expect(checkWebhookUrl(42, STRICT)).toMatchObject({ ok: false, problem: 'not-a-url' });
    const long = `https://hooks.example.org/${'a'.repeat(2_000)}`;
    expect(checkWebhookUrl(long, STRICT)).toMatchObject({ ok: false, reason: 'at most 2000 characters' });
  });

  it('allows private targets and plain http only when told to, never credentials or other schemes', () => {
    for (const url of ['http://127.0.0.1:4000/hook', 'https://[::1]/hook', 'http://localhost:3/x'])
      expect(checkWebhookUrl(url, LOCAL)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://u:p@127.0.0.1/hook', LOCAL)).toMatchObject({
      ok: false,
      problem: 'credentials',
    });
    expect(checkWebhookUrl('ftp://127.0.0.1/hook', LOCAL)).toMatchObject({ ok: false, problem: 'scheme' });
  });
});
