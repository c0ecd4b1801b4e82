import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from '../paths.js';

const TOKEN_FILE = path.join(RUN_DIR, 'admin-token');

/**
 * The operator token of the local stack: generated once into .run/admin-token (mode 0600), given to
 * the gateway as ADMIN_TOKEN and read back by `docscreen carriers`. `DOCSCREEN_ADMIN_TOKEN` overrides it.
 */
export function localAdminToken(): string {
  const fromEnv = process.env['DOCSCREEN_ADMIN_TOKEN'];
  if (fromEnv) return fromEnv;
  if (existsSync(TOKEN_FILE)) return readFileSync(TOKEN_FILE, 'utf8').trim();
  mkdirSync(RUN_DIR, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(TOKEN_FILE, token, { mode: 0o600 });
  return token;
}
