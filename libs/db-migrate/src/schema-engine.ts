import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const GLUE = '@prisma/schema-engine-wasm/schema_engine_bg';
let loaded: Promise<typeof SchemaEngine> | undefined;

/** The slice of the WebAssembly global used here (the project's `lib` has no DOM/Wasm typings). */
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

/**
 * Prisma's schema engine compiled to WebAssembly (`@prisma/schema-engine-wasm`), instantiated by
 * hand rather than through its `import … from "./schema_engine_bg.wasm"` entry: that needs Node's
 * experimental Wasm-module imports and does not load under Jest. One instance per process.
 */
export function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  loaded ??= instantiate();
  return loaded;
}

async function instantiate(): Promise<typeof SchemaEngine> {
  const gluePath = createRequire(import.meta.url).resolve(GLUE);
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': { ...glue } });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports['__wbindgen_start'];
  if (typeof start === 'function') start();
  return glue.SchemaEngine;
}
