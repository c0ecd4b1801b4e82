import { z } from 'zod';

/** Thrown at boot when the environment does not satisfy a service's schema; lists every problem at once. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly issues: readonly string[],
  ) {
    super(`${service}: invalid configuration\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads a service's environment through its zod schema once, at boot. Services call this in exactly one
 * place (their config module), so `process.env` is read nowhere else and a bad variable stops the
 * process before it touches Kafka or the database.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Environment,
): Readonly<z.output<S>> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return Object.freeze(result.data);
}

/**
 * The environment variables a schema cannot do without (no default, not optional): what a deployment
 * (docker-compose, Kubernetes) must provide. Works for the flat `z.object` env schemas this project uses.
 */
export function requiredVariables(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name)
    .sort();
}
