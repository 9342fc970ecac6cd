/** Row shapes of the reminder tables (migration 0015). */

export interface RemindersSentTable {
  id: string;
  partnership_id: string | null;
  kind: string;
  subject_id: string;
  /** A user id, or a round invitation id for round-closing reminders; never an email address. */
  recipient: string;
  period: string;
  sent_at: string;
}

export interface ReminderOptOutsTable {
  id: string;
  /** A user id, or a round invitation id. */
  owner_id: string;
  kind: string;
  created_at: string;
}
