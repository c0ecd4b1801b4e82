import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { retryDelayMs, type RetryBackoff } from './signature.js';
import {
  DeliveryAttemptError,
  newWebhookAgents,
  postWebhook,
  type WebhookAgents,
  type WebhookDelivery,
  type WebhookEndpoint,
} from './webhook-request.js';
import { RefusedTargetError, type WebhookLookup } from './webhook-target.js';

export interface WebhookLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WebhookDispatcherOptions {
  /** The BullMQ queue, e.g. `agency-webhooks`; its dead letters go to `<queueName>-dead-letter`. */
  queueName: string;
  /**
   * Redis. `{ url }`: the dispatcher opens (and closes) its own connection. An ioredis instance is
   * shared and left open by close(); BullMQ requires it to have `maxRetriesPerRequest: null` (the
   * worker's blocking commands) and no `keyPrefix` (use `prefix`).
   */
  connection: Redis | { url: string };
  /** BullMQ's key prefix; `bull` by default. */
  prefix?: string;
  /** Looked up on every attempt, so secrets never travel through Redis and a rotation applies at once. */
  resolveEndpoint(subscriber: string): Promise<WebhookEndpoint | undefined>;
  /** Checked before sending: true completes the job without sending (a durable record, e.g. PostgreSQL). */
  isDelivered?(deliveryId: string): Promise<boolean>;
  /** After a 2xx, before the job completes; if it throws, the attempt counts as failed and is retried. */
  onDelivered?(d: {
    deliveryId: string;
    subscriber: string;
    attempts: number;
    status: number;
  }): Promise<void>;
  onAttemptFailed?(d: {
    deliveryId: string;
    subscriber: string;
    attempt: number;
    error: string;
    willRetry: boolean;
  }): Promise<void>;
  onDeadLettered?(d: {
    deliveryId: string;
    subscriber: string;
    attempts: number;
    error: string;
  }): Promise<void>;
  /** Attempts per delivery, the first included; 8 by default. Set where deliveries are enqueued. */
  attempts?: number;
  /** Full-jitter exponential backoff between attempts; 1 s base, 5 min cap by default. */
  backoff?: RetryBackoff;
  requestTimeoutMs?: number;
  /** Deliveries in flight per worker process; 16 by default. */
  concurrency?: number;
  /** How long a worker's hold on a delivery lasts without renewal (BullMQ lockDuration); 30 s by default. */
  lockDuration?: number;
  /** How often workers look for deliveries whose worker died (BullMQ stalledInterval); 30 s by default. */
  stalledInterval?: number;
  /** How often one delivery may be taken over from a dead worker before it is failed; 3 by default. */
  maxStalledCount?: number;
  logger?: WebhookLogger;
  /**
   * Deliver also to private, loopback and link-local addresses, and over plain http: local development
   * and tests only (WEBHOOK_ALLOW_PRIVATE_TARGETS). False by default: only https to public addresses,
   * every address a name resolves to checked, the connection pinned to the checked address.
   */
  allowPrivateTargets?: boolean;
  /** How host names are resolved at delivery; the system resolver by default (tests simulate DNS). */
  lookup?: WebhookLookup;
}

export interface DeadLetter {
  deliveryId: string;
  subscriber: string;
  attempts: number;
  error: string;
  failedAt: string;
}

interface DeadLetterData extends WebhookDelivery {
  attempts: number;
  error: string;
  failedAt: string;
}

type DeliveryOutcome = { outcome: 'delivered'; status: number } | { outcome: 'already-delivered' };

const DELIVERY_JOB = 'deliver';
const DEAD_LETTER_JOB = 'dead-letter';
/** Not a BullMQ built-in, so BullMQ asks the worker's backoffStrategy for every retry delay. */
const BACKOFF_TYPE = 'docscreen-full-jitter';
const ENQUEUE_CHUNK = 500;

const DEFAULTS = {
  attempts: 8,
  backoff: { baseMs: 1_000, maxMs: 300_000 },
  requestTimeoutMs: 10_000,
  concurrency: 16,
  lockDuration: 30_000,
  stalledInterval: 30_000,
  maxStalledCount: 3,
} as const;

// Finished jobs are kept for a while (jobId de-duplication lasts as long as they are), then trimmed.
const KEEP_COMPLETED = { age: 24 * 3600, count: 10_000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 10_000 };

