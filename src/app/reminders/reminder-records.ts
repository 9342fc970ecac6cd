import type { ReminderKind } from '../../domain/reminders/reminders.js';
import type { RoundInvitationRecord } from '../assessments/round-invitation-record.js';

/** A reminder that has been sent: one row per (kind, subject, recipient, period), written with the email. */
export interface ReminderSentRecord {
  readonly id: string;
  readonly partnershipId: string | null;
  readonly kind: ReminderKind;
  /** The round, action, organisation or funding opportunity the reminder is about. */
  readonly subjectId: string;
  /** A user id, or a round invitation id for round-closing reminders; never an email address. */
  readonly recipient: string;
  readonly period: string;
  readonly sentAt: string;
}

/**
 * What the reminders job remembers. Nothing here is shown on any page, export or API: in particular which round
 * invitations were reminded (and so have not submitted) stays inside the service.
 */
export interface ReminderStore {
  /** Records the reminder; false (and nothing written) when the same reminder was recorded before. */
  claim(record: ReminderSentRecord): Promise<boolean>;
  /** The kinds this owner (a user or a round invitation) has turned off. */
  optedOut(ownerId: string): Promise<ReminderKind[]>;
  /** Turns these kinds off for the owner, and every other kind back on. */
  replaceOptOuts(ownerId: string, kinds: readonly ReminderKind[], at: string): Promise<void>;
  /** Turns one kind off for the owner; nothing changes when it is already off. */
  addOptOut(ownerId: string, kind: ReminderKind, at: string): Promise<void>;
  /** Every invitation to a round, for the round-closing reminder. */
  invitationsForRound(roundId: string): Promise<RoundInvitationRecord[]>;
}

/** The reminders area's part of the store. */
export interface ReminderStores {
  /** Reminders sent (so none goes twice) and the kinds people turned off. */
  readonly reminders: ReminderStore;
}
