import { EventTooLargeError, type EventPublisher } from '@docscreen/kafka';
import type { Logger } from '@docscreen/observability';
import type { GatewayConfig } from '../config/gateway-config.js';
import { BrokerUnavailableException, EventTooLargeException, ManifestsService } from './manifests.service.js';
import type { IncomingManifest } from './submission.js';
import type { SubmissionsService } from './submissions.service.js';

// How a publish failure reaches the carrier: a broker that did not answer is worth a retry (503);
// an event the broker can never take is not (413, naming the limit), and the submission is failed.

const incoming: IncomingManifest = {
  format: 'json',
  contentType: 'application/json',
  raw: Buffer.from('{}'),
  manifest: {
    legs: [
      {
        carrierCode: 'QL',
        flightNumber: '1',
        departureAirport: 'LHR',
        arrivalAirport: 'ATH',
        scheduledDepartureLocal: '2026-12-02T07:40',
      },
    ],
    travellers: [
      {
        travellerRef: '1',
        role: 'passenger',
        surname: 'TRAVELLER',
        givenNames: '',
        nationality: 'UTO',
        documents: [{ type: 'P', number: 'X1', issuingState: 'UTO' }],
      },
    ],
  },
  rejected: [],
  defects: [],
  messageKey: undefined,
  source: {},
};

function service(failure: Error) {
  const failed: string[] = [];
  const submissions = {
    claim: async () => ({ kind: 'new' as const, submissionId: 'sub-1' }),
    fail: async (id: string) => void failed.push(id),
  } as unknown as SubmissionsService;
  const publisher = { publish: async () => Promise.reject(failure) } as unknown as EventPublisher;
  const logger = { error: () => undefined, info: () => undefined } as unknown as Logger;
  const config = { BROKER_RETRY_AFTER_SECONDS: 30 } as GatewayConfig;
  return { manifests: new ManifestsService(publisher, submissions, config, logger), failed };
}

const carrier = { id: 'c-1', iataCode: 'QL' } as never;

describe('ManifestsService when the broker refuses', () => {
  it('answers 413 naming the size and the limit for an event too large, and fails the submission', async () => {
    const { manifests, failed } = service(
      new EventTooLargeError('passenger.reported.v1', 2_000_000, 1_048_588),
    );
    const error = await manifests.submit(carrier, incoming, undefined, 'corr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventTooLargeException);
    expect((error as EventTooLargeException).getStatus()).toBe(413);
    expect((error as EventTooLargeException).getResponse()).toMatchObject({
      bytes: 2_000_000,
      limit: 1_048_588,
    });
    expect(failed).toEqual(['sub-1']);
  });

  it('answers 503 with a retry delay when the broker did not acknowledge', async () => {
    const { manifests } = service(new Error('Request Produce timed out'));
    const error = await manifests.submit(carrier, incoming, undefined, 'corr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerUnavailableException);
    expect((error as BrokerUnavailableException).retryAfterSeconds).toBe(30);
  });
});
