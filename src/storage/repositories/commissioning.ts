import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CommissioningStore, IntentionRecord } from '../../app/ports.js';
import type {
  CommissioningRoute,
  CommissioningStatus,
  NeedCell,
} from '../../domain/funding/commissioning.js';
import type { Currency } from '../../domain/funding/money.js';
import type { Database } from '../schema.js';
import type { CommissioningIntentionsTable } from '../schema-funding.js';

const parsedList = (json: string): unknown[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed : [];
};
const strings = (json: string) => parsedList(json).filter((v): v is string => typeof v === 'string');
const cells = (json: string): NeedCell[] =>
  parsedList(json).flatMap((v) => {
    const cell = v as Partial<NeedCell> | null;
    return cell && typeof cell.areaCode === 'string' && typeof cell.theme === 'string'
      ? [{ areaCode: cell.areaCode, theme: cell.theme }]
      : [];
  });

function toIntention(row: Selectable<CommissioningIntentionsTable>): IntentionRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    title: row.title,
    needCells: cells(row.need_cells),
    outcomes: strings(row.outcomes),
    budget: row.budget === null ? null : Number(row.budget),
    currency: row.currency as Currency,
    durationMonths: row.duration_months === null ? null : Number(row.duration_months),
    route: row.route as CommissioningRoute,
    serviceIds: strings(row.service_ids),
    status: row.status as CommissioningStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function intentionRow(record: IntentionRecord): Insertable<CommissioningIntentionsTable> {
  return {
    id: record.id,
    partnership_id: record.partnershipId,
    title: record.title,
    need_cells: JSON.stringify(record.needCells.map((c) => ({ areaCode: c.areaCode, theme: c.theme }))),
    outcomes: JSON.stringify(record.outcomes),
    budget: record.budget,
    currency: record.currency,
    duration_months: record.durationMonths,
    route: record.route,
    service_ids: JSON.stringify(record.serviceIds),
    status: record.status,
    created_by: record.createdBy,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

export function commissioningRepository(db: Kysely<Database>): CommissioningStore {
  return {
    async insert(record) {
      await db.insertInto('commissioning_intentions').values(intentionRow(record)).execute();
    },
    async update(record) {
      const { id: _id, partnership_id: _p, created_by: _b, created_at: _c, ...change } = intentionRow(record);
      await db
        .updateTable('commissioning_intentions')
        .set(change)
        .where('partnership_id', '=', record.partnershipId)
        .where('id', '=', record.id)
        .execute();
    },
    async find(partnershipId, id) {
      const row = await db
        .selectFrom('commissioning_intentions')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toIntention(row) : undefined;
    },
    async list(partnershipId) {
      const rows = await db
        .selectFrom('commissioning_intentions')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toIntention);
    },
  };
}
