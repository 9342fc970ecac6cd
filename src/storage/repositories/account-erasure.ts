import { sql, type Kysely } from 'kysely';
import { DELETED_USER, type ErasureCounts, type Person } from '../../app/privacy/data-rights-store.js';
import type { Database } from '../schema.js';
import { removedMarker } from './removed-marker.js';
import { labelsOf } from './personal-records.js';

const count = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0);

/**
 * Deletes a person's account and personal data; kept records (actions, notes, audit entries, directory checks)
 * say DELETED_USER instead of their name or email address. Run inside a transaction. Names are replaced only in
 * the person's own partnerships, read before their memberships go. Answers are never touched: nothing links
 * them to the person, and their round invitations lose the email address and link that could.
 */
export async function eraseAccount(db: Kysely<Database>, person: Person): Promise<ErasureCounts> {
  const labels = labelsOf(person);
  const theirs = (
    await db.selectFrom('memberships').select('partnership_id').where('user_id', '=', person.userId).execute()
  ).map((row) => row.partnership_id);
  const inTheirs = theirs.length > 0 ? theirs : ['-'];
  const counts: Record<string, number> = {};

  counts.actionsLed = count(
    await db
      .updateTable('actions')
      .set({ lead_name: DELETED_USER })
      .where('partnership_id', 'in', inTheirs)
      .where('lead_name', 'in', labels)
      .executeTakeFirst(),
  );
  counts.progressNotes = count(
    await db
      .updateTable('action_progress_notes')
      .set({ author_label: DELETED_USER })
      .where('author_label', 'in', labels)
      .where('action_id', 'in', db.selectFrom('actions').select('id').where('partnership_id', 'in', inTheirs))
      .executeTakeFirst(),
  );
  counts.workshopRecords = count(
    await db
      .updateTable('workshop_records')
      .set({ recorded_by: DELETED_USER })
      .where('recorded_by', 'in', labels)
      .where(
        'round_id',
        'in',
        db.selectFrom('assessment_rounds').select('id').where('partnership_id', 'in', inTheirs),
      )
      .executeTakeFirst(),
  );
  counts.directoryChecks =
    count(
      await db
        .updateTable('services')
        .set({ last_checked_by: DELETED_USER, last_checked_by_user_id: null })
        .where((eb) =>
          eb.or([
            eb('last_checked_by_user_id', '=', person.userId),
            eb.and([eb('partnership_id', 'in', inTheirs), eb('last_checked_by', 'in', labels)]),
          ]),
        )
        .executeTakeFirst(),
    ) +
    count(
      await db
        .updateTable('organisations')
        .set({ last_checked_by: DELETED_USER })
        .where('partnership_id', 'in', inTheirs)
        .where('last_checked_by', 'in', labels)
        .executeTakeFirst(),
    );
  let authored = 0;
  for (const table of [
    'needs',
    'funding_opportunities',
    'funding_interests',
    'commissioning_intentions',
  ] as const) {
    authored += count(
      await db
        .updateTable(table)
        .set({ created_by: null })
        .where('created_by', '=', person.userId)
        .executeTakeFirst(),
    );
  }
  authored += count(
    await db
      .updateTable('matching_runs')
      .set({ created_by: null, created_by_name: DELETED_USER })
      .where((eb) =>
        eb.or([
          eb('created_by', '=', person.userId),
          eb.and([eb('partnership_id', 'in', inTheirs), eb('created_by_name', 'in', labels)]),
        ]),
      )
      .executeTakeFirst(),
  );
  authored += count(
    await db
      .updateTable('import_jobs')
      .set({ created_by_user_id: null })
      .where('created_by_user_id', '=', person.userId)
      .executeTakeFirst(),
  );
  authored += count(
    await db
      .updateTable('content_versions')
      .set({ published_by: null, published_by_name: DELETED_USER })
      .where('published_by', '=', person.userId)
      .executeTakeFirst(),
  );
  counts.recordsAuthored = authored;
  counts.auditEntries = count(
    await db
      .updateTable('audit_events')
      .set({ actor_user_id: null, actor_label: DELETED_USER })
      .where((eb) =>
        eb.or([
          eb('actor_user_id', '=', person.userId),
          eb.and([eb('partnership_id', 'in', inTheirs), eb('actor_label', 'in', labels)]),
          eb('actor_label', '=', person.email),
        ]),
      )
      .executeTakeFirst(),
  );
  counts.auditSubjects = count(
    await db
      .updateTable('audit_events')
      .set({ subject: sql<string>`replace(subject, ${person.email}, ${'a deleted user'})` })
      .where('subject', 'like', `%${person.email}%`)
      .executeTakeFirst(),
  );
  counts.partnershipInvitations = count(
    await db.deleteFrom('invitations').where('email', '=', person.email).executeTakeFirst(),
  );
  await db
    .updateTable('invitations')
    .set({ invited_by_user_id: null })
    .where('invited_by_user_id', '=', person.userId)
    .execute();
  counts.roundInvitations = count(
    await db
      .updateTable('round_invitations')
      .set({ email: removedMarker, token_hash: removedMarker })
      .where('email', '=', person.email)
      .executeTakeFirst(),
  );
  counts.emails = count(
    await db.deleteFrom('outbox').where('recipient', '=', person.email).executeTakeFirst(),
  );
  counts.sessions = count(
    await db.deleteFrom('sessions').where('user_id', '=', person.userId).executeTakeFirst(),
  );
  counts.links = count(
    await db.deleteFrom('one_time_tokens').where('user_id', '=', person.userId).executeTakeFirst(),
  );
  counts.apiTokens = count(
    await db.deleteFrom('api_tokens').where('user_id', '=', person.userId).executeTakeFirst(),
  );
  counts.reminderChoices = count(
    await db.deleteFrom('reminder_opt_outs').where('owner_id', '=', person.userId).executeTakeFirst(),
  );
  counts.remindersSent = count(
    await db.deleteFrom('reminders_sent').where('recipient', '=', person.userId).executeTakeFirst(),
  );
  counts.memberships = count(
    await db.deleteFrom('memberships').where('user_id', '=', person.userId).executeTakeFirst(),
  );
  counts.accounts = count(await db.deleteFrom('users').where('id', '=', person.userId).executeTakeFirst());
  return counts;
}
