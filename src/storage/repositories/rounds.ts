import type { Kysely, Selectable } from 'kysely';
import type { GroupRecord, RoundRecord, Store } from '../../app/ports.js';
import type { GroupKind, RoundKind } from '../../domain/assessment/round-rules.js';
import type { Side } from '../../domain/results/rating.js';
import type { Database } from '../schema.js';
import type { AssessmentRoundsTable, RespondentGroupsTable } from '../schema-assessments.js';

function toRound(row: Selectable<AssessmentRoundsTable>): RoundRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    name: row.name,
    kind: row.kind as RoundKind,
    frameworkVersion: row.framework_version,
    threshold: Number(row.threshold),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    closedAt: row.closed_at,
    thresholdLockedAt: row.threshold_locked_at,
    createdAt: row.created_at,
    answersVersion: Number(row.answers_version),
  };
}

function toGroup(row: Selectable<RespondentGroupsTable>): GroupRecord {
  return {
    id: row.id,
    roundId: row.round_id,
    kind: row.kind as GroupKind,
    name: row.name,
    side: row.side as Side,
    position: Number(row.position),
    hasShareLink: row.share_token_hash !== null,
  };
}

export function roundsRepository(db: Kysely<Database>): Store['rounds'] {
  return {
    async insert(round, groups) {
      await db
        .insertInto('assessment_rounds')
        .values({
          id: round.id,
          partnership_id: round.partnershipId,
          name: round.name,
          kind: round.kind,
          framework_version: round.frameworkVersion,
          threshold: round.threshold,
          opens_on: round.opensOn,
          closes_on: round.closesOn,
          closed_at: round.closedAt,
          threshold_locked_at: round.thresholdLockedAt,
          created_at: round.createdAt,
        })
        .execute();
      if (groups.length === 0) return;
      await db
        .insertInto('respondent_groups')
        .values(
          groups.map((group) => ({
            id: group.id,
            round_id: round.id,
            kind: group.kind,
            name: group.name,
            side: group.side,
            position: group.position,
            share_token_hash: null,
          })),
        )
        .execute();
    },
    async list(partnershipId) {
      const rows = await db
        .selectFrom('assessment_rounds')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('opens_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toRound);
    },
    async find(partnershipId, id) {
      const row = await db
        .selectFrom('assessment_rounds')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRound(row);
    },
    async findById(id) {
      const row = await db
        .selectFrom('assessment_rounds')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRound(row);
    },
    async groups(roundId) {
      const rows = await db
        .selectFrom('respondent_groups')
        .selectAll()
        .where('round_id', '=', roundId)
        .orderBy('position')
        .execute();
      return rows.map(toGroup);
    },
    async setShareTokenHash(roundId, groupId, tokenHash) {
      await db
        .updateTable('respondent_groups')
        .set({ share_token_hash: tokenHash })
        .where('round_id', '=', roundId)
        .where('id', '=', groupId)
        .execute();
    },
    async findGroupByShareTokenHash(tokenHash) {
      const row = await db
        .selectFrom('respondent_groups')
        .selectAll()
        .where('share_token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toGroup(row);
    },
    async lockThreshold(roundId, at) {
      await db
        .updateTable('assessment_rounds')
        .set({ threshold_locked_at: at })
        .where('id', '=', roundId)
        .where('threshold_locked_at', 'is', null)
        .execute();
    },
    async bumpAnswersVersion(roundId) {
      await db
        .updateTable('assessment_rounds')
        .set((eb) => ({ answers_version: eb('answers_version', '+', 1) }))
        .where('id', '=', roundId)
        .execute();
    },
    async close(roundId, at) {
      await db
        .updateTable('assessment_rounds')
        .set({ closed_at: at })
        .where('id', '=', roundId)
        .where('closed_at', 'is', null)
        .execute();
    },
  };
}
