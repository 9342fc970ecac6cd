import type { Kysely } from 'kysely';
import type { DataRightsStore, KeptGroupProgress } from '../../app/privacy/data-rights-store.js';
import type { RoundResults } from '../../domain/results/index.js';
import type { Database } from '../schema.js';
import { eraseAccount } from './account-erasure.js';
import { personalRecords } from './personal-records.js';
import { REMOVED, removedMarker } from './removed-marker.js';

export function dataRightsRepository(db: Kysely<Database>): DataRightsStore {
  return {
    async saveSnapshot(snapshot) {
      const values = {
        results_json: JSON.stringify(snapshot.results),
        progress_json: JSON.stringify(snapshot.progress),
        comments_removed: snapshot.commentsRemoved ? 1 : 0,
        answers_deleted_at: snapshot.answersDeletedAt,
      };
      await db
        .insertInto('round_result_snapshots')
        .values({ round_id: snapshot.roundId, ...values })
        .onConflict((oc) => oc.column('round_id').doUpdateSet(values))
        .execute();
    },
    async findSnapshot(roundId) {
      const row = await db
        .selectFrom('round_result_snapshots')
        .selectAll()
        .where('round_id', '=', roundId)
        .executeTakeFirst();
      return (
        row && {
          roundId: row.round_id,
          // Our own JSON, written by saveSnapshot from a RoundResults.
          results: JSON.parse(row.results_json) as RoundResults,
          progress: JSON.parse(row.progress_json) as KeptGroupProgress[],
          commentsRemoved: row.comments_removed === 1,
          answersDeletedAt: row.answers_deleted_at,
        }
      );
    },
    async deleteResponses(roundId) {
      const responseIds = db.selectFrom('responses').select('id').where('round_id', '=', roundId);
      await db.deleteFrom('response_ratings').where('response_id', 'in', responseIds).execute();
      const result = await db.deleteFrom('responses').where('round_id', '=', roundId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async removeInvitationEmails(roundId) {
      const result = await db
        .updateTable('round_invitations')
        .set({ email: removedMarker, token_hash: removedMarker })
        .where('round_id', '=', roundId)
        .where('email', 'not like', `${REMOVED}%`)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async deleteEmailsBefore(partnershipId, before) {
      const result = await db
        .deleteFrom('outbox')
        .where('partnership_id', '=', partnershipId)
        .where('status', 'in', ['sent', 'failed'])
        .where('created_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteInvitationsExpiredBefore(partnershipId, before) {
      const result = await db
        .deleteFrom('invitations')
        .where('partnership_id', '=', partnershipId)
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async countNationalAdmins() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('is_national_admin', '=', 1)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    personalRecords: (person) => personalRecords(db, person),
    eraseAccount: (person) => eraseAccount(db, person),
  };
}
