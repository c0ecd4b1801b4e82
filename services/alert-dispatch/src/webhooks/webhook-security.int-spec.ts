import { randomBytes } from 'node:crypto';
import { issueCredential } from '@docscreen/nest-platform';
import { waitFor } from '@docscreen/testing';
import { alertRaised, randomLetters, randomStateCode } from '../__fixtures__/alert-events.js';
import { startWebhookReceiver, type WebhookReceiver } from '../__fixtures__/webhook-receiver.js';
import { DispatchUnderTest, type RegisteredAgency } from '../../test/dispatch-under-test.js';

// Agencies' webhooks on the real process, database, broker and Redis: where a webhook may go (400 at
// registration with the reason, refused again at delivery for a URL stored before the policy), its
// secret sealed at rest and still opened after a key rotation (and after the old key is gone), a
// secret stored in clear before sealing sealed on its first read, and agency tokens of their own kind.

const run = randomLetters(6);
const key = () => randomBytes(32).toString('base64');
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;

interface AgencyRow {
  webhook_secret: string | null;
  webhook_secret_sealed: string | null;
}

describe('agency webhooks: targets and secrets', () => {
  const dispatch = new DispatchUnderTest({
    WEBHOOK_QUEUE: `agency-webhooks-security-${run}`,
    WEBHOOK_ATTEMPTS: '3',
    WEBHOOK_BACKOFF_BASE_MS: '200',
    WEBHOOK_BACKOFF_MAX_MS: '1000',
    SECRETS_KEYS: K1,
    // The receiver listens on 127.0.0.1; the policy's own cases restart without it.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  });
  let receiver: WebhookReceiver;
  let agency: RegisteredAgency;
  let state: string;
  /** What the receiver verifies with: the secret as the agency was given it. */
  let secret = '';

  const row = async (): Promise<AgencyRow> => {
    const { rows } = await dispatch.sql.query<AgencyRow>(
      'SELECT webhook_secret, webhook_secret_sealed FROM agency WHERE code = $1',
      [agency.code],
    );
    return rows[0]!;
  };

  async function restart(env: Record<string, string>): Promise<void> {
    expect(await dispatch.service.stop()).toBe(0);
    dispatch.service = await dispatch.start(env);
  }

  /** Publishes an alert for the agency's state; resolves with the request the receiver got for it. */
  async function deliveredAlert(): Promise<{ verified: boolean; body: string; headers: object }> {
    const alert = alertRaised({ destinationState: state });
    await dispatch.publish([alert]);
    const deliveryId = `${alert.alertId}.${agency.code}`;
    return waitFor(`the webhook of ${deliveryId}`, () =>
      receiver.received.find((r) => r.deliveryId === deliveryId && r.status === 200),
    );
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret: () => secret });
    await dispatch.setUp('dispatch_webhook_security');
    state = randomStateCode();
    agency = await dispatch.register({
      code: `secure-${run}`,
      name: 'Secure',
      states: [state],
      webhookUrl: receiver.url,
    });
    secret = agency.webhookSecret!;
  }, 180_000);

  afterAll(async () => {
    const code = await dispatch.tearDown();
    await receiver?.close();
    expect(code).toBe(0);
  }, 180_000);

  it('stores the webhook secret sealed, never in clear, and signs deliveries with it', async () => {
    expect(secret).toMatch(/^whsec_/);
    const stored = await row();
    expect(stored.webhook_secret).toBeNull();
    expect(stored.webhook_secret_sealed).toMatch(/^v1:k1:/);
    expect(stored.webhook_secret_sealed).not.toContain(secret.slice(6, 20));
    expect((await deliveredAlert()).verified).toBe(true);
  }, 120_000);

  it('opens secrets sealed under an older key after a rotation, seals them under the new one, and goes on without the old key', async () => {
    await restart({ SECRETS_KEYS: `${K2},${K1}`, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    // Sealed again under the first key at start, in the background.
    await waitFor('the secret sealed under k2', async () =>
      (await row()).webhook_secret_sealed?.startsWith('v1:k2:') ? true : undefined,
    );
    expect((await deliveredAlert()).verified).toBe(true);

    await restart({ SECRETS_KEYS: K2, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    expect((await deliveredAlert()).verified).toBe(true);
  }, 180_000);

  it('signs with a secret stored in clear before sealing, and seals it when it reads it', async () => {
    secret = `whsec_${randomBytes(32).toString('base64url')}`;
    await dispatch.sql.query(
      'UPDATE agency SET webhook_secret = $2, webhook_secret_sealed = NULL WHERE code = $1',
      [agency.code, secret],
    );
    expect((await deliveredAlert()).verified).toBe(true);
    const stored = await waitFor('the clear secret sealed', async () => {
      const current = await row();
      return current.webhook_secret === null ? current : undefined;
    });
    expect(stored.webhook_secret_sealed).toMatch(/^v1:k2:/);
  }, 120_000);

  describe('with private targets not allowed (the default)', () => {
    beforeAll(async () => {
      await restart({ SECRETS_KEYS: K2, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    }, 180_000);

    it.each([
      [
        'https://169.254.169.254/latest/meta-data/',
        'the host 169.254.169.254, a cloud metadata service address',
      ],
      ['https://2130706433/hook', 'the host 127.0.0.1, a loopback address'],
      [
        'https://[::ffff:10.0.0.1]/hook',
        'an IPv4-mapped IPv6 address (of 10.0.0.1, a private-network address)',
      ],
      ['https://[fd12::1]/hook', 'the host fd12::1, a unique-local IPv6 address'],
      ['https://192.168.1.20/hook', 'the host 192.168.1.20, a private-network address'],
      ['https://localhost/hook', 'the host localhost names the loopback interface'],
      ['https://ops:hunter2@hooks.example.org/hook', 'must not carry credentials (user:password@)'],
      ['http://hooks.example.org/hook', 'must be https (got http:)'],
    ])('refuses to register %s with 400 and the reason', async (webhookUrl, reason) => {
      const response = await dispatch.call(
        'POST',
        '/v1/admin/agencies',
        { code: `refused-${randomLetters(8)}`, name: 'Refused', states: ['D'], webhookUrl },
        dispatch.adminToken,
      );
      const body = (await response.json()) as {
        message: string;
        problems: { path: string; message: string }[];
      };
      expect(response.status).toBe(400);
      expect(body.problems).toEqual([{ path: 'webhookUrl', message: expect.stringContaining(reason) }]);
      expect(JSON.stringify(body)).not.toContain('hunter2');
      const changed = await dispatch.call(
        'PATCH',
        `/v1/admin/agencies/${agency.code}`,
        { webhookUrl },
        dispatch.adminToken,
      );
      expect(changed.status).toBe(400);
    });

    it('registers a webhook on a public https host', async () => {
      const response = await dispatch.call(
        'POST',
        '/v1/admin/agencies',
        {
          code: `public-${randomLetters(8)}`,
          name: 'Public',
          states: [randomStateCode()],
          webhookUrl: 'https://hooks.example.org/docscreen',
        },
        dispatch.adminToken,
      );
      expect(response.status).toBe(201);
    });

    it('refuses at delivery a URL stored before the policy (http to 127.0.0.1): dead-lettered, nothing sent', async () => {
      const before = receiver.received.length;
      const alert = alertRaised({ destinationState: state });
      await dispatch.publish([alert]);
      const delivery = await waitFor('the delivery dead-lettered', async () => {
        const response = await dispatch.call('GET', `/v1/alerts/${alert.alertId}`, undefined, agency.token);
        const body = (await response.json()) as {
          delivery: { webhook: { deadLetteredAt: string | null; attempts: number; lastError: string } };
        };
        return body.delivery.webhook.deadLetteredAt ? body.delivery.webhook : undefined;
      });
      expect(delivery).toMatchObject({
        attempts: 1,
        lastError: 'refused target: the URL must be https (got http:)',
      });
      expect(receiver.received.length).toBe(before);
    }, 120_000);
  });

  describe('agency tokens', () => {
    it('are issued as dsb_, apart from the registry’s authorities (dsa_)', () => {
      expect(agency.token).toMatch(/^dsb_[a-z0-9]{8}_/);
    });

    it('still accepts a dsa_ token an agency was issued before', async () => {
      const earlier = issueCredential('dsa');
      await dispatch.sql.query('UPDATE agency SET token_prefix = $2, token_hash = $3 WHERE code = $1', [
        agency.code,
        earlier.prefix,
        earlier.hash,
      ]);
      expect((await dispatch.call('GET', '/v1/alerts', undefined, earlier.secret)).status).toBe(200);
      const forged = earlier.secret.replace(/^dsa_/, 'dsk_');
      expect((await dispatch.call('GET', '/v1/alerts', undefined, forged)).status).toBe(401);
    });
  });
});
