import { sql, type Kysely } from 'kysely';
import type { RatingRecord, ResponseStatus, Store } from '../../app/ports.js';
import type { Database } from '../schema.js';

/** Separators for folding a response's ratings into one text (ASCII unit and record separators). */
const UNIT = '\u001f';
const RECORD = '\u001e';

/**
 * A response's ratings as one text, "code␟rating" entries joined by ␞, in no particular order. string_agg is in
 * both PostgreSQL and SQLite (3.44 and later).
 */
const foldedRatings = sql<string | null>`string_agg(
  ${sql.ref('response_ratings.indicator_code')} || ${UNIT} || ${sql.ref('response_ratings.rating')},
  ${RECORD}
)`;

function byIndicatorCode(a: RatingRecord, b: RatingRecord): number {
  return a.indicatorCode < b.indicatorCode ? -1 : a.indicatorCode > b.indicatorCode ? 1 : 0;
}

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
      // One row per response with its ratings folded into one text, rather than one row per rating: turning
      // tens of thousands of rows into JavaScript objects was most of the time of a large round's results.
      // Indicator codes (checked against the framework) and rating codes (checked by checkAnswer) never hold
      // the ASCII separators used here. Migration 0003 lets both queries read from indexes.
      const rows = await db
        .selectFrom('responses')
        .select((eb) => [
          'responses.id',
          'responses.group_id',
          eb
            .selectFrom('response_ratings')
            .select(foldedRatings.as('answers'))
            .whereRef('response_ratings.response_id', '=', 'responses.id')
            .as('answers'),
        ])
        .where('responses.round_id', '=', roundId)
        .where('responses.status', '=', 'submitted')
        .orderBy('responses.id')
        .execute();
      // Comments and evidence are rare, so they come separately, only where there are any.
      const notes = await db
        .selectFrom('responses')
        .innerJoin('response_ratings', 'response_ratings.response_id', 'responses.id')
        .select([
          'response_ratings.response_id',
          'response_ratings.indicator_code',
          'response_ratings.comment',
          'response_ratings.evidence_url',
        ])
        .where('responses.round_id', '=', roundId)
        .where('responses.status', '=', 'submitted')
        .where((eb) =>
          eb.or([
            eb('response_ratings.comment', 'is not', null),
            eb('response_ratings.evidence_url', 'is not', null),
          ]),
        )
        .execute();
      const notesByResponse = new Map<
        string,
        Map<string, { comment: string | null; evidenceUrl: string | null }>
      >();
      for (const note of notes) {
        let forResponse = notesByResponse.get(note.response_id);
        if (!forResponse) {
          forResponse = new Map();
          notesByResponse.set(note.response_id, forResponse);
        }
        forResponse.set(note.indicator_code, { comment: note.comment, evidenceUrl: note.evidence_url });
      }
      const submitted: { groupId: string; ratings: RatingRecord[] }[] = [];
      for (const row of rows) {
        // A submitted response with no ratings at all counts nowhere, as before.
        if (row.answers === null || row.answers === undefined) continue;
        const forResponse = notesByResponse.get(row.id);
        const ratings = row.answers.split(RECORD).map((entry): RatingRecord => {
          const split = entry.indexOf(UNIT);
          const indicatorCode = entry.slice(0, split);
          const note = forResponse?.get(indicatorCode);
          return {
            indicatorCode,
            rating: entry.slice(split + 1),
            comment: note?.comment ?? null,
            evidenceUrl: note?.evidenceUrl ?? null,
          };
        });
        ratings.sort(byIndicatorCode);
        submitted.push({ groupId: row.group_id, ratings });
      }
      return submitted;
    },
  };
}
