import type { Generated } from 'kysely';

/** Row shapes: assessment rounds, who answers them, the answers and what is kept of the results. */

export interface AssessmentRoundsTable {
  id: string;
  partnership_id: string;
  name: string;
  kind: string;
  framework_version: string;
  threshold: number;
  opens_on: string;
  closes_on: string;
  closed_at: string | null;
  threshold_locked_at: string | null;
  created_at: string;
  answers_version: Generated<number>;
}

export interface RespondentGroupsTable {
  id: string;
  round_id: string;
  kind: string;
  name: string;
  side: string;
  position: number;
  share_token_hash: string | null;
}

export interface RoundInvitationsTable {
  id: string;
  round_id: string;
  group_id: string;
  email: string;
  token_hash: string;
  created_at: string;
  /** 'invitation', or 'membership' for a member's own place to answer (migration 0023). */
  source: Generated<string>;
}

export interface ResponsesTable {
  id: string;
  round_id: string;
  group_id: string;
  respondent_key: string;
  status: string;
}

export interface ResponseRatingsTable {
  response_id: string;
  indicator_code: string;
  rating: string;
  comment: string | null;
  evidence_url: string | null;
}

export interface WorkshopRecordsTable {
  id: string;
  round_id: string;
  principle_code: string;
  agreed_level: number | null;
  reasons: string;
  agreed_actions: string;
  recorded_at: string;
  recorded_by: string;
}

/** Migration 0017: a round's results kept after its individual answers were deleted. */
export interface RoundResultSnapshotsTable {
  round_id: string;
  results_json: string;
  progress_json: string;
  comments_removed: number;
  answers_deleted_at: string;
}
