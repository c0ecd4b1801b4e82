import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from '../paths.js';

/** A secret of the local stack: `env` when set, else generated once into .run/<file> (mode 0600). */
function localSecret(
  file: string,
  env: string,
  generate: () => string = () => randomBytes(24).toString('base64url'),
): string {
  const fromEnv = process.env[env];
  if (fromEnv) return fromEnv;
  const secretFile = path.join(RUN_DIR, file);
  if (existsSync(secretFile)) return readFileSync(secretFile, 'utf8').trim();
  mkdirSync(RUN_DIR, { recursive: true });
  const token = generate();
  writeFileSync(secretFile, token, { mode: 0o600 });
  return token;
}

/**
 * The operator token of the local stack: generated once into .run/admin-token, given to the services
 * as ADMIN_TOKEN and read back by `docscreen carriers` and friends. `DOCSCREEN_ADMIN_TOKEN` overrides it.
 */
export function localAdminToken(): string {
  return localSecret('admin-token', 'DOCSCREEN_ADMIN_TOKEN');
}

/**
 * The token the gateway presents to screening's interactive API (screening's INTERACTIVE_TOKEN, the
 * gateway's SCREENING_TOKEN): .run/interactive-token, or `DOCSCREEN_INTERACTIVE_TOKEN`.
 */
export function localInteractiveToken(): string {
  return localSecret('interactive-token', 'DOCSCREEN_INTERACTIVE_TOKEN');
}

/**
 * The key ring that seals the local stack's webhook secrets at rest (the services' SECRETS_KEYS):
 * generated once into .run/secrets-keys as `local-<date>:<32 random bytes, base64>`, or
 * `DOCSCREEN_SECRETS_KEYS`. To rotate, put a new `<id>:<key>` first in that file and keep the old one.
 */
export function localSecretsKeys(): string {
  return localSecret(
    'secrets-keys',
    'DOCSCREEN_SECRETS_KEYS',
    () =>
      `local-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}:${randomBytes(32).toString('base64')}`,
  );
}
