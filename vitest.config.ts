import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Files share their worker's loaded modules instead of loading the app afresh each (minutes on 2 cores); every
    // file still gets its own databases and app, and tests must not leave global state behind.
    isolate: false,
    // Two workers on two cores: vitest's default (cores minus one) leaves one idle, and much of a test's time
    // is spent waiting on a database, a worker thread or a child process.
    maxWorkers: 2,
    // A current compiled build for the tests that start the real entry, and prepared databases shared by the
    // workers (test/support/database-templates.ts).
    globalSetup: ['test/support/compiled-build.ts', 'test/support/global-setup.ts'],
  },
});
