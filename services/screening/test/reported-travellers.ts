import { create } from '@bufbuild/protobuf';
import { newEnvelope, PassengerReportedSchema, type PassengerReported } from '@docscreen/contracts';
import { td3Mrz } from '@docscreen/testing';

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
export function distinctPer<T>(
  records: readonly T[],
  key: (record: T) => string,
  value: (record: T) => string,
): Map<string, Set<string>> {
  const per = new Map<string, Set<string>>();
  for (const record of records) per.set(key(record), (per.get(key(record)) ?? new Set()).add(value(record)));
  return per;
}
