/** queued: waiting for its first try or a retry; sending: claimed by a delivery run; sent; failed: given up. */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage {
  id: string;
  partnershipId: string | null;
  recipient: string;
  subject: string;
  bodyText: string;
  kind: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  /** A queued message that failed waits until then; null means now. */
  nextAttemptAt: string | null;
}

/** What a delivery run asks for when it claims messages (all times ISO 8601). */
export interface OutboxClaim {
  /** Marks the rows as this run's, so only it can record their outcome. */
  readonly token: string;
  readonly now: string;
  /** A message left 'sending' since before this was cut off (a crash) and is claimed again. */
  readonly leaseExpiredBefore: string;
  /** A cut-off message that has had this many attempts, the cut-off one included, is failed, not claimed again. */
  readonly maximumAttempts: number;
  readonly limit: number;
}

export type OutboxMetadata = Omit<OutboxMessage, 'bodyText'>;

export interface AuditEvent {
  id: string;
  partnershipId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  subject: string;
  createdAt: string;
}

/** The shared part of the store: the email outbox, the audit log, settings and locks between instances. */
export interface SharedStores {
  readonly outbox: {
    enqueue(message: OutboxMessage): Promise<void>;
    findById(id: string): Promise<OutboxMessage | undefined>;
    /**
     * Atomically marks up to `limit` due messages 'sending' for this claim and returns them, oldest first: queued
     * ones whose retry is due, and ones whose earlier claim's lease ran out (counted as an attempt and noted). Two
     * claims never return the same message.
     */
    claimDue(claim: OutboxClaim): Promise<OutboxMessage[]>;
    /** Restarts the lease just before sending; false when the message is no longer this claim's. */
    renewClaim(id: string, token: string, at: string): Promise<boolean>;
    /** Each of these records the outcome only while the claim is still the message's own; false otherwise. */
    markSent(id: string, token: string, sentAt: string): Promise<boolean>;
    /** Back to 'queued' until `retryAt`, or 'failed' for good when `retryAt` is null. */
    markAttemptFailed(id: string, token: string, error: string, retryAt: string | null): Promise<boolean>;
    listMetadata(partnershipId: string, limit: number): Promise<OutboxMetadata[]>;
    listRecent(limit: number): Promise<OutboxMessage[]>;
  };
  readonly audit: {
    record(event: AuditEvent): Promise<void>;
    /** The partnership's own events and the sign-ins and sign-outs of its members. */
    listForPartnership(partnershipId: string, limit: number): Promise<AuditEvent[]>;
  };
  readonly settings: {
    get(key: string): Promise<string | undefined>;
    set(key: string, value: string): Promise<void>;
    /** Writes the value only when the key has none; an existing value is kept. */
    setIfMissing(key: string, value: string): Promise<void>;
  };
  /** Named locks shared by every instance on the database, each held by one holder at a time. */
  readonly locks: {
    /** Takes the lock for `holder`; false when another holder took it at or after `staleBefore`. */
    acquire(name: string, holder: string, at: string, staleBefore: string): Promise<boolean>;
    release(name: string, holder: string): Promise<void>;
  };
}
