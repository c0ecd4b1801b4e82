import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOPICS } from '@docscreen/contracts';
import { openTopicReader } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';

// PAXLST over HTTP on the real gateway, broker and database: a real carrier message from the
// conformance corpus is accepted whole; a message with an unreadable traveller is accepted in part,
// and the receipt says exactly who was not.

const REPO = path.resolve(import.meta.dirname, '../../../..');
const CONFORMANCE_DIR = process.env['CONFORMANCE_DIR'] ?? path.resolve(REPO, '..', 'shared', 'conformance');
const PARTIAL = readFileSync(path.join(import.meta.dirname, '__fixtures__/paxlst-partial.edi'));

interface Receipt {
  submissionId: string;
  flightKey: string;
  accepted: { travellerRef: string; eventId: string }[];
  rejected: { travellerRef: string; reason: string }[];
  defects: { segment: number; tag: string; message: string }[];
}

function corpusFile(name: string): Buffer {
  const dir = path.join(CONFORMANCE_DIR, 'paxlst', 'gtas');
  if (!readdirSync(dir).includes(name)) {
    throw new Error(
      `conformance file ${name} missing in ${dir}: set CONFORMANCE_DIR to the shared conformance corpus`,
    );
  }
  return readFileSync(path.join(dir, name));
}

describe('PAXLST submissions', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway();
  }, 180_000);

  afterAll(async () => {
    expect(await gw?.stop()).toBe(0);
  });

  const submit = (body: Buffer, key: string, contentType = 'application/edifact') =>
    fetch(`${gw.service.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
      body,
    });

  it('accepts a carrier’s real crew list whole: one event per traveller, keyed by flight', async () => {
    const message = corpusFile('gtas-loader__apis-messages__Test1.txt');
    // Counted from the raw text, not by the parser under test: crew (FM) and passenger (FL) name segments.
    const expected = (message.toString('latin1').match(/(^|')\s*NAD\+F[LM]\+/g) ?? []).length;
    expect(expected).toBeGreaterThan(0);
    const apiKey = await gw.registerCarrier('UA');
    const reader = await openTopicReader(gw.brokers, TOPICS.PASSENGER_REPORTED);
    const response = await submit(message, apiKey, 'text/plain');
    const receipt = (await response.json()) as Receipt;
    expect(response.status).toBe(202);
    expect(receipt.accepted).toHaveLength(expected);
    expect(receipt.rejected).toEqual([]);
    expect(receipt.flightKey).toBe('UA989/2017-01-27');

    const ids = new Set(receipt.accepted.map((t) => t.eventId));
    const events = await reader.read(
      (seen) => seen.filter((e) => ids.has(e.message.envelope?.eventId ?? '')).length >= ids.size,
    );
    const ours = events.filter((e) => ids.has(e.message.envelope?.eventId ?? ''));
    expect(ours).toHaveLength(expected);
    expect(new Set(ours.map((e) => e.key))).toEqual(new Set([receipt.flightKey]));
    expect(ours[0]!.message.source?.interchangeRef).toBe('1403010600');
  });

  it('accepts the readable travellers, lists the unreadable one with its segment, and publishes only the readable', async () => {
    const apiKey = await gw.registerCarrier('QX');
    const reader = await openTopicReader(gw.brokers, TOPICS.PASSENGER_REPORTED);
    const response = await submit(PARTIAL, apiKey);
    const receipt = (await response.json()) as Receipt;
    expect(response.status).toBe(202);
    expect(receipt.accepted.map((t) => t.travellerRef)).toEqual(['1', '2']);
    expect(receipt.rejected).toHaveLength(1);
    expect(receipt.rejected[0]).toMatchObject({ travellerRef: '3' });
    expect(receipt.rejected[0]!.reason).toMatch(/segment 25/);
    expect(receipt.defects.some((d) => d.tag === 'NAD' && d.segment === 25)).toBe(true);

    const ids = new Set(receipt.accepted.map((t) => t.eventId));
    const events = await reader.read(
      (seen) => seen.filter((e) => ids.has(e.message.envelope?.eventId ?? '')).length >= 2,
    );
    const ours = events.filter((e) => e.message.submissionId === receipt.submissionId);
    expect(ours.map((e) => e.message.traveller?.surname).sort()).toEqual(['NOVAK', "O'LEARY"]);
  });

  it('recognises the same interchange sent again and answers with the original receipt', async () => {
    const apiKey = (await gw.admin<{ apiKey: string }>('POST', '/v1/admin/carriers/QX/keys')).body.apiKey;
    const again = await submit(PARTIAL, apiKey);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses a message in which no traveller can be read, with every defect', async () => {
    const apiKey = (await gw.admin<{ apiKey: string }>('POST', '/v1/admin/carriers/QX/keys')).body.apiKey;
    const response = await submit(Buffer.from('this is not EDIFACT at all'), apiKey);
    const body = (await response.json()) as { message: string; problems: unknown[] };
    expect(response.status).toBe(400);
    expect(body.problems.length).toBeGreaterThan(0);
  });
});
