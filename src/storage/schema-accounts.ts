/** Row shapes: people, their memberships and how they sign in. */

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_national_admin: number;
  created_at: string;
}

export interface MembershipsTable {
  id: string;
  partnership_id: string;
  user_id: string;
  role: string;
  organisation_id: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  current_partnership_id: string | null;
}

export interface OneTimeTokensTable {
  id: string;
  user_id: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  partnership_id: string;
  email: string;
  role: string;
  organisation_id: string | null;
  invited_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
