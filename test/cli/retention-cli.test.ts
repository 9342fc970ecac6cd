import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-process.js';
import { temporaryDirectory } from '../support/database.js';

/** `apply-retention` from the real command line, over the demo loaded into a new data folder. */

describe('apply-retention from the command line', () => {
  const folder = temporaryDirectory('cg-retention-cli-');
  beforeAll(async () => {
    const seeded = await cli(['seed-demo'], folder.path);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 60_000);
  afterAll(() => folder.remove());

  it('deletes what is due, prints counts, and deletes nothing more when run again', async () => {
    // The demo applied Northmoor's one-year setting when it was loaded: nothing more is due today.
    const today = await cli(['apply-retention', '--json'], folder.path);
    expect(today.code, today.stderr).toBe(0);
    expect(JSON.parse(today.stdout)).toMatchObject({ rounds: 0, responses: 0 });

    // Years later, every Northmoor round closed more than a year before.
    const later = await cli(['apply-retention', '--date', '2031-01-01'], folder.path);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stderr).toMatch(
      /Retention applied in 1 partnership: deleted [1-9]\d* individual responses from 2 rounds/,
    );

    const again = await cli(['apply-retention', '--date', '2031-01-01', '--json'], folder.path);
    expect(JSON.parse(again.stdout)).toEqual({
      partnerships: 0,
      rounds: 0,
      responses: 0,
      invitationEmails: 0,
      emails: 0,
      invitations: 0,
    });
  }, 60_000);

  it('refuses a date it cannot read, plainly', async () => {
    const result = await cli(['apply-retention', '--date', '31/12/2030'], folder.path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--date must be a day written like 2027-03-31');
  }, 30_000);
});
