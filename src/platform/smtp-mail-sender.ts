import nodemailer from 'nodemailer';
import type { MailSender } from '../app/ports.js';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly ignoreTls: boolean;
  readonly user: string | undefined;
  readonly password: string | undefined;
}

/** Delivers outbox messages through an SMTP server, as plain text. */
export function smtpMailSender(settings: SmtpSettings, from: string): MailSender & { close(): void } {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ignoreTLS: settings.ignoreTls,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    // Well inside the outbox's 5-minute lease: a send that hangs longer would be claimed and sent again.
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
