import { metrics } from '@opentelemetry/api';
import { parseWebhookDeliveryId } from './delivery-id.js';

// Agencies' webhooks in figures (services/alert-dispatch/README.md, "Metrics"): the agency's code is the
// only label that names anyone; the delivery id (an alert id) never is one.

const meter = metrics.getMeter('alert-dispatch');

const DELIVERIES = meter.createCounter('docscreen.dispatch.webhook.deliveries', {
  description:
    'Webhook outcomes, by agency and result: delivered, attempt-failed (retried later), dead-lettered (out of attempts)',
});
const ATTEMPTS = meter.createHistogram('docscreen.dispatch.webhook.attempts', {
  description: 'Attempts a webhook delivery took, by agency and result (delivered or dead-lettered)',
  unit: '{attempt}',
  advice: { explicitBucketBoundaries: [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50] },
});

export type WebhookResult = 'delivered' | 'attempt-failed' | 'dead-lettered';

/** One reported outcome of a delivery (WebhookDeliveryRecords), `attempts` so far. */
export function countWebhookOutcome(deliveryId: string, result: WebhookResult, attempts: number): void {
  const agency = parseWebhookDeliveryId(deliveryId)?.agencyCode ?? 'unknown';
  DELIVERIES.add(1, { agency, result });
  if (result !== 'attempt-failed') ATTEMPTS.record(attempts, { agency, result });
}
