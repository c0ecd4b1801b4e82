import type { Kafka, Admin } from 'kafkajs';
import { kafkaSetupProblem } from '../kafka/kafka.module.js';

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

/**
 * Asks the cluster for its brokers with one long-lived admin connection; not ready either while the
 * service's topics and producer are still being set up (KafkaModule).
 */
export function kafkaProbe(kafka: Kafka): HealthProbe {
  let admin: Admin | undefined;
  return {
    name: 'kafka',
    check: async () => {
      const problem = kafkaSetupProblem(kafka);
      if (problem) throw new Error(problem);
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

/**
 * Ready only while the service's consumer is a member of its group and not dead-lettering every
 * event it handles (see EventConsumer.problem).
 */
export function consumerProbe(consumer: { problem(): string | undefined }): HealthProbe {
  return {
    name: 'consumer',
    check: async () => {
      const problem = consumer.problem();
      if (problem) throw new Error(problem);
    },
  };
}
