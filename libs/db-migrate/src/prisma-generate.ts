import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The stand-in committed beside this library: exits 1 with a pointer to ADR 0003. */
export const SCHEMA_ENGINE_STAND_IN = fileURLToPath(
  new URL('../bin/schema-engine-unavailable.sh', import.meta.url),
);

export interface PrismaGenerateOptions {
  /** The service's `prisma/prisma.config.ts` (it names the schema). */
  configPath?: string;
  cwd?: string;
}

/** Runs `prisma generate` for one schema with the stand-in engine; resolves with the CLI's output. */
export async function prismaGenerate(
  schemaPath: string,
  options: PrismaGenerateOptions = {},
): Promise<string> {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const args = [cli, 'generate', '--schema', schemaPath];
  if (options.configPath) args.push('--config', options.configPath);
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
    cwd: options.cwd,
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_ENGINE_STAND_IN,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  return `${stdout}${stderr}`;
}
