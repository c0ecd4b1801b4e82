// Shared Jest setup: native ESM (NestJS 12 ships ESM only), TypeScript through SWC with the legacy
// decorators and metadata that Nest's dependency injection reads. Workspace libraries resolve through
// their package exports to their built `dist/` (Nx runs `^build` first), so a test sees what a
// service sees at run time.
import { mkdirSync } from 'node:fs';

// Every run writes its JSON results here (see nx.json); infra/scripts/summarise-tests.mjs adds them up.
mkdirSync(new URL('./.run/test-results/', import.meta.url), { recursive: true });

export function jestConfig(projectDir, overrides = {}) {
  return {
    rootDir: projectDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
    // Integration tests join consumer groups and wait for real rebalances; unit tests finish in ms anyway.
    testTimeout: 60_000,
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    // Service processes a test leaves running are killed at the end of the run (libs/testing).
    globalSetup: new URL('./infra/jest/global-setup.js', import.meta.url).pathname,
    globalTeardown: new URL('./infra/jest/global-teardown.js', import.meta.url).pathname,
    ...overrides,
  };
}
