import { TOPICS } from '@docscreen/contracts';
import { openTopicReader } from '@docscreen/testing';
import { startGateway, type GatewayUnderTest } from '../../test/gateway-under-test.js';
import { MANIFEST_LIMITS as LIMITS } from './manifest-limits.js';

// The limits on the real gateway, broker and database: a traveller at every limit is accepted and
// published, one over any limit is rejected alone and precisely (JSON: its path; PAXLST: its segment,
// element and the limit), whatever the size of what it sent — 10,000 documents included.

const MAX_TRAVELLERS = 20;

interface Receipt {
  submissionId: string;
  accepted: { travellerRef: string; eventId: string }[];
  rejected: { travellerRef: string; reason: string }[];
  defects: { segment: number; tag: string; element?: string; message: string }[];
}

const x = (n: number, char = 'A') => char.repeat(n);

describe('manifest limits', () => {
  let gw: GatewayUnderTest;
  let apiKey: string;

  beforeAll(async () => {
    gw = await startGateway({ MAX_TRAVELLERS_PER_MANIFEST: String(MAX_TRAVELLERS) });
    apiKey = await gw.registerCarrier('QL');
  }, 180_000);

  afterAll(async () => {
    expect(await gw?.stop()).toBe(0);
  });

  const post = (body: string | Buffer, contentType: string) =>
    fetch(`${gw.service.baseUrl}/v1/manifests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType },
      body,
    });

  describe('JSON', () => {
    const leg = (flightNumber: string) => ({
      carrierCode: 'QL',
      flightNumber,
      departureAirport: 'LHR',
      arrivalAirport: 'ATH',
      scheduledDepartureLocal: '2026-12-02T07:40',
    });
    const document = (i: number, number = `X${i}0000001`) => ({ type: 'P', number, issuingState: 'UTO' });
    const traveller = (ref: string, overrides: Record<string, unknown> = {}) => ({
      travellerRef: ref,
      surname: 'TRAVELLER',
      birthDate: '1990-01-01',
      sex: 'X',
      nationality: 'UTO',
      documents: [document(1)],
      ...overrides,
    });
    const manifest = (flightNumber: string, travellers: unknown[], legs = [leg(flightNumber)]) =>
      JSON.stringify({ legs, travellers });

    it('accepts a traveller at every limit and rejects each one over a limit alone, naming the field', async () => {
      const atLimits = traveller('AT', {
        surname: x(LIMITS.nameLength),
        givenNames: x(LIMITS.nameLength),
        reservationRef: x(LIMITS.referenceLength),
        documents: Array.from({ length: LIMITS.documentsPerTraveller }, (_, i) =>
          document(i, `${i}${x(LIMITS.documentNumberLength - 1, 'N')}`),
        ),
      });
      const reader = await openTopicReader(gw.brokers, TOPICS.PASSENGER_REPORTED);
      const response = await post(
        manifest('501', [
          traveller('OK'),
          atLimits,
          traveller('DOCS', {
            documents: Array.from({ length: LIMITS.documentsPerTraveller + 1 }, (_, i) => document(i)),
          }),
          traveller('SURNAME', { surname: x(LIMITS.nameLength + 1) }),
          traveller('NUMBER', { documents: [document(1, x(LIMITS.documentNumberLength + 1, 'N'))] }),
          traveller('RESERVATION', { reservationRef: x(LIMITS.referenceLength + 1) }),
        ]),
        'application/json',
      );
      const receipt = (await response.json()) as Receipt;
      expect(response.status).toBe(202);
      expect(receipt.accepted.map((t) => t.travellerRef)).toEqual(['OK', 'AT']);
      const reasons = Object.fromEntries(receipt.rejected.map((r) => [r.travellerRef, r.reason]));
      expect(reasons['DOCS']).toMatch(
        new RegExp(`travellers\\.2\\.documents: .*${LIMITS.documentsPerTraveller}`),
      );
      expect(reasons['SURNAME']).toMatch(new RegExp(`travellers\\.3\\.surname: .*${LIMITS.nameLength}`));
      expect(reasons['NUMBER']).toMatch(
        new RegExp(`travellers\\.4\\.documents\\.0\\.number: .*${LIMITS.documentNumberLength}`),
      );
      expect(reasons['RESERVATION']).toMatch(
        new RegExp(`travellers\\.5\\.reservationRef: .*${LIMITS.referenceLength}`),
      );

      const ids = new Set(receipt.accepted.map((t) => t.eventId));
      const events = await reader.read(
        (seen) => seen.filter((e) => ids.has(e.message.envelope!.eventId)).length >= 2,
      );
      const published = events.find(
        (e) => e.message.traveller?.travellerRef === 'AT' && ids.has(e.message.envelope!.eventId),
      );
      expect(published?.message.traveller?.documents).toHaveLength(LIMITS.documentsPerTraveller);
      expect(published?.message.traveller?.surname).toHaveLength(LIMITS.nameLength);
    });

    it(`accepts ${LIMITS.legsPerMessage} legs and refuses one more with 400 naming legs`, async () => {
      const legs = (n: number) => Array.from({ length: n }, () => leg('502'));
      expect(
        (await post(manifest('502', [traveller('A')], legs(LIMITS.legsPerMessage)), 'application/json'))
          .status,
      ).toBe(202);
      const over = await post(
        manifest('503', [traveller('A')], legs(LIMITS.legsPerMessage + 1)),
        'application/json',
      );
      const body = (await over.json()) as { problems: { path: string; message: string }[] };
      expect(over.status).toBe(400);
      expect(body.problems).toEqual([
        expect.objectContaining({
          path: 'legs',
          message: expect.stringContaining(String(LIMITS.legsPerMessage)),
        }),
      ]);
    });

    it(`accepts MAX_TRAVELLERS_PER_MANIFEST travellers and refuses one more with 413`, async () => {
      const travellers = (n: number) => Array.from({ length: n }, (_, i) => traveller(`T${i}`));
      expect((await post(manifest('504', travellers(MAX_TRAVELLERS)), 'application/json')).status).toBe(202);
      const over = await post(manifest('505', travellers(MAX_TRAVELLERS + 1)), 'application/json');
      expect(over.status).toBe(413);
      expect(((await over.json()) as { message: string }).message).toContain(`at most ${MAX_TRAVELLERS}`);
    });
  });

  describe('PAXLST', () => {
    interface PaxTraveller {
      surname?: string;
      documents?: string[];
      reservationRef?: string;
    }
    /** A D05B passenger list; every traveller's segments are counted so tests can name them. */
    function paxlst(reference: string, travellers: PaxTraveller[], legs = 1) {
      const segments: string[] = [
        "UNA:+.? '",
        `UNB+UNOA:4+QLAIR:ZZ+DOCSCREEN:ZZ+261201:0900+${reference}++APIS`,
        `UNH+${reference}+PAXLST:D:05B:UN:IATA`,
        'BGM+745',
        'NAD+MS+++OPS DESK',
      ];
      for (let l = 0; l < legs; l++) {
        segments.push(
          `TDT+20+QL60${l}+++QL`,
          'LOC+125+LHR',
          'DTM+189:2612021030:201',
          'LOC+87+ATH',
          'DTM+232:2612021600:201',
        );
      }
      const at: { nad: number; docs: number[] }[] = [];
      travellers.forEach((t, i) => {
        at.push({ nad: segments.length + 1, docs: [] });
        segments.push(
          `NAD+FL+++${t.surname ?? `TRAVELLER${i}`}:ANNA`,
          'ATT+2++F',
          'DTM+329:900101',
          'NAT+2+UTO',
        );
        if (t.reservationRef) segments.push(`RFF+AVF:${t.reservationRef}`);
        (t.documents ?? [`P${i}0000001`]).forEach((number) => {
          at[i]!.docs.push(segments.length + 1);
          segments.push(`DOC+P+${number}`, 'DTM+36:301231', 'LOC+91+UTO');
        });
      });
      segments.push(
        `CNT+42:${travellers.length}`,
        `UNT+${segments.length - 1}+${reference}`,
        `UNZ+1+${reference}`,
      );
      return { text: segments.map((s, i) => (i === 0 ? s : `${s}'`)).join('\n'), at };
    }

    it('rejects alone, with segment, element and limit, a traveller with 10,000 documents or one field too long', async () => {
      const ordinary = (i: number) => ({ documents: [`P${i}0000001`] });
      const { text, at } = paxlst('LIM0001', [
        ordinary(1),
        {
          surname: x(LIMITS.nameLength),
          documents: Array.from(
            { length: LIMITS.documentsPerTraveller },
            (_, i) => `${i}${x(LIMITS.documentNumberLength - 1, 'N')}`,
          ),
        },
        { documents: Array.from({ length: 10_000 }, (_, i) => `D${i}`) },
        { documents: Array.from({ length: LIMITS.documentsPerTraveller + 1 }, (_, i) => `E${i}`) },
        { surname: x(LIMITS.nameLength + 1) },
        { documents: [x(LIMITS.documentNumberLength + 1, 'N')] },
        { reservationRef: x(LIMITS.referenceLength + 1) },
        ordinary(8),
      ]);
      expect(text.length).toBeGreaterThan(200_000);
      const reader = await openTopicReader(gw.brokers, TOPICS.PASSENGER_REPORTED);
      const response = await post(Buffer.from(text), 'application/edifact');
      const receipt = (await response.json()) as Receipt;
      expect(response.status).toBe(202);
      expect(receipt.accepted.map((t) => t.travellerRef)).toEqual(['1', '2', '8']);
      const reasons = Object.fromEntries(receipt.rejected.map((r) => [r.travellerRef, r.reason]));
      expect(Object.keys(reasons).sort()).toEqual(['3', '4', '5', '6', '7']);
      const docsOver = (t: number) => `segment ${at[t - 1]!.docs[LIMITS.documentsPerTraveller]} DOC 2:`;
      expect(reasons['3']).toContain(docsOver(3));
      expect(reasons['3']).toContain(`10000 travel documents; at most ${LIMITS.documentsPerTraveller}`);
      expect(reasons['4']).toContain(docsOver(4));
      expect(reasons['5']).toBe(
        `segment ${at[4]!.nad} NAD 4.1: ${`the surname is ${LIMITS.nameLength + 1} characters long; at most ${LIMITS.nameLength} are accepted`}`,
      );
      expect(reasons['6']).toBe(
        `segment ${at[5]!.docs[0]} DOC 2: the document number is ${LIMITS.documentNumberLength + 1} characters long; at most ${LIMITS.documentNumberLength} are accepted`,
      );
      expect(reasons['7']).toContain(`at most ${LIMITS.referenceLength}`);
      expect(receipt.defects).toContainEqual(
        expect.objectContaining({ segment: at[4]!.nad, tag: 'NAD', element: 'NAD 4.1' }),
      );

      const ids = new Set(receipt.accepted.map((t) => t.eventId));
      const events = await reader.read(
        (seen) => seen.filter((e) => ids.has(e.message.envelope!.eventId)).length >= 3,
      );
      const ours = events.filter((e) => ids.has(e.message.envelope!.eventId));
      expect(ours.map((e) => e.message.traveller!.documents.length).sort()).toEqual([
        1,
        1,
        LIMITS.documentsPerTraveller,
      ]);
    });

    it('refuses a message whose only traveller is over a limit with 400 and the defect', async () => {
      const { text, at } = paxlst('LIM0002', [{ surname: x(LIMITS.nameLength + 1) }]);
      const response = await post(Buffer.from(text), 'application/edifact');
      const body = (await response.json()) as { problems: { path: string; message: string }[] };
      expect(response.status).toBe(400);
      expect(body.problems).toContainEqual(
        expect.objectContaining({
          path: `segment ${at[0]!.nad} NAD 4.1`,
          message: expect.stringContaining(`at most ${LIMITS.nameLength}`),
        }),
      );
    });

    it(`accepts ${LIMITS.legsPerMessage} legs and MAX_TRAVELLERS_PER_MANIFEST travellers; one more of either is refused`, async () => {
      const many = (n: number) => Array.from({ length: n }, (_, i) => ({ documents: [`P${i}0000001`] }));
      expect(
        (
          await post(
            paxlst('LIM0003', many(MAX_TRAVELLERS), LIMITS.legsPerMessage).text,
            'application/edifact',
          )
        ).status,
      ).toBe(202);
      const tooManyLegs = await post(
        paxlst('LIM0004', many(1), LIMITS.legsPerMessage + 1).text,
        'application/edifact',
      );
      expect(tooManyLegs.status).toBe(400);
      expect(JSON.stringify(await tooManyLegs.json())).toContain(`at most ${LIMITS.legsPerMessage}`);
      const tooManyTravellers = await post(
        paxlst('LIM0005', many(MAX_TRAVELLERS + 1)).text,
        'application/edifact',
      );
      expect(tooManyTravellers.status).toBe(413);
    });
  });
});
