import type { Insertable, Kysely, Selectable } from 'kysely';
import type { GrantStore } from '../../app/ports.js';
import type { GrantKind, GrantLocation, GrantMatchMethod, GrantRecord } from '../../domain/funding/grant.js';
import type { Database } from '../schema.js';
import type { GrantsTable } from '../schema-needs.js';
import { chunks } from './batches.js';

function toGrant(row: Selectable<GrantsTable>): GrantRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    title: row.title,
    description: row.description,
    currency: row.currency,
    amountAwarded: row.amount_awarded,
    awardDate: row.award_date,
    plannedStartDate: row.planned_start_date,
    plannedEndDate: row.planned_end_date,
    plannedDurationMonths: row.planned_duration_months === null ? null : Number(row.planned_duration_months),
    recipientOrgId: row.recipient_org_id,
    recipientOrgName: row.recipient_org_name,
    recipientCharityNumber: row.recipient_charity_number,
    recipientCompanyNumber: row.recipient_company_number,
    recipientLocation:
      row.recipient_location === null ? null : (JSON.parse(row.recipient_location) as GrantLocation),
    fundingOrgId: row.funding_org_id,
    fundingOrgName: row.funding_org_name,
    beneficiaryLocations: JSON.parse(row.beneficiary_locations) as GrantLocation[],
    grantProgramme: row.grant_programme,
    kind: row.grant_kind as GrantKind,
    themes: JSON.parse(row.themes) as string[],
    match: {
      organisationId: row.matched_organisation_id,
      method: row.match_method as GrantMatchMethod,
      confidence: row.match_confidence === null ? null : Number(row.match_confidence),
    },
    dataSource: row.data_source,
    importedAt: row.imported_at,
    ...(row.standard_fields === null
      ? {}
      : { standardFields: JSON.parse(row.standard_fields) as Record<string, unknown> }),
  };
}

function grantRow(grant: GrantRecord): Insertable<GrantsTable> {
  return {
    partnership_id: grant.partnershipId,
    id: grant.id,
    title: grant.title,
    description: grant.description,
    currency: grant.currency,
    amount_awarded: grant.amountAwarded,
    award_date: grant.awardDate,
    planned_start_date: grant.plannedStartDate,
    planned_end_date: grant.plannedEndDate,
    planned_duration_months: grant.plannedDurationMonths,
    recipient_org_id: grant.recipientOrgId,
    recipient_org_name: grant.recipientOrgName,
    recipient_charity_number: grant.recipientCharityNumber,
    recipient_company_number: grant.recipientCompanyNumber,
    recipient_location: grant.recipientLocation === null ? null : JSON.stringify(grant.recipientLocation),
    matched_organisation_id: grant.match.organisationId,
    match_method: grant.match.method,
    match_confidence: grant.match.confidence,
    funding_org_id: grant.fundingOrgId,
    funding_org_name: grant.fundingOrgName,
    beneficiary_locations: JSON.stringify(grant.beneficiaryLocations),
    grant_programme: grant.grantProgramme,
    grant_kind: grant.kind,
    themes: JSON.stringify(grant.themes),
    data_source: grant.dataSource,
    imported_at: grant.importedAt,
    standard_fields: grant.standardFields ? JSON.stringify(grant.standardFields) : null,
  };
}

const columnCount = 27;
/** Ids looked up per statement, under both databases' limits on bound values. */
const lookupBatch = 500;

/** Every column but the key, replaced from the incoming row when the grant already exists. */
const replacedColumns = [
  'title',
  'description',
  'currency',
  'amount_awarded',
  'award_date',
  'planned_start_date',
  'planned_end_date',
  'planned_duration_months',
  'recipient_org_id',
  'recipient_org_name',
  'recipient_charity_number',
  'recipient_company_number',
  'recipient_location',
  'matched_organisation_id',
  'match_method',
  'match_confidence',
  'funding_org_id',
  'funding_org_name',
  'beneficiary_locations',
  'grant_programme',
  'grant_kind',
  'themes',
  'data_source',
  'imported_at',
  'standard_fields',
] as const;

export function grantsRepository(db: Kysely<Database>): GrantStore {
  return {
    async save(records) {
      for (const batch of chunks(records, columnCount)) {
        if (batch.length === 0) continue;
        await db
          .insertInto('grants')
          .values(batch.map(grantRow))
          .onConflict((conflict) =>
            conflict
              .columns(['partnership_id', 'id'])
              .doUpdateSet((eb) =>
                Object.fromEntries(replacedColumns.map((column) => [column, eb.ref(`excluded.${column}`)])),
              ),
          )
          .execute();
      }
    },
    async find(partnershipId, id) {
      const row = await db
        .selectFrom('grants')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toGrant(row) : undefined;
    },
    async listForPartnership(partnershipId, filter = {}) {
      let query = db.selectFrom('grants').selectAll().where('partnership_id', '=', partnershipId);
      if (filter.currency) query = query.where('currency', '=', filter.currency);
      if (filter.fundingOrgId) query = query.where('funding_org_id', '=', filter.fundingOrgId);
      if (filter.matchedOrganisationId) {
        query = query.where('matched_organisation_id', '=', filter.matchedOrganisationId);
      }
      if (filter.awardedFrom) query = query.where('award_date', '>=', filter.awardedFrom);
      if (filter.awardedTo) query = query.where('award_date', '<=', filter.awardedTo);
      if (filter.matchMethods) {
        if (filter.matchMethods.length === 0) return [];
        query = query.where('match_method', 'in', [...filter.matchMethods]);
      }
      const rows = await query.orderBy('award_date', 'desc').orderBy('id').execute();
      return rows.map(toGrant);
    },
    async withIds(partnershipId, ids) {
      const unique = [...new Set(ids)];
      const found: GrantRecord[] = [];
      for (let start = 0; start < unique.length; start += lookupBatch) {
        const rows = await db
          .selectFrom('grants')
          .selectAll()
          .where('partnership_id', '=', partnershipId)
          .where('id', 'in', unique.slice(start, start + lookupBatch))
          .execute();
        found.push(...rows.map(toGrant));
      }
      return found;
    },
    async setMatch(partnershipId, id, match) {
      const result = await db
        .updateTable('grants')
        .set({
          matched_organisation_id: match.organisationId,
          match_method: match.method,
          match_confidence: match.confidence,
        })
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async count(partnershipId) {
      const row = await db
        .selectFrom('grants')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('partnership_id', '=', partnershipId)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
