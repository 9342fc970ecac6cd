import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';
import { notifyProductionUrl, notifyTemplateSetting } from './config-notify.js';
import { emailKinds } from './domain/shared/email-kinds.js';

const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506';
const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const apiKey = `common_ground_live-${serviceId}-${secret}`;
const templateA = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
const templateB = '0b6b5f27-4c88-4b2c-9f9c-6e2b3a1f8d10';

function problemsOf(environment: Record<string, string | undefined>): readonly string[] {
  try {
    parseConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('parseConfig accepted the environment');
}

describe('the GOV.UK Notify settings', () => {
  it('are off without NOTIFY_API_KEY', () => {
    expect(parseConfig({}).notify).toBeUndefined();
  });

  it.each([
    ['reminder-round-closing', 'NOTIFY_TEMPLATE_REMINDER_ROUND_CLOSING'],
    ['password-reset', 'NOTIFY_TEMPLATE_PASSWORD_RESET'],
    ['invitation', 'NOTIFY_TEMPLATE_INVITATION'],
  ])('name the template of %s emails %s', (kind, setting) => {
    expect(notifyTemplateSetting(kind)).toBe(setting);
  });

  it('give each kind of email its own template, or the default one', () => {
    const config = parseConfig({
      NOTIFY_API_KEY: apiKey,
      NOTIFY_TEMPLATE_DEFAULT: templateA,
      NOTIFY_TEMPLATE_REMINDER_ROUND_CLOSING: templateB,
    });
    expect(config.notify?.apiKey).toBe(apiKey);
    expect(config.notify?.baseUrl).toBe(notifyProductionUrl);
    expect(config.notify?.otherTemplate).toBe(templateA);
    for (const kind of emailKinds) {
      expect(config.notify?.templates[kind]).toBe(kind === 'reminder-round-closing' ? templateB : templateA);
    }
  });

  it('accept a template for every kind without a default', () => {
    const every = Object.fromEntries(emailKinds.map((kind) => [notifyTemplateSetting(kind), templateB]));
    const config = parseConfig({ NOTIFY_API_KEY: apiKey, ...every });
    expect(config.notify?.otherTemplate).toBeUndefined();
    expect(Object.values(config.notify?.templates ?? {})).toHaveLength(emailKinds.length);
  });

  it.each([
    ['https://api.notifications.service.gov.uk/', 'https://api.notifications.service.gov.uk'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
  ])('take NOTIFY_BASE_URL=%s', (value, expected) => {
    const config = parseConfig({
      NOTIFY_API_KEY: apiKey,
      NOTIFY_TEMPLATE_DEFAULT: templateA,
      NOTIFY_BASE_URL: value,
    });
    expect(config.notify?.baseUrl).toBe(expected);
  });

  it.each([
    [
      { NOTIFY_API_KEY: apiKey },
      [
        expect.stringMatching(
          /^GOV\.UK Notify needs a template for every kind of email: set NOTIFY_TEMPLATE_INVITATION, .*NOTIFY_TEMPLATE_REMINDER_FUNDING_DEADLINE, or NOTIFY_TEMPLATE_DEFAULT for all of them$/,
        ),
      ],
    ],
    [
      { NOTIFY_API_KEY: 'just-the-secret', NOTIFY_TEMPLATE_DEFAULT: templateA },
      [
        'NOTIFY_API_KEY must be a whole API key from GOV.UK Notify: its name, then the service ID and the secret key',
      ],
    ],
    [
      { NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_DEFAULT: 'welcome-email' },
      ['NOTIFY_TEMPLATE_DEFAULT must be a template ID copied from GOV.UK Notify (36 characters)'],
    ],
    [
      {
        NOTIFY_API_KEY: apiKey,
        NOTIFY_TEMPLATE_DEFAULT: templateA,
        NOTIFY_BASE_URL: 'http://notify.example.org',
      },
      ['NOTIFY_BASE_URL must start with https:// (plain http:// only for a test server on this machine)'],
    ],
    [
      { NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_DEFAULT: templateA, NOTIFY_TEMPLATE_WELCOME: templateB },
      ['NOTIFY_TEMPLATE_WELCOME is not a kind of email; the kinds are listed in docs/email.md'],
    ],
    [{ NOTIFY_TEMPLATE_DEFAULT: templateA }, ['NOTIFY_API_KEY is required when NOTIFY_TEMPLATE_… is set']],
    [
      { NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_DEFAULT: templateA, SMTP_HOST: 'smtp.example.org' },
      ['Set SMTP_HOST or NOTIFY_API_KEY, not both: email goes through one of them'],
    ],
  ])('refuse %j', (environment, expected) => {
    expect(problemsOf(environment)).toEqual(expected);
  });

  it('never repeat the API key in a problem', () => {
    const wrongKey = `${apiKey}-and-more`;
    const problems = problemsOf({ NOTIFY_API_KEY: wrongKey, SMTP_HOST: 'smtp.example.org' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toContain(secret);
  });
});
