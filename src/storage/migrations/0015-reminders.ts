import type { Kysely } from 'kysely';

/**
 * Reminders. `reminders_sent` makes each reminder go once: its key is (kind, subject, recipient, period) and a
 * row is written in the same transaction as the email. The recipient is a user id, or for a round-closing
 * reminder the round invitation's id, never an email address; no page, export or API reads this table.
 * `reminder_opt_outs` holds the kinds a person turned off: the owner is a user id, or a round invitation id for
 * invitees without an account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminders_sent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reminders_sent_once')
    .unique()
    .on('reminders_sent')
    .columns(['kind', 'subject_id', 'recipient', 'period'])
    .execute();
  await db.schema
    .createTable('reminder_opt_outs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reminder_opt_outs_owner_kind')
    .unique()
    .on('reminder_opt_outs')
    .columns(['owner_id', 'kind'])
    .execute();
}
