/** What sign-in limits count against: an email address or a network address, stored only as a hash. */
export interface SignInKey {
  readonly kind: 'account' | 'address';
  readonly hash: string;
}

export interface SignInFailure {
  readonly id: string;
  readonly failedAt: string;
}

/** Failed sign-ins, shared by every instance of the service (the `sign_in_failures` table). */
export interface SignInFailureStore {
  add(failures: readonly (SignInFailure & SignInKey)[]): Promise<void>;
  /** The key's failures after `after`, oldest first. */
  listAfter(key: SignInKey, after: string): Promise<SignInFailure[]>;
  remove(ids: readonly string[]): Promise<void>;
  /** Forgets every failure of the key. */
  clear(key: SignInKey): Promise<void>;
  /** Deletes failures at or before `until`, whatever their key. */
  removeUntil(until: string): Promise<void>;
}
