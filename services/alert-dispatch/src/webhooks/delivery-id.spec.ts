import { parseWebhookDeliveryId, webhookDeliveryId } from './delivery-id.js';

const ALERT = '0b7f6a4e-3c1d-4a8e-9b2f-5d6c7e8f9a01';

describe('webhook delivery ids', () => {
  it('names one delivery per alert and agency, and reads back', () => {
    const id = webhookDeliveryId(ALERT, 'nl-kmar');
    expect(id).toBe(`${ALERT}.nl-kmar`);
    // BullMQ refuses ':' in job ids; the id is used as one.
    expect(id).not.toContain(':');
    expect(parseWebhookDeliveryId(id)).toEqual({ alertId: ALERT, agencyCode: 'nl-kmar' });
  });

  it.each(['', 'nl-kmar', `${ALERT}.`, `not-a-uuid.nl-kmar`, ALERT])('refuses %j', (id) => {
    expect(parseWebhookDeliveryId(id)).toBeUndefined();
  });
});
