import { create } from '@bufbuild/protobuf';
import { newEnvelope, PassengerReportedSchema, TOPICS, type PassengerReported } from '@docscreen/contracts';
import { td3Mrz, type ReadEvent, type TopicReader } from '@docscreen/testing';

/**
 * `count` reported travellers with Dutch passports (valid MRZs) on flights AMS→LHR, one in
 * `expiredEvery` with a passport expired before travel (a do-not-board hit, hence an alert). Travellers
 * are spread over `flightKeys` in turn; `numberPrefix` keeps passport numbers apart between suites.
 */
export function reportedTravellers(options: {
  count: number;
  expiredEvery: number;
  submissionId: string;
  flightKeys: readonly string[];
  numberPrefix: string;
}): PassengerReported[] {
  const { count, expiredEvery, submissionId, flightKeys, numberPrefix } = options;
  return Array.from({ length: count }, (_, i) => {
    const flightKey = flightKeys[i % flightKeys.length]!;
    const expired = i % expiredEvery === 0;
    const passport = {
      state: 'NLD',
      number: `${numberPrefix}${String(i).padStart(7, '0')}`,
      birthDate: '1980-01-01',
      sex: 'M' as const,
      expiryDate: expired ? '2025-01-31' : '2031-01-31',
      surname: 'TRAVELLER',
      givenNames: 'TEST',
    };
    return create(PassengerReportedSchema, {
      envelope: newEnvelope({ producer: { name: 'screening-test', version: '0' } }),
      carrierCode: 'XQ',
      flightKey,
      submissionId,
      submissionTravellerCount: count,
      legs: [
        {
          carrierCode: 'XQ',
          flightNumber: flightKey.slice(2, flightKey.indexOf('/')),
          departureAirport: 'AMS',
          arrivalAirport: 'LHR',
          scheduledDepartureLocal: '2026-12-01T09:00',
        },
      ],
      traveller: {
        travellerRef: `T${String(i).padStart(5, '0')}`,
        surname: passport.surname,
        givenNames: passport.givenNames,
        birthDate: passport.birthDate,
        nationality: 'NLD',
        portOfEmbarkation: 'AMS',
        portOfDisembarkation: 'LHR',
        documents: [
          {
            code: 'P',
            type: 1,
            number: passport.number,
            issuingState: 'NLD',
            expiryDate: passport.expiryDate,
            mrzLines: td3Mrz(passport),
          },
        ],
      },
    });
  });
}

/**
 * The distinct values of `value` per `key` across records: exactly-once in effect means one screening
 * id per traveller and one alert id per alerted traveller, however many copies the topics hold.
 */
function distinctPer<T>(
  records: readonly T[],
  key: (record: T) => string,
  value: (record: T) => string,
): Map<string, Set<string>> {
  const per = new Map<string, Set<string>>();
  for (const record of records) per.set(key(record), (per.get(key(record)) ?? new Set()).add(value(record)));
  return per;
}

/**
 * Reads `completed` until every one of `eventIds` has its ScreeningCompleted: those records (copies
 * included) and the distinct screening ids per passenger event.
 */
export async function screeningsOf(
  completed: TopicReader<typeof TOPICS.SCREENING_COMPLETED>,
  eventIds: ReadonlySet<string>,
): Promise<{
  records: ReadEvent<typeof TOPICS.SCREENING_COMPLETED>[];
  screeningIds: Map<string, Set<string>>;
}> {
  const ours = (e: ReadEvent<typeof TOPICS.SCREENING_COMPLETED>) => eventIds.has(e.message.passengerEventId);
  const seen = await completed.read(
    (events) => new Set(events.filter(ours).map((e) => e.message.passengerEventId)).size === eventIds.size,
    120_000,
  );
  const records = seen.filter(ours);
  const screeningIds = distinctPer(
    records,
    (e) => e.message.passengerEventId,
    (e) => e.message.screeningId,
  );
  return { records, screeningIds };
}

/**
 * Reads `alerts` until `expected` distinct alerts were raised on `flightKeys`: those records (copies
 * included) and the distinct alert ids per traveller (`<flight key>/<traveller ref>`).
 */
export async function alertsOn(
  alerts: TopicReader<typeof TOPICS.ALERT_RAISED>,
  flightKeys: readonly string[],
  expected: number,
): Promise<{ records: ReadEvent<typeof TOPICS.ALERT_RAISED>[]; alertIds: Map<string, Set<string>> }> {
  const ours = (e: ReadEvent<typeof TOPICS.ALERT_RAISED>) => flightKeys.includes(e.message.flightKey);
  const seen = await alerts.read(
    (events) => new Set(events.filter(ours).map((e) => e.message.alertId)).size >= expected,
    120_000,
  );
  const records = seen.filter(ours);
  const alertIds = distinctPer(
    records,
    (e) => `${e.message.flightKey}/${e.message.traveller!.travellerRef}`,
    (e) => e.message.alertId,
  );
  return { records, alertIds };
}
