import { sql } from 'kysely';

/** The prefix of an invitation's email and link once they were removed; never a real address or hash. */
export const REMOVED = 'removed:';

/** `removed:` and the row's id: unique, like the email (per round) and link hash it replaces. */
export const removedMarker = sql<string>`${sql.lit(REMOVED)} || ${sql.ref('id')}`;
