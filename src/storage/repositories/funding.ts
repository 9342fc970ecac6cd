import type { Insertable, Kysely, Selectable } from 'kysely';
import type { FundingStore, InterestRecord, OpportunityRecord } from '../../app/ports.js';
import type { CoordinationKind, InterestRole } from '../../domain/funding/clashes.js';
import type { Currency } from '../../domain/funding/money.js';
import type { Database } from '../schema.js';
import type { FundingInterestsTable, FundingOpportunitiesTable } from '../schema-funding.js';

const amount = (value: number | string | null) => (value === null ? null : Number(value));
const strings = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
};

function toOpportunity(row: Selectable<FundingOpportunitiesTable>): OpportunityRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    funder: row.funder,
    fundName: row.fund_name,
    amountMin: amount(row.amount_min),
    amountMax: amount(row.amount_max),
    currency: row.currency as Currency,
    deadline: row.deadline,
    themes: strings(row.themes),
    areaCodes: strings(row.area_codes),
    link: row.link,
    notes: row.notes,
    coordinationKind: row.coordination_kind as CoordinationKind | null,
    coordinationActionId: row.coordination_action_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function opportunityRow(record: OpportunityRecord): Insertable<FundingOpportunitiesTable> {
  return {
    id: record.id,
    partnership_id: record.partnershipId,
    funder: record.funder,
    fund_name: record.fundName,
    amount_min: record.amountMin,
    amount_max: record.amountMax,
    currency: record.currency,
    deadline: record.deadline,
    themes: JSON.stringify(record.themes),
    area_codes: JSON.stringify(record.areaCodes),
    link: record.link,
    notes: record.notes,
    coordination_kind: record.coordinationKind,
    coordination_action_id: record.coordinationActionId,
    created_by: record.createdBy,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

function toInterest(row: Selectable<FundingInterestsTable>): InterestRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    opportunityId: row.opportunity_id,
    organisationId: row.organisation_id,
    role: row.role as InterestRole,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function fundingRepository(db: Kysely<Database>): FundingStore {
  return {
    async insertOpportunity(record) {
      await db.insertInto('funding_opportunities').values(opportunityRow(record)).execute();
    },
    async updateOpportunity(record) {
      const {
        id: _id,
        partnership_id: _p,
        created_by: _b,
        created_at: _c,
        ...change
      } = opportunityRow(record);
      await db
        .updateTable('funding_opportunities')
        .set(change)
        .where('partnership_id', '=', record.partnershipId)
        .where('id', '=', record.id)
        .execute();
    },
    async findOpportunity(partnershipId, id) {
      const row = await db
        .selectFrom('funding_opportunities')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toOpportunity(row) : undefined;
    },
    async listOpportunities(partnershipId) {
      const rows = await db
        .selectFrom('funding_opportunities')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('fund_name')
        .orderBy('id')
        .execute();
      return rows.map(toOpportunity);
    },
    async saveInterest(record) {
      // Only an opportunity of the same partnership takes the interest.
      const opportunity = await db
        .selectFrom('funding_opportunities')
        .select('id')
        .where('partnership_id', '=', record.partnershipId)
        .where('id', '=', record.opportunityId)
        .executeTakeFirst();
      if (!opportunity) return;
      await db
        .insertInto('funding_interests')
        .values({
          id: record.id,
          partnership_id: record.partnershipId,
          opportunity_id: record.opportunityId,
          organisation_id: record.organisationId,
          role: record.role,
          note: record.note,
          created_by: record.createdBy,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
        })
        .onConflict((oc) =>
          oc.columns(['opportunity_id', 'organisation_id']).doUpdateSet({
            role: record.role,
            note: record.note,
            updated_at: record.updatedAt,
          }),
        )
        .execute();
    },
    async removeInterest(partnershipId, opportunityId, organisationId) {
      const result = await db
        .deleteFrom('funding_interests')
        .where('partnership_id', '=', partnershipId)
        .where('opportunity_id', '=', opportunityId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async listInterests(partnershipId, opportunityId) {
      let query = db.selectFrom('funding_interests').selectAll().where('partnership_id', '=', partnershipId);
      if (opportunityId !== undefined) query = query.where('opportunity_id', '=', opportunityId);
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(toInterest);
    },
  };
}
