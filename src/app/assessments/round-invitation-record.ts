export interface RoundInvitationRecord {
  id: string;
  roundId: string;
  groupId: string;
  email: string;
  tokenHash: string;
  createdAt: string;
  /** A member's own place to answer, made when they first start (not an invitation); invitation when left out. */
  source?: RoundInvitationSource;
}

export type RoundInvitationSource = 'invitation' | 'membership';
