import type { Kysely } from 'kysely';
import type { RatingRecord, ResponseStatus, Store } from '../../app/ports.js';
import type { Database } from '../schema.js';

export function responsesRepository(db: Kysely<Database>): Store['responses'] {
  return {
    async findByKey(respondentKey) {
      const row = await db
        .selectFrom('responses')
        .selectAll()
        .where('respondent_key', '=', respondentKey)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          roundId: row.round_id,
          groupId: row.group_id,
          respondentKey: row.respondent_key,
          status: row.status as ResponseStatus,
        }
      );
    },
    async insert(response) {
      await db
        .insertInto('responses')
        .values({
          id: response.id,
          round_id: response.roundId,
          group_id: response.groupId,
          respondent_key: response.respondentKey,
          status: response.status,
        })
        .execute();
    },
    async markSubmitted(id) {
      await db.updateTable('responses').set({ status: 'submitted' }).where('id', '=', id).execute();
    },
    async ratings(responseId) {
      const rows = await db
        .selectFrom('response_ratings')
        .select(['indicator_code', 'rating', 'comment', 'evidence_url'])
        .where('response_id', '=', responseId)
        .execute();
      return rows.map((row) => ({
        indicatorCode: row.indicator_code,
        rating: row.rating,
        comment: row.comment,
        evidenceUrl: row.evidence_url,
      }));
    },
    async saveRating(responseId, rating) {
      const values = { rating: rating.rating, comment: rating.comment, evidence_url: rating.evidenceUrl };
      await db
        .insertInto('response_ratings')
        .values({ response_id: responseId, indicator_code: rating.indicatorCode, ...values })
        .onConflict((oc) => oc.columns(['response_id', 'indicator_code']).doUpdateSet(values))
        .execute();
    },
    async progress(roundId) {
      const rows = await db
        .selectFrom('responses')
        .select(['group_id', 'status', (eb) => eb.fn.countAll().as('n')])
        .where('round_id', '=', roundId)
        .groupBy(['group_id', 'status'])
        .execute();
      return rows.map((row) => ({
        groupId: row.group_id,
        status: row.status as ResponseStatus,
        count: Number(row.n),
      }));
    },
    async submitted(roundId) {
      const rows = await db
        .selectFrom('responses')
        .innerJoin('response_ratings', 'response_ratings.response_id', 'responses.id')
        .select([
          'responses.id',
          'responses.group_id',
          'response_ratings.indicator_code',
          'response_ratings.rating',
          'response_ratings.comment',
          'response_ratings.evidence_url',
        ])
        .where('responses.round_id', '=', roundId)
        .where('responses.status', '=', 'submitted')
        .orderBy('responses.id')
        .execute();
      const byResponse = new Map<string, { groupId: string; ratings: RatingRecord[] }>();
      for (const row of rows) {
        let entry = byResponse.get(row.id);
        if (!entry) {
          entry = { groupId: row.group_id, ratings: [] };
          byResponse.set(row.id, entry);
        }
        entry.ratings.push({
          indicatorCode: row.indicator_code,
          rating: row.rating,
          comment: row.comment,
          evidenceUrl: row.evidence_url,
        });
      }
      return [...byResponse.values()];
    },
  };
}
