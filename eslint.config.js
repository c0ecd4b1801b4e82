import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// What a domain library may never import: it stays pure TypeScript, testable in milliseconds.
const INFRASTRUCTURE = ['@nestjs/*', 'kafkajs', '@prisma/*', 'ioredis', 'bullmq', 'pg', 'express', '@opentelemetry/*'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/src/gen', '**/src/generated', '.nx', '.run', 'infra/kafka/target'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error'] }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: INFRASTRUCTURE },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: INFRASTRUCTURE },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:data-access', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:util', 'type:contracts', 'type:domain', 'type:testing'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:carrier-gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:carrier-gateway'] },
            { sourceTag: 'scope:screening', onlyDependOnLibsWithTags: ['scope:shared', 'scope:screening'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cli'] },
          ],
        },
      ],
    },
  },
  {
    // Tests and scripts may print; services and libraries use the structured logger.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/cli/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
