import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { ImportLimits } from './app/imports/import-limits.js';
import type { UploadSettings } from './app/imports/upload-files.js';
import { parseNotifySettings, type NotifySettings } from './config-notify.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInteger = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .positive('must be more than 0');

/** Names proxy-addr (Fastify's trustProxy) accepts for well-known ranges. */
const namedProxyRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (namedProxyRanges.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const trustProxyProblem =
  'must be off, the number of proxies in front of the service (such as 1), or a comma-separated list of their addresses (such as 10.0.0.0/8)';

/**
 * Which X-Forwarded-For entries to believe. `true` is refused on purpose: it would believe any client's header,
 * so anyone could choose the address that sign-in limits count against.
 */
const trustProxySetting = z.string().transform((raw, context): false | number | readonly string[] => {
  const value = raw.trim().toLowerCase();
  if (['off', 'false', 'no', '0'].includes(value)) return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry !== '' && isAddressOrRange(entry))) return Object.freeze(entries);
  context.addIssue({ code: 'custom', message: trustProxyProblem });
  return z.NEVER;
});

// Uploads and imports: how large a file may be, how long it is kept, and how much of it an import reads.
const MB = 1024 * 1024;
const uploadSettingsShape = {
  UPLOAD_MAX_MB: positiveInteger.max(10_000, 'must be at most 10000 (10 GB)').default(200),
  UPLOAD_RETENTION_HOURS: positiveInteger.max(8_760, 'must be at most 8760 (a year)').default(24),
  UPLOAD_MAX_WAITING: positiveInteger.default(20),
  IMPORT_MAX_ROWS: positiveInteger.default(200_000),
  IMPORT_MAX_COLUMNS: positiveInteger
    .max(16_384, 'must be at most 16384 (a spreadsheet’s width)')
    .default(200),
  IMPORT_MAX_UNPACKED_MB: positiveInteger.max(4_000, 'must be at most 4000').default(100),
};
type UploadSettingValues = z.infer<z.ZodObject<typeof uploadSettingsShape>>;
const uploadSettingsOf = (values: UploadSettingValues) => ({
  uploads: {
    maxBytes: values.UPLOAD_MAX_MB * MB,
    retentionHours: values.UPLOAD_RETENTION_HOURS,
    maxWaiting: values.UPLOAD_MAX_WAITING,
  },
  importLimits: {
    maxRows: values.IMPORT_MAX_ROWS,
    maxColumns: values.IMPORT_MAX_COLUMNS,
    maxUnpackedBytes: values.IMPORT_MAX_UNPACKED_MB * MB,
  },
});

