#!/usr/bin/env node
// Committed entry point, so npm links the `docscreen` bin at install time, before anything is built.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('docscreen is not built yet: run `npm run build` (or `npx nx build cli`) first.');
  process.exit(2);
}
await import(main.href);
