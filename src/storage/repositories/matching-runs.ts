import type { Kysely, Selectable } from 'kysely';
import type {
  MatchingRunRecord,
  MatchingRunStore,
  MatchingRunSummary,
} from '../../app/matching/matching-run-record.js';
import type { Database } from '../schema.js';
import type { MatchingRunsTable } from '../schema-needs.js';

type SummaryRow = Omit<Selectable<MatchingRunsTable>, 'input_json' | 'result_json'>;

const summaryColumns = [
  'id',
  'partnership_id',
  'themes',
  'max_km',
  'need_units',
  'met_units',
  'unmet_units',
  'service_count',
  'total_cost',
  'greedy_cost',
  'created_by',
  'created_by_name',
  'created_at',
] as const;

function toSummary(row: SummaryRow): MatchingRunSummary {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    themes: JSON.parse(row.themes) as string[],
    maxKm: Number(row.max_km),
    needUnits: Number(row.need_units),
    metUnits: Number(row.met_units),
    unmetUnits: Number(row.unmet_units),
    serviceCount: Number(row.service_count),
    totalCost: Number(row.total_cost),
    greedyCost: row.greedy_cost === null ? null : Number(row.greedy_cost),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
  };
}

export function matchingRunsRepository(db: Kysely<Database>): MatchingRunStore {
  return {
    async insert(run: MatchingRunRecord) {
      await db
        .insertInto('matching_runs')
        .values({
          id: run.id,
          partnership_id: run.partnershipId,
          themes: JSON.stringify(run.themes),
          max_km: run.maxKm,
          need_units: run.needUnits,
          met_units: run.metUnits,
          unmet_units: run.unmetUnits,
          service_count: run.serviceCount,
          total_cost: run.totalCost,
          greedy_cost: run.greedyCost,
          input_json: run.inputJson,
          result_json: run.resultJson,
          created_by: run.createdBy,
          created_by_name: run.createdByName,
          created_at: run.createdAt,
        })
        .execute();
    },
    async find(partnershipId, id) {
      const row = await db
        .selectFrom('matching_runs')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { ...toSummary(row), inputJson: row.input_json, resultJson: row.result_json } : undefined;
    },
    async list(partnershipId, limit) {
      const rows = await db
        .selectFrom('matching_runs')
        .select(summaryColumns)
        .where('partnership_id', '=', partnershipId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toSummary);
    },
  };
}
