import { sql, type Kysely } from 'kysely';

/**
 * Indexes for working out a large round's results (see `responses.submitted`): every rating of a response read
 * from the index alone, and the few ratings with a comment or evidence link found without reading the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('response_ratings_answers')
    .on('response_ratings')
    .columns(['response_id', 'indicator_code', 'rating'])
    .execute();
  await db.schema
    .createIndex('response_ratings_notes')
    .on('response_ratings')
    .column('response_id')
    .where(sql<boolean>`comment is not null or evidence_url is not null`)
    .execute();
}
