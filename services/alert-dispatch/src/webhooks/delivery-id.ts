import { isUuid } from '@docscreen/contracts';

// One webhook delivery per (alert, agency): its id is the BullMQ job id (enqueuing it again is a no-op)
// and the x-docscreen-delivery header receivers de-duplicate on. `<alertId>.<agencyCode>`: BullMQ refuses
// ':' in job ids, and neither a UUID nor an agency code ever contains '.'.
const SEPARATOR = '.';

export function webhookDeliveryId(alertId: string, agencyCode: string): string {
  return `${alertId}${SEPARATOR}${agencyCode}`;
}

export function parseWebhookDeliveryId(
  deliveryId: string,
): { alertId: string; agencyCode: string } | undefined {
  const at = deliveryId.indexOf(SEPARATOR);
  const alertId = deliveryId.slice(0, at);
  const agencyCode = deliveryId.slice(at + 1);
  return at > 0 && isUuid(alertId) && agencyCode ? { alertId, agencyCode } : undefined;
}
