import { describeRetention, type RetentionPolicy } from '../../domain/privacy/retention.js';
import type { AssessmentDeps } from '../assessments/rounds.js';
import type { UserRecord } from '../accounts/account-store.js';
import type { Actor } from '../shared/audit.js';
import { applyRetention } from './apply-retention.js';
import { accountDeletionBlockers, deleteAccount } from './delete-account.js';
import { downloadPersonalData } from './personal-data.js';
import { readRetention, saveRetention } from './retention-settings.js';

/** People's data: retention settings and the sweep, a person's download, and deleting an account. */
export function privacyUseCases(deps: AssessmentDeps) {
  const { store, clock } = deps;
  return {
    retention: (partnershipId: string) => readRetention(store, partnershipId),
    describeRetention: (policy: RetentionPolicy) => describeRetention(policy),
    saveRetention: (partnershipId: string, form: unknown, actor: Actor) =>
      saveRetention(store, clock, partnershipId, form, actor),
    /** Idempotent: deletes what is due as of `now` and reports counts. */
    applyRetention: (now: Date = clock.now()) => applyRetention(deps, now),
    /** Whether a round's individual answers were deleted, and when; undefined while they are kept. */
    answersDeletedAt: async (roundId: string) =>
      (await store.dataRights.findSnapshot(roundId))?.answersDeletedAt,
    download: (user: UserRecord) => downloadPersonalData(store, clock, user),
    deletionBlockers: (user: UserRecord) => accountDeletionBlockers(store, user),
    deleteAccount: (user: UserRecord, confirmation: string) =>
      deleteAccount(store, clock, user, confirmation),
  };
}
