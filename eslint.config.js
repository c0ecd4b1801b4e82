import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// What a domain library may never import: it stays pure TypeScript, testable in milliseconds.
const INFRASTRUCTURE = [
  '@nestjs/*',
  'kafkajs',
  '@prisma/*',
  'ioredis',
  'bullmq',
  'pg',
  'express',
  '@opentelemetry/*',
];

// Who may depend on whom. Tests (and only tests) may also use the shared test infrastructure.
function depConstraints(inTests) {
  const testing = inTests ? ['type:testing'] : [];
  return [
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', ...testing],
      bannedExternalImports: INFRASTRUCTURE,
    },
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: ['type:contracts', ...testing],
      bannedExternalImports: inTests ? [] : INFRASTRUCTURE,
    },
    {
      sourceTag: 'type:util',
      onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain', ...testing],
    },
    {
      sourceTag: 'type:data-access',
      onlyDependOnLibsWithTags: [
        'type:data-access',
        'type:util',
        'type:contracts',
        'type:domain',
        ...testing,
      ],
    },
    {
      // The platform validates every request with the domain's own reading of its values (dates, text).
      sourceTag: 'type:platform',
      onlyDependOnLibsWithTags: [
        'type:platform',
        'type:data-access',
        'type:util',
        'type:contracts',
        'type:domain',
        ...testing,
      ],
    },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: [
        'type:testing',
        'type:data-access',
        'type:util',
        'type:contracts',
        'type:domain',
      ],
    },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: [
        'type:platform',
        'type:data-access',
        'type:util',
        'type:contracts',
        'type:domain',
        ...testing,
      ],
    },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    {
      sourceTag: 'scope:carrier-gateway',
      onlyDependOnLibsWithTags: ['scope:shared', 'scope:carrier-gateway'],
    },
    { sourceTag: 'scope:screening', onlyDependOnLibsWithTags: ['scope:shared', 'scope:screening'] },
    { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cli'] },
  ];
}

const boundaries = (inTests) => [
  'error',
  { enforceBuildableLibDependency: true, allow: [], depConstraints: depConstraints(inTests) },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/src/gen',
      '**/src/generated',
      '.nx',
      '.run',
      'infra/kafka/target',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error'] }],
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    // Tests may print, assert non-null, and use the shared test infrastructure.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'tests/**/*.ts', 'services/*/test/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': boundaries(true),
      // A focused, skipped or todo test makes the suite lie about what ran (summarise-tests fails the
      // run on skipped ones too). eslint-plugin-jest is not installed; these selectors are its
      // no-focused-tests and no-disabled-tests for the forms this repository could write.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(describe|it|test)$/][property.name=/^(only|skip|todo)$/]',
          message: 'No focused, skipped or todo tests: every test runs, or it is deleted.',
        },
        {
          selector:
            'MemberExpression[object.object.name=/^(describe|it|test)$/][object.property.name=/^concurrent$/][property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests: every test runs, or it is deleted.',
        },
        {
          selector: 'CallExpression[callee.name=/^(fit|fdescribe|ftest|xit|xdescribe|xtest)$/]',
          message: 'No focused or disabled tests: every test runs, or it is deleted.',
        },
      ],
    },
  },
  {
    // The CLI's output is its user interface.
    files: ['libs/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
