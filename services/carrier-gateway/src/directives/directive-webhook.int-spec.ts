import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { waitFor } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// A carrier's directive webhook on the real gateway and database, with the default policy (private
// targets not allowed): where it may point (400 and the reason), its secret sealed at rest, and a
// secret stored in clear before sealing (a row from before the migration) sealed when the gateway starts.

const KEYS = `k1:${randomBytes(32).toString('base64')}`;
const LEGACY_CARRIER = 'LG';
const LEGACY_SECRET = `whsec_${randomBytes(32).toString('base64url')}`;

interface CarrierRow {
  directive_webhook_url: string | null;
  directive_webhook_secret: string | null;
  directive_webhook_secret_sealed: string | null;
}

describe('carrier directive webhooks: targets and secrets', () => {
  let gw: GatewayUnderTest;
  let apiKey: string;

  async function carrierRow(iataCode: string): Promise<CarrierRow | undefined> {
    const client = new pg.Client({ connectionString: gw.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<CarrierRow>(
        'SELECT directive_webhook_url, directive_webhook_secret, directive_webhook_secret_sealed FROM carrier WHERE iata_code = $1',
        [iataCode],
      );
      return rows[0];
    } finally {
      await client.end();
    }
  }

  const register = (url: unknown) =>
    fetch(`${gw.service.baseUrl}/v1/carrier/directive-webhook`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });

  beforeAll(async () => {
    gw = await startGateway(
      { SECRETS_KEYS: KEYS },
      {
        // A carrier whose webhook secret was stored in clear, before sealing existed.
        beforeStart: async (db) => {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          await client.query(
            `INSERT INTO carrier (id, iata_code, name, contact_email, directive_webhook_url, directive_webhook_secret)
             VALUES ($1, $2, 'Legacy Air', 'ops@example.org', 'https://hooks.example.org/directives', $3)`,
            [randomUUID(), LEGACY_CARRIER, LEGACY_SECRET],
          );
          await client.end();
        },
      },
    );
    apiKey = await gw.registerCarrier('WH');
  }, 180_000);

  afterAll(async () => {
    expect(await gw?.stop()).toBe(0);
  });

  it.each([
    [
      'https://169.254.169.254/latest/meta-data/',
      'the host 169.254.169.254, a cloud metadata service address',
    ],
    ['https://0x7f.1/hook', 'the host 127.0.0.1, a loopback address'],
    ['https://[::1]/hook', 'the host ::1, a loopback address'],
    [
      'https://[::ffff:127.0.0.1]/hook',
      'the host ::ffff:7f00:1, an IPv4-mapped IPv6 address (of 127.0.0.1, a loopback address)',
    ],
    ['https://[fe80::1]/hook', 'the host fe80::1, a link-local address'],
    ['https://10.20.30.40/hook', 'the host 10.20.30.40, a private-network address'],
    ['https://metadata.google.internal/', 'the host metadata.google.internal is a private-use name'],
    ['https://carrier:s3cret@hooks.example.org/hook', 'must not carry credentials (user:password@)'],
    ['http://127.0.0.1:8080/hook', 'must be https (got http:)'],
    [42, 'a URL is required'],
  ])('refuses %s with 400 and the reason, and stores nothing', async (url, reason) => {
    const response = await register(url);
    const body = (await response.json()) as { message: string };
    expect([response.status, body.message]).toEqual([400, expect.stringContaining(`url: ${reason}`)]);
    expect(body.message).not.toContain('s3cret');
    expect((await carrierRow('WH'))?.directive_webhook_url).toBeNull();
  });

  it('registers an https URL on a public host and stores its secret sealed, never in clear', async () => {
    const response = await register('https://hooks.example.org/docscreen/directives');
    const body = (await response.json()) as { url: string; secret: string };
    expect(response.status).toBe(200);
    expect(body.secret).toMatch(/^whsec_/);
    const row = await carrierRow('WH');
    expect(row).toMatchObject({
      directive_webhook_url: 'https://hooks.example.org/docscreen/directives',
      directive_webhook_secret: null,
      directive_webhook_secret_sealed: expect.stringMatching(/^v1:k1:/),
    });
    expect(row?.directive_webhook_secret_sealed).not.toContain(body.secret.slice(6, 20));
  });

  it('seals at start a secret stored in clear before sealing', async () => {
    const row = await waitFor('the legacy secret sealed', async () => {
      const current = await carrierRow(LEGACY_CARRIER);
      return current?.directive_webhook_secret === null ? current : undefined;
    });
    expect(row.directive_webhook_secret_sealed).toMatch(/^v1:k1:/);
    expect(row.directive_webhook_secret_sealed).not.toContain(LEGACY_SECRET.slice(6, 20));
  });
});
