import type { Kysely } from 'kysely';
import type { Person, PersonalRecords } from '../../app/privacy/data-rights-store.js';
import type { Database } from '../schema.js';

/** The names a person appears under in text columns: their email address, and their name when they have one. */
export function labelsOf(person: Person): string[] {
  return person.displayName.trim() ? [person.email, person.displayName] : [person.email];
}

/** The partnerships the person belongs to: name labels are matched only inside these. */
export function partnershipIdsOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('memberships').select('partnership_id').where('user_id', '=', userId);
}

/** Everything that names the person, each list oldest first. Answers are not here: nothing links them. */
export async function personalRecords(db: Kysely<Database>, person: Person): Promise<PersonalRecords> {
  const labels = labelsOf(person);
  const theirs = partnershipIdsOf(db, person.userId);
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
    .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'partnerships.name as partnershipName',
      'memberships.role',
      'organisations.name as organisationName',
      'memberships.created_at as joinedAt',
    ])
    .where('memberships.user_id', '=', person.userId)
    .orderBy('memberships.created_at')
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at as startedAt', 'last_seen_at as lastSeenAt'])
    .where('user_id', '=', person.userId)
    .orderBy('created_at')
    .execute();
  const reminderChoices = await db
    .selectFrom('reminder_opt_outs')
    .select(['kind', 'created_at as turnedOffAt'])
    .where('owner_id', '=', person.userId)
    .orderBy('created_at')
    .execute();
  const apiTokens = await db
    .selectFrom('api_tokens')
    .select(['name', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
    .where('user_id', '=', person.userId)
    .orderBy('created_at')
    .execute();
  const oneTimeLinks = await db
    .selectFrom('one_time_tokens')
    .select(['purpose', 'created_at as createdAt', 'expires_at as expiresAt', 'used_at as usedAt'])
    .where('user_id', '=', person.userId)
    .orderBy('created_at')
    .execute();
  const partnershipInvitations = await db
    .selectFrom('invitations')
    .innerJoin('partnerships', 'partnerships.id', 'invitations.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'invitations.role',
      'invitations.created_at as createdAt',
      'invitations.expires_at as expiresAt',
      'invitations.accepted_at as acceptedAt',
      'invitations.revoked_at as revokedAt',
    ])
    .where('invitations.email', '=', person.email)
    .orderBy('invitations.created_at')
    .execute();
  const roundInvitations = await db
    .selectFrom('round_invitations')
    .innerJoin('assessment_rounds', 'assessment_rounds.id', 'round_invitations.round_id')
    .innerJoin('partnerships', 'partnerships.id', 'assessment_rounds.partnership_id')
    .innerJoin('respondent_groups', 'respondent_groups.id', 'round_invitations.group_id')
    .select([
      'partnerships.name as partnershipName',
      'assessment_rounds.name as roundName',
      'respondent_groups.name as groupName',
      'round_invitations.created_at as invitedAt',
    ])
    .where('round_invitations.email', '=', person.email)
    .orderBy('round_invitations.created_at')
    .execute();
  const emailsSent = await db
    .selectFrom('outbox')
    .select(['subject', 'kind', 'status', 'created_at as createdAt', 'sent_at as sentAt'])
    .where('recipient', '=', person.email)
    .orderBy('created_at')
    .execute();
  const actionsLed = await db
    .selectFrom('actions')
    .innerJoin('partnerships', 'partnerships.id', 'actions.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'actions.title',
      'actions.status',
      'actions.due_on as dueOn',
    ])
    .where('actions.partnership_id', 'in', theirs)
    .where('actions.lead_name', 'in', labels)
    .orderBy('actions.created_at')
    .execute();
  const progressNotes = await db
    .selectFrom('action_progress_notes')
    .innerJoin('actions', 'actions.id', 'action_progress_notes.action_id')
    .innerJoin('partnerships', 'partnerships.id', 'actions.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'actions.title as actionTitle',
      'action_progress_notes.note',
      'action_progress_notes.noted_on as notedOn',
    ])
    .where('actions.partnership_id', 'in', theirs)
    .where('action_progress_notes.author_label', 'in', labels)
    .orderBy('action_progress_notes.created_at')
    .execute();
  const workshopRecords = await db
    .selectFrom('workshop_records')
    .innerJoin('assessment_rounds', 'assessment_rounds.id', 'workshop_records.round_id')
    .innerJoin('partnerships', 'partnerships.id', 'assessment_rounds.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'assessment_rounds.name as roundName',
      'workshop_records.principle_code as principleCode',
      'workshop_records.recorded_at as recordedAt',
    ])
    .where('assessment_rounds.partnership_id', 'in', theirs)
    .where('workshop_records.recorded_by', 'in', labels)
    .orderBy('workshop_records.recorded_at')
    .execute();
  const audit = await db
    .selectFrom('audit_events')
    .leftJoin('partnerships', 'partnerships.id', 'audit_events.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'audit_events.action',
      'audit_events.subject',
      'audit_events.created_at as createdAt',
      'audit_events.actor_user_id as actorUserId',
    ])
    .where((eb) =>
      eb.or([
        eb('audit_events.actor_user_id', '=', person.userId),
        eb('audit_events.subject', 'like', `%${person.email}%`),
      ]),
    )
    .orderBy('audit_events.created_at')
    .execute();
  const needsRecorded = await db
    .selectFrom('needs')
    .innerJoin('partnerships', 'partnerships.id', 'needs.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'needs.area_code as areaCode',
      'needs.theme',
      'needs.reported_on as reportedOn',
    ])
    .where('needs.created_by', '=', person.userId)
    .orderBy('needs.created_at')
    .execute();
  const servicesChecked = await db
    .selectFrom('services')
    .innerJoin('partnerships', 'partnerships.id', 'services.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'services.name',
      'services.last_checked_at as checkedAt',
    ])
    .where((eb) =>
      eb.or([
        eb('services.last_checked_by_user_id', '=', person.userId),
        eb.and([eb('services.partnership_id', 'in', theirs), eb('services.last_checked_by', 'in', labels)]),
      ]),
    )
    .orderBy('services.name')
    .execute();
  const organisationsChecked = await db
    .selectFrom('organisations')
    .innerJoin('partnerships', 'partnerships.id', 'organisations.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'organisations.name',
      'organisations.last_checked_at as checkedAt',
    ])
    .where('organisations.partnership_id', 'in', theirs)
    .where('organisations.last_checked_by', 'in', labels)
    .orderBy('organisations.name')
    .execute();
  const opportunities = await db
    .selectFrom('funding_opportunities')
    .innerJoin('partnerships', 'partnerships.id', 'funding_opportunities.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'funding_opportunities.fund_name as title',
      'funding_opportunities.created_at as createdAt',
    ])
    .where('funding_opportunities.created_by', '=', person.userId)
    .execute();
  const interests = await db
    .selectFrom('funding_interests')
    .innerJoin('partnerships', 'partnerships.id', 'funding_interests.partnership_id')
    .innerJoin('funding_opportunities', 'funding_opportunities.id', 'funding_interests.opportunity_id')
    .select([
      'partnerships.name as partnershipName',
      'funding_opportunities.fund_name as title',
      'funding_interests.created_at as createdAt',
    ])
    .where('funding_interests.created_by', '=', person.userId)
    .execute();
  const intentions = await db
    .selectFrom('commissioning_intentions')
    .innerJoin('partnerships', 'partnerships.id', 'commissioning_intentions.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'commissioning_intentions.title',
      'commissioning_intentions.created_at as createdAt',
    ])
    .where('commissioning_intentions.created_by', '=', person.userId)
    .execute();
  const matchingRuns = await db
    .selectFrom('matching_runs')
    .innerJoin('partnerships', 'partnerships.id', 'matching_runs.partnership_id')
    .select(['partnerships.name as partnershipName', 'matching_runs.created_at as createdAt'])
    .where('matching_runs.created_by', '=', person.userId)
    .orderBy('matching_runs.created_at')
    .execute();
  const importJobs = await db
    .selectFrom('import_jobs')
    .leftJoin('partnerships', 'partnerships.id', 'import_jobs.partnership_id')
    .select([
      'partnerships.name as partnershipName',
      'import_jobs.kind',
      'import_jobs.source_name as sourceName',
      'import_jobs.created_at as createdAt',
    ])
    .where('import_jobs.created_by_user_id', '=', person.userId)
    .orderBy('import_jobs.created_at')
    .execute();
  return {
    memberships,
    sessions,
    reminderChoices,
    apiTokens,
    oneTimeLinks,
    partnershipInvitations,
    roundInvitations,
    emailsSent,
    actionsLed,
    progressNotes,
    workshopRecords,
    // LIKE treats _ in an address as any character: keep only the entries that really name the person.
    auditEntries: audit
      .filter((row) => row.actorUserId === person.userId || row.subject.includes(person.email))
      .map(({ actorUserId, ...entry }) => ({ ...entry, byYou: actorUserId === person.userId })),
    needsRecorded,
    directoryChecks: [
      ...servicesChecked.map((row) => ({ ...row, kind: 'service' as const })),
      ...organisationsChecked.map((row) => ({ ...row, kind: 'organisation' as const })),
    ],
    fundingRecords: [
      ...opportunities.map((row) => ({ ...row, kind: 'funding opportunity' as const })),
      ...interests.map((row) => ({ ...row, kind: 'bid interest' as const })),
      ...intentions.map((row) => ({ ...row, kind: 'commissioning intention' as const })),
    ].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
    matchingRuns,
    importJobs,
  };
}