/**
 * What a delivery job holds: the delivery and the trace context of whoever enqueued it, so that the
 * attempts (in another process, maybe minutes later) continue the trace of the event that caused them.
 */
interface DeliveryJob extends WebhookDelivery {
  traceContext?: Record<string, string>;
}

const tracer = trace.getTracer('@docscreen/webhooks');

const ignore = (): void => undefined;
const SILENT: WebhookLogger = { info: ignore, warn: ignore, error: ignore };

export function deadLetterQueueName(queueName: string): string {
  return `${queueName}-dead-letter`;
}

/**
 * Signed webhook delivery over a BullMQ queue: enqueue in the process that decides (an API, a Kafka
 * consumer), deliver in every process that calls startWorker(). Each delivery is retried with jittered
 * backoff until it is answered 2xx or its attempts run out, then copied to the dead-letter queue. A
 * worker killed mid-delivery loses its lock and another worker takes the delivery over; `isDelivered`
 * keeps that takeover from sending again what a receiver already acknowledged.
 */
export class WebhookDispatcher {
  private readonly connection: Redis;
  private readonly ownsConnection: boolean;
  private readonly queue: Queue<WebhookDelivery>;
  private readonly deadLetterQueue: Queue<DeadLetterData>;
  private readonly logger: WebhookLogger;
  private readonly jobOptions: JobsOptions;
  private readonly agents: WebhookAgents = newWebhookAgents();
  private worker: Worker<WebhookDelivery, DeliveryOutcome> | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: WebhookDispatcherOptions) {
    validateOptions(options);
    this.logger = options.logger ?? SILENT;
    const given = options.connection;
    this.ownsConnection = !isRedisClient(given);
    this.connection = isRedisClient(given)
      ? given
      : // Commands wait through a Redis restart instead of failing: enqueue resolves once stored.
        new Redis(given.url, { maxRetriesPerRequest: null });
    const base = { connection: this.connection, ...(options.prefix ? { prefix: options.prefix } : {}) };
    this.queue = new Queue<WebhookDelivery>(options.queueName, base);
    this.deadLetterQueue = new Queue<DeadLetterData>(deadLetterQueueName(options.queueName), base);
    for (const queue of [this.queue, this.deadLetterQueue])
      queue.on('error', (error) =>
        this.logger.error({ queue: queue.name, error: error.message }, 'webhook queue error'),
      );
    this.jobOptions = {
      attempts: options.attempts ?? DEFAULTS.attempts,
      backoff: { type: BACKOFF_TYPE },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    };
  }

  /**
   * Resolves once Redis has stored every delivery. The job id is the delivery id, so enqueuing one
   * again while BullMQ still holds its job (waiting, retrying, or kept after finishing) is a no-op.
   */
  async enqueue(deliveries: WebhookDelivery[]): Promise<void> {
    deliveries.forEach(assertDelivery);
    for (let start = 0; start < deliveries.length; start += ENQUEUE_CHUNK) {
      const chunk = deliveries.slice(start, start + ENQUEUE_CHUNK);
      await this.queue.addBulk(
        chunk.map((delivery) => ({
          name: DELIVERY_JOB,
          data: { ...jobData(delivery), ...activeTraceContext() },
          opts: { ...this.jobOptions, jobId: delivery.deliveryId },
        })),
      );
    }
  }

  /** Starts delivering in this process. A process that only enqueues (an API) never calls it. */
  startWorker(): void {
    if (this.closing) throw new Error('the webhook dispatcher is closed');
    if (this.worker) return;
    // BullMQ would refuse too, but only after opening connections that nothing would close again.
    if (!this.ownsConnection && this.connection.options.maxRetriesPerRequest !== null)
      throw new TypeError('a worker needs its ioredis connection created with maxRetriesPerRequest: null');
    const backoff = this.options.backoff ?? DEFAULTS.backoff;
    this.worker = new Worker<DeliveryJob, DeliveryOutcome>(
      this.options.queueName,
      (job) => this.process(job),
      {
        connection: this.connection,
        ...(this.options.prefix ? { prefix: this.options.prefix } : {}),
        concurrency: this.options.concurrency ?? DEFAULTS.concurrency,
        lockDuration: this.options.lockDuration ?? DEFAULTS.lockDuration,
        stalledInterval: this.options.stalledInterval ?? DEFAULTS.stalledInterval,
        maxStalledCount: this.options.maxStalledCount ?? DEFAULTS.maxStalledCount,
        settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, backoff) },
      },
    );
    this.worker.on('error', (error) =>
      this.logger.error({ queue: this.options.queueName, error: error.message }, 'webhook worker error'),
    );
    this.worker.on('stalled', (jobId) =>
      this.logger.warn(
        { queue: this.options.queueName, deliveryId: jobId },
        'webhook delivery stalled; taken over',
      ),
    );
  }

  /** Lets in-flight deliveries finish (no new ones start), then closes the queues and the connection. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** The most recent dead letters, newest first. */
  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    if (limit <= 0) return [];
    const jobs = await this.deadLetterQueue.getJobs(['waiting'], 0, limit - 1, false);
    return jobs
      .filter((job) => job?.data)
      .map(({ data }) => ({
        deliveryId: data.deliveryId,
        subscriber: data.subscriber,
        attempts: data.attempts,
        error: data.error,
        failedAt: data.failedAt,
      }))
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt));
  }

  /** Jobs by state, for metrics and readiness: waiting, active, delayed, completed, failed, dead-lettered. */
  async counts(): Promise<Record<string, number>> {
    const [byState, deadLettered] = await Promise.all([
      this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
      this.deadLetterQueue.getJobCountByTypes('waiting'),
    ]);
    return { ...byState, 'dead-lettered': deadLettered };
  }

  /** One attempt, in its own span inside the trace of the event that caused the delivery. */
  private async process(job: Job<DeliveryJob, DeliveryOutcome>): Promise<DeliveryOutcome> {
    const { traceContext, ...delivery } = job.data;
    const attempt = job.attemptsMade + 1;
    const parent = traceContext ? propagation.extract(ROOT_CONTEXT, traceContext) : ROOT_CONTEXT;
    return tracer.startActiveSpan(
      'webhook deliver',
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'docscreen.webhook.delivery_id': delivery.deliveryId,
          'docscreen.webhook.subscriber': delivery.subscriber,
          'docscreen.webhook.event_type': delivery.eventType,
          'docscreen.webhook.attempt': attempt,
        },
      },
      parent,
      async (span) => {
        try {
          return await this.attemptOrFail(job, delivery, attempt);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  private async attemptOrFail(
    job: Job<DeliveryJob, DeliveryOutcome>,
    delivery: WebhookDelivery,
    attempt: number,
  ): Promise<DeliveryOutcome> {
    const context = {
      deliveryId: delivery.deliveryId,
      subscriber: delivery.subscriber,
      eventType: delivery.eventType,
      attempt,
    };
    try {
      return await this.attempt(delivery, attempt, context);
    } catch (error) {
      // An unknown subscriber will not become known by waiting, nor a refused target acceptable: no retry.
      const permanent = error instanceof UnknownSubscriberError || error instanceof RefusedTargetError;
      const message = errorMessage(error);
      const willRetry = !permanent && attempt < (job.opts.attempts ?? 1);
      this.logger.warn({ ...context, error: message, willRetry }, 'webhook attempt failed');
      await this.runHook('onAttemptFailed', context, () =>
        this.options.onAttemptFailed?.({
          deliveryId: delivery.deliveryId,
          subscriber: delivery.subscriber,
          attempt,
          error: message,
          willRetry,
        }),
      );
      // The copy is made before the job fails, so a crash in between repeats the copy, never skips it.
      if (!willRetry) await this.deadLetter(delivery, attempt, message);
      if (permanent) throw new UnrecoverableError(message);
      throw error instanceof Error ? error : new DeliveryAttemptError(message);
    }
  }

  private async attempt(
    delivery: WebhookDelivery,
    attempt: number,
    context: Record<string, unknown>,
  ): Promise<DeliveryOutcome> {
    // A previous worker got a 2xx and recorded it but died before BullMQ marked the job complete.
    if (await this.options.isDelivered?.(delivery.deliveryId)) {
      this.logger.info(context, 'webhook already delivered; not sent again');
      return { outcome: 'already-delivered' };
    }
    const endpoint = await this.options.resolveEndpoint(delivery.subscriber);
    if (!endpoint) throw new UnknownSubscriberError();
    const status = await postWebhook(endpoint, delivery, {
      timeoutMs: this.options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      allowPrivateTargets: this.options.allowPrivateTargets ?? false,
      agents: this.agents,
      ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
    });
    await this.options.onDelivered?.({
      deliveryId: delivery.deliveryId,
      subscriber: delivery.subscriber,
      attempts: attempt,
      status,
    });
    this.logger.info({ ...context, status }, 'webhook delivered');
    return { outcome: 'delivered', status };
  }

  private async deadLetter(delivery: WebhookDelivery, attempts: number, error: string): Promise<void> {
    const failedAt = new Date().toISOString();
    // One dead letter per delivery id: a repeated copy (after a crash) does not add a second one.
    await this.deadLetterQueue.add(
      DEAD_LETTER_JOB,
      { ...jobData(delivery), attempts, error, failedAt },
      { jobId: delivery.deliveryId },
    );
    const context = {
      deliveryId: delivery.deliveryId,
      subscriber: delivery.subscriber,
      eventType: delivery.eventType,
    };
    this.logger.error({ ...context, attempts, error }, 'webhook dead-lettered');
    await this.runHook('onDeadLettered', context, () =>
      this.options.onDeadLettered?.({
        deliveryId: delivery.deliveryId,
        subscriber: delivery.subscriber,
        attempts,
        error,
      }),
    );
  }

  /** A failing observer hook is logged; it must not turn into a different outcome of the delivery. */
  private async runHook(name: string, context: object, hook: () => Promise<void> | undefined): Promise<void> {
    try {
      await hook();
    } catch (error) {
      this.logger.error({ ...context, hook: name, error: errorMessage(error) }, 'webhook hook failed');
    }
  }

  private async shutDown(): Promise<void> {
    await this.worker?.close();
    await Promise.all([this.queue.close(), this.deadLetterQueue.close()]);
    this.agents.http.destroy();
    this.agents.https.destroy();
    if (this.ownsConnection) await this.connection.quit().catch(() => this.connection.disconnect());
  }
}

class UnknownSubscriberError extends Error {
  constructor() {
    super('unknown subscriber');
  }
}

// By shape, not instanceof: a service may resolve its own copy of ioredis.
function isRedisClient(connection: Redis | { url: string }): connection is Redis {
  return typeof (connection as Partial<Redis>).duplicate === 'function';
}

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Only the known fields go to Redis; a caller's extra properties stay in the caller. */
/** The trace context in force where a delivery is enqueued (none outside a trace). */
function activeTraceContext(): { traceContext?: Record<string, string> } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? { traceContext: carrier } : {};
}

