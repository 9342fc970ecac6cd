import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import * as foundation from './migrations/0001-foundation.js';
import * as assessmentRounds from './migrations/0002-assessment-rounds.js';
import * as resultsIndexes from './migrations/0003-results-indexes.js';
import * as answersVersion from './migrations/0004-answers-version.js';
import * as actions from './migrations/0005-actions.js';
import * as importJobs from './migrations/0008-import-jobs.js';
import * as directory from './migrations/0007-directory.js';
import * as areas from './migrations/0006-areas.js';
import * as orukIndexes from './migrations/0009-oruk-indexes.js';
import * as needs from './migrations/0010-needs.js';
import * as matchingRuns from './migrations/0011-matching-runs.js';
import * as grants from './migrations/0012-grants.js';
import * as fundingPipeline from './migrations/0013-funding-pipeline.js';
import * as reminders from './migrations/0015-reminders.js';
import * as national from './migrations/0016-national.js';
import * as dataRights from './migrations/0017-data-rights.js';
import * as outboxDelivery from './migrations/0018-outbox-delivery.js';
import * as signInLimits from './migrations/0019-sign-in-limits.js';
import * as serviceLocalEdits from './migrations/0022-service-local-edits.js';
import * as memberAnswering from './migrations/0023-member-answering.js';
import * as reachRule from './migrations/0025-reach-rule.js';
import * as importJobOwners from './migrations/0028-import-job-owners.js';
import * as grantStandardFields from './migrations/0029-grant-standard-fields.js';
import * as organisationThemes from './migrations/0030-organisation-themes.js';
import * as organisationUpdatedAt from './migrations/0031-organisation-updated-at.js';
import * as feedSubscriptions from './migrations/0032-feed-subscriptions.js';
import * as feedHealthChecks from './migrations/0034-feed-health-checks.js';
import * as orukFeedCounts from './migrations/0035-oruk-feed-counts.js';

/** Forward-only migrations, in order. Add new ones at the end; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-assessment-rounds': assessmentRounds,
  '0003-results-indexes': resultsIndexes,
  '0004-answers-version': answersVersion,
  '0005-actions': actions,
  '0008-import-jobs': importJobs,
  '0007-directory': directory,
  '0006-areas': areas,
  '0009-oruk-indexes': orukIndexes,
  '0010-needs': needs,
  '0011-matching-runs': matchingRuns,
  '0012-grants': grants,
  '0013-funding-pipeline': fundingPipeline,
  '0015-reminders': reminders,
  '0016-national': national,
  '0017-data-rights': dataRights,
  '0018-outbox-delivery': outboxDelivery,
  '0019-sign-in-limits': signInLimits,
  '0022-service-local-edits': serviceLocalEdits,
  '0023-member-answering': memberAnswering,
  '0025-reach-rule': reachRule,
  '0028-import-job-owners': importJobOwners,
  '0029-grant-standard-fields': grantStandardFields,
  '0030-organisation-themes': organisationThemes,
  '0031-organisation-updated-at': organisationUpdatedAt,
  '0032-feed-subscriptions': feedSubscriptions,
  '0034-feed-health-checks': feedHealthChecks,
  '0035-oruk-feed-counts': orukFeedCounts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  readonly applied: readonly string[];
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  const migrator = new Migrator({ db: handle.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
