import { defineConfig } from 'vitest/config';

/**
 * Browser journeys in Chromium (playwright-core) against the real server started in-process.
 * Two files at a time, one per core: each file has its own server (on a free port, with its own database) and
 * its own browser, and a page spends much of its time waiting on the other process.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    pool: 'forks',
    // Prepared databases, the demo seed among them: test/support/database-templates.ts.
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
