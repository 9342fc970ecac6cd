import { describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/database.js';

describe('databaseTargets', () => {
  it('runs on SQLite only when no PostgreSQL server is given outside CI', () => {
    expect(databaseTargets({}).map((t) => t.name)).toEqual(['sqlite']);
    expect(databaseTargets({ CI: 'false', TEST_DATABASE_URL: ' ' }).map((t) => t.name)).toEqual(['sqlite']);
  });

  it('adds PostgreSQL when TEST_DATABASE_URL is set', () => {
    const targets = databaseTargets({
      TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
      CI: 'true',
    });
    expect(targets.map((t) => t.name)).toEqual(['sqlite', 'postgres']);
  });

  it('fails loudly in CI when TEST_DATABASE_URL is missing, instead of skipping PostgreSQL', () => {
    expect(() => databaseTargets({ CI: 'true' })).toThrow(/TEST_DATABASE_URL is not set/);
    expect(() => databaseTargets({ CI: 'true', TEST_DATABASE_URL: '' })).toThrow(
      /PostgreSQL tests must run in CI/,
    );
  });
});
