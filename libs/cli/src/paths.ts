import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (this file runs from libs/cli/dist/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runtime state of the local stack: pids, logs, Kafka data. Git-ignored. */
export const RUN_DIR = process.env['DOCSCREEN_RUN_DIR'] ?? path.join(REPO_ROOT, '.run');

export const fromRoot = (...segments: string[]): string => path.join(REPO_ROOT, ...segments);