function jobData(delivery: WebhookDelivery): WebhookDelivery {
  const { deliveryId, subscriber, eventType, body, contentType } = delivery;
  return contentType === undefined
    ? { deliveryId, subscriber, eventType, body }
    : { deliveryId, subscriber, eventType, body, contentType };
}

function assertDelivery(delivery: WebhookDelivery): void {
  const id = delivery.deliveryId;
  // BullMQ's own rules for custom job ids, checked here so a bad batch fails before anything is stored.
  if (typeof id !== 'string' || id === '' || id.includes(':') || `${parseInt(id, 10)}` === id)
    throw new TypeError(
      `deliveryId must be a non-empty string, not an integer, without ':' (got ${JSON.stringify(id)})`,
    );
  if (!delivery.subscriber) throw new TypeError(`delivery ${id} has no subscriber`);
  if (!delivery.eventType) throw new TypeError(`delivery ${id} has no eventType`);
  if (typeof delivery.body !== 'string') throw new TypeError(`delivery ${id} has no string body`);
}

function validateOptions(options: WebhookDispatcherOptions): void {
  if (!options.queueName || options.queueName.includes(':'))
    throw new TypeError('queueName must be a non-empty string without ":"');
  const positiveIntegers = {
    attempts: options.attempts,
    requestTimeoutMs: options.requestTimeoutMs,
    concurrency: options.concurrency,
    lockDuration: options.lockDuration,
    stalledInterval: options.stalledInterval,
    'backoff.baseMs': options.backoff?.baseMs,
    'backoff.maxMs': options.backoff?.maxMs,
  };
  for (const [name, value] of Object.entries(positiveIntegers))
    if (value !== undefined && (!Number.isInteger(value) || value < 1))
      throw new RangeError(`${name} must be a positive integer (got ${value})`);
  if (
    options.maxStalledCount !== undefined &&
    (!Number.isInteger(options.maxStalledCount) || options.maxStalledCount < 0)
  )
    throw new RangeError(`maxStalledCount must be a non-negative integer (got ${options.maxStalledCount})`);
}
