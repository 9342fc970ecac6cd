/** What the use-cases need from the outside world besides the store: the time, password hashing and email. */
export interface Clock {
  now(): Date;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** One email from the outbox: `id` is its outbox row, `kind` what it is for (such as `password-reset`). */
export interface OutgoingEmail {
  readonly id: string;
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface MailSender {
  send(message: OutgoingEmail): Promise<void>;
}
