import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Site and browser tests build the site once per fixture tree; give them room.
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
