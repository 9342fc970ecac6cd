import type { Kysely, Selectable } from 'kysely';
import type {
  ContentVersionRecord,
  NationalStore,
  PartnershipProfileRecord,
} from '../../app/national/national-records.js';
import type { Database } from '../schema.js';
import type { PartnershipProfilesTable } from '../schema-partnerships.js';

function toProfile(row: Selectable<PartnershipProfilesTable>): PartnershipProfileRecord {
  return {
    partnershipId: row.partnership_id,
    frameworkVersion: row.framework_version,
    region: row.region,
    benchmarkOptIn: Number(row.benchmark_opt_in) === 1,
    benchmarkChangedAt: row.benchmark_changed_at,
    updatedAt: row.updated_at,
  };
}

export function nationalRepository(db: Kysely<Database>): NationalStore {
  return {
    async publications(kind) {
      const rows = await db
        .selectFrom('content_versions')
        .selectAll()
        .where('kind', '=', kind)
        .orderBy('published_at')
        .execute();
      return rows.map((row): ContentVersionRecord => ({
        id: row.id,
        kind: 'framework',
        version: row.version,
        publishedAt: row.published_at,
        publishedBy: row.published_by,
        publishedByName: row.published_by_name,
      }));
    },
    async recordPublication(record) {
      await db
        .insertInto('content_versions')
        .values({
          id: record.id,
          kind: record.kind,
          version: record.version,
          published_at: record.publishedAt,
          published_by: record.publishedBy,
          published_by_name: record.publishedByName,
        })
        .execute();
    },
    async profile(partnershipId) {
      const row = await db
        .selectFrom('partnership_profiles')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .executeTakeFirst();
      return row && toProfile(row);
    },
    async profiles() {
      const rows = await db.selectFrom('partnership_profiles').selectAll().execute();
      return rows.map(toProfile);
    },
    async saveProfile(record) {
      const values = {
        framework_version: record.frameworkVersion,
        region: record.region,
        benchmark_opt_in: record.benchmarkOptIn ? 1 : 0,
        benchmark_changed_at: record.benchmarkChangedAt,
        updated_at: record.updatedAt,
      };
      await db
        .insertInto('partnership_profiles')
        .values({ partnership_id: record.partnershipId, ...values })
        .onConflict((conflict) => conflict.column('partnership_id').doUpdateSet(values))
        .execute();
    },
    async uptakeRounds() {
      const rows = await db
        .selectFrom('assessment_rounds')
        .select(['partnership_id', 'opens_on', 'closes_on', 'closed_at'])
        .execute();
      return rows.map((row) => ({
        partnershipId: row.partnership_id,
        opensOn: row.opens_on,
        closesOn: row.closes_on,
        closedAt: row.closed_at,
      }));
    },
    async respondentCounts() {
      const rows = await db
        .selectFrom('responses')
        .innerJoin('respondent_groups', 'respondent_groups.id', 'responses.group_id')
        .innerJoin('assessment_rounds', 'assessment_rounds.id', 'responses.round_id')
        .select(['assessment_rounds.partnership_id', 'respondent_groups.kind'])
        .select((eb) => eb.fn.countAll<number | string>().as('submitted'))
        .where('responses.status', '=', 'submitted')
        .groupBy(['assessment_rounds.partnership_id', 'respondent_groups.kind'])
        .execute();
      return rows.map((row) => ({
        partnershipId: row.partnership_id,
        groupKind: row.kind,
        submitted: Number(row.submitted),
      }));
    },
    async activeActionCounts() {
      const rows = await db
        .selectFrom('actions')
        .select('partnership_id')
        .select((eb) => eb.fn.countAll<number | string>().as('active'))
        .where('status', 'not in', ['done', 'dropped'])
        .groupBy('partnership_id')
        .execute();
      return rows.map((row) => ({ partnershipId: row.partnership_id, active: Number(row.active) }));
    },
  };
}
