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
export { MAX_WEBHOOK_URL_LENGTH, addressKind, checkWebhookUrl, refusedAddress } from './target-policy.js';
export type {
  AddressKind,
  WebhookTargetOptions,
  WebhookUrlProblem,
  WebhookUrlVerdict,
} from './target-policy.js';
export { RefusedTargetError, resolveWebhookTarget, systemLookup } from './webhook-target.js';
export type { ResolvedAddress, WebhookLookup } from './webhook-target.js';
export { SealedSecretError, SecretKeyRing, newSecretKey, openStoredSecret } from './secret-key-ring.js';
export type { OpenedSecret, SecretKey, StoredSecret } from './secret-key-ring.js';
