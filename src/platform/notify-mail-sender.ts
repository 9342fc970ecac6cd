import { NotifyClient } from 'notifications-node-client';
import type { MailSender } from '../app/ports.js';

export interface NotifySenderSettings {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly templates: Readonly<Record<string, string>>;
  readonly otherTemplate: string | undefined;
}

/** Well inside the outbox's 5-minute lease: a send that hangs longer would be claimed and sent again. */
const defaultRequestTimeoutMs = 30_000;

type RestClient = Parameters<NotifyClient['setClient']>[0];

/**
 * Delivers outbox messages through GOV.UK Notify: each kind of email with its own template, the outbox row's
 * subject and text as the personalisation `subject` and `body`, and the row's id as Notify's `reference`.
 */
export function notifyMailSender(
  settings: NotifySenderSettings,
  options: { readonly requestTimeoutMs?: number } = {},
): MailSender & { close(): void } {
  const client = new NotifyClient(settings.baseUrl, settings.apiKey);
  // The client's own HTTP client (axios) waits for ever by default; a copy of it with a time limit replaces it.
  const { restClient } = client.apiClient as { restClient: RestClient };
  client.setClient(restClient.create({ timeout: options.requestTimeoutMs ?? defaultRequestTimeoutMs }));
  return {
    async send(message) {
      const templateId = settings.templates[message.kind] ?? settings.otherTemplate;
      if (!templateId) {
        throw new Error(
          `GOV.UK Notify has no template for “${message.kind}” emails: set NOTIFY_TEMPLATE_DEFAULT for them`,
        );
      }
      const failure = await client
        .sendEmail(templateId, message.to, {
          personalisation: { subject: message.subject, body: message.text },
          reference: message.id,
        })
        .then(
          () => undefined,
          (error: unknown) => describeNotifyFailure(error),
        );
      // A new error without the client's, so the request and its signed Authorization header are never kept.
      if (failure !== undefined) throw new Error(failure);
    },
    close: () => undefined,
  };
}

interface NotifyErrorResponse {
  readonly status?: number;
  readonly data?: { readonly errors?: readonly { readonly error?: string; readonly message?: string }[] };
}

/** Notify's own reasons (such as "BadRequestError: Missing personalisation: body"), or why it was not reached. */
export function describeNotifyFailure(error: unknown): string {
  const failure = (error ?? {}) as { response?: NotifyErrorResponse; code?: unknown; message?: unknown };
  const response = failure.response;
  if (response?.status !== undefined) {
    const reasons = (response.data?.errors ?? [])
      .map((reason) => [reason.error, reason.message].filter(Boolean).join(': '))
      .filter((reason) => reason !== '');
    return `GOV.UK Notify refused the email (HTTP ${response.status})${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`;
  }
  const detail = [failure.message, failure.code].find((part) => typeof part === 'string' && part !== '');
  return `GOV.UK Notify could not be reached${detail ? ` (${String(detail)})` : ''}`;
}
