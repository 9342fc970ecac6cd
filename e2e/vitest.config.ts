import { defineConfig } from 'vitest/config';

/**
 * Browser journeys in Chromium (playwright-core) against the real server started in-process.
 * One file at a time in one fork: each file shares a browser and a server, and 2 cores are plenty.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    pool: 'forks',
    // Prepared databases, the demo seed among them: test/support/database-templates.ts.
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
