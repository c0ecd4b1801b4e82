export {
  DEFAULT_TOLERANCE_SECONDS,
  WEBHOOK_HEADERS,
  newWebhookSecret,
  retryDelayMs,
  signWebhook,
  verifyWebhook,
} from './signature.js';
export type {
  RetryBackoff,
  SignWebhookInput,
  VerifyWebhookInput,
  WebhookHeaderValues,
  WebhookVerification,
  WebhookVerificationFailure,
} from './signature.js';
export { WebhookDispatcher, deadLetterQueueName } from './webhook-dispatcher.js';
export type { DeadLetter, WebhookDispatcherOptions, WebhookLogger } from './webhook-dispatcher.js';
export { DeliveryAttemptError, EVENT_TYPE_HEADER, USER_AGENT } from './webhook-request.js';
export type { WebhookDelivery, WebhookEndpoint } from './webhook-request.js';
