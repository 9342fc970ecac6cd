import { z } from 'zod';
import { emailKinds, type EmailKind } from './domain/shared/email-kinds.js';

/** Where GOV.UK Notify's API is; NOTIFY_BASE_URL changes it only for tests. */
export const notifyProductionUrl = 'https://api.notifications.service.gov.uk';

export interface NotifySettings {
  /** Secret: never logged or shown. */
  readonly apiKey: string;
  readonly baseUrl: string;
  /** The Notify template of each kind of email. */
  readonly templates: Readonly<Record<EmailKind, string>>;
  /** For an email of a kind not listed (queued by an older or newer release), if NOTIFY_TEMPLATE_DEFAULT is set. */
  readonly otherTemplate: string | undefined;
}

/** The setting that names a kind's template: NOTIFY_TEMPLATE_REMINDER_ROUND_CLOSING for `reminder-round-closing`. */
export function notifyTemplateSetting(kind: string): string {
  return `NOTIFY_TEMPLATE_${kind.toUpperCase().replace(/-/g, '_')}`;
}
export const defaultTemplateSetting = 'NOTIFY_TEMPLATE_DEFAULT';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const templateId = z
  .string()
  .trim()
  .regex(new RegExp(`^${uuid}$`, 'i'), 'must be a template ID copied from GOV.UK Notify (36 characters)');

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const notifySchema = z.object({
  // The messages never repeat the value: it is a secret.
  NOTIFY_API_KEY: z
    .string()
    .trim()
    .regex(
      new RegExp(`^.+-${uuid}-${uuid}$`, 'i'),
      'must be a whole API key from GOV.UK Notify: its name, then the service ID and the secret key',
    )
    .optional(),
  NOTIFY_BASE_URL: z
    .url({ error: 'must be a full address such as https://api.notifications.service.gov.uk' })
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
    }, 'must start with https:// (plain http:// only for a test server on this machine)')
    .default(notifyProductionUrl),
  [defaultTemplateSetting]: templateId.optional(),
  ...Object.fromEntries(emailKinds.map((kind) => [notifyTemplateSetting(kind), templateId.optional()])),
});

/** The NOTIFY_… settings: undefined without NOTIFY_API_KEY, or every problem with them. */
export function parseNotifySettings(environment: Record<string, string | undefined>): {
  readonly settings: NotifySettings | undefined;
  readonly problems: readonly string[];
} {
  const result = notifySchema.safeParse(environment);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    return { settings: undefined, problems };
  }
  const values = result.data as Record<string, string | undefined>;
  const templateSettings = Object.keys(environment).filter(
    (name) => name.startsWith('NOTIFY_TEMPLATE_') && environment[name],
  );
  if (!values.NOTIFY_API_KEY) {
    const problems =
      templateSettings.length > 0 ? ['NOTIFY_API_KEY is required when NOTIFY_TEMPLATE_… is set'] : [];
    return { settings: undefined, problems };
  }
  const known = new Set([defaultTemplateSetting, ...emailKinds.map(notifyTemplateSetting)]);
  const problems = templateSettings
    .filter((name) => !known.has(name))
    .map((name) => `${name} is not a kind of email; the kinds are listed in docs/email.md`);
  const otherTemplate = values[defaultTemplateSetting];
  const missing = emailKinds.filter((kind) => !values[notifyTemplateSetting(kind)] && !otherTemplate);
  if (missing.length > 0) {
    problems.push(
      `GOV.UK Notify needs a template for every kind of email: set ${missing.map(notifyTemplateSetting).join(', ')}, or ${defaultTemplateSetting} for all of them`,
    );
  }
  if (problems.length > 0) return { settings: undefined, problems };
  const templates = Object.fromEntries(
    emailKinds.map((kind) => [kind, values[notifyTemplateSetting(kind)] ?? otherTemplate]),
  ) as Record<EmailKind, string>;
  return {
    settings: {
      apiKey: values.NOTIFY_API_KEY,
      baseUrl: (values.NOTIFY_BASE_URL ?? notifyProductionUrl).replace(/\/+$/, ''),
      templates,
      otherTemplate,
    },
    problems: [],
  };
}
