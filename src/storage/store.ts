import { sql, type Kysely } from 'kysely';
import type { Store } from '../app/ports.js';
import type { Database } from './schema.js';
import { apiTokensRepository } from './repositories/api-tokens.js';
import { auditRepository } from './repositories/audit.js';
import { invitationsRepository } from './repositories/invitations.js';
import { locksRepository } from './repositories/locks.js';
import { membershipsRepository } from './repositories/memberships.js';
import { oneTimeTokensRepository } from './repositories/one-time-tokens.js';
import { organisationsRepository } from './repositories/organisations.js';
import { outboxRepository } from './repositories/outbox.js';
import { partnershipsRepository } from './repositories/partnerships.js';
import { sessionsRepository } from './repositories/sessions.js';
import { settingsRepository } from './repositories/settings.js';
import { usersRepository } from './repositories/users.js';
import { roundsRepository } from './repositories/rounds.js';
import { roundInvitationsRepository } from './repositories/round-invitations.js';
import { responsesRepository } from './repositories/responses.js';
import { workshopRepository } from './repositories/workshop.js';
import { actionsRepository } from './repositories/actions.js';
import { importJobsRepository } from './repositories/import-jobs.js';
import { directoryRepository } from './repositories/directory.js';
import { areasRepository } from './repositories/areas.js';
import { needsRepository } from './repositories/needs.js';
import { grantsRepository } from './repositories/grants.js';
import { fundingRepository } from './repositories/funding.js';
import { commissioningRepository } from './repositories/commissioning.js';
import { matchingRunsRepository } from './repositories/matching-runs.js';
import { remindersRepository } from './repositories/reminders.js';
import { nationalRepository } from './repositories/national.js';
import { dataRightsRepository } from './repositories/data-rights.js';
import { signInFailuresRepository } from './repositories/sign-in-failures.js';
import { serviceLocalEditsRepository } from './repositories/service-local-edits.js';
import { organisationThemesRepository } from './repositories/organisation-themes.js';
import { feedSubscriptionsRepository } from './repositories/feed-subscriptions.js';
import { feedHealthChecksRepository } from './repositories/feed-health-checks.js';

/** The Store the use-cases see, on either database. Inside a transaction every repository shares it. */
export function createStore(db: Kysely<Database>): Store {
  return {
    users: usersRepository(db),
    partnerships: partnershipsRepository(db),
    organisations: organisationsRepository(db),
    memberships: membershipsRepository(db),
    sessions: sessionsRepository(db),
    oneTimeTokens: oneTimeTokensRepository(db),
    invitations: invitationsRepository(db),
    apiTokens: apiTokensRepository(db),
    outbox: outboxRepository(db),
    audit: auditRepository(db),
    settings: settingsRepository(db),
    locks: locksRepository(db),
    rounds: roundsRepository(db),
    roundInvitations: roundInvitationsRepository(db),
    responses: responsesRepository(db),
    workshop: workshopRepository(db),
    actions: actionsRepository(db),
    importJobs: importJobsRepository(db),
    directory: directoryRepository(db),
    serviceEdits: serviceLocalEditsRepository(db),
    organisationThemes: organisationThemesRepository(db),
    feedSubscriptions: feedSubscriptionsRepository(db),
    feedHealthChecks: feedHealthChecksRepository(db),
    areas: areasRepository(db),
    needs: needsRepository(db),
    grants: grantsRepository(db),
    funding: fundingRepository(db),
    commissioning: commissioningRepository(db),
    matchingRuns: matchingRunsRepository(db),
    reminders: remindersRepository(db),
    national: nationalRepository(db),
    dataRights: dataRightsRepository(db),
    signInFailures: signInFailuresRepository(db),
    transaction: (work) =>
      db.isTransaction ? work(createStore(db)) : db.transaction().execute((trx) => work(createStore(trx))),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
  };
}
