import type { Kysely } from 'kysely';
import type { Store } from '../../app/ports.js';
import type { Database } from '../schema.js';

export function workshopRepository(db: Kysely<Database>): Store['workshop'] {
  return {
    async save(record) {
      const values = {
        agreed_level: record.agreedLevel,
        reasons: record.reasons,
        agreed_actions: record.agreedActions,
        recorded_at: record.recordedAt,
        recorded_by: record.recordedBy,
      };
      await db
        .insertInto('workshop_records')
        .values({ id: record.id, round_id: record.roundId, principle_code: record.principleCode, ...values })
        .onConflict((oc) => oc.columns(['round_id', 'principle_code']).doUpdateSet(values))
        .execute();
    },
    async list(roundId) {
      const rows = await db
        .selectFrom('workshop_records')
        .selectAll()
        .where('round_id', '=', roundId)
        .orderBy('principle_code')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        roundId: row.round_id,
        principleCode: row.principle_code,
        agreedLevel: row.agreed_level === null ? null : Number(row.agreed_level),
        reasons: row.reasons,
        agreedActions: row.agreed_actions,
        recordedAt: row.recorded_at,
        recordedBy: row.recorded_by,
      }));
    },
  };
}
