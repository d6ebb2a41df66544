import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The summary line (`N passed, N failed`) is what CI reads.
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/lib/**/*.test.ts',
            'tests/data/**/*.test.ts',
            'tests/loaders/**/*.test.ts',
            'tests/integrations/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
          ],
          testTimeout: 30_000,
          // Type tests (*.test-d.ts) are not run but compiled, and fail on a
          // type error; the tsconfig limits the compiler to them and their imports.
          typecheck: {
            enabled: true,
            include: ['tests/**/*.test-d.ts'],
            tsconfig: 'tests/tsconfig.type-tests.json',
          },
        },
      },
      {
        // Tests that read the built fixture site: it is built once, before them.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
