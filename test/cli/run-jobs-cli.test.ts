import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-process.js';
import { temporaryDirectory } from '../support/database.js';

/** `run-jobs` from the real command line, over the demo loaded into a new data folder. */

describe('run-jobs from the command line', () => {
  const folder = temporaryDirectory('cg-run-jobs-cli-');
  beforeAll(async () => {
    const seeded = await cli(['seed-demo'], folder.path);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 60_000);
  afterAll(() => folder.remove());

  it('sends the reminders that are due and prints how many of each kind', async () => {
    const result = await cli(['run-jobs'], folder.path);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Sent 15 reminder email(s):');
    expect(result.stdout).toContain('  Rounds now open (to members who can answer them): 3');
    expect(result.stdout).toContain('  Rounds closing soon (to invitees who have not answered): 3');
    expect(result.stdout).toContain('  Actions due or overdue: 5');
    expect(result.stdout).toContain('  Directory records to check (monthly digests): 3');
    expect(result.stdout).toContain('  Funding deadlines: 1');
    expect(result.stdout).toContain('Retention applied in');
    expect(result.stdout).toContain(
      'Neither SMTP nor GOV.UK Notify is configured: the emails wait in the outbox.',
    );
  }, 30_000);

  it('sends nothing the second time, and says so as JSON', async () => {
    const text = await cli(['run-jobs'], folder.path);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Sent no reminders: none were due.');
    const json = await cli(['run-jobs', '--json'], folder.path);
    expect(json.code, json.stderr).toBe(0);
    // The demo applied Northmoor's retention setting when it was seeded, so the job finds nothing more to delete.
    expect(JSON.parse(json.stdout)).toMatchObject({
      reminders: {
        'round-open': 0,
        'round-closing': 0,
        'action-due': 0,
        'stale-records': 0,
        'funding-deadline': 0,
      },
      retention: { rounds: 0, responses: 0, invitationEmails: 0 },
    });
  }, 30_000);

  it('explains itself with --help', async () => {
    const result = await cli(['run-jobs', '--help'], folder.path);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('common-ground run-jobs [--json]');
    expect(result.stderr).toContain('JOBS_INTERVAL_MINUTES');
  });
});
