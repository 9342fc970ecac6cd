import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

function problemsOf(environment: Record<string, string | undefined>): readonly string[] {
  try {
    parseConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('parseConfig accepted the environment');
}

describe('parseConfig', () => {
  it('lists every problem at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db.example.org/common_ground',
      SESSION_IDLE_MINUTES: '0',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a port number from 0 to 65535',
        expect.stringMatching(/^DATABASE_URL must start with postgres:\/\//),
        expect.stringMatching(/^SESSION_IDLE_MINUTES must be more than 0/),
        expect.stringMatching(/^BASE_URL is required when NODE_ENV=production/),
        expect.stringMatching(/^SESSION_SECRET is required when NODE_ENV=production/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('names each problem in the error message', () => {
    const thrown = (() => {
      try {
        parseConfig({ PORT: '70000', SMTP_USER: 'mailer', LOG_LEVEL: 'loud' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as ConfigError).message;
    expect(message).toContain('3 problem(s)');
    expect(message).toContain('PORT must be a port number from 0 to 65535');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('SMTP_PASSWORD is required when SMTP_USER is set');
  });

  it('has working defaults for a developer’s machine', () => {
    const config = parseConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('./data', 'common-ground.sqlite') });
    expect(config.demo).toBe(true);
    expect(config.session).toEqual({ idleMinutes: 60, absoluteHours: 12 });
    expect(config.signInLimits).toEqual({ failuresPerAccount: 10, failuresPerAddress: 100 });
    expect(config.trustProxy).toBe(false);
    expect(config.secureCookies).toBe(false);
    expect(config.smtp).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it('loads the demo on SQLite, not on PostgreSQL unless DEMO=true, and never in production', () => {
    const postgres = 'postgres://user:secret@localhost:5432/common_ground';
    expect(parseConfig({ DATABASE_URL: postgres }).demo).toBe(false);
    expect(parseConfig({ DATABASE_URL: postgres }).database).toEqual({ kind: 'postgres', url: postgres });
    expect(parseConfig({ DATABASE_URL: postgres, DEMO: 'true' }).demo).toBe(true);
    expect(parseConfig({ DEMO: 'false' }).demo).toBe(false);
    const production = {
      NODE_ENV: 'production',
      BASE_URL: 'https://common-ground.example.org/',
      SESSION_SECRET: 'x'.repeat(32),
    };
    expect(parseConfig(production).demo).toBe(false);
    expect(parseConfig({ ...production, DEMO: 'true' }).demo).toBe(false);
  });

  it('marks cookies Secure and trims the base address when it is https', () => {
    const config = parseConfig({ BASE_URL: 'https://common-ground.example.org/' });
    expect(config.baseUrl).toBe('https://common-ground.example.org');
    expect(config.secureCookies).toBe(true);
  });

  it('reads SMTP settings only when SMTP_HOST is set', () => {
    const config = parseConfig({ SMTP_HOST: 'smtp.example.org', SMTP_IGNORE_TLS: 'yes' });
    expect(config.smtp).toEqual({
      host: 'smtp.example.org',
      port: 587,
      secure: false,
      ignoreTls: true,
      user: undefined,
      password: undefined,
    });
    expect(problemsOf({ SMTP_SECURE: 'maybe' })).toEqual(['SMTP_SECURE must be true or false']);
  });

  it.each([
    [undefined, 60],
    ['0', 0],
    ['15', 15],
  ])('runs the jobs every JOBS_INTERVAL_MINUTES=%s minutes: %i', (value, minutes) => {
    expect(parseConfig({ JOBS_INTERVAL_MINUTES: value }).jobsIntervalMinutes).toBe(minutes);
  });

  it.each(['-1', 'hourly', '1.5'])('refuses JOBS_INTERVAL_MINUTES=%s', (value) => {
    expect(problemsOf({ JOBS_INTERVAL_MINUTES: value })).toEqual([
      'JOBS_INTERVAL_MINUTES must be a whole number of minutes (0 turns the schedule off)',
    ]);
  });

  it.each([
    [undefined, false],
    ['off', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    [' 2 ', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.1', ['10.0.0.0/8', '192.168.1.1']],
    ['2001:db8::/32,::1', ['2001:db8::/32', '::1']],
    ['loopback,10.1.2.3', ['loopback', '10.1.2.3']],
  ])('reads TRUST_PROXY=%s as %j', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    'true',
    'yes',
    'everything',
    '10.0.0.0/33',
    '10.0.0.1,',
    '300.1.1.1',
    '::1/129',
    '10.0.0.0/8/1',
    '-1',
  ])('refuses TRUST_PROXY=%s, which would trust any client or is not an address', (value) => {
    expect(problemsOf({ TRUST_PROXY: value })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must be off, the number of proxies in front of the service/),
    ]);
  });

  it.each([
    [{}, { failuresPerAccount: 10, failuresPerAddress: 100 }],
    [
      { SIGN_IN_FAILURES_PER_ACCOUNT: '5', SIGN_IN_FAILURES_PER_ADDRESS: '50' },
      { failuresPerAccount: 5, failuresPerAddress: 50 },
    ],
    [{ SIGN_IN_ATTEMPTS_PER_15_MINUTES: '3' }, { failuresPerAccount: 3, failuresPerAddress: 100 }],
    [
      { SIGN_IN_ATTEMPTS_PER_15_MINUTES: '3', SIGN_IN_FAILURES_PER_ACCOUNT: '7' },
      { failuresPerAccount: 7, failuresPerAddress: 100 },
    ],
  ])('reads the sign-in limits from %j', (environment, expected) => {
    expect(parseConfig(environment).signInLimits).toEqual(expected);
  });

  it('refuses a sign-in limit that is not a whole number above 0', () => {
    expect(problemsOf({ SIGN_IN_FAILURES_PER_ACCOUNT: '0', SIGN_IN_FAILURES_PER_ADDRESS: 'lots' })).toEqual([
      'SIGN_IN_FAILURES_PER_ACCOUNT must be more than 0',
      'SIGN_IN_FAILURES_PER_ADDRESS must be a whole number',
    ]);
  });

  it('reads the upload and import limits, with defaults', () => {
    expect(parseConfig({})).toMatchObject({
      uploads: { maxBytes: 200 * 1024 * 1024, retentionHours: 24, maxWaiting: 20 },
      importLimits: { maxRows: 200_000, maxColumns: 200, maxUnpackedBytes: 100 * 1024 * 1024 },
    });
    const set = parseConfig({
      UPLOAD_MAX_MB: '5',
      UPLOAD_RETENTION_HOURS: '2',
      UPLOAD_MAX_WAITING: '3',
      IMPORT_MAX_ROWS: '1000',
      IMPORT_MAX_COLUMNS: '50',
      IMPORT_MAX_UNPACKED_MB: '10',
    });
    expect(set.uploads).toEqual({ maxBytes: 5 * 1024 * 1024, retentionHours: 2, maxWaiting: 3 });
    expect(set.importLimits).toEqual({ maxRows: 1000, maxColumns: 50, maxUnpackedBytes: 10 * 1024 * 1024 });
    expect(problemsOf({ IMPORT_MAX_ROWS: '0', UPLOAD_MAX_MB: 'big' })).toEqual([
      'UPLOAD_MAX_MB must be a whole number',
      'IMPORT_MAX_ROWS must be more than 0',
    ]);
  });
});
