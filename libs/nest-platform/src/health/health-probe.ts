import type { Kafka, Admin } from 'kafkajs';

/**
 * One dependency a service needs to do its work. `check` resolves with details when the dependency
 * answers and throws (with a message an operator can act on) when it does not.
 */
export interface HealthProbe {
  readonly name: string;
  check(): Promise<Record<string, unknown> | void>;
  close?(): Promise<void>;
}

export function postgresProbe(ping: () => Promise<unknown>): HealthProbe {
  return { name: 'postgres', check: async () => void (await ping()) };
}

export interface RedisPing {
  ping(): Promise<string>;
}

export function redisProbe(redis: RedisPing): HealthProbe {
  return {
    name: 'redis',
    check: async () => {
      const answer = await redis.ping();
      if (answer !== 'PONG') throw new Error(`unexpected PING answer ${answer}`);
    },
  };
}

/** Asks the cluster for its brokers with one long-lived admin connection. */
export function kafkaProbe(kafka: Kafka): HealthProbe {
  let admin: Admin | undefined;
  return {
    name: 'kafka',
    check: async () => {
      if (!admin) {
        const candidate = kafka.admin();
        await candidate.connect();
        admin = candidate;
      }
      try {
        const cluster = await admin.describeCluster();
        return { brokers: cluster.brokers.length, controller: cluster.controller };
      } catch (error) {
        const stale = admin;
        admin = undefined;
        await stale.disconnect().catch(() => undefined);
        throw error;
      }
    },
    close: async () => {
      await admin?.disconnect();
      admin = undefined;
    },
  };
}

/** Ready only while the service's consumer is a running member of its group. */
export function consumerProbe(isRunning: () => boolean): HealthProbe {
  return {
    name: 'consumer',
    check: async () => {
      if (!isRunning()) throw new Error('the event consumer is not running');
    },
  };
}
