import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // The summary line (`N passed, N failed`) is what CI reads.
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // Site and browser tests build the site once per fixture tree; give them room.
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
