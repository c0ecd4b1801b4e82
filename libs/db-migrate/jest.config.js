import { jestConfig } from '../../jest.preset.js';

// Jest's default testMatch does not see `*.int-spec.ts`; the targets' --testPathPatterns pick the kind.
export default jestConfig(import.meta.dirname, { testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'] });