const environmentSchema = z.object({
  ...uploadSettingsShape,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'must be a port number from 0 to 65535' })
    .int('must be a port number from 0 to 65535')
    .min(0, 'must be a port number from 0 to 65535')
    .max(65535, 'must be a port number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ error: 'must be a full address such as https://common-ground.example.org' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DEMO: booleanFlag.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: positiveInteger.default(60),
  SESSION_ABSOLUTE_HOURS: positiveInteger.default(12),
  TRUST_PROXY: trustProxySetting.optional(),
  SIGN_IN_FAILURES_PER_ACCOUNT: positiveInteger.optional(),
  SIGN_IN_FAILURES_PER_ADDRESS: positiveInteger.default(100),
  /** The older name of SIGN_IN_FAILURES_PER_ACCOUNT, still read when the new one is not set. */
  SIGN_IN_ATTEMPTS_PER_15_MINUTES: positiveInteger.optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_IGNORE_TLS: booleanFlag.default(false),
  MAIL_FROM: z.string().min(3).default('Common Ground <no-reply@common-ground.localhost>'),
  MAP_TILE_URL: z
    .string()
    .regex(
      /^https:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/,
      'must be an https address with {z}, {x} and {y}, such as https://tile.example.org/{z}/{x}/{y}.png',
    )
    .optional(),
  JOBS_INTERVAL_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes (0 turns the schedule off)' })
    .int('must be a whole number of minutes (0 turns the schedule off)')
    .min(0, 'must be a whole number of minutes (0 turns the schedule off)')
    .max(10_080, 'must be at most 10080 (a week)')
    .default(60),
  FEED_REFRESH_HOURS: z.coerce
    .number({ error: 'must be a whole number of hours from 1 to 168' })
    .int('must be a whole number of hours from 1 to 168')
    .min(1, 'must be a whole number of hours from 1 to 168')
    .max(168, 'must be a whole number of hours from 1 to 168')
    .default(24),
  FEEDS_ALLOW_LOOPBACK: booleanFlag.default(false),
  ORUK_SCHEMAS_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly database:
    { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };
  /** Whether the demo partnership may be loaded into an empty database. */
  readonly demo: boolean;
  /** Secret for signing cookies. Generated per data folder when not given (see main.ts). */
  readonly sessionSecret: string | undefined;
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly secureCookies: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): false for none, a number of hops, or
   * their addresses and ranges.
   */
  readonly trustProxy: false | number | readonly string[];
  /** Failed sign-ins allowed in 15 minutes, per email address and per network address. */
  readonly signInLimits: { readonly failuresPerAccount: number; readonly failuresPerAddress: number };
  readonly smtp:
    | {
        readonly host: string;
        readonly port: number;
        readonly secure: boolean;
        readonly ignoreTls: boolean;
        readonly user: string | undefined;
        readonly password: string | undefined;
      }
    | undefined;
  /** GOV.UK Notify, used instead of SMTP when NOTIFY_API_KEY is set (docs/email.md). */
  readonly notify: NotifySettings | undefined;
  readonly mailFrom: string;
  readonly logLevel: string;
  /** The basemap tiles of the needs map ({z}/{x}/{y}), or undefined for a plain background. */
  readonly mapTileUrl: string | undefined;
  /** How often `serve` runs the scheduled jobs (reminders), in minutes; 0 when only `run-jobs` runs them. */
  readonly jobsIntervalMinutes: number;
  readonly uploads: UploadSettings;
  readonly importLimits: ImportLimits;
  readonly feeds: {
    /** How often each subscribed feed is refreshed by the scheduled jobs. */
    readonly refreshHours: number;
    /** Plain http and loopback feed addresses allowed: only for tests, never in production. */
    readonly allowLoopback: boolean;
    /**
     * The folder of the Open Referral UK standard's published schemas (uk-profile-3.0, hsds-3.0 and
     * oruk-1.0-schemas inside it), for feed health checks; null when they are not installed.
     */
    readonly schemasDir: string | null;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws a ConfigError listing every problem. */
export function parseConfig(environment: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = environmentSchema.safeParse(cleaned);
  // Settings that depend on each other are checked on the raw values too, so every problem is listed at once.
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  if (cleaned.NODE_ENV === 'production' && !cleaned.BASE_URL) {
    problems.push('BASE_URL is required when NODE_ENV=production (it is used in every emailed link)');
  }
  if (cleaned.NODE_ENV === 'production' && !cleaned.SESSION_SECRET) {
    problems.push('SESSION_SECRET is required when NODE_ENV=production');
  }
  if (
    cleaned.NODE_ENV === 'production' &&
    ['true', '1', 'yes'].includes(cleaned.FEEDS_ALLOW_LOOPBACK ?? '')
  ) {
    problems.push('FEEDS_ALLOW_LOOPBACK is for tests only and cannot be set when NODE_ENV=production');
  }
  if (cleaned.SMTP_USER && !cleaned.SMTP_PASSWORD)
    problems.push('SMTP_PASSWORD is required when SMTP_USER is set');
  if (cleaned.SMTP_PASSWORD && !cleaned.SMTP_HOST)
    problems.push('SMTP_HOST is required when SMTP_PASSWORD is set');
  const notify = parseNotifySettings(cleaned);
  problems.push(...notify.problems);
  if (cleaned.SMTP_HOST && cleaned.NOTIFY_API_KEY)
    problems.push('Set SMTP_HOST or NOTIFY_API_KEY, not both: email goes through one of them');
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const values = result.data;

  const baseUrl = (values.BASE_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  const dataDir = path.resolve(values.DATA_DIR);
  const usesPostgres = values.DATABASE_URL !== undefined;
  return Object.freeze({
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    baseUrl,
    dataDir,
    database: usesPostgres
      ? { kind: 'postgres' as const, url: values.DATABASE_URL as string }
      : { kind: 'sqlite' as const, file: path.join(dataDir, 'common-ground.sqlite') },
    demo: values.NODE_ENV === 'production' ? false : (values.DEMO ?? !usesPostgres),
    sessionSecret: values.SESSION_SECRET,
    session: { idleMinutes: values.SESSION_IDLE_MINUTES, absoluteHours: values.SESSION_ABSOLUTE_HOURS },
    secureCookies: baseUrl.startsWith('https://'),
    trustProxy: values.TRUST_PROXY ?? false,
    signInLimits: {
      failuresPerAccount: values.SIGN_IN_FAILURES_PER_ACCOUNT ?? values.SIGN_IN_ATTEMPTS_PER_15_MINUTES ?? 10,
      failuresPerAddress: values.SIGN_IN_FAILURES_PER_ADDRESS,
    },
    smtp: values.SMTP_HOST
      ? {
          host: values.SMTP_HOST,
          port: values.SMTP_PORT,
          secure: values.SMTP_SECURE,
          ignoreTls: values.SMTP_IGNORE_TLS,
          user: values.SMTP_USER,
          password: values.SMTP_PASSWORD,
        }
      : undefined,
    notify: notify.settings,
    mailFrom: values.MAIL_FROM,
    logLevel: values.LOG_LEVEL,
    mapTileUrl: values.MAP_TILE_URL,
    jobsIntervalMinutes: values.JOBS_INTERVAL_MINUTES,
    feeds: {
      refreshHours: values.FEED_REFRESH_HOURS,
      allowLoopback: values.FEEDS_ALLOW_LOOPBACK,
      schemasDir: values.ORUK_SCHEMAS_DIR ? path.resolve(values.ORUK_SCHEMAS_DIR) : null,
    },
    ...uploadSettingsOf(values),
  });
}
