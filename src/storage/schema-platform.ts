/** Row shapes: what the service keeps for itself: outgoing email, the audit log, settings and content versions. */

export interface OutboxTable {
  id: string;
  partnership_id: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  kind: string;
  status: string;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
  claim_token: string | null;
  claimed_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  partnership_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  subject: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface ContentVersionsTable {
  id: string;
  kind: string;
  version: string;
  published_at: string;
  published_by: string | null;
  published_by_name: string | null;
}
