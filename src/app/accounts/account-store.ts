import type { SignInFailureStore } from './sign-in-failure-store.js';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  isNationalAdmin: boolean;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  currentPartnershipId: string | null;
}

export type OneTimeTokenPurpose = 'password-reset' | 'set-password';

export interface OneTimeTokenRecord {
  id: string;
  userId: string;
  purpose: OneTimeTokenPurpose;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The accounts area's part of the store: people, their sessions, one-time links and API tokens. */
export interface AccountStores {
  readonly users: {
    findById(id: string): Promise<UserRecord | undefined>;
    findByEmail(email: string): Promise<UserRecord | undefined>;
    insert(user: UserRecord): Promise<void>;
    updatePasswordHash(id: string, passwordHash: string): Promise<void>;
    count(): Promise<number>;
  };
  readonly sessions: {
    insert(session: SessionRecord): Promise<void>;
    findById(id: string): Promise<SessionRecord | undefined>;
    touch(id: string, lastSeenAt: string): Promise<void>;
    setCurrentPartnership(id: string, partnershipId: string): Promise<void>;
    remove(id: string): Promise<void>;
    removeForUser(userId: string): Promise<void>;
  };
  readonly oneTimeTokens: {
    insert(token: OneTimeTokenRecord): Promise<void>;
    findById(id: string): Promise<OneTimeTokenRecord | undefined>;
    /** Marks the token used; false when it had already been used (so it works once even under a race). */
    markUsed(id: string, usedAt: string): Promise<boolean>;
  };
  readonly apiTokens: {
    insert(token: ApiTokenRecord): Promise<void>;
    findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
    listForUser(userId: string): Promise<ApiTokenRecord[]>;
    revoke(userId: string, id: string, revokedAt: string): Promise<boolean>;
    touch(id: string, lastUsedAt: string): Promise<void>;
  };
  /** Recent failed sign-ins, for the sign-in limits. */
  readonly signInFailures: SignInFailureStore;
}
