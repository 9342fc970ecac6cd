/** Row shape of the sign-in limits table (migration 0019). */

export interface SignInFailuresTable {
  id: string;
  /** 'account' (an email address) or 'address' (a network address). */
  key_kind: string;
  /** SHA-256 of the normalised email address or network address. */
  key_hash: string;
  failed_at: string;
}
